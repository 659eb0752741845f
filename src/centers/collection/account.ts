/**
 * 个人账户与缴费记录 what a person and a unit may read: the personal account (entries and balance),
 * the contribution lines with an explanation, the annual statement, and the unit's bills. The
 * explanation is not stored: the policy center's calculator explains the line again from the facts
 * kept on it, and when the policy has changed since, the line's own figures are explained instead.
 */
import { and, asc, count, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { RegionScope } from '../../kernel/actor/index.js';
import type { Db } from '../../kernel/db/index.js';
import { DomainError, conflict, notFound } from '../../kernel/errors/index.js';
import * as policy from '../policy/index.js';
import * as registry from '../registry/index.js';
import { accountEntries, bills, receivables } from './schema.js';
import { monthText, type BillStatus } from './rules.js';
import { billView } from './pools.js';
import { percentOfPpm, yuan } from '../../kernel/money/index.js';
import type { AccountEntryView, AnnualStatementView, BillView, PersonalAccountView, ReceivableView, RegionBillView } from './contract.js';
import { withinScope } from '../../kernel/actor/sql.js';
import { pageOf } from '../../kernel/page/index.js';

type LineRow = typeof receivables.$inferSelect;

export interface PageQuery {
  year?: number;
  page: number;
  pageSize: number;
}

const yearRange = (column: typeof accountEntries.month | typeof receivables.month | typeof bills.month, year?: number): SQL | undefined =>
  year === undefined ? undefined : and(gte(column, year * 100 + 1), lte(column, year * 100 + 12));

// --------------------------------------------------------------------------------- the account

const entryView = (e: typeof accountEntries.$inferSelect): AccountEntryView => ({
  id: e.id,
  kind: e.kind,
  amountFen: e.amountFen,
  month: monthText(e.month),
  insuranceType: e.insuranceType,
  sourceRef: e.sourceRef,
  createdAt: e.createdAt.toISOString(),
});

async function balanceOf(db: Db, personId: string, before?: number): Promise<number> {
  const [{ fen }] = await db
    .select({ fen: sql<number>`coalesce(sum(${accountEntries.amountFen}), 0)`.mapWith(Number) })
    .from(accountEntries)
    .where(and(eq(accountEntries.personId, personId), before === undefined ? undefined : lt(accountEntries.month, before)));
  return fen;
}

/** 个人账户 the balance (all entries) and the entries of a year (or all), newest first. */
export async function personalAccount(ctx: AppContext, personId: string, query: PageQuery): Promise<PersonalAccountView> {
  const db = ctx.database.db;
  const where = and(eq(accountEntries.personId, personId), yearRange(accountEntries.month, query.year));
  const [balanceFen, rows, [{ total }]] = await Promise.all([
    balanceOf(db, personId),
    db.select().from(accountEntries).where(where).orderBy(desc(accountEntries.month), desc(accountEntries.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(accountEntries).where(where),
  ]);
  return { balanceFen, ...pageOf(rows.map(entryView), total, query) };
}

// ------------------------------------------------------------------- payments from the account

/** One person's account at a time: a debit's balance check and its entry are not interleaved with another's. */
const lockAccount = (tx: Db, personId: string) => tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`collection:account:${personId}`}))`);

/**
 * The balance over all entries. With `lock` (inside a transaction), takes the person's account lock
 * first and holds it to the end of the transaction, so a debit in the same transaction finds the
 * balance it was computed from.
 */
export async function accountBalance(db: Db, personId: string, lock = false): Promise<number> {
  if (lock) await lockAccount(db, personId);
  return balanceOf(db, personId);
}

export interface DebitInput {
  personId: string;
  /** what the account pays, fen (> 0) */
  amountFen: number;
  /** the payer's reference, unique over the ledger (`stl:<settlement id>`): a repeat answers the first entry */
  reference: string;
  kind: 'settlement';
  /** `YYYY-MM`, the month the payment belongs to */
  month: string;
  insuranceType?: string | null;
}

export interface EntryResult {
  entryId: number;
  amountFen: number;
  balanceFen: number;
  /** true when the reference had already been booked */
  replayed: boolean;
}

/**
 * 个人账户支付 books a payment from the personal account, in the caller's transaction. Idempotent on
 * the reference (the same payment again answers the first; a different one under it is a 409);
 * never below zero (409 naming `amountFen`).
 */
export async function debitAccount(tx: Db, input: DebitInput): Promise<EntryResult> {
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0) throw new DomainError('request.field_invalid', 'invalid', { field: 'amountFen' }, 'amountFen');
  await lockAccount(tx, input.personId);
  const [prior] = await tx.select().from(accountEntries).where(eq(accountEntries.sourceRef, input.reference));
  if (prior) {
    if (prior.personId !== input.personId || prior.amountFen !== -input.amountFen) throw conflict('collection.account_reference_taken', { reference: input.reference }, 'reference');
    return { entryId: prior.id, amountFen: input.amountFen, balanceFen: await balanceOf(tx, input.personId), replayed: true };
  }
  const balanceFen = await balanceOf(tx, input.personId);
  if (balanceFen < input.amountFen) throw conflict('collection.account_insufficient', { balanceFen, amountFen: input.amountFen }, 'amountFen');
  const [entry] = await tx
    .insert(accountEntries)
    .values({ personId: input.personId, kind: input.kind, amountFen: -input.amountFen, month: policy.monthKey(input.month, 'month'), insuranceType: input.insuranceType ?? null, sourceRef: input.reference })
    .returning({ id: accountEntries.id });
  return { entryId: entry.id, amountFen: input.amountFen, balanceFen: balanceFen - input.amountFen, replayed: false };
}

/**
 * The accounts of several persons for a batch of payments (a group commit of confirmations): takes
 * each person's account lock, in one order so that two batches cannot deadlock, then reads the
 * balances in a statement of its own (one that began before a lock was granted would miss what the
 * lock's holder committed). Two statements whatever the number of persons.
 */
export async function lockedBalances(tx: Db, personIds: readonly string[]): Promise<Map<string, number>> {
  const persons = [...new Set(personIds)].sort();
  if (!persons.length) return new Map();
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('collection:account:' || p)) from (select p from jsonb_array_elements_text(${JSON.stringify(persons)}::jsonb) p order by p) s`);
  const rows = await tx
    .select({ personId: accountEntries.personId, fen: sql<number>`coalesce(sum(${accountEntries.amountFen}), 0)`.mapWith(Number) })
    .from(accountEntries)
    .where(inArray(accountEntries.personId, persons))
    .groupBy(accountEntries.personId);
  const balances = new Map(persons.map((p) => [p, 0]));
  for (const row of rows) balances.set(row.personId, row.fen);
  return balances;
}

