/**
 * 结算计算 the settlement calculator: visit + fee lines + year-to-date accumulations + the effective
 * policy → the national settlement fields (DOMAIN.md), every figure with the rule that produced it.
 * Pure and integer-only (fen); the policy is data that the policy center will hold.
 *
 * Order of the calculation, as the national interface defines the fields:
 *   1. per fee line: class C and a code outside the catalog in force (目录外, class null) are wholly
 *      self-paid (全自费); above a price cap is self-paid (超限价);
 *      of a class B line's allowed amount, its ratio is paid first by the person (乙类先行自付);
 *      the rest is in scope (符合范围).
 *   2. the deductible (起付线) comes off the in-scope amount: per visit, or per year less what the
 *      year has already borne.
 *   3. the pooled fund pays its ratio (by visit kind, institution level and person category) of what
 *      is above the deductible, up to what is left of the yearly ceiling (封顶线).
 *   4. the person's part (total − funds) is paid from the personal account up to its balance when
 *      the account may be used, and the rest in cash.
 */

import { plainYuan as yuan } from '../../kernel/money/index.js';

export type VisitKind = 'outpatient' | 'inpatient';
/** 甲类 / 乙类 / 丙类 */
export type ItemClass = 'A' | 'B' | 'C';

export interface Visit {
  kind: VisitKind;
  /** 医院等级 1–3 */
  institutionLevel: 1 | 2 | 3;
  /** 人员类别, e.g. employee / retired / resident */
  personCategory: string;
}

/** Whose 乙类先行自付比例 a class B line took: the region's for the item, the region's share, the catalog entry's. */
export type RatioSource = 'item' | 'region' | 'catalog';

/**
 * A fee line as the calculator takes it: class, ratio and cap are the platform's (the catalog in
 * force and the region's shares, settlement/pricing.ts), never the institution's claim.
 */
export interface FeeLine {
  /** 医保目录编码 */
  code: string;
  /** 甲 A / 乙 B / 丙 C; null: 目录外, not in the catalog in force on the visit date (wholly self-paid) */
  class: ItemClass | null;
  /** whole units */
  quantity: number;
  /** the line's amount in fen (what the institution charges) */
  amountFen: number;
  /** 乙类先行自付比例, basis points (class B only) */
  selfPayRatioBp?: number;
  /** 限价 the catalog's price cap per unit, fen */
  priceCapFen?: number | null;
  /** where a class B line's ratio came from, named in the explanation */
  ratioFrom?: RatioSource;
  /** the catalog version (of the code's kind) in force on the visit date that holds the code; null: 目录外 */
  catalogVersion?: number | null;
}

/** 年度累计 what this year's settlements have already borne. */
export interface YearToDate {
  deductibleFen: number;
  fundPaidFen: number;
}

/** The parameters that apply to one visit (chosen from the policy's table by `parametersFor`). */
export interface SettlementParameters {
  /** 起付线 deductible */
  deductibleFen: number;
  deductiblePer: 'visit' | 'year';
  /** 统筹支付比例 the pooled fund's ratio, basis points */
  fundRatioBp: number;
  /** 年度封顶线 the pooled fund's yearly ceiling */
  ceilingFen: number;
  /** whether the personal account may pay the person's part of this visit */
  accountUsable: boolean;
  /** rule codes, so each figure names the policy line that produced it */
  ruleCodes: { deductible: string; fundRatio: string; ceiling: string; account: string };
  /** 乙类先行自付比例 the pooling region's class B share for these visits, basis points (pricing applies it to the lines) */
  classBSelfPayBp?: number;
}

/** One row of the policy's table; absent selectors match anything, the most specific row wins. */
export interface SettlementRuleRow extends SettlementParameters {
  visitKind?: VisitKind;
  institutionLevel?: 1 | 2 | 3;
  personCategory?: string;
}

export interface Explanation {
  rule: string;
  zh: string;
  en: string;
}

/** The national settlement fields (fen), with why. */
export interface SettlementResult {
  medfee_sumamt: number;
  fulamt_ownpay_amt: number;
  /** 超限价自费 the part of fulamt_ownpay_amt above price caps */
  overlmt_selfpay: number;
  preselfpay_amt: number;
  inscp_scp_amt: number;
  act_pay_dedc: number;
  hifp_pay: number;
  /** 统筹区间自付 the person's share of the in-scope amount above the deductible */
  pool_prop_selfpay: number;
  fund_pay_sumamt: number;
  psn_part_amt: number;
  acct_pay: number;
  psn_cash_pay: number;
  balc: number;
  lines: Array<{ code: string; class: ItemClass | null; amountFen: number; ownPayFen: number; overCapFen: number; preSelfPayFen: number; inScopeFen: number }>;
  yearToDateAfter: YearToDate;
  why: Partial<Record<Exclude<keyof SettlementResult, 'lines' | 'yearToDateAfter' | 'why'>, Explanation>>;
}

