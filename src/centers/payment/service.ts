/**
 * 移动支付 hybrid mobile payment: the institution creates an order from a verified e-voucher code
 * and the fee lines (pre-settled, nothing moves), the person confirms with the voucher password,
 * the platform settles the fund and personal-account parts through the settlement center and asks
 * the payment channel for the cash part; the channel's signed callback (or the re-sync job asking
 * the channel) ends it.
 *
 * One rule keeps every order in one clear state: every transition is a conditional UPDATE from
 * the state it expects, and anything that undoes a settlement first moves the order to
 * `compensating`, so that a callback, the job and a retry cannot both pay and reverse it. Before a
 * paying order is compensated the channel order is closed, so a late payment is refused by the
 * channel instead of arriving after the settlement was reversed.
 *
 * Refunds follow `rules.ts`: partial refunds return cash; the fund and account parts go back only
 * with the refund of everything left, which reverses the settlement (冲正).
 */
import { and, count, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { CHANNEL_CODES, isAdapterError, type ChannelTrade, type PayChannel } from '../../adapters/index.js';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/index.js';
import { sm3Hex } from '../../kernel/crypto/index.js';
import { DomainError, badRequest, conflict, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { idempotent } from '../../kernel/idempotency/index.js';
import * as personal from '../personal/index.js';
import * as settlement from '../settlement/index.js';
import * as voucher from '../voucher/index.js';
import { refundSplit } from './rules.js';
import { orders, refunds, type OrderStatus, type PayChannelName, type SettlementType, type WebhookEvent } from './schema.js';
import { publishOrderEvent } from './webhooks.js';

export interface PaymentDeps {
  ctx: AppContext;
  /** the client of every channel offered (configured) */
  channels: Partial<Record<PayChannelName, PayChannel>>;
  /** where the channel sends its callbacks for this platform */
  notifyUrl: (channel: PayChannelName) => string;
}

/** The client of the order's channel: every channel call of an order goes to the channel it was created for. */
function channelOf(deps: PaymentDeps, order: Pick<OrderRow, 'payChannel'>): PayChannel {
  const channel = deps.channels[order.payChannel];
  // Offered when the order was created, no longer configured now.
  if (!channel) throw new DomainError('payment.channel_unavailable', 'upstream_failed', { reason: 'not_configured' });
  return channel;
}

export interface CreateOrderInput {
  /** the e-voucher QR code the institution scanned; verified (and used up) here */
  code: string;
  deviceId?: string;
  insuranceType: string;
  institutionCode: string;
  visit: settlement.VisitInput;
  lines: settlement.FeeLine[];
  settlementType: SettlementType;
  /** 订单号 the institution's own reference */
  orderReference: string;
  /** 支付渠道 of the cash part; WeChat Pay when not given */
  payChannel?: PayChannelName;
}

type OrderRow = typeof orders.$inferSelect;
type RefundRow = typeof refunds.$inferSelect;

export const orderView = (row: OrderRow) => ({
  id: row.id,
  orderReference: row.reference,
  status: row.status,
  settlementType: row.settlementType,
  payChannel: row.payChannel,
  personId: row.personId,
  insuranceType: row.insuranceType,
  institutionCode: row.institutionCode,
  visit: row.visit,
  lines: row.lines,
  totalFen: Number(row.totalFen),
  fundFen: Number(row.fundFen),
  accountFen: Number(row.accountFen),
  cashFen: Number(row.cashFen),
  refundedFen: Number(row.refundedFen),
  settlementId: row.settlementId,
  prepayId: row.prepayId,
  transactionId: row.transactionId,
  failureCode: row.failureCode,
  expiresAt: row.expiresAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
  paidAt: row.paidAt?.toISOString() ?? null,
  endedAt: row.endedAt?.toISOString() ?? null,
});
export type OrderView = ReturnType<typeof orderView>;

const refundView = (row: RefundRow) => ({
  id: row.id,
  orderId: row.orderId,
  amountFen: Number(row.amountFen),
  cashFen: Number(row.cashFen),
  settlementFen: Number(row.settlementFen),
  reason: row.reason,
  channelRefundId: row.channelRefundId,
  createdAt: row.createdAt.toISOString(),
});

function requireKey(key: string | undefined): string {
  if (!key) throw badRequest('payment.idempotency_key_required', 'idempotency-key');
  return key;
}

const settleKey = (orderId: string) => `payment:${orderId}:settle`;
const reverseKey = (orderId: string) => `payment:${orderId}:reverse`;

async function load(ctx: AppContext, id: string) {
  const [row] = await ctx.database.db.select().from(orders).where(eq(orders.id, id));
  return row;
}

/** The states the institution is told of (机构回调); the others are steps on the way. */
const EVENT_OF: Partial<Record<OrderStatus, WebhookEvent>> = { paid: 'paid', failed: 'failed', closed: 'closed', refunded: 'refunded' };

/**
 * Moves the order from one of `from` to the new values; the row, or undefined when it was
 * elsewhere. An end state publishes its event in the same transaction, so the institution hears
 * of every end state exactly when it happened.
 */
async function transition(ctx: AppContext, id: string, from: OrderStatus[], set: Partial<typeof orders.$inferInsert>) {
  const event = set.status ? EVENT_OF[set.status] : undefined;
  return ctx.database.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [row] = await tx
      .update(orders)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(orders.id, id), inArray(orders.status, from)))
      .returning();
    if (row && event) await publishOrderEvent(ctx, tx, { event, appId: row.appId, orderId: row.id, order: orderView(row) });
    return row;
  });
}

