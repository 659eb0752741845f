/**
 * Pure rules of the e-bill (医疗收费电子票据): the amount split, the canonical text the platform
 * signs, the check code, Beijing-time issue dates, red-letter amounts and the verification verdict.
 */
import { randomInt } from 'node:crypto';

/** 就诊类型 visit type: 门诊 outpatient, 住院 inpatient, 药店购药 pharmacy purchase. */
export const VISIT_TYPES = ['outpatient', 'inpatient', 'pharmacy'] as const;
export type VisitType = (typeof VISIT_TYPES)[number];
export const VISIT_TYPE_ZH: Record<VisitType, string> = { outpatient: '门诊', inpatient: '住院', pharmacy: '药店购药' };

/** 票据种类: a normal (蓝字) bill, or the red-letter (红字) bill that voids one. */
export const BILL_KINDS = ['normal', 'red'] as const;
export type BillKind = (typeof BILL_KINDS)[number];

/** 查验结果 verification verdict. */
export const VERDICTS = ['genuine', 'voided', 'used', 'not_found'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface BillItem {
  name: string;
  amountFen: number;
}

export interface AmountSplit {
  items: BillItem[];
  totalFen: number;
  /** 医保统筹基金支付 paid by the pooled fund */
  fundPayFen: number;
  /** 个人账户支付 paid from the personal account */
  accountPayFen: number;
  /** 个人现金支付 paid in cash (or by the person's payment channel) */
  cashPayFen: number;
}

/**
 * The field that breaks the split, or null: the fund, account and cash parts add up to the total to
 * the fen, and so do the items. The total is named, since that is the figure every part is checked against.
 */
export function amountProblem(split: AmountSplit): { field: string; code: string } | null {
  if (split.fundPayFen + split.accountPayFen + split.cashPayFen !== split.totalFen) return { field: 'totalFen', code: 'bill.split_mismatch' };
  const itemsFen = split.items.reduce((sum, item) => sum + item.amountFen, 0);
  if (itemsFen !== split.totalFen) return { field: 'items', code: 'bill.items_mismatch' };
  return null;
}

/** The four figures a bill prints and its settlement fixes. */
export type Figures = Pick<AmountSplit, 'totalFen' | 'fundPayFen' | 'accountPayFen' | 'cashPayFen'>;
const FIGURES = ['totalFen', 'fundPayFen', 'accountPayFen', 'cashPayFen'] as const satisfies readonly (keyof Figures)[];

/**
 * The first of the bill's figures (total, fund, account, cash, in that order) that differs from its
 * settlement's, or null: a bill prints exactly what was settled, to the fen.
 */
export function figureMismatch(bill: Figures, settled: Figures): keyof Figures | null {
  return FIGURES.find((figure) => bill[figure] !== settled[figure]) ?? null;
}

/** 红字票据 the red-letter bill carries the original's amounts negated. */
export function redLetterSplit(split: AmountSplit): AmountSplit {
  const neg = (fen: number) => (fen === 0 ? 0 : -fen);
  return {
    items: split.items.map((i) => ({ name: i.name, amountFen: neg(i.amountFen) })),
    totalFen: neg(split.totalFen),
    fundPayFen: neg(split.fundPayFen),
    accountPayFen: neg(split.accountPayFen),
    cashPayFen: neg(split.cashPayFen),
  };
}

/** 校验码 alphabet: digits and capitals without I and O, which read as 1 and 0 on paper. */
const CHECK_ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CHECK_CODE_RE = /^[0-9A-HJ-NP-Z]{6}$/;

export function newCheckCode(): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += CHECK_ALPHABET[randomInt(0, CHECK_ALPHABET.length)];
  return code;
}

/** The calendar date in China (UTC+8, no daylight saving) — the date printed on the bill. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Beijing date and time as printed: `2026-03-01 08:05:09`. */
export function beijingDateTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** Fen as yuan with two decimals, e.g. -1234 → "-12.34" (the signed text uses no separators). */
export { plainYuan as yuan } from '../../kernel/money/index.js';

/** What the platform signs: exactly the bill's printed fields. */
export interface SignedFields extends AmountSplit {
  kind: BillKind;
  billCode: string;
  billNumber: string;
  checkCode: string;
  /** ISO 8601 UTC, milliseconds */
  issuedAt: string;
  institutionCode: string;
  institutionName: string;
  /** masked, as printed */
  payerName: string;
  /** masked, as printed */
  insuranceId: string;
  visitType: VisitType;
  /** the voided original, on a red-letter bill */
  original: { billCode: string; billNumber: string } | null;
}

/**
 * 签名原文 the canonical serialization: JSON of the fields in this fixed order, no whitespace,
 * UTF-8. Anyone holding the bill's fields and the published SM2 public key can rebuild it and
 * verify the signature (SM2 with SM3, signer id 1234567812345678).
 */
export function canonicalBillText(f: SignedFields): string {
  return JSON.stringify([
    'yibao-ebill-v1',
    f.kind,
    f.billCode,
    f.billNumber,
    f.checkCode,
    f.issuedAt,
    f.institutionCode,
    f.institutionName,
    f.payerName,
    f.insuranceId,
    f.visitType,
    f.items.map((i) => [i.name, i.amountFen]),
    f.totalFen,
    f.fundPayFen,
    f.accountPayFen,
    f.cashPayFen,
    f.original ? [f.original.billCode, f.original.billNumber] : null,
  ]);
}

export interface VerifiableBill {
  checkCode: string;
  issueDate: string;
  totalFen: number;
  status: 'issued' | 'voided';
  usedAt: Date | null;
}

export interface VerifyQuery {
  checkCode: string;
  issueDate: string;
  totalFen?: number;
}

/**
 * 查验 the verdict for a bill found by code and number: any mismatch of check code, date or total
 * reads as not found, so the answer never tells which of them a guesser got right.
 */
export function verdictOf(bill: VerifiableBill | null, query: VerifyQuery): Verdict {
  if (!bill) return 'not_found';
  if (bill.checkCode !== query.checkCode.toUpperCase() || bill.issueDate !== query.issueDate) return 'not_found';
  if (query.totalFen !== undefined && query.totalFen !== bill.totalFen) return 'not_found';
  if (bill.status === 'voided') return 'voided';
  if (bill.usedAt) return 'used';
  return 'genuine';
}
