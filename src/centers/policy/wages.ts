/** 社平工资 the social average wage: a region's monthly figure for a calendar year, drafted and reviewed as any version. */
import type { Db } from '../../kernel/db/index.js';
import { wages } from './schema.js';
import type { Maintainer } from './scope.js';
import type { WageBody } from './types.js';
import { draftVersion, type PolicyDeps } from './versions.js';

export interface WageDraft extends WageBody {
  regionCode: string;
  note?: string;
}

/** 编制社平工资 drafts a region's wage for a year (its version covers the year's twelve months). */
export async function draftWage(deps: PolicyDeps, maintainer: Maintainer, input: WageDraft, db: Db = deps.database.db) {
  const header = { kind: 'wage' as const, insuranceType: null, regionCode: input.regionCode, from: input.year * 100 + 1, to: input.year * 100 + 12, note: input.note };
  return draftVersion(deps, maintainer, header, db, async (tx, row) => {
    const [wage] = await tx.insert(wages).values({ versionId: row.id, year: input.year, monthlyFen: input.monthlyFen }).returning();
    return { wage };
  });
}
