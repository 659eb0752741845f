import { and, asc, count, desc, eq, gte, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { Database, Db } from '../../kernel/db/index.js';
import { DomainError, badRequest, conflict, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { monthKey, monthText } from './month.js';
import { baseRules, collectionShares, insuranceTypes, settlementRules, versionEvents, versions, wages } from './schema.js';
import type {
  BaseRuleBody,
  BaseRuleVersion,
  CollectionRuleVersion,
  PayerShare,
  PolicyKind,
  PolicyStatus,
  PolicyVersion,
  SettlementRule,
  SettlementRuleVersion,
  ShareConditions,
  WageBody,
  WageVersion,
} from './types.js';

export type PolicyDeps = Pick<AppContext, 'database' | 'outbox'>;

/** Who acts, and which pooling regions they maintain (see scope.ts). */
export interface Actor {
  accountId: string;
  owns(regionCode: string): boolean;
}

/** Which year's wage a base rule may use: the contribution year or up to two years before. */
export const WAGE_YEAR_OFFSET_MIN = -2;

type VersionRow = typeof versions.$inferSelect;
type ShareRow = typeof collectionShares.$inferSelect;
type SettlementRow = typeof settlementRules.$inferSelect;

/** A version as the API shows it: the policy data plus who wrote, reviewed, published or voided it. */
export type VersionView = PolicyVersion & {
  note: string | null;
  authorId: string;
  createdAt: string;
  reviewerId: string | null;
  reviewedAt: string | null;
  publisherId: string | null;
  publishedAt: string | null;
  voiderId: string | null;
  voidedAt: string | null;
  voidReason: string | null;
};

export const seriesOf = (kind: PolicyKind, insuranceType: string | null, regionCode: string) => `${kind}:${insuranceType ?? '*'}:${regionCode}`;

// ---------------------------------------------------------------------------------------------
// 险种 insurance types

/** Codes known to exist. Types are never deleted, so a hit is never stale; a miss asks the database. */
const knownTypes = new WeakMap<Database, Set<string>>();

export async function requireInsuranceType(database: Database, code: string, db: Db = database.db, field = 'insuranceType') {
  let known = knownTypes.get(database);
  if (!known) knownTypes.set(database, (known = new Set()));
  if (known.has(code)) return;
  const [row] = await db.select({ code: insuranceTypes.code }).from(insuranceTypes).where(eq(insuranceTypes.code, code));
  if (!row) throw badRequest('policy.insurance_type_unknown', field, { insuranceType: code });
  known.add(code);
}

export async function listInsuranceTypes(db: Db) {
  const rows = await db.select().from(insuranceTypes).orderBy(asc(insuranceTypes.code));
  return rows.map((r) => ({ code: r.code, name: r.name, nameEn: r.nameEn, createdAt: r.createdAt.toISOString() }));
}

/** Adds an insurance type; idempotent when `ifMissing` (seeding), else a taken code is a 409. */
export async function createInsuranceType(db: Db, actorId: string | null, input: { code: string; name: string; nameEn: string }, ifMissing = false) {
  const inserted = await db
    .insert(insuranceTypes)
    .values({ code: input.code, name: input.name, nameEn: input.nameEn, createdBy: actorId })
    .onConflictDoNothing()
    .returning();
  if (!inserted.length && !ifMissing) throw conflict('policy.insurance_type_exists', { insuranceType: input.code }, 'code');
  const row = inserted[0];
  return row ? { code: row.code, name: row.name, nameEn: row.nameEn, createdAt: row.createdAt.toISOString() } : null;
}

// ---------------------------------------------------------------------------------------------
// Drafts

export interface PeriodInput {
  effectiveFrom: string;
  effectiveTo?: string | null;
}

export interface WageDraft extends WageBody {
  regionCode: string;
  note?: string;
}

export interface BaseRuleDraft extends PeriodInput, Omit<BaseRuleBody, 'wageYearOffset'> {
  insuranceType: string;
  regionCode: string;
  wageYearOffset?: number;
  note?: string;
}

export type ShareInput = Omit<PayerShare, 'dueMonth' | 'conditions'> & { dueMonth?: number | null; conditions?: ShareConditions };

export interface CollectionRuleDraft extends PeriodInput {
  insuranceType: string;
  regionCode: string;
  shares: ShareInput[];
  note?: string;
}

function requireRegion(actor: Actor, regionCode: string) {
  if (!actor.owns(regionCode)) throw new DomainError('policy.out_of_region', 'forbidden', { regionCode }, 'regionCode');
}

function periodKeys(input: PeriodInput) {
  const from = monthKey(input.effectiveFrom, 'effectiveFrom');
  const to = input.effectiveTo ? monthKey(input.effectiveTo, 'effectiveTo') : null;
  if (to !== null && to < from) throw badRequest('policy.period_invalid', 'effectiveTo');
  return { from, to };
}

/** Inserts a draft header with the next version number of its series, and its "drafted" event. */
async function insertDraft(
  tx: Db,
  actor: Actor,
  header: { kind: PolicyKind; insuranceType: string | null; regionCode: string; from: number; to: number | null; note?: string },
) {
  const series = seriesOf(header.kind, header.insuranceType, header.regionCode);
  // One writer per series at a time: version numbers stay dense and publication checks see each other.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`policy:${series}`}))`);
  const [{ last }] = await tx.select({ last: sql<number | null>`max(${versions.version})` }).from(versions).where(eq(versions.series, series));
  const id = newId('pol');
  const [row] = await tx
    .insert(versions)
    .values({
      id,
      kind: header.kind,
      series,
      insuranceType: header.insuranceType,
      regionCode: header.regionCode,
      effectiveFrom: header.from,
      effectiveTo: header.to,
      version: Number(last ?? 0) + 1,
      note: header.note ?? null,
      authorId: actor.accountId,
    })
    .returning();
  await tx.insert(versionEvents).values({ id: newId('pev'), versionId: id, action: 'drafted', actorId: actor.accountId });
  return row;
}

export async function draftWage(deps: PolicyDeps, actor: Actor, input: WageDraft, db: Db = deps.database.db): Promise<VersionView> {
  requireRegion(actor, input.regionCode);
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const row = await insertDraft(tx, actor, {
      kind: 'wage',
      insuranceType: null,
      regionCode: input.regionCode,
      from: input.year * 100 + 1,
      to: input.year * 100 + 12,
      note: input.note,
    });
    const [body] = await tx.insert(wages).values({ versionId: row.id, year: input.year, monthlyFen: input.monthlyFen }).returning();
    return toView(row, { wage: body });
  });
}

