import { DomainError } from '../../kernel/errors/index.js';
import { applyRate, baseBounds, clampToBounds, type BaseApplied } from './base.js';
import { percentOfBp, percentOfPpm, yuan } from '../../kernel/money/index.js';
import { ageInMonth, effectiveVersion, monthKey } from './month.js';
import type { BaseRuleVersion, Bilingual, CollectionRuleVersion, Flow, Fund, Payer, PayerShare, Periodicity, PersonFacts, WageVersion } from './types.js';

/** One receivable (应收) line: one payer share that applies to the person in the month. */
export interface ReceivableLine {
  /** the payer share's rule code */
  ruleCode: string;
  payer: Payer;
  fund: Fund;
  flow: Flow;
  periodicity: Periodicity;
  baseKind: string;
  declaredFen: number;
  /** the base the rate applied to, after clamping */
  baseFen: number;
  baseApplied: BaseApplied;
  /** the base rule code that clamped the base (lower / upper bound), or null */
  baseRuleCode: string | null;
  ratePpm: number;
  /** baseFen × ratePpm / 10⁶, rounded half up to the fen */
  amountFen: number;
  /** the collection rule version that produced the line */
  ruleVersionId: string;
  explanation: Bilingual;
}

type OneOrMany<T> = T | readonly T[] | null | undefined;

const PAYER_NAME: Record<Payer, Bilingual> = {
  unit: { zh: '单位缴费', en: 'Unit share' },
  person: { zh: '个人缴费', en: 'Personal share' },
  fiscal: { zh: '财政补助', en: 'Fiscal subsidy' },
};
const FUND_NAME: Record<Exclude<Fund, 'none'>, Bilingual> = {
  pooled_fund: { zh: '统筹基金', en: 'the pooled fund' },
  personal_account: { zh: '个人账户', en: 'the personal account' },
};

/** A receivable line as the monthly run stores it: the explanation is given again when a line is read. */
export type ReceivableAmount = Omit<ReceivableLine, 'explanation'>;

/**
 * 应收核定 the receivable lines of one person for one month: one line per payer share of the
 * effective collection rule whose conditions the person meets, in the rule's order.
 *
 * - Only published versions covering the month apply (drafts and voided versions are ignored); with
 *   no effective collection rule there is nothing to collect and the result is empty.
 * - A share on the base rule's `baseKind` uses the declared base clamped to the bounds of the social
 *   average wage of year (month's year + `wageYearOffset`) in the base rule's region; a share on
 *   another base kind uses that declared base as it is.
 * - A yearly share produces its line only in its `dueMonth` (January unless set), computed on the
 *   same monthly base.
 * - Amount: base × rate, rounded half up to the fen.
 * Missing configuration or facts a line needs (base rule, wage, a declared base) is a 422, never a guess.
 */
export function receivableLines(
  facts: PersonFacts,
  month: string,
  baseRules: OneOrMany<BaseRuleVersion>,
  collectionRules: OneOrMany<CollectionRuleVersion>,
  wages: OneOrMany<WageVersion>,
): ReceivableLine[] {
  return linesOf(resolve(month, baseRules, collectionRules, wages), facts, true) as ReceivableLine[];
}

/**
 * `receivableLines` for many persons of one month under the same parameters (the monthly run): the
 * versions, the wage and the bounds are resolved once, and no explanation is written. A fault of the
 * parameters (no base rule, rules of another region) is thrown for each person, as `receivableLines`
 * would.
 */
export function receivableCalculator(
  month: string,
  baseRules: OneOrMany<BaseRuleVersion>,
  collectionRules: OneOrMany<CollectionRuleVersion>,
  wages: OneOrMany<WageVersion>,
): (facts: PersonFacts) => ReceivableAmount[] {
  let resolved: Resolved;
  try {
    resolved = resolve(month, baseRules, collectionRules, wages);
  } catch (error) {
    return () => {
      throw error;
    };
  }
  return (facts) => linesOf(resolved, facts, false);
}

