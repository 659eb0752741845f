import { describe, expect, it } from 'vitest';
import { makeCreditCode, makeIdNumber } from '../../kernel/validation/identifiers.js';
import { checkRow, isHeaderProblem, parseDate, parseReference, paymentReferenceOf, readHeader, referenceOf, type HeaderMap } from './files.js';

const CREDIT = makeCreditCode('91411300MA0000001');
const ID = makeIdNumber('411302', '1979-06-15', 12);

describe('headers', () => {
  it('takes Chinese or English column names in any order', () => {
    expect(readHeader('tax_payments', ['税票号码', 'payerCode', ' 所属期 ', '险种', '金额（分）', '缴款日期'])).toEqual({
      voucherNo: 0,
      payerCode: 1,
      month: 2,
      insuranceType: 3,
      amountFen: 4,
      paidDate: 5,
    });
  });

  it('names the first required column missing; optional ones may be absent', () => {
    const missing = readHeader('tax_payments', ['payerCode', 'month', 'insuranceType', 'amountFen', 'paidDate']);
    expect(isHeaderProblem(missing) && missing.missing).toBe('voucherNo');
    expect(isHeaderProblem(readHeader('bank_results', ['reference', 'result', 'amountFen']))).toBe(false);
  });
});

const taxHeader = readHeader('tax_payments', ['payerCode', 'month', 'insuranceType', 'amountFen', 'voucherNo', 'paidDate']) as HeaderMap;
const tax = (fields: string[]) => checkRow('tax_payments', fields, taxHeader);

describe('tax payment rows (税务全责)', () => {
  it('reads a unit’s payment by credit code and a person’s by identity number', () => {
    expect(tax([CREDIT, '2019-01', '410', '1260', 'T2019000001', '2019-02-10'])).toEqual({
      kind: 'tax_payments',
      payerCode: CREDIT,
      payerType: 'entity',
      month: 201901,
      insuranceType: '410',
      amountFen: 1260,
      voucherNo: 'T2019000001',
      paidDate: '2019-02-10',
    });
    expect(tax([ID.toLowerCase(), '201901', '410', '200', 'T2019000002', '2019/2/1'])).toMatchObject({ payerType: 'person', payerCode: ID, month: 201901, paidDate: '2019-02-01' });
  });

  it.each([
    ['a payer code that is neither', ['91411300MA0000001X', '2019-01', '410', '1', 'T1234', '2019-02-01'], [['payerCode', 'collection.row_payer_code_invalid']]],
    ['month 13', [CREDIT, '2019-13', '410', '1', 'T1234', '2019-02-01'], [['month', 'collection.row_month_invalid']]],
    ['an amount in yuan with decimals', [CREDIT, '2019-01', '410', '12.60', 'T1234', '2019-02-01'], [['amountFen', 'collection.row_amount_invalid']]],
    ['a negative amount', [CREDIT, '2019-01', '410', '-5', 'T1234', '2019-02-01'], [['amountFen', 'collection.row_amount_invalid']]],
    ['a zero payment', [CREDIT, '2019-01', '410', '0', 'T1234', '2019-02-01'], [['amountFen', 'collection.row_amount_invalid']]],
    ['February 30th', [CREDIT, '2019-01', '410', '1', 'T1234', '2019-02-30'], [['paidDate', 'collection.row_date_invalid']]],
    [
      'an empty row names every field',
      ['', '', '', '', '', ''],
      [
        ['payerCode', 'collection.row_required'],
        ['month', 'collection.row_required'],
        ['insuranceType', 'collection.row_required'],
        ['amountFen', 'collection.row_required'],
        ['voucherNo', 'collection.row_required'],
        ['paidDate', 'collection.row_required'],
      ],
    ],
    ['a short row', [CREDIT, '2019-01', '410'], [['amountFen', 'collection.row_required'], ['voucherNo', 'collection.row_required'], ['paidDate', 'collection.row_required']]],
  ])('refuses %s, naming the field', (_, fields, problems) => {
    expect(tax(fields as string[])).toEqual(problems.map(([field, code]) => ({ field, code })));
  });
});

describe('answers to our exports (税务半责 results, bank withholding results)', () => {
  const ref = referenceOf('ent_01jd0000000000000000000000', 201903, '410');
  const taxResults = readHeader('tax_results', ['参考号', '缴费状态', '金额（分）', '税票号码', '缴款日期']) as HeaderMap;
  const bankResults = readHeader('bank_results', ['参考号', '扣款结果', '金额（分）', '银行流水号', '扣款日期', '失败原因']) as HeaderMap;

  it('round-trips the export reference', () => {
    expect(parseReference(ref)).toEqual({ payerKey: 'ent_01jd0000000000000000000000', month: 201903, insuranceType: '410' });
    expect(parseReference('ent_01jd/2019-03/410')).toBeNull();
    expect(parseReference('someone/201903/410')).toBeNull();
  });

  it('a paid tax result needs its voucher and date; an unpaid one does not', () => {
    expect(checkRow('tax_results', [ref, '已缴', '1260', 'T77', '2019-04-01'], taxResults)).toEqual([{ field: 'voucherNo', code: 'collection.row_reference_invalid' }]);
    const paid = checkRow('tax_results', [ref, '已缴', '1260', 'T7777', '2019-04-01'], taxResults);
    expect(paid).toMatchObject({ paid: true, payerKey: 'ent_01jd0000000000000000000000', month: 201903, amountFen: 1260 });
    expect(paymentReferenceOf(paid as never)).toBe('tax:T7777');
    const unpaid = checkRow('tax_results', [ref, '未缴', '', '', ''], taxResults);
    expect(unpaid).toMatchObject({ paid: false, amountFen: 0, voucherNo: null });
    expect(paymentReferenceOf(unpaid as never)).toBeNull();
  });

  it('a bank success needs its serial; a failure keeps its reason', () => {
    expect(checkRow('bank_results', [ref, '成功', '1260', '', '2019-04-05', ''], bankResults)).toEqual([{ field: 'bankSerial', code: 'collection.row_required' }]);
    const failed = checkRow('bank_results', [ref, '失败', '0', '', '', '余额不足'], bankResults);
    expect(failed).toMatchObject({ paid: false, reason: '余额不足' });
    expect(checkRow('bank_results', [ref, 'maybe', '1', 'B1234', '2019-04-05', ''], bankResults)).toEqual([{ field: 'result', code: 'collection.row_status_invalid' }]);
    const ok = checkRow('bank_results', [ref, 'success', '1260', 'B0001', '2019-04-05', ''], bankResults);
    expect(paymentReferenceOf(ok as never)).toBe('bank:B0001');
  });

  it('dates', () => {
    expect([parseDate('2019-02-28'), parseDate('2020-02-29'), parseDate('2019-02-29'), parseDate('20190228')]).toEqual(['2019-02-28', '2020-02-29', null, null]);
  });
});
