/**
 * 确认支付 the person confirms an order with the voucher password: the platform settles the fund
 * and personal-account parts through the settlement center, then asks the payment channel for the
 * cash part; the channel's signed callback (notifications.ts) or the re-sync job (sync.ts) ends it.
 *
 * At the national peak confirmations come by the thousand a second, so they are group-committed
 * (成组提交, kernel/db/group-commit.ts): the reads of each (its order, the voucher password, the
 * enrollment, policy and catalog of its visit) happen alone, then the confirmations waiting are
 * written together in one transaction of a fixed number of statements: the orders claimed, the
 * settlements with their year-to-date rows and account payments, the orders moved on, the
 * Idempotency-Keys, the events and every request's audit record. The order goes from `created` to
 * `paying` (or `paid`, or `failed`) in that one transaction, so a crash leaves it before or after,
 * never half settled. The cash part's prepay is one HTTP call per order, after the commit; its
 * prepay id and the key's answer are group-committed again.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { isAdapterError } from '../../adapters/index.js';
import type { AppContext } from '../../kernel/context.js';
import { beforeCommitOf, currentCommitScope, type CommitScope, type Db } from '../../kernel/db/index.js';
import { groupCommitPer } from '../../kernel/db/group-commit.js';
import { DomainError, conflict } from '../../kernel/errors/index.js';
import { claimKeys, releaseKey, secretDigest, storeAnswers, storedAnswer, type KeyClaim } from '../../kernel/idempotency/index.js';
import * as settlement from '../settlement/index.js';
import * as voucher from '../voucher/index.js';
import { closeAtChannel, compensate } from './compensation.js';
import { ORDER_EVENT } from './events.js';
import { channelOf, load, requireKey, splitOf, transition, type PaymentDeps } from './order-state.js';
import { ownOrder } from './orders.js';
import { orders } from './schema.js';
import { orderView, type OrderRow } from './views.js';

/** Most confirmations per transaction: enough to carry the peak, few enough to keep a batch's locks short. */
const CONFIRM_BATCH = 64;

/**
 * 确认支付 the person confirms with the voucher password: the settlement (fund + account), then
 * the cash part asked of the channel. Idempotent on the key (the answer of the first confirmation);
 * `replayed` when this is that answer again. Another password under the key is a conflict.
 */
export async function confirmOrder(deps: PaymentDeps, person: { accountId: string; personId: string | null }, id: string, password: string, idempotencyKey: string | undefined) {
  const { ctx } = deps;
  // The password is in the request hash as its keyed digest only: six digits hashed are six digits readable.
  const claim: KeyClaim = { scope: `account:${person.accountId}:payment.confirm`, key: requireKey(idempotencyKey), request: { id, password: secretDigest(ctx.config, password) } };
  const order = await ownOrder(ctx, person.personId, id);
  // Nothing is settled for a cash part no channel could take.
  if (order.settlementType !== 'HI') channelOf(deps, order);
  // A replay says the password was right too: it passes the same check, so a lockout holds for it.
  await voucher.verifyVoucherPassword(ctx, order.personId, password, 'password').catch(async (error: unknown) => {
    // Under a key already used, another password is another request (409), counted as a try all the same.
    if (error instanceof DomainError && error.code === 'voucher.password_wrong') await storedAnswer(ctx.database.db, claim);
    throw error;
  });
  // An order confirmed before: the key's answer (a replay), else it is past confirming.
  if (order.status !== 'created') return await afterTaken(deps, person, claim);
  const visit = order.settlementType === 'CASH' ? null : await prepareSettlement(ctx, order);
  // Every request reaching the batch had its password checked: a key taken there meanwhile is a conflict, or a replay once answered.
  const confirmed = await confirmations(ctx).add({ order, visit, claim, scope: currentCommitScope() });
  if ('taken' in confirmed) return await afterTaken(deps, person, claim);
  if ('refused' in confirmed) throw confirmed.refused;
  return { order: orderView(confirmed.order.status === 'paying' ? await prepay(deps, confirmed.order, claim) : confirmed.order), replayed: false };
}

