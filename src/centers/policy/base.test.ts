import { describe, expect, it } from 'vitest';
import { applyRate, baseBounds, clampBase, type BoundsRule } from './base.js';

const rule: BoundsRule = { lowerBoundBp: 6_000, upperBoundBp: 30_000, lowerRuleCode: '1000101', upperRuleCode: '1000102' };

describe('clampBase: declared base within 60 %–300 % of the social average wage', () => {
  // wage 3,000.00 → bounds 1,800.00 – 9,000.00
  it.each([
    ['as declared (DOMAIN.md 110001)', 200_000, 300_000, 200_000, 'declared', null],
    ['as declared (DOMAIN.md 110002)', 220_000, 300_000, 220_000, 'declared', null],
    ['below 60 % → lower bound', 100_000, 300_000, 180_000, 'lower', '1000101'],
    ['zero declared → lower bound', 0, 300_000, 180_000, 'lower', '1000101'],
    ['above 300 % → upper bound', 1_200_000, 300_000, 900_000, 'upper', '1000102'],
    ['exactly the lower bound stands as declared', 180_000, 300_000, 180_000, 'declared', null],
    ['exactly the upper bound stands as declared', 900_000, 300_000, 900_000, 'declared', null],
    ['one fen under the lower bound', 179_999, 300_000, 180_000, 'lower', '1000101'],
    ['one fen over the upper bound', 900_001, 300_000, 900_000, 'upper', '1000102'],
    ['60 % of 5,123.45 is exactly 3,074.07', 300_000, 512_345, 307_407, 'lower', '1000101'],
    ['300 % of 5,123.45 is exactly 15,370.35', 2_000_000, 512_345, 1_537_035, 'upper', '1000102'],
  ] as const)('%s', (_, declared, wage, base, applied, ruleCode) => {
    expect(clampBase(declared, wage, rule)).toMatchObject({ baseFen: base, applied, ruleCode, declaredFen: declared });
  });
});

describe('bounds round inward to the fen: lower up, upper down', () => {
  it.each([
    // wage, lower bp, upper bp → lower fen, upper fen
    [512_345, 6_000, 30_000, 307_407, 1_537_035], // exact: 3,074.07 / 15,370.35
    [512_345, 6_500, 33_300, 333_025, 1_706_108], // 3,330.2425 → 3,330.25; 17,061.0885 → 17,061.08
    [512_347, 6_000, 30_000, 307_409, 1_537_041], // 3,074.082 → 3,074.09
    [100_001, 6_000, 25_000, 60_001, 250_002], // 600.006 → 600.01; 2,500.025 → 2,500.02
    [99_999, 0, 10_000, 0, 99_999], // no lower bound; 100 %
  ])('wage %i fen, %i–%i bp → %i–%i fen', (wage, lowerBoundBp, upperBoundBp, lowerFen, upperFen) => {
    expect(baseBounds(wage, { lowerBoundBp, upperBoundBp })).toEqual({ lowerFen, upperFen });
  });

  it('a base clamped to a rounded bound never leaves the stated percentages', () => {
    const clamped = clampBase(1, 512_345, { ...rule, lowerBoundBp: 6_500 });
    expect(clamped.baseFen * 10_000).toBeGreaterThanOrEqual(512_345 * 6_500);
    expect((clamped.baseFen - 1) * 10_000).toBeLessThan(512_345 * 6_500);
  });

  it('refuses fractions of a fen and negative amounts', () => {
    expect(() => clampBase(100.5, 300_000, rule)).toThrow(RangeError);
    expect(() => clampBase(-1, 300_000, rule)).toThrow(RangeError);
    expect(() => clampBase(100, 300_000.1, rule)).toThrow(RangeError);
  });
});

describe('applyRate: base × rate (ppm), rounded half up to the fen', () => {
  it.each([
    [200_000, 1_000, 200], // 2,000.00 × 0.1 % = 2.00
    [200_000, 2_000, 400], // × 0.2 % = 4.00
    [220_000, 3_000, 660], // 2,200.00 × 0.3 % = 6.60
    [220_000, 1_000, 220], // × 0.1 % = 2.20
    [250, 2_000, 1], // 0.5 fen → up
    [249, 2_000, 0], // 0.498 fen → down
    [307_407, 2_000, 615], // 614.814 → 615
    [307_407, 1_000, 307], // 307.407 → 307
    [123_456, 5_000, 617], // 617.28 → 617
    [123_457, 5_000, 617], // 617.285 → 617
    [123_459, 5_000, 617], // 617.295 → 617
    [123_470, 5_000, 617], // 617.35 → 617
    [123_500, 5_000, 618], // 617.5 → 618
    [0, 3_000, 0],
    [10_000_000_000, 300_000, 3_000_000_000], // far above any real base: still exact
    [8_999_999_999_499_999, 1, 8_999_999_999], // a quotient a millionth short of the next fen, where a double is coarsest
    [9_007_199_254_740_991, 1_000_000, 9_007_199_254_740_991], // past 2⁵³ in the product: exact all the same
  ])('%i fen × %i ppm = %i fen', (base, ppm, amount) => {
    expect(applyRate(base, ppm)).toBe(amount);
  });

  it('agrees with exact integer arithmetic across the range of bases and rates', () => {
    let seed = 7;
    const next = (below: number) => (seed = (seed * 48_271) % 2_147_483_647) % below;
    for (let i = 0; i < 20_000; i++) {
      const base = next(2) ? next(10_000_000) : Math.floor(Number.MAX_SAFE_INTEGER / (1 + next(1_000_000))) - next(1_000);
      const ppm = next(1_000_001);
      expect(applyRate(base, ppm)).toBe(Number((BigInt(base) * BigInt(ppm) + 500_000n) / 1_000_000n));
    }
  });
});
