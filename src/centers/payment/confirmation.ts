/**
 * 确认支付 the person confirms an order with the voucher password: the platform settles the fund
 * and personal-account parts through the settlement center, then asks the payment channel for the
 * cash part; the channel's signed callback (notifications.ts) or the re-sync job (sync.ts) ends it.
 */
import { and, eq, sql } from 'drizzle-orm';
import { isAdapterError } from '../../adapters/index.js';
import type { AppContext } from '../../kernel/context.js';
import { DomainError, conflict } from '../../kernel/errors/index.js';
import { idempotent, secretDigest } from '../../kernel/idempotency/index.js';
import * as voucher from '../voucher/index.js';
import { closeAtChannel, compensate } from './compensation.js';
import { channelOf, load, requireKey, splitOf, transition, type PaymentDeps } from './order-state.js';
import { settleOrder } from './order-settlement.js';
import { ownOrder } from './orders.js';
import { orders, type OrderStatus } from './schema.js';
import { orderView, type OrderRow } from './views.js';

/**
 * 确认支付 the person confirms with the voucher password: the settlement (fund + account), then
 * the cash part asked of the channel. Idempotent on the key (the answer of the first confirmation);
 * `replayed` when this is that answer again. Another password under the key is a conflict.
 */
export async function confirmOrder(deps: PaymentDeps, person: { accountId: string; personId: string | null }, id: string, password: string, idempotencyKey: string | undefined) {
  const { ctx } = deps;
  // The work happens outside the key's transaction (settlement and channel calls have their own);
  // the state machine makes a second run harmless, the key makes it answer the same.
  const answer = idempotent(
    ctx.database,
    // The password is in the request hash as its keyed digest only: six digits hashed are six digits readable.
    { scope: `account:${person.accountId}:payment.confirm`, key: requireKey(idempotencyKey), request: { id, password: secretDigest(ctx.config, password) } },
    async () => {
      const order = await ownOrder(ctx, person.personId, id);
      // Nothing is settled for a cash part no channel could take.
      if (order.settlementType !== 'HI') channelOf(deps, order);
      await voucher.verifyVoucherPassword(ctx, order.personId, password, 'password');
      const claimed = await ctx.database.db
        .update(orders)
        .set({ status: 'settling', updatedAt: new Date() })
        .where(and(eq(orders.id, id), eq(orders.status, 'created'), sql`${orders.expiresAt} > now()`))
        .returning();
      if (!claimed.length) {
        const now = (await load(ctx, id))!;
        if (now.status === 'created') throw conflict('payment.order_expired', {}, 'id');
        throw conflict('payment.order_not_confirmable', { status: now.status }, 'id');
      }
      return orderView(await proceed(deps, claimed[0]));
    },
    async (_tx, confirmed) => confirmed,
  );
  const { result: body, replayed } = await answer.catch(async (error: unknown) => {
    // Whether a password matches the key's first one is a password check too: it counts as a try
    // (and a locked voucher says so), or the 409 would answer a million guesses for free.
    if (error instanceof DomainError && error.code === 'request.idempotency_conflict') await passwordTried(ctx, person.personId, password);
    throw error;
  });
  // A replay says the password was right: it passes the same check, so a lockout holds for it too.
  if (replayed && person.personId) await voucher.verifyVoucherPassword(ctx, person.personId, password, 'password');
  return { order: body, replayed };
}

/** Counts a password that differed from the key's first one as a try; only a lockout is said. */
async function passwordTried(ctx: AppContext, personId: string | null, password: string) {
  if (!personId) return;
  try {
    await voucher.verifyVoucherPassword(ctx, personId, password, 'password');
  } catch (error) {
    if (error instanceof DomainError && error.code === 'voucher.password_locked') throw error;
  }
}

/** Settles a `settling` order and asks the channel for its cash part; the order as it ends up. */
async function proceed(deps: PaymentDeps, order: OrderRow): Promise<OrderRow> {
  const { ctx } = deps;
  let current = order;
  if (order.settlementType !== 'CASH') {
    let settled;
    try {
      settled = await settleOrder(ctx, order);
    } catch (error) {
      // A refusal (not enrolled any more, no policy) ends the order; anything else leaves it `settling` for the job.
      if (error instanceof DomainError) await transition(ctx, order.id, ['settling'], { status: 'failed', failureCode: error.code, endedAt: new Date() });
      throw error;
    }
    const split = splitOf(settled.result);
    current = await advance(ctx, order.id, ['settling'], { settlementId: settled.id, ...split });
    if (order.settlementType === 'HI' && split.cashFen > 0) {
      // The balance changed since the pre-settlement: HI cannot take cash, so nothing stays settled.
      await compensate(ctx, current, ['settling'], 'failed', 'payment.cash_not_allowed');
      throw new DomainError('payment.cash_not_allowed', 'unprocessable', { cashFen: split.cashFen }, 'id');
    }
  }
  if (Number(current.cashFen) === 0) return advance(ctx, order.id, ['settling'], { status: 'paid', paidAt: new Date(), endedAt: new Date() });
  current = await advance(ctx, order.id, ['settling'], { status: 'paying' });
  try {
    const { prepayId } = await channelOf(deps, order).prepay({
      outTradeNo: order.id,
      amountFen: Number(current.cashFen),
      description: `医保移动支付 ${order.institutionCode} ${order.reference}`,
      notifyUrl: deps.notifyUrl(order.payChannel),
      expiresAt: order.expiresAt.toISOString(),
    });
    return (await transition(ctx, order.id, ['paying'], { prepayId })) ?? (await load(ctx, order.id))!;
  } catch (error) {
    if (!isAdapterError(error)) throw error;
    const declined = error.code === 'rejected';
    // Whatever the channel did with the prepay, a closed channel order can no longer be paid.
    const closed = declined || (await closeAtChannel(deps, order)) === 'closed';
    if (!closed) throw new DomainError('payment.channel_unavailable', 'upstream_failed', { reason: error.code });
    await compensate(ctx, current, ['paying'], 'failed', declined ? 'payment.channel_declined' : 'payment.channel_unavailable');
    throw new DomainError(declined ? 'payment.channel_declined' : 'payment.channel_unavailable', declined ? 'unprocessable' : 'upstream_failed', { reason: error.code });
  }
}

/**
 * A confirmation's next step. The job may have taken the order meanwhile (it expired while being
 * confirmed, and the job closes it with whatever was settled reversed): the person is told so.
 */
async function advance(ctx: AppContext, id: string, from: OrderStatus[], set: Parameters<typeof transition>[3]): Promise<OrderRow> {
  const row = await transition(ctx, id, from, set);
  if (row) return row;
  const now = (await load(ctx, id))!;
  throw conflict('payment.order_not_confirmable', { status: now.status }, 'id');
}