/**
 * The order was not `created` when read or when the batch came to it: under this key it was
 * confirmed before (the key's answer again; a key whose work committed but had not answered yet
 * answers with the order as it stands), else it is past confirming.
 */
async function afterTaken(deps: PaymentDeps, person: { personId: string | null }, claim: KeyClaim) {
  const { id } = claim.request as { id: string };
  const earlier = await storedAnswer<ReturnType<typeof orderView>>(deps.ctx.database.db, claim);
  if (earlier) return { order: earlier.result ?? orderView(await ownOrder(deps.ctx, person.personId, id)), replayed: true };
  const now = (await load(deps.ctx, id))!;
  if (now.status === 'created') throw conflict('payment.order_expired', {}, 'id');
  throw conflict('payment.order_not_confirmable', { status: now.status }, 'id');
}

/** The settlement's reads, before the batch; a refusal (not enrolled any more, no policy) ends the order. */
async function prepareSettlement(ctx: AppContext, order: OrderRow): Promise<settlement.ConsentedVisit> {
  try {
    return await settlement.prepareConsented(
      ctx,
      { appId: order.appId },
      { personId: order.personId, insuranceType: order.insuranceType, institutionCode: order.institutionCode, visit: order.visit, lines: order.lines, settlementReference: order.id },
      { kind: 'order', orderId: order.id },
    );
  } catch (error) {
    if (error instanceof DomainError) await transition(ctx, order.id, ['created'], { status: 'failed', failureCode: error.code, endedAt: new Date() });
    throw error;
  }
}

/**
 * 预下单 asks the order's channel for the cash part of a `paying` order; the order with its prepay
 * id, which the key answers from now on. A channel that declined (or whose order is closed) ends
 * the order with the settlement reversed, and the key is given back.
 */
async function prepay(deps: PaymentDeps, order: OrderRow, claim: KeyClaim): Promise<OrderRow> {
  const { ctx } = deps;
  try {
    const { prepayId } = await channelOf(deps, order).prepay({
      outTradeNo: order.id,
      amountFen: Number(order.cashFen),
      description: `医保移动支付 ${order.institutionCode} ${order.reference}`,
      notifyUrl: deps.notifyUrl(order.payChannel),
      expiresAt: order.expiresAt.toISOString(),
    });
    return await prepaid(ctx).add({ order, prepayId, claim });
  } catch (error) {
    if (!isAdapterError(error)) throw error;
    const declined = error.code === 'rejected';
    // Whatever the channel did with the prepay, a closed channel order can no longer be paid.
    const closed = declined || (await closeAtChannel(deps, order)) === 'closed';
    if (!closed) throw new DomainError('payment.channel_unavailable', 'upstream_failed', { reason: error.code });
    await compensate(ctx, order, ['paying'], 'failed', declined ? 'payment.channel_declined' : 'payment.channel_unavailable');
    await releaseKey(ctx.database.db, claim);
    throw new DomainError(declined ? 'payment.channel_declined' : 'payment.channel_unavailable', declined ? 'unprocessable' : 'upstream_failed', { reason: error.code });
  }
}

/**
 * The prepay ids and the keys' answers, group-committed: two statements for the orders that got
 * their prepay meanwhile. An order a callback or the job moved on meanwhile answers as it stands.
 */
