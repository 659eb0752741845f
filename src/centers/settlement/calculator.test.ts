import { describe, expect, it } from 'vitest';
import { parametersFor, settle, SettlementInputError, type FeeLine, type SettlementParameters, type SettlementRuleRow } from './calculator.js';

const yuan = (y: number) => Math.round(y * 100);
const CODES = { deductible: '3000101', fundRatio: '3000102', ceiling: '3000103', account: '3000104' };

/** The illustrative inpatient parameters of DOMAIN.md. */
const INPATIENT: SettlementParameters = {
  deductibleFen: yuan(1_500),
  deductiblePer: 'visit',
  fundRatioBp: 8_500,
  ceilingFen: yuan(300_000),
  accountUsable: true,
  ruleCodes: CODES,
};

/** DOMAIN.md's bill: class A 14,000, class B 5,000 at 10 %, class C 1,000. */
const DOMAIN_BILL: FeeLine[] = [
  { code: '001201000010000', class: 'A', quantity: 1, amountFen: yuan(14_000) },
  { code: 'XA01ABD075A002010100483', class: 'B', quantity: 10, amountFen: yuan(5_000), selfPayRatioBp: 1_000 },
  { code: 'C01020304050607080910', class: 'C', quantity: 1, amountFen: yuan(1_000) },
];

const none = { deductibleFen: 0, fundPaidFen: 0 };

