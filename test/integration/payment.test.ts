/**
 * 移动支付中心 over HTTP with the fake payment channel: an institution (signed channel app with
 * `payment.order`) creates an order from the person's e-voucher code, the person confirms with the
 * voucher password, the fund and account parts are settled (DOMAIN.md's inpatient example) and the
 * cash part goes through the channel; declines, lost callbacks and timeouts end in one clear state
 * with the settlement reversed; refunds cannot exceed what was paid.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPayChannelClient, signRequest } from '../../src/adapters/index.js';
import { syncPayments } from '../../src/centers/payment/index.js';
import * as settlement from '../../src/centers/settlement/index.js';
import { transaction } from '../../src/kernel/db/index.js';
import {
  accountBalance,
  confirmOrder,
  DOMAIN_LINES,
  idempotencyKey,
  INSTITUTION,
  must,
  newPayer,
  paymentCast,
  signedGet,
  signedPost,
  voucherCode,
  VOUCHER_PASSWORD,
  type Channel,
  VISIT_DATE,
  type Payer,
  type PaymentCast,
} from '../support/payment.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let cast: PaymentCast;
let admin: string;
let hospital: Channel;

const LINES = DOMAIN_LINES;
const ok = (method: string, path: string, body: unknown, token = admin, status = 201) => must(server, method, path, body, token, status);
const channelPost = (app: Channel, path: string, body: unknown, key?: string) => signedPost(server, app, path, body, key);
const channelGet = (app: Channel, path: string) => signedGet(server, app, path);
const db = () => server.platform.ctx.database;
const key = idempotencyKey;
const balanceOf = (personId: string) => accountBalance(server, personId);
const settlementsOf = (personId: string) => db().rows<{ id: string; status: string }>(sql`select id, status from settlement.settlements where person_id = ${personId}`);
const accumulationsOf = (personId: string) =>
  db().rows<{ deductible_fen: number; fund_paid_fen: number }>(sql`select deductible_fen, fund_paid_fen from settlement.accumulations where person_id = ${personId}`);

const payer = (balanceFen: number) => newPayer(server, cast, balanceFen);
const code = (who: Payer, app = hospital) => voucherCode(server, who, app);

const reference = () => `ORD${randomInt(1e9)}${randomInt(1e6)}`;

async function orderBody(who: Payer, settlementType: 'ALL' | 'CASH' | 'HI', app = hospital) {
  return {
    code: await code(who, app),
    insuranceType: '310',
    institutionCode: INSTITUTION,
    visit: { kind: 'inpatient', date: VISIT_DATE },
    lines: LINES,
    settlementType,
    orderReference: reference(),
  };
}

async function createOrder(who: Payer, settlementType: 'ALL' | 'CASH' | 'HI') {
  const created = await channelPost(hospital, '/payment/orders', await orderBody(who, settlementType), key());
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

const confirm = (who: Payer, id: string, password = VOUCHER_PASSWORD, confirmKey = key()) => confirmOrder(server, who, id, password, confirmKey);

async function order(id: string) {
  const response = await channelGet(hospital, `/payment/orders/${id}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** A paid ALL order of DOMAIN.md's example (cash 3,550.00). */
async function paidOrder() {
  const who = await payer(200_000);
  const created = await createOrder(who, 'ALL');
  expect((await confirm(who, created.id)).status).toBe(200);
  expect((await server.fakes.paychannel.pay(created.id)).delivered).toBe(true);
  expect((await order(created.id)).status).toBe('paid');
  return { who, id: created.id as string };
}

beforeAll(async () => {
  server = await startTestServer();
  cast = await paymentCast(server, '支付测试');
  ({ admin, hospital } = cast);
});
afterAll(() => server?.close());

