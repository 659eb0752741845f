import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeUnionPayChannel, type FakeUnionPayChannel } from '../../../fakes/unionpay/server.js';
import { generateSm2KeyPair } from '../../kernel/crypto/index.js';
import { AdapterError } from '../errors.js';
import type { PayChannel } from './client.js';
import { parseForm } from './form.js';
import {
  createUnionPayClient,
  fileLine,
  platformOrderId,
  signerOf,
  signFields,
  statementOfFile,
  tradeStateOf,
  unionPayOrderId,
  verifierOf,
  verifyFields,
  verifyUnionPayNotification,
} from './unionpay.js';

describe('signMethod 03 (SM2 over the SM3 digest of the sorted fields)', () => {
  const key = generateSm2KeyPair();
  const signer = signerOf(key.privateKey);
  const verifier = verifierOf(key.publicKey);
  const fields = { version: '5.1.0', encoding: 'UTF-8', txnType: '01', orderId: 'payZ01', txnAmt: '1', respMsg: '成功' };

  it('verifies what it signed, whatever the order of the fields', () => {
    const signed = signFields(fields, signer);
    expect(signed).toMatchObject({ signMethod: '03', certId: signer.certId });
    const reordered = Object.fromEntries(Object.entries(signed).reverse());
    expect(verifyFields(reordered, verifier)).toBe(true);
  });

  it('refuses a changed field, an added one, another key and another certId', () => {
    const signed = signFields(fields, signer);
    expect(verifyFields({ ...signed, txnAmt: '100' }, verifier)).toBe(false);
    expect(verifyFields({ ...signed, queryId: '1' }, verifier)).toBe(false);
    expect(verifyFields(signFields(fields, signerOf(generateSm2KeyPair().privateKey)), verifier)).toBe(false);
    expect(verifyFields({ ...signed, certId: '1' }, verifier)).toBe(false);
    expect(verifyFields({ ...signed, signMethod: '01' }, verifier)).toBe(false);
    expect(verifyFields({ ...signed, signature: 'not base64!' }, verifier)).toBe(false);
  });
});

describe('order ids and states', () => {
  it('carries the platform’s ids in letters and digits and back', () => {
    expect(unionPayOrderId('pay_01jd8x7k2m3n4p5q6r7s8t9v0w')).toBe('payZ01jd8x7k2m3n4p5q6r7s8t9v0w');
    expect(platformOrderId('payZ01jd8x7k2m3n4p5q6r7s8t9v0w')).toBe('pay_01jd8x7k2m3n4p5q6r7s8t9v0w');
    expect(platformOrderId('ABC12345')).toBe('ABC12345');
    expect(() => unionPayOrderId('short')).toThrow(RangeError);
    expect(() => unionPayOrderId('pay-with-dash-0001')).toThrow(RangeError);
  });

  it.each([
    ['00', 'SUCCESS'],
    ['A6', 'SUCCESS'],
    ['03', 'NOTPAY'],
    ['04', 'NOTPAY'],
    ['05', 'NOTPAY'],
    ['01', 'PAYERROR'],
    ['60', 'PAYERROR'],
  ])('origRespCode %s → %s', (code, state) => expect(tradeStateOf(code)).toBe(state));
});