export class SettlementInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const percent = (bp: number) => `${bp / 100} %`;
/** amount × bp / 10⁴, rounded half up to the fen */
const ofBp = (fen: number, bp: number) => Number((BigInt(fen) * BigInt(bp) + 5_000n) / 10_000n);

function fen(value: number, field: string) {
  if (!Number.isSafeInteger(value) || value < 0) throw new SettlementInputError(field, `${field} must be a non-negative integer number of fen`);
  return value;
}

function bp(value: number | undefined, field: string) {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0 || value > 10_000) throw new SettlementInputError(field, `${field} must be basis points 0–10000`);
  return value;
}

/** The parameters for a visit: the matching row with the most selectors set; none matching is an error. */
export function parametersFor(table: readonly SettlementRuleRow[], visit: Visit): SettlementParameters {
  let best: SettlementRuleRow | null = null;
  let bestScore = -1;
  for (const row of table) {
    if (row.visitKind !== undefined && row.visitKind !== visit.kind) continue;
    if (row.institutionLevel !== undefined && row.institutionLevel !== visit.institutionLevel) continue;
    if (row.personCategory !== undefined && row.personCategory !== visit.personCategory) continue;
    const score = Number(row.visitKind !== undefined) + Number(row.institutionLevel !== undefined) + Number(row.personCategory !== undefined);
    if (score > bestScore) [best, bestScore] = [row, score];
  }
  if (!best) throw new SettlementInputError('visit', `no settlement parameters for ${visit.kind}, level ${visit.institutionLevel}, ${visit.personCategory}`);
  const { visitKind: _k, institutionLevel: _l, personCategory: _c, ...parameters } = best;
  return parameters;
}

/** The catalog the lines were priced by, named in the explanations: the visit date and the versions in force, in both languages. */
export interface CatalogNote {
  /** `YYYY-MM-DD` */
  date: string;
  zh: string;
  en: string;
}

const RATIO_SOURCE: Record<RatioSource, { zh: string; en: string }> = {
  item: { zh: '统筹区单品比例', en: 'the region’s share for the item' },
  region: { zh: '统筹区比例', en: 'the region’s share' },
  catalog: { zh: '目录比例', en: 'the catalog’s ratio' },
};

/** Up to three codes, then how many more. */
function someCodes(codes: string[]) {
  const shown = codes.slice(0, 3).join('、');
  return codes.length > 3 ? { zh: `${shown} 等 ${codes.length} 项`, en: `${codes.slice(0, 3).join(', ')} and ${codes.length - 3} more` } : { zh: shown, en: codes.join(', ') };
}

