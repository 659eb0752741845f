import { describe, expect, it } from 'vitest';
import { receivableCalculator, receivableLines } from './receivable.js';
import type { BaseRuleVersion, CollectionRuleVersion, PayerShare, PersonFacts, PolicyStatus, WageVersion } from './types.js';

/*
 * DOMAIN.md "Contribution: the long-term-care example", configured here as plain data: the
 * calculator knows nothing of long-term care, ages 40 or retirees.
 */
const REGION = '411300';
const LTC = '410';

const wage = (year: number, monthlyFen: number, status: PolicyStatus = 'published', id = `wage-${year}`): WageVersion => ({
  id,
  kind: 'wage',
  insuranceType: null,
  regionCode: REGION,
  effectiveFrom: `${year}-01`,
  effectiveTo: `${year}-12`,
  version: 1,
  status,
  year,
  monthlyFen,
});

const baseRule = (over: Partial<BaseRuleVersion> = {}): BaseRuleVersion => ({
  id: 'base-1',
  kind: 'base',
  insuranceType: LTC,
  regionCode: REGION,
  effectiveFrom: '2019-01',
  effectiveTo: null,
  version: 1,
  status: 'published',
  baseKind: 'medical',
  lowerBoundBp: 6_000,
  upperBoundBp: 30_000,
  lowerRuleCode: '1000101',
  upperRuleCode: '1000102',
  wageYearOffset: 0,
  ...over,
});

const share = (s: Partial<PayerShare> & Pick<PayerShare, 'ruleCode' | 'payer' | 'ratePpm'>): PayerShare => ({
  baseKind: 'medical',
  periodicity: 'monthly',
  dueMonth: null,
  fund: 'personal_account',
  flow: 'from',
  conditions: {},
  ...s,
});

const ltcShares: PayerShare[] = [
  share({ ruleCode: 'LTC-UNIT', payer: 'unit', ratePpm: 2_000, fund: 'pooled_fund', conditions: { retired: false } }),
  share({ ruleCode: 'LTC-EMP-40', payer: 'person', ratePpm: 1_000, conditions: { retired: false, ageAtMost: 40 } }),
  share({ ruleCode: 'LTC-EMP-41', payer: 'person', ratePpm: 2_000, conditions: { retired: false, ageAbove: 40 } }),
  share({ ruleCode: 'LTC-RET', payer: 'person', ratePpm: 3_000, baseKind: 'account_allocation', conditions: { retired: true } }),
  share({ ruleCode: 'LTC-FISCAL', payer: 'fiscal', ratePpm: 1_000, baseKind: 'account_allocation', periodicity: 'yearly', dueMonth: 1, fund: 'none', flow: 'to', conditions: { retired: true } }),
];

const collectionRule = (over: Partial<CollectionRuleVersion> = {}): CollectionRuleVersion => ({
  id: 'collection-1',
  kind: 'collection',
  insuranceType: LTC,
  regionCode: REGION,
  effectiveFrom: '2019-01',
  effectiveTo: null,
  version: 1,
  status: 'published',
  shares: ltcShares,
  ...over,
});

const wages = [wage(2018, 280_000), wage(2019, 300_000)];

const employee = (birthDate: string, medical: number): PersonFacts => ({ birthDate, retired: false, bases: { medical } });
const retiree = (allocation: number): PersonFacts => ({ birthDate: '1955-03-01', retired: true, bases: { account_allocation: allocation, medical: 150_000 } });

const summary = (lines: ReturnType<typeof receivableLines>) => lines.map((l) => [l.payer, l.ruleCode, l.baseFen, l.ratePpm, l.amountFen]);

describe('the long-term-care example of DOMAIN.md, to the fen', () => {
  it('person 110001, aged 39, base 2,000.00 → personal 2.00 (0.1 %), unit 4.00 (0.2 %)', () => {
    const lines = receivableLines({ personId: '110001', ...employee('1979-06-15', 200_000) }, '2019-01', baseRule(), collectionRule(), wages);
    expect(summary(lines)).toEqual([
      ['unit', 'LTC-UNIT', 200_000, 2_000, 400],
      ['person', 'LTC-EMP-40', 200_000, 1_000, 200],
    ]);
    expect(lines[0]).toMatchObject({ fund: 'pooled_fund', flow: 'from', baseApplied: 'declared', baseRuleCode: null, ruleVersionId: 'collection-1' });
    expect(lines[1]).toMatchObject({ fund: 'personal_account', flow: 'from' });
    expect(lines[1].explanation.zh).toContain('2,000.00 元 × 0.1% = 2.00 元');
    expect(lines[1].explanation.zh).toContain('年龄 39 ≤ 40');
    expect(lines[1].explanation.en).toContain('aged 39 ≤ 40');
    expect(lines[0].explanation.en).toContain('drawn from the pooled fund');
  });

  it('person 110002, retired, allocation base 2,200.00 → personal 6.60 (0.3 %), fiscal 2.20 (0.1 %, yearly)', () => {
    const lines = receivableLines({ personId: '110002', ...retiree(220_000) }, '2019-01', baseRule(), collectionRule(), wages);
    expect(summary(lines)).toEqual([
      ['person', 'LTC-RET', 220_000, 3_000, 660],
      ['fiscal', 'LTC-FISCAL', 220_000, 1_000, 220],
    ]);
    expect(lines[1]).toMatchObject({ periodicity: 'yearly', fund: 'none', baseKind: 'account_allocation' });
    expect(lines[1].explanation.zh).toContain('按年缴纳，于 1 月计征');
  });
});