describe('settlement type ALL (fund + account + cash)', () => {
  it('settles DOMAIN.md’s example to the fen and completes on the channel’s signed callback', async () => {
    const who = await payer(200_000);
    const created = await createOrder(who, 'ALL');
    expect(created).toMatchObject({ status: 'created', personId: who.personId, totalFen: 2_000_000, fundFen: 1_445_000, accountFen: 200_000, cashFen: 355_000, settlementId: null });
    // The institution is the app's binding, its level the registry's (二级) on the visit date.
    expect(created).toMatchObject({ institutionCode: INSTITUTION, visit: { kind: 'inpatient', institutionLevel: 2, date: VISIT_DATE } });
    // Creating moves nothing.
    expect(await balanceOf(who.personId)).toBe(200_000);
    expect(await settlementsOf(who.personId)).toEqual([]);

    const wrong = await confirm(who, created.id, '111111');
    expect([wrong.status, wrong.body.field]).toEqual([400, 'password']);
    expect((await order(created.id)).status).toBe('created');

    const confirmed = await confirm(who, created.id);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'paying', fundFen: 1_445_000, accountFen: 200_000, cashFen: 355_000 });
    expect(confirmed.body.prepayId).toMatch(/^wx/);
    expect(await balanceOf(who.personId)).toBe(0);
    expect(await settlementsOf(who.personId)).toEqual([{ id: confirmed.body.settlementId, status: 'settled' }]);
    expect(server.fakes.paychannel.trades.get(created.id)).toMatchObject({ amountFen: 355_000, tradeState: 'NOTPAY' });

    const callback = await server.fakes.paychannel.pay(created.id);
    expect(callback).toEqual({ delivered: true, status: 200 });
    const paid = await order(created.id);
    expect(paid).toMatchObject({ status: 'paid', refunds: [] });
    expect(paid.transactionId).toBe(server.fakes.paychannel.trades.get(created.id)!.transactionId);
    expect(paid.fundFen + paid.accountFen + paid.cashFen).toBe(paid.totalFen);
    // The channel repeats its callback: nothing changes.
    expect((await server.fakes.paychannel.notify(created.id)).status).toBe(200);
    expect((await order(created.id)).status).toBe('paid');

    // The day's statement from the channel carries the payment.
    const p = server.platform.ctx.config.providers;
    const client = createPayChannelClient({ baseUrl: p.paychannelUrl!, appId: p.paychannelAppId, secret: p.paychannelSecret });
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const statement = await client.statement(today);
    expect(statement.split('\n')[0]).toBe('交易时间,商户订单号,渠道交易号,类型,金额(分)');
    expect(statement).toContain(`,${created.id},${paid.transactionId},PAY,355000`);
  });

  it('two concurrent confirmations settle once', async () => {
    const who = await payer(200_000);
    const created = await createOrder(who, 'ALL');
    const answers = await Promise.all([confirm(who, created.id), confirm(who, created.id)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(await settlementsOf(who.personId)).toHaveLength(1);
    expect(await balanceOf(who.personId)).toBe(0);
    expect((await order(created.id)).status).toBe('paying');
  });

  it('confirmations arriving together settle as if one after another: two orders of one person share the year-to-date and the balance', async () => {
    type Figures = { fundFen: number; accountFen: number; cashFen: number };
    const figures = (o: Figures) => ({ fundFen: o.fundFen, accountFen: o.accountFen, cashFen: o.cashFen });
    // One person's two visits confirmed one after the other: the second finds the deductible met and the account empty.
    const alone = await payer(200_000);
    const [a1, a2] = [await createOrder(alone, 'ALL'), await createOrder(alone, 'ALL')];
    const sequential = [figures((await confirm(alone, a1.id)).body), figures((await confirm(alone, a2.id)).body)];
    expect(sequential[0]).not.toEqual(sequential[1]);

    // Another person's two visits and two other persons' visits, all confirmed at once (the batch carries them together).
    const both = await payer(200_000);
    const others = [await payer(200_000), await payer(200_000)];
    const orders = [await createOrder(both, 'ALL'), await createOrder(both, 'ALL'), ...(await Promise.all(others.map((o) => createOrder(o, 'ALL'))))];
    const answers = await Promise.all(orders.map((o, i) => confirm(i < 2 ? both : others[i - 2], o.id)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const together = answers.slice(0, 2).map((a) => figures(a.body));
    // Which of the two went first is the batch's order; the pair is the sequential pair.
    expect([...together].sort((x, y) => y.accountFen - x.accountFen)).toEqual([...sequential].sort((x, y) => y.accountFen - x.accountFen));
    expect(await balanceOf(both.personId)).toBe(0);
    const [ytd] = await accumulationsOf(both.personId);
    const [ytdAlone] = await accumulationsOf(alone.personId);
    expect(ytd).toEqual(ytdAlone);
    for (const [i, other] of others.entries()) {
      expect(figures(answers[i + 2].body)).toEqual(sequential[0]);
      expect(await balanceOf(other.personId)).toBe(0);
    }
    expect(answers.every((a) => a.body.status === 'paying' && /^wx/.test(a.body.prepayId))).toBe(true);
    // What each confirmation answered is the order as stored.
    for (const [i, created] of orders.entries()) expect(await order(created.id)).toMatchObject(answers[i].body);
  });

  it('a batch settles one person’s visits in turn: each sees the year-to-date and balance the one before left', async () => {
    const ctx = server.platform.ctx;
    // settlement.test.ts's outpatient pair: 800.00 then 500.00 of class A service under the demo's outpatient row (1,000.00 a year, then 60 %).
    const visitsOf = (who: Payer) =>
      Promise.all(
        [80_000, 50_000].map((amountFen, n) =>
          settlement.prepareConsented(
            ctx,
            { appId: hospital.appId },
            {
              personId: who.personId,
              insuranceType: '310',
              institutionCode: INSTITUTION,
              visit: { kind: 'outpatient', institutionLevel: 2, date: VISIT_DATE },
              lines: [{ code: '310100001000000', class: 'A', quantity: 1, amountFen }],
              settlementReference: reference(),
            },
            { kind: 'order', orderId: `pay_batch${n}${randomInt(1e9)}` },
          ),
        ),
      );
    const figures = (outcome: settlement.ManySettled) => {
      if (!('settlement' in outcome)) throw outcome.refused;
      const r = outcome.settlement.result;
      return [r.act_pay_dedc, r.hifp_pay, r.acct_pay, r.psn_cash_pay];
    };
    const sequentially = [
      [80_000, 0, 80_000, 0],
      // 200.00 of the deductible left; (500.00 − 200.00) × 60 % = 180.00; 200.00 left in the account, 120.00 in cash
      [20_000, 18_000, 20_000, 12_000],
    ];
    const both = await payer(100_000);
    const visits = await visitsOf(both);
    const settled = await transaction(ctx.database.db, (tx) => settlement.settleMany(ctx, tx, visits));
    expect(settled.map(figures)).toEqual(sequentially);
    expect(await accumulationsOf(both.personId)).toEqual([{ deductible_fen: 100_000, fund_paid_fen: 18_000 }]);
    expect(await balanceOf(both.personId)).toBe(0);
    // the same visits settled one batch each give the same
    const alone = await payer(100_000);
    const one = [];
    for (const visit of await visitsOf(alone)) one.push(...(await transaction(ctx.database.db, (tx) => settlement.settleMany(ctx, tx, [visit]))).map(figures));
    expect(one).toEqual(sequentially);
  });

  it('a confirmation replayed with its key answers the same; a second confirmation is refused', async () => {
    const who = await payer(200_000);
    const created = await createOrder(who, 'ALL');
    const k = key();
    const first = await confirm(who, created.id, VOUCHER_PASSWORD, k);
    const replay = await confirm(who, created.id, VOUCHER_PASSWORD, k);
    expect([first.status, replay.status]).toEqual([200, 200]);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const again = await confirm(who, created.id);
    expect([again.status, again.body.code]).toEqual([409, 'payment.order_not_confirmable']);
    expect(await settlementsOf(who.personId)).toHaveLength(1);
    expect(server.fakes.paychannel.trades.get(created.id)!.amountFen).toBe(355_000);
  });
});

describe('settlement types HI and CASH', () => {
  it('HI: fund + account only; paid at confirmation without the channel', async () => {
    const who = await payer(600_000);
    const created = await createOrder(who, 'HI');
    // 5,550.00 for the person, all from the account.
    expect(created).toMatchObject({ totalFen: 2_000_000, fundFen: 1_445_000, accountFen: 555_000, cashFen: 0 });
    const confirmed = await confirm(who, created.id);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'paid', cashFen: 0, prepayId: null });
    expect(await balanceOf(who.personId)).toBe(45_000);
    expect(server.fakes.paychannel.trades.has(created.id)).toBe(false);
  });

  it('HI: refused when a cash part would remain', async () => {
    const who = await payer(200_000);
    const refused = await channelPost(hospital, '/payment/orders', await orderBody(who, 'HI'), key());
    expect([refused.status, refused.body.code, refused.body.field]).toEqual([422, 'payment.cash_not_allowed', 'settlementType']);
  });

  it('CASH: everything through the channel, nothing settled', async () => {
    const who = await payer(200_000);
    const created = await createOrder(who, 'CASH');
    expect(created).toMatchObject({ totalFen: 2_000_000, fundFen: 0, accountFen: 0, cashFen: 2_000_000 });
    const confirmed = await confirm(who, created.id);
    expect(confirmed.body).toMatchObject({ status: 'paying', settlementId: null });
    await server.fakes.paychannel.pay(created.id);
    expect((await order(created.id)).status).toBe('paid');
    expect(await balanceOf(who.personId)).toBe(200_000);
    expect(await settlementsOf(who.personId)).toEqual([]);
    expect(server.fakes.paychannel.trades.get(created.id)!.amountFen).toBe(2_000_000);
  });
});

