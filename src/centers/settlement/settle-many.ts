/**
 * 批量结算 settlements of many visits in one transaction, for a group commit of the payment center's
 * confirmations: the reads (enrollment, policy, catalog) done before, per visit (`prepareConsented`);
 * in the transaction a fixed number of statements whatever the number of visits: the year-to-date
 * rows created and locked, the accounts locked and their balances read, then the settlements, the
 * year-to-date figures, the account payments, the risk events and the events written set-based.
 * Each visit is calculated as if settled alone in the batch's order: two visits of one person see
 * each other's year-to-date and balance.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/index.js';
import { DomainError, conflict } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import * as collection from '../collection/index.js';
import type { SettlementResult } from './calculator.js';
import type { SettlementView } from './contract.js';
import { SETTLED } from './events.js';
import { recordRiskEventsOf } from './risk.js';
import { settlements } from './schema.js';
import {
  accountRef,
  calculate,
  consented,
  eventPayload,
  prepare,
  settlementRow,
  settlementView,
  type Consent,
  type ConsentedVisit,
  type SettlementInput,
  type SettlementRow,
} from './service.js';

/** What `settleMany` gives each visit: its settlement, or the refusal of its figures by `accept`. */
export type ManySettled = { settlement: SettlementView } | { refused: DomainError };

/**
 * The consent checked and the reads done for a visit to settle in a batch: a refusal (not enrolled,
 * no policy, a bad line) is thrown here, before any transaction.
 */
export async function prepareConsented(ctx: AppContext, caller: { appId: string }, input: SettlementInput & { settlementReference: string }, consent: Consent): Promise<ConsentedVisit> {
  return { caller, input, consent: consented(ctx, caller, input, consent), prepared: await prepare(ctx, input) };
}

const ytdKey = (v: { personId: string; insuranceType: string }, year: number) => `${v.personId}\n${v.insuranceType}\n${year}`;

/**
 * Settles the visits in `tx`, in order. `accept` may refuse a visit on its figures (a payment that
 * cannot take cash): it is then not settled, and the visits after it do not count it. A consent or
 * reference already settled fails the whole batch (a conflict naming it when the batch is that one
 * visit): the caller retries the others without it.
 */