export async function draftBaseRule(deps: PolicyDeps, actor: Actor, input: BaseRuleDraft, db: Db = deps.database.db): Promise<VersionView> {
  requireRegion(actor, input.regionCode);
  const { from, to } = periodKeys(input);
  if (input.lowerBoundBp > input.upperBoundBp) throw badRequest('policy.bounds_invalid', 'upperBoundBp');
  await requireInsuranceType(deps.database, input.insuranceType, db);
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const row = await insertDraft(tx, actor, { kind: 'base', insuranceType: input.insuranceType, regionCode: input.regionCode, from, to, note: input.note });
    const [body] = await tx
      .insert(baseRules)
      .values({
        versionId: row.id,
        baseKind: input.baseKind,
        lowerBoundBp: input.lowerBoundBp,
        upperBoundBp: input.upperBoundBp,
        lowerRuleCode: input.lowerRuleCode,
        upperRuleCode: input.upperRuleCode,
        wageYearOffset: input.wageYearOffset ?? 0,
      })
      .returning();
    return toView(row, { base: body });
  });
}

/** Checks the shares beyond their schema: unique rule codes, satisfiable ages, due months only on yearly shares. */
function normalizeShares(shares: ShareInput[]): PayerShare[] {
  const codes = new Set<string>();
  return shares.map((share, i) => {
    if (codes.has(share.ruleCode)) throw badRequest('policy.share_code_duplicate', `shares.${i}.ruleCode`, { ruleCode: share.ruleCode });
    codes.add(share.ruleCode);
    const c = share.conditions ?? {};
    if (c.ageAbove !== undefined && c.ageAbove !== null && c.ageAtMost !== undefined && c.ageAtMost !== null && c.ageAbove >= c.ageAtMost) {
      throw badRequest('policy.condition_invalid', `shares.${i}.conditions`, { ageAbove: c.ageAbove, ageAtMost: c.ageAtMost });
    }
    if (share.periodicity === 'monthly' && share.dueMonth !== undefined && share.dueMonth !== null) {
      throw badRequest('policy.due_month_invalid', `shares.${i}.dueMonth`);
    }
    return {
      ruleCode: share.ruleCode,
      payer: share.payer,
      baseKind: share.baseKind,
      ratePpm: share.ratePpm,
      periodicity: share.periodicity,
      dueMonth: share.periodicity === 'yearly' ? (share.dueMonth ?? 1) : null,
      fund: share.fund,
      flow: share.flow,
      conditions: {
        ageAtMost: c.ageAtMost ?? null,
        ageAbove: c.ageAbove ?? null,
        retired: c.retired ?? null,
        categories: c.categories?.length ? [...c.categories] : null,
      },
    };
  });
}