/**
 * 下单 creates an order for a channel app: the code's person, the pre-settled split (CASH: all
 * cash, nothing pre-settled; HI: refused when a cash part remains). Idempotent on the key.
 */
export async function createOrder(deps: PaymentDeps, caller: { appId: string }, input: CreateOrderInput, idempotencyKey: string | undefined) {
  const { ctx } = deps;
  return idempotent(
    ctx.database,
    { scope: `channel:${caller.appId}:payment.create`, key: requireKey(idempotencyKey), request: input },
    async () => {
      const payChannel = input.payChannel ?? 'wechat';
      if (input.settlementType !== 'HI' && !deps.channels[payChannel]) throw new DomainError('payment.channel_not_offered', 'unprocessable', { channel: payChannel }, 'payChannel');
      const identity = await voucher.verifyCode(ctx, caller.appId, { code: input.code, deviceId: input.deviceId });
      if (!identity.insuranceTypes.includes(input.insuranceType)) {
        throw new DomainError('payment.insurance_type_not_held', 'unprocessable', { insuranceType: input.insuranceType }, 'insuranceType');
      }
      const visit = { personId: identity.personId, insuranceType: input.insuranceType, institutionCode: input.institutionCode, visit: input.visit, lines: input.lines };
      if (input.settlementType === 'CASH') {
        const total = input.lines.reduce((sum, line) => sum + line.amountFen, 0);
        return { personId: identity.personId, split: { totalFen: total, fundFen: 0, accountFen: 0, cashFen: total } };
      }
      const { result } = await settlement.preSettle(ctx, visit);
      if (input.settlementType === 'HI' && result.psn_cash_pay > 0) {
        throw new DomainError('payment.cash_not_allowed', 'unprocessable', { cashFen: result.psn_cash_pay }, 'settlementType');
      }
      return { personId: identity.personId, split: splitOf(result) };
    },
    async (tx, prepared) => {
      const [row] = await tx
        .insert(orders)
        .values({
          id: newId('pay'),
          appId: caller.appId,
          reference: input.orderReference,
          personId: prepared.personId,
          insuranceType: input.insuranceType,
          institutionCode: input.institutionCode,
          settlementType: input.settlementType,
          payChannel: input.payChannel ?? 'wechat',
          visit: input.visit,
          lines: input.lines,
          status: 'created',
          ...prepared.split,
          expiresAt: new Date(Date.now() + ctx.config.payment.orderTimeoutSec * 1000),
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw conflict('payment.reference_taken', { reference: input.orderReference }, 'orderReference');
      return { status: 201, body: orderView(row) };
    },
  );
}

const splitOf = (result: settlement.SettlementResult) => ({
  totalFen: result.medfee_sumamt,
  fundFen: result.fund_pay_sumamt,
  accountFen: result.acct_pay,
  cashFen: result.psn_cash_pay,
});

/** The registry person id behind a person account, or null. */
const personOf = async (ctx: AppContext, accountId: string) => (await personal.personOfAccount(ctx, accountId))?.id ?? null;

async function ownOrder(ctx: AppContext, accountId: string, id: string) {
  const personId = await personOf(ctx, accountId);
  const row = personId ? await load(ctx, id) : undefined;
  // Another person's order reads exactly like a missing one.
  if (!row || row.personId !== personId) throw notFound('payment.not_found');
  return row;
}

/**
 * 确认支付 the person confirms with the voucher password: the settlement (fund + account), then
 * the cash part asked of the channel. Idempotent on the key (the answer of the first confirmation).
 */
export async function confirmOrder(deps: PaymentDeps, accountId: string, id: string, password: string, idempotencyKey: string | undefined) {
  const { ctx } = deps;
  // The work happens outside the key's transaction (settlement and channel calls have their own);
  // the state machine makes a second run harmless, the key makes it answer the same.
  return idempotent(
    ctx.database,
    // The password stays out of the stored request hash: six digits hashed are six digits readable.
    { scope: `account:${accountId}:payment.confirm`, key: requireKey(idempotencyKey), request: { id } },
    async () => {
      const order = await ownOrder(ctx, accountId, id);
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
    async (_tx, body) => ({ status: 200, body }),
  );
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
async function advance(ctx: AppContext, id: string, from: OrderStatus[], set: Partial<typeof orders.$inferInsert>): Promise<OrderRow> {
  const row = await transition(ctx, id, from, set);
  if (row) return row;
  const now = (await load(ctx, id))!;
  throw conflict('payment.order_not_confirmable', { status: now.status }, 'id');
}

/** The settlement of the order, made once whatever the retries (idempotent on the order's key). */
async function settleOrder(ctx: AppContext, order: OrderRow) {
  const answer = await settlement.settleVisit(
    ctx,
    { appId: order.appId },
    {
      personId: order.personId,
      insuranceType: order.insuranceType,
      institutionCode: order.institutionCode,
      visit: order.visit,
      lines: order.lines,
      settlementReference: order.id,
    },
    settleKey(order.id),
  );
  return answer.body;
}

async function closeAtChannel(deps: PaymentDeps, order: OrderRow): Promise<'closed' | 'paid' | 'unknown'> {
  try {
    await channelOf(deps, order).close(order.id);
    return 'closed';
  } catch (error) {
    if (isAdapterError(error) && error.upstreamCode === CHANNEL_CODES.orderPaid) return 'paid';
    deps.ctx.log.warn({ err: error, orderId: order.id }, 'payment channel close failed');
    return 'unknown';
  }
}

/**
 * 补偿 reverses what succeeded (the settlement) and ends the order in `final`. Claims the order
 * first (`compensating`), so a concurrent callback cannot mark it paid meanwhile; a crash after the
 * claim is finished by the job (the reversal is idempotent on the order's key).
 */
async function compensate(ctx: AppContext, order: OrderRow, from: OrderStatus[], final: 'failed' | 'closed', failureCode: string) {
  const claimed = await transition(ctx, order.id, from, { status: 'compensating', failureCode });
  if (!claimed) return;
  await finishCompensation(ctx, claimed, final);
}

/**
 * A compensating order claimed from `settling` may have been settled before the claim, or by the
 * job after it, with a crash before the settlement was recorded on the order: the settlement key
 * answers whether it settled (and settles if not, so that what is reversed is certain). A refusal
 * settled nothing.
 */
async function withSettlement(ctx: AppContext, order: OrderRow): Promise<OrderRow> {
  if (order.settlementId || order.settlementType === 'CASH') return order;
  let settled;
  try {
    settled = await settleOrder(ctx, order);
  } catch (error) {
    if (error instanceof DomainError) return order;
    throw error;
  }
  return (await transition(ctx, order.id, ['compensating'], { settlementId: settled.id })) ?? order;
}

async function finishCompensation(ctx: AppContext, order: OrderRow, final: 'failed' | 'closed') {
  if (order.settlementId) await reverseOnce(ctx, order);
  await transition(ctx, order.id, ['compensating'], { status: final, endedAt: new Date() });
}

async function reverseOnce(ctx: AppContext, order: OrderRow) {
  try {
    await settlement.reverseSettlement(ctx, { appId: order.appId }, order.settlementId!, reverseKey(order.id));
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'settlement.already_reversed')) throw error;
  }
}

/** What the channel says of a paying order, applied: paid, compensated, or (not paid yet) left alone. */
async function applyTrade(deps: PaymentDeps, order: OrderRow, trade: Pick<ChannelTrade, 'tradeState' | 'amountFen' | 'transactionId'>) {
  const { ctx } = deps;
  if (trade.tradeState === 'SUCCESS' || trade.tradeState === 'REFUND') {
    if (trade.amountFen !== Number(order.cashFen)) {
      ctx.log.error({ orderId: order.id, notified: trade.amountFen, cashFen: order.cashFen }, 'payment channel amount differs from the order');
      throw new DomainError('payment.notify_amount', 'invalid', {}, 'amountFen');
    }
    const paid = await transition(ctx, order.id, ['paying'], { status: 'paid', transactionId: trade.transactionId ?? null, paidAt: new Date(), endedAt: new Date() });
    if (!paid && order.status !== 'paid') ctx.log.error({ orderId: order.id, status: order.status }, 'payment channel reports a payment of an order no longer paying');
    return;
  }
  if (trade.tradeState === 'PAYERROR' || trade.tradeState === 'CLOSED') {
    await compensate(ctx, order, ['paying'], 'failed', 'payment.channel_declined');
  }
}

/** 支付结果通知 a channel's callback, already signature-checked: applies it, idempotently. */
export async function handleNotification(deps: PaymentDeps, channel: PayChannelName, trade: ChannelTrade) {
  const order = await load(deps.ctx, trade.outTradeNo);
  // A channel speaks only of the orders sent to it.
  if (!order || order.payChannel !== channel) throw notFound('payment.not_found');
  await applyTrade(deps, order, trade);
  return { code: 'SUCCESS' };
}

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

async function finishFullRefund(ctx: AppContext, order: OrderRow) {
  if (order.settlementId) await reverseOnce(ctx, order);
  await transition(ctx, order.id, ['paid'], { status: 'refunded', endedAt: new Date() });
}

/** A refund whose cash part the channel has not confirmed yet (a crash, or no answer from the channel). */
// Spelled as the partial index `refunds_unfinished_idx` is, so that the planner uses it.
const unfinishedRefund = and(isNull(refunds.channelRefundId), sql`${refunds.cashFen} > 0`);

/** The order refunded in whole once every refund of it is done at the channel: the settlement goes back too. */
async function finishWholeRefund(ctx: AppContext, order: OrderRow) {
  if (order.status !== 'paid' || Number(order.totalFen) === 0 || Number(order.refundedFen) !== Number(order.totalFen)) return;
  const [pending] = await ctx.database.db.select({ id: refunds.id }).from(refunds).where(and(eq(refunds.orderId, order.id), unfinishedRefund)).limit(1);
  if (!pending) await finishFullRefund(ctx, order);
}

/**
 * 退款 refunds part or all of a paid order for its channel app (see the refund rule above). The
 * amount is reserved by a conditional UPDATE, so two concurrent refunds cannot together exceed what
 * was paid, in the transaction that records the refund: a crash leaves both or neither, and a
 * refund the channel did not answer is asked again (by its number) by a retry or the job. A refund
 * the channel refuses gives the reservation back.
 */
export async function refundOrder(deps: PaymentDeps, caller: { appId: string }, id: string, input: { amountFen: number; reason: string }, idempotencyKey: string | undefined) {
  const { ctx } = deps;
  const key = requireKey(idempotencyKey);
  // The refund number follows from the key, so a retry after a channel timeout cannot refund twice there.
  const refundId = `prf_${sm3Hex(`${caller.appId}\n${key}`).slice(0, 32)}`;
  return idempotent(
    ctx.database,
    { scope: `channel:${caller.appId}:payment.refund`, key, request: { id, ...input } },
    () => refund(deps, caller, id, input, refundId),
    async (_tx, body) => ({ status: 201, body }),
  );
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
    reserved = await db.transaction(async (t) => {
      const tx = t as unknown as Db;
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
async function finishRefund(deps: PaymentDeps, recorded: RefundRow) {
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
  return ctx.database.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [updated] = await tx.update(refunds).set({ channelRefundId }).where(and(eq(refunds.id, row.id), isNull(refunds.channelRefundId))).returning();
    // Recorded (and told) meanwhile by a concurrent retry or the job.
    if (!updated) return (await tx.select().from(refunds).where(eq(refunds.id, row.id)))[0] ?? row;
    const [order] = await tx.select().from(orders).where(eq(orders.id, row.orderId));
    if (Number(order.refundedFen) < Number(order.totalFen)) {
      await publishOrderEvent(ctx, tx, { event: 'refunded', appId: order.appId, orderId: order.id, order: orderView(order), refund: refundView(updated) });
    }
    return updated;
  });
}

/** A refund the channel refused: the record and its reservation go together. */
async function cancelRefund(ctx: AppContext, row: RefundRow) {
  await ctx.database.db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [removed] = await tx.delete(refunds).where(and(eq(refunds.id, row.id), isNull(refunds.channelRefundId))).returning();
    if (removed) await tx.update(orders).set({ refundedFen: sql`${orders.refundedFen} - ${removed.amountFen}`, updatedAt: new Date() }).where(eq(orders.id, row.orderId));
  });
}

/** The refunds of an order, oldest first. */
export async function refundsOf(ctx: AppContext, orderId: string) {
  const rows = await ctx.database.db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(refunds.createdAt);
  return rows.map(refundView);
}

/** An order of the channel app, with its refunds. */
export async function institutionOrder(ctx: AppContext, caller: { appId: string }, id: string) {
  const row = await load(ctx, id);
  if (!row || row.appId !== caller.appId) throw notFound('payment.not_found');
  return { ...orderView(row), refunds: await refundsOf(ctx, id) };
}

interface PageInput {
  page: number;
  pageSize: number;
  status?: OrderStatus;
}

async function page(ctx: AppContext, where: ReturnType<typeof and>, query: PageInput) {
  const db = ctx.database.db;
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(orders).where(where).orderBy(desc(orders.createdAt), desc(orders.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(orders).where(where),
  ]);
  return { items: rows.map(orderView), total: Number(total), page: query.page, pageSize: query.pageSize };
}

/** The channel app's orders, newest first. */
export const institutionOrders = (ctx: AppContext, caller: { appId: string }, query: PageInput) =>
  page(ctx, and(eq(orders.appId, caller.appId), query.status ? eq(orders.status, query.status) : undefined), query);

/** 我的支付订单 the person's own orders, newest first. */
export async function myOrders(ctx: AppContext, accountId: string, query: PageInput) {
  const personId = await personOf(ctx, accountId);
  if (!personId) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  return page(ctx, and(eq(orders.personId, personId), query.status ? eq(orders.status, query.status) : undefined), query);
}

/** One of the person's own orders (another person's is not found). */
export const myOrder = async (ctx: AppContext, accountId: string, id: string) => orderView(await ownOrder(ctx, accountId, id));
