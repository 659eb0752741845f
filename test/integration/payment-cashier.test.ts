/**
 * 收银台 the cashier: the person picks the channel for the cash part of a confirmed (`paying`)
 * order and pays on the channel's page, which sends the signed callback and the browser back to the
 * hall. Only the order's person, only a paying order, one prepay for two requests at once, and
 * another channel closes the first one's trade.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmOrder, DOMAIN_LINES, idempotencyKey, INSTITUTION, newPayer, paymentCast, signedPost, VISIT_DATE, voucherCode, type Payer, type PaymentCast } from '../support/payment.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let cast: PaymentCast;

beforeAll(async () => {
  server = await startTestServer();
  cast = await paymentCast(server, '收银台测试');
});
afterAll(() => server?.close());

/** An order of the hospital for `who`, confirmed when `confirm` (then `paying`: the cash part waits at WeChat Pay). */
async function order(who: Payer, confirm = true) {
  const body = {
    code: await voucherCode(server, who, cast.hospital),
    insuranceType: '310',
    institutionCode: INSTITUTION,
    visit: { kind: 'inpatient', date: VISIT_DATE },
    lines: DOMAIN_LINES,
    settlementType: 'ALL',
    orderReference: `CSH${randomInt(1e9)}`,
  };
  const created = await signedPost(server, cast.hospital, '/payment/orders', body, idempotencyKey());
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  if (!confirm) return created.body as { id: string; status: string; cashFen: number; prepayId: string | null };
  const confirmed = await confirmOrder(server, who, created.body.id);
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  expect(confirmed.body.status).toBe('paying');
  return confirmed.body as { id: string; status: string; cashFen: number; prepayId: string };
}

const cashier = (who: Payer | null, id: string, channel: string) => server.api('POST', `/payment/orders/${id}/cashier`, { token: who?.token, body: { channel } });
const prepayCalls = (style: 'wechat' | 'alipay' | 'unionpay') =>
  server.fakes.paychannels[style].calls.filter((c) => (style === 'wechat' ? c.method === 'POST' && c.path === '/v3/pay/transactions' : style === 'alipay' ? (c.body as { method?: string })?.method === 'alipay.trade.create' : c.path.includes('appTransReq'))).length;