describe('receivable lines', () => {
  type Case = [label: string, facts: PersonFacts, month: string, expected: Array<[string, string, number, number, number]>];
  it.each<Case>([
    ['aged 41 pays 0.2 %', employee('1978-01-10', 200_000), '2019-01', [['unit', 'LTC-UNIT', 200_000, 2_000, 400], ['person', 'LTC-EMP-41', 200_000, 2_000, 400]]],
    ['turning 41 in the month already pays 0.2 %', employee('1978-03-31', 200_000), '2019-03', [['unit', 'LTC-UNIT', 200_000, 2_000, 400], ['person', 'LTC-EMP-41', 200_000, 2_000, 400]]],
    ['exactly 40 still pays 0.1 %', employee('1978-04-01', 200_000), '2019-03', [['unit', 'LTC-UNIT', 200_000, 2_000, 400], ['person', 'LTC-EMP-40', 200_000, 1_000, 200]]],
    // wage 3,000.00: lower bound 1,800.00 (60 %), upper 9,000.00 (300 %)
    ['a base below 60 % is raised to the lower bound', employee('1990-01-01', 120_000), '2019-05', [['unit', 'LTC-UNIT', 180_000, 2_000, 360], ['person', 'LTC-EMP-40', 180_000, 1_000, 180]]],
    ['a base above 300 % is cut to the upper bound', employee('1990-01-01', 2_500_000), '2019-05', [['unit', 'LTC-UNIT', 900_000, 2_000, 1_800], ['person', 'LTC-EMP-40', 900_000, 1_000, 900]]],
    // 3,122.50 × 0.2 % = 6.245 → 6.25; × 0.1 % = 3.1225 → 3.12
    ['amounts round half up to the fen', employee('1990-01-01', 312_250), '2019-05', [['unit', 'LTC-UNIT', 312_250, 2_000, 625], ['person', 'LTC-EMP-40', 312_250, 1_000, 312]]],
    ['a yearly share appears only in its due month', retiree(220_000), '2019-02', [['person', 'LTC-RET', 220_000, 3_000, 660]]],
    ['the retiree share is not clamped (another base kind)', retiree(50_000), '2019-01', [['person', 'LTC-RET', 50_000, 3_000, 150], ['fiscal', 'LTC-FISCAL', 50_000, 1_000, 50]]],
    ['before the rule takes effect there is nothing to collect', employee('1979-06-15', 200_000), '2018-12', []],
  ])('%s', (_, facts, month, expected) => {
    const lines = receivableLines(facts, month, baseRule(), collectionRule(), wages);
    expect(summary(lines)).toEqual(expected);
    // The monthly run's calculator: the same lines, without the words.
    expect(receivableCalculator(month, baseRule(), collectionRule(), wages)(facts)).toEqual(lines.map(({ explanation: _words, ...line }) => line));
  });

  it('names the base rule code and the wage when a bound applied', () => {
    const [unit] = receivableLines(employee('1990-01-01', 120_000), '2019-05', baseRule(), collectionRule(), wages);
    expect(unit).toMatchObject({ declaredFen: 120_000, baseFen: 180_000, baseApplied: 'lower', baseRuleCode: '1000101' });
    expect(unit.explanation.zh).toContain('申报基数 1,200.00 元低于下限，按2019 年社平工资 3,000.00 元的 60% 核定（规则 1000101）');
    const [high] = receivableLines(employee('1990-01-01', 2_500_000), '2019-05', baseRule(), collectionRule(), wages);
    expect(high).toMatchObject({ baseApplied: 'upper', baseRuleCode: '1000102' });
    expect(high.explanation.en).toContain('above the upper bound, 300% of the 2019 social average wage 3,000.00 yuan (rule 1000102)');
  });

  it('takes the previous year’s wage when the base rule says so', () => {
    // 2018 wage 2,800.00 → lower bound 1,680.00
    const lines = receivableLines(employee('1990-01-01', 100_000), '2019-05', baseRule({ wageYearOffset: -1 }), collectionRule(), wages);
    expect(lines[0]).toMatchObject({ baseFen: 168_000, amountFen: 336 });
  });

  it('ignores a voided version and uses the published one', () => {
    const voided = collectionRule({ id: 'collection-2', version: 2, status: 'voided', shares: [share({ ruleCode: 'WRONG', payer: 'unit', ratePpm: 50_000 })] });
    const lines = receivableLines(employee('1979-06-15', 200_000), '2019-01', baseRule(), [collectionRule(), voided], wages);
    expect(lines.map((l) => l.ruleCode)).toEqual(['LTC-UNIT', 'LTC-EMP-40']);
    expect(lines.every((l) => l.ruleVersionId === 'collection-1')).toBe(true);
  });

  it('ignores drafts, reviewed and voided wages', () => {
    const only = [wage(2019, 100_000, 'voided', 'w-void'), wage(2019, 100_000, 'draft', 'w-draft'), wage(2019, 300_000)];
    expect(receivableLines(employee('1990-01-01', 120_000), '2019-05', baseRule(), collectionRule(), only)[0].baseFen).toBe(180_000);
  });

  it('with only a voided collection rule there is nothing to collect', () => {
    expect(receivableLines(employee('1979-06-15', 200_000), '2019-01', baseRule(), collectionRule({ status: 'voided' }), wages)).toEqual([]);
  });

  it('uses the successor version from its first month', () => {
    const first = collectionRule({ effectiveTo: '2019-12' });
    const second = collectionRule({ id: 'collection-2', version: 2, effectiveFrom: '2020-01', shares: [share({ ruleCode: 'UNIT-2020', payer: 'unit', ratePpm: 2_500, conditions: { retired: false } })] });
    const facts = employee('1990-01-01', 200_000);
    const wagesTo2020 = [...wages, wage(2020, 300_000)];
    expect(summary(receivableLines(facts, '2019-12', baseRule(), [first, second], wagesTo2020))).toEqual([
      ['unit', 'LTC-UNIT', 200_000, 2_000, 400],
      ['person', 'LTC-EMP-40', 200_000, 1_000, 200],
    ]);
    expect(summary(receivableLines(facts, '2020-01', baseRule(), [first, second], wagesTo2020))).toEqual([['unit', 'UNIT-2020', 200_000, 2_500, 500]]);
  });

  it('matches person categories', () => {
    const rule = collectionRule({ shares: [share({ ruleCode: 'FLEX', payer: 'person', ratePpm: 10_000, conditions: { categories: ['flexible'] } })] });
    expect(receivableLines({ ...employee('1990-01-01', 200_000), category: 'flexible' }, '2019-01', baseRule(), rule, wages)).toHaveLength(1);
    expect(receivableLines({ ...employee('1990-01-01', 200_000), category: 'employee' }, '2019-01', baseRule(), rule, wages)).toHaveLength(0);
    expect(receivableLines(employee('1990-01-01', 200_000), '2019-01', baseRule(), rule, wages)).toHaveLength(0);
  });

  type Refusal = [label: string, facts: PersonFacts, month: string, base: BaseRuleVersion, wages: WageVersion[], code: string];
  it.each<Refusal>([
    ['no base rule in effect', employee('1990-01-01', 200_000), '2019-01', baseRule({ status: 'voided' }), wages, 'policy.base_rule_missing'],
    ['no published wage for the year', employee('1990-01-01', 200_000), '2021-01', baseRule(), wages, 'policy.wage_missing'],
    ['a base the share needs is missing', { birthDate: '1990-01-01', retired: true, bases: {} }, '2019-01', baseRule(), wages, 'policy.base_missing'],
    ['base and collection rules of different types', employee('1990-01-01', 200_000), '2019-01', baseRule({ insuranceType: '310' }), wages, 'policy.rules_mismatch'],
    ['two published wages for one year', employee('1990-01-01', 200_000), '2019-01', baseRule(), [...wages, wage(2019, 310_000, 'published', 'dup')], 'policy.ambiguous'],
  ])('refuses to guess: %s (for each person, in the run as well)', (_, facts, month, base, wageList, code) => {
    const refusal = expect.objectContaining({ code, kind: 'unprocessable' });
    expect(() => receivableLines(facts, month, base, collectionRule(), wageList)).toThrow(refusal);
    const linesOf = receivableCalculator(month, base, collectionRule(), wageList);
    expect(() => linesOf(facts)).toThrow(refusal);
    expect(() => linesOf(facts)).toThrow(refusal);
  });
});