/**
 * 个人账户支付 books payments whose balances `lockedBalances` found sufficient, in one statement.
 * Each reference is new (a settlement's), so there is nothing to replay: a reference already booked
 * fails the whole statement (the unique index), and with it the batch.
 */
export async function debitAccounts(tx: Db, inputs: readonly DebitInput[]): Promise<void> {
  if (!inputs.length) return;
  await tx.insert(accountEntries).values(
    inputs.map((input) => ({ personId: input.personId, kind: input.kind, amountFen: -input.amountFen, month: policy.monthKey(input.month, 'month'), insuranceType: input.insuranceType ?? null, sourceRef: input.reference })),
  );
}

/**
 * 冲正退回 gives a payment back to the account, once: the entry under `reversalReference` credits
 * what the entry under `reference` debited, in the same month. A repeat answers the first reversal.
 */
export async function reverseDebit(tx: Db, input: { reference: string; reversalReference: string }): Promise<EntryResult> {
  const [debit] = await tx.select().from(accountEntries).where(eq(accountEntries.sourceRef, input.reference));
  if (!debit || debit.amountFen >= 0) throw notFound('collection.account_entry_not_found', { reference: input.reference });
  await lockAccount(tx, debit.personId);
  const [prior] = await tx.select().from(accountEntries).where(eq(accountEntries.sourceRef, input.reversalReference));
  if (prior) {
    if (prior.personId !== debit.personId || prior.amountFen !== -debit.amountFen) throw conflict('collection.account_reference_taken', { reference: input.reversalReference }, 'reversalReference');
    return { entryId: prior.id, amountFen: prior.amountFen, balanceFen: await balanceOf(tx, debit.personId), replayed: true };
  }
  const [entry] = await tx
    .insert(accountEntries)
    .values({ personId: debit.personId, kind: 'settlement_reversal', amountFen: -debit.amountFen, month: debit.month, insuranceType: debit.insuranceType, sourceRef: input.reversalReference })
    .returning({ id: accountEntries.id });
  return { entryId: entry.id, amountFen: -debit.amountFen, balanceFen: await balanceOf(tx, debit.personId), replayed: false };
}

