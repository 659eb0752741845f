/**
 * 实收处理 matching and bills. A pool is one pooling region × payer × month × insurance type: its
 * payments (however many, whichever file brought them) pay its live lines in a fixed order
 * (enrollment, rule code), whole lines only, as far as the money goes. Received lines make their
 * personal-account entries; the unit's bill follows its lines.
 */
import { and, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../kernel/db/index.js';
import { newId } from '../../kernel/ids/index.js';
import { accountEntries, bills, payments, receivables } from './schema.js';
import { accountEntryOf, billStatus, monthText, poolPaymentStatus } from './rules.js';
import type { BillView } from './contract.js';

export interface Pool {
  poolingRegion: string;
  payerKey: string;
  month: number;
  insuranceType: string;
}

const poolOf = (table: typeof receivables | typeof payments, pool: Pool) =>
  and(eq(table.poolingRegion, pool.poolingRegion), eq(table.payerKey, pool.payerKey), eq(table.month, pool.month), eq(table.insuranceType, pool.insuranceType))!;

const num = (v: unknown) => Number(v ?? 0);

/**
 * Pays a pool's due lines from its payments, in order, while the money not yet used covers the next
 * whole line; records the personal-account entries of the lines received, sets the payments' status
 * and refreshes the unit's bill. Safe to repeat: it only ever uses money no line has used.
 */
export async function settlePool(tx: Db, pool: Pool): Promise<{ received: number; status: string }> {
  // One settlement of a pool at a time: two imports paying one unit cannot both spend the same money.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`collection:pool:${pool.poolingRegion}:${pool.payerKey}:${pool.month}:${pool.insuranceType}`}))`);
  const inPool = poolOf(receivables, pool);
  const received = await tx.execute(sql`
    with paid as (select coalesce(sum(amount_fen), 0) as v, (array_agg(id order by created_at desc, id desc))[1] as last_id
                  from collection.payments
                  where pooling_region = ${pool.poolingRegion} and payer_key = ${pool.payerKey} and month = ${pool.month} and insurance_type = ${pool.insuranceType}),
         used as (select coalesce(sum(amount_fen), 0) as v from collection.receivables
                  where pooling_region = ${pool.poolingRegion} and payer_key = ${pool.payerKey} and month = ${pool.month} and insurance_type = ${pool.insuranceType} and status = 'received'),
         due as (select id, sum(amount_fen) over (order by employment_id, rule_code, id) as running from collection.receivables
                 where pooling_region = ${pool.poolingRegion} and payer_key = ${pool.payerKey} and month = ${pool.month} and insurance_type = ${pool.insuranceType} and status = 'due')
    update collection.receivables r
       set status = 'received', received_at = now(), updated_at = now(), payment_id = (select last_id from paid)
      from due
     where r.id = due.id and r.status = 'due' and due.running <= (select v from paid) - (select v from used)
    returning r.id, r.person_id, r.fund, r.flow, r.amount_fen, r.month, r.insurance_type`);
  const lines = (received as unknown as { rows: Array<{ id: number; person_id: string; fund: 'pooled_fund' | 'personal_account' | 'none'; flow: 'from' | 'to'; amount_fen: number; month: number; insurance_type: string }> }).rows;
  const entries = lines.flatMap((l) => {
    const entry = accountEntryOf({ fund: l.fund, flow: l.flow, amountFen: num(l.amount_fen) });
    return entry ? [{ personId: l.person_id, kind: entry.kind, amountFen: entry.amountFen, month: l.month, insuranceType: l.insurance_type, sourceRef: `rcv:${l.id}` }] : [];
  });
  if (entries.length) await tx.insert(accountEntries).values(entries).onConflictDoNothing({ target: accountEntries.sourceRef });

  const [stats] = await tx
    .select({
      liveLines: sql<number>`count(*) filter (where ${receivables.status} <> 'cancelled')`.mapWith(Number),
      liveFen: sql<number>`coalesce(sum(${receivables.amountFen}) filter (where ${receivables.status} <> 'cancelled'), 0)`.mapWith(Number),
      outstandingFen: sql<number>`coalesce(sum(${receivables.amountFen}) filter (where ${receivables.status} = 'due'), 0)`.mapWith(Number),
      receivedFen: sql<number>`coalesce(sum(${receivables.amountFen}) filter (where ${receivables.status} = 'received'), 0)`.mapWith(Number),
    })
    .from(receivables)
    .where(inPool);
  const [{ paidFen }] = await tx
    .select({ paidFen: sql<number>`coalesce(sum(${payments.amountFen}), 0)`.mapWith(Number) })
    .from(payments)
    .where(poolOf(payments, pool));
  const status = poolPaymentStatus({ ...stats, paidFen });
  await tx.update(payments).set({ status }).where(and(poolOf(payments, pool), ne(payments.status, status)));
  if (pool.payerKey.startsWith('ent_') && lines.length) await refreshBills(tx, pool.month, inArray(receivables.entityId, [pool.payerKey]));
  return { received: lines.length, status };
}

/**
 * Brings the bills of a month in step with their lines, for the units whose lines match `which`
 * (a condition on receivables): one bill per unit and month, created on first sight with the next
 * bill number; a unit whose lines are all cancelled keeps its bill, cancelled.
 */
export async function refreshBills(tx: Db, month: number, which: SQL | undefined): Promise<number> {
  const units = tx
    .selectDistinct({ entityId: receivables.entityId })
    .from(receivables)
    .where(and(eq(receivables.month, month), sql`${receivables.entityId} is not null`, which));
  const rows = await tx
    .select({
      entityId: receivables.entityId,
      insuranceType: receivables.insuranceType,
      regionCode: sql<string>`min(${receivables.regionCode})`,
      unitFen: sql<number>`coalesce(sum(${receivables.amountFen}) filter (where ${receivables.payer} = 'unit' and ${receivables.status} <> 'cancelled'), 0)`.mapWith(Number),
      personFen: sql<number>`coalesce(sum(${receivables.amountFen}) filter (where ${receivables.payer} = 'person' and ${receivables.status} <> 'cancelled'), 0)`.mapWith(Number),
      receivedFen: sql<number>`coalesce(sum(${receivables.amountFen}) filter (where ${receivables.status} = 'received'), 0)`.mapWith(Number),
      lines: sql<number>`count(*) filter (where ${receivables.status} <> 'cancelled')`.mapWith(Number),
      persons: sql<string[]>`array_agg(distinct ${receivables.personId}) filter (where ${receivables.status} <> 'cancelled')`,
    })
    .from(receivables)
    .where(and(eq(receivables.month, month), inArray(receivables.entityId, units), ne(receivables.payer, 'fiscal')))
    .groupBy(receivables.entityId, receivables.insuranceType)
    .orderBy(receivables.entityId, receivables.insuranceType);
  const byEntity = new Map<string, typeof rows>();
  for (const row of rows) byEntity.set(row.entityId!, [...(byEntity.get(row.entityId!) ?? []), row]);
  const values = [...byEntity].map(([entityId, types]) => {
    const sum = (pick: (t: (typeof rows)[number]) => number) => types.reduce((n, t) => n + pick(t), 0);
    const unitFen = sum((t) => t.unitFen);
    const personFen = sum((t) => t.personFen);
    const receivedFen = sum((t) => t.receivedFen);
    const lines = sum((t) => t.lines);
    return {
      id: newId('bil'),
      number: sql`${`JF${month}`} || lpad(nextval('collection.bill_numbers')::text, 8, '0')`,
      entityId,
      month,
      regionCode: types.map((t) => t.regionCode).sort()[0],
      unitFen,
      personFen,
      totalFen: unitFen + personFen,
      receivedFen,
      persons: new Set(types.flatMap((t) => t.persons ?? [])).size,
      lines,
      byType: types.map((t) => ({ insuranceType: t.insuranceType, unitFen: t.unitFen, personFen: t.personFen, totalFen: t.unitFen + t.personFen, receivedFen: t.receivedFen })),
      status: billStatus(unitFen + personFen, receivedFen, lines),
      updatedAt: new Date(),
    };
  });
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  for (let i = 0; i < values.length; i += 500) {
    await tx
      .insert(bills)
      .values(values.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [bills.entityId, bills.month],
        set: {
          regionCode: excluded('region_code'),
          unitFen: excluded('unit_fen'),
          personFen: excluded('person_fen'),
          totalFen: excluded('total_fen'),
          receivedFen: excluded('received_fen'),
          persons: excluded('persons'),
          lines: excluded('lines'),
          byType: excluded('by_type'),
          status: excluded('status'),
          updatedAt: excluded('updated_at'),
        },
      });
  }
  return values.length;
}

export type BillRow = typeof bills.$inferSelect;

export const billView = (row: BillRow): BillView => ({
  id: row.id,
  number: row.number,
  entityId: row.entityId,
  month: monthText(row.month),
  regionCode: row.regionCode,
  status: row.status,
  byPayer: { unitFen: row.unitFen, personFen: row.personFen },
  totalFen: row.totalFen,
  receivedFen: row.receivedFen,
  outstandingFen: Math.max(row.totalFen - row.receivedFen, 0),
  byType: row.byType,
  persons: row.persons,
  lines: row.lines,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
