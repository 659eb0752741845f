/**
 * The settlement center's HTTP contract: the visit and fee lines an institution sends (also the
 * payment center's order body, which settles through here), and the shapes it answers with.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Body, DateTime, Fen, Literals, Nullable, Page } from '../../kernel/http/schemas.js';
import { SETTLEMENT_RISK_RULES } from './pricing.js';

const MAX_FEN = 10_000_000_000; // 100,000,000.00 yuan: far above any one line, far below 2^53 when summed over 500

// ------------------------------------------------------------------------------------ requests

const VisitKind = Literals(['outpatient', 'inpatient'] as const, '就诊类型 outpatient 门诊 / inpatient 住院');
const VisitDate = Type.String({ format: 'date', minLength: 10, maxLength: 10, description: '就诊（出院）日期 YYYY-MM-DD' });
const Level = (description: string) => Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2), Type.Literal(3)], { description });

/**
 * 就诊 the visit as the institution sends it: its kind and the day. The institution's level is the
 * registry's (定点医药机构, on the visit date), so a level sent here is ignored for the figures.
 */
export const VisitInput = Body({
  kind: VisitKind,
  institutionLevel: Type.Optional(Level('医院等级 0–3 as the institution claims it: ignored, the registry’s level applies')),
  date: VisitDate,
});
export type VisitInput = Static<typeof VisitInput>;

/** 就诊 the visit as settled: the level is the registry's on the visit date (0 未定级 settles under the rows of level 1). */
export const VisitView = Type.Object({
  kind: VisitKind,
  institutionLevel: Level('医院等级 of the registry: 0 未定级, 1 一级, 2 二级, 3 三级'),
  date: VisitDate,
});
export type VisitView = Static<typeof VisitView>;

const CLASSES = ['A', 'B', 'C'] as const;

/**
 * 费用明细 one fee line, by its insurance catalog code. Code, quantity and amount are the institution's;
 * `class`, `selfPayRatioBp` and `priceCapFen` are only its claims: the platform settles by the catalog
 * in force on the visit date and the pooling region's class B share, and records a claim they
 * contradict as a risk event (风险事件). A code outside the catalog is wholly self-paid (目录外全自费).
 */
export const FeeLineInput = Body({
  code: Type.String({ minLength: 15, maxLength: 23, pattern: '^[A-Z0-9]+$', description: '医保目录编码 (X… 23, Z… 20, C… 20, 15-digit service item)' }),
  class: Type.Optional(Literals(CLASSES, '甲类 A / 乙类 B / 丙类 C as the institution claims it: the catalog’s class applies')),
  quantity: Type.Integer({ minimum: 1, maximum: 100_000, description: '数量' }),
  amountFen: Type.Integer({ minimum: 0, maximum: MAX_FEN, description: '金额，分' }),
  selfPayRatioBp: Type.Optional(
    Type.Integer({ minimum: 0, maximum: 10_000, description: '乙类先行自付比例，万分之几, as the institution claims it: the pooling region’s (or the catalog’s) applies' }),
  ),
  priceCapFen: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_FEN, description: '限价（每单位），分, as the institution claims it: the catalog’s applies' })),
});
export type FeeLineInput = Static<typeof FeeLineInput>;

/** A fee line as the institution sent it (its claims; a price cap of null: none claimed). */
export const FeeLineView = Type.Object({ ...FeeLineInput.properties, priceCapFen: Type.Optional(Nullable(Type.Integer({ description: '限价（每单位），分' }))) });

