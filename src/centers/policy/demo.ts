import { and, eq } from 'drizzle-orm';
import { NATIONAL_SCOPE } from '../../kernel/actor/index.js';
import { transaction } from '../../kernel/db/index.js';
import { draftBaseRule } from './base-rules.js';
import { draftCollectionRule, type CollectionRuleDraft } from './collection-rules.js';
import { ensureInsuranceType } from './insurance-types.js';
import { versions } from './schema.js';
import type { Maintainer } from './scope.js';
import { draftSettlementRule, type SettlementRuleDraft } from './settlement-rules.js';
import { seriesOf, type PolicyDeps } from './versions.js';
import { draftWage } from './wages.js';
import { publishVersion, reviewVersion } from './workflow.js';

/** 险种 national insurance-type codes (医保信息业务编码 insutype). */
export const NATIONAL_INSURANCE_TYPES = [
  { code: '310', name: '职工基本医疗保险', nameEn: 'Employee basic medical insurance' },
  { code: '390', name: '城乡居民基本医疗保险', nameEn: 'Urban and rural resident basic medical insurance' },
  { code: '410', name: '长期照护保险（长期护理保险）', nameEn: 'Long-term care insurance' },
  { code: '510', name: '生育保险', nameEn: 'Maternity insurance' },
] as const;

export const DEMO_POLICY = {
  regionCode: '411300',
  insuranceType: '410',
  effectiveFrom: '2019-01',
  /**
   * Illustrative 2019 monthly social average wage for 南阳, not the published figure: the DOMAIN.md
   * example's bases (2,000.00 and 2,200.00) lie inside its 60 %–300 % bounds (1,800.00–9,000.00).
   */
  wage: { year: 2019, monthlyFen: 300_000 },
} as const;

/** The long-term-care policy of DOMAIN.md ("seed 000"), as data. */
export function longTermCarePolicy(regionCode: string = DEMO_POLICY.regionCode, insuranceType: string = DEMO_POLICY.insuranceType, effectiveFrom: string = DEMO_POLICY.effectiveFrom) {
  const notRetired = { retired: false };
  return {
    base: {
      insuranceType,
      regionCode,
      effectiveFrom,
      baseKind: 'medical',
      lowerBoundBp: 6_000,
      upperBoundBp: 30_000,
      lowerRuleCode: '1000101',
      upperRuleCode: '1000102',
      wageYearOffset: 0,
      note: '长期护理保险缴费基数：职工医保缴费基数，社平工资 60 %–300 %',
    },
    collection: {
      insuranceType,
      regionCode,
      effectiveFrom,
      note: '长期护理保险筹资：单位 0.2 %，在职个人 0.1 % / 0.2 %（40 岁以上），退休个人 0.3 %，财政 0.1 %（按年）',
      shares: [
        { ruleCode: '2000101', payer: 'unit', baseKind: 'medical', ratePpm: 2_000, periodicity: 'monthly', fund: 'pooled_fund', flow: 'from', conditions: notRetired },
        { ruleCode: '2000102', payer: 'person', baseKind: 'medical', ratePpm: 1_000, periodicity: 'monthly', fund: 'personal_account', flow: 'from', conditions: { ...notRetired, ageAtMost: 40 } },
        { ruleCode: '2000103', payer: 'person', baseKind: 'medical', ratePpm: 2_000, periodicity: 'monthly', fund: 'personal_account', flow: 'from', conditions: { ...notRetired, ageAbove: 40 } },
        { ruleCode: '2000104', payer: 'person', baseKind: 'account_allocation', ratePpm: 3_000, periodicity: 'monthly', fund: 'personal_account', flow: 'from', conditions: { retired: true } },
        { ruleCode: '2000105', payer: 'fiscal', baseKind: 'account_allocation', ratePpm: 1_000, periodicity: 'yearly', dueMonth: 1, fund: 'none', flow: 'to', conditions: { retired: true } },
      ],
    } satisfies CollectionRuleDraft,
  };
}

/**
 * 职工医保结算政策 an illustrative settlement policy of 南阳 for employee medical insurance (310) from
 * 2019-01. The figures are illustrative, not 南阳's published policy: the level-2 inpatient row is
 * DOMAIN.md's example (deductible 1,500.00 per visit, 85 %); the others are plausible neighbours.
 */
