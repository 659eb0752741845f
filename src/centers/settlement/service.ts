/**
 * 结算 pre-settlement, settlement and reversal (冲正) of a visit at a designated institution. The
 * figures come from the pure calculator; the person's category and pooling region from the
 * enrollment center, the parameters from the policy center's published settlement policy, the
 * balance and the payment from the collection center's personal-account ledger. Settling holds the
 * person's year-to-date row and account lock, so concurrent settlements of one person take turns.
 */
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/index.js';
import { DomainError, badRequest, conflict, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { idempotent } from '../../kernel/idempotency/index.js';
import type { PayloadOf } from '../../kernel/outbox/index.js';
import * as collection from '../collection/index.js';
import * as enrollment from '../enrollment/index.js';
import * as policy from '../policy/index.js';
import { parametersFor, settle, SettlementInputError, type FeeLine, type SettlementParameters, type SettlementResult } from './calculator.js';
import type { PreSettlementView, SettlementView, VisitInput } from './contract.js';
import { REVERSED, SETTLED } from './events.js';
import { accumulations, settlements } from './schema.js';

export interface SettlementInput {
  /** the registry person (`psn_…`), as the e-voucher verification returns it */
  personId: string;
  insuranceType: string;
  /** 定点医疗机构编码 `H` + 6-digit region + 5 digits */
  institutionCode: string;
  visit: VisitInput;
  lines: FeeLine[];
  /** 结算流水号 the institution's reference; required to settle, ignored by pre-settlement */
  settlementReference?: string;
}

/** A settlement as a channel app's command left it; `replayed` when it is the stored answer of an earlier request with the key. */
export interface SettlementOutcome {
  settlement: SettlementView;
  replayed: boolean;
}


/** What the platform found for a visit before any figure: who, where, under which policy row. */
interface Prepared {
  personCategory: string;
  poolingRegion: string;
  policyVersionId: string;
  parameters: SettlementParameters;
  year: number;
  month: string;
}

/** 目录编码 the catalog a fee line's code belongs to, by its first character. */
function lineKind(code: string): policy.CatalogKind {
  if (code.startsWith('X')) return 'drug-western';
  if (code.startsWith('Z')) return 'drug-chinese-patent';
  if (code.startsWith('C')) return 'consumable';
  return 'service-item';
}

function checkLines(lines: readonly FeeLine[]) {
  lines.forEach((line, i) => {
    if (policy.checkCode(lineKind(line.code), line.code, `lines.${i}.code`)) throw badRequest('settlement.line_code_invalid', `lines.${i}.code`);
    if (line.class !== 'B' && line.selfPayRatioBp !== undefined && line.selfPayRatioBp !== 0) {
      throw badRequest('settlement.input_invalid', `lines.${i}.selfPayRatioBp`, { detail: 'only class B lines have a self-pay ratio' });
    }
  });
}

async function prepare(ctx: AppContext, input: SettlementInput): Promise<Prepared> {
  checkLines(input.lines);
  const month = input.visit.date.slice(0, 7);
  const { items } = await enrollment.activeEnrollmentsPage(ctx, { personId: input.personId, insuranceType: input.insuranceType, month, limit: 20 });
  const held = items[0];
  if (!held) throw new DomainError('settlement.not_enrolled', 'unprocessable', { personId: input.personId, insuranceType: input.insuranceType, month }, 'personId');
  // 人员类别: a retired person is settled as retired whatever the enrollment kind.
  const personCategory = held.retired ? 'retired' : held.kind;
  // The nearest pooling region (the region, its city, its province) with a settlement policy in effect.
  const rule = (await policy.governingParameters(ctx, 'settlementRule', { regionCode: held.regionCode, insuranceType: input.insuranceType, month }))?.settlementRule;
  if (!rule) throw new DomainError('settlement.no_policy', 'unprocessable', { regionCode: held.regionCode, insuranceType: input.insuranceType, month }, 'insuranceType');
  const visit = { kind: input.visit.kind, institutionLevel: input.visit.institutionLevel, personCategory };
  let parameters: SettlementParameters;
  try {
    parameters = parametersFor(rule.rows, visit);
  } catch (error) {
    if (!(error instanceof SettlementInputError)) throw error;
    throw new DomainError('settlement.no_parameters', 'unprocessable', { versionId: rule.id, visitKind: visit.kind, institutionLevel: visit.institutionLevel, personCategory }, 'visit');
  }
  return { personCategory, poolingRegion: rule.regionCode, policyVersionId: rule.id, parameters, year: Number(month.slice(0, 4)), month };
}

function calculate(input: Parameters<typeof settle>[0]): SettlementResult {
  try {
    return settle(input);
  } catch (error) {
    if (error instanceof SettlementInputError) throw badRequest('settlement.input_invalid', error.field, { detail: error.message });
    throw error;
  }
}

const ytdWhere = (personId: string, insuranceType: string, year: number) =>
  and(eq(accumulations.personId, personId), eq(accumulations.insuranceType, insuranceType), eq(accumulations.year, year));

async function yearToDate(db: Db, personId: string, insuranceType: string, year: number) {
  const [row] = await db.select().from(accumulations).where(ytdWhere(personId, insuranceType, year));
  return { deductibleFen: Number(row?.deductibleFen ?? 0), fundPaidFen: Number(row?.fundPaidFen ?? 0) };
}

/** 预结算 the figures a settlement would give now; writes nothing. */
export async function preSettle(ctx: AppContext, input: SettlementInput): Promise<PreSettlementView> {
  const prepared = await prepare(ctx, input);
  const [ytd, balance] = await Promise.all([
    yearToDate(ctx.database.db, input.personId, input.insuranceType, prepared.year),
    collection.accountBalance(ctx, input.personId),
  ]);
  const result = calculate({ lines: input.lines, parameters: prepared.parameters, yearToDate: ytd, accountBalanceFen: balance });
  return {
    personId: input.personId,
    insuranceType: input.insuranceType,
    institutionCode: input.institutionCode,
    visit: input.visit,
    personCategory: prepared.personCategory,
    poolingRegion: prepared.poolingRegion,
    policyVersionId: prepared.policyVersionId,
    result,
  };
}

type SettlementRow = typeof settlements.$inferSelect;

export const settlementView = (row: SettlementRow): SettlementView => ({
  id: row.id,
  status: row.status,
  personId: row.personId,
  insuranceType: row.insuranceType,
  poolingRegion: row.poolingRegion,
  institutionCode: row.institutionCode,
  settlementReference: row.reference,
  visit: { kind: row.visitKind, institutionLevel: row.institutionLevel, date: row.visitDate },
  personCategory: row.personCategory,
  policyVersionId: row.policyVersionId,
  lines: row.lines,
  result: row.result,
  createdAt: row.createdAt.toISOString(),
  reversedAt: row.reversedAt?.toISOString() ?? null,
});

const accountRef = (id: string) => `stl:${id}`;

/**
 * 结算 settles a visit: the settlement, the year-to-date accumulations and the personal-account
 * payment in one transaction. Idempotent on the Idempotency-Key (per channel app); a reference
 * already used by the institution is a conflict naming `settlementReference`.
 */
export async function settleVisit(
  ctx: AppContext,
  caller: { appId: string },
  input: SettlementInput & { settlementReference: string },
  idempotencyKey?: string,
): Promise<SettlementOutcome> {
  const { personId, insuranceType } = input;
  const { result: body, replayed } = await idempotent(
    ctx.database,
    { scope: `channel:${caller.appId}:settlement.settle`, key: idempotencyKey, request: input },
    // Reads of other centers happen before the transaction (PGlite has a single connection).
    () => prepare(ctx, input),
    async (tx, prepared) => {
      await tx.insert(accumulations).values({ personId, insuranceType, year: prepared.year }).onConflictDoNothing();
      const [ytd] = await tx.select().from(accumulations).where(ytdWhere(personId, insuranceType, prepared.year)).for('update');
      const balance = await collection.accountBalance(ctx, personId, tx);
      const result = calculate({
        lines: input.lines,
        parameters: prepared.parameters,
        yearToDate: { deductibleFen: Number(ytd.deductibleFen), fundPaidFen: Number(ytd.fundPaidFen) },
        accountBalanceFen: balance,
      });
      const id = newId('stl');
      const [row] = await tx
        .insert(settlements)
        .values({
          id,
          personId,
          insuranceType,
          poolingRegion: prepared.poolingRegion,
          institutionCode: input.institutionCode,
          reference: input.settlementReference,
          channelAppId: caller.appId,
          visitKind: input.visit.kind,
          institutionLevel: input.visit.institutionLevel,
          visitDate: input.visit.date,
          year: prepared.year,
          personCategory: prepared.personCategory,
          policyVersionId: prepared.policyVersionId,
          lines: input.lines,
          result,
          totalFen: result.medfee_sumamt,
          fundFen: result.fund_pay_sumamt,
          accountFen: result.acct_pay,
          cashFen: result.psn_cash_pay,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) throw conflict('settlement.reference_taken', { reference: input.settlementReference }, 'settlementReference');
      await tx
        .update(accumulations)
        .set({ deductibleFen: result.yearToDateAfter.deductibleFen, fundPaidFen: result.yearToDateAfter.fundPaidFen, updatedAt: new Date() })
        .where(ytdWhere(personId, insuranceType, prepared.year));
      if (result.acct_pay > 0) {
        await collection.debitAccount(ctx, tx, { personId, amountFen: result.acct_pay, reference: accountRef(id), kind: 'settlement', month: prepared.month, insuranceType });
      }
      await ctx.outbox.publish(tx, SETTLED, eventPayload(row));
      return settlementView(row);
    },
  );
  return { settlement: body, replayed };
}

function eventPayload(row: SettlementRow): PayloadOf<typeof SETTLED> {
  return {
    settlementId: row.id,
    personId: row.personId,
    insuranceType: row.insuranceType,
    institutionCode: row.institutionCode,
    settlementReference: row.reference,
    totalFen: Number(row.totalFen),
    fundFen: Number(row.fundFen),
    accountFen: Number(row.accountFen),
    cashFen: Number(row.cashFen),
    status: row.status,
  };
}

/**
 * 冲正 reverses a settlement once: the year-to-date accumulations give back its deductible and fund
 * payment, the personal account gets its payment back. Only the channel app that settled may reverse
 * (another's settlement reads as not found); a second reversal is a conflict.
 */
export async function reverseSettlement(ctx: AppContext, caller: { appId: string }, id: string, idempotencyKey?: string): Promise<SettlementOutcome> {
  const { result: body, replayed } = await idempotent(
    ctx.database,
    { scope: `channel:${caller.appId}:settlement.reverse`, key: idempotencyKey, request: { id } },
    async () => undefined,
    async (tx) => {
      const [row] = await tx.select().from(settlements).where(eq(settlements.id, id)).for('update');
      if (!row || row.channelAppId !== caller.appId) throw notFound('settlement.not_found');
      if (row.status === 'reversed') throw conflict('settlement.already_reversed', {}, 'id');
      const where = ytdWhere(row.personId, row.insuranceType, row.year);
      await tx.select({ year: accumulations.year }).from(accumulations).where(where).for('update');
      await tx
        .update(accumulations)
        .set({
          deductibleFen: sql`greatest(0, ${accumulations.deductibleFen} - ${row.result.act_pay_dedc})`,
          fundPaidFen: sql`greatest(0, ${accumulations.fundPaidFen} - ${row.result.hifp_pay})`,
          updatedAt: new Date(),
        })
        .where(where);
      if (Number(row.accountFen) > 0) await collection.reverseAccountDebit(ctx, tx, { reference: accountRef(row.id), reversalReference: `${accountRef(row.id)}:reversal` });
      const [updated] = await tx.update(settlements).set({ status: 'reversed', reversedAt: new Date() }).where(eq(settlements.id, id)).returning();
      await ctx.outbox.publish(tx, REVERSED, eventPayload(updated));
      return settlementView(updated);
    },
  );
  return { settlement: body, replayed };
}

/**
 * 我的结算 the person's own settlements, newest first, each figure with its explanation (`result.why`);
 * an account the registry does not know (`personId` null) has none.
 */
export async function mySettlements(ctx: AppContext, personId: string | null, query: { page: number; pageSize: number; year?: number }) {
  if (!personId) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const db = ctx.database.db;
  const where = and(eq(settlements.personId, personId), query.year === undefined ? undefined : eq(settlements.year, query.year));
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(settlements).where(where).orderBy(desc(settlements.createdAt), desc(settlements.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(settlements).where(where),
  ]);
  return { items: rows.map(settlementView), total: Number(total), page: query.page, pageSize: query.pageSize };
}