/** What every person's lines of a month share. */
interface Resolved {
  month: string;
  key: number;
  collection: CollectionRuleVersion | null;
  baseRule: BaseRuleVersion | null;
  wageYear: number;
  wage: WageVersion | null;
  bounds: { lowerFen: number; upperFen: number } | null;
}

function resolve(month: string, baseRules: OneOrMany<BaseRuleVersion>, collectionRules: OneOrMany<CollectionRuleVersion>, wages: OneOrMany<WageVersion>): Resolved {
  const key = monthKey(month);
  const collection = effectiveVersion(collectionRules, month);
  if (!collection) return { month, key, collection: null, baseRule: null, wageYear: 0, wage: null, bounds: null };
  const baseRule = effectiveVersion(baseRules, month);
  if (!baseRule) throw new DomainError('policy.base_rule_missing', 'unprocessable', { insuranceType: collection.insuranceType, regionCode: collection.regionCode, month });
  if (baseRule.insuranceType !== collection.insuranceType || baseRule.regionCode !== collection.regionCode) {
    throw new DomainError('policy.rules_mismatch', 'unprocessable', { base: `${baseRule.insuranceType}/${baseRule.regionCode}`, collection: `${collection.insuranceType}/${collection.regionCode}` });
  }
  const wageYear = Math.floor(key / 100) + baseRule.wageYearOffset;
  const wageList = wages === null || wages === undefined ? [] : Array.isArray(wages) ? (wages as readonly WageVersion[]) : [wages as WageVersion];
  const wageCandidates = wageList.filter((w) => w.status === 'published' && w.regionCode === baseRule.regionCode && w.year === wageYear);
  if (wageCandidates.length > 1) throw new DomainError('policy.ambiguous', 'unprocessable', { month, ids: wageCandidates.map((w) => w.id).join(', ') });
  const wage = wageCandidates[0] ?? null;
  return { month, key, collection, baseRule, wageYear, wage, bounds: wage ? baseBounds(wage.monthlyFen, baseRule) : null };
}

function linesOf(resolved: Resolved, facts: PersonFacts, withExplanation: boolean): Array<ReceivableAmount | ReceivableLine> {
  const { month, key, collection, baseRule, wage, bounds } = resolved;
  if (!collection || !baseRule) return [];
  let age: number | undefined;
  const ageNow = () => (age ??= ageInMonth(facts.birthDate, month));
  const lines: Array<ReceivableAmount | ReceivableLine> = [];
  for (const share of collection.shares) {
    const met = conditionsMet(share, facts, ageNow, withExplanation);
    if (!met) continue;
    if (share.periodicity === 'yearly' && key % 100 !== (share.dueMonth ?? 1)) continue;
    const declaredFen = facts.bases[share.baseKind];
    if (declaredFen === undefined || declaredFen === null) {
      throw new DomainError('policy.base_missing', 'unprocessable', { baseKind: share.baseKind, ruleCode: share.ruleCode }, `bases.${share.baseKind}`);
    }
    let base: { baseFen: number; applied: BaseApplied; ruleCode: string | null; lowerFen?: number; upperFen?: number };
    if (share.baseKind === baseRule.baseKind) {
      if (!wage || !bounds) throw new DomainError('policy.wage_missing', 'unprocessable', { regionCode: baseRule.regionCode, year: resolved.wageYear });
      base = clampToBounds(declaredFen, bounds, baseRule);
    } else {
      base = { baseFen: declaredFen, applied: 'declared', ruleCode: null };
    }
    const amountFen = applyRate(base.baseFen, share.ratePpm);
    const line: ReceivableAmount = {
      ruleCode: share.ruleCode,
      payer: share.payer,
      fund: share.fund,
      flow: share.flow,
      periodicity: share.periodicity,
      baseKind: share.baseKind,
      declaredFen,
      baseFen: base.baseFen,
      baseApplied: base.applied,
      baseRuleCode: base.ruleCode,
      ratePpm: share.ratePpm,
      amountFen,
      ruleVersionId: collection.id,
    };
    lines.push(withExplanation ? { ...line, explanation: explain(share, met, { ...base, declaredFen, wage, baseRule }, amountFen, month) } : line);
  }
  return lines;
}

