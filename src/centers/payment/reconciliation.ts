/**
 * 对账 the daily reconciliation of the payment channels: each channel's statement of a Beijing-time
 * day against the platform's paid orders and refunds of that day that went through that channel
 * (`reconciliation-rules.ts`). One report per (date, channel); a clerk runs and works it for their
 * region (the region of the order's institution), so a re-run replaces only that region's open
 * items and keeps what was decided. `reconcileDay` runs every channel offered. An item outside the
 * clerk's region is not found, as everywhere.
 */
import { and, asc, count, desc, eq, gte, inArray, lt, or } from 'drizzle-orm';
import { isAdapterError } from '../../adapters/index.js';
import type { Actor, RegionScope } from '../../kernel/actor/index.js';
import type { AppContext } from '../../kernel/context.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { DomainError, conflict, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import {
  compareStatement,
  parseStatement,
  RECONCILIATION_KINDS,
  regionOfInstitution,
  type ComparedItem,
  type PlatformRecord,
  type ReconciliationKind,
  type Resolution,
} from './reconciliation-rules.js';
import type { ReconciliationDayView, ReconciliationItemView, ReconciliationView } from './contract.js';
import type { PaymentDeps } from './order-state.js';
import { orders, PAY_CHANNELS, reconciliationItems, reconciliations, refunds, type PayChannelName } from './schema.js';
import { withinScope } from '../../kernel/actor/sql.js';
import * as registry from '../registry/index.js';

/** A clerk: who runs and decides (recorded), within the regions their organization acts for. */
type Clerk = Pick<Actor, 'accountId' | 'scope'>;

type ItemRow = typeof reconciliationItems.$inferSelect;
type ItemStatus = ItemRow['status'];

const DAY_MS = 86_400_000;
const CHUNK = 1000;

/** The rows of the clerk's regions (all of them for a national clerk). */

/** The platform's payments and refunds of the day through the channel, and those the statement names from other days. */
async function platformRecords(db: Db, date: string, channel: PayChannelName, named: { orderIds: string[]; refundRefs: string[] }): Promise<PlatformRecord[]> {
  // 北京时间 the day the channel's statement counts in
  const from = new Date(`${date}T00:00:00+08:00`);
  const to = new Date(from.getTime() + DAY_MS);
  const inDay = (at: Date | null) => at !== null && at >= from && at < to;
  const [refundRows, paidRows] = await Promise.all([
    db
      .select()
      .from(refunds)
      .where(or(and(gte(refunds.createdAt, from), lt(refunds.createdAt, to)), named.refundRefs.length ? inArray(refunds.channelRefundId, named.refundRefs) : undefined)),
    db
      .select()
      .from(orders)
      .where(and(eq(orders.payChannel, channel), or(and(gte(orders.paidAt, from), lt(orders.paidAt, to)), named.orderIds.length ? inArray(orders.id, named.orderIds) : undefined))),
  ]);
  const orderById = new Map(paidRows.map((o) => [o.id, o]));
  const missing = [...new Set(refundRows.map((r) => r.orderId))].filter((id) => !orderById.has(id));
  if (missing.length) for (const o of await db.select().from(orders).where(inArray(orders.id, missing))) orderById.set(o.id, o);
  const records: PlatformRecord[] = [];
  // Another channel's payments and refunds are that channel's statement's business.
  for (const o of orderById.values()) {
    if (o.payChannel !== channel) continue;
    const settled = o.status === 'paid' || o.status === 'refunded';
    records.push({ type: 'pay', orderId: o.id, refundId: null, channelRef: o.transactionId, cashFen: Number(o.cashFen), institutionCode: o.institutionCode, ofTheDay: settled && inDay(o.paidAt), settled });
  }
  for (const r of refundRows) {
    if (orderById.get(r.orderId)?.payChannel !== channel) continue;
    records.push({
      type: 'refund',
      orderId: r.orderId,
      refundId: r.id,
      channelRef: r.channelRefundId,
      cashFen: Number(r.cashFen),
      institutionCode: orderById.get(r.orderId)?.institutionCode ?? '',
      ofTheDay: inDay(r.createdAt),
      settled: true,
    });
  }
  return records;
}

const statusOf = (kind: ReconciliationKind): ItemStatus => (kind === 'match' ? 'matched' : 'open');

/**
 * 对账 runs (or re-runs) the day's reconciliation of the channel for the clerk's region: downloads
 * the statement, compares, and replaces the region's open and matched items; decided items stay.
 */
