/**
 * 退款 refunds of paid orders, by the refund rule of `rules.ts`: partial refunds return cash; the
 * fund and account parts go back only with the refund of everything left, which reverses the
 * settlement (冲正). A refund's cash part is asked of the channel by the refund's number, so a
 * retry (or the job) after a crash or a channel timeout cannot refund twice there.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { isAdapterError } from '../../adapters/index.js';
import type { AppContext } from '../../kernel/context.js';
import { sm3Hex } from '../../kernel/crypto/index.js';
import { transaction } from '../../kernel/db/index.js';
import { DomainError, conflict, notFound } from '../../kernel/errors/index.js';
import { idempotent } from '../../kernel/idempotency/index.js';
import type { RefundResultView, RefundView } from './contract.js';
import { ORDER_EVENT } from './events.js';
import { channelOf, load, requireKey, transition, type PaymentDeps } from './order-state.js';
import { reverseOnce } from './order-settlement.js';
import { refundSplit } from './rules.js';
import { orders, refunds } from './schema.js';
import { orderView, refundView, type OrderRow, type RefundRow } from './views.js';

/**
 * 退款 refunds part or all of a paid order for its channel app (the refund rule above). The
 * amount is reserved by a conditional UPDATE, so two concurrent refunds cannot together exceed what
 * was paid, in the transaction that records the refund: a crash leaves both or neither, and a
 * refund the channel did not answer is asked again (by its number) by a retry or the job. A refund
 * the channel refuses gives the reservation back.
 */
export async function refundOrder(
  deps: PaymentDeps,
  caller: { appId: string },
  id: string,
  input: { amountFen: number; reason: string },
  idempotencyKey: string | undefined,
): Promise<RefundResultView & { replayed: boolean }> {
  const { ctx } = deps;
  const key = requireKey(idempotencyKey);
  // The refund number follows from the key, so a retry after a channel timeout cannot refund twice there.
  const refundId = `prf_${sm3Hex(`${caller.appId}\n${key}`).slice(0, 32)}`;
  const { result: body, replayed } = await idempotent(
    ctx.database,
    { scope: `channel:${caller.appId}:payment.refund`, key, request: { id, ...input } },
    () => refund(deps, caller, id, input, refundId),
    async (_tx, refunded) => refunded,
  );
  return { ...body, replayed };
}

/** Another request with the same key recorded the refund first; this one's reservation is rolled back. */
class RefundTaken extends Error {}

async function refund(deps: PaymentDeps, caller: { appId: string }, id: string, input: { amountFen: number; reason: string }, refundId: string) {
  const { ctx } = deps;
  const db = ctx.database.db;
  const order = await load(ctx, id);
  if (!order || order.appId !== caller.appId) throw notFound('payment.not_found');
  const retry = async () => {
    const [earlier] = await db.select().from(refunds).where(eq(refunds.id, refundId));
    if (earlier && earlier.orderId !== id) throw new DomainError('request.idempotency_conflict', 'conflict', {}, 'idempotency-key');
    return earlier;
  };
  // A retry of a refund recorded before a crash (or a channel failure) finishes it.
  const earlier = await retry();
  if (earlier) return finishRefund(deps, earlier);
  const amount = input.amountFen;
  const paid = (row: OrderRow, refundedFen: number) => ({ totalFen: Number(row.totalFen), cashFen: Number(row.cashFen), refundedFen });
  let reserved: RefundRow | undefined;
  try {
    reserved = await transaction(db, async (tx) => {
      const [row] = await tx
        .update(orders)
        .set({ refundedFen: sql`${orders.refundedFen} + ${amount}`, updatedAt: new Date() })
        .where(
          and(
            eq(orders.id, id),
            eq(orders.status, 'paid'),
            sql`${orders.refundedFen} + ${amount} <= ${orders.totalFen}`,
            sql`(${orders.refundedFen} + ${amount} <= ${orders.cashFen} or ${orders.refundedFen} + ${amount} = ${orders.totalFen})`,
          ),
        )
        .returning();
      if (!row) return undefined;
      const split = refundSplit(paid(row, Number(row.refundedFen) - amount), amount);
      if (!split.ok) throw new Error(`refund ${refundId}: the reservation and the refund rule disagree`);
      const [inserted] = await tx
        .insert(refunds)
        .values({ id: refundId, orderId: id, amountFen: amount, cashFen: split.cashFen, settlementFen: split.settlementFen, reason: input.reason })
        .onConflictDoNothing()
        .returning();
      if (!inserted) throw new RefundTaken();
      return inserted;
    });
  } catch (error) {
    if (!(error instanceof RefundTaken)) throw error;
    return finishRefund(deps, (await retry())!);
  }
  if (!reserved) {
    const now = (await load(ctx, id))!;
    if (now.status !== 'paid') throw conflict('payment.order_not_refundable', { status: now.status }, 'id');
    const decision = refundSplit(paid(now, Number(now.refundedFen)), amount);
    if (decision.ok) throw conflict('payment.order_not_refundable', { status: now.status }, 'id'); // a concurrent refund moved it meanwhile
    if (decision.reason === 'exceeds') throw new DomainError('payment.refund_exceeds', 'unprocessable', { amountFen: amount, refundableFen: decision.refundableFen }, 'amountFen');
    throw new DomainError('payment.refund_partial_settlement', 'unprocessable', { cashRefundableFen: decision.cashRefundableFen }, 'amountFen');
  }
  return finishRefund(deps, reserved);
}

