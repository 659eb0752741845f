/**
 * The settlement center's HTTP contract: the visit and fee lines an institution sends (also the
 * payment center's order body, which settles through here), and the shapes it answers with.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Body, DateTime, Fen, Literals, Nullable, Page } from '../../kernel/http/schemas.js';

const MAX_FEN = 10_000_000_000; // 100,000,000.00 yuan: far above any one line, far below 2^53 when summed over 500

// ------------------------------------------------------------------------------------ requests

/** 就诊 the visit: its kind, the institution's level and the day. */
export const VisitInput = Body({
  kind: Literals(['outpatient', 'inpatient'] as const, '就诊类型 outpatient 门诊 / inpatient 住院'),
  institutionLevel: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)], { description: '医院等级 1–3' }),
  date: Type.String({ format: 'date', minLength: 10, maxLength: 10, description: '就诊（出院）日期 YYYY-MM-DD' }),
});
export type VisitInput = Static<typeof VisitInput>;

/** 费用明细 one fee line, by its insurance catalog code. */
export const FeeLineInput = Body({
  code: Type.String({ minLength: 15, maxLength: 23, pattern: '^[A-Z0-9]+$', description: '医保目录编码 (X… 23, Z… 20, C… 20, 15-digit service item)' }),
  class: Literals(['A', 'B', 'C'] as const, '甲类 A / 乙类 B / 丙类 C'),
  quantity: Type.Integer({ minimum: 1, maximum: 100_000, description: '数量' }),
  amountFen: Type.Integer({ minimum: 0, maximum: MAX_FEN, description: '金额，分' }),
  selfPayRatioBp: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, description: '乙类先行自付比例，万分之几 (class B)' })),
  priceCapFen: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_FEN, description: '限价（每单位），分' })),
});
export type FeeLineInput = Static<typeof FeeLineInput>;

/** A fee line as recorded (the calculator also takes a price cap of null: no cap). */
export const FeeLineView = Type.Object({ ...FeeLineInput.properties, priceCapFen: Type.Optional(Nullable(Type.Integer({ description: '限价（每单位），分' }))) });

export const FeeLines = Type.Array(FeeLineInput, { minItems: 1, maxItems: 500, description: '费用明细' });
export const InsuranceTypeCode = Type.String({ minLength: 2, maxLength: 20, pattern: '^[0-9A-Za-z_]+$', description: '险种代码, e.g. 310' });
export const InstitutionCode = Type.String({ minLength: 12, maxLength: 12, pattern: '^H[0-9]{11}$', description: '定点医疗机构编码 H + 6-digit region + 5 digits' });
export const SettlementReference = Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z_-]+$', description: '结算流水号 (unique per institution)' });

/** What pre-settlement and settlement both read: who, at which institution, which visit, which lines. */
export const VisitFields = {
  personId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: '参保人 registry id (psn_…, as the e-voucher verification returns it)' }),
  insuranceType: InsuranceTypeCode,
  institutionCode: InstitutionCode,
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
      class: Literals(['A', 'B', 'C'] as const),
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
  visit: VisitInput,
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
  visit: VisitInput,
  personCategory: Type.String(),
  policyVersionId: Type.String(),
  lines: Type.Array(FeeLineView),
  result: SettlementResultView,
  createdAt: DateTime,
  reversedAt: Nullable(DateTime),
});
export type SettlementView = Static<typeof SettlementView>;

/** 我的结算记录 a page of the person's settlements. */
export const SettlementPage = Page(SettlementView);
