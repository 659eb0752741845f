import { generateKeyPairSync } from 'node:crypto';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAlipayChannel, type FakeAlipayChannel } from '../../../fakes/alipay/server.js';
import { AdapterError } from '../errors.js';
import { createAlipayClient, fenToYuan, signedNotification, statementOfBill, tradeStateOf, verifyAlipayNotification, yuanToFen } from './alipay.js';
import type { PayChannel } from './client.js';
import { parseForm } from './form.js';

const pem = () => {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString() };
};

describe('yuan ↔ fen, exactly', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [10, '0.10'],
    [29, '0.29'],
    [115, '1.15'],
    [435, '4.35'],
    [355_000, '3550.00'],
    [10_000_000_000, '100000000.00'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91'],
  ])('%i fen ↔ "%s"', (fen, yuan) => {
    expect(fenToYuan(fen)).toBe(yuan);
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it('reads the shorter forms the channel may write', () => {
    expect(yuanToFen('12')).toBe(1_200);
    expect(yuanToFen('12.3')).toBe(1_230);
    expect(yuanToFen('0.1')).toBe(10);
  });

  it('round-trips every fen of a range where floating point would slip', () => {
    for (let fen = 0; fen < 20_000; fen++) expect(yuanToFen(fenToYuan(fen))).toBe(fen);
  });

  it.each(['', '1.234', '-1.00', '1e3', '01.00', '1,000.00', ' 1.00', '1.', '.5', '0x10', '90071992547409.92', '99999999999999.99'])('refuses "%s"', (text) => {
    expect(yuanToFen(text)).toBeNull();
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('refuses %d fen', (fen) => {
    expect(() => fenToYuan(fen)).toThrow(RangeError);
  });
});

describe('trade states', () => {
  it.each([
    ['WAIT_BUYER_PAY', 'NOTPAY'],
    ['TRADE_SUCCESS', 'SUCCESS'],
    ['TRADE_FINISHED', 'SUCCESS'],
    ['TRADE_CLOSED', 'CLOSED'],
    ['TRADE_PENDING', null],
  ])('%s → %s', (status, state) => expect(tradeStateOf(status)).toBe(state));
});

describe('Alipay-style adapter against the fake channel', () => {
  const app = pem();
  const appId = '2021000000000042';
  let fake: FakeAlipayChannel;
  let client: PayChannel;
  const received: Array<{ check: ReturnType<typeof verifyAlipayNotification>; fields: Record<string, string> }> = [];
  const notifyApp = Fastify();
  let notifyUrl = '';

  beforeAll(async () => {
    fake = await startFakeAlipayChannel({ appId, platformPublicKey: app.publicKey });
    client = createAlipayClient({ baseUrl: fake.url, appId, privateKey: app.privateKey, alipayPublicKey: fake.publicKey, timeoutMs: 500 });
    // A stand-in for the platform's notify route: verifies as the platform does, answers `success`.
    notifyApp.removeAllContentTypeParsers();
    notifyApp.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    notifyApp.post('/notify', async (req, reply) => {
      const fields = parseForm(req.body as string)!;
      received.push({ check: verifyAlipayNotification({ appId, alipayPublicKey: fake.publicKey }, fields), fields });
      return reply.type('text/plain').send('success');
    });
    notifyUrl = `${await notifyApp.listen({ port: 0, host: '127.0.0.1' })}/notify`;
  });
  afterAll(async () => {
    await fake.close();
    await notifyApp.close();
  });

  const prepay = (outTradeNo: string, amountFen = 355_001) => client.prepay({ outTradeNo, amountFen, description: '医保移动支付', notifyUrl, expiresAt: new Date(Date.now() + 60_000).toISOString() });

  it('signs every call (the fake verifies), sends yuan, and reads signed answers back in fen', async () => {
    const { prepayId } = await prepay('pay_a');
    expect(prepayId).toMatch(/^\d{8}22001\d{15}$/);
    expect(await prepay('pay_a')).toEqual({ prepayId });
    const create = fake.calls.find((c) => c.path === '/gateway.do' && (c.body as Record<string, string>).method === 'alipay.trade.create')!;
    expect(create.auth).toBe('ok');
    expect(create.body).toMatchObject({ app_id: appId, sign_type: 'RSA2', charset: 'utf-8', notify_url: notifyUrl });
    expect(JSON.parse((create.body as Record<string, string>).biz_content)).toMatchObject({ out_trade_no: 'pay_a', total_amount: '3550.01' });
    expect(fake.trades.get('pay_a')!.amountFen).toBe(355_001);
    expect(await client.query('pay_a')).toEqual({ outTradeNo: 'pay_a', tradeState: 'NOTPAY', amountFen: 355_001, transactionId: prepayId });
  });

  it('delivers the payment as a notification the platform can verify; a tampered one is refused', async () => {
    await prepay('pay_b', 1);
    expect(await fake.pay('pay_b')).toEqual({ delivered: true, status: 200 });
    const { check, fields } = received.at(-1)!;
    expect(check).toEqual({ ok: true, trade: { outTradeNo: 'pay_b', tradeState: 'SUCCESS', amountFen: 1, transactionId: fake.trades.get('pay_b')!.prepayId } });
    expect(fields).toMatchObject({ trade_status: 'TRADE_SUCCESS', total_amount: '0.01', sign_type: 'RSA2' });
    const verify = (f: Record<string, string>) => verifyAlipayNotification({ appId, alipayPublicKey: fake.publicKey }, f);
    expect(verify({ ...fields, total_amount: '100.00' })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verify({ ...fields, trade_status: 'TRADE_CLOSED' })).toEqual({ ok: false, reason: 'bad_signature' });
    const { sign: _sign, ...unsigned } = fields;
    expect(verify(unsigned)).toEqual({ ok: false, reason: 'missing' });
    // Signed by someone else's key, or for another app.
    const forger = pem();
    expect(verify(signedNotification({ ...fields, sign: '' }, forger.privateKey))).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyAlipayNotification({ appId: '2021000000000099', alipayPublicKey: fake.publicKey }, fields)).toEqual({ ok: false, reason: 'unknown_app' });
  });

  it('a declined payment closes the trade; closing is refused when paid and harmless otherwise', async () => {
    await prepay('pay_c');
    expect((await fake.pay('pay_c', 'decline')).delivered).toBe(true);
    expect(received.at(-1)!.check).toMatchObject({ ok: true, trade: { outTradeNo: 'pay_c', tradeState: 'CLOSED' } });
    expect((await client.query('pay_c')).tradeState).toBe('CLOSED');
    await client.close('pay_c');

    await prepay('pay_d');
    await client.close('pay_d');
    expect((await client.query('pay_d')).tradeState).toBe('CLOSED');
    await expect(fake.pay('pay_d')).rejects.toThrow();

    await expect(client.close('pay_b')).rejects.toMatchObject({ code: 'rejected', upstreamCode: 'ORDERPAID' });
    await client.close('pay_never_created');
    await expect(client.query('pay_never_created')).rejects.toMatchObject({ code: 'rejected', upstreamCode: 'ORDER_NOT_EXIST' });
  });

  it('refunds once per request number, never beyond the payment, and the statement lists it all in fen', async () => {
    await prepay('pay_e', 355_000);
    await fake.pay('pay_e');
    expect(await client.refund({ outTradeNo: 'pay_e', outRefundNo: 'prf_1', amountFen: 55_000, reason: '退药' })).toEqual({ refundId: 'prf_1' });
    expect(await client.refund({ outTradeNo: 'pay_e', outRefundNo: 'prf_1', amountFen: 55_000, reason: '退药' })).toEqual({ refundId: 'prf_1' });
    expect(fake.trades.get('pay_e')!.refundedFen).toBe(55_000);
    await expect(client.refund({ outTradeNo: 'pay_e', outRefundNo: 'prf_2', amountFen: 300_001, reason: 'x' })).rejects.toMatchObject({ code: 'rejected', upstreamCode: 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL' });
    await expect(client.refund({ outTradeNo: 'pay_a', outRefundNo: 'prf_3', amountFen: 1, reason: 'x' })).rejects.toMatchObject({ code: 'rejected', upstreamCode: 'ACQ.TRADE_STATUS_ERROR' });

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const statement = (await client.statement(today)).split('\n');
    expect(statement[0]).toBe('交易时间,商户订单号,渠道交易号,类型,金额(分)');
    const tradeNo = fake.trades.get('pay_e')!.prepayId;
    expect(statement.some((l) => l.endsWith(`,pay_e,${tradeNo},PAY,355000`))).toBe(true);
    expect(statement.some((l) => l.endsWith(',pay_e,prf_1,REFUND,55000'))).toBe(true);
    expect(statement.some((l) => l.endsWith(',pay_b,' + fake.trades.get('pay_b')!.prepayId + ',PAY,1'))).toBe(true);
  });

  it('refuses a tampered answer, a call signed with another key, and times out on a hung gateway', async () => {
    fake.tamperNextResponses();
    await expect(client.query('pay_a')).rejects.toMatchObject({ code: 'bad_signature' });
    const impostor = createAlipayClient({ baseUrl: fake.url, appId, privateKey: pem().privateKey, alipayPublicKey: fake.publicKey });
    await expect(impostor.query('pay_a')).rejects.toMatchObject({ code: 'unauthorized', upstreamCode: 'isv.invalid-signature' });
    // An answer signed by someone else is not believed either.
    const misled = createAlipayClient({ baseUrl: fake.url, appId, privateKey: app.privateKey, alipayPublicKey: pem().publicKey });
    await expect(misled.query('pay_a')).rejects.toMatchObject({ code: 'bad_signature' });
    fake.hangNext(1, 1_000);
    const timedOut = await client.query('pay_a').catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(AdapterError);
    expect((timedOut as AdapterError).code).toBe('timeout');
  });

  it('declines a prepay on demand', async () => {
    fake.declineNextPrepay();
    await expect(prepay('pay_f')).rejects.toMatchObject({ code: 'rejected', upstreamCode: 'ACQ.ACCESS_FORBIDDEN' });
    await prepay('pay_f');
  });
});

describe('the trade bill as a statement', () => {
  const HEADER = '支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,对方账户,订单金额（元）,商家实收（元）,退款批次号/请求号,备注';
  const bill = (...rows: string[]) => ['#支付宝业务明细查询', '#账号：[2088]', HEADER, ...rows, '#交易合计：1笔'].join('\r\n');

  it('writes trades and refunds in fen, refunds by their request number', () => {
    const csv = statementOfBill(bill('2024051722001400000000000001\t,pay_x\t,交易,门诊,2024-05-17 10:00:00,2024-05-17 10:00:05,159***,0.29,0.29,,', '2024051722001400000000000001\t,pay_x\t,退款,门诊,2024-05-17 10:00:00,2024-05-17 11:00:00,159***,-0.01,-0.01,prf_9\t,'));
    expect(csv.split('\n')).toEqual(['交易时间,商户订单号,渠道交易号,类型,金额(分)', '2024-05-17T10:00:05+08:00,pay_x,2024051722001400000000000001,PAY,29', '2024-05-17T11:00:00+08:00,pay_x,prf_9,REFUND,1', '']);
  });

  it('marks what it cannot read, line by line, and a bill without its columns as a whole', () => {
    const lines = statementOfBill(bill('1,pay_x,交易,门诊,2024-05-17 10:00:00,2024-05-17 10:00:05,159***,0.291,0.29,,', '1,pay,x,交易,门诊,2024-05-17 10:00:00,2024-05-17 10:00:05,159***,1.00,1.00,,')).split('\n');
    expect(lines.slice(1, 3)).toEqual(['?', '?']);
    expect(statementOfBill('#nothing\r\nfoo,bar\r\n')).toBe('?\n');
  });
});