describe('order creation', () => {
  it('replays the same key, refuses it with another body, requires it, and refuses a used code', async () => {
    const who = await payer(200_000);
    const body = await orderBody(who, 'ALL');
    const k = key();
    const first = await channelPost(hospital, '/payment/orders', body, k);
    const replay = await channelPost(hospital, '/payment/orders', body, k);
    expect([first.status, replay.status]).toEqual([201, 201]);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const mismatch = await channelPost(hospital, '/payment/orders', { ...body, orderReference: reference() }, k);
    expect([mismatch.status, mismatch.body.code]).toEqual([409, 'request.idempotency_conflict']);
    const keyless = await channelPost(hospital, '/payment/orders', body);
    expect([keyless.status, keyless.body.field]).toEqual([400, 'idempotency-key']);
    // The institution code may be left out: the app's binding is the institution.
    const { institutionCode: _named, ...unnamed } = await orderBody(who, 'CASH');
    const bound = await channelPost(hospital, '/payment/orders', unnamed, k + 'b');
    expect([bound.status, bound.body.institutionCode]).toEqual([201, INSTITUTION]);
    // The code was used up by the first creation.
    const reused = await channelPost(hospital, '/payment/orders', { ...body, orderReference: reference() }, key());
    expect(reused.status).toBeGreaterThanOrEqual(400);
    expect(reused.status).toBeLessThan(500);
    expect(Number((await db().rows<{ n: number }>(sql`select count(*)::int as n from payment.orders where person_id = ${who.personId}`))[0].n)).toBe(2);
  });
});