// ----------------------------------------------------------------------------- explanations

const PAYER: Record<string, { zh: string; en: string }> = {
  unit: { zh: '单位缴费', en: 'Unit share' },
  person: { zh: '个人缴费', en: 'Personal share' },
  fiscal: { zh: '财政补助', en: 'Fiscal subsidy' },
};

/** The line's own figures, when the policy in effect no longer reproduces it. */
function ownExplanation(line: LineRow): policy.Bilingual {
  const month = monthText(line.month);
  const payer = PAYER[line.payer];
  const rate = percentOfPpm(line.ratePpm);
  const bound = line.baseRuleCode ? { zh: `；基数按规则 ${line.baseRuleCode} 核定`, en: `; base set by rule ${line.baseRuleCode}` } : { zh: '', en: '' };
  return {
    zh: `${month} ${payer.zh}：缴费基数 ${yuan(line.baseFen)} 元 × ${rate} = ${yuan(line.amountFen)} 元（规则 ${line.ruleCode}，政策版本 ${line.ruleVersionId}）${bound.zh}`,
    en: `${month} ${payer.en}: base ${yuan(line.baseFen)} yuan × ${rate} = ${yuan(line.amountFen)} yuan (rule ${line.ruleCode}, policy version ${line.ruleVersionId})${bound.en}`,
  };
}

/**
 * Explanations of a set of lines: one parameter lookup per pooling region, type and month (cached
 * by the policy center), the calculator run on the stored facts, its line taken when it still gives
 * the stored amount under the same rule version.
 */