/** 结算明细 a fee line as settled: the class, share and cap the platform applied, and whence. */
export const SettledLineView = Type.Object({
  code: Type.String({ description: '医保目录编码' }),
  class: Nullable(Literals(CLASSES, '甲类 A / 乙类 B / 丙类 C of the catalog in force on the visit date; null: 目录外, wholly self-paid')),
  quantity: Type.Integer({ description: '数量' }),
  amountFen: Fen('金额'),
  selfPayRatioBp: Type.Optional(Type.Integer({ description: '乙类先行自付比例 applied，万分之几 (class B)' })),
  priceCapFen: Type.Optional(Nullable(Type.Integer({ description: '限价（每单位）of the catalog，分; null: none' }))),
  ratioFrom: Type.Optional(Literals(['item', 'region', 'catalog'] as const, 'whose share: item 统筹区单品比例 / region 统筹区比例 / catalog 目录比例')),
  catalogVersion: Type.Optional(Nullable(Type.Integer({ description: 'the version of the code’s catalog in force on the visit date; null: 目录外' }))),
});

export const FeeLines = Type.Array(FeeLineInput, { minItems: 1, maxItems: 500, description: '费用明细' });
export const InsuranceTypeCode = Type.String({ minLength: 2, maxLength: 20, pattern: '^[0-9A-Za-z_]+$', description: '险种代码, e.g. 310' });
const INSTITUTION_CODE = { minLength: 12, maxLength: 12, pattern: '^[HP][0-9]{11}$' } as const;
export const InstitutionCode = Type.String({ ...INSTITUTION_CODE, description: '定点医药机构编码 H (medical) or P (pharmacy) + 6-digit region + 5 digits' });
/** An institution code a request may leave out: the calling app's binding is the institution; when sent, it must be the same. */
export const BoundInstitutionCode = Type.Optional(
  Type.String({ ...INSTITUTION_CODE, description: '定点医药机构编码: optional, must be the institution the calling app is bound to (H/P + 6-digit region + 5 digits)' }),
);
export const SettlementReference = Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z_-]+$', description: '结算流水号 (unique per institution)' });

/** 结算授权令牌 as `POST /voucher/verify` gave it to the calling app. */
export const SettlementToken = Type.String({
  minLength: 1,
  maxLength: 1024,
  pattern: '^[A-Za-z0-9_.-]+$',
  description: '结算授权令牌 the settlement token the code’s verification (POST /voucher/verify) gave this app: the person’s consent, one settlement per token',
});

/**
 * What pre-settlement and settlement both read: whose consent, which visit, which lines. The person
 * is the token's and the institution the calling app's binding: either, when sent, must be the same.
 */
export const VisitFields = {
  settlementToken: SettlementToken,
  personId: Type.Optional(
    Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: '参保人 registry id (psn_…): optional, must be the settlement token’s person' }),
  ),
  insuranceType: InsuranceTypeCode,
  institutionCode: BoundInstitutionCode,
  visit: VisitInput,
  lines: FeeLines,
};

// ----------------------------------------------------------------------------------- responses

/** Why a figure is what it is: the rule (policy rule code or calculation step) and the sum, in both languages. */
export const ExplanationView = Type.Object({ rule: Type.String(), zh: Type.String(), en: Type.String() });

/** The national settlement fields, with their Chinese names (国家医保信息业务编码标准). */
const FIGURES = {
  medfee_sumamt: '医疗费总额',
  fulamt_ownpay_amt: '全自费金额',
  overlmt_selfpay: '超限价自费',
  preselfpay_amt: '先行自付金额',
  inscp_scp_amt: '符合范围金额',
  act_pay_dedc: '实际支付起付线',
  hifp_pay: '基本医疗保险统筹基金支出',
  pool_prop_selfpay: '统筹区间自付',
  fund_pay_sumamt: '基金支付总额',
  psn_part_amt: '个人负担总金额',
  acct_pay: '个人账户支出',
  psn_cash_pay: '个人现金支出',
  balc: '余额 (personal account after this settlement)',
} as const;
type Figure = keyof typeof FIGURES;
const figures = <T>(field: (name: Figure, description: string) => T) =>
  Object.fromEntries(Object.entries(FIGURES).map(([name, description]) => [name, field(name as Figure, description)])) as Record<Figure, T>;

