/**
 * 同步 the re-sync job's pass: every order and refund a callback, a crash or a timeout left open is
 * brought to an end state, asking the channel where the channel knows best.
 */
import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { CHANNEL_CODES, isAdapterError, type ChannelTrade } from '../../adapters/index.js';
import { closeAtChannel, compensate, finishCompensation, withSettlement } from './compensation.js';
import { applyTrade } from './notifications.js';
import { channelOf, transition, type PaymentDeps } from './order-state.js';
import { finishRefund, finishWholeRefund, unfinishedRefund } from './refunds.js';
import { orders, refunds } from './schema.js';
import type { OrderRow } from './views.js';

/**
 * 同步 one pass of the background job: closes orders past their timeout (compensating what was
 * settled), asks the channel about paying orders (a lost callback still ends them), finishes
 * compensations, refunds and full refunds a crash interrupted. Returns how many orders and refunds
 * it looked at.
 */
export async function syncOnce(deps: PaymentDeps, limit = 200) {
  const { ctx } = deps;
  const now = new Date();
  const unfinished = await ctx.database.db.select().from(refunds).where(unfinishedRefund).orderBy(refunds.createdAt).limit(limit);
  for (const row of unfinished) {
    try {
      await finishRefund(deps, row);
    } catch (error) {
      ctx.log.warn({ err: error, refundId: row.id, orderId: row.orderId }, 'payment refund sync failed; retried next pass');
    }
  }
  const due = await ctx.database.db
    .select()
    .from(orders)
    .where(
      or(
        inArray(orders.status, ['paying', 'compensating']),
        and(inArray(orders.status, ['created', 'settling']), lt(orders.expiresAt, now)),
        and(eq(orders.status, 'paid'), eq(orders.refundedFen, orders.totalFen), sql`${orders.totalFen} > 0`),
      ),
    )
    .orderBy(orders.updatedAt)
    .limit(limit);
  for (const order of due) {
    try {
      await syncOrder(deps, order, now);
    } catch (error) {
      ctx.log.warn({ err: error, orderId: order.id }, 'payment order sync failed; retried next pass');
    }
  }
  return unfinished.length + due.length;
}

async function syncOrder(deps: PaymentDeps, order: OrderRow, now: Date) {
  const { ctx } = deps;
  const expired = order.expiresAt < now;
  switch (order.status) {
    case 'created':
      await transition(ctx, order.id, ['created'], { status: 'closed', failureCode: 'payment.order_expired', endedAt: now });
      return;
    case 'settling': {
      // A confirmation that crashed mid-way: whatever it settled is reversed.
      const claimed = await transition(ctx, order.id, ['settling'], { status: 'compensating', failureCode: 'payment.order_expired' });
      if (claimed) await finishCompensation(ctx, await withSettlement(ctx, claimed), 'closed');
      return;
    }
    case 'compensating':
      await finishCompensation(ctx, await withSettlement(ctx, order), order.failureCode === 'payment.order_expired' ? 'closed' : 'failed');
      return;
    case 'paid':
      await finishWholeRefund(ctx, order);
      return;
    case 'paying': {
      let trade: ChannelTrade | null = null;
      try {
        trade = await channelOf(deps, order).query(order.id);
      } catch (error) {
        // Never created at the channel (the prepay failed before it): as good as not paid.
        if (!(isAdapterError(error) && error.upstreamCode === CHANNEL_CODES.orderNotExist)) throw error;
      }
      if (trade && trade.tradeState !== 'NOTPAY') return applyTrade(deps, order, trade);
      if (!expired) return;
      const closed = await closeAtChannel(deps, order);
      if (closed === 'closed') return compensate(ctx, order, ['paying'], 'closed', 'payment.order_expired');
      if (closed === 'paid') return applyTrade(deps, order, await channelOf(deps, order).query(order.id));
      return;
    }
    default:
  }
}