describe('compensation (补偿)', () => {
  it('a declined prepay reverses the settlement: account and accumulations restored, order failed', async () => {
    const who = await payer(200_000);
    const created = await createOrder(who, 'ALL');
    server.fakes.paychannel.declineNextPrepay();
    const confirmed = await confirm(who, created.id);
    expect([confirmed.status, confirmed.body.code]).toEqual([422, 'payment.channel_declined']);
    expect(await order(created.id)).toMatchObject({ status: 'failed', failureCode: 'payment.channel_declined' });
    expect(await balanceOf(who.personId)).toBe(200_000);
    expect((await settlementsOf(who.personId)).map((s) => s.status)).toEqual(['reversed']);
    expect(await accumulationsOf(who.personId)).toEqual([{ deductible_fen: 0, fund_paid_fen: 0 }]);
  });

  it('a payment declined in the wallet (PAYERROR callback) reverses the settlement', async () => {
    const who = await payer(200_000);
    const created = await createOrder(who, 'ALL');
    await confirm(who, created.id);
    expect(await balanceOf(who.personId)).toBe(0);
    expect((await server.fakes.paychannel.pay(created.id, 'decline')).delivered).toBe(true);
    expect((await order(created.id)).status).toBe('failed');
    expect(await balanceOf(who.personId)).toBe(200_000);
    expect((await settlementsOf(who.personId)).map((s) => s.status)).toEqual(['reversed']);
  });

  it('a prepay that times out: the channel order is closed, the settlement reversed, the order failed', async () => {
    const who = await payer(200_000);
    const created = await createOrder(who, 'ALL');
    // The adapter gives up after 5 s; the channel answers later (or never).
    server.fakes.paychannel.hangNext(1, 6_000);
    const confirmed = await confirm(who, created.id);
    expect([confirmed.status, confirmed.body.code]).toEqual([502, 'payment.channel_unavailable']);
    expect(await order(created.id)).toMatchObject({ status: 'failed', failureCode: 'payment.channel_unavailable' });
    expect(await balanceOf(who.personId)).toBe(200_000);
    expect((await settlementsOf(who.personId)).map((s) => s.status)).toEqual(['reversed']);
    // Whatever the hung prepay did at the channel, the order there cannot be paid any more.
    expect(server.fakes.paychannel.trades.get(created.id)!.tradeState).toBe('CLOSED');
    // The hung prepay reaching the channel late is refused there.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(server.fakes.paychannel.trades.get(created.id)!.tradeState).toBe('CLOSED');
  }, 20_000);

  it('a lost callback: the re-sync job asks the channel and ends the order paid', async () => {
    const who = await payer(200_000);
    const created = await createOrder(who, 'ALL');
    await confirm(who, created.id);
    server.fakes.paychannel.dropNextCallbacks();
    expect((await server.fakes.paychannel.pay(created.id)).delivered).toBe(false);
    expect((await order(created.id)).status).toBe('paying');
    await syncPayments(server.platform.ctx);
    expect((await order(created.id)).status).toBe('paid');
    expect(await balanceOf(who.personId)).toBe(0);
    expect((await settlementsOf(who.personId)).map((s) => s.status)).toEqual(['settled']);
  });

  it('a timed-out order is closed at the channel and its settlement reversed; an unconfirmed one just closes', async () => {
    const who = await payer(200_000);
    const paying = await createOrder(who, 'ALL');
    await confirm(who, paying.id);
    const idle = await createOrder(await payer(0), 'CASH');
    await db().rows(sql`update payment.orders set expires_at = now() - interval '1 second' where id in (${paying.id}, ${idle.id})`);
    await syncPayments(server.platform.ctx);
    expect(await order(paying.id)).toMatchObject({ status: 'closed', failureCode: 'payment.order_expired' });
    expect(await order(idle.id)).toMatchObject({ status: 'closed' });
    expect(server.fakes.paychannel.trades.get(paying.id)!.tradeState).toBe('CLOSED');
    expect(await balanceOf(who.personId)).toBe(200_000);
    expect((await settlementsOf(who.personId)).map((s) => s.status)).toEqual(['reversed']);
    // The payer can no longer pay the closed order, and a late confirmation is refused.
    await expect(server.fakes.paychannel.pay(paying.id)).rejects.toThrow();
    const late = await confirm(who, paying.id);
    expect([late.status, late.body.code]).toEqual([409, 'payment.order_not_confirmable']);
  });
});