/**
 * Asks the channel for a recorded refund's cash part, once whatever the retries (the channel knows
 * the refund by its number), and records its answer; then the order, when wholly refunded, becomes
 * `refunded`. A refund the channel refuses is undone with its reservation; one it did not answer
 * stays for a retry or the job.
 */
export async function finishRefund(deps: PaymentDeps, recorded: RefundRow): Promise<RefundResultView> {
  const { ctx } = deps;
  let row = recorded;
  if (Number(row.cashFen) > 0 && !row.channelRefundId) {
    let channelRefundId: string;
    try {
      const order = (await load(ctx, row.orderId))!;
      channelRefundId = (
        await channelOf(deps, order).refund({
          outTradeNo: row.orderId,
          outRefundNo: row.id,
          amountFen: Number(row.cashFen),
          reason: row.reason,
          transactionId: order.transactionId,
          notifyUrl: deps.notifyUrl(order.payChannel),
        })
      ).refundId;
    } catch (error) {
      if (!isAdapterError(error)) throw error;
      if (error.code === 'rejected') await cancelRefund(ctx, row);
      throw new DomainError('payment.channel_unavailable', error.code === 'timeout' ? 'upstream_timeout' : 'upstream_failed', { reason: error.code });
    }
    row = await recordChannelRefund(ctx, row, channelRefundId);
  }
  await finishWholeRefund(ctx, (await load(ctx, row.orderId))!);
  return { refund: refundView(row), order: orderView((await load(ctx, row.orderId))!) };
}

/** The channel's refund number, recorded once; a partial refund is told now, a whole one when the order becomes `refunded`. */
async function recordChannelRefund(ctx: AppContext, row: RefundRow, channelRefundId: string): Promise<RefundRow> {
  return transaction(ctx.database.db, async (tx) => {
    const [updated] = await tx.update(refunds).set({ channelRefundId }).where(and(eq(refunds.id, row.id), isNull(refunds.channelRefundId))).returning();
    // Recorded (and told) meanwhile by a concurrent retry or the job.
    if (!updated) return (await tx.select().from(refunds).where(eq(refunds.id, row.id)))[0] ?? row;
    const [order] = await tx.select().from(orders).where(eq(orders.id, row.orderId));
    if (Number(order.refundedFen) < Number(order.totalFen)) {
      await ctx.outbox.publish(tx, ORDER_EVENT, { event: 'refunded', appId: order.appId, orderId: order.id, order: orderView(order), refund: refundView(updated) });
    }
    return updated;
  });
}

/** A refund the channel refused: the record and its reservation go together. */
async function cancelRefund(ctx: AppContext, row: RefundRow) {
  await transaction(ctx.database.db, async (tx) => {
    const [removed] = await tx.delete(refunds).where(and(eq(refunds.id, row.id), isNull(refunds.channelRefundId))).returning();
    if (removed) await tx.update(orders).set({ refundedFen: sql`${orders.refundedFen} - ${removed.amountFen}`, updatedAt: new Date() }).where(eq(orders.id, row.orderId));
  });
}

async function finishFullRefund(ctx: AppContext, order: OrderRow) {
  if (order.settlementId) await reverseOnce(ctx, order);
  await transition(ctx, order.id, ['paid'], { status: 'refunded', endedAt: new Date() });
}

/** A refund whose cash part the channel has not confirmed yet (a crash, or no answer from the channel). */
// Spelled as the partial index `refunds_unfinished_idx` is, so that the planner uses it.
export const unfinishedRefund = and(isNull(refunds.channelRefundId), sql`${refunds.cashFen} > 0`);

/** The order refunded in whole once every refund of it is done at the channel: the settlement goes back too. */
export async function finishWholeRefund(ctx: AppContext, order: OrderRow) {
  if (order.status !== 'paid' || Number(order.totalFen) === 0 || Number(order.refundedFen) !== Number(order.totalFen)) return;
  const [pending] = await ctx.database.db.select({ id: refunds.id }).from(refunds).where(and(eq(refunds.orderId, order.id), unfinishedRefund)).limit(1);
  if (!pending) await finishFullRefund(ctx, order);
}

/** The refunds of an order, oldest first. */
export async function refundsOf(ctx: AppContext, orderId: string): Promise<RefundView[]> {
  const rows = await ctx.database.db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(refunds.createdAt);
  return rows.map(refundView);
}
