/**
 * 参数查询 the hot lookup: the published rules and wage in effect for one pooling region, insurance
 * type and month, as the collection, enrollment and settlement centers read them (index.ts keeps a
 * per-node memo of it, parameters-cache.ts).
 */
import { and, asc, eq, gte, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Static } from '@sinclair/typebox';
import type { AppContext } from '../../kernel/context.js';
import type { Database } from '../../kernel/db/index.js';
import { DomainError } from '../../kernel/errors/index.js';
import type { EffectiveParametersView } from './contract.js';
import { WAGE_YEAR_OFFSET_MIN } from './base-rules.js';
import { requireInsuranceType } from './insurance-types.js';
import { monthKey } from './month.js';
import { cachedParameters } from './parameters-cache.js';
import { poolingCandidates } from './scope.js';
import { baseRules, collectionShares, settlementItemRatios, settlementRules, versions, wages } from './schema.js';
import { baseRuleData, collectionRuleData, seriesOf, settlementRuleData, wageData, type VersionRow } from './versions.js';

export interface ParameterQuery {
  regionCode: string;
  insuranceType: string;
  /** `YYYY-MM` */
  month: string;
}

/**
 * The base rule, collection rule, settlement policy (`settlementRule`, its rows for the settlement
 * center's calculator) and the wage the base rule bounds this month with (year = month's year +
 * wageYearOffset), each null when none is published and in effect.
 */
export type EffectiveParameters = Static<typeof EffectiveParametersView>;

/**
 * The published base rule, collection rule, settlement policy and wage in effect for a region, type
 * and month (`YYYY-MM`), through each node's memo (emptied whenever a version is published or voided).
 * An unknown insurance type is a 400 naming insuranceType.
 */
export const effectiveParameters = (ctx: Pick<AppContext, 'database' | 'cache'>, query: ParameterQuery) =>
  cachedParameters(ctx, query, () => readEffectiveParameters(ctx.database, query));

/**
 * The parameters of the pooling region whose rule of `kind` governs a region in a month: the nearest
 * of the region, its city and its province (poolingCandidates) with such a rule published and in
 * effect (the enrollment, collection and settlement centers all ask this); null when none has one.
 */
export async function governingParameters(
  ctx: Pick<AppContext, 'database' | 'cache'>,
  kind: 'baseRule' | 'collectionRule' | 'settlementRule',
  query: ParameterQuery,
): Promise<EffectiveParameters | null> {
  for (const regionCode of poolingCandidates(query.regionCode)) {
    const found = await effectiveParameters(ctx, { ...query, regionCode });
    if (found[kind]) return found;
  }
  return null;
}

/**
 * What effectiveParameters reads from the database. Four indexed queries, run together: the headers with the wage and base-rule bodies
 * (partial index on published versions by series and month), the effective collection rule's shares
 * and the effective settlement policy's rows and item ratios. The insurance type is checked against an in-process
 * set of known codes (types are never deleted).
 */
async function readEffectiveParameters(database: Database, query: ParameterQuery): Promise<EffectiveParameters> {
  const db = database.db;
  const key = monthKey(query.month);
  const year = Math.floor(key / 100);
  const baseSeries = seriesOf('base', query.insuranceType, query.regionCode);
  const collectionSeries = seriesOf('collection', query.insuranceType, query.regionCode);
  const settlementSeries = seriesOf('settlement', query.insuranceType, query.regionCode);
  const wageSeries = seriesOf('wage', null, query.regionCode);
  const inEffect: SQL = and(lte(versions.effectiveFrom, key), or(isNull(versions.effectiveTo), gte(versions.effectiveTo, key)))!;
  // The type check (a cache hit once a type is known) runs alongside; an unknown type finds no rows anyway.
  const [, rows, shareRows, settlementRows, itemRatioRows] = await Promise.all([
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
    db
      .select({ item: settlementItemRatios })
      .from(settlementItemRatios)
      .innerJoin(versions, eq(versions.id, settlementItemRatios.versionId))
      .where(and(eq(versions.series, settlementSeries), eq(versions.status, 'published'), inEffect))
      .orderBy(asc(settlementItemRatios.versionId), asc(settlementItemRatios.code)),
  ]);
  const only = <T extends { version: VersionRow }>(list: T[]) => {
    if (list.length > 1) throw new DomainError('policy.ambiguous', 'unprocessable', { month: query.month, ids: list.map((r) => r.version.id).join(', ') });
    return list[0];
  };
  const base = only(rows.filter((r) => r.version.series === baseSeries));
  const collection = only(rows.filter((r) => r.version.series === collectionSeries));
  const settlement = only(rows.filter((r) => r.version.series === settlementSeries));
  const baseRule = base ? baseRuleData(base.version, base.base ?? undefined) : null;
  const wageYear = year + (baseRule?.wageYearOffset ?? 0);
  const wage = rows.find((r) => r.version.series === wageSeries && r.wage?.year === wageYear);
  return {
    ...query,
    baseRule,
    collectionRule: collection
      ? collectionRuleData(
          collection.version,
          shareRows.filter((s) => s.share.versionId === collection.version.id).map((s) => s.share),
        )
      : null,
    settlementRule: settlement
      ? settlementRuleData(
          settlement.version,
          settlementRows.filter((s) => s.rule.versionId === settlement.version.id).map((s) => s.rule),
          itemRatioRows.filter((i) => i.item.versionId === settlement.version.id).map((i) => i.item),
        )
      : null,
    wage: wage ? wageData(wage.version, wage.wage ?? undefined) : null,
    wageYear,
  };
}
