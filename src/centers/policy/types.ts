/**
 * 政策参数 the policy center's vocabulary, shared by the pure calculators, the service and other
 * centers (through index.ts). Everything local to a pooling region is data of these shapes.
 *
 * Units, chosen once for the whole center and carried in the field names:
 * - money: integer fen (`…Fen`);
 * - contribution rates: integer parts per million (`ratePpm`): 0.1 % = 1 000, 0.2 % = 2 000, 8 % = 80 000;
 * - base bounds as a share of the social average wage: integer basis points (`…Bp`): 60 % = 6 000, 300 % = 30 000;
 * - months: `YYYY-MM` text at the edges, `yyyymm` integers (201901) in the database.
 */

/**
 * 参保类别 how a person is enrolled in an insurance type: 单位职工 employee through a unit, 灵活就业人员
 * flexible worker paying alone on a base they choose, 城乡居民 resident. Which of them a type admits
 * is policy data (`insurance_types.enrollment_kinds`).
 */
export const ENROLLMENT_KINDS = ['employee', 'flexible', 'resident'] as const;
export type EnrollmentKind = (typeof ENROLLMENT_KINDS)[number];

export const POLICY_KINDS = ['wage', 'base', 'collection', 'settlement'] as const;
/** wage: 社平工资; base: 缴费基数规则; collection: 征缴规则; settlement: 结算政策 */
export type PolicyKind = (typeof POLICY_KINDS)[number];

