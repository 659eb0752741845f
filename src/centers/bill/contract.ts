/** The e-bill center's HTTP contract: what institutions send to issue a bill, and the shapes it answers with. */
import { Type, type Static } from '@sinclair/typebox';
import { Body, DateOnly, DateTime, Fen, FileBody, Id, Literals, Nullable, Page } from '../../kernel/http/schemas.js';
import { BILL_KINDS, VERDICTS, VISIT_TYPES } from './rules.js';

const MAX_FEN = 10_000_000_000;
/** An amount of an issuing request: whole fen, never negative (only a red-letter bill is). */
const Amount = (description: string) => Type.Integer({ minimum: 0, maximum: MAX_FEN, description: `${description}，分 fen` });

export const InstitutionCode = Type.String({ pattern: '^[HP]\\d{11}$', minLength: 12, maxLength: 12, description: '定点医药机构编码 H (medical) or P (pharmacy) + 6-digit region + 5 digits' });
export const BillCode = Type.String({ pattern: '^\\d{8}$', minLength: 8, maxLength: 8, description: '票据代码' });
export const BillNumber = Type.String({ pattern: '^\\d{10}$', minLength: 10, maxLength: 10, description: '票据号码' });
export const CheckCode = Type.String({ pattern: '^[0-9A-Za-z]{6}$', minLength: 6, maxLength: 6, description: '校验码' });
export const IssueDate = Type.String({ format: 'date', minLength: 10, maxLength: 10, description: '开票日期 YYYY-MM-DD (Beijing time)' });

// ------------------------------------------------------------------------------------ requests

/**
 * 开票信息 what the institution submits after settlement. The bill is checked against the settlement
 * it cites: the institution's own (the channel app's binding), the same person, not reversed or
 * refunded, not billed before, and the four figures equal to the settlement's to the fen.
 */
export const IssueInput = Body({
  payer: Body({ personId: Id, name: Type.String({ minLength: 1, maxLength: 50, description: '交款人姓名（全名或脱敏） full or masked name' }) }),
  institution: Type.Object(
    {
      code: InstitutionCode,
      name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '开票单位名称: ignored, the bill prints the name the registry of designated institutions holds' })),
    },
    { additionalProperties: false, description: '开票单位: the institution the channel app is bound to' },
  ),
  visitType: Literals(VISIT_TYPES, '就诊类型'),
  insuranceId: Type.String({ minLength: 4, maxLength: 32, pattern: '^[0-9A-Za-z]+$', description: '医保编号' }),
  settlementRef: Type.String({
    minLength: 1,
    maxLength: 64,
    pattern: '^[A-Za-z0-9_-]+$',
    description: '开票依据: the platform settlement (stl_…), the institution’s settlement reference (结算流水号), or the payment order (pay_…, paid)',
  }),
  items: Type.Array(Body({ name: Type.String({ minLength: 1, maxLength: 100 }), amountFen: Amount('金额') }), { minItems: 1, maxItems: 200 }),
  totalFen: Amount('合计 = the settlement’s medfee_sumamt'),
  fundPayFen: Amount('医保统筹基金支付 = the settlement’s fund_pay_sumamt'),
  accountPayFen: Amount('个人账户支付 = the settlement’s acct_pay'),
  cashPayFen: Amount('个人现金支付 = the settlement’s psn_cash_pay'),
});
export type IssueInput = Static<typeof IssueInput>;

/** 查验 what a verifier types from the paper: code, number, check code, date, and the total if they like. */
export const VerifyQuery = Type.Object(
  {
    billCode: BillCode,
    billNumber: BillNumber,
    checkCode: CheckCode,
    issueDate: IssueDate,
    totalFen: Type.Optional(Type.Integer({ minimum: -MAX_FEN, maximum: MAX_FEN, description: '合计，分 (negative on a red-letter bill)' })),
  },
  { additionalProperties: false },
);
export type VerifyInput = Static<typeof VerifyQuery>;

// ----------------------------------------------------------------------------------- responses

const Institution = Type.Object({ code: Type.String(), name: Type.String() });
const BillNumbers = Type.Object({ billCode: Type.String(), billNumber: Type.String() });
const BillStatus = Literals(['issued', 'voided'] as const, 'issued 已开具 / voided 已冲红');
/** The fund / account / cash split (negative on a red-letter bill). */
const Split = {
  totalFen: Fen('合计'),
  fundPayFen: Fen('医保统筹基金支付'),
  accountPayFen: Fen('个人账户支付'),
  cashPayFen: Fen('个人现金支付'),
};

/** 电子票据 the whole bill, for the person it is for and the channels allowed to read it. */
export const BillView = Type.Object({
  id: Type.String(),
  kind: Literals(BILL_KINDS, 'normal 蓝字 / red 红字（冲红）'),
  billCode: Type.String(),
  billNumber: Type.String(),
  checkCode: Type.String(),
  issuedAt: DateTime,
  issueDate: DateOnly,
  institution: Institution,
  personId: Type.String(),
  payerName: Type.String({ description: 'masked' }),
  insuranceId: Type.String({ description: '医保编号, masked' }),
  visitType: Literals(VISIT_TYPES),
  settlementRef: Type.String(),
  items: Type.Array(Type.Object({ name: Type.String(), amountFen: Fen() })),
  ...Split,
  status: BillStatus,
  voidedAt: Nullable(DateTime),
  usedAt: Nullable(DateTime),
  redBill: Nullable(Type.Object({ id: Type.String(), ...BillNumbers.properties })),
  originalBill: Nullable(Type.Object({ id: Type.String(), ...BillNumbers.properties })),
  signature: Type.String({ description: 'SM2 (DER, hex) over signedText' }),
  signedText: Type.String({ description: 'the exact text the signature covers' }),
});
export type BillView = Static<typeof BillView>;
export const BillPage = Page(BillView);

/** What anyone holding the bill may learn by verifying it: its printed fields and its state, nothing about the person beyond the masked name. */
export const PublicBillView = Type.Object({
  kind: Literals(BILL_KINDS),
  billCode: Type.String(),
  billNumber: Type.String(),
  issueDate: DateOnly,
  institution: Institution,
  payerName: Type.String(),
  visitType: Literals(VISIT_TYPES),
  ...Split,
  status: BillStatus,
  voidedAt: Nullable(DateTime),
  usedAt: Nullable(DateTime),
  redBill: Nullable(BillNumbers),
  originalBill: Nullable(BillNumbers),
});
export type PublicBillView = Static<typeof PublicBillView>;

/** 查验结果 the verdict, and the public fields unless the bill was not found. */
export const VerificationView = Type.Object({ result: Literals(VERDICTS, 'genuine 真实 / voided 已冲红 / used 已报销 / not_found 查无此票'), bill: Nullable(PublicBillView) });
export type VerificationView = Static<typeof VerificationView>;

/** 冲红 the voided original and the red-letter bill that voids it. */
export const VoidView = Type.Object({ original: BillView, red: BillView });
export type VoidView = Static<typeof VoidView>;

/** 票据签名公钥 how to verify a bill's signature. */
export const PublicKeyView = Type.Object({
  algorithm: Type.String(),
  userId: Type.String(),
  publicKey: Type.String({ description: 'uncompressed point, hex' }),
  publicKeyPem: Type.String(),
  signedText: Type.String({ description: 'how the signed text is built' }),
  signatureEncoding: Type.String(),
});

export const BillPdf = FileBody('application/pdf', '电子票据版式文件 PDF');