describe('the re-sync job after a crash', () => {
  it('finishes an order left `settling` past its timeout: whatever settled is reversed, the order closed', async () => {
    const who = await payer(200_000);
    const created = await createOrder(who, 'ALL');
    // A confirmation that died right after claiming the order.
    await db().rows(sql`update payment.orders set status = 'settling', expires_at = now() - interval '1 second' where id = ${created.id}`);
    await syncPayments(server.platform.ctx);
    expect(await order(created.id)).toMatchObject({ status: 'closed', failureCode: 'payment.order_expired' });
    expect(await balanceOf(who.personId)).toBe(200_000);
    expect((await settlementsOf(who.personId)).map((s) => s.status)).toEqual(['reversed']);
    expect(await accumulationsOf(who.personId)).toEqual([{ deductible_fen: 0, fund_paid_fen: 0 }]);
  });

  it('finishes a compensation a crash interrupted, once', async () => {
    const who = await payer(200_000);
    const created = await createOrder(who, 'ALL');
    await confirm(who, created.id);
    await db().rows(sql`update payment.orders set status = 'compensating', failure_code = 'payment.channel_declined' where id = ${created.id}`);
    await syncPayments(server.platform.ctx);
    await syncPayments(server.platform.ctx);
    expect(await order(created.id)).toMatchObject({ status: 'failed', failureCode: 'payment.channel_declined' });
    expect(await balanceOf(who.personId)).toBe(200_000);
    expect((await settlementsOf(who.personId)).map((s) => s.status)).toEqual(['reversed']);
  });
});