/** 编制 → 审核 → 发布 → 作废; only published versions apply. */
export const POLICY_STATUSES = ['draft', 'reviewed', 'published', 'voided'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/** 缴费主体 unit (单位), person (个人), fiscal subsidy (财政补助). */
export const PAYERS = ['unit', 'person', 'fiscal'] as const;
export type Payer = (typeof PAYERS)[number];

/**
 * The fund a share moves through: 统筹基金 pooled fund, 个人账户 personal account, or none (the payer
 * pays from its own money, e.g. the fiscal budget). `flow` says which way: `from` the fund (a transfer,
 * as the long-term-care shares are drawn from employee medical insurance) or `to` it (ordinary collection).
 */
export const FUNDS = ['pooled_fund', 'personal_account', 'none'] as const;
export type Fund = (typeof FUNDS)[number];
export const FLOWS = ['from', 'to'] as const;
export type Flow = (typeof FLOWS)[number];

/** monthly: a line every month; yearly: one line a year, in `dueMonth`, on the same monthly base. */
export const PERIODICITIES = ['monthly', 'yearly'] as const;
export type Periodicity = (typeof PERIODICITIES)[number];

export interface PolicyPeriod {
  /** first month the version applies, `YYYY-MM` */
  effectiveFrom: string;
  /** last month it applies (inclusive), or null: open-ended */
  effectiveTo: string | null;
}

export interface VersionHeader extends PolicyPeriod {
  id: string;
  kind: PolicyKind;
  /** null for a social average wage, which belongs to the region, not to one insurance type */
  insuranceType: string | null;
  /** 统筹区 6-digit pooling region code */
  regionCode: string;
  /** 1, 2, … within (kind, insurance type, region) */
  version: number;
  status: PolicyStatus;
}

/** 社平工资 the region's monthly social average wage for a calendar year. */
export interface WageBody {
  year: number;
  monthlyFen: number;
}

/** 缴费基数规则 which declared base is clamped, and to which share of the social average wage. */
export interface BaseRuleBody {
  /** the declared base this rule clamps, e.g. `medical` (职工医保缴费基数) */
  baseKind: string;
  /** lower bound in basis points of the monthly social average wage (6 000 = 60 %) */
  lowerBoundBp: number;
  /** upper bound in basis points (30 000 = 300 %) */
  upperBoundBp: number;
  /** rule code reported when the lower bound applies (e.g. 1000101) */
  lowerRuleCode: string;
  /** rule code reported when the upper bound applies (e.g. 1000102) */
  upperRuleCode: string;
  /** which year's wage bounds month M: 0 the same year, -1 the year before */
  wageYearOffset: number;
}

/** Conditions a person must meet for a share to apply; absent ones do not restrict. */
export interface ShareConditions {
  /** applies when age in the contribution month ≤ N */
  ageAtMost?: number | null;
  /** applies when age in the contribution month > N */
  ageAbove?: number | null;
  /** applies only to retired (true) or only to not retired (false) persons */
  retired?: boolean | null;
  /** applies only to these person categories (人员类别) */
  categories?: string[] | null;
}

/** One payer's share of a collection rule. */
export interface PayerShare {
  /** the share's rule code, unique within its rule; reported on every line it produces */
  ruleCode: string;
  payer: Payer;
  /** the declared base the rate applies to; clamped when it is the base rule's `baseKind` */
  baseKind: string;
  /** parts per million of the base (1 000 = 0.1 %) */
  ratePpm: number;
  periodicity: Periodicity;
  /** yearly shares: the calendar month (1–12) whose receivable carries the line; null for monthly */
  dueMonth: number | null;
  fund: Fund;
  flow: Flow;
  conditions: ShareConditions;
}

export interface CollectionRuleBody {
  shares: PayerShare[];
}

/** 就诊类型 outpatient (门诊) or inpatient (住院). */
export const VISIT_KINDS = ['outpatient', 'inpatient'] as const;
export type SettlementVisitKind = (typeof VISIT_KINDS)[number];

/** 起付线计算方式 the deductible applies to each visit, or once a year (less what the year has borne). */
export const DEDUCTIBLE_PERIODS = ['visit', 'year'] as const;
export type DeductiblePeriod = (typeof DEDUCTIBLE_PERIODS)[number];

/**
 * 结算政策 one row of a settlement policy: the parameters for the visits its selectors match. Absent
 * selectors match anything; the settlement center picks the matching row with the most selectors.
 * The same shape as the settlement calculator's `SettlementRuleRow`.
 */
export interface SettlementRule {
  visitKind?: SettlementVisitKind;
  /** 医院等级 1–3 */
  institutionLevel?: 1 | 2 | 3;
  /** 人员类别, e.g. employee / flexible / resident / retired */
  personCategory?: string;
  /** 起付线 deductible, fen */
  deductibleFen: number;
  deductiblePer: DeductiblePeriod;
  /** 统筹支付比例 the pooled fund's ratio, basis points (8500 = 85 %) */
  fundRatioBp: number;
  /** 年度封顶线 the pooled fund's yearly ceiling, fen */
  ceilingFen: number;
  /** whether the personal account may pay the person's part */
  accountUsable: boolean;
  ruleCodes: { deductible: string; fundRatio: string; ceiling: string; account: string };
  /**
   * 乙类先行自付比例 the pooling region's share of a class B item's allowed amount the person pays
   * first, basis points (1000 = 10 %), for the visits this row matches; absent: the catalog entry's.
   */
  classBSelfPayBp?: number;
}

/** 单品先行自付比例 a class B item whose share the pooling region sets apart from its rows' share. */
export interface SettlementItemRatio {
  /** 医保目录编码 */
  code: string;
  /** basis points */
  selfPayBp: number;
}

export interface SettlementRuleBody {
  rows: SettlementRule[];
  /** per-item shares; they come before the rows' `classBSelfPayBp` */
  itemRatios: SettlementItemRatio[];
}

export type WageVersion = VersionHeader & { kind: 'wage'; insuranceType: null } & WageBody;
export type BaseRuleVersion = VersionHeader & { kind: 'base'; insuranceType: string } & BaseRuleBody;
export type CollectionRuleVersion = VersionHeader & { kind: 'collection'; insuranceType: string } & CollectionRuleBody;
export type SettlementRuleVersion = VersionHeader & { kind: 'settlement'; insuranceType: string } & SettlementRuleBody;
export type PolicyVersion = WageVersion | BaseRuleVersion | CollectionRuleVersion | SettlementRuleVersion;

/** What the receivable calculation needs to know about one insured person. */
export interface PersonFacts {
  personId?: string;
  /** `YYYY-MM-DD` (or `YYYY-MM`) */
  birthDate: string;
  retired: boolean;
  /** 人员类别, matched against `conditions.categories` */
  category?: string | null;
  /** declared bases by kind, in fen, e.g. `{ medical: 200000, account_allocation: 220000 }` */
  bases: Record<string, number>;
}

export interface Bilingual {
  zh: string;
  en: string;
}