export async function reconcile(deps: PaymentDeps, clerk: Clerk, input: { date: string; channel: PayChannelName }): Promise<ReconciliationView> {
  const { ctx } = deps;
  const scope = await clerk.scope();
  const channel = deps.channels[input.channel];
  if (!channel) throw new DomainError('payment.channel_not_offered', 'unprocessable', { channel: input.channel }, 'channel');
  let csv: string;
  try {
    csv = await channel.statement(input.date);
  } catch (error) {
    if (isAdapterError(error)) throw new DomainError('payment.channel_unavailable', error.code === 'timeout' ? 'upstream_timeout' : 'upstream_failed', { reason: error.code });
    throw error;
  }
  const parsed = parseStatement(csv);
  if (!parsed.ok) throw new DomainError('payment.statement_unreadable', 'upstream_failed', { line: parsed.line });
  const named = {
    orderIds: [...new Set(parsed.rows.map((r) => r.outTradeNo))],
    refundRefs: parsed.rows.filter((r) => r.type === 'refund').map((r) => r.channelRef),
  };
  const compared = compareStatement(parsed.rows, await platformRecords(ctx.database.db, input.date, input.channel, named));
  const regionOf = (item: ComparedItem) => regionOfInstitution(item.institutionCode) ?? '';
  const mine = compared.filter((item) => scope.covers(regionOf(item)));

  const id = await transaction(ctx.database.db, async (tx) => {
    await tx.insert(reconciliations).values({ id: newId('prc'), date: input.date, channel: input.channel, runs: 0, createdBy: clerk.accountId, lastRunBy: clerk.accountId }).onConflictDoNothing();
    // The report's row serializes runs of the same day and channel.
    const [report] = await tx.select().from(reconciliations).where(and(eq(reconciliations.date, input.date), eq(reconciliations.channel, input.channel))).for('update');
    await tx.update(reconciliations).set({ runs: report.runs + 1, lastRunBy: clerk.accountId, lastRunAt: new Date() }).where(eq(reconciliations.id, report.id));
    await tx
      .delete(reconciliationItems)
      .where(and(eq(reconciliationItems.reconciliationId, report.id), inArray(reconciliationItems.status, ['open', 'matched']), withinScope(reconciliationItems.regionCode, scope)));
    const rows = mine.map((item) => ({
      id: newId('pri'),
      reconciliationId: report.id,
      key: item.key,
      kind: item.kind,
      type: item.type,
      regionCode: regionOf(item),
      institutionCode: item.institutionCode,
      orderId: item.orderId,
      refundId: item.refundId,
      channelRef: item.channelRef,
      platformFen: item.platformFen,
      channelFen: item.channelFen,
      status: statusOf(item.kind),
    }));
    // A decided item keeps its key: the new finding of the same payment is not added again.
    for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(reconciliationItems).values(rows.slice(i, i + CHUNK)).onConflictDoNothing();
    return report.id;
  });
  return getReconciliation(ctx.database.db, scope, id);
}

/**
 * 日终对账 the day's reconciliation of every channel offered, one report each (in the order of
 * `PAY_CHANNELS`); a channel whose statement cannot be had fails the whole run, so that a clerk
 * never takes a partial day for a complete one (the reports already run stay, a re-run updates them).
 */
export async function reconcileDay(deps: PaymentDeps, clerk: Clerk, input: { date: string }): Promise<ReconciliationDayView> {
  const reports = [];
  for (const channel of PAY_CHANNELS) if (deps.channels[channel]) reports.push(await reconcile(deps, clerk, { date: input.date, channel }));
  return { date: input.date, reports };
}

async function scopedCounts(db: Db, scope: RegionScope, id: string) {
  const rows = await db
    .select({ kind: reconciliationItems.kind, status: reconciliationItems.status, total: count() })
    .from(reconciliationItems)
    .where(and(eq(reconciliationItems.reconciliationId, id), withinScope(reconciliationItems.regionCode, scope)))
    .groupBy(reconciliationItems.kind, reconciliationItems.status);
  const counts = Object.fromEntries(RECONCILIATION_KINDS.map((k) => [k, 0])) as Record<ReconciliationKind, number>;
  const items = { open: 0, resolved: 0 };
  for (const r of rows) {
    counts[r.kind] += Number(r.total);
    if (r.status === 'open' || r.status === 'resolved') items[r.status] += Number(r.total);
  }
  return { counts, items };
}

