/**
 * 结算政策 settlement policies: the deductible, the pooled fund's ratio and ceiling, whether the
 * personal account may pay, and the class B self-pay share (乙类先行自付比例), by visit kind,
 * institution level and person category; a class B item may have a share of its own (itemRatios).
 */
import type { Db } from '../../kernel/db/index.js';
import { badRequest } from '../../kernel/errors/index.js';
import { itemKindOf } from './codes.js';
import { settlementItemRatios, settlementRules } from './schema.js';
import type { Maintainer } from './scope.js';
import type { SettlementItemRatio, SettlementRule } from './types.js';
import { draftVersion, ruleHeader, type PeriodInput, type PolicyDeps } from './versions.js';

export interface SettlementRuleDraft extends PeriodInput {
  insuranceType: string;
  regionCode: string;
  rows: SettlementRule[];
  /** 单品乙类先行自付比例, before the rows' share */
  itemRatios?: SettlementItemRatio[];
  note?: string;
}

const isBp = (value: number) => Number.isInteger(value) && value >= 0 && value <= 10_000;

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
    if (!isBp(row.fundRatioBp)) throw badRequest('policy.bp_invalid', `rows.${i}.fundRatioBp`);
    if (row.classBSelfPayBp !== undefined && !isBp(row.classBSelfPayBp)) throw badRequest('policy.bp_invalid', `rows.${i}.classBSelfPayBp`);
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
      ...(row.classBSelfPayBp !== undefined ? { classBSelfPayBp: row.classBSelfPayBp } : {}),
    };
  });
}

/** Each item once, by a code with a class-bearing catalog's shape, its share 0–10000 bp. */
function normalizeItemRatios(items: SettlementItemRatio[]): SettlementItemRatio[] {
  const seen = new Map<string, number>();
  return items.map((item, i) => {
    if (!itemKindOf(item.code)) throw badRequest('policy.item_ratio_code_invalid', `itemRatios.${i}.code`);
    if (!isBp(item.selfPayBp)) throw badRequest('policy.bp_invalid', `itemRatios.${i}.selfPayBp`);
    const earlier = seen.get(item.code);
    if (earlier !== undefined) throw badRequest('policy.item_ratio_duplicate', `itemRatios.${i}.code`, { other: earlier });
    seen.set(item.code, i);
    return { code: item.code, selfPayBp: item.selfPayBp };
  });
}

/** 编制结算政策 drafts a settlement policy with its rows, in the order given. */
export async function draftSettlementRule(deps: PolicyDeps, maintainer: Maintainer, input: SettlementRuleDraft, db: Db = deps.database.db) {
  const header = ruleHeader('settlement', input);
  const rows = normalizeSettlementRows(input.rows);
  const itemRatios = normalizeItemRatios(input.itemRatios ?? []);
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
          classBSelfPayBp: r.classBSelfPayBp ?? null,
        })),
      )
      .returning(),
    itemRatios: itemRatios.length ? await tx.insert(settlementItemRatios).values(itemRatios.map((i) => ({ versionId: row.id, ...i }))).returning() : [],
  }));
}
