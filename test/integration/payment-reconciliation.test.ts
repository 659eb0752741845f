/**
 * 支付对账 and 机构回调 over HTTP with the fake payment channel: a clerk reconciles the day's
 * statement with the platform's payments and refunds of their region's institutions (every kind of
 * difference found, decided once, kept when the day is reconciled again); the institution gets
 * signed webhooks of its orders' end states, retried with exponential backoff.
 */
import { randomInt } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryNonceStore, verifySignedRequest } from '../../src/adapters/signing.js';
import { configurePaymentWebhooks, deliverPaymentWebhooks } from '../../src/centers/payment/index.js';
import { loginStaff, randomCreditCode } from '../support/factories.js';
import {
  confirmOrder,
  FEE_CODES,
  idempotencyKey,
  INSTITUTION,
  must,
  newPayer,
  paymentCast,
  signedHeaders,
  signedPost,
  VISIT_DATE,
  voucherCode,
  type Channel,
  type Payer,
  type PaymentCast,
} from '../support/payment.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let cast: PaymentCast;
let admin: string;
let clerk: string;
let sysadmin: string;
let hospital: Channel;
/** a 郑州 hospital's app, bound to it */
let zhengzhou: Channel;

/** 南阳 宛城区 (the clerk's city) and 郑州 (not theirs) */
const NANYANG_HOSPITAL = INSTITUTION;
const ZHENGZHOU_HOSPITAL = 'H41010200031';
const LINES = [{ code: FEE_CODES.service, class: 'A', quantity: 1, amountFen: 120_000 }];
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

const ok = (method: string, path: string, body: unknown, token = admin, status = 201) => must(server, method, path, body, token, status);
const channelPost = (app: Channel, path: string, body: unknown, key?: string) => signedPost(server, app, path, body, key);
const db = () => server.platform.ctx.database;
const key = idempotencyKey;
/** An insured person of 南阳 with an activated voucher and the hospital authorized (CASH orders need no balance). */
const payer = () => newPayer(server, cast);

/** A CASH order (all 1,200.00 through the channel) at the app's institution, confirmed and then paid or declined in the wallet. */
async function cashOrder(who: Payer, app: Channel = hospital, outcome: 'success' | 'decline' = 'success') {
  const body = { code: await voucherCode(server, who, app), insuranceType: '310', visit: { kind: 'outpatient', date: VISIT_DATE }, lines: LINES, settlementType: 'CASH', orderReference: `ORD${randomInt(1e9)}` };
  const created = await channelPost(app, '/payment/orders', body, key());
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const confirmed = await confirmOrder(server, who, created.body.id);
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  expect((await server.fakes.paychannel.pay(created.body.id, outcome)).delivered).toBe(true);
  return created.body.id as string;
}

const reconcile = (token: string, body: unknown = { date: TODAY, channel: 'wechat' }) => server.api('POST', '/payment/reconciliations', { token, body });
async function items(token: string, id: string, query = '') {
  const response = await server.api('GET', `/payment/reconciliations/${id}/items?pageSize=100${query}`, { token });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.items as any[];
}
const byKey = (list: any[]) => Object.fromEntries(list.map((i) => [i.key ?? `${i.type}:${i.type === 'pay' ? i.orderId : i.channelRef}`, i]));

beforeAll(async () => {
  server = await startTestServer();
  cast = await paymentCast(server, '对账测试');
  ({ admin, sysadmin, hospital } = cast);
  // 郑州's hospital is designated by its own city: a national administrator registers it here.
  await ok('POST', '/registry/institutions', { code: ZHENGZHOU_HOSPITAL, name: '郑州市金水区人民医院', kind: 'general_hospital', creditCode: randomCreditCode(), level: 2, agreementFrom: '2020-01-01', agreementTo: '2030-12-31' }, sysadmin);
  zhengzhou = await ok('POST', '/auth/channels', { name: '郑州市金水区人民医院HIS', capabilities: ['voucher.verify', 'payment.order'], institutionCode: ZHENGZHOU_HOSPITAL }, sysadmin);
  clerk = (await loginStaff(server, 'nanyang_clerk')).accessToken;
});
afterAll(() => server?.close());

