/**
 * 移动支付 through each cash channel style: the order names its channel (`payChannel`), and the
 * Alipay-style and UnionPay-style fakes (their own wire formats and signatures: RSA2 forms and JSON,
 * SM2-signed 全渠道 forms) take the cash part, call back signed, decline, lose callbacks and refund
 * exactly as the WeChat-style one does, while every call of an order stays with its own channel. A
 * forged callback is refused and changes nothing; the day's reconciliation compares each channel's
 * statement with that channel's orders only.
 */
import { generateKeyPairSync, randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlipayClient, unionPayOrderId } from '../../src/adapters/index.js';
import { signedNotification } from '../../src/adapters/paychannel/alipay.js';
import { encodeForm } from '../../src/adapters/paychannel/form.js';
import { certIdOf, signerOf, signFields } from '../../src/adapters/paychannel/unionpay.js';
import { syncPayments } from '../../src/centers/payment/index.js';
import { generateSm2KeyPair } from '../../src/kernel/crypto/index.js';
import type { FakePayChannelHooks } from '../../fakes/index.js';
import {
  accountBalance,
  confirmOrder,
  DOMAIN_LINES,
  idempotencyKey,
  INSTITUTION,
  newPayer,
  paymentCast,
  signedGet,
  signedPost,
  VISIT_DATE,
  voucherCode,
  type Channel,
  type Payer,
  type PaymentCast,
} from '../support/payment.js';
import { loginStaff } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let cast: PaymentCast;
let hospital: Channel;

type Style = 'alipay' | 'unionpay';

const LINES = DOMAIN_LINES;
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

const channelPost = (app: Channel, path: string, body: unknown, key?: string) => signedPost(server, app, path, body, key);
const channelGet = (app: Channel, path: string) => signedGet(server, app, path);
const db = () => server.platform.ctx.database;
const key = idempotencyKey;
const balanceOf = (personId: string) => accountBalance(server, personId);
const settlementsOf = async (personId: string) => (await db().rows<{ status: string }>(sql`select status from settlement.settlements where person_id = ${personId}`)).map((s) => s.status);
const payer = (balanceFen: number) => newPayer(server, cast, balanceFen);

async function orderBody(who: Payer, settlementType: 'ALL' | 'CASH', payChannel?: string) {
  return {
    code: await voucherCode(server, who, hospital),
    insuranceType: '310',
    institutionCode: INSTITUTION,
    visit: { kind: 'inpatient', date: VISIT_DATE },
    lines: LINES,
    settlementType,
    orderReference: `ORD${randomInt(1e9)}${randomInt(1e6)}`,
    ...(payChannel ? { payChannel } : {}),
  };
}