/** 结算结果 the figures of a visit, per fee line, the year-to-date after it, and why each figure is what it is. */
export const SettlementResultView = Type.Object({
  ...figures((_name, description) => Fen(description)),
  lines: Type.Array(
    Type.Object({
      code: Type.String(),
      class: Nullable(Literals(CLASSES, 'null: 目录外')),
      amountFen: Fen('金额'),
      ownPayFen: Fen('全自费'),
      overCapFen: Fen('超限价'),
      preSelfPayFen: Fen('先行自付'),
      inScopeFen: Fen('符合范围'),
    }),
  ),
  yearToDateAfter: Type.Object({ deductibleFen: Fen('本年已负担起付线'), fundPaidFen: Fen('本年统筹已支付') }),
  why: Type.Object(figures(() => Type.Optional(ExplanationView))),
});

/** 预结算 what settling the visit would give now, and what the platform found for it. */
export const PreSettlementView = Type.Object({
  personId: Type.String(),
  insuranceType: Type.String(),
  institutionCode: Type.String(),
  visit: VisitView,
  personCategory: Type.String({ description: '人员类别 employee / retired / …' }),
  poolingRegion: Type.String({ description: '统筹区 whose policy applied' }),
  policyVersionId: Type.String(),
  result: SettlementResultView,
});
export type PreSettlementView = Static<typeof PreSettlementView>;

export const SETTLEMENT_STATUSES = ['settled', 'reversed'] as const;

/** 结算记录 a settlement as recorded: the visit, the lines, the result; reversed (冲正) or in force. */
export const SettlementView = Type.Object({
  id: Type.String(),
  status: Literals(SETTLEMENT_STATUSES, 'settled 已结算 / reversed 已冲正'),
  personId: Type.String(),
  insuranceType: Type.String(),
  poolingRegion: Type.String(),
  institutionCode: Type.String(),
  settlementReference: Type.String(),
  visit: VisitView,
  personCategory: Type.String(),
  policyVersionId: Type.String(),
  lines: Type.Array(SettledLineView, { description: '结算明细 the lines as settled (the catalog’s class, share and cap)' }),
  result: SettlementResultView,
  createdAt: DateTime,
  reversedAt: Nullable(DateTime),
});
export type SettlementView = Static<typeof SettlementView>;

/** 我的结算记录 a page of the person's settlements. */
export const SettlementPage = Page(SettlementView);
/** 我的结算记录 with each institution's name */
export const MySettlementPage = Page(Type.Composite([SettlementView, Type.Object({ institutionName: Nullable(Type.String({ description: '定点医药机构名称 (null: not in the registry)' })) })]));

/** 结算风险事件 a claim of a settlement's request that the platform's facts contradicted (the figures followed the facts). */
export const SettlementRiskEventView = Type.Object(
  {
    id: Type.String(),
    rule: Literals(SETTLEMENT_RISK_RULES, '风险规则 class_mismatch 类别不符 / self_pay_ratio_mismatch 自付比例不符 / price_cap_mismatch 限价不符 / not_in_catalog 目录外项目按目录内申报'),
    settlementId: Nullable(Type.String()),
    appId: Type.String({ description: '渠道应用 the institution’s system' }),
    institutionCode: Type.String(),
    institutionName: Nullable(Type.String({ description: '机构名称 the registry’s name of the institution' })),
    personId: Type.String(),
    poolingRegion: Type.String({ description: '统筹区' }),
    lineCode: Nullable(Type.String({ description: '医保目录编码 of the line' })),
    detail: Type.Record(Type.String(), Type.Unknown(), { description: 'the line, what was claimed, what applied, the catalog version and the visit date' }),
    createdAt: DateTime,
  },
  { description: '结算风险事件 a contradicted claim' },
);
export type SettlementRiskEventView = Static<typeof SettlementRiskEventView>;

/** 结算风险事件 a page of them, newest first. */
export const SettlementRiskEventPage = Page(SettlementRiskEventView);