const prepaid = groupCommitPer(
  async (ctx: AppContext, items: { order: OrderRow; prepayId: string; claim: KeyClaim }[]): Promise<OrderRow[]> =>
    ctx.database.db.transaction(async (driverTx) => {
      const tx = driverTx as unknown as Db;
      const updated = await ctx.database.rows<{ id: string; updated_at: string }>(
        sql`update payment.orders o set prepay_id = p.prepay_id, updated_at = now()
            from jsonb_to_recordset(${JSON.stringify(items.map((i) => ({ id: i.order.id, prepay_id: i.prepayId })))}::jsonb) as p(id text, prepay_id text)
            where o.id = p.id and o.status = 'paying'
            returning o.id, o.updated_at`,
        tx,
      );
      const at = new Map(updated.map((r) => [r.id, new Date(r.updated_at)]));
      // Still paying: the order as the batch left it, with its prepay id. Moved on meanwhile (a callback, the job): as stored.
      const movedOn = items.filter((i) => !at.has(i.order.id)).map((i) => i.order.id);
      const stored = new Map((movedOn.length ? await tx.select().from(orders).where(inArray(orders.id, movedOn)) : []).map((r) => [r.id, r]));
      const rows = items.map((i) => stored.get(i.order.id) ?? { ...i.order, prepayId: i.prepayId, updatedAt: at.get(i.order.id)! });
      await storeAnswers(tx, items.map((i, n) => ({ scope: i.claim.scope, key: i.claim.key, response: orderView(rows[n]) })));
      return rows;
    }),
  { maxBatch: CONFIRM_BATCH, isolateFailures: true },
);

/** One confirmation handed to the batch: its order as read, its settlement prepared (none for CASH), its key and its request's audit scope. */
interface Confirmation {
  order: OrderRow;
  visit: settlement.ConsentedVisit | null;
  claim: KeyClaim;
  scope: CommitScope | undefined;
}

/**
 * The order as the batch left it (`paying` or `paid`); `refused` when the settlement refused it (the
 * order is `failed`); `taken` when it was no longer `created` (or past its time).
 */
type Confirmed = { order: OrderRow } | { refused: DomainError } | { taken: true };

const confirmations = groupCommitPer((ctx: AppContext, items: Confirmation[]) => writeConfirmations(ctx, items), { maxBatch: CONFIRM_BATCH, isolateFailures: true });

/**
 * The batch's transaction. The driver's own, not the kernel's: it carries the changes of many
 * requests, and each one's audit record is gathered into it explicitly.
 */
async function writeConfirmations(ctx: AppContext, items: Confirmation[]): Promise<Confirmed[]> {
  let settle: (committed: boolean) => void = () => undefined;
  try {
    const results = await ctx.database.db.transaction(async (driverTx) => {
      const tx = driverTx as unknown as Db;
      const outcome = await confirmIn(ctx, tx, items);
      const changed = items.filter((_, i) => !('taken' in outcome[i]));
      // Assigned before the gathered records are appended: should the append fail, the requests hear so.
      await ctx.audit.gather(tx, async () => {
        settle = await beforeCommitOf(tx, changed.map((c) => c.scope));
      });
      return outcome;
    });
    settle(true);
    return results;
  } catch (error) {
    settle(false);
    throw error;
  }
}