export async function settleMany(
  ctx: AppContext,
  tx: Db,
  visits: readonly ConsentedVisit[],
  accept: (result: SettlementResult, index: number) => DomainError | null = () => null,
): Promise<ManySettled[]> {
  if (!visits.length) return [];
  const keys = visits.map((v) => ({ personId: v.input.personId, insuranceType: v.input.insuranceType, year: v.prepared.year }));
  const distinct = [...new Map(keys.map((k) => [ytdKey(k, k.year), k])).values()].sort((a, b) => (ytdKey(a, a.year) < ytdKey(b, b.year) ? -1 : 1));
  const rows = JSON.stringify(distinct.map((k) => ({ person_id: k.personId, insurance_type: k.insuranceType, year: k.year })));
  // Year-to-date rows first (one order for every batch and for single settlements: the row, then the account).
  await tx.execute(sql`insert into settlement.accumulations (person_id, insurance_type, year)
    select * from jsonb_to_recordset(${rows}::jsonb) as k(person_id text, insurance_type text, year int) on conflict do nothing`);
  const held = await ctx.database.rows<{ person_id: string; insurance_type: string; year: number; deductible_fen: number; fund_paid_fen: number }>(
    sql`
    select a.person_id, a.insurance_type, a.year, a.deductible_fen, a.fund_paid_fen
    from settlement.accumulations a
    join jsonb_to_recordset(${rows}::jsonb) as k(person_id text, insurance_type text, year int)
      on a.person_id = k.person_id and a.insurance_type = k.insurance_type and a.year = k.year
    order by a.person_id, a.insurance_type, a.year
    for update of a`,
    tx,
  );
  const ytd = new Map(held.map((r) => [ytdKey({ personId: r.person_id, insuranceType: r.insurance_type }, r.year), { deductibleFen: Number(r.deductible_fen), fundPaidFen: Number(r.fund_paid_fen) }]));
  const balances = await collection.lockedBalances(tx, visits.map((v) => v.input.personId));

  const outcomes: ({ row: typeof settlements.$inferInsert; visit: ConsentedVisit; month: string } | { refused: DomainError })[] = visits.map((visit, i) => {
    const { input, prepared } = visit;
    const key = ytdKey(input, prepared.year);
    const before = ytd.get(key)!;
    const balance = balances.get(input.personId) ?? 0;
    let result: SettlementResult;
    try {
      result = calculate(
        { lines: prepared.priced.lines, parameters: prepared.parameters, yearToDate: before, accountBalanceFen: balance, catalog: prepared.priced.catalog },
        input.visit.institutionLevel,
      );
    } catch (error) {
      if (error instanceof DomainError) return { refused: error };
      throw error;
    }
    const refused = accept(result, i);
    if (refused) return { refused };
    ytd.set(key, result.yearToDateAfter);
    balances.set(input.personId, balance - result.acct_pay);
    return { row: settlementRow(newId('stl'), visit, result), visit, month: prepared.month };
  });

  const settled = outcomes.flatMap((o) => ('row' in o ? [o] : []));
  // Only what the database adds comes back: the rows are large (the lines, the result with its explanations).
  const written = settled.length
    ? await tx.insert(settlements).values(settled.map((s) => s.row)).onConflictDoNothing().returning({ id: settlements.id, createdAt: settlements.createdAt })
    : [];
  if (written.length < settled.length) throw await alreadySettled(tx, settled.map((s) => s.visit));
  const createdAt = new Map(written.map((w) => [w.id, w.createdAt]));
  const byId = new Map<string, SettlementRow>(settled.map(({ row }) => [row.id!, { ...row, status: 'settled', createdAt: createdAt.get(row.id!)!, reversedAt: null } as SettlementRow]));

  const after = distinct.filter((k) => settled.some((s) => ytdKey(s.visit.input, s.visit.prepared.year) === ytdKey(k, k.year)));
  if (after.length) {
    const figures = after.map((k) => ({ person_id: k.personId, insurance_type: k.insuranceType, year: k.year, ...ytd.get(ytdKey(k, k.year))! }));
    await tx.execute(sql`update settlement.accumulations a set deductible_fen = v."deductibleFen", fund_paid_fen = v."fundPaidFen", updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(figures)}::jsonb) as v(person_id text, insurance_type text, year int, "deductibleFen" bigint, "fundPaidFen" bigint)
      where a.person_id = v.person_id and a.insurance_type = v.insurance_type and a.year = v.year`);
  }
  await collection.debitAccounts(
    tx,
    settled
      .filter((s) => Number(s.row.accountFen) > 0)
      .map((s) => ({ personId: s.row.personId, amountFen: Number(s.row.accountFen), reference: accountRef(s.row.id!), kind: 'settlement' as const, month: s.month, insuranceType: s.row.insuranceType })),
  );
  await recordRiskEventsOf(
    tx,
    settled.map((s) => ({
      at: { settlementId: s.row.id!, appId: s.visit.caller.appId, institutionCode: s.row.institutionCode, personId: s.row.personId, poolingRegion: s.row.poolingRegion, visitDate: s.visit.input.visit.date },
      contradictions: s.visit.prepared.priced.contradictions,
    })),
  );
  await ctx.outbox.publishMany(tx, SETTLED, settled.map((s) => eventPayload(byId.get(s.row.id!)!)));
  return outcomes.map((o) => ('row' in o ? { settlement: settlementView(byId.get(o.row.id!)!) } : o));
}

/** Which of the visits was settled before (its consent, or its reference at the institution): the conflict a lone visit answers with. */
async function alreadySettled(tx: Db, visits: readonly ConsentedVisit[]): Promise<Error> {
  if (visits.length > 1) return new Error('settlement batch: a consent or reference was settled before; settle the visits one by one');
  const [{ consent, input }] = visits;
  const [used] = await tx
    .select({ id: settlements.id })
    .from(settlements)
    .where(and(eq(settlements.consentKind, consent.kind), eq(settlements.consentRef, consent.ref)));
  if (used) return conflict('settlement.consent_used', {}, consent.field);
  return conflict('settlement.reference_taken', { reference: input.settlementReference }, 'settlementReference');
}

