import { and, eq } from 'drizzle-orm';
import { NATIONAL_SCOPE } from '../../kernel/actor/index.js';
import { transaction } from '../../kernel/db/index.js';
import { draftBaseRule } from './base-rules.js';
import type { CatalogEntryData, CatalogKind } from './codes.js';
import { draftCollectionRule, type CollectionRuleDraft } from './collection-rules.js';
import { ensureInsuranceType } from './insurance-types.js';
import { catalogChanges, catalogEntries, catalogVersions, versions } from './schema.js';
import type { Maintainer } from './scope.js';
import { draftSettlementRule, type SettlementRuleDraft } from './settlement-rules.js';
import { seriesOf, type PolicyDeps } from './versions.js';
import { draftWage } from './wages.js';
import { publishVersion, reviewVersion } from './workflow.js';

/** 险种 national insurance-type codes (医保信息业务编码 insutype). */
export const NATIONAL_INSURANCE_TYPES = [
  { code: '310', name: '职工基本医疗保险', nameEn: 'Employee basic medical insurance', enrollmentKinds: ['employee', 'flexible'] },
  { code: '390', name: '城乡居民基本医疗保险', nameEn: 'Urban and rural resident basic medical insurance', enrollmentKinds: ['resident'] },
  // The long-term-care pilots follow the medical insurance: employees and flexible workers, and residents where the pilot has reached them.
  { code: '410', name: '长期照护保险（长期护理保险）', nameEn: 'Long-term care insurance', enrollmentKinds: ['employee', 'flexible', 'resident'] },
  { code: '510', name: '生育保险', nameEn: 'Maternity insurance', enrollmentKinds: ['employee'] },
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
  const classBSelfPayBp = 1_000; // 乙类先行自付 10 %, DOMAIN.md's (the catalog's own ratio of its drug differs: the region's wins)
  return {
    insuranceType,
    regionCode,
    effectiveFrom,
    note: '演示用职工医保结算政策（数值仅作示意）',
    rows: [
      { visitKind: 'outpatient', deductibleFen: 100_000, deductiblePer: 'year', fundRatioBp: 6_000, ceilingFen, accountUsable: true, ruleCodes: codes('10'), classBSelfPayBp },
      { visitKind: 'outpatient', personCategory: 'retired', deductibleFen: 80_000, deductiblePer: 'year', fundRatioBp: 7_000, ceilingFen, accountUsable: true, ruleCodes: codes('11'), classBSelfPayBp },
      { visitKind: 'inpatient', institutionLevel: 1, deductibleFen: 80_000, deductiblePer: 'visit', fundRatioBp: 9_000, ceilingFen, accountUsable: true, ruleCodes: codes('21'), classBSelfPayBp },
      { visitKind: 'inpatient', institutionLevel: 2, deductibleFen: 150_000, deductiblePer: 'visit', fundRatioBp: 8_500, ceilingFen, accountUsable: true, ruleCodes: codes('22'), classBSelfPayBp },
      { visitKind: 'inpatient', institutionLevel: 3, deductibleFen: 200_000, deductiblePer: 'visit', fundRatioBp: 8_000, ceilingFen, accountUsable: true, ruleCodes: codes('23'), classBSelfPayBp },
      { visitKind: 'inpatient', institutionLevel: 2, personCategory: 'retired', deductibleFen: 150_000, deductiblePer: 'visit', fundRatioBp: 9_000, ceilingFen, accountUsable: true, ruleCodes: codes('24'), classBSelfPayBp },
    ],
    // 西格列汀片: a share of its own, below the rows' 10 %
    itemRatios: [{ code: DEMO_CATALOG_CODES.sitagliptin, selfPayBp: 500 }],
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
  await seedCatalogDemo(deps);
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

/** The codes of the demo catalog that settlement examples and tests name. */
export const DEMO_CATALOG_CODES = {
  /** DOMAIN.md's class B drug (scripts/domain-visit.ts FEE_CODES.drug) */
  drug: 'XA01ABD075A002010100483',
  /** DOMAIN.md's class C consumable */
  consumable: 'C1234567890123456789',
  /** DOMAIN.md's class A service item */
  service: '310100001000000',
  /** a class B drug with a price cap and a share of its own in the demo settlement policy */
  sitagliptin: 'XA10BHX010A001010104075',
} as const;

const entry = (code: string, name: string, specification: string | null, klass: 'A' | 'B' | 'C', selfPayPpm: number, priceCapFen: number | null = null): CatalogEntryData => ({
  code,
  name,
  specification,
  class: klass,
  selfPayPpm,
  priceCapFen,
  validFrom: '2019-01-01',
  validTo: null,
});

/**
 * 演示医保目录 an illustrative catalog of each kind with a class, version 1 published on 2019-01-01
 * (Beijing): DOMAIN.md's three items and a few neighbours, one with a price cap. Names are real
 * generic names; the codes, ratios and caps are illustrative, not the national catalog's.
 */
export const DEMO_CATALOG: Partial<Record<CatalogKind, CatalogEntryData[]>> = {
  'drug-western': [
    // the catalog's 15 %: the demo settlement policy's 10 % for its region applies instead
    entry(DEMO_CATALOG_CODES.drug, '复方氯己定含漱液', '200ml', 'B', 150_000),
    entry('XJ01CAA040A001010100105', '阿莫西林胶囊', '0.25g', 'A', 0),
    entry('XC09AAE020A001010100221', '依那普利片', '10mg', 'A', 0),
    entry(DEMO_CATALOG_CODES.sitagliptin, '西格列汀片', '100mg', 'B', 100_000, 305),
  ],
  'drug-chinese-patent': [
    entry('ZA01AAL0116010100733', '连花清瘟胶囊', '0.35g', 'A', 0),
    entry('ZA12BAX0021010101589', '血塞通软胶囊', '0.33g', 'B', 100_000),
  ],
  consumable: [
    entry(DEMO_CATALOG_CODES.consumable, '医用护理垫（自费）', null, 'C', 1_000_000),
    entry('C0211010000100400001', '一次性使用无菌导尿管', null, 'B', 200_000, 1_500),
  ],
  'service-item': [
    entry(DEMO_CATALOG_CODES.service, '住院综合诊疗', null, 'A', 0),
    entry('110200001000000', '普通门诊诊查费', null, 'A', 0),
    entry('250101015000000', '血细胞分析', null, 'A', 0, 2_000),
  ],
};

/** 2019-01-01 00:00 in Beijing */
const DEMO_CATALOG_PUBLISHED_AT = new Date('2018-12-31T16:00:00Z');

/**
 * The demo catalog, idempotent: each kind without any published version gets DEMO_CATALOG's
 * entries as its version 1, written as publishCatalog writes a version (the version, its change
 * records, the entries), dated 2019-01-01 so that the demo's 2019 visits find it in force.
 */
async function seedCatalogDemo(deps: PolicyDeps): Promise<void> {
  await transaction(deps.database.db, async (tx) => {
    const published = new Set((await tx.select({ kind: catalogVersions.kind }).from(catalogVersions)).map((v) => v.kind));
    for (const [kind, entries] of Object.entries(DEMO_CATALOG) as Array<[CatalogKind, CatalogEntryData[]]>) {
      if (published.has(kind)) continue;
      await tx.insert(catalogVersions).values({ kind, version: 1, added: entries.length, changed: 0, removed: 0, publishedBy: SEED_REVIEWER.accountId, publishedAt: DEMO_CATALOG_PUBLISHED_AT });
      await tx.insert(catalogChanges).values(entries.map((e) => ({ kind, version: 1, code: e.code, action: 'added' as const, entry: e, stagedBy: SEED_AUTHOR.accountId })));
      await tx.insert(catalogEntries).values(entries.map((e) => ({ kind, ...e, version: 1, removedIn: null })));
    }
  });
}
