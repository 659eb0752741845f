/**
 * 文件格式 the rows of the files the collection center exchanges with the tax bureau and banks:
 * header aliases (Chinese or English column names, any order) and the check of one row. Pure: a
 * row comes in as text fields and goes out as a typed row or a list of (field, reason) problems.
 */
import { isValidCreditCode, isValidIdNumber } from '../../kernel/validation/identifiers.js';
import { parseMonth, type FileKind } from './rules.js';

export interface RowProblem {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

/** 税务全责 a payment the tax bureau collected: who, for which month and insurance type, how much, its voucher. */
export interface TaxPaymentRow {
  kind: 'tax_payments';
  payerCode: string;
  payerType: 'entity' | 'person';
  month: number;
  insuranceType: string;
  amountFen: number;
  voucherNo: string;
  paidDate: string;
}

/** 税务半责 the tax bureau's answer to one exported receivable: paid (with its voucher) or not. */
export interface TaxResultRow {
  kind: 'tax_results';
  reference: string;
  payerKey: string;
  month: number;
  insuranceType: string;
  paid: boolean;
  amountFen: number;
  voucherNo: string | null;
  paidDate: string | null;
}

/** 经办机构自收 the bank's answer to one withholding row: withheld (with its serial) or failed. */
export interface BankResultRow {
  kind: 'bank_results';
  reference: string;
  payerKey: string;
  month: number;
  insuranceType: string;
  paid: boolean;
  amountFen: number;
  bankSerial: string | null;
  paidDate: string | null;
  reason: string | null;
}

export type FileRow = TaxPaymentRow | TaxResultRow | BankResultRow;

type Column = { name: string; aliases: string[]; required: boolean };

const col = (name: string, aliases: string[], required = true): Column => ({ name, aliases: [name, ...aliases], required });

export const COLUMNS: Record<FileKind, Column[]> = {
  tax_payments: [
    col('payerCode', ['缴费主体代码', '统一社会信用代码或身份证号', '证件号码']),
    col('month', ['所属期', '费款所属期']),
    col('insuranceType', ['险种', '险种代码']),
    col('amountFen', ['金额（分）', '金额(分)', '实缴金额（分）']),
    col('voucherNo', ['税票号码', '完税凭证号']),
    col('paidDate', ['缴款日期', '入库日期']),
  ],
  tax_results: [
    col('reference', ['参考号']),
    col('status', ['缴费状态', '状态']),
    col('amountFen', ['金额（分）', '金额(分)', '实缴金额（分）']),
    col('voucherNo', ['税票号码', '完税凭证号'], false),
    col('paidDate', ['缴款日期', '入库日期'], false),
  ],
  bank_results: [
    col('reference', ['参考号']),
    col('result', ['扣款结果', '结果']),
    col('amountFen', ['金额（分）', '金额(分)', '扣款金额（分）']),
    col('bankSerial', ['银行流水号', '流水号'], false),
    col('paidDate', ['扣款日期', '入账日期'], false),
    col('reason', ['失败原因', '原因'], false),
  ],
};

/** Column name → index, from a header row; names are matched without surrounding spaces. */
export type HeaderMap = Record<string, number>;

export function readHeader(kind: FileKind, fields: string[]): HeaderMap | { missing: string } {
  const names = fields.map((f) => f.trim());
  const map: HeaderMap = {};
  for (const column of COLUMNS[kind]) {
    const at = names.findIndex((n) => column.aliases.includes(n));
    if (at >= 0) map[column.name] = at;
    else if (column.required) return { missing: column.name };
  }
  return map;
}

export const isHeaderProblem = (header: HeaderMap | { missing: string }): header is { missing: string } => typeof header.missing === 'string';

const INSURANCE_TYPE = /^[0-9A-Za-z_]{2,20}$/;
const VOUCHER = /^[0-9A-Za-z-]{4,40}$/;
const PAYER_KEY = /^(ent|psn)_[0-9a-z]{8,40}$/;
const FEN = /^\d{1,12}$/;

/** `2019-02-15` (a real date); spreadsheets' `2019/2/15` too. */
export function parseDate(text: string): string | null {
  const match = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * 参考号 the reference of one exported receivable (tax-half export, bank withholding file): the
 * payer, the month and the insurance type, so an answer row alone says what it answers.
 */
export const referenceOf = (payerKey: string, month: number, insuranceType: string) => `${payerKey}/${month}/${insuranceType}`;

export function parseReference(text: string): { payerKey: string; month: number; insuranceType: string } | null {
  const parts = text.trim().split('/');
  if (parts.length !== 3 || !PAYER_KEY.test(parts[0]) || !/^\d{6}$/.test(parts[1]) || !INSURANCE_TYPE.test(parts[2])) return null;
  const month = parseMonth(parts[1]);
  return month === null ? null : { payerKey: parts[0], month, insuranceType: parts[2] };
}

const PAID_WORDS = new Set(['paid', '已缴', '已缴费', 'success', '成功', '扣款成功']);
const UNPAID_WORDS = new Set(['unpaid', '未缴', '未缴费', 'failure', 'failed', '失败', '扣款失败']);

/** One row's fields checked: the typed row, or every problem found (all of them, not only the first). */
export function checkRow(kind: FileKind, fields: string[], header: HeaderMap): FileRow | RowProblem[] {
  const get = (name: string) => (header[name] === undefined ? '' : (fields[header[name]] ?? '').trim());
  const problems: RowProblem[] = [];
  const required = (name: string, value: string) => {
    if (!value) problems.push({ field: name, code: 'collection.row_required' });
    return value;
  };
  /** A paid row needs a positive amount; an unpaid one may leave it empty. */
  const amount = (name: string, paid: boolean) => {
    const text = paid ? required(name, get(name)) : get(name);
    if (!text) return 0;
    if (!FEN.test(text) || (paid && Number(text) === 0)) {
      problems.push({ field: name, code: 'collection.row_amount_invalid' });
      return 0;
    }
    return Number(text);
  };
  const date = (name: string, needed: boolean) => {
    const text = get(name);
    if (!text) {
      if (needed) problems.push({ field: name, code: 'collection.row_required' });
      return null;
    }
    const parsed = parseDate(text);
    if (!parsed) problems.push({ field: name, code: 'collection.row_date_invalid' });
    return parsed;
  };
  const token = (name: string, needed: boolean) => {
    const text = get(name);
    if (!text) {
      if (needed) problems.push({ field: name, code: 'collection.row_required' });
      return null;
    }
    if (!VOUCHER.test(text)) problems.push({ field: name, code: 'collection.row_reference_invalid' });
    return text;
  };
  const outcome = (name: string) => {
    const text = required(name, get(name)).toLowerCase();
    if (!text) return false;
    if (PAID_WORDS.has(text)) return true;
    if (!UNPAID_WORDS.has(text)) problems.push({ field: name, code: 'collection.row_status_invalid' });
    return false;
  };
  const reference = () => {
    const text = required('reference', get('reference'));
    if (!text) return null;
    const parsed = parseReference(text);
    if (!parsed) problems.push({ field: 'reference', code: 'collection.row_reference_invalid' });
    return parsed;
  };

  if (kind === 'tax_payments') {
    const payerCode = required('payerCode', get('payerCode')).toUpperCase();
    const payerType = isValidCreditCode(payerCode) ? 'entity' : isValidIdNumber(payerCode) ? 'person' : null;
    if (payerCode && !payerType) problems.push({ field: 'payerCode', code: 'collection.row_payer_code_invalid' });
    const monthText = required('month', get('month'));
    const month = monthText ? parseMonth(monthText) : null;
    if (monthText && month === null) problems.push({ field: 'month', code: 'collection.row_month_invalid' });
    const insuranceType = required('insuranceType', get('insuranceType'));
    if (insuranceType && !INSURANCE_TYPE.test(insuranceType)) problems.push({ field: 'insuranceType', code: 'collection.row_insurance_type_invalid' });
    const amountFen = amount('amountFen', true);
    const voucherNo = token('voucherNo', true);
    const paidDate = date('paidDate', true);
    if (problems.length) return problems;
    return { kind, payerCode, payerType: payerType!, month: month!, insuranceType, amountFen, voucherNo: voucherNo!, paidDate: paidDate! };
  }

  const ref = reference();
  if (kind === 'tax_results') {
    const paid = outcome('status');
    const amountFen = amount('amountFen', paid);
    const voucherNo = token('voucherNo', paid);
    const paidDate = date('paidDate', paid);
    if (problems.length) return problems;
    return { kind, reference: get('reference'), ...ref!, paid, amountFen, voucherNo, paidDate };
  }
  const paid = outcome('result');
  const amountFen = amount('amountFen', paid);
  const bankSerial = token('bankSerial', paid);
  const paidDate = date('paidDate', paid);
  const reason = get('reason').slice(0, 200) || null;
  if (problems.length) return problems;
  return { kind, reference: get('reference'), ...ref!, paid, amountFen, bankSerial, paidDate, reason };
}

export const isRowProblems = (checked: FileRow | RowProblem[]): checked is RowProblem[] => Array.isArray(checked);

/** The payment reference a row carries: one tax voucher or one bank serial is one payment, whichever file brings it. */
export function paymentReferenceOf(row: FileRow): string | null {
  if (row.kind === 'tax_payments') return `tax:${row.voucherNo}`;
  if (row.kind === 'tax_results') return row.paid ? `tax:${row.voucherNo}` : null;
  return row.paid ? `bank:${row.bankSerial}` : null;
}