interface Met {
  zh: string[];
  en: string[];
}

/** The conditions that held, described when `describe` (the run keeps no words); null when one fails. */
function conditionsMet(share: PayerShare, facts: PersonFacts, age: () => number, describe: boolean): Met | null {
  const c = share.conditions ?? {};
  const met: Met = { zh: [], en: [] };
  const say = (zh: () => string, en: () => string) => {
    if (!describe) return;
    met.zh.push(zh());
    met.en.push(en());
  };
  if (c.retired !== undefined && c.retired !== null) {
    if (facts.retired !== c.retired) return null;
    say(() => (c.retired ? '退休' : '在职'), () => (c.retired ? 'retired' : 'not retired'));
  }
  if (c.ageAtMost !== undefined && c.ageAtMost !== null) {
    if (!(age() <= c.ageAtMost)) return null;
    say(() => `年龄 ${age()} ≤ ${c.ageAtMost}`, () => `aged ${age()} ≤ ${c.ageAtMost}`);
  }
  if (c.ageAbove !== undefined && c.ageAbove !== null) {
    if (!(age() > c.ageAbove)) return null;
    say(() => `年龄 ${age()} > ${c.ageAbove}`, () => `aged ${age()} > ${c.ageAbove}`);
  }
  if (c.categories?.length) {
    if (!facts.category || !c.categories.includes(facts.category)) return null;
    say(() => `人员类别 ${facts.category}`, () => `person category ${facts.category}`);
  }
  return met;
}

function explain(
  share: PayerShare,
  met: Met,
  base: { baseFen: number; declaredFen: number; applied: BaseApplied; ruleCode: string | null; lowerFen?: number; upperFen?: number; wage: WageVersion | null; baseRule: BaseRuleVersion },
  amountFen: number,
  month: string,
): Bilingual {
  const payer = PAYER_NAME[share.payer];
  const rate = percentOfPpm(share.ratePpm);
  const zh: string[] = [`${month} ${payer.zh}：缴费基数 ${yuan(base.baseFen)} 元 × ${rate} = ${yuan(amountFen)} 元（规则 ${share.ruleCode}）`];
  const en: string[] = [`${month} ${payer.en}: base ${yuan(base.baseFen)} yuan × ${rate} = ${yuan(amountFen)} yuan (rule ${share.ruleCode})`];
  if (base.applied !== 'declared' && base.wage) {
    const bound = base.applied === 'lower' ? base.baseRule.lowerBoundBp : base.baseRule.upperBoundBp;
    const wageText = `${base.wage.year} 年社平工资 ${yuan(base.wage.monthlyFen)} 元`;
    zh.push(
      `申报基数 ${yuan(base.declaredFen)} 元${base.applied === 'lower' ? '低于下限' : '高于上限'}，按${wageText}的 ${percentOfBp(bound)} 核定（规则 ${base.ruleCode}）`,
    );
    en.push(
      `declared ${yuan(base.declaredFen)} yuan is ${base.applied === 'lower' ? 'below the lower' : 'above the upper'} bound, ${percentOfBp(bound)} of the ${base.wage.year} social average wage ${yuan(base.wage.monthlyFen)} yuan (rule ${base.ruleCode})`,
    );
  } else {
    zh.push('按申报基数');
    en.push('base as declared');
  }
  if (met.zh.length) {
    zh.push(`适用条件：${met.zh.join('，')}`);
    en.push(`applies when ${met.en.join(', ')}`);
  }
  if (share.periodicity === 'yearly') {
    zh.push(`按年缴纳，于 ${share.dueMonth ?? 1} 月计征`);
    en.push(`yearly, raised in month ${share.dueMonth ?? 1}`);
  }
  if (share.fund !== 'none') {
    const fund = FUND_NAME[share.fund];
    zh.push(share.flow === 'from' ? `从${fund.zh}划转` : `计入${fund.zh}`);
    en.push(share.flow === 'from' ? `drawn from ${fund.en}` : `paid into ${fund.en}`);
  }
  return { zh: zh.join('；'), en: en.join('; ') };
}
