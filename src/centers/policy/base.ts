import type { BaseRuleBody } from './types.js';

export type BaseApplied = 'lower' | 'upper' | 'declared';

export interface ClampedBase {
  /** the contribution base that applies, in fen */
  baseFen: number;
  declaredFen: number;
  lowerFen: number;
  upperFen: number;
  /** which one applied: the lower bound, the upper bound, or the declared base */
  applied: BaseApplied;
  /** the rule code of the bound that applied; null when the declared base stands */
  ruleCode: string | null;
}

export type BoundsRule = Pick<BaseRuleBody, 'lowerBoundBp' | 'upperBoundBp' | 'lowerRuleCode' | 'upperRuleCode'>;

const BP = 10_000n;

function assertFen(value: number, name: string) {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer number of fen, got ${value}`);
}

/**
 * The bounds in fen. Rounding (to the fen): both bounds round inward, so the base never leaves the
 * percentages the policy states: the lower bound rounds UP, the upper bound rounds DOWN.
 * E.g. 60 % of 5,123.45 yuan is exactly 3,074.07; 65 % of it (3,330.2425) is 3,330.25 as a lower
 * bound; 333 % of it (17,061.0885) is 17,061.08 as an upper bound.
 */
export function baseBounds(socialAverageWageFen: number, rule: Pick<BaseRuleBody, 'lowerBoundBp' | 'upperBoundBp'>) {
  assertFen(socialAverageWageFen, 'socialAverageWageFen');
  const wage = BigInt(socialAverageWageFen);
  const lower = (wage * BigInt(rule.lowerBoundBp) + BP - 1n) / BP;
  const upper = (wage * BigInt(rule.upperBoundBp)) / BP;
  return { lowerFen: Number(lower), upperFen: Number(upper) };
}

/**
 * 缴费基数核定 clamps a declared base to [lower, upper] of the monthly social average wage and says
 * which rule applied. A base exactly on a bound is as declared (no bound was needed).
 */
export function clampBase(declaredFen: number, socialAverageWageFen: number, rule: BoundsRule): ClampedBase {
  return clampToBounds(declaredFen, baseBounds(socialAverageWageFen, rule), rule);
}

/** `clampBase` with the bounds worked out already (once for a month's many persons). */
export function clampToBounds(declaredFen: number, bounds: { lowerFen: number; upperFen: number }, rule: BoundsRule): ClampedBase {
  assertFen(declaredFen, 'declaredFen');
  const { lowerFen, upperFen } = bounds;
  if (lowerFen > upperFen) throw new RangeError(`lower bound ${rule.lowerBoundBp} bp lies above upper bound ${rule.upperBoundBp} bp`);
  if (declaredFen < lowerFen) return { declaredFen, lowerFen, upperFen, baseFen: lowerFen, applied: 'lower', ruleCode: rule.lowerRuleCode };
  if (declaredFen > upperFen) return { declaredFen, lowerFen, upperFen, baseFen: upperFen, applied: 'upper', ruleCode: rule.upperRuleCode };
  return { declaredFen, lowerFen, upperFen, baseFen: declaredFen, applied: 'declared', ruleCode: null };
}

/**
 * base × rate, rounded half up to the fen (四舍五入到分): 0.5 fen and above rounds up. Integer
 * arithmetic throughout; the rate is in parts per million.
 */
export function applyRate(baseFen: number, ratePpm: number): number {
  assertFen(baseFen, 'baseFen');
  if (!Number.isSafeInteger(ratePpm) || ratePpm < 0) throw new RangeError(`ratePpm must be a non-negative integer, got ${ratePpm}`);
  const scaled = baseFen * ratePpm + 500_000;
  // Below 2⁵³ the product is exact in a double, and so is the floor of its quotient: the quotient stays
  // under 2³⁴, where a double's spacing (2⁻¹⁹) is under twice the smallest distance of n/10⁶ from an
  // integer (10⁻⁶), so rounding never carries it across one. Larger products take BigInt.
  if (Number.isSafeInteger(scaled)) return Math.floor(scaled / 1_000_000);
  return Number((BigInt(baseFen) * BigInt(ratePpm) + 500_000n) / 1_000_000n);
}
