import { describe, expect, it } from 'vitest';
import { generateSm2KeyPair, sm2Sign, sm2Verify } from '../../kernel/crypto/index.js';
import { amountProblem, beijingDate, beijingDateTime, canonicalBillText, CHECK_CODE_RE, figureMismatch, newCheckCode, redLetterSplit, verdictOf, yuan, type SignedFields } from './rules.js';

const split = (fund: number, account: number, cash: number, total: number, items = [total]) => ({
  items: items.map((amountFen, i) => ({ name: `项目${i}`, amountFen })),
  totalFen: total,
  fundPayFen: fund,
  accountPayFen: account,
  cashPayFen: cash,
});

describe('amount split (统筹 + 个账 + 现金 = 合计, to the fen)', () => {
  it.each([
    ['balanced', split(7000, 2000, 1000, 10000, [6000, 4000]), null],
    ['all cash', split(0, 0, 12345, 12345), null],
    ['zero bill', split(0, 0, 0, 0, [0]), null],
    ['one fen short in the split', split(7000, 2000, 999, 10000), 'totalFen'],
    ['one fen over in the split', split(7001, 2000, 1000, 10000), 'totalFen'],
    ['items one fen short', split(7000, 2000, 1000, 10000, [6000, 3999]), 'items'],
  ])('%s', (_label, input, field) => {
    expect(amountProblem(input)?.field ?? null).toBe(field);
  });

  it('negates every amount on the red-letter bill and keeps zero as zero', () => {
    expect(redLetterSplit(split(7000, 0, 3000, 10000, [10000]))).toEqual({
      items: [{ name: '项目0', amountFen: -10000 }],
      totalFen: -10000,
      fundPayFen: -7000,
      accountPayFen: 0,
      cashPayFen: -3000,
    });
  });
});

describe('the bill against its settlement (票据与结算一致, to the fen)', () => {
  const settled = { totalFen: 2_000_000, fundPayFen: 1_445_000, accountPayFen: 200_000, cashPayFen: 355_000 };
  it.each([
    ['the same figures', {}, null],
    ['the total one fen over', { totalFen: 2_000_001 }, 'totalFen'],
    ['a fen moved from cash to the fund', { fundPayFen: 1_445_001, cashPayFen: 354_999 }, 'fundPayFen'],
    ['a fen moved from cash to the account', { accountPayFen: 200_001, cashPayFen: 354_999 }, 'accountPayFen'],
    ['the cash one fen short', { cashPayFen: 354_999 }, 'cashPayFen'],
    ['everything off: the total is named first', { totalFen: 1, fundPayFen: 0, accountPayFen: 0, cashPayFen: 1 }, 'totalFen'],
  ])('%s', (_label, overrides, field) => {
    expect(figureMismatch({ ...settled, ...overrides }, settled)).toBe(field);
  });
});

describe('formatting', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [1234, '12.34'],
    [-1234, '-12.34'],
    [100000000, '1000000.00'],
  ])('%i fen is %s yuan', (fen, text) => expect(yuan(fen)).toBe(text));

  it.each([
    ['2026-03-01T15:59:59.000Z', '2026-03-01', '2026-03-01 23:59:59'],
    ['2026-03-01T16:00:00.000Z', '2026-03-02', '2026-03-02 00:00:00'],
    ['2025-12-31T20:30:00.000Z', '2026-01-01', '2026-01-01 04:30:00'],
  ])('%s is %s in Beijing', (instant, date, dateTime) => {
    expect(beijingDate(new Date(instant))).toBe(date);
    expect(beijingDateTime(new Date(instant))).toBe(dateTime);
  });

  it('makes 6-character check codes without I or O', () => {
    const codes = Array.from({ length: 500 }, newCheckCode);
    for (const code of codes) expect(code).toMatch(CHECK_CODE_RE);
    expect(new Set(codes).size).toBeGreaterThan(490);
  });
});

describe('verification verdict', () => {
  const bill = { checkCode: 'AB12CD', issueDate: '2026-03-01', totalFen: 10000, status: 'issued' as const, usedAt: null };
  it.each([
    ['genuine', bill, { checkCode: 'AB12CD', issueDate: '2026-03-01' }, 'genuine'],
    ['genuine with the total', bill, { checkCode: 'ab12cd', issueDate: '2026-03-01', totalFen: 10000 }, 'genuine'],
    ['wrong check code', bill, { checkCode: 'AB12CE', issueDate: '2026-03-01' }, 'not_found'],
    ['wrong date', bill, { checkCode: 'AB12CD', issueDate: '2026-03-02' }, 'not_found'],
    ['wrong total', bill, { checkCode: 'AB12CD', issueDate: '2026-03-01', totalFen: 10001 }, 'not_found'],
    ['voided', { ...bill, status: 'voided' as const }, { checkCode: 'AB12CD', issueDate: '2026-03-01' }, 'voided'],
    ['used', { ...bill, usedAt: new Date() }, { checkCode: 'AB12CD', issueDate: '2026-03-01' }, 'used'],
    ['voided wins over used', { ...bill, status: 'voided' as const, usedAt: new Date() }, { checkCode: 'AB12CD', issueDate: '2026-03-01' }, 'voided'],
    ['no such bill', null, { checkCode: 'AB12CD', issueDate: '2026-03-01' }, 'not_found'],
  ])('%s', (_label, row, query, verdict) => expect(verdictOf(row, query)).toBe(verdict));
});

describe('canonical signed text', () => {
  const fields: SignedFields = {
    ...split(7000, 2000, 1000, 10000, [6000, 4000]),
    kind: 'normal',
    billCode: '41162601',
    billNumber: '0000000001',
    checkCode: 'AB12CD',
    issuedAt: '2026-03-01T02:03:04.005Z',
    institutionCode: 'H41130200746',
    institutionName: '南阳市第一人民医院',
    payerName: '王*',
    insuranceId: '4113****0021',
    visitType: 'outpatient',
    original: null,
  };

  it('is fixed: same fields, same text, whatever the key order of the input', () => {
    const reordered = Object.fromEntries(Object.entries(fields).reverse()) as unknown as SignedFields;
    expect(canonicalBillText(reordered)).toBe(canonicalBillText(fields));
    expect(canonicalBillText(fields)).toBe(
      '["yibao-ebill-v1","normal","41162601","0000000001","AB12CD","2026-03-01T02:03:04.005Z","H41130200746","南阳市第一人民医院","王*","4113****0021","outpatient",[["项目0",6000],["项目1",4000]],10000,7000,2000,1000,null]',
    );
  });

  it('makes a signature that breaks when any printed field changes', () => {
    const keys = generateSm2KeyPair();
    const signature = sm2Sign(canonicalBillText(fields), keys.privateKey);
    expect(sm2Verify(canonicalBillText(fields), signature, keys.publicKey)).toBe(true);
    for (const changed of [{ cashPayFen: 1001 }, { checkCode: 'AB12CE' }, { original: { billCode: '41162601', billNumber: '0000000002' } }]) {
      expect(sm2Verify(canonicalBillText({ ...fields, ...changed }), signature, keys.publicKey)).toBe(false);
    }
  });
});