describe('refunds (退款)', () => {
  it('two concurrent refunds cannot exceed what was paid', async () => {
    const { id } = await paidOrder();
    const answers = await Promise.all([
      channelPost(hospital, `/payment/orders/${id}/refunds`, { amountFen: 200_000, reason: '退药' }, key()),
      channelPost(hospital, `/payment/orders/${id}/refunds`, { amountFen: 200_000, reason: '退药' }, key()),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
    expect(answers.find((a) => a.status === 422)!.body.field).toBe('amountFen');
    const after = await order(id);
    expect(after.refundedFen).toBe(200_000);
    expect(after.refunds).toHaveLength(1);
    expect(server.fakes.paychannel.trades.get(id)!.refundedFen).toBe(200_000);
  });

  it('partial refunds return cash; the full refund of the rest reverses the settlement; nothing beyond', async () => {
    const { who, id } = await paidOrder();
    const k = key();
    const partial = await channelPost(hospital, `/payment/orders/${id}/refunds`, { amountFen: 55_000, reason: '部分退费' }, k);
    expect(partial.status, JSON.stringify(partial.body)).toBe(201);
    expect(partial.body.refund).toMatchObject({ amountFen: 55_000, cashFen: 55_000, settlementFen: 0 });
    const replay = await channelPost(hospital, `/payment/orders/${id}/refunds`, { amountFen: 55_000, reason: '部分退费' }, k);
    expect(replay.body).toEqual(partial.body);
    // 3,000.00 of cash left: 3,000.01 would need part of the settlement.
    const intoSettlement = await channelPost(hospital, `/payment/orders/${id}/refunds`, { amountFen: 300_001, reason: 'x' }, key());
    expect([intoSettlement.status, intoSettlement.body.code]).toEqual([422, 'payment.refund_partial_settlement']);
    const full = await channelPost(hospital, `/payment/orders/${id}/refunds`, { amountFen: 1_945_000, reason: '全额退费' }, key());
    expect(full.status, JSON.stringify(full.body)).toBe(201);
    expect(full.body.refund).toMatchObject({ amountFen: 1_945_000, cashFen: 300_000, settlementFen: 1_645_000 });
    expect(full.body.order).toMatchObject({ status: 'refunded', refundedFen: 2_000_000 });
    expect(await balanceOf(who.personId)).toBe(200_000);
    expect((await settlementsOf(who.personId)).map((s) => s.status)).toEqual(['reversed']);
    expect(server.fakes.paychannel.trades.get(id)!.refundedFen).toBe(355_000);
    const beyond = await channelPost(hospital, `/payment/orders/${id}/refunds`, { amountFen: 1, reason: 'x' }, key());
    expect([beyond.status, beyond.body.code]).toEqual([409, 'payment.order_not_refundable']);
  });
});

describe('the notify route and scoping', () => {
  it('refuses a callback with a bad signature, and a replayed one', async () => {
    const who = await payer(0);
    const created = await createOrder(who, 'CASH');
    await confirm(who, created.id);
    const body = JSON.stringify({ outTradeNo: created.id, tradeState: 'SUCCESS', amountFen: 2_000_000, transactionId: '42forged' });
    const path = '/api/v1/payment/notify/wechat';
    const forged = signRequest({ appId: 'yibao', secret: 'not-the-secret', method: 'POST', path, body }) as unknown as Record<string, string>;
    const refused = await server.api('POST', '/payment/notify/wechat', { raw: body, headers: forged });
    expect([refused.status, refused.body.code]).toEqual([401, 'payment.notify_signature']);
    expect((await order(created.id)).status).toBe('paying');
    // A genuine callback replayed byte for byte (same nonce) is refused after the first.
    const genuine = signRequest({ appId: 'yibao', secret: server.platform.ctx.config.providers.paychannelSecret, method: 'POST', path, body }) as unknown as Record<string, string>;
    const first = await server.api('POST', '/payment/notify/wechat', { raw: body, headers: genuine });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const replayed = await server.api('POST', '/payment/notify/wechat', { raw: body, headers: genuine });
    expect(replayed.status).toBe(401);
  });

  it('a person sees only their own orders; another institution sees none of the hospital’s', async () => {
    const owner = await payer(200_000);
    const other = await payer(200_000);
    const created = await createOrder(owner, 'ALL');
    const mine = await server.api('GET', '/payment/mine', { token: owner.token });
    expect(mine.body.items.map((o: any) => o.id)).toEqual([created.id]);
    expect((await server.api('GET', `/payment/mine/${created.id}`, { token: owner.token })).status).toBe(200);
    expect((await server.api('GET', '/payment/mine', { token: other.token })).body.items).toEqual([]);
    expect((await server.api('GET', `/payment/mine/${created.id}`, { token: other.token })).status).toBe(404);
    const foreign = await confirm(other, created.id);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'payment.not_found']);
    expect((await order(created.id)).status).toBe('created');

    const clinic = await ok('POST', '/auth/channels', { name: '另一家诊所HIS', capabilities: ['payment.order'] }, cast.sysadmin);
    expect((await channelGet(clinic, `/payment/orders/${created.id}`)).status).toBe(404);
    expect((await channelGet(clinic, '/payment/orders')).body.items).toEqual([]);
    const refund = await channelPost(clinic, `/payment/orders/${created.id}/refunds`, { amountFen: 1, reason: 'x' }, key());
    expect(refund.status).toBe(404);
    expect((await channelGet(hospital, '/payment/orders')).body.items.some((o: any) => o.id === created.id)).toBe(true);
  });
});
