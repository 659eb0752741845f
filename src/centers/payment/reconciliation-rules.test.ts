import { describe, expect, it } from 'vitest';
import { compareStatement, isPrivateHost, parseStatement, regionOfInstitution, type PlatformRecord, type StatementRow } from './reconciliation-rules.js';

const HEADER = '交易时间,商户订单号,渠道交易号,类型,金额(分)';
const H = 'H41130200746';

const pay = (orderId: string, cashFen: number, over: Partial<PlatformRecord> = {}): PlatformRecord => ({
  type: 'pay', orderId, refundId: null, channelRef: null, cashFen, institutionCode: H, ofTheDay: true, settled: true, ...over,
});
const refund = (orderId: string, refundId: string, channelRef: string, cashFen: number): PlatformRecord => ({
  type: 'refund', orderId, refundId, channelRef, cashFen, institutionCode: H, ofTheDay: true, settled: true,
});
const line = (type: 'pay' | 'refund', outTradeNo: string, channelRef: string, amountFen: number): StatementRow => ({ type, outTradeNo, channelRef, amountFen });

describe('parseStatement', () => {
  it.each([
    ['header only', `${HEADER}\n`, { ok: true, rows: [] }],
    ['a payment and a refund', `${HEADER}\n2019-03-15T01:00:00.000Z,pay_1,42a,PAY,355000\r\n2019-03-15T02:00:00.000Z,pay_1,50b,REFUND,55000\n`, {
      ok: true,
      rows: [line('pay', 'pay_1', '42a', 355_000), line('refund', 'pay_1', '50b', 55_000)],
    }],
    ['no header', '2019-03-15T01:00:00.000Z,pay_1,42a,PAY,1\n', { ok: false, line: 1 }],
    ['an unknown type', `${HEADER}\nt,pay_1,42a,FEE,1\n`, { ok: false, line: 2 }],
    ['an amount in yuan', `${HEADER}\nt,pay_1,42a,PAY,3550.00\n`, { ok: false, line: 2 }],
    ['a missing cell', `${HEADER}\nt,pay_1,PAY,1\n`, { ok: false, line: 2 }],
    ['an empty statement', '', { ok: false, line: 1 }],
  ])('%s', (_name, csv, expected) => {
    expect(parseStatement(csv)).toEqual(expected);
  });
});

describe('regionOfInstitution', () => {
  it.each([
    ['H41130200746', '411302'],
    ['h41130200746', null],
    ['X41130200746', null],
    [null, null],
  ])('%s → %s', (code, region) => expect(regionOfInstitution(code)).toBe(region));
});

describe('compareStatement', () => {
  const kinds = (statement: StatementRow[], platform: PlatformRecord[]) => compareStatement(statement, platform).map((i) => [i.key, i.kind, i.platformFen, i.channelFen]);

  it.each([
    ['the same payment on both sides', [line('pay', 'p1', '42a', 355_000)], [pay('p1', 355_000)], [['pay:p1', 'match', 355_000, 355_000]]],
    ['the channel shows another amount', [line('pay', 'p1', '42a', 355_001)], [pay('p1', 355_000)], [['pay:p1', 'amount_mismatch', 355_000, 355_001]]],
    ['the channel took a payment the platform never saw', [line('pay', 'p9', '42z', 100)], [], [['pay:p9', 'missing_on_platform', null, 100]]],
    ['the platform failed the order the channel took money for', [line('pay', 'p1', '42a', 100)], [pay('p1', 100, { settled: false, ofTheDay: false })], [['pay:p1', 'missing_on_platform', null, 100]]],
    ['the platform paid an order the channel does not show', [], [pay('p1', 355_000)], [['pay:p1', 'missing_at_channel', 355_000, null]]],
    ['a payment without cash never reaches the channel', [], [pay('p1', 0)], []],
    ['a record looked up only because the statement named another day', [], [pay('p1', 100, { ofTheDay: false })], []],
    ['a refund on both sides', [line('refund', 'p1', '50r', 55_000)], [refund('p1', 'prf_1', '50r', 55_000)], [['refund:50r', 'match', 55_000, 55_000]]],
    ['a refund the channel does not show', [], [refund('p1', 'prf_1', '50r', 55_000)], [['refund:50r', 'missing_at_channel', 55_000, null]]],
    ['a refund the platform does not know', [line('refund', 'p1', '50x', 10)], [pay('p1', 100, { ofTheDay: false })], [['refund:50x', 'missing_on_platform', null, 10]]],
    ['a payment line repeated by the channel adds up', [line('pay', 'p1', '42a', 100), line('pay', 'p1', '42a', 100)], [pay('p1', 100)], [['pay:p1', 'amount_mismatch', 100, 200]]],
  ])('%s', (_name, statement, platform, expected) => {
    expect(kinds(statement as StatementRow[], platform as PlatformRecord[])).toEqual(expected);
  });

  it('names the institution of an order the platform holds, none of one it does not', () => {
    const [known, unknown] = compareStatement([line('refund', 'p1', '50x', 10), line('pay', 'p9', '42z', 5)], [pay('p1', 100, { ofTheDay: false })]);
    expect(known.institutionCode).toBe(H);
    expect(unknown.institutionCode).toBeNull();
  });
});

describe('isPrivateHost: webhook addresses that point back into the platform\'s network', () => {
  it.each([
    ['localhost', true],
    ['api.localhost', true],
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.10', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['[::1]', true],
    ['[fd12:3456::1]', true],
    ['[fe80::1]', true],
    ['[::ffff:127.0.0.1]', true],
    ['8.8.8.8', false],
    ['his.hospital.example.cn', false],
    ['[2001:db8::1]', false],
  ])('%s → %s', (host, expected) => {
    expect(isPrivateHost(host)).toBe(expected);
  });
});
