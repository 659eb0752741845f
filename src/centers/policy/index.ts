/**
 * 政策中心 policy center: public API for other centers (the collection center reads its parameters
 * and uses its calculators). Every local rule is effective-dated, reviewed data; nothing here is
 * specific to one insurance type or region.
 */
import type { AppContext } from '../../kernel/context.js';
import { cachedParameters } from './parameters-cache.js';
import * as service from './service.js';
import * as catalog from './catalog.js';
import type { CatalogKind } from './codes.js';
import { receivableLines, type ReceivableLine } from './receivable.js';
import type { PersonFacts } from './types.js';
import { DomainError } from '../../kernel/errors/index.js';


export type * from './types.js';
export { POLICY_KINDS, POLICY_STATUSES, PAYERS, FUNDS, FLOWS, PERIODICITIES, VISIT_KINDS, DEDUCTIBLE_PERIODS } from './types.js';
export { clampBase, baseBounds, applyRate, type ClampedBase, type BaseApplied, type BoundsRule } from './base.js';
export { receivableLines, type ReceivableLine } from './receivable.js';
export { ageInMonth, covers, effectiveVersion, monthKey, monthText } from './month.js';
export { ownsRegion, poolingCandidates } from './scope.js';
import { poolingCandidates } from './scope.js';
export { CATALOG_KINDS, CATALOG_CLASSES, checkCode, isCatalogCode, type CatalogKind, type CatalogClass, type CatalogEntryData } from './codes.js';
export type { EntryView as CatalogEntryView } from './catalog.js';
export type { EffectiveParameters, ParameterQuery, VersionView } from './service.js';
export { NATIONAL_INSURANCE_TYPES, DEMO_POLICY, longTermCarePolicy, employeeSettlementPolicy } from './demo.js';

/**
 * The published base rule, collection rule, settlement policy (`settlementRule`) and social average wage in effect for a region,
 * insurance type and month (`YYYY-MM`). An unknown insurance type is a 400 naming `insuranceType`.
 */
export const effectiveParameters = (ctx: AppContext, query: service.ParameterQuery) =>
  cachedParameters(ctx, query, () => service.effectiveParameters(ctx.database, query));

/**
 * The parameters of the pooling region whose rule of `kind` governs a region in a month: the nearest
 * of the region, its city and its province with such a rule published and in effect (the settlement
 * and collection centers both ask this); null when none has one.
 */
export async function governingParameters(
  ctx: AppContext,
  kind: 'baseRule' | 'collectionRule' | 'settlementRule',
  query: service.ParameterQuery,
): Promise<service.EffectiveParameters | null> {
  for (const regionCode of poolingCandidates(query.regionCode)) {
    const found = await effectiveParameters(ctx, { ...query, regionCode });
    if (found[kind]) return found;
  }
  return null;
}

/** Whether an insurance type (险种代码) exists in the policy center's list. */
export async function insuranceTypeExists(ctx: AppContext, code: string): Promise<boolean> {
  try {
    await service.requireInsuranceType(ctx.database, code);
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'policy.insurance_type_unknown') return false;
    throw error;
  }
}

/** Looks up the parameters in effect and computes one person's receivable lines for the month. */
export async function receivableLinesFor(ctx: AppContext, facts: PersonFacts, query: service.ParameterQuery): Promise<ReceivableLine[]> {
  const parameters = await effectiveParameters(ctx, query);
  return receivableLines(facts, query.month, parameters.baseRule, parameters.collectionRule, parameters.wage);
}

/** A current catalog entry (published, not removed) by kind and code; a 404 DomainError (not_found) when there is none. */
export const catalogEntry = (ctx: AppContext, kind: CatalogKind, code: string) => catalog.getEntry(ctx.database.db, kind, code);

/** Demo policy (idempotent): national insurance types, 南阳's long-term-care policy and illustrative employee settlement policy from 2019-01. */
export { seedPolicyDemo } from './demo.js';