export async function draftCollectionRule(deps: PolicyDeps, actor: Actor, input: CollectionRuleDraft, db: Db = deps.database.db): Promise<VersionView> {
  requireRegion(actor, input.regionCode);
  const { from, to } = periodKeys(input);
  const shares = normalizeShares(input.shares);
  await requireInsuranceType(deps.database, input.insuranceType, db);
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const row = await insertDraft(tx, actor, { kind: 'collection', insuranceType: input.insuranceType, regionCode: input.regionCode, from, to, note: input.note });
    const rows = await tx
      .insert(collectionShares)
      .values(
        shares.map((s, position) => ({
          versionId: row.id,
          position,
          ruleCode: s.ruleCode,
          payer: s.payer,
          baseKind: s.baseKind,
          ratePpm: s.ratePpm,
          periodicity: s.periodicity,
          dueMonth: s.dueMonth,
          fund: s.fund,
          flow: s.flow,
          ageAtMost: s.conditions.ageAtMost ?? null,
          ageAbove: s.conditions.ageAbove ?? null,
          retired: s.conditions.retired ?? null,
          categories: s.conditions.categories ?? null,
        })),
      )
      .returning();
    return toView(row, { shares: rows });
  });
}

export interface SettlementRuleDraft extends PeriodInput {
  insuranceType: string;
  regionCode: string;
  rows: SettlementRule[];
  note?: string;
}

/**
 * Checks the rows beyond their schema: money in whole non-negative fen, ratios 0–10000 bp, and no two
 * rows with the same selectors (which one applies would be a matter of order).
 */
