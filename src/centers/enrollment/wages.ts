/**
 * 缴费基数申报 wage declarations: the monthly wage declared for a year, clamped to the bounds of the
 * base rule governing the enrollment's region (the nearest pooling region with one: the region, its
 * city, its province) and its social average wage.
 */
import type { AppContext } from '../../kernel/context.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { DomainError, badRequest } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import * as policy from '../policy/index.js';
import { BASE_DECLARED } from './events.js';
import { employmentInScope } from './employees.js';
import { record } from './history.js';
import { wageDeclarations } from './schema.js';
import type { Actor } from './scope.js';
import { wageView, type EmploymentRow, type WageRow } from './views.js';

/** The parameters that bound a base: a base rule and the wage it is a share of. */
export type BoundingParameters = policy.EffectiveParameters & {
  baseRule: NonNullable<policy.EffectiveParameters['baseRule']>;
  wage: NonNullable<policy.EffectiveParameters['wage']>;
};

/** A declared wage clamped, and the parameters that clamped it. */
export interface Clamp {
  clamped: policy.ClampedBase;
  parameters: BoundingParameters;
}

/** The base rule and wage bounding an enrollment's base in a month; 422 when the policy has none. */
export async function boundingParameters(ctx: AppContext, regionCode: string, insuranceType: string, month: string): Promise<BoundingParameters> {
  const parameters = await policy.governingParameters(ctx, 'baseRule', { regionCode, insuranceType, month });
  if (!parameters?.baseRule) throw new DomainError('enrollment.base_rule_missing', 'unprocessable', { regionCode, insuranceType, month });
  const { baseRule, wage } = parameters;
  if (!wage) throw new DomainError('enrollment.wage_missing', 'unprocessable', { regionCode: parameters.regionCode, year: parameters.wageYear });
  return { ...parameters, baseRule, wage };
}

/** Stores (or replaces) the year's declaration with its history row and event. */
export async function saveWageDeclaration(ctx: AppContext, tx: Db, actor: Actor, row: EmploymentRow, year: number, { clamped, parameters }: Clamp): Promise<WageRow> {
  const values = {
    declaredFen: clamped.declaredFen,
    baseFen: clamped.baseFen,
    lowerFen: clamped.lowerFen,
    upperFen: clamped.upperFen,
    applied: clamped.applied,
    ruleCode: clamped.ruleCode,
    baseRuleId: parameters.baseRule.id,
    wageVersionId: parameters.wage.id,
    declaredBy: actor.accountId,
    declaredAt: new Date(),
  };
  const [saved] = await tx
    .insert(wageDeclarations)
    .values({ id: newId('wdc'), employmentId: row.id, personId: row.personId, year, ...values })
    .onConflictDoUpdate({ target: [wageDeclarations.employmentId, wageDeclarations.year], set: values })
    .returning();
  const detail = { employmentId: row.id, insuranceType: row.insuranceType, year, declaredFen: clamped.declaredFen, baseFen: clamped.baseFen, applied: clamped.applied, ruleCode: clamped.ruleCode };
  await record(tx, actor, 'base_declared', { entityId: row.entityId, personId: row.personId }, detail);
  await ctx.outbox.publish(tx, BASE_DECLARED, { ...detail, personId: row.personId, entityId: row.entityId, regionCode: row.regionCode });
  return saved;
}

/**
 * 缴费基数申报 declares an enrollment's monthly wage for a year. The base is set for the year and
 * clamped by the rule in effect in the year's first enrolled month; a resident declares none (422).
 */
export async function declareWage(ctx: AppContext, actor: Actor, id: string, input: { year: number; monthlyWageFen: number }) {
  const row = await employmentInScope(ctx.database.db, actor, id);
  if (!Number.isSafeInteger(input.monthlyWageFen) || input.monthlyWageFen < 0) throw badRequest('enrollment.wage_invalid', 'monthlyWageFen');
  // Residents pay the region's flat contribution (缴费标准); there is no base to declare.
  if (row.kind === 'resident') throw new DomainError('enrollment.resident_no_base', 'unprocessable', {});
  if (input.year * 100 + 12 < row.fromMonth) throw badRequest('enrollment.year_before_enrollment', 'year', { fromMonth: policy.monthText(row.fromMonth) });
  const month = policy.monthText(Math.max(input.year * 100 + 1, row.fromMonth));
  const parameters = await boundingParameters(ctx, row.regionCode, row.insuranceType, month);
  const clamped = policy.clampBase(input.monthlyWageFen, parameters.wage.monthlyFen, parameters.baseRule);
  return transaction(ctx.database.db, async (tx) => wageView(await saveWageDeclaration(ctx, tx, actor, row, input.year, { clamped, parameters })));
}