async function confirmIn(ctx: AppContext, tx: Db, items: Confirmation[]): Promise<Confirmed[]> {
  // Claimed by their row locks (no row version written: the orders are moved on once, below); a
  // concurrent claim (the job, another node's batch) waits and then finds them no longer `created`.
  const claimedIds = new Set(
    (
      await tx
        .select({ id: orders.id })
        .from(orders)
        .where(and(inArray(orders.id, items.map((c) => c.order.id)), eq(orders.status, 'created'), sql`${orders.expiresAt} > now()`))
        .for('update')
    ).map((r) => r.id),
  );
  // Two requests for one order in one batch: the first takes it.
  const claimed = items.filter((c) => claimedIds.delete(c.order.id));
  const keyed = await claimKeys(tx, claimed.map((c) => c.claim));
  if (keyed.includes(false)) {
    // A key another request committed meanwhile: alone, the request answers as a conflict or a replay.
    if (items.length > 1) throw new Error('payment confirmation batch: a key was claimed meanwhile; confirmed one by one');
    throw new DomainError('request.idempotency_conflict', 'conflict', {}, 'idempotency-key');
  }

  const settling = claimed.filter((c) => c.visit);
  const settled = await settlement.settleMany(
    ctx,
    tx,
    settling.map((c) => c.visit!),
    // HI cannot take cash: the balance changed since the pre-settlement, so nothing is settled.
    (result, i) => (settling[i].order.settlementType === 'HI' && result.psn_cash_pay > 0 ? new DomainError('payment.cash_not_allowed', 'unprocessable', { cashFen: result.psn_cash_pay }, 'id') : null),
  );
  const settlementOf = new Map(settling.map((c, i) => [c.order.id, settled[i]]));
  const now = new Date();
  const moves = claimed.map((c) => {
    const done = settlementOf.get(c.order.id);
    if (done && 'refused' in done) return { id: c.order.id, status: 'failed', failure_code: done.refused.code, ended_at: now };
    const split = done ? splitOf(done.settlement.result) : { totalFen: Number(c.order.totalFen), fundFen: 0, accountFen: 0, cashFen: Number(c.order.totalFen) };
    const paid = split.cashFen === 0;
    return {
      id: c.order.id,
      status: paid ? 'paid' : 'paying',
      settlement_id: done?.settlement.id ?? null,
      total_fen: split.totalFen,
      fund_fen: split.fundFen,
      account_fen: split.accountFen,
      cash_fen: split.cashFen,
      paid_at: paid ? now : null,
      ended_at: paid ? now : null,
    };
  });
  const moved = moves.length
    ? await ctx.database.rows<{ id: string; updated_at: string }>(
        sql`update payment.orders o set status = m.status, failure_code = coalesce(m.failure_code, o.failure_code),
              settlement_id = coalesce(m.settlement_id, o.settlement_id), total_fen = coalesce(m.total_fen, o.total_fen), fund_fen = coalesce(m.fund_fen, o.fund_fen),
              account_fen = coalesce(m.account_fen, o.account_fen), cash_fen = coalesce(m.cash_fen, o.cash_fen), paid_at = m.paid_at, ended_at = m.ended_at, updated_at = now()
            from jsonb_to_recordset(${JSON.stringify(moves)}::jsonb) as m(id text, status text, failure_code text, settlement_id text, total_fen bigint, fund_fen bigint,
                 account_fen bigint, cash_fen bigint, paid_at timestamptz, ended_at timestamptz)
            where o.id = m.id
            returning o.id, o.updated_at`,
        tx,
      )
    : [];
  // The orders as moved, from what was read of them and the moves (their lines and visit do not come back).
  const updatedAt = new Map(moved.map((r) => [r.id, new Date(r.updated_at)]));
  const rows = new Map(
    claimed.flatMap((c, i): [string, OrderRow][] => {
      const at = updatedAt.get(c.order.id);
      if (!at) return [];
      const m = moves[i];
      return [[c.order.id, { ...c.order, status: m.status as OrderRow['status'], failureCode: m.failure_code ?? c.order.failureCode, settlementId: m.settlement_id ?? c.order.settlementId, totalFen: m.total_fen ?? c.order.totalFen, fundFen: m.fund_fen ?? c.order.fundFen, accountFen: m.account_fen ?? c.order.accountFen, cashFen: m.cash_fen ?? c.order.cashFen, paidAt: m.paid_at ?? null, endedAt: m.ended_at ?? null, updatedAt: at }]];
    }),
  );
  const ended = [...rows.values()].filter((r) => r.status === 'paid' || r.status === 'failed');
  await ctx.outbox.publishMany(tx, ORDER_EVENT, ended.map((r) => ({ event: r.status as 'paid' | 'failed', appId: r.appId, orderId: r.id, order: orderView(r) })));
  // A paid order's answer is final now; a paying one's comes with its prepay; a failed one answers
  // with its error, and its key is given back (a retry is refused by the order's state, as before).
  await storeAnswers(tx, claimed.filter((c) => rows.get(c.order.id)?.status === 'paid').map((c) => ({ scope: c.claim.scope, key: c.claim.key, response: orderView(rows.get(c.order.id)!) })));
  for (const c of claimed.filter((c) => rows.get(c.order.id)?.status === 'failed')) await releaseKey(tx, c.claim);
  return items.map((c): Confirmed => {
    const row = rows.get(c.order.id);
    if (!claimed.includes(c) || !row) return { taken: true };
    const done = settlementOf.get(c.order.id);
    if (done && 'refused' in done) return done;
    return { order: row };
  });
}