describe('settle: the national settlement fields', () => {
  const cases: Array<{
    name: string;
    lines: FeeLine[];
    parameters?: Partial<SettlementParameters>;
    yearToDate?: { deductibleFen: number; fundPaidFen: number };
    balance: number;
    expected: Record<string, number>;
  }> = [
    {
      name: 'the DOMAIN.md inpatient example, account balance 2,000.00',
      lines: DOMAIN_BILL,
      balance: yuan(2_000),
      expected: {
        medfee_sumamt: yuan(20_000),
        fulamt_ownpay_amt: yuan(1_000),
        preselfpay_amt: yuan(500),
        inscp_scp_amt: yuan(18_500),
        act_pay_dedc: yuan(1_500),
        hifp_pay: yuan(14_450),
        fund_pay_sumamt: yuan(14_450),
        pool_prop_selfpay: yuan(2_550),
        psn_part_amt: yuan(5_550),
        acct_pay: yuan(2_000),
        psn_cash_pay: yuan(3_550),
        balc: 0,
      },
    },
    {
      name: 'a large balance pays the whole person part',
      lines: DOMAIN_BILL,
      balance: yuan(10_000),
      expected: { acct_pay: yuan(5_550), psn_cash_pay: 0, balc: yuan(4_450) },
    },
    {
      name: 'the account may not be used: all cash',
      lines: DOMAIN_BILL,
      parameters: { accountUsable: false },
      balance: yuan(10_000),
      expected: { acct_pay: 0, psn_cash_pay: yuan(5_550), balc: yuan(10_000) },
    },
    {
      name: 'a yearly deductible partly borne earlier this year',
      lines: DOMAIN_BILL,
      parameters: { deductiblePer: 'year' },
      yearToDate: { deductibleFen: yuan(1_000), fundPaidFen: 0 },
      balance: 0,
      // deductible left 500.00; (18,500 − 500) × 85 % = 15,300.00
      expected: { act_pay_dedc: yuan(500), hifp_pay: yuan(15_300), psn_part_amt: yuan(4_700), psn_cash_pay: yuan(4_700) },
    },
    {
      name: 'a yearly deductible already borne in full',
      lines: DOMAIN_BILL,
      parameters: { deductiblePer: 'year' },
      yearToDate: { deductibleFen: yuan(1_500), fundPaidFen: 0 },
      balance: 0,
      expected: { act_pay_dedc: 0, hifp_pay: yuan(15_725) },
    },
    {
      name: 'the yearly ceiling nearly reached: the fund pays what is left',
      lines: DOMAIN_BILL,
      yearToDate: { deductibleFen: 0, fundPaidFen: yuan(290_000) },
      balance: 0,
      expected: { hifp_pay: yuan(10_000), psn_part_amt: yuan(10_000), pool_prop_selfpay: yuan(7_000) },
    },
    {
      name: 'the ceiling already reached: nothing from the fund',
      lines: DOMAIN_BILL,
      yearToDate: { deductibleFen: 0, fundPaidFen: yuan(300_000) },
      balance: 0,
      expected: { hifp_pay: 0, psn_part_amt: yuan(20_000) },
    },
    {
      name: 'in scope below the deductible: the person pays all',
      lines: [{ code: '001201000010000', class: 'A', quantity: 1, amountFen: yuan(800) }],
      balance: 0,
      expected: { inscp_scp_amt: yuan(800), act_pay_dedc: yuan(800), hifp_pay: 0, psn_cash_pay: yuan(800) },
    },
    {
      name: 'a price cap: the part above it is self-paid, the rest class B as usual',
      lines: [{ code: 'XA01ABD075A002010100483', class: 'B', quantity: 4, amountFen: yuan(600), priceCapFen: yuan(120), selfPayRatioBp: 2_000 }],
      parameters: { deductibleFen: 0 },
      balance: 0,
      // cap 4 × 120.00 = 480.00: 120.00 over the cap; 20 % of 480.00 = 96.00 first; 384.00 in scope × 85 % = 326.40
      expected: { fulamt_ownpay_amt: yuan(120), overlmt_selfpay: yuan(120), preselfpay_amt: yuan(96), inscp_scp_amt: yuan(384), hifp_pay: yuan(326.4) },
    },
    {
      name: 'a line outside the catalog in force (目录外) is wholly self-paid, like class C',
      lines: [...DOMAIN_BILL, { code: 'XZ99ZZZ999Z999999999999', class: null, quantity: 1, amountFen: yuan(3_000) }],
      balance: 0,
      // DOMAIN.md's figures with 3,000.00 more wholly self-paid: nothing more in scope, the fund pays the same
      expected: { medfee_sumamt: yuan(23_000), fulamt_ownpay_amt: yuan(4_000), inscp_scp_amt: yuan(18_500), hifp_pay: yuan(14_450), psn_part_amt: yuan(8_550) },
    },
    {
      name: 'class B self-pay first rounds half up to the fen',
      // 10 % of 0.05 yuan is half a fen: 1 fen first; 3 fen in scope; 85 % of 3 fen is 2.55 → 3 fen
      lines: [{ code: 'XA01ABD075A002010100483', class: 'B', quantity: 1, amountFen: 5, selfPayRatioBp: 1_000 }],
      parameters: { deductibleFen: 0 },
      balance: 0,
      expected: { preselfpay_amt: 1, inscp_scp_amt: 4, hifp_pay: 3, psn_part_amt: 2 },
    },
  ];

  it.each(cases)('$name', ({ lines, parameters, yearToDate, balance, expected }) => {
    const result = settle({ lines, parameters: { ...INPATIENT, ...parameters }, yearToDate: yearToDate ?? none, accountBalanceFen: balance });
    expect(result).toMatchObject(expected);
    // the invariants, to the fen
    expect(result.fund_pay_sumamt + result.psn_part_amt).toBe(result.medfee_sumamt);
    expect(result.fulamt_ownpay_amt + result.preselfpay_amt + result.inscp_scp_amt).toBe(result.medfee_sumamt);
    expect(result.acct_pay + result.psn_cash_pay).toBe(result.psn_part_amt);
  });

  it('names the rule behind each figure, in Chinese and English', () => {
    const result = settle({ lines: DOMAIN_BILL, parameters: INPATIENT, yearToDate: none, accountBalanceFen: yuan(2_000) });
    expect(result.why.act_pay_dedc).toMatchObject({ rule: '3000101', zh: '每次起付线 1500.00 元，本次 1500.00 元' });
    expect(result.why.hifp_pay).toMatchObject({ rule: '3000102', en: '(18500.00 − 1500.00) × 85 % = 14450.00 yuan' });
    expect(result.why.preselfpay_amt?.rule).toBe('catalog.class_b');
    const capped = settle({ lines: DOMAIN_BILL, parameters: INPATIENT, yearToDate: { deductibleFen: 0, fundPaidFen: yuan(290_000) }, accountBalanceFen: 0 });
    expect(capped.why.hifp_pay?.rule).toBe('3000103');
    expect(capped.yearToDateAfter).toEqual({ deductibleFen: yuan(1_500), fundPaidFen: yuan(300_000) });
  });

  it('keeps the invariants for any bill', () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 48_271) % 2_147_483_647) % n;
    for (let round = 0; round < 500; round++) {
      const lines: FeeLine[] = Array.from({ length: 1 + random(6) }, () => {
        const quantity = 1 + random(5);
        return {
          code: 'X',
          class: (['A', 'B', 'C', null] as const)[random(4)],
          quantity,
          amountFen: random(2_000_000),
          selfPayRatioBp: random(10_001),
          priceCapFen: random(2) ? random(400_000) : null,
        };
      });
      const parameters = { ...INPATIENT, deductibleFen: random(300_000), fundRatioBp: random(10_001), ceilingFen: random(50_000_000), deductiblePer: random(2) ? 'visit' : 'year' } as const;
      const result = settle({ lines, parameters, yearToDate: { deductibleFen: random(300_000), fundPaidFen: random(50_000_000) }, accountBalanceFen: random(1_000_000) });
      expect(result.fund_pay_sumamt + result.psn_part_amt).toBe(result.medfee_sumamt);
      expect(result.fulamt_ownpay_amt + result.preselfpay_amt + result.inscp_scp_amt).toBe(result.medfee_sumamt);
      expect(result.act_pay_dedc + result.hifp_pay + result.pool_prop_selfpay).toBe(result.inscp_scp_amt);
      expect(Math.min(result.hifp_pay, result.acct_pay, result.psn_cash_pay, result.balc, result.pool_prop_selfpay)).toBeGreaterThanOrEqual(0);
    }
  });

  it('refuses bad input naming the field', () => {
    const bad = (lines: FeeLine[], field: string) => {
      try {
        settle({ lines, parameters: INPATIENT, yearToDate: none, accountBalanceFen: 0 });
      } catch (error) {
        expect(error).toBeInstanceOf(SettlementInputError);
        expect((error as SettlementInputError).field).toBe(field);
        return;
      }
      throw new Error(`accepted ${field}`);
    };
    bad([], 'lines');
    bad([{ code: 'X', class: 'A', quantity: 1, amountFen: -1 }], 'lines.0.amountFen');
    bad([{ code: 'X', class: 'A', quantity: 1, amountFen: 1.5 }], 'lines.0.amountFen');
    bad([{ code: 'X', class: 'A', quantity: 1, amountFen: 1 }, { code: 'Y', class: 'B', quantity: 0, amountFen: 1 }], 'lines.1.quantity');
    bad([{ code: 'X', class: 'B', quantity: 1, amountFen: 1, selfPayRatioBp: 10_001 }], 'lines.0.selfPayRatioBp');
  });
});

