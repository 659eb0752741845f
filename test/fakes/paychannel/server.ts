/**
 * Fake 支付渠道 payment channel in a WeChat-Pay-like style: prepay orders, the payer's payment (a
 * test/dev endpoint stands in for the person paying in their wallet app), a signed callback
 * (HMAC-SM3, timestamp, nonce) to the order's notify URL, query, close, refund and the day's
 * statement as CSV. It can decline, hang, or drop callbacks on demand, so that the platform's
 * compensation and re-sync can be tested.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { randomBytes } from 'node:crypto';
import { signRequest } from '../../../src/adapters/signing.js';
import { badRequest, field, startFakeServer, stringField, type FakeHandle, type FakeServerOptions } from '../shared/fake-server.js';

export type FakeTradeState = 'NOTPAY' | 'SUCCESS' | 'PAYERROR' | 'CLOSED' | 'REFUND';

export interface FakeTrade {
  outTradeNo: string;
  prepayId: string;
  amountFen: number;
  description: string;
  notifyUrl: string;
  tradeState: FakeTradeState;
  transactionId?: string;
  refundedFen: number;
  paidAt?: Date;
}

export interface FakeRefund {
  outRefundNo: string;
  refundId: string;
  outTradeNo: string;
  amountFen: number;
  at: Date;
}

/** An extra statement line, as if the channel had recorded a payment or refund the platform did not ask for. */
export interface ExtraStatementLine {
  type: 'PAY' | 'REFUND';
  outTradeNo: string;
  amountFen: number;
  /** 渠道交易号 / 退款号; made up when absent */
  channelRef?: string;
  at?: Date;
}

export interface CallbackResult {
  delivered: boolean;
  status?: number;
}

export type FakePayChannelOptions = FakeServerOptions;

export interface FakePayChannel extends FakeHandle {
  readonly trades: ReadonlyMap<string, FakeTrade>;
  readonly refunds: readonly FakeRefund[];
  /** The payer pays (`success`) or the payment is declined (`decline`); the callback follows unless dropped. */
  pay(outTradeNo: string, outcome?: 'success' | 'decline'): Promise<CallbackResult>;
  /** Sends the callback of the order's current state again (a channel retries its notifications). */
  notify(outTradeNo: string): Promise<CallbackResult>;
  /** The next n prepay requests are declined (400 `DECLINED`). */
  declineNextPrepay(n?: number): void;
  /** The next n callbacks are lost (never sent). */
  dropNextCallbacks(n?: number): void;
  /** The next n signed calls wait `ms` before answering, so the client times out. */
  hangNext(n: number, ms: number): void;
  /** 对账差异 adds a line to the day's statement (of its `at`, default now). */
  addStatementLine(line: ExtraStatementLine): void;
  /** 对账差异 shows the payment (outTradeNo) or refund (refund id) with another amount, or leaves it out. */
  alterStatementLine(ref: string, change: { amountFen?: number; omit?: boolean }): void;
}

const beijingDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export async function startFakePayChannel(opts: FakePayChannelOptions): Promise<FakePayChannel> {
  const trades = new Map<string, FakeTrade>();
  const refunds: FakeRefund[] = [];
  let declineRemaining = 0;
  let dropRemaining = 0;
  let hang = { remaining: 0, ms: 0 };
  const extraLines: Required<ExtraStatementLine>[] = [];
  const alterations = new Map<string, { amountFen?: number; omit?: boolean }>();
  const addStatementLine = (line: ExtraStatementLine) => {
    extraLines.push({ ...line, channelRef: line.channelRef ?? `${line.type === 'PAY' ? '42' : '50'}${randomBytes(10).toString('hex')}`, at: line.at ?? new Date() });
  };

  const maybeHang = async () => {
    if (hang.remaining <= 0) return;
    hang.remaining -= 1;
    await sleep(hang.ms);
  };

  const view = (t: FakeTrade) => ({ outTradeNo: t.outTradeNo, tradeState: t.tradeState, amountFen: t.amountFen, ...(t.transactionId ? { transactionId: t.transactionId } : {}) });

  async function sendCallback(trade: FakeTrade): Promise<CallbackResult> {
    if (dropRemaining > 0) {
      dropRemaining -= 1;
      return { delivered: false };
    }
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
  }

  async function pay(outTradeNo: string, outcome: 'success' | 'decline' = 'success'): Promise<CallbackResult> {
    const trade = trades.get(outTradeNo);
    if (!trade) throw new Error(`no trade ${outTradeNo}`);
    if (trade.tradeState !== 'NOTPAY') throw new Error(`trade ${outTradeNo} is ${trade.tradeState}`);
    if (outcome === 'success') {
      trade.tradeState = 'SUCCESS';
      trade.transactionId = `42${randomBytes(10).toString('hex')}`;
      trade.paidAt = new Date();
    } else trade.tradeState = 'PAYERROR';
    return sendCallback(trade);
  }

  const handle = await startFakeServer(opts, (r) => {
    r.signed('POST', '/v3/pay/transactions', async (_req, reply, body) => {
      await maybeHang();
      const outTradeNo = stringField(body, 'outTradeNo');
      const notifyUrl = stringField(body, 'notifyUrl');
      const amountFen = field(body, 'amountFen');
      if (!outTradeNo || !notifyUrl) return badRequest(reply, 'outTradeNo and notifyUrl are required');
      if (!Number.isSafeInteger(amountFen) || (amountFen as number) <= 0) return badRequest(reply, 'amountFen must be a positive integer');
      const known = trades.get(outTradeNo);
      if (known?.tradeState === 'CLOSED') return reply.code(400).send({ code: 'ORDER_CLOSED', message: 'the order is closed' });
      if (known) {
        if (known.amountFen !== amountFen) return badRequest(reply, 'the order exists with another amount', 'OUT_TRADE_NO_USED');
        return { prepayId: known.prepayId };
      }
      if (declineRemaining > 0) {
        declineRemaining -= 1;
        return badRequest(reply, 'the channel declined the order', 'DECLINED');
      }
      const trade: FakeTrade = {
        outTradeNo,
        prepayId: `wx${randomBytes(12).toString('hex')}`,
        amountFen: amountFen as number,
        description: stringField(body, 'description') ?? '',
        notifyUrl,
        tradeState: 'NOTPAY',
        refundedFen: 0,
      };
      trades.set(outTradeNo, trade);
      return { prepayId: trade.prepayId };
    });

    r.signed('GET', '/v3/pay/transactions/:outTradeNo', async (req, reply) => {
      await maybeHang();
      const trade = trades.get((req.params as { outTradeNo: string }).outTradeNo);
      if (!trade) return reply.code(404).send({ code: 'ORDER_NOT_EXIST', message: 'no such order' });
      return view(trade);
    });

    r.signed('POST', '/v3/pay/transactions/:outTradeNo/close', async (req, reply) => {
      await maybeHang();
      const trade = trades.get((req.params as { outTradeNo: string }).outTradeNo);
      const outTradeNo = (req.params as { outTradeNo: string }).outTradeNo;
      // Closing an order never created (a prepay lost or still on its way) is fine: the number is
      // burnt, so a late prepay of it is refused and nothing can be paid on it any more.
      if (!trade) {
        trades.set(outTradeNo, { outTradeNo, prepayId: '', amountFen: 0, description: '', notifyUrl: '', tradeState: 'CLOSED', refundedFen: 0 });
        return { closed: true };
      }
      if (trade.tradeState === 'SUCCESS' || trade.tradeState === 'REFUND') return reply.code(400).send({ code: 'ORDERPAID', message: 'the order is paid' });
      trade.tradeState = 'CLOSED';
      return { closed: true };
    });

    r.signed('POST', '/v3/refunds', async (_req, reply, body) => {
      await maybeHang();
      const outTradeNo = stringField(body, 'outTradeNo');
      const outRefundNo = stringField(body, 'outRefundNo');
      const amountFen = field(body, 'amountFen');
      if (!outTradeNo || !outRefundNo) return badRequest(reply, 'outTradeNo and outRefundNo are required');
      if (!Number.isSafeInteger(amountFen) || (amountFen as number) <= 0) return badRequest(reply, 'amountFen must be a positive integer');
      const known = refunds.find((f) => f.outRefundNo === outRefundNo);
      if (known) return { refundId: known.refundId, status: 'SUCCESS' };
      const trade = trades.get(outTradeNo);
      if (!trade || (trade.tradeState !== 'SUCCESS' && trade.tradeState !== 'REFUND')) return reply.code(400).send({ code: 'TRADE_NOT_PAID', message: 'the order is not paid' });
      if (trade.refundedFen + (amountFen as number) > trade.amountFen) return reply.code(400).send({ code: 'NOT_ENOUGH', message: 'refund exceeds the paid amount' });
      trade.refundedFen += amountFen as number;
      trade.tradeState = 'REFUND';
      const refund: FakeRefund = { outRefundNo, refundId: `50${randomBytes(10).toString('hex')}`, outTradeNo, amountFen: amountFen as number, at: new Date() };
      refunds.push(refund);
      return { refundId: refund.refundId, status: 'SUCCESS' };
    });

    // 对账单: one line per payment and per refund of the day, amounts in fen.
    r.signed('GET', '/v3/bill', async (req, reply) => {
      const date = (req.query as { date?: string }).date;
      if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return badRequest(reply, 'date must be YYYY-MM-DD');
      const lines = ['交易时间,商户订单号,渠道交易号,类型,金额(分)'];
      const push = (at: Date, outTradeNo: string, ref: string, type: 'PAY' | 'REFUND', amountFen: number, alterBy: string | null) => {
        const change = alterBy ? alterations.get(alterBy) : undefined;
        if (beijingDate(at) !== date || change?.omit) return;
        lines.push([at.toISOString(), outTradeNo, ref, type, change?.amountFen ?? amountFen].join(','));
      };
      for (const t of trades.values()) if (t.paidAt) push(t.paidAt, t.outTradeNo, t.transactionId!, 'PAY', t.amountFen, t.outTradeNo);
      for (const f of refunds) push(f.at, f.outTradeNo, f.refundId, 'REFUND', f.amountFen, f.refundId);
      for (const x of extraLines) push(x.at, x.outTradeNo, x.channelRef, x.type, x.amountFen, null);
      return { date, csv: `${lines.join('\n')}\n` };
    });

    // Test/dev only: the person pays (or is declined) in the wallet.
    r.open('POST', '/test/pay', async (_req, reply, body) => {
      const outTradeNo = stringField(body, 'outTradeNo');
      const outcome = stringField(body, 'outcome') ?? 'success';
      if (!outTradeNo || !trades.has(outTradeNo)) return reply.code(404).send({ code: 'ORDER_NOT_EXIST', message: 'no such order' });
      if (outcome !== 'success' && outcome !== 'decline') return badRequest(reply, 'outcome is success or decline');
      if (trades.get(outTradeNo)!.tradeState !== 'NOTPAY') return reply.code(409).send({ code: 'ORDER_NOT_PAYABLE', message: 'the order is not payable' });
      return pay(outTradeNo, outcome);
    });

    // Test/dev only: make the statement differ from the platform (add a line; alter or omit one).
    r.open('POST', '/test/statement', async (_req, reply, body) => {
      const ref = stringField(body, 'ref');
      if (ref) {
        const amountFen = field(body, 'amountFen');
        if (amountFen !== undefined && !Number.isSafeInteger(amountFen)) return badRequest(reply, 'amountFen must be an integer');
        alterations.set(ref, { amountFen: amountFen as number | undefined, omit: field(body, 'omit') === true });
        return { altered: ref };
      }
      const outTradeNo = stringField(body, 'outTradeNo');
      const type = stringField(body, 'type');
      const amountFen = field(body, 'amountFen');
      if (!outTradeNo || (type !== 'PAY' && type !== 'REFUND') || !Number.isSafeInteger(amountFen)) return badRequest(reply, 'ref, or outTradeNo, type PAY|REFUND and amountFen');
      addStatementLine({ type, outTradeNo, amountFen: amountFen as number });
      return { added: outTradeNo };
    });
  });

  return {
    ...handle,
    trades,
    refunds,
    pay,
    notify: async (outTradeNo) => {
      const trade = trades.get(outTradeNo);
      if (!trade) throw new Error(`no trade ${outTradeNo}`);
      return sendCallback(trade);
    },
    declineNextPrepay: (n = 1) => {
      declineRemaining = n;
    },
    dropNextCallbacks: (n = 1) => {
      dropRemaining = n;
    },
    hangNext: (n, ms) => {
      hang = { remaining: n, ms };
    },
    addStatementLine,
    alterStatementLine: (ref, change) => {
      alterations.set(ref, change);
    },
  };
}