function normalizeSettlementRows(rows: SettlementRule[]): SettlementRule[] {
  if (!rows.length) throw badRequest('policy.settlement_rows_required', 'rows');
  const seen = new Map<string, number>();
  return rows.map((row, i) => {
    for (const field of ['deductibleFen', 'ceilingFen'] as const) {
      if (!Number.isSafeInteger(row[field]) || row[field] < 0) throw badRequest('policy.fen_invalid', `rows.${i}.${field}`);
    }
    if (!Number.isInteger(row.fundRatioBp) || row.fundRatioBp < 0 || row.fundRatioBp > 10_000) throw badRequest('policy.bp_invalid', `rows.${i}.fundRatioBp`);
    const selectors = JSON.stringify([row.visitKind ?? null, row.institutionLevel ?? null, row.personCategory ?? null]);
    const earlier = seen.get(selectors);
    if (earlier !== undefined) throw badRequest('policy.settlement_selectors_duplicate', `rows.${i}`, { other: earlier });
    seen.set(selectors, i);
    return {
      ...(row.visitKind ? { visitKind: row.visitKind } : {}),
      ...(row.institutionLevel ? { institutionLevel: row.institutionLevel } : {}),
      ...(row.personCategory ? { personCategory: row.personCategory } : {}),
      deductibleFen: row.deductibleFen,
      deductiblePer: row.deductiblePer,
      fundRatioBp: row.fundRatioBp,
      ceilingFen: row.ceilingFen,
      accountUsable: row.accountUsable,
      ruleCodes: { ...row.ruleCodes },
    };
  });
}

export async function draftSettlementRule(deps: PolicyDeps, actor: Actor, input: SettlementRuleDraft, db: Db = deps.database.db): Promise<VersionView> {
  requireRegion(actor, input.regionCode);
  const { from, to } = periodKeys(input);
  const rows = normalizeSettlementRows(input.rows);
  await requireInsuranceType(deps.database, input.insuranceType, db);
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const row = await insertDraft(tx, actor, { kind: 'settlement', insuranceType: input.insuranceType, regionCode: input.regionCode, from, to, note: input.note });
    const inserted = await tx
      .insert(settlementRules)
      .values(
        rows.map((r, position) => ({
          versionId: row.id,
          position,
          visitKind: r.visitKind ?? null,
          institutionLevel: r.institutionLevel ?? null,
          personCategory: r.personCategory ?? null,
          deductibleFen: r.deductibleFen,
          deductiblePer: r.deductiblePer,
          fundRatioBp: r.fundRatioBp,
          ceilingFen: r.ceilingFen,
          accountUsable: r.accountUsable,
          deductibleRuleCode: r.ruleCodes.deductible,
          fundRatioRuleCode: r.ruleCodes.fundRatio,
          ceilingRuleCode: r.ruleCodes.ceiling,
          accountRuleCode: r.ruleCodes.account,
        })),
      )
      .returning();
    return toView(row, { settlement: inserted });
  });
}

// ---------------------------------------------------------------------------------------------
// Review, publication, voiding

async function lockVersion(tx: Db, id: string) {
  const [row] = await tx.select().from(versions).where(eq(versions.id, id)).for('update');
  if (!row) throw notFound('policy.not_found');
  return row;
}

function requireStatus(row: VersionRow, expected: PolicyStatus[], action: string) {
  if (!expected.includes(row.status)) throw conflict('policy.state_invalid', { status: row.status, action, expected: expected.join('/') }, 'status');
}

/** 四眼原则 the author never reviews or publishes their own version. */
function requireOtherThanAuthor(row: VersionRow, actor: Actor) {
  if (row.authorId === actor.accountId) throw new DomainError('policy.four_eyes', 'forbidden', {});
}

async function recordEvent(tx: Db, versionId: string, action: 'reviewed' | 'published' | 'voided', actorId: string, comment?: string | null) {
  await tx.insert(versionEvents).values({ id: newId('pev'), versionId, action, actorId, comment: comment ?? null });
}

async function viewIn(tx: Db, row: VersionRow) {
  return (await withBodies(tx, [row]))[0];
}

export async function reviewVersion(deps: PolicyDeps, actor: Actor, id: string, comment?: string, db: Db = deps.database.db): Promise<VersionView> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const row = await lockVersion(tx, id);
    requireRegion(actor, row.regionCode);
    requireStatus(row, ['draft'], 'reviewed');
    requireOtherThanAuthor(row, actor);
    const [updated] = await tx
      .update(versions)
      .set({ status: 'reviewed', reviewerId: actor.accountId, reviewedAt: new Date() })
      .where(eq(versions.id, id))
      .returning();
    await recordEvent(tx, id, 'reviewed', actor.accountId, comment);
    return viewIn(tx, updated);
  });
}

