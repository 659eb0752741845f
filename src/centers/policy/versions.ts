/**
 * 政策版本 policy versions: every local rule (social average wage, contribution-base rule,
 * collection rule, settlement policy) is a version of a series (kind, insurance type, region),
 * effective-dated and reviewed (draft → reviewed → published → voided, see workflow.ts). This file
 * writes a draft's header, turns stored rows into the versions the calculators and the API read,
 * and lists them.
 */
import type { Static } from '@sinclair/typebox';
import { and, asc, count, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { badRequest, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import type { BaseRuleData, CollectionRuleData, SettlementRuleData, VersionDetailView, VersionView, WageVersionData } from './contract.js';
import { requireInsuranceType } from './insurance-types.js';
import { monthKey, monthText } from './month.js';
import { requireMaintainedRegion, type Maintainer } from './scope.js';
import { baseRules, collectionShares, settlementItemRatios, settlementRules, versionEvents, versions, wages } from './schema.js';
import type { PolicyKind, PolicyStatus } from './types.js';

export type PolicyDeps = Pick<AppContext, 'database' | 'outbox'>;

export type VersionRow = typeof versions.$inferSelect;
type WageRow = typeof wages.$inferSelect;
type BaseRow = typeof baseRules.$inferSelect;
type ShareRow = typeof collectionShares.$inferSelect;
type SettlementRow = typeof settlementRules.$inferSelect;
type ItemRatioRow = typeof settlementItemRatios.$inferSelect;

/** What a version holds besides its header; which part depends on its kind. */
export interface VersionBody {
  wage?: WageRow;
  base?: BaseRow;
  shares?: ShareRow[];
  settlement?: SettlementRow[];
  itemRatios?: ItemRatioRow[];
}

export const seriesOf = (kind: PolicyKind, insuranceType: string | null, regionCode: string) => `${kind}:${insuranceType ?? '*'}:${regionCode}`;

/** One writer per series at a time: version numbers stay dense and publication checks see each other. */
export const lockSeries = (tx: Db, series: string) => tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`policy:${series}`}))`);

// ------------------------------------------------------------------------------------- drafting

export interface PeriodInput {
  effectiveFrom: string;
  effectiveTo?: string | null;
}

/** `YYYY-MM` bounds as yyyymm keys; an end before the start is a 400 naming effectiveTo. */
export function periodKeys(input: PeriodInput) {
  const from = monthKey(input.effectiveFrom, 'effectiveFrom');
  const to = input.effectiveTo ? monthKey(input.effectiveTo, 'effectiveTo') : null;
  if (to !== null && to < from) throw badRequest('policy.period_invalid', 'effectiveTo');
  return { from, to };
}

export interface DraftHeader {
  kind: PolicyKind;
  insuranceType: string | null;
  regionCode: string;
  from: number;
  to: number | null;
  note?: string;
}

/** The header of a rule's draft (a base, collection or settlement rule): its series and period, from the input. */
export function ruleHeader(kind: Exclude<PolicyKind, 'wage'>, input: PeriodInput & { insuranceType: string; regionCode: string; note?: string }): DraftHeader {
  const { from, to } = periodKeys(input);
  return { kind, insuranceType: input.insuranceType, regionCode: input.regionCode, from, to, note: input.note };
}

/**
 * 编制 writes a draft: its header with the next version number of its series and its "drafted"
 * event, then its body (`writeBody`), in one transaction. A region the maintainer does not maintain
 * is not found, an unknown insurance type a 400; the caller has checked the body's own rules.
 */
export async function draftVersion(deps: PolicyDeps, maintainer: Maintainer, header: DraftHeader, db: Db, writeBody: (tx: Db, row: VersionRow) => Promise<VersionBody>): Promise<VersionView> {
  requireMaintainedRegion(maintainer, header.regionCode);
  if (header.insuranceType !== null) await requireInsuranceType(deps.database, header.insuranceType, db);
  return transaction(db, async (tx) => {
    const series = seriesOf(header.kind, header.insuranceType, header.regionCode);
    await lockSeries(tx, series);
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
        authorId: maintainer.accountId,
      })
      .returning();
    await tx.insert(versionEvents).values({ id: newId('pev'), versionId: id, action: 'drafted', actorId: maintainer.accountId });
    return versionView(row, await writeBody(tx, row));
  });
}

// ---------------------------------------------------------------------------------------- views

function header(row: VersionRow) {
  return {
    id: row.id,
    regionCode: row.regionCode,
    effectiveFrom: monthText(row.effectiveFrom),
    effectiveTo: row.effectiveTo === null ? null : monthText(row.effectiveTo),
    version: row.version,
    status: row.status,
  };
}

const bodyMissing = (row: VersionRow): never => {
  throw new Error(`${row.kind} version ${row.id} has no body`);
};

// The data of each kind of version, as the calculators and other centers take it (contract.ts: the `*Data` shapes).

export const wageData = (row: VersionRow, wage: WageRow | undefined): Static<typeof WageVersionData> => {
  if (!wage) return bodyMissing(row);
  return { ...header(row), kind: 'wage', insuranceType: null, year: wage.year, monthlyFen: Number(wage.monthlyFen) };
};

export const baseRuleData = (row: VersionRow, base: BaseRow | undefined): Static<typeof BaseRuleData> => {
  if (!base) return bodyMissing(row);
  return {
    ...header(row),
    kind: 'base',
    insuranceType: row.insuranceType!,
    baseKind: base.baseKind,
    lowerBoundBp: base.lowerBoundBp,
    upperBoundBp: base.upperBoundBp,
    lowerRuleCode: base.lowerRuleCode,
    upperRuleCode: base.upperRuleCode,
    wageYearOffset: base.wageYearOffset,
  };
};

export const collectionRuleData = (row: VersionRow, shares: ShareRow[] = []): Static<typeof CollectionRuleData> => ({
  ...header(row),
  kind: 'collection',
  insuranceType: row.insuranceType!,
  shares: shares.map(({ versionId: _versionId, position: _position, ageAtMost, ageAbove, retired, categories, ...share }) => ({
    ...share,
    conditions: { ageAtMost, ageAbove, retired, categories },
  })),
});

/** A stored settlement row as the calculator takes it: absent selectors (and an absent B-class share) are left out, not null. */
export const settlementRuleData = (row: VersionRow, rows: SettlementRow[] = [], itemRatios: ItemRatioRow[] = []): Static<typeof SettlementRuleData> => ({
  ...header(row),
  kind: 'settlement',
  insuranceType: row.insuranceType!,
  rows: rows.map((r) => ({
    ...(r.visitKind !== null ? { visitKind: r.visitKind } : {}),
    ...(r.institutionLevel !== null ? { institutionLevel: r.institutionLevel } : {}),
    ...(r.personCategory !== null ? { personCategory: r.personCategory } : {}),
    deductibleFen: Number(r.deductibleFen),
    deductiblePer: r.deductiblePer,
    fundRatioBp: r.fundRatioBp,
    ceilingFen: Number(r.ceilingFen),
    accountUsable: r.accountUsable,
    ruleCodes: { deductible: r.deductibleRuleCode, fundRatio: r.fundRatioRuleCode, ceiling: r.ceilingRuleCode, account: r.accountRuleCode },
    ...(r.classBSelfPayBp !== null ? { classBSelfPayBp: r.classBSelfPayBp } : {}),
  })),
  itemRatios: itemRatios.map((i) => ({ code: i.code, selfPayBp: i.selfPayBp })),
});

/** The policy data of a version, as the calculators take it. */
function versionData(row: VersionRow, body: VersionBody) {
  switch (row.kind) {
    case 'wage':
      return wageData(row, body.wage);
    case 'base':
      return baseRuleData(row, body.base);
    case 'settlement':
      return settlementRuleData(row, body.settlement, body.itemRatios);
    default:
      return collectionRuleData(row, body.shares);
  }
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A version as the API shows it: its policy data and who wrote, reviewed, published or voided it. */
export function versionView(row: VersionRow, body: VersionBody): VersionView {
  return {
    ...versionData(row, body),
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

/** The views of versions, with their bodies read in one query per kind. */
export async function versionViews(db: Db, rows: VersionRow[]): Promise<VersionView[]> {
  if (!rows.length) return [];
  const ids = (kind: PolicyKind) => rows.filter((r) => r.kind === kind).map((r) => r.id);
  const [wageIds, baseIds, collectionIds, settlementIds] = [ids('wage'), ids('base'), ids('collection'), ids('settlement')];
  const [wageRows, baseRows, shareRows, settlementRows, itemRatioRows] = await Promise.all([
    wageIds.length ? db.select().from(wages).where(inArray(wages.versionId, wageIds)) : [],
    baseIds.length ? db.select().from(baseRules).where(inArray(baseRules.versionId, baseIds)) : [],
    collectionIds.length
      ? db.select().from(collectionShares).where(inArray(collectionShares.versionId, collectionIds)).orderBy(asc(collectionShares.versionId), asc(collectionShares.position))
      : [],
    settlementIds.length
      ? db.select().from(settlementRules).where(inArray(settlementRules.versionId, settlementIds)).orderBy(asc(settlementRules.versionId), asc(settlementRules.position))
      : [],
    settlementIds.length
      ? db.select().from(settlementItemRatios).where(inArray(settlementItemRatios.versionId, settlementIds)).orderBy(asc(settlementItemRatios.versionId), asc(settlementItemRatios.code))
      : [],
  ]);
  return rows.map((row) =>
    versionView(row, {
      wage: wageRows.find((w) => w.versionId === row.id),
      base: baseRows.find((b) => b.versionId === row.id),
      shares: shareRows.filter((s) => s.versionId === row.id),
      settlement: settlementRows.filter((s) => s.versionId === row.id),
      itemRatios: itemRatioRows.filter((i) => i.versionId === row.id),
    }),
  );
}

// -------------------------------------------------------------------------------------- reading

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

/** 政策版本查询 versions by kind, type, region, status and month, newest first. Not scoped: policy is public information. */
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
  return { items: await versionViews(db, rows), total: Number(total), page: query.page, pageSize: query.pageSize };
}

/** One version with its workflow history and the other versions of its series. */
export async function getVersion(db: Db, id: string): Promise<VersionDetailView> {
  const [row] = await db.select().from(versions).where(eq(versions.id, id));
  if (!row) throw notFound('policy.not_found');
  const [[view], events, series] = await Promise.all([
    versionViews(db, [row]),
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
