import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { startFakePayChannel, type FakePayChannel } from '../../../fakes/paychannel/server.js';
import { createMemoryNonceStore, signRequest } from '../signing.js';
import { AdapterError } from '../errors.js';
import { createPayChannelClient, verifyNotification, type PayChannel } from './client.js';

const creds = { appId: 'yibao', secret: 'paychannel-secret' };

describe('payment channel adapter against the fake channel', () => {
  let fake: FakePayChannel;
  let client: PayChannel;
  const received: Array<{ ok: boolean; body: unknown }> = [];
  const notifyApp = Fastify();
  let notifyUrl = '';

  beforeAll(async () => {
    fake = await startFakePayChannel(creds);
    client = createPayChannelClient({ baseUrl: fake.url, ...creds, timeoutMs: 300 });
    // A stand-in for the platform's notify route: verifies the callback as the platform does.
    const nonces = createMemoryNonceStore();
    notifyApp.removeAllContentTypeParsers();
    notifyApp.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    notifyApp.post('/notify', async (req) => {
      const verified = await verifyNotification(creds, { headers: req.headers as Record<string, string>, method: 'POST', path: req.url, body: req.body as string, nonceSeen: nonces.nonceSeen });
      received.push({ ok: verified.ok, body: JSON.parse(req.body as string) });
      return { code: 'SUCCESS' };
    });
    notifyUrl = `${await notifyApp.listen({ port: 0, host: '127.0.0.1' })}/notify`;
  });
  afterAll(async () => {
    await fake.close();
    await notifyApp.close();
  });

  const prepay = (outTradeNo: string, amountFen = 355_000) => client.prepay({ outTradeNo, amountFen, description: 'test', notifyUrl, expiresAt: new Date(Date.now() + 60_000).toISOString() });

  it('creates a prepay once per order number, and the payment arrives as a verifiable signed callback', async () => {
    const first = await prepay('pay_a');
    expect(await prepay('pay_a')).toEqual(first);
    expect(await client.query('pay_a')).toEqual({ outTradeNo: 'pay_a', tradeState: 'NOTPAY', amountFen: 355_000 });
    await fake.pay('pay_a');
    expect(received.at(-1)).toMatchObject({ ok: true, body: { outTradeNo: 'pay_a', tradeState: 'SUCCESS', amountFen: 355_000 } });
    expect((await client.query('pay_a')).tradeState).toBe('SUCCESS');
    // A paid order cannot be closed; a refund beyond the amount is refused, within it accepted once per refund number.
    await expect(client.close('pay_a')).rejects.toMatchObject({ code: 'rejected', upstreamCode: 'ORDERPAID' });
    const refund = await client.refund({ outTradeNo: 'pay_a', outRefundNo: 'r1', amountFen: 300_000, reason: 'x' });
    expect(await client.refund({ outTradeNo: 'pay_a', outRefundNo: 'r1', amountFen: 300_000, reason: 'x' })).toEqual(refund);
    await expect(client.refund({ outTradeNo: 'pay_a', outRefundNo: 'r2', amountFen: 55_001, reason: 'x' })).rejects.toMatchObject({ code: 'rejected', upstreamCode: 'NOT_ENOUGH' });
  });

  it('declines, drops callbacks and hangs on demand; closes unpaid orders', async () => {
    fake.declineNextPrepay();
    await expect(prepay('pay_b')).rejects.toMatchObject({ code: 'rejected', upstreamCode: 'DECLINED' });
    await prepay('pay_b');
    fake.dropNextCallbacks();
    const count = received.length;
    expect(await fake.pay('pay_b', 'decline')).toEqual({ delivered: false });
    expect(received.length).toBe(count);
    expect((await client.query('pay_b')).tradeState).toBe('PAYERROR');
    fake.hangNext(1, 1_000);
    const timedOut = await client.query('pay_b').catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(AdapterError);
    expect((timedOut as AdapterError).code).toBe('timeout');
    await prepay('pay_c');
    await client.close('pay_c');
    expect((await client.query('pay_c')).tradeState).toBe('CLOSED');
    await expect(client.query('pay_none')).rejects.toMatchObject({ code: 'rejected', status: 404 });
  });

  it('refuses a replayed callback and one signed with another key', async () => {
    const nonces = createMemoryNonceStore();
    const body = JSON.stringify({ outTradeNo: 'pay_d', tradeState: 'SUCCESS', amountFen: 1 });
    const check = (secret: string, headers = signRequest({ appId: 'yibao', secret, method: 'POST', path: '/notify', body })) =>
      verifyNotification(creds, { headers, method: 'POST', path: '/notify', body, nonceSeen: nonces.nonceSeen });
    const genuine = signRequest({ appId: 'yibao', secret: creds.secret, method: 'POST', path: '/notify', body });
    expect(await check(creds.secret, genuine)).toEqual({ ok: true, appId: 'yibao' });
    expect(await check(creds.secret, genuine)).toEqual({ ok: false, reason: 'replay' });
    expect(await check('another-key')).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('gives the day’s statement as CSV, payments and refunds in fen', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const csv = await client.statement(today);
    const rows = csv.trim().split('\n');
    expect(rows[0]).toBe('交易时间,商户订单号,渠道交易号,类型,金额(分)');
    expect(rows.filter((r) => r.includes(',PAY,')).map((r) => r.split(',')[1])).toEqual(['pay_a']);
    expect(rows.filter((r) => r.includes(',REFUND,')).map((r) => r.split(',').slice(1, 2).concat(r.split(',')[4]))).toEqual([['pay_a', '300000']]);
  });
});