async function explain(ctx: AppContext, lines: LineRow[]): Promise<Map<number, policy.Bilingual>> {
  const out = new Map<number, policy.Bilingual>();
  const groups = new Map<string, LineRow[]>();
  for (const line of lines) {
    const key = `${line.poolingRegion}|${line.insuranceType}|${line.month}|${line.employmentId}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  for (const group of groups.values()) {
    const first = group[0];
    const month = monthText(first.month);
    let computed: policy.ReceivableLine[] = [];
    try {
      const parameters = await policy.effectiveParameters(ctx, { regionCode: first.poolingRegion, insuranceType: first.insuranceType, month });
      const kinds = new Set(parameters.collectionRule?.shares.map((s) => s.baseKind) ?? []);
      const facts: policy.PersonFacts = {
        personId: first.personId,
        birthDate: first.birthDate,
        retired: first.retired,
        category: first.category,
        bases: Object.fromEntries([...kinds].map((k) => [k, first.declaredFen])),
      };
      computed = policy.receivableLines(facts, month, parameters.baseRule, parameters.collectionRule, parameters.wage);
    } catch {
      computed = [];
    }
    for (const line of group) {
      const again = computed.find((c) => c.ruleCode === line.ruleCode && c.amountFen === line.amountFen && c.ruleVersionId === line.ruleVersionId);
      if (!again) {
        out.set(line.id, ownExplanation(line));
        continue;
      }
      const clamped = line.baseRuleCode && again.baseRuleCode === null;
      out.set(line.id, {
        zh: again.explanation.zh + (clamped ? `；申报时基数已按规则 ${line.baseRuleCode} 核定` : ''),
        en: again.explanation.en + (clamped ? `; the base was set by rule ${line.baseRuleCode} when declared` : ''),
      });
    }
  }
  return out;
}

const lineView = (line: LineRow, explanation?: policy.Bilingual): ReceivableView => ({
  id: line.id,
  month: monthText(line.month),
  employmentId: line.employmentId,
  personId: line.personId,
  entityId: line.entityId,
  enrollmentKind: line.enrollmentKind,
  insuranceType: line.insuranceType,
  regionCode: line.regionCode,
  poolingRegion: line.poolingRegion,
  ruleCode: line.ruleCode,
  payer: line.payer,
  payerKey: line.payerKey,
  fund: line.fund,
  flow: line.flow,
  periodicity: line.periodicity,
  baseKind: line.baseKind,
  baseFen: line.baseFen,
  baseApplied: line.baseApplied,
  baseRuleCode: line.baseRuleCode,
  ratePpm: line.ratePpm,
  amountFen: line.amountFen,
  ruleVersionId: line.ruleVersionId,
  status: line.status,
  receivedAt: line.receivedAt?.toISOString() ?? null,
  ...(explanation ? { explanation } : {}),
});

/** 缴费记录 a person's receivable lines (newest month first), each with its status and a bilingual explanation. */
export async function contributionsOf(ctx: AppContext, personId: string, query: PageQuery) {
  const db = ctx.database.db;
  const where = and(eq(receivables.personId, personId), yearRange(receivables.month, query.year));
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(receivables).where(where).orderBy(desc(receivables.month), asc(receivables.insuranceType), asc(receivables.ruleCode)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(receivables).where(where),
  ]);
  const explanations = await explain(ctx, rows);
  return pageOf(rows.map((r) => lineView(r, explanations.get(r.id))), total, query);
}

/** Receivable lines for a clerk, in their region (explained on request only: it costs a policy lookup per group). */
export async function listReceivables(
  ctx: AppContext,
  scope: RegionScope,
  query: { page: number; pageSize: number; month?: string; personId?: string; entityId?: string; status?: LineRow['status']; insuranceType?: string; explain?: boolean },
) {
  const db = ctx.database.db;
  const where = and(
    withinScope(receivables.regionCode, scope),
    query.month ? eq(receivables.month, policy.monthKey(query.month, 'month')) : undefined,
    query.personId ? eq(receivables.personId, query.personId) : undefined,
    query.entityId ? eq(receivables.entityId, query.entityId) : undefined,
    query.status ? eq(receivables.status, query.status) : undefined,
    query.insuranceType ? eq(receivables.insuranceType, query.insuranceType) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(receivables).where(where).orderBy(desc(receivables.month), asc(receivables.employmentId), asc(receivables.ruleCode)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(receivables).where(where),
  ]);
  const explanations = query.explain ? await explain(ctx, rows) : new Map<number, policy.Bilingual>();
  return pageOf(rows.map((r) => lineView(r, explanations.get(r.id))), total, query);
}

type MonthStatus = 'none' | 'due' | 'partly_received' | 'received';

/** 年度对账单 a person's year: each month's shares by payer and its status, the year's totals and the account's movement. */
export async function annualStatement(ctx: AppContext, personId: string, year: number): Promise<AnnualStatementView> {
  const db = ctx.database.db;
  const [lines, openingFen, movement] = await Promise.all([
    db
      .select({
        month: receivables.month,
        payer: receivables.payer,
        status: receivables.status,
        fen: sql<number>`coalesce(sum(${receivables.amountFen}), 0)`.mapWith(Number),
        lines: count(),
      })
      .from(receivables)
      .where(and(eq(receivables.personId, personId), yearRange(receivables.month, year), sql`${receivables.status} <> 'cancelled'`))
      .groupBy(receivables.month, receivables.payer, receivables.status),
    balanceOf(db, personId, year * 100 + 1),
    db
      .select({
        credits: sql<number>`coalesce(sum(${accountEntries.amountFen}) filter (where ${accountEntries.amountFen} > 0), 0)`.mapWith(Number),
        debits: sql<number>`coalesce(-sum(${accountEntries.amountFen}) filter (where ${accountEntries.amountFen} < 0), 0)`.mapWith(Number),
      })
      .from(accountEntries)
      .where(and(eq(accountEntries.personId, personId), yearRange(accountEntries.month, year))),
  ]);
  const months = Array.from({ length: 12 }, (_, i) => {
    const key = year * 100 + i + 1;
    const of = lines.filter((l) => l.month === key);
    const sum = (payer: string) => of.filter((l) => l.payer === payer).reduce((n, l) => n + l.fen, 0);
    const due = of.filter((l) => l.status === 'due').reduce((n, l) => n + Number(l.lines), 0);
    const received = of.filter((l) => l.status === 'received').reduce((n, l) => n + Number(l.lines), 0);
    const status: MonthStatus = !due && !received ? 'none' : !due ? 'received' : received ? 'partly_received' : 'due';
    return { month: monthText(key), unitFen: sum('unit'), personFen: sum('person'), fiscalFen: sum('fiscal'), status };
  });
  const totals = {
    unitFen: months.reduce((n, m) => n + m.unitFen, 0),
    personFen: months.reduce((n, m) => n + m.personFen, 0),
    fiscalFen: months.reduce((n, m) => n + m.fiscalFen, 0),
  };
  const { credits, debits } = movement[0];
  return {
    year,
    months,
    totals: { ...totals, totalFen: totals.unitFen + totals.personFen + totals.fiscalFen },
    account: { openingFen, creditsFen: credits, debitsFen: debits, closingFen: openingFen + credits - debits },
  };
}

// ------------------------------------------------------------------------------------- bills

export async function listBills(db: Db, where: SQL | undefined, query: { page: number; pageSize: number }) {
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(bills).where(where).orderBy(desc(bills.month), asc(bills.number)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(bills).where(where),
  ]);
  return pageOf(rows.map(billView), total, query);
}

/** Bills with their unit's name (one registry read per distinct unit of the page). */
async function withUnitNames(ctx: AppContext, views: BillView[]): Promise<RegionBillView[]> {
  const ids = [...new Set(views.map((v) => v.entityId))];
  const entities = await Promise.all(ids.map((id) => registry.getEntity(ctx, id)));
  const names = new Map(ids.map((id, i) => [id, entities[i]?.name ?? null]));
  return views.map((v) => ({ ...v, unitName: names.get(v.entityId) ?? null }));
}

/** 单位缴费单 a unit's bills (newest month first). */
export const billsOf = (ctx: AppContext, entityId: string, query: PageQuery) => listBills(ctx.database.db, and(eq(bills.entityId, entityId), yearRange(bills.month, query.year)), query);

/** The bill row if it is the entity's, else a 404 (ids of other units cannot be probed). */
export async function entityBill(db: Db, entityId: string, billId: string) {
  const [row] = await db.select().from(bills).where(and(eq(bills.id, billId), eq(bills.entityId, entityId)));
  if (!row) throw notFound('collection.bill_not_found');
  return row;
}

export async function regionBill(db: Db, scope: RegionScope, billId: string) {
  const [row] = await db.select().from(bills).where(eq(bills.id, billId));
  if (!row) throw notFound('collection.bill_not_found');
  scope.require(row.regionCode, 'collection.bill_not_found');
  return row;
}

/** 单位缴费单 the bills of a clerk's scope (newest month first), with their units' names. */
export async function listRegionBills(ctx: AppContext, scope: RegionScope, query: { page: number; pageSize: number; month?: string; entityId?: string; status?: BillStatus }) {
  const where = and(
    withinScope(bills.regionCode, scope),
    query.month ? eq(bills.month, policy.monthKey(query.month, 'month')) : undefined,
    query.entityId ? eq(bills.entityId, query.entityId) : undefined,
    query.status ? eq(bills.status, query.status) : undefined,
  );
  const found = await listBills(ctx.database.db, where, query);
  return { ...found, items: await withUnitNames(ctx, found.items) };
}

/** One bill of the clerk's scope, with its unit's name. */
export async function getRegionBill(ctx: AppContext, scope: RegionScope, billId: string): Promise<RegionBillView> {
  const [bill] = await withUnitNames(ctx, [billView(await regionBill(ctx.database.db, scope, billId))]);
  return bill;
}

/** The bill's lines: every live line of the unit and month, in enrollment order. */
export async function billLines(db: Db, bill: { entityId: string; month: number }) {
  return db
    .select()
    .from(receivables)
    .where(and(eq(receivables.entityId, bill.entityId), eq(receivables.month, bill.month), sql`${receivables.status} <> 'cancelled'`, sql`${receivables.payer} <> 'fiscal'`))
    .orderBy(asc(receivables.insuranceType), asc(receivables.personId), asc(receivables.ruleCode));
}
