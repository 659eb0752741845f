/**
 * 对账 reconciliation of a pooling region's month: per payer and insurance type, the live
 * receivables (fiscal subsidies aside: they are not collected through files) against every payment
 * that arrived, plus the file rows that repeated a payment. Each mismatch becomes an item a clerk
 * resolves with a recorded decision.
 */
import { and, asc, count, desc, eq, ne, sql } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { RegionScope } from '../../kernel/actor/index.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { DomainError, conflict, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import * as policy from '../policy/index.js';
import { importFiles, importRows, payments, receivables, reconciliationItems, reconciliations } from './schema.js';
import { classifyPool, monthText, RECONCILIATION_KINDS, type ReconciliationKind, type Resolution } from './rules.js';
import type { Clerk } from './service.js';
import type { ReconciliationItemView, ReconciliationView } from './contract.js';
import { withinScope } from '../../kernel/actor/sql.js';
import { pageOf } from '../../kernel/page/index.js';

type ItemInsert = typeof reconciliationItems.$inferInsert;

export async function reconcile(ctx: AppContext, clerk: Clerk, input: { month: string; regionCode: string }) {
  clerk.scope.require(input.regionCode, 'collection.region_not_found');
  const month = policy.monthKey(input.month, 'month');
  const db = ctx.database.db;
  const [due, paid, duplicates] = await Promise.all([
    db
      .select({ payerKey: receivables.payerKey, insuranceType: receivables.insuranceType, fen: sql<number>`coalesce(sum(${receivables.amountFen}), 0)`.mapWith(Number) })
      .from(receivables)
      .where(and(eq(receivables.poolingRegion, input.regionCode), eq(receivables.month, month), ne(receivables.status, 'cancelled'), ne(receivables.payer, 'fiscal')))
      .groupBy(receivables.payerKey, receivables.insuranceType),
    db
      .select({
        payerKey: payments.payerKey,
        insuranceType: payments.insuranceType,
        fen: sql<number>`coalesce(sum(${payments.amountFen}), 0)`.mapWith(Number),
        ids: sql<string[]>`array_agg(${payments.id} order by ${payments.id})`,
      })
      .from(payments)
      .where(and(eq(payments.poolingRegion, input.regionCode), eq(payments.month, month)))
      .groupBy(payments.payerKey, payments.insuranceType),
    db
      .select({ row: importRows, fileId: importFiles.id })
      .from(importRows)
      .innerJoin(importFiles, eq(importFiles.id, importRows.fileId))
      .where(and(eq(importFiles.regionCode, input.regionCode), eq(importRows.month, month), eq(importRows.outcome, 'duplicate')))
      .orderBy(asc(importRows.id)),
  ]);

  const pools = new Map<string, { payerKey: string; insuranceType: string; dueFen: number; paidFen: number; ids: string[] }>();
  const poolAt = (payerKey: string, insuranceType: string) => {
    const key = `${payerKey}|${insuranceType}`;
    let pool = pools.get(key);
    if (!pool) pools.set(key, (pool = { payerKey, insuranceType, dueFen: 0, paidFen: 0, ids: [] }));
    return pool;
  };
  for (const d of due) poolAt(d.payerKey, d.insuranceType).dueFen = d.fen;
  for (const p of paid) Object.assign(poolAt(p.payerKey, p.insuranceType), { paidFen: p.fen, ids: p.ids ?? [] });

  const reconciliationId = newId('rec');
  const items: ItemInsert[] = [];
  let matched = 0;
  let dueFen = 0;
  let paidFen = 0;
  for (const pool of pools.values()) {
    dueFen += pool.dueFen;
    paidFen += pool.paidFen;
    const kind = classifyPool(pool);
    if (!kind) {
      matched++;
      continue;
    }
    items.push({
      id: newId('rci'),
      reconciliationId,
      regionCode: input.regionCode,
      kind,
      payerKey: pool.payerKey,
      month,
      insuranceType: pool.insuranceType,
      dueFen: pool.dueFen,
      paidFen: pool.paidFen,
      differenceFen: pool.paidFen - pool.dueFen,
      references: pool.ids,
    });
  }
  for (const { row } of duplicates) {
    items.push({
      id: newId('rci'),
      reconciliationId,
      regionCode: input.regionCode,
      kind: 'duplicate',
      payerKey: row.payerKey ?? '',
      month,
      insuranceType: row.insuranceType ?? '',
      dueFen: 0,
      paidFen: row.amountFen ?? 0,
      differenceFen: row.amountFen ?? 0,
      references: [`${row.fileId}#${row.row}`, ...(row.reference ? [row.reference] : [])],
    });
  }
  const counts = Object.fromEntries(RECONCILIATION_KINDS.map((k) => [k, items.filter((i) => i.kind === k).length])) as Record<ReconciliationKind, number>;
  const created = await transaction(db, async (tx) => {
    const [row] = await tx
      .insert(reconciliations)
      .values({ id: reconciliationId, regionCode: input.regionCode, month, pools: pools.size, matched, dueFen, paidFen, counts, createdBy: clerk.accountId })
      .returning();
    for (let i = 0; i < items.length; i += 1000) await tx.insert(reconciliationItems).values(items.slice(i, i + 1000));
    return row;
  });
  return summaryView(created, counts);
}