describe('parametersFor: ratios by visit kind, institution level and person category', () => {
  const base = { ...INPATIENT };
  const table: SettlementRuleRow[] = [
    { ...base, fundRatioBp: 5_000, visitKind: 'outpatient', deductiblePer: 'year', deductibleFen: yuan(1_000) },
    { ...base, fundRatioBp: 9_000, visitKind: 'inpatient', institutionLevel: 1 },
    { ...base, fundRatioBp: 8_500, visitKind: 'inpatient', institutionLevel: 2 },
    { ...base, fundRatioBp: 8_000, visitKind: 'inpatient', institutionLevel: 3 },
    { ...base, fundRatioBp: 8_800, visitKind: 'inpatient', institutionLevel: 3, personCategory: 'retired' },
  ];
  it.each([
    [{ kind: 'outpatient', institutionLevel: 3, personCategory: 'employee' }, 5_000],
    [{ kind: 'inpatient', institutionLevel: 1, personCategory: 'employee' }, 9_000],
    [{ kind: 'inpatient', institutionLevel: 2, personCategory: 'retired' }, 8_500],
    [{ kind: 'inpatient', institutionLevel: 3, personCategory: 'employee' }, 8_000],
    [{ kind: 'inpatient', institutionLevel: 3, personCategory: 'retired' }, 8_800],
  ] as const)('%o → %i bp', (visit, ratio) => {
    expect(parametersFor(table, visit).fundRatioBp).toBe(ratio);
  });
  it('no row for the visit is an error naming the visit', () => {
    expect(() => parametersFor(table.slice(1), { kind: 'outpatient', institutionLevel: 1, personCategory: 'employee' })).toThrow(SettlementInputError);
  });
});
