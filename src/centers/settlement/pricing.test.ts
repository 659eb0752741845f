import { describe, expect, it } from 'vitest';
import { settle, type SettlementParameters } from './calculator.js';
import { catalogNote, priceLines, type CatalogFact, type CatalogFacts, type ClaimedLine, type Contradiction, type RegionRatios } from './pricing.js';

const CODES = { service: '310100001000000', drug: 'XA01ABD075A002010100483', consumable: 'C1234567890123456789', capped: 'XA10BHX010A001010104075', unknown: 'XZ99ZZZ999Z999999999999' };
const kindOf = (code: string) => (code.startsWith('X') ? 'drug-western' : code.startsWith('C') ? 'consumable' : 'service-item');

/** The demo catalog's view of the codes: the drug's own ratio 15 %, a capped drug at 3.05 a unit. */
const FACTS: Record<string, CatalogFact> = {
  [CODES.service]: { kind: 'service-item', class: 'A', selfPayPpm: 0, priceCapFen: null, version: 1 },
  [CODES.drug]: { kind: 'drug-western', class: 'B', selfPayPpm: 150_000, priceCapFen: null, version: 2 },
  [CODES.consumable]: { kind: 'consumable', class: 'C', selfPayPpm: 1_000_000, priceCapFen: null, version: 1 },
  [CODES.capped]: { kind: 'drug-western', class: 'B', selfPayPpm: 123_450, priceCapFen: 305, version: 2 },
};
const facts = (codes = Object.keys(FACTS)): CatalogFacts => ({
  date: '2019-03-15',
  versions: { 'drug-western': 2, consumable: 1, 'service-item': 1 },
  entries: new Map(codes.map((c) => [c, FACTS[c]])),
  kindOf,
});
const REGION: RegionRatios = { items: new Map(), rowBp: 1_000 };

/** DOMAIN.md's lines as scripts/domain-visit.ts sends them. */
const DOMAIN_CLAIMS: ClaimedLine[] = [
  { code: CODES.service, class: 'A', quantity: 1, amountFen: 1_400_000 },
  { code: CODES.drug, class: 'B', quantity: 10, amountFen: 500_000, selfPayRatioBp: 1_000 },
  { code: CODES.consumable, class: 'C', quantity: 2, amountFen: 100_000 },
];

