/**
 * 政策中心 policy center: public API for other centers (the collection center reads its parameters
 * and uses its calculators). Every local rule is effective-dated, reviewed data; nothing here is
 * specific to one insurance type or region.
 */
import type { AppContext } from '../../kernel/context.js';
import * as catalog from './catalog.js';
import type { CatalogKind } from './codes.js';
import { admittedKinds, requireInsuranceType } from './insurance-types.js';
import { effectiveParameters, type ParameterQuery } from './parameters.js';
import { receivableLines, type ReceivableLine } from './receivable.js';
import type { EnrollmentKind, PersonFacts } from './types.js';
import { DomainError } from '../../kernel/errors/index.js';

export type * from './types.js';
export { ENROLLMENT_KINDS, POLICY_KINDS, POLICY_STATUSES, PAYERS, FUNDS, FLOWS, PERIODICITIES, VISIT_KINDS, DEDUCTIBLE_PERIODS } from './types.js';
export { clampBase, baseBounds, applyRate, type ClampedBase, type BaseApplied, type BoundsRule } from './base.js';
export { receivableCalculator, receivableLines, type ReceivableAmount, type ReceivableLine } from './receivable.js';
export { ageInMonth, covers, effectiveVersion, monthKey, monthText } from './month.js';
export { ownsRegion, poolingCandidates } from './scope.js';
export { CATALOG_KINDS, CATALOG_CLASSES, checkCode, isCatalogCode, itemKindOf, type CatalogKind, type CatalogClass, type CatalogEntryData } from './codes.js';
export type { CatalogEntryView, VersionView } from './contract.js';
export type { EffectiveParameters, ParameterQuery } from './parameters.js';
export { NATIONAL_INSURANCE_TYPES, DEMO_POLICY, DEMO_CATALOG, DEMO_CATALOG_CODES, longTermCarePolicy, employeeSettlementPolicy } from './demo.js';
/** The center's event topics: `policy.events.VERSION_PUBLISHED`, `policy.events.VERSION_VOIDED`. */
export * as events from './events.js';

/**
 * The published base rule, collection rule, settlement policy (`settlementRule`), and social average wage in effect for a region,
 * insurance type and month (`YYYY-MM`). An unknown insurance type is a 400 naming `insuranceType`.
 */
export { effectiveParameters };

/**
 * The parameters of the pooling region whose rule of `kind` governs a region in a month: the nearest
 * of the region, its city and its province with such a rule published and in effect; null when none has one.
 */
export { governingParameters } from './parameters.js';

/** Whether an insurance type (险种代码) exists in the policy center's list. */
export async function insuranceTypeExists(ctx: AppContext, code: string): Promise<boolean> {
  try {
    await requireInsuranceType(ctx.database, code);
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'policy.insurance_type_unknown') return false;
    throw error;
  }
}

/** The enrollment kinds an insurance type admits (policy data an administrator may change); null for an unknown type. */
export function admittedEnrollmentKinds(ctx: AppContext, code: string): Promise<EnrollmentKind[] | null> {
  return admittedKinds(ctx.database.db, code);
}

/** Looks up the parameters in effect and computes one person's receivable lines for the month. */
export async function receivableLinesFor(ctx: AppContext, facts: PersonFacts, query: ParameterQuery): Promise<ReceivableLine[]> {
  const parameters = await effectiveParameters(ctx, query);
  return receivableLines(facts, query.month, parameters.baseRule, parameters.collectionRule, parameters.wage);
}

/** A current catalog entry (published, not removed) by kind and code; a not_found DomainError when there is none. */
export const catalogEntry = (ctx: AppContext, kind: CatalogKind, code: string) => catalog.getEntry(ctx.database.db, kind, code);

/**
 * 目录执行 the catalog in force on a day (`YYYY-MM-DD`) for a visit's codes, in one lookup: per kind the
 * latest version published on or before that day (Beijing date), and of it the entries valid that
 * day (class, self-pay ratio, price cap). A code absent from `entries` is outside the catalog (目录外).
 */
export { catalogEntriesOn, type CatalogFact, type CatalogOnDay } from './catalog-in-force.js';

/** Demo policy (idempotent): national insurance types, 南阳's long-term-care policy and illustrative employee settlement policy from 2019-01. */
export { seedPolicyDemo } from './demo.js';