describe('daily reconciliation (对账)', () => {
  it('finds matches and every kind of difference, scoped to the clerk’s region; decided once; kept on a re-run', async () => {
    const fake = server.fakes.paychannel;
    const who = await newPayer(server, cast, 0, [hospital, zhengzhou]);
    const matched = await cashOrder(who);
    const mismatched = await cashOrder(who);
    const notAtChannel = await cashOrder(who);
    const declined = await cashOrder(who, hospital, 'decline');
    const elsewhere = await cashOrder(who, zhengzhou);
    const refund = await channelPost(hospital, `/payment/orders/${matched}/refunds`, { amountFen: 20_000, reason: '退药' }, key());
    expect(refund.status, JSON.stringify(refund.body)).toBe(201);
    const channelRefundId = refund.body.refund.channelRefundId as string;

    fake.alterStatementLine(mismatched, { amountFen: 119_999 });
    fake.alterStatementLine(notAtChannel, { omit: true });
    // The channel took money for an order the platform ended as failed, refunded something the platform never asked, and shows an order the platform never had.
    fake.addStatementLine({ type: 'PAY', outTradeNo: declined, amountFen: 120_000 });
    fake.addStatementLine({ type: 'REFUND', outTradeNo: matched, amountFen: 500, channelRef: '50extra' });
    fake.addStatementLine({ type: 'PAY', outTradeNo: 'pay_nosuchorder', amountFen: 7_700 });

    const first = await reconcile(clerk);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({
      date: TODAY,
      channel: 'wechat',
      runs: 1,
      counts: { match: 2, amount_mismatch: 1, missing_on_platform: 2, missing_at_channel: 1 },
      items: { open: 4, resolved: 0 },
    });
    const id = first.body.id as string;
    const found = byKey(await items(clerk, id));
    expect(Object.keys(found).sort()).toEqual([`pay:${declined}`, `pay:${matched}`, `pay:${mismatched}`, `pay:${notAtChannel}`, 'refund:50extra', `refund:${channelRefundId}`].sort());
    expect(found[`pay:${matched}`]).toMatchObject({ kind: 'match', status: 'matched', platformFen: 120_000, channelFen: 120_000, differenceFen: 0, regionCode: '411302' });
    // the institution by the registry's name, beside its code
    expect(found[`pay:${matched}`]).toMatchObject({ institutionCode: NANYANG_HOSPITAL, institutionName: '南阳市第一人民医院' });
    expect(found[`refund:${channelRefundId}`]).toMatchObject({ kind: 'match', type: 'refund', refundId: refund.body.refund.id, platformFen: 20_000, channelFen: 20_000 });
    expect(found[`pay:${mismatched}`]).toMatchObject({ kind: 'amount_mismatch', status: 'open', platformFen: 120_000, channelFen: 119_999, differenceFen: -1 });
    expect(found[`pay:${notAtChannel}`]).toMatchObject({ kind: 'missing_at_channel', platformFen: 120_000, channelFen: null, differenceFen: null });
    expect(found[`pay:${declined}`]).toMatchObject({ kind: 'missing_on_platform', platformFen: null, channelFen: 120_000, institutionCode: NANYANG_HOSPITAL });
    expect(found['refund:50extra']).toMatchObject({ kind: 'missing_on_platform', type: 'refund', orderId: matched, channelFen: 500 });
    // Filters.
    expect((await items(clerk, id, '&kind=match')).map((i) => i.kind)).toEqual(['match', 'match']);
    expect((await items(clerk, id, '&status=open')).length).toBe(4);

    // 郑州's order and the order nobody has are not the 南阳 clerk's: until a national administrator runs it, only the 南阳 part is reconciled.
    const before = await server.api('GET', `/payment/reconciliations/${id}`, { token: sysadmin });
    expect(before.body.counts).toEqual({ match: 2, amount_mismatch: 1, missing_on_platform: 2, missing_at_channel: 1 });
    expect((await reconcile(sysadmin)).body).toMatchObject({ id, runs: 2, counts: { match: 3, amount_mismatch: 1, missing_on_platform: 3, missing_at_channel: 1 } });
    const national = byKey(await items(sysadmin, id));
    expect(national[`pay:${elsewhere}`]).toMatchObject({ kind: 'match', regionCode: '410102' });
    expect(national['pay:pay_nosuchorder']).toMatchObject({ kind: 'missing_on_platform', regionCode: '', institutionCode: null, channelFen: 7_700 });
    const clerkSummary = await server.api('GET', `/payment/reconciliations/${id}`, { token: clerk });
    expect(clerkSummary.body.counts).toEqual({ match: 2, amount_mismatch: 1, missing_on_platform: 2, missing_at_channel: 1 });
    expect(Object.keys(byKey(await items(clerk, id)))).not.toContain(`pay:${elsewhere}`);

    // Decided once.
    const mismatchId = (await items(clerk, id, '&kind=amount_mismatch'))[0].id as string;
    const resolved = await server.api('POST', `/payment/reconciliation-items/${mismatchId}/resolve`, { token: clerk, body: { resolution: 'channel_adjust', note: '渠道少记 1 分，已申请调账' } });
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: 'channel_adjust', note: '渠道少记 1 分，已申请调账' });
    const again = await server.api('POST', `/payment/reconciliation-items/${mismatchId}/resolve`, { token: clerk, body: { resolution: 'confirmed' } });
    expect([again.status, again.body.code]).toEqual([409, 'payment.reconciliation_item_decided']);
    const matchedItem = national[`pay:${matched}`].id as string;
    expect((await server.api('POST', `/payment/reconciliation-items/${matchedItem}/resolve`, { token: clerk, body: { resolution: 'confirmed' } })).status).toBe(409);
    // Another region's item reads as missing.
    const foreignItem = national[`pay:${elsewhere}`].id as string;
    expect((await server.api('POST', `/payment/reconciliation-items/${foreignItem}/resolve`, { token: clerk, body: { resolution: 'confirmed' } })).status).toBe(404);
    const unknownItem = national['pay:pay_nosuchorder'].id as string;
    expect((await server.api('POST', `/payment/reconciliation-items/${unknownItem}/resolve`, { token: clerk, body: { resolution: 'write_off' } })).status).toBe(404);

    // Re-run after the channel corrected the omitted line: open items replaced, the decided one kept as it was, one report per day.
    fake.alterStatementLine(notAtChannel, {});
    const rerun = await reconcile(clerk);
    expect(rerun.status).toBe(201);
    expect(rerun.body).toMatchObject({ id, runs: 3, counts: { match: 3, amount_mismatch: 1, missing_on_platform: 2, missing_at_channel: 0 }, items: { open: 2, resolved: 1 } });
    const after = byKey(await items(clerk, id));
    expect(after[`pay:${mismatched}`]).toMatchObject({ id: mismatchId, status: 'resolved', resolution: 'channel_adjust' });
    expect(after[`pay:${notAtChannel}`]).toMatchObject({ kind: 'match', status: 'matched' });
    expect(after[`pay:${declined}`].id).not.toBe(found[`pay:${declined}`].id);
    // The national part the clerk cannot see was left alone by the clerk's re-run.
    expect(byKey(await items(sysadmin, id))['pay:pay_nosuchorder'].id).toBe(unknownItem);
    const list = await server.api('GET', `/payment/reconciliations?date=${TODAY}`, { token: clerk });
    expect(list.body).toMatchObject({ total: 1, items: [{ id, runs: 3 }] });
    const rows = await db().rows<{ n: number }>(sql`select count(*)::int as n from payment.reconciliation_items where reconciliation_id = ${id} and key = ${`pay:${mismatched}`}`);
    expect(rows[0].n).toBe(1);
  });

  it('refuses callers without the permission, bad input, and unknown ids', async () => {
    const who = await payer();
    const refused = await reconcile(who.token);
    expect(refused.status).toBe(403);
    const badDate = await reconcile(clerk, { date: '2019-02-30', channel: 'wechat' });
    expect([badDate.status, badDate.body.field]).toEqual([400, 'date']);
    const badChannel = await reconcile(clerk, { date: TODAY, channel: 'paypal' });
    expect([badChannel.status, badChannel.body.field]).toEqual([400, 'channel']);
    const badResolution = await server.api('POST', '/payment/reconciliation-items/pri_x/resolve', { token: clerk, body: { resolution: 'ignore' } });
    expect([badResolution.status, badResolution.body.field]).toEqual([400, 'resolution']);
    expect((await server.api('GET', '/payment/reconciliations/prc_nosuch', { token: clerk })).status).toBe(404);
    expect((await server.api('GET', '/payment/reconciliations/prc_nosuch/items', { token: clerk })).status).toBe(404);
    expect((await server.api('POST', '/payment/reconciliation-items/pri_nosuch/resolve', { token: clerk, body: { resolution: 'confirmed' } })).status).toBe(404);
  });

  it('reports an unreadable statement as a 502 problem, storing nothing', async () => {
    const before = await db().rows<{ n: number }>(sql`select count(*)::int as n from payment.reconciliations`);
    server.fakes.paychannel.addStatementLine({ type: 'PAY', outTradeNo: 'pay_bad,line', amountFen: 1 });
    const unreadable = await reconcile(clerk);
    expect([unreadable.status, unreadable.body.code]).toEqual([502, 'payment.statement_unreadable']);
    const after = await db().rows<{ n: number }>(sql`select count(*)::int as n from payment.reconciliations`);
    expect(after[0].n).toBe(before[0].n);
  });
});

