/**
 * Fake 支付渠道 payment channel in a WeChat-Pay-like style: prepay orders, the payer's payment (a
 * test/dev endpoint stands in for the person paying in their wallet app), a signed callback
 * (HMAC-SM3, timestamp, nonce) to the order's notify URL, query, close, refund and the day's
 * statement as CSV. It can decline, hang, or drop callbacks on demand (the trade book, `book.ts`,
 * shared with the Alipay and UnionPay styles), so that the platform's compensation and re-sync can
 * be tested.
 */
import { randomBytes } from 'node:crypto';
import { signRequest } from '../../src/adapters/signing.js';
import { badRequest, field, startFakeServer, stringField, type FakeHandle, type FakeServerOptions } from '../shared/fake-server.js';
import { createTradeBook, hooksOf, registerTestRoutes, type CallbackResult, type FakePayChannelHooks, type FakeTrade } from './book.js';

export type { CallbackResult, ExtraStatementLine, FakePayChannelHooks, FakeRefund, FakeTrade, FakeTradeState } from './book.js';

export type FakePayChannelOptions = FakeServerOptions;

export interface FakePayChannel extends FakeHandle, FakePayChannelHooks {}

export async function startFakePayChannel(opts: FakePayChannelOptions): Promise<FakePayChannel> {
  const view = (t: FakeTrade) => ({ outTradeNo: t.outTradeNo, tradeState: t.tradeState, amountFen: t.amountFen, ...(t.transactionId ? { transactionId: t.transactionId } : {}) });

  const book = createTradeBook({
    ids: {
      prepay: () => `wx${randomBytes(12).toString('hex')}`,
      transaction: () => `42${randomBytes(10).toString('hex')}`,
      refund: () => `50${randomBytes(10).toString('hex')}`,
    },
    async sendCallback(trade): Promise<CallbackResult> {
      const url = new URL(trade.notifyUrl);
      const body = JSON.stringify(view(trade));
      const headers = signRequest({ appId: opts.appId, secret: opts.secret, method: 'POST', path: url.pathname + url.search, body });
      try {
        const response = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(10_000) });
        await response.text();
        return { delivered: response.ok, status: response.status };
      } catch {
        return { delivered: false };
      }
    },
  });

  const handle = await startFakeServer(opts, (r) => {
    r.signed('POST', '/v3/pay/transactions', async (_req, reply, body) => {
      await book.maybeHang();
      const outTradeNo = stringField(body, 'outTradeNo');
      const notifyUrl = stringField(body, 'notifyUrl');
      const amountFen = field(body, 'amountFen');
      if (!outTradeNo || !notifyUrl) return badRequest(reply, 'outTradeNo and notifyUrl are required');
      if (!Number.isSafeInteger(amountFen) || (amountFen as number) <= 0) return badRequest(reply, 'amountFen must be a positive integer');
      const outcome = book.prepay({ outTradeNo, amountFen: amountFen as number, description: stringField(body, 'description') ?? '', notifyUrl });
      if (outcome.ok) return { prepayId: outcome.trade.prepayId };
      if (outcome.code === 'ORDER_CLOSED') return reply.code(400).send({ code: 'ORDER_CLOSED', message: 'the order is closed' });
      if (outcome.code === 'OUT_TRADE_NO_USED') return badRequest(reply, 'the order exists with another amount', 'OUT_TRADE_NO_USED');
      return badRequest(reply, 'the channel declined the order', 'DECLINED');
    });

    r.signed('GET', '/v3/pay/transactions/:outTradeNo', async (req, reply) => {
      await book.maybeHang();
      const trade = book.trades.get((req.params as { outTradeNo: string }).outTradeNo);
      if (!trade) return reply.code(404).send({ code: 'ORDER_NOT_EXIST', message: 'no such order' });
      return view(trade);
    });

    r.signed('POST', '/v3/pay/transactions/:outTradeNo/close', async (req, reply) => {
      await book.maybeHang();
      const closed = book.close((req.params as { outTradeNo: string }).outTradeNo);
      if (closed === 'paid') return reply.code(400).send({ code: 'ORDERPAID', message: 'the order is paid' });
      return { closed: true };
    });

    r.signed('POST', '/v3/refunds', async (_req, reply, body) => {
      await book.maybeHang();
      const outTradeNo = stringField(body, 'outTradeNo');
      const outRefundNo = stringField(body, 'outRefundNo');
      const amountFen = field(body, 'amountFen');
      if (!outTradeNo || !outRefundNo) return badRequest(reply, 'outTradeNo and outRefundNo are required');
      if (!Number.isSafeInteger(amountFen) || (amountFen as number) <= 0) return badRequest(reply, 'amountFen must be a positive integer');
      const outcome = book.refund({ outTradeNo, outRefundNo, amountFen: amountFen as number });
      if (outcome.ok) return { refundId: outcome.refund.refundId, status: 'SUCCESS' };
      if (outcome.code === 'TRADE_NOT_PAID') return reply.code(400).send({ code: 'TRADE_NOT_PAID', message: 'the order is not paid' });
      return reply.code(400).send({ code: 'NOT_ENOUGH', message: 'refund exceeds the paid amount' });
    });

    // 对账单: one line per payment and per refund of the day, amounts in fen.
    r.signed('GET', '/v3/bill', async (req, reply) => {
      const date = (req.query as { date?: string }).date;
      if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return badRequest(reply, 'date must be YYYY-MM-DD');
      const lines = ['交易时间,商户订单号,渠道交易号,类型,金额(分)', ...book.statement(date).map((e) => [e.at.toISOString(), e.outTradeNo, e.ref, e.type, e.amountFen].join(','))];
      return { date, csv: `${lines.join('\n')}\n` };
    });

    registerTestRoutes(r, book, '微信支付 WeChat Pay');
  });

  return { ...handle, ...hooksOf(book) };
}