/**
 * Publishes a reviewed version. Refused when its period overlaps another published version of the
 * same series (409 naming effectiveFrom when it starts inside the other, else effectiveTo).
 */
export async function publishVersion(deps: PolicyDeps, actor: Actor, id: string, db: Db = deps.database.db): Promise<VersionView> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const peek = await tx.select({ series: versions.series }).from(versions).where(eq(versions.id, id));
    if (!peek.length) throw notFound('policy.not_found');
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`policy:${peek[0].series}`}))`);
    const row = await lockVersion(tx, id);
    requireRegion(actor, row.regionCode);
    requireStatus(row, ['reviewed'], 'published');
    requireOtherThanAuthor(row, actor);
    const [other] = await tx
      .select()
      .from(versions)
      .where(
        and(
          eq(versions.series, row.series),
          eq(versions.status, 'published'),
          ne(versions.id, row.id),
          row.effectiveTo === null ? undefined : lte(versions.effectiveFrom, row.effectiveTo),
          or(isNull(versions.effectiveTo), gte(versions.effectiveTo, row.effectiveFrom)),
        ),
      )
      .orderBy(asc(versions.effectiveFrom))
      .limit(1);
    if (other) {
      throw conflict(
        'policy.overlap',
        {
          otherId: other.id,
          otherVersion: other.version,
          otherFrom: monthText(other.effectiveFrom),
          otherTo: other.effectiveTo === null ? '—' : monthText(other.effectiveTo),
        },
        other.effectiveFrom <= row.effectiveFrom ? 'effectiveFrom' : 'effectiveTo',
      );
    }
    const [updated] = await tx
      .update(versions)
      .set({ status: 'published', publisherId: actor.accountId, publishedAt: new Date() })
      .where(eq(versions.id, id))
      .returning();
    await recordEvent(tx, id, 'published', actor.accountId);
    await deps.outbox.publish(tx, 'policy.version_published', eventPayload(updated));
    return viewIn(tx, updated);
  });
}

/** Voids a version in any state but voided; a voided version never applies again. */
export async function voidVersion(deps: PolicyDeps, actor: Actor, id: string, reason: string, db: Db = deps.database.db): Promise<VersionView> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const row = await lockVersion(tx, id);
    requireRegion(actor, row.regionCode);
    requireStatus(row, ['draft', 'reviewed', 'published'], 'voided');
    const [updated] = await tx
      .update(versions)
      .set({ status: 'voided', voiderId: actor.accountId, voidedAt: new Date(), voidReason: reason })
      .where(eq(versions.id, id))
      .returning();
    await recordEvent(tx, id, 'voided', actor.accountId, reason);
    if (row.status === 'published') await deps.outbox.publish(tx, 'policy.version_voided', eventPayload(updated));
    return viewIn(tx, updated);
  });
}

function eventPayload(row: VersionRow) {
  return {
    id: row.id,
    kind: row.kind,
    insuranceType: row.insuranceType,
    regionCode: row.regionCode,
    effectiveFrom: monthText(row.effectiveFrom),
    effectiveTo: row.effectiveTo === null ? null : monthText(row.effectiveTo),
    version: row.version,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface VersionQuery {
  page: number;
  pageSize: number;
  kind?: PolicyKind;
  insuranceType?: string;
  regionCode?: string;
  status?: PolicyStatus;
  /** versions whose period covers this month */
  month?: string;
}

export async function listVersions(db: Db, query: VersionQuery) {
  const month = query.month ? monthKey(query.month) : null;
  const where = and(
    query.kind ? eq(versions.kind, query.kind) : undefined,
    query.insuranceType ? eq(versions.insuranceType, query.insuranceType) : undefined,
    query.regionCode ? eq(versions.regionCode, query.regionCode) : undefined,
    query.status ? eq(versions.status, query.status) : undefined,
    month !== null ? and(lte(versions.effectiveFrom, month), or(isNull(versions.effectiveTo), gte(versions.effectiveTo, month))) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(versions)
      .where(where)
      .orderBy(desc(versions.createdAt), desc(versions.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(versions).where(where),
  ]);
  return { items: await withBodies(db, rows), total: Number(total), page: query.page, pageSize: query.pageSize };
}

/** One version with its workflow history and the other versions of its series. */
export async function getVersion(db: Db, id: string) {
  const [row] = await db.select().from(versions).where(eq(versions.id, id));
  if (!row) throw notFound('policy.not_found');
  const [[view], events, series] = await Promise.all([
    withBodies(db, [row]),
    db.select().from(versionEvents).where(eq(versionEvents.versionId, id)).orderBy(asc(versionEvents.at), asc(versionEvents.id)),
    db
      .select({ id: versions.id, version: versions.version, status: versions.status, effectiveFrom: versions.effectiveFrom, effectiveTo: versions.effectiveTo, createdAt: versions.createdAt })
      .from(versions)
      .where(eq(versions.series, row.series))
      .orderBy(desc(versions.version)),
  ]);
  return {
    ...view,
    events: events.map((e) => ({ action: e.action, actorId: e.actorId, comment: e.comment, at: e.at.toISOString() })),
    series: series.map((s) => ({
      id: s.id,
      version: s.version,
      status: s.status,
      effectiveFrom: monthText(s.effectiveFrom),
      effectiveTo: s.effectiveTo === null ? null : monthText(s.effectiveTo),
      createdAt: s.createdAt.toISOString(),
    })),
  };
}

async function withBodies(db: Db, rows: VersionRow[]): Promise<VersionView[]> {
  if (!rows.length) return [];
  const ids = (kind: PolicyKind) => rows.filter((r) => r.kind === kind).map((r) => r.id);
  const [wageIds, baseIds, collectionIds, settlementIds] = [ids('wage'), ids('base'), ids('collection'), ids('settlement')];
  const [wageRows, baseRows, shareRows, settlementRows] = await Promise.all([
    wageIds.length ? db.select().from(wages).where(inArray(wages.versionId, wageIds)) : [],
    baseIds.length ? db.select().from(baseRules).where(inArray(baseRules.versionId, baseIds)) : [],
    collectionIds.length
      ? db.select().from(collectionShares).where(inArray(collectionShares.versionId, collectionIds)).orderBy(asc(collectionShares.versionId), asc(collectionShares.position))
      : [],
    settlementIds.length
      ? db.select().from(settlementRules).where(inArray(settlementRules.versionId, settlementIds)).orderBy(asc(settlementRules.versionId), asc(settlementRules.position))
      : [],
  ]);
  return rows.map((row) =>
    toView(row, {
      wage: wageRows.find((w) => w.versionId === row.id),
      base: baseRows.find((b) => b.versionId === row.id),
      shares: shareRows.filter((s) => s.versionId === row.id),
      settlement: settlementRows.filter((s) => s.versionId === row.id),
    }),
  );
}

function header(row: VersionRow) {
  return {
    id: row.id,
    insuranceType: row.insuranceType,
    regionCode: row.regionCode,
    effectiveFrom: monthText(row.effectiveFrom),
    effectiveTo: row.effectiveTo === null ? null : monthText(row.effectiveTo),
    version: row.version,
    status: row.status,
  };
}

function toShare(s: ShareRow): PayerShare {
  return {
    ruleCode: s.ruleCode,
    payer: s.payer,
    baseKind: s.baseKind,
    ratePpm: s.ratePpm,
    periodicity: s.periodicity,
    dueMonth: s.dueMonth,
    fund: s.fund,
    flow: s.flow,
    conditions: { ageAtMost: s.ageAtMost, ageAbove: s.ageAbove, retired: s.retired, categories: s.categories },
  };
}

/** A stored settlement row as the calculator takes it: absent selectors are left out, not null. */
function toSettlementRule(r: SettlementRow): SettlementRule {
  return {
    ...(r.visitKind !== null ? { visitKind: r.visitKind } : {}),
    ...(r.institutionLevel !== null ? { institutionLevel: r.institutionLevel } : {}),
    ...(r.personCategory !== null ? { personCategory: r.personCategory } : {}),
    deductibleFen: Number(r.deductibleFen),
    deductiblePer: r.deductiblePer,
    fundRatioBp: r.fundRatioBp,
    ceilingFen: Number(r.ceilingFen),
    accountUsable: r.accountUsable,
    ruleCodes: { deductible: r.deductibleRuleCode, fundRatio: r.fundRatioRuleCode, ceiling: r.ceilingRuleCode, account: r.accountRuleCode },
  };
}

/** The policy data of a version, as the calculators take it. */
function toVersion(
  row: VersionRow,
  body: { wage?: typeof wages.$inferSelect; base?: typeof baseRules.$inferSelect; shares?: ShareRow[]; settlement?: SettlementRow[] },
): PolicyVersion {
  if (row.kind === 'wage') {
    if (!body.wage) throw new Error(`wage version ${row.id} has no body`);
    return { ...header(row), kind: 'wage', insuranceType: null, year: body.wage.year, monthlyFen: Number(body.wage.monthlyFen) } satisfies WageVersion;
  }
  if (row.kind === 'base') {
    const b = body.base;
    if (!b) throw new Error(`base rule ${row.id} has no body`);
    return {
      ...header(row),
      kind: 'base',
      insuranceType: row.insuranceType!,
      baseKind: b.baseKind,
      lowerBoundBp: b.lowerBoundBp,
      upperBoundBp: b.upperBoundBp,
      lowerRuleCode: b.lowerRuleCode,
      upperRuleCode: b.upperRuleCode,
      wageYearOffset: b.wageYearOffset,
    } satisfies BaseRuleVersion;
  }
  if (row.kind === 'settlement') {
    return { ...header(row), kind: 'settlement', insuranceType: row.insuranceType!, rows: (body.settlement ?? []).map(toSettlementRule) } satisfies SettlementRuleVersion;
  }
  return { ...header(row), kind: 'collection', insuranceType: row.insuranceType!, shares: (body.shares ?? []).map(toShare) } satisfies CollectionRuleVersion;
}

function toView(row: VersionRow, body: Parameters<typeof toVersion>[1]): VersionView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    ...toVersion(row, body),
    note: row.note,
    authorId: row.authorId,
    createdAt: row.createdAt.toISOString(),
    reviewerId: row.reviewerId,
    reviewedAt: iso(row.reviewedAt),
    publisherId: row.publisherId,
    publishedAt: iso(row.publishedAt),
    voiderId: row.voiderId,
    voidedAt: iso(row.voidedAt),
    voidReason: row.voidReason,
  };
}

// ---------------------------------------------------------------------------------------------
// 参数查询 the hot lookup

export interface ParameterQuery {
  regionCode: string;
  insuranceType: string;
  /** `YYYY-MM` */
  month: string;
}

export interface EffectiveParameters extends ParameterQuery {
  baseRule: BaseRuleVersion | null;
  collectionRule: CollectionRuleVersion | null;
  /** 结算政策 the settlement policy: its rows, for the settlement center's calculator */
  settlementRule: SettlementRuleVersion | null;
  /** the wage the base rule bounds this month with (year = month's year + wageYearOffset) */
  wage: WageVersion | null;
  wageYear: number;
}

/**
 * The published base rule, collection rule, settlement policy and wage in effect for a region, type
 * and month. Three indexed queries, run together: the headers with the wage and base-rule bodies
 * (partial index on published versions by series and month), the effective collection rule's shares
 * and the effective settlement policy's rows. The
 * insurance type is checked against an in-process set of known codes (types are never deleted).
 */
export async function effectiveParameters(database: Database, query: ParameterQuery): Promise<EffectiveParameters> {
  const db = database.db;
  const key = monthKey(query.month);
  const year = Math.floor(key / 100);
  const baseSeries = seriesOf('base', query.insuranceType, query.regionCode);
  const collectionSeries = seriesOf('collection', query.insuranceType, query.regionCode);
  const settlementSeries = seriesOf('settlement', query.insuranceType, query.regionCode);
  const wageSeries = seriesOf('wage', null, query.regionCode);
  const inEffect: SQL = and(lte(versions.effectiveFrom, key), or(isNull(versions.effectiveTo), gte(versions.effectiveTo, key)))!;
  // The type check (a cache hit once a type is known) runs alongside; an unknown type finds no rows anyway.
  const [, rows, shareRows, settlementRows] = await Promise.all([
    requireInsuranceType(database, query.insuranceType),
    db
      .select({ version: versions, wage: wages, base: baseRules })
      .from(versions)
      .leftJoin(wages, eq(wages.versionId, versions.id))
      .leftJoin(baseRules, eq(baseRules.versionId, versions.id))
      .where(
        and(
          eq(versions.status, 'published'),
          or(
            and(inArray(versions.series, [baseSeries, collectionSeries, settlementSeries]), inEffect),
            and(eq(versions.series, wageSeries), gte(versions.effectiveFrom, (year + WAGE_YEAR_OFFSET_MIN) * 100 + 1), lte(versions.effectiveFrom, year * 100 + 1)),
          ),
        ),
      ),
    db
      .select({ share: collectionShares })
      .from(collectionShares)
      .innerJoin(versions, eq(versions.id, collectionShares.versionId))
      .where(and(eq(versions.series, collectionSeries), eq(versions.status, 'published'), inEffect))
      .orderBy(asc(collectionShares.versionId), asc(collectionShares.position)),
    db
      .select({ rule: settlementRules })
      .from(settlementRules)
      .innerJoin(versions, eq(versions.id, settlementRules.versionId))
      .where(and(eq(versions.series, settlementSeries), eq(versions.status, 'published'), inEffect))
      .orderBy(asc(settlementRules.versionId), asc(settlementRules.position)),
  ]);
  const only = <T extends { version: VersionRow }>(list: T[]) => {
    if (list.length > 1) throw new DomainError('policy.ambiguous', 'unprocessable', { month: query.month, ids: list.map((r) => r.version.id).join(', ') });
    return list[0];
  };
  const base = only(rows.filter((r) => r.version.series === baseSeries));
  const collection = only(rows.filter((r) => r.version.series === collectionSeries));
  const settlement = only(rows.filter((r) => r.version.series === settlementSeries));
  const baseRule = base ? (toVersion(base.version, { base: base.base ?? undefined }) as BaseRuleVersion) : null;
  const wageYear = year + (baseRule?.wageYearOffset ?? 0);
  const wage = rows.find((r) => r.version.series === wageSeries && r.wage?.year === wageYear);
  return {
    ...query,
    baseRule,
    collectionRule: collection
      ? (toVersion(collection.version, { shares: shareRows.filter((s) => s.share.versionId === collection.version.id).map((s) => s.share) }) as CollectionRuleVersion)
      : null,
    settlementRule: settlement
      ? (toVersion(settlement.version, { settlement: settlementRows.filter((s) => s.rule.versionId === settlement.version.id).map((s) => s.rule) }) as SettlementRuleVersion)
      : null,
    wage: wage ? (toVersion(wage.version, { wage: wage.wage ?? undefined }) as WageVersion) : null,
    wageYear,
  };
}
