/** 征缴规则 collection rules: each payer's share (unit, person, fiscal), its rate, base, fund and conditions. */
import type { Db } from '../../kernel/db/index.js';
import { badRequest } from '../../kernel/errors/index.js';
import { collectionShares } from './schema.js';
import type { Maintainer } from './scope.js';
import type { PayerShare, ShareConditions } from './types.js';
import { draftVersion, ruleHeader, type PeriodInput, type PolicyDeps } from './versions.js';

export type ShareInput = Omit<PayerShare, 'dueMonth' | 'conditions'> & { dueMonth?: number | null; conditions?: ShareConditions };

export interface CollectionRuleDraft extends PeriodInput {
  insuranceType: string;
  regionCode: string;
  shares: ShareInput[];
  note?: string;
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

/** 编制征缴规则 drafts a collection rule with its shares, in the order given. */
export async function draftCollectionRule(deps: PolicyDeps, maintainer: Maintainer, input: CollectionRuleDraft, db: Db = deps.database.db) {
  const header = ruleHeader('collection', input);
  const shares = normalizeShares(input.shares);
  return draftVersion(deps, maintainer, header, db, async (tx, row) => ({
    shares: await tx
      .insert(collectionShares)
      .values(
        shares.map(({ conditions: c, ...share }, position) => ({
          ...share,
          versionId: row.id,
          position,
          ageAtMost: c.ageAtMost ?? null,
          ageAbove: c.ageAbove ?? null,
          retired: c.retired ?? null,
          categories: c.categories ?? null,
        })),
      )
      .returning(),
  }));
}