describe('UnionPay-style adapter against the fake channel', () => {
  const merId = '777290058110048';
  const platform = generateSm2KeyPair();
  let fake: FakeUnionPayChannel;
  let client: PayChannel;
  const received: Array<{ check: ReturnType<typeof verifyUnionPayNotification>; fields: Record<string, string> }> = [];
  const notifyApp = Fastify();
  let notifyUrl = '';

  beforeAll(async () => {
    fake = await startFakeUnionPayChannel({ merId, platformPublicKey: platform.publicKey });
    client = createUnionPayClient({ baseUrl: fake.url, merId, privateKey: platform.privateKey, unionPayPublicKey: fake.publicKey, timeoutMs: 500 });
    const verifier = verifierOf(fake.publicKey);
    notifyApp.removeAllContentTypeParsers();
    notifyApp.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    notifyApp.post('/notify', async (req, reply) => {
      const fields = parseForm(req.body as string)!;
      received.push({ check: verifyUnionPayNotification({ merId, verifier }, fields), fields });
      return reply.type('text/plain').send('ok');
    });
    notifyUrl = `${await notifyApp.listen({ port: 0, host: '127.0.0.1' })}/notify`;
  });
  afterAll(async () => {
    await fake.close();
    await notifyApp.close();
  });

  const id = (n: string) => `pay_0000000000test${n}`;
  const prepay = (outTradeNo: string, amountFen = 355_000) => client.prepay({ outTradeNo, amountFen, description: '医保移动支付', notifyUrl, expiresAt: new Date(Date.now() + 60_000).toISOString() });
  const trade = (outTradeNo: string) => fake.trades.get(unionPayOrderId(outTradeNo))!;

  it('signs every call (the fake verifies) and reads the signed answers', async () => {
    const { prepayId } = await prepay(id('a'));
    expect(prepayId).toMatch(/^\d{21}$/);
    expect(await prepay(id('a'))).toEqual({ prepayId });
    const consume = fake.calls.find((c) => c.path === '/gateway/api/appTransReq.do')!;
    expect(consume.auth).toBe('ok');
    expect(consume.body).toMatchObject({ version: '5.1.0', encoding: 'UTF-8', signMethod: '03', txnType: '01', merId, orderId: unionPayOrderId(id('a')), txnAmt: '355000', currencyCode: '156', backUrl: notifyUrl });
    expect(trade(id('a'))).toMatchObject({ amountFen: 355_000, tradeState: 'NOTPAY' });
    expect(await client.query(id('a'))).toEqual({ outTradeNo: id('a'), tradeState: 'NOTPAY', amountFen: 355_000 });
  });

  it('delivers the payment and a decline as back notifications the platform can verify', async () => {
    await prepay(id('b'), 1);
    expect(await fake.pay(unionPayOrderId(id('b')))).toEqual({ delivered: true, status: 200 });
    const paid = received.at(-1)!;
    expect(paid.check).toEqual({ ok: true, trade: { outTradeNo: id('b'), tradeState: 'SUCCESS', amountFen: 1, transactionId: trade(id('b')).transactionId } });
    expect(paid.fields).toMatchObject({ respCode: '00', txnType: '01', orderId: unionPayOrderId(id('b')) });
    const verifier = verifierOf(fake.publicKey);
    expect(verifyUnionPayNotification({ merId, verifier }, { ...paid.fields, txnAmt: '100' })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyUnionPayNotification({ merId, verifier }, { ...paid.fields, respCode: '60' })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyUnionPayNotification({ merId: '898000000000002', verifier }, paid.fields)).toEqual({ ok: false, reason: 'unknown_app' });
    expect(verifyUnionPayNotification({ merId, verifier: verifierOf(generateSm2KeyPair().publicKey) }, paid.fields)).toEqual({ ok: false, reason: 'bad_signature' });
    // A refund's result (退货 04) is acknowledged, not a trade.
    const channel = generateSm2KeyPair();
    const { signature: _s, certId: _c, ...plain } = paid.fields;
    const refundResult = signFields({ ...plain, txnType: '04', orderId: 'prfZ00000000001' }, signerOf(channel.privateKey));
    expect(verifyUnionPayNotification({ merId, verifier: verifierOf(channel.publicKey) }, refundResult)).toEqual({ ok: true, trade: null });

    await prepay(id('c'));
    expect((await fake.pay(unionPayOrderId(id('c')), 'decline')).delivered).toBe(true);
    expect(received.at(-1)!.check).toMatchObject({ ok: true, trade: { outTradeNo: id('c'), tradeState: 'PAYERROR' } });
    expect((await client.query(id('c'))).tradeState).toBe('PAYERROR');
  });

  it('close: refused when paid, harmless when unpaid or unknown (the pay timeout ends those)', async () => {
    await expect(client.close(id('b'))).rejects.toMatchObject({ code: 'rejected', upstreamCode: 'ORDERPAID' });
    await client.close(id('a'));
    await client.close(id('never'));
    await expect(client.query(id('never'))).rejects.toMatchObject({ code: 'rejected', upstreamCode: 'ORDER_NOT_EXIST' });
    await client.prepay({ outTradeNo: id('late'), amountFen: 5, description: 'x', notifyUrl, expiresAt: new Date(Date.now() - 1_000).toISOString() });
    await expect(fake.pay(unionPayOrderId(id('late')))).rejects.toThrow(/timed out/);
  });

  it('refunds by the consume’s queryId, once per refund orderId (a repeat is answered by a query), never beyond', async () => {
    await prepay(id('d'), 355_000);
    await fake.pay(unionPayOrderId(id('d')));
    const { transactionId } = trade(id('d'));
    const first = await client.refund({ outTradeNo: id('d'), outRefundNo: 'prf_00000000001', amountFen: 55_000, reason: '退药', transactionId });
    expect(first.refundId).toMatch(/^\d{21}$/);
    // A retry (the answer was lost): the channel says 12 重复交易, the adapter finds the first refund.
    expect(await client.refund({ outTradeNo: id('d'), outRefundNo: 'prf_00000000001', amountFen: 55_000, reason: '退药', transactionId })).toEqual(first);
    expect(trade(id('d')).refundedFen).toBe(55_000);
    // Without the queryId at hand the adapter asks for it.
    const second = await client.refund({ outTradeNo: id('d'), outRefundNo: 'prf_00000000002', amountFen: 300_000, reason: '全退' });
    expect(second.refundId).not.toBe(first.refundId);
    await expect(client.refund({ outTradeNo: id('d'), outRefundNo: 'prf_00000000003', amountFen: 1, reason: 'x', transactionId })).rejects.toMatchObject({ code: 'rejected', upstreamCode: '33' });
    await expect(client.refund({ outTradeNo: id('a'), outRefundNo: 'prf_00000000004', amountFen: 1, reason: 'x' })).rejects.toMatchObject({ code: 'rejected', upstreamCode: '35' });

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const statement = (await client.statement(today)).split('\n');
    expect(statement[0]).toBe('交易时间,商户订单号,渠道交易号,类型,金额(分)');
    expect(statement.some((l) => l.endsWith(`,${id('d')},${transactionId},PAY,355000`))).toBe(true);
    expect(statement.some((l) => l.endsWith(`,${id('d')},${first.refundId},REFUND,55000`))).toBe(true);
    expect(statement.some((l) => l.endsWith(`,${id('d')},${second.refundId},REFUND,300000`))).toBe(true);
  });

  it('refuses a tampered answer and a call signed with another key; times out on a hung gateway; declines on demand', async () => {
    fake.tamperNextResponses();
    await expect(client.query(id('a'))).rejects.toMatchObject({ code: 'bad_signature' });
    const impostor = createUnionPayClient({ baseUrl: fake.url, merId, privateKey: generateSm2KeyPair().privateKey, unionPayPublicKey: fake.publicKey });
    await expect(impostor.query(id('a'))).rejects.toMatchObject({ code: 'unauthorized', upstreamCode: '11' });
    fake.hangNext(1, 1_000);
    const timedOut = await client.query(id('a')).catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(AdapterError);
    expect((timedOut as AdapterError).code).toBe('timeout');
    fake.declineNextPrepay();
    await expect(prepay(id('e'))).rejects.toMatchObject({ code: 'rejected', upstreamCode: '30' });
  });
});

describe('the statement file as a statement', () => {
  it('writes consumes and refunds (by the original order) in fen; marks what it cannot read', () => {
    const file = [
      fileLine({ txnType: '01', orderId: 'payZabc12345', queryId: '202405171000050000001', amountFen: 29, txnTime: '20240517100005' }),
      fileLine({ txnType: '04', orderId: 'prfZ99999999', queryId: '202405171100000000002', amountFen: 1, txnTime: '20240517110000', origQryId: '202405171000050000001', origOrderId: 'payZabc12345' }),
      '01 pay,bad 202405171000050000003 000000000001 20240517100005 000000000000000000000 -',
      '01 payZabc12346 202405171000050000004 12.5 20240517100005 000000000000000000000 -',
    ].join('\r\n');
    expect(statementOfFile(`${file}\r\n`).split('\n')).toEqual([
      '交易时间,商户订单号,渠道交易号,类型,金额(分)',
      '2024-05-17T10:00:05+08:00,pay_abc12345,202405171000050000001,PAY,29',
      '2024-05-17T11:00:00+08:00,pay_abc12345,202405171100000000002,REFUND,1',
      '?',
      '?',
      '',
    ]);
  });
});