async function summaryView(db: Db, scope: RegionScope, row: typeof reconciliations.$inferSelect): Promise<ReconciliationView> {
  return {
    id: row.id,
    date: row.date,
    channel: row.channel,
    runs: row.runs,
    ...(await scopedCounts(db, scope, row.id)),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastRunBy: row.lastRunBy,
    lastRunAt: row.lastRunAt.toISOString(),
  };
}

async function reportOf(db: Db, id: string) {
  const [row] = await db.select().from(reconciliations).where(eq(reconciliations.id, id));
  if (!row) throw notFound('payment.reconciliation_not_found');
  return row;
}

/** 对账汇总 one report, its counts limited to the clerk's regions. */
export async function getReconciliation(db: Db, scope: RegionScope, id: string) {
  return summaryView(db, scope, await reportOf(db, id));
}

/** 对账记录 the reports, newest day first, their counts limited to the clerk's regions. */
export async function listReconciliations(db: Db, scope: RegionScope, query: { page: number; pageSize: number; date?: string; channel?: string }) {
  const where = and(query.date ? eq(reconciliations.date, query.date) : undefined, query.channel ? eq(reconciliations.channel, query.channel) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(reconciliations).where(where).orderBy(desc(reconciliations.date), asc(reconciliations.channel)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(reconciliations).where(where),
  ]);
  const items = await Promise.all(rows.map((row) => summaryView(db, scope, row)));
  return { items, total: Number(total), page: query.page, pageSize: query.pageSize };
}

const itemView = (i: ItemRow, channel: string): ReconciliationItemView => ({
  id: i.id,
  reconciliationId: i.reconciliationId,
  /** 支付渠道 of the report the item belongs to */
  channel,
  kind: i.kind,
  type: i.type,
  regionCode: i.regionCode,
  institutionCode: i.institutionCode,
  orderId: i.orderId,
  refundId: i.refundId,
  channelRef: i.channelRef,
  platformFen: i.platformFen,
  channelFen: i.channelFen,
  differenceFen: i.platformFen !== null && i.channelFen !== null ? i.channelFen - i.platformFen : null,
  status: i.status,
  resolution: i.resolution,
  note: i.note,
  resolvedBy: i.resolvedBy,
  resolvedAt: i.resolvedAt?.toISOString() ?? null,
});

/** 对账明细 the report's items in the clerk's regions. */
export async function listItems(ctx: Pick<AppContext, 'database' | 'cache'>, scope: RegionScope, id: string, query: { page: number; pageSize: number; status?: ItemStatus; kind?: ReconciliationKind }) {
  const db = ctx.database.db;
  const report = await reportOf(db, id);
  const where = and(
    eq(reconciliationItems.reconciliationId, id),
    withinScope(reconciliationItems.regionCode, scope),
    query.status ? eq(reconciliationItems.status, query.status) : undefined,
    query.kind ? eq(reconciliationItems.kind, query.kind) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(reconciliationItems).where(where).orderBy(asc(reconciliationItems.kind), asc(reconciliationItems.key)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(reconciliationItems).where(where),
  ]);
  // 机构名称 from the registry, beside each code
  const names = await registry.institutionNames(ctx, rows.flatMap((r) => (r.institutionCode ? [r.institutionCode] : [])));
  return {
    items: rows.map((row) => ({ ...itemView(row, report.channel), institutionName: row.institutionCode ? (names.get(row.institutionCode) ?? null) : null })),
    total: Number(total),
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** 处理差异 records the clerk's decision on an open item of their regions; an item is decided once. */
export async function resolveItem(ctx: AppContext, clerk: Clerk, id: string, input: { resolution: Resolution; note?: string }): Promise<ReconciliationItemView> {
  const scope = await clerk.scope();
  return transaction(ctx.database.db, async (tx) => {
    const [item] = await tx.select().from(reconciliationItems).where(eq(reconciliationItems.id, id)).for('update');
    if (!item) throw notFound('payment.reconciliation_item_not_found');
    scope.require(item.regionCode, 'payment.reconciliation_item_not_found');
    if (item.status !== 'open') throw conflict('payment.reconciliation_item_decided', { status: item.status }, 'id');
    const [updated] = await tx
      .update(reconciliationItems)
      .set({ status: 'resolved', resolution: input.resolution, note: input.note ?? null, resolvedBy: clerk.accountId, resolvedAt: new Date() })
      .where(eq(reconciliationItems.id, id))
      .returning();
    return itemView(updated, (await reportOf(tx, updated.reconciliationId)).channel);
  });
}