async function createOrder(who: Payer, settlementType: 'ALL' | 'CASH', payChannel?: string) {
  const created = await channelPost(hospital, '/payment/orders', await orderBody(who, settlementType, payChannel), key());
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

const confirm = (who: Payer, id: string) => confirmOrder(server, who, id);

async function order(id: string) {
  const response = await channelGet(hospital, `/payment/orders/${id}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

const fakeOf = (style: Style | 'wechat'): FakePayChannelHooks & { calls: readonly { path: string; body: unknown; auth: string }[] } => server.fakes.paychannels[style];
/** The order's number at the channel: UnionPay carries `_` as `Z`. */
const tradeKey = (style: Style, id: string) => (style === 'unionpay' ? unionPayOrderId(id) : id);

/** A confirmed order of the style, waiting for the payer (`paying`). */
async function payingOrder(style: Style, settlementType: 'ALL' | 'CASH' = 'ALL') {
  const who = await payer(settlementType === 'ALL' ? 200_000 : 0);
  const created = await createOrder(who, settlementType, style);
  expect(created).toMatchObject({ payChannel: style, status: 'created' });
  const confirmed = await confirm(who, created.id);
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  expect(confirmed.body.status).toBe('paying');
  return { who, id: created.id as string, confirmed: confirmed.body };
}

beforeAll(async () => {
  server = await startTestServer();
  cast = await paymentCast(server, '渠道测试');
  hospital = cast.hospital;
});
afterAll(() => server?.close());

describe.each(['alipay', 'unionpay'] as const)('the %s-style channel', (style) => {
  it('takes the cash part in its own wire format and completes the order on its signed callback', async () => {
    const { who, id, confirmed } = await payingOrder(style);
    expect(confirmed).toMatchObject({ fundFen: 1_445_000, accountFen: 200_000, cashFen: 355_000 });
    expect(confirmed.prepayId).toMatch(style === 'alipay' ? /^\d{8}22001\d{15}$/ : /^\d{21}$/);
    expect(await balanceOf(who.personId)).toBe(0);
    expect(await settlementsOf(who.personId)).toEqual(['settled']);
    const fake = fakeOf(style);
    expect(fake.trades.get(tradeKey(style, id))).toMatchObject({ amountFen: 355_000, tradeState: 'NOTPAY' });
    // On the wire: yuan in Alipay's biz_content, fen in UnionPay's txnAmt; the fake checked the platform's signature.
    const call = fake.calls.find((c) => JSON.stringify(c.body ?? '').includes(tradeKey(style, id)))!;
    expect(call.auth).toBe('ok');
    if (style === 'alipay') expect(JSON.parse((call.body as Record<string, string>).biz_content)).toMatchObject({ out_trade_no: id, total_amount: '3550.00' });
    else expect(call.body).toMatchObject({ orderId: tradeKey(style, id), txnAmt: '355000', signMethod: '03' });
    // Nothing went to the other channels.
    expect(fakeOf('wechat').trades.has(id)).toBe(false);

    expect(await fake.pay(tradeKey(style, id))).toEqual({ delivered: true, status: 200 });
    const paid = await order(id);
    expect(paid).toMatchObject({ status: 'paid', payChannel: style, cashFen: 355_000 });
    expect(paid.transactionId).toBe(fake.trades.get(tradeKey(style, id))!.transactionId);
    // The channel repeats its notification: answered in its own form again, nothing changes.
    expect((await fake.notify(tradeKey(style, id))).delivered).toBe(true);
    expect((await order(id)).status).toBe('paid');
    expect(await settlementsOf(who.personId)).toEqual(['settled']);
  });

  it('a payment declined in the wallet fails the order and reverses the settlement', async () => {
    const { who, id } = await payingOrder(style);
    expect(await balanceOf(who.personId)).toBe(0);
    expect((await fakeOf(style).pay(tradeKey(style, id), 'decline')).delivered).toBe(true);
    expect(await order(id)).toMatchObject({ status: 'failed', failureCode: 'payment.channel_declined' });
    expect(await balanceOf(who.personId)).toBe(200_000);
    expect(await settlementsOf(who.personId)).toEqual(['reversed']);
  });

  it('a declined prepay fails the order at confirmation with the settlement reversed', async () => {
    const who = await payer(200_000);
    const created = await createOrder(who, 'ALL', style);
    fakeOf(style).declineNextPrepay();
    const confirmed = await confirm(who, created.id);
    expect([confirmed.status, confirmed.body.code]).toEqual([422, 'payment.channel_declined']);
    expect(await order(created.id)).toMatchObject({ status: 'failed' });
    expect(await balanceOf(who.personId)).toBe(200_000);
    expect(await settlementsOf(who.personId)).toEqual(['reversed']);
  });

  it('a lost callback: the re-sync job asks the channel and ends the order paid', async () => {
    const { who, id } = await payingOrder(style);
    const fake = fakeOf(style);
    fake.dropNextCallbacks();
    expect((await fake.pay(tradeKey(style, id))).delivered).toBe(false);
    expect((await order(id)).status).toBe('paying');
    await syncPayments(server.platform.ctx);
    const paid = await order(id);
    expect(paid.status).toBe('paid');
    expect(paid.transactionId).toBe(fake.trades.get(tradeKey(style, id))!.transactionId);
    expect(await settlementsOf(who.personId)).toEqual(['settled']);
  });

  it('refunds part of the cash at the order’s channel', async () => {
    const { id } = await payingOrder(style, 'CASH');
    const fake = fakeOf(style);
    await fake.pay(tradeKey(style, id));
    expect((await order(id)).status).toBe('paid');
    const refund = await channelPost(hospital, `/payment/orders/${id}/refunds`, { amountFen: 55_001, reason: '部分退费' }, key());
    expect(refund.status, JSON.stringify(refund.body)).toBe(201);
    expect(refund.body.refund).toMatchObject({ amountFen: 55_001, cashFen: 55_001, settlementFen: 0 });
    expect(refund.body.order).toMatchObject({ status: 'paid', refundedFen: 55_001 });
    // Alipay names a refund by the platform's request number, UnionPay by its own queryId.
    expect(refund.body.refund.channelRefundId).toBe(style === 'alipay' ? refund.body.refund.id : fake.refunds.at(-1)!.refundId);
    expect(fake.trades.get(tradeKey(style, id))!.refundedFen).toBe(55_001);
    expect(fakeOf('wechat').refunds.some((r) => r.outTradeNo === id)).toBe(false);
  });

  it('refuses a forged callback (4xx) and leaves the order as it was', async () => {
    const { id } = await payingOrder(style, 'CASH');
    let body: string;
    if (style === 'alipay') {
      const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
      body = encodeForm(
        signedNotification(
          { notify_type: 'trade_status_sync', notify_id: 'forged', app_id: server.platform.ctx.config.providers.paychannelAlipayAppId, out_trade_no: id, trade_no: '2024000022001000000000000001', trade_status: 'TRADE_SUCCESS', total_amount: '20000.00' },
          forger,
        ),
      );
    } else {
      // The channel's certId, but not its key.
      const signer = { ...signerOf(generateSm2KeyPair().privateKey), certId: certIdOf(server.fakes.paychannels.unionpay.publicKey) };
      body = encodeForm(
        signFields({ version: '5.1.0', encoding: 'UTF-8', txnType: '01', txnSubType: '01', bizType: '000201', merId: server.platform.ctx.config.providers.paychannelUnionpayMerId, orderId: tradeKey(style, id), txnAmt: '2000000', respCode: '00', queryId: '202400000000000000001' }, signer),
      );
    }
    const refused = await server.api('POST', `/payment/notify/${style}`, { raw: body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect([refused.status, refused.body.code]).toEqual([401, 'payment.notify_signature']);
    expect(await order(id)).toMatchObject({ status: 'paying', transactionId: null });
    // Neither is a JSON body taken, nor an unsigned form.
    const json = await server.api('POST', `/payment/notify/${style}`, { body: { out_trade_no: id } });
    expect(json.status).toBe(415);
    const unsigned = await server.api('POST', `/payment/notify/${style}`, { raw: 'a=1&a=2', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(unsigned.status).toBe(400);
    expect((await order(id)).status).toBe('paying');
  });
});

describe('every call of an order stays with its channel', () => {
  it('defaults to WeChat Pay and refuses a channel the platform does not know', async () => {
    const who = await payer(0);
    const created = await createOrder(who, 'CASH');
    expect(created.payChannel).toBe('wechat');
    const unknown = await channelPost(hospital, '/payment/orders', await orderBody(who, 'CASH', 'paypal'), key());
    expect([unknown.status, unknown.body.field]).toEqual([400, 'payChannel']);
  });

  it('a genuine notification of one channel about another channel’s order is refused', async () => {
    const who = await payer(0);
    const created = await createOrder(who, 'CASH', 'wechat');
    await confirm(who, created.id);
    // The Alipay-style channel is made to hold a trade under the WeChat order's number and to pay it.
    const p = server.platform.ctx.config.providers;
    const alipay = createAlipayClient({ baseUrl: p.paychannelAlipayUrl!, appId: p.paychannelAlipayAppId, privateKey: p.paychannelAlipayPrivateKey, alipayPublicKey: p.paychannelAlipayPublicKey! });
    await alipay.prepay({ outTradeNo: created.id, amountFen: created.cashFen, description: 'x', notifyUrl: `${server.url}/api/v1/payment/notify/alipay`, expiresAt: new Date(Date.now() + 60_000).toISOString() });
    expect(await fakeOf('alipay').pay(created.id)).toEqual({ delivered: false, status: 404 });
    expect((await order(created.id)).status).toBe('paying');
  });
});

describe('the day’s reconciliation (对账) per channel', () => {
  it('compares each channel’s statement with its own orders only, every channel in one run', async () => {
    const clerk = (await loginStaff(server, 'nanyang_clerk')).accessToken;
    const paid: Record<string, string> = {};
    for (const style of ['wechat', 'alipay', 'unionpay'] as const) {
      const who = await payer(0);
      const created = await createOrder(who, 'CASH', style);
      await confirm(who, created.id);
      await fakeOf(style).pay(style === 'wechat' ? created.id : tradeKey(style, created.id));
      expect((await order(created.id)).status).toBe('paid');
      paid[style] = created.id;
    }
    const refund = await channelPost(hospital, `/payment/orders/${paid.unionpay}/refunds`, { amountFen: 1, reason: '退药' }, key());
    expect(refund.status, JSON.stringify(refund.body)).toBe(201);
    fakeOf('alipay').alterStatementLine(paid.alipay, { amountFen: 1_999_999 });

    const day = await server.api('POST', '/payment/reconciliations/daily', { token: clerk, body: { date: TODAY } });
    expect(day.status, JSON.stringify(day.body)).toBe(201);
    expect(day.body.reports.map((r: any) => r.channel)).toEqual(['wechat', 'alipay', 'unionpay']);
    const items = async (reportId: string) => (await server.api('GET', `/payment/reconciliations/${reportId}/items?pageSize=100`, { token: clerk })).body.items as any[];
    for (const report of day.body.reports) {
      const found = await items(report.id);
      const orderIds = new Set(found.map((i) => i.orderId));
      // This channel's payment is there; the other channels' are not (not even as missing at the channel).
      for (const [style, id] of Object.entries(paid)) expect(orderIds.has(id), `${report.channel} report and the ${style} order`).toBe(style === report.channel);
      expect(found.every((i) => i.channel === report.channel)).toBe(true);
    }
    const [, alipayReport, unionpayReport] = day.body.reports;
    expect((await items(alipayReport.id)).find((i) => i.orderId === paid.alipay)).toMatchObject({ kind: 'amount_mismatch', platformFen: 2_000_000, channelFen: 1_999_999 });
    const unionpayItems = await items(unionpayReport.id);
    expect(unionpayItems.find((i) => i.type === 'pay' && i.orderId === paid.unionpay)).toMatchObject({ kind: 'match', channelFen: 2_000_000 });
    expect(unionpayItems.find((i) => i.type === 'refund' && i.channelRef === refund.body.refund.channelRefundId)).toMatchObject({ kind: 'match', orderId: paid.unionpay, refundId: refund.body.refund.id, channelFen: 1 });

    // One channel's report on its own, as before.
    const single = await server.api('POST', '/payment/reconciliations', { token: clerk, body: { date: TODAY, channel: 'alipay' } });
    expect(single.body).toMatchObject({ id: alipayReport.id, channel: 'alipay', runs: 2 });
  });
});
