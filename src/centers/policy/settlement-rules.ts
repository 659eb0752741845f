/**
 * 结算政策 settlement policies: the deductible, the pooled fund's ratio and ceiling, and whether the
 * personal account may pay, by visit kind, institution level and person category.
 */
import type { Db } from '../../kernel/db/index.js';
import { badRequest } from '../../kernel/errors/index.js';
import { settlementRules } from './schema.js';
import type { Maintainer } from './scope.js';
import type { SettlementRule } from './types.js';
import { draftVersion, ruleHeader, type PeriodInput, type PolicyDeps } from './versions.js';

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

/** 编制结算政策 drafts a settlement policy with its rows, in the order given. */
export async function draftSettlementRule(deps: PolicyDeps, maintainer: Maintainer, input: SettlementRuleDraft, db: Db = deps.database.db) {
  const header = ruleHeader('settlement', input);
  const rows = normalizeSettlementRows(input.rows);
  return draftVersion(deps, maintainer, header, db, async (tx, row) => ({
    settlement: await tx
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
      .returning(),
  }));
}
