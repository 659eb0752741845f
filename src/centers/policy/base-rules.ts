/** 缴费基数规则 contribution-base rules: which declared base is clamped, to which share of the social average wage. */
import type { Db } from '../../kernel/db/index.js';
import { badRequest } from '../../kernel/errors/index.js';
import { baseRules } from './schema.js';
import type { Maintainer } from './scope.js';
import type { BaseRuleBody } from './types.js';
import { draftVersion, ruleHeader, type PeriodInput, type PolicyDeps } from './versions.js';

/** Which year's wage a base rule may use: the contribution year or up to two years before. */
export const WAGE_YEAR_OFFSET_MIN = -2;

export interface BaseRuleDraft extends PeriodInput, Omit<BaseRuleBody, 'wageYearOffset'> {
  insuranceType: string;
  regionCode: string;
  wageYearOffset?: number;
  note?: string;
}

/** 编制缴费基数规则 drafts a base rule; a lower bound above the upper is a 400 naming upperBoundBp. */
export async function draftBaseRule(deps: PolicyDeps, maintainer: Maintainer, input: BaseRuleDraft, db: Db = deps.database.db) {
  const header = ruleHeader('base', input);
  if (input.lowerBoundBp > input.upperBoundBp) throw badRequest('policy.bounds_invalid', 'upperBoundBp');
  return draftVersion(deps, maintainer, header, db, async (tx, row) => {
    const [base] = await tx
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
    return { base };
  });
}
