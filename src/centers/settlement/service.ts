/**
 * 结算 pre-settlement, settlement and reversal (冲正) of a visit at a designated institution. The
 * figures come from the pure calculator; the person's category and pooling region from the
 * enrollment center, the parameters from the policy center's published settlement policy, the
 * balance and the payment from the collection center's personal-account ledger. Settling holds the
 * person's year-to-date row and account lock, so concurrent settlements of one person take turns.
 *
 * Nothing that decides the figures or whose money moves is the caller's word: the person is the one
 * whose consent the request carries (授权: a settlement token from verifying their code, or an order
 * they confirmed), the institution is the one the channel app is bound to, and its level is the
 * registry's on the visit date. A consent settles once.
 */
import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/index.js';
import { DomainError, badRequest, conflict, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { idempotent, secretDigest } from '../../kernel/idempotency/index.js';
import type { PayloadOf } from '../../kernel/outbox/index.js';
import * as collection from '../collection/index.js';
import * as enrollment from '../enrollment/index.js';
import * as policy from '../policy/index.js';
import * as registry from '../registry/index.js';
import * as voucher from '../voucher/index.js';
import { parametersFor, settle, SettlementInputError, type SettlementParameters, type SettlementResult } from './calculator.js';
import type { PreSettlementView, SettlementView, VisitInput, VisitView } from './contract.js';
import { REVERSED, SETTLED } from './events.js';
import { priceLines, type ClaimedLine, type PricedLines } from './pricing.js';
import { recordRiskEvents } from './risk.js';
import { accumulations, settlements, type ConsentKind } from './schema.js';

/** 医院等级 of the registry: 0 未定级, 1 一级, 2 二级, 3 三级. */
export type InstitutionLevel = VisitView['institutionLevel'];

/** A visit as the platform settles it, every fact its own (the in-process API of the payment center). */
export interface SettlementInput {
  /** the registry person (`psn_…`) whose consent the request carries */
  personId: string;
  insuranceType: string;
  /** 定点医药机构编码 the registry institution the channel app is bound to */
  institutionCode: string;
  /** the visit, with the registry's level of the institution on the visit date */
  visit: VisitView;
  /** as the institution sent them: class, share and cap are claims (pricing.ts) */
  lines: ClaimedLine[];
  /** 结算流水号 the institution's reference; required to settle, ignored by pre-settlement */
  settlementReference?: string;
}

/**
 * 授权 the person's consent a pre-settlement or settlement rests on: the settlement token the channel
 * app got from verifying the person's code (结算授权令牌), or an order the person confirmed with the
 * voucher password (the payment center's, in-process only: never over HTTP).
 */
export type Consent = { kind: 'token'; token: string } | { kind: 'order'; orderId: string };

/** A consent checked: what the settlement records (one settlement per consent) and the field a reuse names. */
export interface Consented {
  kind: ConsentKind;
  ref: string;
  field: string;
}

/** A channel app as the HTTP guard found it: its id and the institution it is bound to (null: none). */
export interface ChannelCaller {
  appId: string;
  institutionCode: string | null;
}

/** What an institution's system sends to pre-settle or settle a visit (the request body). */
export interface ChannelVisitInput {
  settlementToken: string;
  personId?: string;
  insuranceType: string;
  institutionCode?: string;
  visit: VisitInput;
  lines: ClaimedLine[];
  settlementReference?: string;
}

/** A settlement as a channel app's command left it; `replayed` when it is the stored answer of an earlier request with the key. */
export interface SettlementOutcome {
  settlement: SettlementView;
  replayed: boolean;
}


/** What the platform found for a visit before any figure: who, where, under which policy row, and the lines as the catalog prices them. */
export interface Prepared {
  personCategory: string;
  poolingRegion: string;
  policyVersionId: string;
  parameters: SettlementParameters;
  year: number;
  month: string;
  priced: PricedLines;
}

/** 目录编码 the catalog a fee line's code belongs to, by its first character. */
function lineKind(code: string): policy.CatalogKind {
  if (code.startsWith('X')) return 'drug-western';
  if (code.startsWith('Z')) return 'drug-chinese-patent';
  if (code.startsWith('C')) return 'consumable';
  return 'service-item';
}

function checkLines(lines: readonly ClaimedLine[]) {
  lines.forEach((line, i) => {
    if (policy.checkCode(lineKind(line.code), line.code, `lines.${i}.code`)) throw badRequest('settlement.line_code_invalid', `lines.${i}.code`);
    // a claim at odds with itself is a bad request; one at odds with the catalog is a risk event (pricing.ts)
    if (line.class !== undefined && line.class !== 'B' && line.selfPayRatioBp !== undefined && line.selfPayRatioBp !== 0) {
      throw badRequest('settlement.input_invalid', `lines.${i}.selfPayRatioBp`, { detail: 'only class B lines have a self-pay ratio' });
    }
  });
}

export async function prepare(ctx: AppContext, input: SettlementInput): Promise<Prepared> {
  checkLines(input.lines);
  const month = input.visit.date.slice(0, 7);
  // 目录: the catalog in force on the visit date, one lookup for all the lines' codes
  const [held, catalog] = await Promise.all([
    enrollment.settlementStanding(ctx, { personId: input.personId, insuranceType: input.insuranceType, month }),
    policy.catalogEntriesOn(ctx, input.lines.map((line) => ({ kind: lineKind(line.code), code: line.code })), input.visit.date),
  ]);
  if (!held) throw new DomainError('settlement.not_enrolled', 'unprocessable', { personId: input.personId, insuranceType: input.insuranceType, month }, 'personId');
  // 人员类别: a retired person is settled as retired whatever the enrollment kind.
  const personCategory = held.retired ? 'retired' : held.kind;
  // The nearest pooling region (the region, its city, its province) with a settlement policy in effect.
  const rule = (await policy.governingParameters(ctx, 'settlementRule', { regionCode: held.regionCode, insuranceType: input.insuranceType, month }))?.settlementRule;
  if (!rule) throw new DomainError('settlement.no_policy', 'unprocessable', { regionCode: held.regionCode, insuranceType: input.insuranceType, month }, 'insuranceType');
  const visit = { kind: input.visit.kind, institutionLevel: levelOfRows(input.visit.institutionLevel), personCategory };
  let parameters: SettlementParameters;
  try {
    parameters = parametersFor(rule.rows, visit);
  } catch (error) {
    if (!(error instanceof SettlementInputError)) throw error;
    throw new DomainError('settlement.no_parameters', 'unprocessable', { versionId: rule.id, visitKind: visit.kind, institutionLevel: visit.institutionLevel, personCategory }, 'visit');
  }
  // 乙类先行自付比例: the region's for the item, else the matched row's, else the catalog's
  const ratios = { items: new Map(rule.itemRatios.map((i) => [i.code, i.selfPayBp])), rowBp: parameters.classBSelfPayBp ?? null };
  const priced = priceLines(input.lines, { ...catalog, kindOf: lineKind }, ratios);
  return { personCategory, poolingRegion: rule.regionCode, policyVersionId: rule.id, parameters, year: Number(month.slice(0, 4)), month, priced };
}

/** 未定级 an institution the registry has not rated settles under the policy's rows for level 1. */
const levelOfRows = (level: InstitutionLevel): 1 | 2 | 3 => (level === 0 ? 1 : level);

export function calculate(input: Parameters<typeof settle>[0], level: InstitutionLevel): SettlementResult {
  let result: SettlementResult;
  try {
    result = settle(input);
  } catch (error) {
    if (error instanceof SettlementInputError) throw badRequest('settlement.input_invalid', error.field, { detail: error.message });
    throw error;
  }
  return level === 0 ? unratedSaid(result) : result;
}

/** The deductible and the fund's ratio come from the level's rows: for an unrated institution, their explanations say whose. */
function unratedSaid(result: SettlementResult): SettlementResult {
  const why = { ...result.why };
  for (const figure of ['act_pay_dedc', 'hifp_pay'] as const) {
    const said = why[figure];
    if (said) why[figure] = { ...said, zh: `${said.zh}（未定级机构按一级医院标准结算）`, en: `${said.en} (an unrated institution settles under the level-1 rows)` };
  }
  return { ...result, why };
}

/**
 * The consent of an in-process request (the payment center's): a token must be this app's, for this
 * institution and this person; an order is the payment center's word that the person confirmed it.
 */
export function consented(ctx: AppContext, caller: { appId: string }, input: SettlementInput, consent: Consent): Consented {
  if (consent.kind === 'order') return { kind: 'order', ref: consent.orderId, field: 'orderId' };
  const token = voucher.checkSettlementToken(ctx, consent.token, { appId: caller.appId, institutionCode: input.institutionCode });
  if (token.personId !== input.personId) throw new DomainError('settlement.consent_other_person', 'forbidden', {}, 'personId');
  return { kind: 'token', ref: token.codeId, field: 'settlementToken' };
}

/**
 * A channel request's visit as the platform settles it: the institution the app is bound to (a body
 * naming another is refused), the person of the settlement token (a body naming another is
 * refused), the registry's level of the institution on the visit date (the body's is ignored).
 */
async function fromChannel(ctx: AppContext, caller: ChannelCaller, body: ChannelVisitInput): Promise<{ input: SettlementInput; consent: Consented }> {
  const institutionCode = caller.institutionCode;
  if (!institutionCode) throw new DomainError('settlement.channel_not_bound', 'forbidden');
  if (body.institutionCode !== undefined && body.institutionCode !== institutionCode) {
    throw new DomainError('settlement.institution_not_bound', 'forbidden', { institutionCode: body.institutionCode, bound: institutionCode }, 'institutionCode');
  }
  const token = voucher.checkSettlementToken(ctx, body.settlementToken, { appId: caller.appId, institutionCode });
  if (body.personId !== undefined && body.personId !== token.personId) throw new DomainError('settlement.consent_other_person', 'forbidden', {}, 'personId');
  const institution = await registry.institutionInForce(ctx, institutionCode, body.visit.date, 'visit.date');
  return {
    input: {
      personId: token.personId,
      insuranceType: body.insuranceType,
      institutionCode,
      visit: { kind: body.visit.kind, institutionLevel: institution.level, date: body.visit.date },
      lines: body.lines,
      settlementReference: body.settlementReference,
    },
    consent: { kind: 'token', ref: token.codeId, field: 'settlementToken' },
  };
}

const ytdWhere = (personId: string, insuranceType: string, year: number) =>
  and(eq(accumulations.personId, personId), eq(accumulations.insuranceType, insuranceType), eq(accumulations.year, year));

async function yearToDate(db: Db, personId: string, insuranceType: string, year: number) {
  const [row] = await db.select().from(accumulations).where(ytdWhere(personId, insuranceType, year));
  return { deductibleFen: Number(row?.deductibleFen ?? 0), fundPaidFen: Number(row?.fundPaidFen ?? 0) };
}

/** 预结算 the figures a settlement would give now, on the person's consent (in-process); writes nothing. */
export async function preSettle(ctx: AppContext, caller: { appId: string }, input: SettlementInput, consent: Consent): Promise<PreSettlementView> {
  consented(ctx, caller, input, consent);
  return figures(ctx, input);
}

/**
 * 预结算 for an institution's system: the settlement token's person at the app's institution. A token
 * pre-settles as often as asked until it expires; it settles once.
 */
export async function preSettleForChannel(ctx: AppContext, caller: ChannelCaller, body: ChannelVisitInput): Promise<PreSettlementView> {
  return figures(ctx, (await fromChannel(ctx, caller, body)).input);
}

async function figures(ctx: AppContext, input: SettlementInput): Promise<PreSettlementView> {
  const prepared = await prepare(ctx, input);
  const [ytd, balance] = await Promise.all([
    yearToDate(ctx.database.db, input.personId, input.insuranceType, prepared.year),
    collection.accountBalance(ctx, input.personId),
  ]);
  const result = calculate(
    { lines: prepared.priced.lines, parameters: prepared.parameters, yearToDate: ytd, accountBalanceFen: balance, catalog: prepared.priced.catalog },
    input.visit.institutionLevel,
  );
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

export type SettlementRow = typeof settlements.$inferSelect;

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

export const accountRef = (id: string) => `stl:${id}`;

/** A settlement consented to and prepared, as it is settled (alone or in a batch). */
export interface ConsentedVisit {
  caller: { appId: string };
  input: SettlementInput & { settlementReference: string };
  consent: Consented;
  prepared: Prepared;
}

export function settlementRow(id: string, { caller, input, consent, prepared }: ConsentedVisit, result: SettlementResult): typeof settlements.$inferInsert {
  return {
    id,
    personId: input.personId,
    insuranceType: input.insuranceType,
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
    // the lines as settled: the catalog's class, share and cap, not the claims
    lines: prepared.priced.lines,
    result,
    totalFen: result.medfee_sumamt,
    fundFen: result.fund_pay_sumamt,
    accountFen: result.acct_pay,
    cashFen: result.psn_cash_pay,
    consentKind: consent.kind,
    consentRef: consent.ref,
  };
}

/**
 * 结算 settles a visit on the person's consent (in-process: the payment center's confirmed order).
 * The request the Idempotency-Key guards is the visit (as it always was for orders' keys).
 */
export function settleVisit(
  ctx: AppContext,
  caller: { appId: string },
  input: SettlementInput & { settlementReference: string },
  consent: Consent,
  idempotencyKey?: string,
): Promise<SettlementOutcome> {
  return settleConsented(ctx, caller, { key: idempotencyKey, request: input }, async () => ({ input, consent: consented(ctx, caller, input, consent) }));
}

/** 结算 for an institution's system: the settlement token's person at the app's institution, once per token. */
export function settleForChannel(ctx: AppContext, caller: ChannelCaller, body: ChannelVisitInput & { settlementReference: string }, idempotencyKey?: string): Promise<SettlementOutcome> {
  // The token enters the key's fingerprint as its keyed digest only (a credential never is stored, even hashed).
  const request = { ...body, settlementToken: secretDigest(ctx.config, body.settlementToken) };
  return settleConsented(ctx, caller, { key: idempotencyKey, request }, async () => {
    const { input, consent } = await fromChannel(ctx, caller, body);
    return { input: { ...input, settlementReference: body.settlementReference }, consent };
  });
}

/**
 * 结算 settles a visit: the settlement, the year-to-date accumulations and the personal-account
 * payment in one transaction. Idempotent on the Idempotency-Key (per channel app): a replay answers
 * the first settlement without looking at the consent again. A consent already settled is a conflict
 * naming it (`settlement.consent_used`); a reference already used by the institution one naming
 * `settlementReference`.
 */
async function settleConsented(
  ctx: AppContext,
  caller: { appId: string },
  guard: { key: string | undefined; request: unknown },
  resolve: () => Promise<{ input: SettlementInput & { settlementReference: string }; consent: Consented }>,
): Promise<SettlementOutcome> {
  const { result: body, replayed } = await idempotent(
    ctx.database,
    { scope: `channel:${caller.appId}:settlement.settle`, key: guard.key, request: guard.request },
    // Reads of other centers happen before the transaction (PGlite has a single connection).
    async () => {
      const resolved = await resolve();
      return { ...resolved, prepared: await prepare(ctx, resolved.input) };
    },
    async (tx, { input, consent, prepared }) => {
      const { personId, insuranceType } = input;
      await tx.insert(accumulations).values({ personId, insuranceType, year: prepared.year }).onConflictDoNothing();
      const [ytd] = await tx.select().from(accumulations).where(ytdWhere(personId, insuranceType, prepared.year)).for('update');
      const balance = await collection.accountBalance(ctx, personId, tx);
      const result = calculate({
        lines: prepared.priced.lines,
        parameters: prepared.parameters,
        yearToDate: { deductibleFen: Number(ytd.deductibleFen), fundPaidFen: Number(ytd.fundPaidFen) },
        accountBalanceFen: balance,
        catalog: prepared.priced.catalog,
      }, input.visit.institutionLevel);
      const id = newId('stl');
      const [row] = await tx
        .insert(settlements)
        .values(settlementRow(id, { caller, input, consent, prepared }, result))
        .onConflictDoNothing()
        .returning();
      if (!row) {
        // Which unique key stopped it: a concurrent settlement of the same consent has committed by now.
        const [used] = await tx
          .select({ id: settlements.id })
          .from(settlements)
          .where(and(eq(settlements.consentKind, consent.kind), eq(settlements.consentRef, consent.ref)));
        if (used) throw conflict('settlement.consent_used', {}, consent.field);
        throw conflict('settlement.reference_taken', { reference: input.settlementReference }, 'settlementReference');
      }
      await tx
        .update(accumulations)
        .set({ deductibleFen: result.yearToDateAfter.deductibleFen, fundPaidFen: result.yearToDateAfter.fundPaidFen, updatedAt: new Date() })
        .where(ytdWhere(personId, insuranceType, prepared.year));
      if (result.acct_pay > 0) {
        await collection.debitAccount(ctx, tx, { personId, amountFen: result.acct_pay, reference: accountRef(id), kind: 'settlement', month: prepared.month, insuranceType });
      }
      // 风险事件: what the request claimed that the catalog and policy contradicted
      await recordRiskEvents(
        tx,
        { settlementId: id, appId: caller.appId, institutionCode: row.institutionCode, personId, poolingRegion: prepared.poolingRegion, visitDate: input.visit.date },
        prepared.priced.contradictions,
      );
      await ctx.outbox.publish(tx, SETTLED, eventPayload(row));
      return settlementView(row);
    },
  );
  return { settlement: body, replayed };
}

export function eventPayload(row: SettlementRow): PayloadOf<typeof SETTLED> {
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
  // 机构名称 from the registry, beside each code
  const names = await registry.institutionNames(ctx, rows.map((r) => r.institutionCode));
  return { items: rows.map((r) => ({ ...settlementView(r), institutionName: names.get(r.institutionCode) ?? null })), total: Number(total), page: query.page, pageSize: query.pageSize };
}
