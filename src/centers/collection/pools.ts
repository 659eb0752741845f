/**
 * 实收处理 matching and bills. A pool is one pooling region × payer × month × insurance type: its
 * payments (however many, whichever file brought them) pay its live lines in a fixed order
 * (enrollment, rule code), whole lines only, as far as the money goes. Received lines make their
 * personal-account entries; the unit's bill follows its lines.
 */
import { and, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../kernel/db/index.js';
import { newId } from '../../kernel/ids/index.js';
import type { Outbox } from '../../kernel/outbox/index.js';
import { accountEntries, bills, payments, receivables } from './schema.js';
import { accountEntryOf, billStatus, monthText, poolPaymentStatus } from './rules.js';
import type { BillView } from './contract.js';
import { BILL_ISSUED } from './events.js';

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
 * and refreshes the unit's bill (`outbox` announces it when made here). Safe to repeat: it only ever
 * uses money no line has used.
 */
export async function settlePool(tx: Db, outbox: Outbox, pool: Pool): Promise<{ received: number; status: string }> {
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
  if (pool.payerKey.startsWith('ent_') && lines.length) await refreshBills(tx, outbox, pool.month, inArray(receivables.entityId, [pool.payerKey]));
  return { received: lines.length, status };
}

/** units summed and written at a time */
const BILL_UNITS_PER_PAGE = 500;
/** names the cursors of bill refreshes apart (several may run in one transaction) */
let cursors = 0;

/**
 * Brings the bills of a month in step with their lines, for the units whose lines match `which`
 * (a condition on receivables): one bill per unit and month, created on first sight with the next
 * bill number and announced then (`collection.bill_issued`, in `tx`); a unit whose lines are all
 * cancelled keeps its bill, cancelled. A bill sums all its unit's lines of the month, fiscal
 * subsidies aside, whatever `which` says.
 *
 * PostgreSQL sums the units (their persons counted there) in one statement, read through a cursor
 * a page of units at a time: memory holds a page of units, whatever their number and their persons'.
 * `tx` must be a transaction (a cursor lives in one).
 */
export async function refreshBills(tx: Db, outbox: Outbox, month: number, which: SQL | undefined): Promise<number> {
  const cursor = sql.raw(`collection_bill_sums_${++cursors}`);
  // `which` names the receivables' columns in full: the table stays unaliased where it applies. Each
  // unit's lines are then read by index, a unit at a time; a unit with fiscal lines only has no bill.
  await tx.execute(sql`
    declare ${cursor} no scroll cursor for
    with unit as (
      select distinct entity_id from collection.receivables
       where month = ${month} and entity_id is not null ${which ? sql`and ${which}` : sql``}
    )
    select u.entity_id, b.region_code, b.unit_fen, b.person_fen, b.received_fen, b.lines, b.persons, t.by_type
      from unit u
     cross join lateral (
       select min(r.region_code) as region_code,
              coalesce(sum(r.amount_fen) filter (where r.payer = 'unit' and r.status <> 'cancelled'), 0)::bigint as unit_fen,
              coalesce(sum(r.amount_fen) filter (where r.payer = 'person' and r.status <> 'cancelled'), 0)::bigint as person_fen,
              coalesce(sum(r.amount_fen) filter (where r.status = 'received'), 0)::bigint as received_fen,
              count(*) filter (where r.status <> 'cancelled') as lines,
              count(distinct r.person_id) filter (where r.status <> 'cancelled') as persons
         from collection.receivables r
        where r.entity_id = u.entity_id and r.month = ${month} and r.payer <> 'fiscal'
     ) b
     cross join lateral (
       select json_agg(json_build_object('insuranceType', t.insurance_type, 'unitFen', t.unit_fen, 'personFen', t.person_fen, 'totalFen', t.unit_fen + t.person_fen, 'receivedFen', t.received_fen)
                       order by t.insurance_type) as by_type
         from (select r.insurance_type,
                      coalesce(sum(r.amount_fen) filter (where r.payer = 'unit' and r.status <> 'cancelled'), 0)::bigint as unit_fen,
                      coalesce(sum(r.amount_fen) filter (where r.payer = 'person' and r.status <> 'cancelled'), 0)::bigint as person_fen,
                      coalesce(sum(r.amount_fen) filter (where r.status = 'received'), 0)::bigint as received_fen
                 from collection.receivables r
                where r.entity_id = u.entity_id and r.month = ${month} and r.payer <> 'fiscal'
                group by r.insurance_type) t
     ) t
     where b.region_code is not null
     order by u.entity_id`);
  let refreshed = 0;
  for (;;) {
    const page = ((await tx.execute(sql`fetch ${sql.raw(String(BILL_UNITS_PER_PAGE))} from ${cursor}`)) as unknown as { rows: BillSums[] }).rows;
    if (page.length) await writeBills(tx, outbox, month, page);
    refreshed += page.length;
    if (page.length < BILL_UNITS_PER_PAGE) break;
  }
  await tx.execute(sql`close ${cursor}`);
  return refreshed;
}

/**
 * Writes the bills of a page of units: new ones numbered in the page's order and announced, known
 * ones brought up to date (not announced again).
 */
async function writeBills(tx: Db, outbox: Outbox, month: number, page: BillSums[]) {
  const excluded = (column: string) => sql.raw(`excluded.${column}`);
  const written = await tx
    .insert(bills)
    .values(
      page.map((unit) => {
        const [unitFen, personFen, receivedFen, lines] = [unit.unit_fen, unit.person_fen, unit.received_fen, unit.lines].map(Number);
        return {
          id: newId('bil'),
          number: sql`${`JF${month}`} || lpad(nextval('collection.bill_numbers')::text, 8, '0')`,
          entityId: unit.entity_id,
          month,
          regionCode: unit.region_code,
          unitFen,
          personFen,
          totalFen: unitFen + personFen,
          receivedFen,
          persons: Number(unit.persons),
          lines,
          byType: unit.by_type,
          status: billStatus(unitFen + personFen, receivedFen, lines),
          updatedAt: new Date(),
        };
      }),
    )
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
    })
    // A row the statement inserted has no deleting transaction (xmax 0); one it updated has this one.
    .returning({ id: bills.id, entityId: bills.entityId, number: bills.number, totalFen: bills.totalFen, regionCode: bills.regionCode, inserted: sql<boolean>`(xmax = 0)` });
  const made = written.filter((bill) => bill.inserted);
  await outbox.publishMany(
    tx,
    BILL_ISSUED,
    made.map((bill) => ({ billId: bill.id, entityId: bill.entityId, billNumber: bill.number, month: monthText(month), totalFen: bill.totalFen, regionCode: bill.regionCode })),
  );
}

/** A unit's sums for its bill, as PostgreSQL gives them (a unit with fiscal lines only has none, and no bill). */
interface BillSums {
  entity_id: string;
  region_code: string;
  unit_fen: number | string;
  person_fen: number | string;
  received_fen: number | string;
  lines: number | string;
  persons: number | string;
  by_type: BillRow['byType'];
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