describe('收银台 the cashier', () => {
  it('offers the configured channels to the person', async () => {
    const who = await newPayer(server, cast, 200_000);
    const answer = await server.api('GET', '/payment/cashier/channels', { token: who.token });
    expect(answer.status).toBe(200);
    expect(answer.body.channels).toEqual(['wechat', 'alipay', 'unionpay']);
  });

  it('answers the order’s own prepay on its channel’s page, which sends the browser back to the order in the hall', async () => {
    const who = await newPayer(server, cast, 200_000);
    const paying = await order(who);
    const before = prepayCalls('wechat');
    const answer = await cashier(who, paying.id, 'wechat');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.order).toMatchObject({ id: paying.id, status: 'paying', payChannel: 'wechat', prepayId: paying.prepayId });
    // no second prepay: the confirmation's is the page's
    expect(prepayCalls('wechat')).toBe(before);
    const url = new URL(answer.body.cashierUrl);
    expect(url.origin).toBe(new URL(server.fakes.paychannels.wechat.url).origin);
    expect(url.pathname).toBe(`/cashier/${paying.prepayId}`);
    expect(url.searchParams.get('return')).toBe(`${server.url}/#/personal/payments?order=${paying.id}`);
    expect([...url.searchParams.keys()]).toEqual(['return']);
  });

  it('refuses without a login, another person’s order (not found), an order not paying (409) and an unknown channel (400)', async () => {
    const who = await newPayer(server, cast, 200_000);
    const other = await newPayer(server, cast, 200_000);
    const paying = await order(who);
    expect((await cashier(null, paying.id, 'wechat')).status).toBe(401);
    const foreign = await cashier(other, paying.id, 'alipay');
    expect([foreign.status, foreign.body.code]).toEqual([404, 'payment.not_found']);
    const unknown = await cashier(who, paying.id, 'paypal');
    expect(unknown.status).toBe(400);
    const created = await order(who, false);
    const early = await cashier(who, created.id, 'wechat');
    expect([early.status, early.body.code, early.body.field]).toEqual([409, 'payment.order_not_payable', 'id']);
    // nothing moved at any channel for the refused requests: the foreign person's switch closed nothing
    expect(server.fakes.paychannels.wechat.trades.get(paying.id)?.tradeState).toBe('NOTPAY');
    expect(server.fakes.paychannels.alipay.trades.has(paying.id)).toBe(false);
  });

  it('two requests at once for another channel prepay there once; the first channel’s trade is closed', async () => {
    const who = await newPayer(server, cast, 200_000);
    const paying = await order(who);
    const before = prepayCalls('alipay');
    const [a, b] = await Promise.all([cashier(who, paying.id, 'alipay'), cashier(who, paying.id, 'alipay')]);
    expect([a.status, b.status], JSON.stringify([a.body, b.body])).toEqual([200, 200]);
    expect(prepayCalls('alipay') - before).toBe(1);
    expect(a.body.order.prepayId).toBe(b.body.order.prepayId);
    expect(a.body.order).toMatchObject({ payChannel: 'alipay', status: 'paying' });
    expect(server.fakes.paychannels.wechat.trades.get(paying.id)?.tradeState).toBe('CLOSED');
    expect(server.fakes.paychannels.alipay.trades.get(paying.id)?.prepayId).toBe(a.body.order.prepayId);
    // each request has its audit record, committed with what it changed
    const records = await server.platform.ctx.database.rows<{ status: number; action: string }>(
      sql`select status, action from audit.records where request_id in (${a.headers.get('x-request-id')}, ${b.headers.get('x-request-id')})`,
    );
    expect(records.map((r) => r.status)).toEqual([200, 200]);
  });

  it('pays on the channel’s page: the callback ends the order paid, the browser goes back to the hall; then the cashier refuses it', async () => {
    const who = await newPayer(server, cast, 200_000);
    const paying = await order(who);
    const answer = await cashier(who, paying.id, 'unionpay');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const page = await fetch(answer.body.cashierUrl);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('data-testid="cashier-pay"');
    // the order's cash part (the account took 2,000.00 of the 5,550.00)
    expect(paying.cashFen).toBe(355_000);
    expect(html).toContain('¥ 3,550.00');
    const back = new URL(answer.body.cashierUrl).searchParams.get('return')!;
    const paid = await fetch(new URL(`/cashier/${answer.body.order.prepayId}`, answer.body.cashierUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ outcome: 'pay', return: back }).toString(),
      redirect: 'manual',
    });
    expect([paid.status, paid.headers.get('location')]).toEqual([303, back]);
    const mine = await server.api('GET', `/payment/mine/${paying.id}`, { token: who.token });
    expect(mine.body).toMatchObject({ status: 'paid', payChannel: 'unionpay' });
    const again = await cashier(who, paying.id, 'unionpay');
    expect([again.status, again.body.code]).toEqual([409, 'payment.order_not_payable']);
  });

  it('the channel’s page sends the browser only to the platform that prepaid: another origin is refused, nothing paid; cancel goes back unpaid', async () => {
    const who = await newPayer(server, cast, 200_000);
    const paying = await order(who);
    const answer = await cashier(who, paying.id, 'wechat');
    const pageUrl = new URL(answer.body.cashierUrl);
    const evil = new URL(pageUrl);
    evil.searchParams.set('return', 'https://evil.example/#/personal/payments');
    expect((await fetch(evil)).status).toBe(400);
    const post = (fields: Record<string, string>) =>
      fetch(new URL(pageUrl.pathname, pageUrl), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(), redirect: 'manual' });
    expect((await post({ outcome: 'pay', return: 'https://evil.example/' })).status).toBe(400);
    expect((await post({ outcome: 'pay', return: `${server.url.replace('127.0.0.1', 'localhost')}/` })).status).toBe(400);
    const cancelled = await post({ outcome: 'cancel', return: pageUrl.searchParams.get('return')! });
    expect([cancelled.status, cancelled.headers.get('location')]).toEqual([303, pageUrl.searchParams.get('return')]);
    expect(server.fakes.paychannels.wechat.trades.get(paying.id)?.tradeState).toBe('NOTPAY');
    expect((await server.api('GET', `/payment/mine/${paying.id}`, { token: who.token })).body.status).toBe('paying');
  });
});