async function openCounts(db: Db, id: string) {
  const rows = await db
    .select({ status: reconciliationItems.status, total: count() })
    .from(reconciliationItems)
    .where(eq(reconciliationItems.reconciliationId, id))
    .groupBy(reconciliationItems.status);
  return { open: Number(rows.find((r) => r.status === 'open')?.total ?? 0), resolved: Number(rows.find((r) => r.status === 'resolved')?.total ?? 0) };
}

function summaryView(row: typeof reconciliations.$inferSelect, counts: Record<ReconciliationKind, number>, progress?: { open: number; resolved: number }): ReconciliationView {
  const items = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    id: row.id,
    regionCode: row.regionCode,
    month: monthText(row.month),
    pools: row.pools,
    matched: row.matched,
    dueFen: row.dueFen,
    paidFen: row.paidFen,
    differenceFen: row.paidFen - row.dueFen,
    counts,
    items: progress ?? { open: items, resolved: 0 },
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

async function reconciliationInScope(db: Db, scope: RegionScope, id: string) {
  const [row] = await db.select().from(reconciliations).where(eq(reconciliations.id, id));
  if (!row) throw notFound('collection.reconciliation_not_found');
  scope.require(row.regionCode, 'collection.reconciliation_not_found');
  return row;
}

export async function getReconciliation(db: Db, scope: RegionScope, id: string) {
  const row = await reconciliationInScope(db, scope, id);
  return summaryView(row, row.counts, await openCounts(db, id));
}

/** 对账记录 the region's reconciliations, newest first, with their open and resolved item counts. */
export async function listReconciliations(db: Db, scope: RegionScope, query: { page: number; pageSize: number; month?: string; regionCode?: string }) {
  const where = and(
    withinScope(reconciliations.regionCode, scope),
    query.month ? eq(reconciliations.month, policy.monthKey(query.month, 'month')) : undefined,
    query.regionCode ? eq(reconciliations.regionCode, query.regionCode) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(reconciliations).where(where).orderBy(desc(reconciliations.createdAt), desc(reconciliations.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(reconciliations).where(where),
  ]);
  const items = await Promise.all(rows.map(async (row) => summaryView(row, row.counts, await openCounts(db, row.id))));
  return pageOf(items, total, query);
}

const itemView = (i: typeof reconciliationItems.$inferSelect): ReconciliationItemView => ({
  id: i.id,
  reconciliationId: i.reconciliationId,
  kind: i.kind,
  payerKey: i.payerKey,
  month: monthText(i.month),
  insuranceType: i.insuranceType,
  dueFen: i.dueFen,
  paidFen: i.paidFen,
  differenceFen: i.differenceFen,
  references: i.references,
  status: i.status,
  resolution: i.resolution,
  note: i.note,
  resolvedBy: i.resolvedBy,
  resolvedAt: i.resolvedAt?.toISOString() ?? null,
});

export async function listItems(db: Db, scope: RegionScope, id: string, query: { page: number; pageSize: number; status?: 'open' | 'resolved'; kind?: ReconciliationKind }) {
  await reconciliationInScope(db, scope, id);
  const where = and(
    eq(reconciliationItems.reconciliationId, id),
    query.status ? eq(reconciliationItems.status, query.status) : undefined,
    query.kind ? eq(reconciliationItems.kind, query.kind) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(reconciliationItems).where(where).orderBy(asc(reconciliationItems.kind), asc(reconciliationItems.payerKey), asc(reconciliationItems.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(reconciliationItems).where(where),
  ]);
  return pageOf(rows.map(itemView), total, query);
}

/** Records a clerk's decision on an item; an item is decided once. */
export async function resolveItem(ctx: AppContext, clerk: Clerk, id: string, input: { resolution: Resolution; note?: string }) {
  return transaction(ctx.database.db, async (tx) => {
    const [item] = await tx.select().from(reconciliationItems).where(eq(reconciliationItems.id, id)).for('update');
    if (!item) throw notFound('collection.reconciliation_item_not_found');
    clerk.scope.require(item.regionCode, 'collection.reconciliation_item_not_found');
    if (item.status !== 'open') throw conflict('collection.reconciliation_item_resolved', { resolution: item.resolution ?? '' });
    const [updated] = await tx
      .update(reconciliationItems)
      .set({ status: 'resolved', resolution: input.resolution, note: input.note ?? null, resolvedBy: clerk.accountId, resolvedAt: new Date() })
      .where(eq(reconciliationItems.id, id))
      .returning();
    if (!updated) throw new DomainError('collection.reconciliation_item_not_found', 'not_found');
    return itemView(updated);
  });
}