describe('priceLines: class, share and cap from the facts; contradicting claims listed', () => {
  const cases: Array<{
    name: string;
    claims: ClaimedLine[];
    facts?: CatalogFacts;
    ratios?: RegionRatios;
    lines: Array<Record<string, unknown>>;
    contradictions: Array<Partial<Contradiction>>;
  }> = [
    {
      name: 'DOMAIN.md’s claims agree with the facts: the region’s 10 % beats the catalog’s 15 %',
      claims: DOMAIN_CLAIMS,
      lines: [
        { code: CODES.service, class: 'A', priceCapFen: null, catalogVersion: 1 },
        { code: CODES.drug, class: 'B', selfPayRatioBp: 1_000, ratioFrom: 'region', catalogVersion: 2 },
        { code: CODES.consumable, class: 'C', catalogVersion: 1 },
      ],
      contradictions: [],
    },
    {
      name: 'no claims at all: the same lines, nothing contradicted',
      claims: DOMAIN_CLAIMS.map(({ code, quantity, amountFen }) => ({ code, quantity, amountFen })),
      lines: [{ class: 'A' }, { class: 'B', selfPayRatioBp: 1_000 }, { class: 'C' }],
      contradictions: [],
    },
    {
      name: 'a drug code in no catalog claimed class B: outside the catalog, recorded',
      claims: [{ code: CODES.unknown, class: 'B', quantity: 1, amountFen: 10_000, selfPayRatioBp: 500 }],
      lines: [{ code: CODES.unknown, class: null, priceCapFen: null, catalogVersion: null }],
      contradictions: [{ rule: 'not_in_catalog', line: 0, code: CODES.unknown, claimed: 'B', applied: null, catalogKind: 'drug-western', catalogVersion: 2 }],
    },
    {
      name: 'a code outside the catalog claimed class C (self-paid anyway): nothing contradicted',
      claims: [{ code: CODES.unknown, class: 'C', quantity: 1, amountFen: 10_000 }],
      lines: [{ class: null }],
      contradictions: [],
    },
    {
      name: 'a code the catalog in force does not hold (removed, not yet published, not valid that day) is outside it',
      claims: [{ code: CODES.drug, class: 'B', quantity: 1, amountFen: 10_000, selfPayRatioBp: 1_000 }],
      facts: facts([CODES.service]),
      lines: [{ class: null, catalogVersion: null }],
      contradictions: [{ rule: 'not_in_catalog', claimed: 'B' }],
    },
    {
      name: 'class A claimed for a class B item: settled as B at the region’s share',
      claims: [{ code: CODES.drug, class: 'A', quantity: 1, amountFen: 10_000 }],
      lines: [{ class: 'B', selfPayRatioBp: 1_000, ratioFrom: 'region' }],
      contradictions: [{ rule: 'class_mismatch', claimed: 'A', applied: 'B', catalogVersion: 2 }],
    },
    {
      name: 'the region’s share for the item beats the row’s',
      claims: [{ code: CODES.drug, class: 'B', quantity: 1, amountFen: 10_000, selfPayRatioBp: 1_000 }],
      ratios: { items: new Map([[CODES.drug, 300]]), rowBp: 1_000 },
      lines: [{ class: 'B', selfPayRatioBp: 300, ratioFrom: 'item' }],
      contradictions: [{ rule: 'self_pay_ratio_mismatch', claimed: 1_000, applied: 300 }],
    },
    {
      name: 'no share of the region: the catalog entry’s ratio, ppm to bp half up (12.345 % → 1235 bp)',
      claims: [{ code: CODES.capped, quantity: 1, amountFen: 100 }],
      ratios: { items: new Map(), rowBp: null },
      lines: [{ class: 'B', selfPayRatioBp: 1_235, ratioFrom: 'catalog', priceCapFen: 305 }],
      contradictions: [],
    },
    {
      name: 'a price cap above the catalog’s: the catalog’s applies, recorded',
      claims: [{ code: CODES.capped, class: 'B', quantity: 10, amountFen: 5_000, selfPayRatioBp: 1_000, priceCapFen: 600 }],
      lines: [{ priceCapFen: 305 }],
      contradictions: [{ rule: 'price_cap_mismatch', claimed: 600, applied: 305 }],
    },
    {
      name: 'a price cap claimed where the catalog has none, and a share claimed for a class A item',
      claims: [{ code: CODES.service, class: 'A', quantity: 1, amountFen: 5_000, selfPayRatioBp: 500, priceCapFen: 100 }],
      lines: [{ class: 'A', priceCapFen: null }],
      contradictions: [
        { rule: 'self_pay_ratio_mismatch', claimed: 500, applied: 0 },
        { rule: 'price_cap_mismatch', claimed: 100, applied: null },
      ],
    },
    {
      name: 'class C claimed for a class A item',
      claims: [{ code: CODES.service, class: 'C', quantity: 1, amountFen: 5_000 }],
      lines: [{ class: 'A' }],
      contradictions: [{ rule: 'class_mismatch', claimed: 'C', applied: 'A' }],
    },
  ];

  it.each(cases)('$name', ({ claims, facts: given, ratios, lines, contradictions }) => {
    const priced = priceLines(claims, given ?? facts(), ratios ?? REGION);
    expect(priced.lines).toHaveLength(claims.length);
    priced.lines.forEach((line, i) => {
      expect(line, `line ${i}`).toMatchObject(lines[i]);
      // quantity and amount stay the institution's
      expect([line.quantity, line.amountFen]).toEqual([claims[i].quantity, claims[i].amountFen]);
    });
    expect(priced.contradictions).toHaveLength(contradictions.length);
    priced.contradictions.forEach((c, i) => expect(c).toMatchObject(contradictions[i]));
  });

  it('prices DOMAIN.md’s lines to its figures, and an over-cap claim to the catalog’s cap', () => {
    const parameters: SettlementParameters = {
      deductibleFen: 150_000,
      deductiblePer: 'visit',
      fundRatioBp: 8_500,
      ceilingFen: 30_000_000,
      accountUsable: true,
      ruleCodes: { deductible: 'D', fundRatio: 'R', ceiling: 'L', account: 'A' },
    };
    const priced = priceLines(DOMAIN_CLAIMS, facts(), REGION);
    const result = settle({ lines: priced.lines, parameters, yearToDate: { deductibleFen: 0, fundPaidFen: 0 }, accountBalanceFen: 200_000, catalog: priced.catalog });
    expect([result.fulamt_ownpay_amt, result.preselfpay_amt, result.inscp_scp_amt, result.hifp_pay, result.psn_cash_pay]).toEqual([100_000, 50_000, 1_850_000, 1_445_000, 355_000]);
    expect(result.why.preselfpay_amt).toMatchObject({ zh: '乙类先行自付 500.00 元：5000.00 元 × 10 %（统筹区比例） = 500.00 元' });
    expect(result.why.medfee_sumamt?.zh).toContain('按 2019-03-15 执行的医保目录（西药第 2 版、医用耗材第 1 版、医疗服务项目第 1 版）');

    // 10 units claimed under a cap of 6.00 a unit: the catalog's 3.05 leaves 19.50 above it, self-paid
    const capped = priceLines([{ code: CODES.capped, class: 'B', quantity: 10, amountFen: 5_000, priceCapFen: 600 }], facts(), REGION);
    const over = settle({ lines: capped.lines, parameters: { ...parameters, deductibleFen: 0 }, yearToDate: { deductibleFen: 0, fundPaidFen: 0 }, accountBalanceFen: 0 });
    expect([over.overlmt_selfpay, over.fulamt_ownpay_amt, over.preselfpay_amt]).toEqual([1_950, 1_950, 305]);
  });

  it('explains a line outside the catalog as wholly self-paid, naming the day', () => {
    const priced = priceLines([{ code: CODES.unknown, class: 'B', quantity: 1, amountFen: 10_000 }, ...DOMAIN_CLAIMS], facts(), REGION);
    const result = settle({
      lines: priced.lines,
      parameters: { deductibleFen: 0, deductiblePer: 'visit', fundRatioBp: 8_500, ceilingFen: 30_000_000, accountUsable: false, ruleCodes: { deductible: 'D', fundRatio: 'R', ceiling: 'L', account: 'A' } },
      yearToDate: { deductibleFen: 0, fundPaidFen: 0 },
      accountBalanceFen: 0,
      catalog: priced.catalog,
    });
    expect(result.fulamt_ownpay_amt).toBe(110_000);
    expect(result.lines[0]).toMatchObject({ class: null, ownPayFen: 10_000, inScopeFen: 0 });
    expect(result.why.fulamt_ownpay_amt).toEqual({
      rule: 'catalog.class_c+out_of_catalog+price_cap',
      zh: `丙类 1000.00 元全自费，目录外 100.00 元全自费（${CODES.unknown} 不在 2019-03-15 执行的医保目录内），超限价部分 0.00 元自费`,
      en: `class C 1000.00 yuan wholly self-paid, 100.00 yuan not in the catalog in force on 2019-03-15 (${CODES.unknown}): wholly self-paid, 0.00 yuan above price caps self-paid`,
    });
  });

  it('names the catalog versions, or that none was published', () => {
    expect(catalogNote({ date: '2019-03-15', versions: { 'drug-western': 3 } })).toEqual({ date: '2019-03-15', zh: '西药第 3 版', en: 'western drugs version 3' });
    expect(catalogNote({ date: '2018-12-31', versions: {} })).toMatchObject({ zh: '尚无已发布的目录版本' });
  });
});