/** Pre-settlement and settlement compute the same figures; only settlement records them. */
export function settle(input: {
  lines: readonly FeeLine[];
  parameters: SettlementParameters;
  yearToDate: YearToDate;
  accountBalanceFen: number;
  catalog?: CatalogNote;
}): SettlementResult {
  const { parameters: p, catalog } = input;
  if (!input.lines.length) throw new SettlementInputError('lines', 'at least one fee line');
  fen(p.deductibleFen, 'deductibleFen');
  fen(p.ceilingFen, 'ceilingFen');
  bp(p.fundRatioBp, 'fundRatioBp');
  const ytd = { deductibleFen: fen(input.yearToDate.deductibleFen, 'yearToDate.deductibleFen'), fundPaidFen: fen(input.yearToDate.fundPaidFen, 'yearToDate.fundPaidFen') };
  const balance = fen(input.accountBalanceFen, 'accountBalanceFen');

  // 1. fee lines
  const lines = input.lines.map((line, i) => {
    const amount = fen(line.amountFen, `lines.${i}.amountFen`);
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) throw new SettlementInputError(`lines.${i}.quantity`, 'quantity must be a positive whole number');
    if (line.class === 'C' || line.class === null) return { code: line.code, class: line.class, amountFen: amount, ownPayFen: amount, overCapFen: 0, preSelfPayFen: 0, inScopeFen: 0 };
    const cap = line.priceCapFen === null || line.priceCapFen === undefined ? null : fen(line.priceCapFen, `lines.${i}.priceCapFen`) * line.quantity;
    const overCap = cap === null ? 0 : Math.max(0, amount - cap);
    const allowed = amount - overCap;
    const preSelfPay = line.class === 'B' ? ofBp(allowed, bp(line.selfPayRatioBp, `lines.${i}.selfPayRatioBp`)) : 0;
    return { code: line.code, class: line.class, amountFen: amount, ownPayFen: overCap, overCapFen: overCap, preSelfPayFen: preSelfPay, inScopeFen: allowed - preSelfPay };
  });
  const sum = (pick: (l: (typeof lines)[number]) => number) => lines.reduce((a, l) => a + pick(l), 0);
  const total = sum((l) => l.amountFen);
  const ownPay = sum((l) => l.ownPayFen);
  const overCap = sum((l) => l.overCapFen);
  const preSelfPay = sum((l) => l.preSelfPayFen);
  const inScope = sum((l) => l.inScopeFen);
  const classC = sum((l) => (l.class === 'C' ? l.amountFen : 0));
  const outside = sum((l) => (l.class === null ? l.amountFen : 0));
  const outsideCodes = someCodes([...new Set(lines.filter((l) => l.class === null).map((l) => l.code))]);

  // class B lines by ratio and its source: "5000.00 yuan × 10 % (the region's share) = 500.00 yuan"
  const groups = new Map<string, { bp: number; from?: RatioSource; allowed: number; first: number }>();
  input.lines.forEach((line, i) => {
    if (line.class !== 'B') return;
    const bp = line.selfPayRatioBp ?? 0;
    const key = `${bp}|${line.ratioFrom ?? ''}`;
    const group = groups.get(key) ?? { bp, from: line.ratioFrom, allowed: 0, first: 0 };
    group.allowed += lines[i].amountFen - lines[i].overCapFen;
    group.first += lines[i].preSelfPayFen;
    groups.set(key, group);
  });
  const classBParts = (lang: 'zh' | 'en') =>
    [...groups.values()]
      .map((g) =>
        lang === 'zh'
          ? `${yuan(g.allowed)} 元 × ${percent(g.bp)}${g.from ? `（${RATIO_SOURCE[g.from].zh}）` : ''} = ${yuan(g.first)} 元`
          : `${yuan(g.allowed)} yuan × ${percent(g.bp)}${g.from ? ` (${RATIO_SOURCE[g.from].en})` : ''} = ${yuan(g.first)} yuan`,
      )
      .join(lang === 'zh' ? '；' : '; ');

  // 2. deductible
  const deductibleLeft = p.deductiblePer === 'year' ? Math.max(0, p.deductibleFen - ytd.deductibleFen) : p.deductibleFen;
  const deductible = Math.min(inScope, deductibleLeft);

  // 3. pooled fund, within the ceiling
  const byRatio = ofBp(inScope - deductible, p.fundRatioBp);
  const ceilingLeft = Math.max(0, p.ceilingFen - ytd.fundPaidFen);
  const fund = Math.min(byRatio, ceilingLeft);

  // 4. the person's part
  const person = total - fund;
  const account = p.accountUsable ? Math.min(balance, person) : 0;
  const cash = person - account;

  const why: SettlementResult['why'] = {
    medfee_sumamt: {
      rule: 'fee_lines',
      zh: `${lines.length} 条费用明细合计 ${yuan(total)} 元` + (catalog ? `；类别、先行自付比例与限价按 ${catalog.date} 执行的医保目录（${catalog.zh}）` : ''),
      en: `${lines.length} fee lines total ${yuan(total)} yuan` + (catalog ? `; classes, self-pay shares and price caps from the catalog in force on ${catalog.date} (${catalog.en})` : ''),
    },
    fulamt_ownpay_amt: {
      rule: outside ? 'catalog.class_c+out_of_catalog+price_cap' : 'catalog.class_c+price_cap',
      zh:
        `丙类 ${yuan(classC)} 元全自费，` +
        (outside ? `目录外 ${yuan(outside)} 元全自费（${outsideCodes.zh} 不在${catalog ? ` ${catalog.date} ` : ''}执行的医保目录内），` : '') +
        `超限价部分 ${yuan(overCap)} 元自费`,
      en:
        `class C ${yuan(classC)} yuan wholly self-paid, ` +
        (outside ? `${yuan(outside)} yuan not in the catalog in force${catalog ? ` on ${catalog.date}` : ''} (${outsideCodes.en}): wholly self-paid, ` : '') +
        `${yuan(overCap)} yuan above price caps self-paid`,
    },
    overlmt_selfpay: { rule: 'catalog.price_cap', zh: `超出目录限价 ${yuan(overCap)} 元`, en: `${yuan(overCap)} yuan above catalog price caps` },
    preselfpay_amt: {
      rule: 'catalog.class_b',
      zh: groups.size ? `乙类先行自付 ${yuan(preSelfPay)} 元：${classBParts('zh')}` : '没有乙类项目，先行自付 0.00 元',
      en: groups.size ? `class B self-paid first ${yuan(preSelfPay)} yuan: ${classBParts('en')}` : 'no class B items: nothing self-paid first',
    },
    inscp_scp_amt: {
      rule: 'scope',
      zh: `符合范围 = ${yuan(total)} − ${yuan(ownPay)} − ${yuan(preSelfPay)} = ${yuan(inScope)} 元`,
      en: `in scope = ${yuan(total)} − ${yuan(ownPay)} − ${yuan(preSelfPay)} = ${yuan(inScope)} yuan`,
    },
    act_pay_dedc: {
      rule: p.ruleCodes.deductible,
      zh:
        p.deductiblePer === 'year'
          ? `年度起付线 ${yuan(p.deductibleFen)} 元，本年已负担 ${yuan(ytd.deductibleFen)} 元，本次 ${yuan(deductible)} 元`
          : `每次起付线 ${yuan(p.deductibleFen)} 元，本次 ${yuan(deductible)} 元`,
      en:
        p.deductiblePer === 'year'
          ? `yearly deductible ${yuan(p.deductibleFen)} yuan, ${yuan(ytd.deductibleFen)} yuan borne this year, ${yuan(deductible)} yuan now`
          : `deductible per visit ${yuan(p.deductibleFen)} yuan, ${yuan(deductible)} yuan now`,
    },
    hifp_pay: {
      rule: fund < byRatio ? p.ruleCodes.ceiling : p.ruleCodes.fundRatio,
      zh:
        `(${yuan(inScope)} − ${yuan(deductible)}) × ${percent(p.fundRatioBp)} = ${yuan(byRatio)} 元` +
        (fund < byRatio ? `；年度封顶线 ${yuan(p.ceilingFen)} 元，本年已支付 ${yuan(ytd.fundPaidFen)} 元，统筹支付 ${yuan(fund)} 元` : ''),
      en:
        `(${yuan(inScope)} − ${yuan(deductible)}) × ${percent(p.fundRatioBp)} = ${yuan(byRatio)} yuan` +
        (fund < byRatio ? `; yearly ceiling ${yuan(p.ceilingFen)} yuan with ${yuan(ytd.fundPaidFen)} yuan paid this year: the fund pays ${yuan(fund)} yuan` : ''),
    },
    psn_part_amt: { rule: 'person_part', zh: `个人负担 = ${yuan(total)} − ${yuan(fund)} = ${yuan(person)} 元`, en: `person's part = ${yuan(total)} − ${yuan(fund)} = ${yuan(person)} yuan` },
    acct_pay: {
      rule: p.ruleCodes.account,
      zh: p.accountUsable ? `个人账户余额 ${yuan(balance)} 元，支付 ${yuan(account)} 元` : '本次就医不可使用个人账户',
      en: p.accountUsable ? `personal account balance ${yuan(balance)} yuan pays ${yuan(account)} yuan` : 'the personal account may not pay for this visit',
    },
    psn_cash_pay: { rule: 'cash', zh: `现金支付 ${yuan(person)} − ${yuan(account)} = ${yuan(cash)} 元`, en: `cash ${yuan(person)} − ${yuan(account)} = ${yuan(cash)} yuan` },
  };

  return {
    medfee_sumamt: total,
    fulamt_ownpay_amt: ownPay,
    overlmt_selfpay: overCap,
    preselfpay_amt: preSelfPay,
    inscp_scp_amt: inScope,
    act_pay_dedc: deductible,
    hifp_pay: fund,
    pool_prop_selfpay: inScope - deductible - fund,
    fund_pay_sumamt: fund,
    psn_part_amt: person,
    acct_pay: account,
    psn_cash_pay: cash,
    balc: balance - account,
    lines,
    yearToDateAfter: { deductibleFen: ytd.deductibleFen + deductible, fundPaidFen: ytd.fundPaidFen + fund },
    why,
  };
}