/** A tiny institution endpoint: verifies the platform's signature with the app's secret, fails the first `failFirst` calls. */
async function receiver(app: Channel, failFirst: number) {
  const calls: Array<{ at: number; verified: boolean; body: any; status: number }> = [];
  const nonces = createMemoryNonceStore();
  const http: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const check = await verifySignedRequest({ headers: req.headers as Record<string, string>, method: req.method!, path: req.url!, body: raw, lookupSecret: (id) => (id === app.appId ? app.secret : undefined), nonceSeen: nonces.nonceSeen });
      const status = !check.ok ? 401 : calls.filter((c) => c.verified).length < failFirst ? 500 : 204;
      calls.push({ at: Date.now(), verified: check.ok, body: JSON.parse(raw), status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/his/yibao-events?v=1`, calls, close: () => new Promise<void>((resolve) => http.close(() => resolve())) };
}

const webhookPut = (app: Channel, url: unknown) => {
  const raw = JSON.stringify({ url });
  return server.api('PUT', '/payment/webhook', { raw, headers: signedHeaders(app, 'PUT', '/payment/webhook', raw) });
};
const deliveries = async (app: Channel, query = '') => {
  const path = `/payment/webhook/deliveries?pageSize=100${query}`;
  const response = await server.api('GET', path, { headers: signedHeaders(app, 'GET', path) });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.items as any[];
};
/** Runs the outbox and the sender until the order's deliveries are settled (delivered or given up). */
async function settle(orderId: string, expected: number) {
  for (let i = 0; i < 200; i++) {
    while ((await server.platform.ctx.outbox.dispatchOnce()) > 0);
    await deliverPaymentWebhooks(server.platform.ctx);
    const rows = await deliveries(hospital, `&orderId=${orderId}`);
    if (rows.length === expected && rows.every((d) => d.status !== 'pending')) return rows;
    await sleep(20);
  }
  throw new Error(`deliveries of ${orderId} did not settle`);
}

describe('institution webhooks (机构回调)', () => {
  it('registers only http(s) URLs, for the signed app itself', async () => {
    for (const url of ['ftp://his.example/events', 'javascript:alert(1)', 'http://user:pw@his.example/x', 'not a url']) {
      const refused = await webhookPut(hospital, url);
      expect([refused.status, refused.body.field], url).toEqual([400, 'url']);
    }
    const unsigned = await server.api('PUT', '/payment/webhook', { body: { url: 'https://his.example/events' } });
    expect(unsigned.status).toBe(401);
  });

  it('POSTs each end state signed with the app’s secret, retrying failures with exponential backoff', async () => {
    configurePaymentWebhooks(server.platform.ctx, { baseDelayMs: 60, maxAttempts: 4 });
    const his = await receiver(hospital, 2);
    try {
      const registered = await webhookPut(hospital, his.url);
      expect(registered.status, JSON.stringify(registered.body)).toBe(200);
      expect(registered.body.url).toBe(his.url);
      const who = await payer();

      const paid = await cashOrder(who);
      const [delivery] = await settle(paid, 1);
      expect(delivery).toMatchObject({ event: 'paid', status: 'delivered', attempts: 3, lastStatus: 204, lastError: null, lastUrl: his.url });
      const calls = his.calls.filter((c) => c.body.order.id === paid);
      expect(calls.map((c) => [c.verified, c.status])).toEqual([[true, 500], [true, 500], [true, 204]]);
      expect(calls[2].body).toMatchObject({ event: 'paid', order: { id: paid, status: 'paid', cashFen: 120_000 } });
      // 60 ms after the first failure, 120 ms after the second.
      expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(55);
      expect(calls[2].at - calls[1].at).toBeGreaterThanOrEqual(115);

      const refund = await channelPost(hospital, `/payment/orders/${paid}/refunds`, { amountFen: 20_000, reason: '退药' }, key());
      expect(refund.status).toBe(201);
      const full = await channelPost(hospital, `/payment/orders/${paid}/refunds`, { amountFen: 100_000, reason: '取消' }, key());
      expect(full.status).toBe(201);
      const afterRefunds = await settle(paid, 3);
      expect(afterRefunds.map((d) => [d.event, d.status, d.attempts])).toEqual([['refunded', 'delivered', 1], ['refunded', 'delivered', 1], ['paid', 'delivered', 3]]);
      const refundCalls = his.calls.filter((c) => c.body.order.id === paid && c.body.event === 'refunded');
      expect(refundCalls.map((c) => [c.body.order.status, c.body.order.refundedFen, c.body.refund?.amountFen ?? null])).toEqual([['paid', 20_000, 20_000], ['refunded', 120_000, null]]);

      const declined = await cashOrder(who, hospital, 'decline');
      expect((await settle(declined, 1))[0]).toMatchObject({ event: 'failed', status: 'delivered', attempts: 1 });
      expect(his.calls.every((c) => c.verified)).toBe(true);

      // Another institution sees none of it.
      const clinic = await ok('POST', '/auth/channels', { name: '另一家诊所HIS', capabilities: ['payment.order'] }, sysadmin);
      expect(await deliveries(clinic)).toEqual([]);
    } finally {
      await his.close();
    }
  });

  it('refuses a name that resolves into the platform’s network, at registration and again at every send', async (context) => {
    // This machine's own name resolves to a loopback or private address on the test machines (/etc/hosts).
    const name = hostname();
    const resolved = await lookup(name).catch(() => null);
    if (!resolved || !/^(127\.|10\.|192\.168\.|::1$)/.test(resolved.address) || name === 'localhost') return context.skip();
    const { payment } = server.platform.ctx.config;
    configurePaymentWebhooks(server.platform.ctx, { baseDelayMs: 10, maxAttempts: 2 });
    const his = await receiver(hospital, 0);
    const url = his.url.replace('127.0.0.1', name);
    try {
      payment.webhookPrivateHosts = false;
      const refused = await webhookPut(hospital, url);
      expect([refused.status, refused.body.code, refused.body.field]).toEqual([400, 'payment.webhook_private_host', 'url']);
      // Registered while private hosts were allowed: the name now "points inward" after registration (DNS rebinding).
      payment.webhookPrivateHosts = true;
      expect((await webhookPut(hospital, url)).status).toBe(200);
      payment.webhookPrivateHosts = false;
      const id = await cashOrder(await payer());
      const [given] = await settle(id, 1);
      expect(given).toMatchObject({ event: 'paid', status: 'failed', attempts: 2, lastStatus: null });
      expect(given.lastError).toContain('private address');
      expect(his.calls.filter((c) => c.body.order.id === id)).toEqual([]);
    } finally {
      payment.webhookPrivateHosts = true;
      await his.close();
    }
  });

  it('gives a delivery up after the configured attempts, and keeps the history', async () => {
    configurePaymentWebhooks(server.platform.ctx, { baseDelayMs: 10, maxAttempts: 3 });
    const his = await receiver(hospital, 1_000);
    try {
      expect((await webhookPut(hospital, his.url)).status).toBe(200);
      const id = await cashOrder(await payer());
      const [given] = await settle(id, 1);
      expect(given).toMatchObject({ event: 'paid', status: 'failed', attempts: 3, lastStatus: 500, lastError: 'HTTP 500', nextAttemptAt: null });
      expect(his.calls.filter((c) => c.body.order.id === id)).toHaveLength(3);
      expect((await deliveries(hospital, '&status=failed')).map((d) => d.id)).toContain(given.id);
    } finally {
      await his.close();
    }
  });
});