export function employeeSettlementPolicy(regionCode: string = DEMO_POLICY.regionCode, insuranceType = '310', effectiveFrom: string = DEMO_POLICY.effectiveFrom) {
  const codes = (n: string) => ({ deductible: `30${n}01`, fundRatio: `30${n}02`, ceiling: `30${n}03`, account: `30${n}04` });
  const ceilingFen = 30_000_000; // 年度封顶线 300,000.00
  return {
    insuranceType,
    regionCode,
    effectiveFrom,
    note: '演示用职工医保结算政策（数值仅作示意）',
    rows: [
      { visitKind: 'outpatient', deductibleFen: 100_000, deductiblePer: 'year', fundRatioBp: 6_000, ceilingFen, accountUsable: true, ruleCodes: codes('10') },
      { visitKind: 'outpatient', personCategory: 'retired', deductibleFen: 80_000, deductiblePer: 'year', fundRatioBp: 7_000, ceilingFen, accountUsable: true, ruleCodes: codes('11') },
      { visitKind: 'inpatient', institutionLevel: 1, deductibleFen: 80_000, deductiblePer: 'visit', fundRatioBp: 9_000, ceilingFen, accountUsable: true, ruleCodes: codes('21') },
      { visitKind: 'inpatient', institutionLevel: 2, deductibleFen: 150_000, deductiblePer: 'visit', fundRatioBp: 8_500, ceilingFen, accountUsable: true, ruleCodes: codes('22') },
      { visitKind: 'inpatient', institutionLevel: 3, deductibleFen: 200_000, deductiblePer: 'visit', fundRatioBp: 8_000, ceilingFen, accountUsable: true, ruleCodes: codes('23') },
      { visitKind: 'inpatient', institutionLevel: 2, personCategory: 'retired', deductibleFen: 150_000, deductiblePer: 'visit', fundRatioBp: 9_000, ceilingFen, accountUsable: true, ruleCodes: codes('24') },
    ],
  } satisfies SettlementRuleDraft;
}

const SEED_AUTHOR: Maintainer = { accountId: 'system:policy-seed', scope: NATIONAL_SCOPE };
const SEED_REVIEWER: Maintainer = { accountId: 'system:policy-seed-review', scope: NATIONAL_SCOPE };

/**
 * Demo policy, idempotent: the national insurance types, and for 南阳 the 2019 wage, the
 * long-term-care base and collection rules effective 2019-01 and the illustrative employee settlement policy, published through the same review
 * steps as any other (a seed author and a seed reviewer), all in one transaction.
 */
export async function seedPolicyDemo(deps: PolicyDeps): Promise<boolean> {
  const db = deps.database.db;
  for (const type of NATIONAL_INSURANCE_TYPES) await ensureInsuranceType(db, type);
  // Apart from the long-term-care policy: a database seeded before settlement existed still gets it.
  await seedSettlementDemo(deps);
  const policy = longTermCarePolicy();
  const series = seriesOf('collection', DEMO_POLICY.insuranceType, DEMO_POLICY.regionCode);
  const published = await db
    .select({ id: versions.id })
    .from(versions)
    .where(and(eq(versions.series, series), eq(versions.status, 'published')))
    .limit(1);
  if (published.length) return false;
  await transaction(db, async (tx) => {
    const publish = async (id: string) => {
      await reviewVersion(deps, SEED_REVIEWER, id, '演示数据', tx);
      await publishVersion(deps, SEED_REVIEWER, id, tx);
    };
    const wageSeries = seriesOf('wage', null, DEMO_POLICY.regionCode);
    const wageYear = DEMO_POLICY.wage.year * 100 + 1;
    const [wage] = await tx
      .select({ id: versions.id })
      .from(versions)
      .where(and(eq(versions.series, wageSeries), eq(versions.status, 'published'), eq(versions.effectiveFrom, wageYear)));
    if (!wage) await publish((await draftWage(deps, SEED_AUTHOR, { regionCode: DEMO_POLICY.regionCode, ...DEMO_POLICY.wage, note: '演示用社平工资' }, tx)).id);
    const baseSeries = seriesOf('base', DEMO_POLICY.insuranceType, DEMO_POLICY.regionCode);
    const [base] = await tx.select({ id: versions.id }).from(versions).where(and(eq(versions.series, baseSeries), eq(versions.status, 'published')));
    if (!base) await publish((await draftBaseRule(deps, SEED_AUTHOR, policy.base, tx)).id);
    await publish((await draftCollectionRule(deps, SEED_AUTHOR, policy.collection, tx)).id);
  });
  return true;
}

/** The illustrative employee settlement policy of 南阳, reviewed and published by the seed accounts; idempotent. */
async function seedSettlementDemo(deps: PolicyDeps): Promise<boolean> {
  const draft = employeeSettlementPolicy();
  const series = seriesOf('settlement', draft.insuranceType, draft.regionCode);
  const [published] = await deps.database.db
    .select({ id: versions.id })
    .from(versions)
    .where(and(eq(versions.series, series), eq(versions.status, 'published')))
    .limit(1);
  if (published) return false;
  await transaction(deps.database.db, async (tx) => {
    const { id } = await draftSettlementRule(deps, SEED_AUTHOR, draft, tx);
    await reviewVersion(deps, SEED_REVIEWER, id, '演示数据', tx);
    await publishVersion(deps, SEED_REVIEWER, id, tx);
  });
  return true;
}
