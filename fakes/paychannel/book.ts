/**
 * The trade book every fake payment channel keeps, whatever its wire format (WeChat-Pay JSON,
 * Alipay gateway, UnionPay 全渠道): prepay orders, the payer's payment, refunds, the day's
 * statement, and the test hooks that make a channel decline, hang, lose callbacks or report a
 * statement that differs from the platform. A style's server translates its wire format to these
 * operations and sends the book's callbacks in its own signed form.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { randomBytes } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { badRequest, field, stringField, type RouteRegistrar } from '../shared/fake-server.js';

export type FakeTradeState = 'NOTPAY' | 'SUCCESS' | 'PAYERROR' | 'CLOSED' | 'REFUND';

export interface FakeTrade {
  /** the order number as the channel knows it (for UnionPay, the `orderId`) */
  outTradeNo: string;
  prepayId: string;
  amountFen: number;
  description: string;
  notifyUrl: string;
  tradeState: FakeTradeState;
  transactionId?: string;
  refundedFen: number;
  createdAt: Date;
  paidAt?: Date;
  /** the payer can no longer pay after this (when the style enforces it) */
  expiresAt?: Date;
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

/** One line of a day's statement, whatever format the style writes it in. */
export interface StatementEntry {
  at: Date;
  type: 'PAY' | 'REFUND';
  outTradeNo: string;
  /** 渠道交易号 of a payment, the channel's refund id of a refund */
  ref: string;
  amountFen: number;
  /** the refund's own number (a refund of the book) */
  outRefundNo?: string;
  /** the payment's transaction id (a refund of the book) */
  tradeRef?: string;
}

/** What tests drive any fake channel with. */
export interface FakePayChannelHooks {
  readonly trades: ReadonlyMap<string, FakeTrade>;
  readonly refunds: readonly FakeRefund[];
  /** The payer pays (`success`) or the payment is declined (`decline`); the callback follows unless dropped. */
  pay(outTradeNo: string, outcome?: 'success' | 'decline'): Promise<CallbackResult>;
  /** Sends the callback of the order's current state again (a channel retries its notifications). */
  notify(outTradeNo: string): Promise<CallbackResult>;
  /** The next n prepay requests are declined. */
  declineNextPrepay(n?: number): void;
  /** The next n callbacks are lost (never sent). */
  dropNextCallbacks(n?: number): void;
  /** The next n calls wait `ms` before answering, so the client times out. */
  hangNext(n: number, ms: number): void;
  /** 对账差异 adds a line to the day's statement (of its `at`, default now). */
  addStatementLine(line: ExtraStatementLine): void;
  /** 对账差异 shows the payment (outTradeNo) or refund (refund id) with another amount, or leaves it out. */
  alterStatementLine(ref: string, change: { amountFen?: number; omit?: boolean }): void;
}

export type PrepayOutcome = { ok: true; trade: FakeTrade } | { ok: false; code: 'ORDER_CLOSED' | 'OUT_TRADE_NO_USED' | 'DECLINED' };
export type RefundOutcome = { ok: true; refund: FakeRefund; repeated: boolean } | { ok: false; code: 'TRADE_NOT_PAID' | 'NOT_ENOUGH' };

export interface TradeBook extends FakePayChannelHooks {
  /** Waits when a `hangNext` is pending; every API call of a style starts with it. */
  maybeHang(): Promise<void>;
  prepay(input: { outTradeNo: string; amountFen: number; description: string; notifyUrl: string; expiresAt?: Date }): PrepayOutcome;
  /** `burnt`: no such order, and now its number can never be paid. */
  close(outTradeNo: string): 'closed' | 'paid' | 'burnt';
  refund(input: { outTradeNo: string; outRefundNo: string; amountFen: number }): RefundOutcome;
  /** 对账单 the day's (`YYYY-MM-DD`, Beijing time) payments and refunds, with the test's alterations and extra lines. */
  statement(date: string): StatementEntry[];
}

export interface BookStyle {
  /** the channel's ids: a prepay's, a payment's (given the trade) and a refund's */
  ids: { prepay(): string; transaction(trade: FakeTrade): string; refund(outRefundNo: string): string };
  /** Sends the trade's callback in the style's signed wire format. */
  sendCallback(trade: FakeTrade): Promise<CallbackResult>;
  /** Whether the payer is refused after the trade's `expiresAt` (a channel's pay timeout). */
  enforceExpiry?: boolean;
}

export const beijingDate = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export function createTradeBook(style: BookStyle): TradeBook {
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

  async function sendCallback(trade: FakeTrade): Promise<CallbackResult> {
    if (dropRemaining > 0) {
      dropRemaining -= 1;
      return { delivered: false };
    }
    return style.sendCallback(trade);
  }

  async function pay(outTradeNo: string, outcome: 'success' | 'decline' = 'success'): Promise<CallbackResult> {
    const trade = trades.get(outTradeNo);
    if (!trade) throw new Error(`no trade ${outTradeNo}`);
    if (trade.tradeState !== 'NOTPAY') throw new Error(`trade ${outTradeNo} is ${trade.tradeState}`);
    if (style.enforceExpiry && trade.expiresAt && trade.expiresAt < new Date()) throw new Error(`trade ${outTradeNo} timed out`);
    if (outcome === 'success') {
      trade.tradeState = 'SUCCESS';
      trade.paidAt = new Date();
      trade.transactionId = style.ids.transaction(trade);
    } else trade.tradeState = 'PAYERROR';
    return sendCallback(trade);
  }

  return {
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

    async maybeHang() {
      if (hang.remaining <= 0) return;
      hang.remaining -= 1;
      await sleep(hang.ms);
    },

    prepay(input) {
      const known = trades.get(input.outTradeNo);
      if (known?.tradeState === 'CLOSED') return { ok: false, code: 'ORDER_CLOSED' };
      if (known) return known.amountFen === input.amountFen ? { ok: true, trade: known } : { ok: false, code: 'OUT_TRADE_NO_USED' };
      if (declineRemaining > 0) {
        declineRemaining -= 1;
        return { ok: false, code: 'DECLINED' };
      }
      const trade: FakeTrade = { ...input, prepayId: style.ids.prepay(), tradeState: 'NOTPAY', refundedFen: 0, createdAt: new Date() };
      trades.set(input.outTradeNo, trade);
      return { ok: true, trade };
    },

    close(outTradeNo) {
      const trade = trades.get(outTradeNo);
      // Closing an order never created (a prepay lost or still on its way) burns the number, so a
      // late prepay of it is refused and nothing can be paid on it any more.
      if (!trade) {
        trades.set(outTradeNo, { outTradeNo, prepayId: '', amountFen: 0, description: '', notifyUrl: '', tradeState: 'CLOSED', refundedFen: 0, createdAt: new Date() });
        return 'burnt';
      }
      if (trade.tradeState === 'SUCCESS' || trade.tradeState === 'REFUND') return 'paid';
      trade.tradeState = 'CLOSED';
      return 'closed';
    },

    refund({ outTradeNo, outRefundNo, amountFen }) {
      const known = refunds.find((f) => f.outRefundNo === outRefundNo);
      if (known) return { ok: true, refund: known, repeated: true };
      const trade = trades.get(outTradeNo);
      if (!trade || (trade.tradeState !== 'SUCCESS' && trade.tradeState !== 'REFUND')) return { ok: false, code: 'TRADE_NOT_PAID' };
      if (trade.refundedFen + amountFen > trade.amountFen) return { ok: false, code: 'NOT_ENOUGH' };
      trade.refundedFen += amountFen;
      trade.tradeState = 'REFUND';
      const refund: FakeRefund = { outRefundNo, refundId: style.ids.refund(outRefundNo), outTradeNo, amountFen, at: new Date() };
      refunds.push(refund);
      return { ok: true, refund, repeated: false };
    },

    statement(date) {
      const entries: StatementEntry[] = [];
      const push = (entry: StatementEntry, alterBy: string | null) => {
        const change = alterBy ? alterations.get(alterBy) : undefined;
        if (beijingDate(entry.at) !== date || change?.omit) return;
        entries.push({ ...entry, amountFen: change?.amountFen ?? entry.amountFen });
      };
      for (const t of trades.values()) if (t.paidAt) push({ at: t.paidAt, type: 'PAY', outTradeNo: t.outTradeNo, ref: t.transactionId!, amountFen: t.amountFen }, t.outTradeNo);
      for (const f of refunds) {
        const tradeRef = trades.get(f.outTradeNo)?.transactionId;
        push({ at: f.at, type: 'REFUND', outTradeNo: f.outTradeNo, ref: f.refundId, amountFen: f.amountFen, outRefundNo: f.outRefundNo, tradeRef }, f.refundId);
      }
      for (const x of extraLines) push({ at: x.at, type: x.type, outTradeNo: x.outTradeNo, ref: x.channelRef, amountFen: x.amountFen }, null);
      return entries;
    },
  };
}

/**
 * The test/dev controls every style serves: the person pays (or is declined) in the wallet; the
 * statement made to differ; and the cashier page (收银台) the person pays on in the browser,
 * titled with the channel's `name`.
 */
export function registerTestRoutes(r: RouteRegistrar, book: TradeBook, name = '支付渠道 Payment channel') {
  registerCashier(r, book, name);
  r.open('POST', '/test/pay', async (_req, reply, body) => {
    const outTradeNo = stringField(body, 'outTradeNo');
    const outcome = stringField(body, 'outcome') ?? 'success';
    if (!outTradeNo || !book.trades.has(outTradeNo)) return reply.code(404).send({ code: 'ORDER_NOT_EXIST', message: 'no such order' });
    if (outcome !== 'success' && outcome !== 'decline') return badRequest(reply, 'outcome is success or decline');
    if (book.trades.get(outTradeNo)!.tradeState !== 'NOTPAY') return reply.code(409).send({ code: 'ORDER_NOT_PAYABLE', message: 'the order is not payable' });
    try {
      return await book.pay(outTradeNo, outcome);
    } catch (error) {
      return reply.code(409).send({ code: 'ORDER_NOT_PAYABLE', message: (error as Error).message });
    }
  });

  r.open('POST', '/test/statement', async (_req, reply, body) => {
    const ref = stringField(body, 'ref');
    if (ref) {
      const amountFen = field(body, 'amountFen');
      if (amountFen !== undefined && !Number.isSafeInteger(amountFen)) return badRequest(reply, 'amountFen must be an integer');
      book.alterStatementLine(ref, { amountFen: amountFen as number | undefined, omit: field(body, 'omit') === true });
      return { altered: ref };
    }
    const outTradeNo = stringField(body, 'outTradeNo');
    const type = stringField(body, 'type');
    const amountFen = field(body, 'amountFen');
    if (!outTradeNo || (type !== 'PAY' && type !== 'REFUND') || !Number.isSafeInteger(amountFen)) return badRequest(reply, 'ref, or outTradeNo, type PAY|REFUND and amountFen');
    book.addStatementLine({ type, outTradeNo, amountFen: amountFen as number });
    return { added: outTradeNo };
  });
}

/**
 * 收银台 the channel's payment page for a prepaid trade (`GET /cashier/{prepayId}?return=…`),
 * standing in for the channel's H5 cashier: the amount, 确认支付 Pay and 取消 Cancel. Paying marks
 * the trade paid in the book and sends the channel's signed callback to the trade's notify URL
 * (awaited, as a channel tells the merchant before it shows the payer the result), then sends the
 * browser back to `return`. Cancelling only goes back. `return` must be on the origin of the
 * trade's notify URL (the platform that prepaid it): the page never redirects anywhere else.
 */
function registerCashier(r: RouteRegistrar, book: TradeBook, name: string) {
  const tradeOf = (prepayId: string) => (prepayId ? [...book.trades.values()].find((t) => t.prepayId === prepayId) : undefined);
  const html = (reply: FastifyReply, status: number, body: string) => reply.code(status).type('text/html; charset=utf-8').send(cashierPage(name, body));

  r.open('GET', '/cashier/:prepayId', async (req, reply) => {
    const trade = tradeOf((req.params as { prepayId: string }).prepayId);
    if (!trade) return html(reply, 404, '<p data-testid="cashier-error">订单不存在 No such order</p>');
    const back = returnUrlOf(trade, (req.query as { return?: unknown }).return);
    if (!back) return html(reply, 400, '<p data-testid="cashier-error">返回地址无效 Invalid return address</p>');
    const amount = `<p class="amount" data-testid="cashier-amount">¥ ${yuanOf(trade.amountFen)}</p><p class="what">${escapeHtml(trade.description)}</p>`;
    if (trade.tradeState !== 'NOTPAY') {
      return html(reply, 200, `${amount}<p data-testid="cashier-state">${escapeHtml(trade.tradeState)}</p><a class="button" href="${escapeHtml(back)}" data-testid="cashier-back">返回 Back</a>`);
    }
    return html(
      reply,
      200,
      `${amount}
<form method="post" action="/cashier/${encodeURIComponent(trade.prepayId)}">
  <input type="hidden" name="return" value="${escapeHtml(back)}">
  <button type="submit" name="outcome" value="pay" class="pay" data-testid="cashier-pay">确认支付 Pay</button>
  <button type="submit" name="outcome" value="cancel" data-testid="cashier-cancel">取消 Cancel</button>
</form>`,
    );
  });

  r.open('POST', '/cashier/:prepayId', async (req, reply, body) => {
    const trade = tradeOf((req.params as { prepayId: string }).prepayId);
    if (!trade) return html(reply, 404, '<p data-testid="cashier-error">订单不存在 No such order</p>');
    const back = returnUrlOf(trade, stringField(body, 'return'));
    if (!back) return html(reply, 400, '<p data-testid="cashier-error">返回地址无效 Invalid return address</p>');
    const outcome = stringField(body, 'outcome');
    if (outcome !== 'pay' && outcome !== 'cancel') return html(reply, 400, '<p data-testid="cashier-error">outcome: pay | cancel</p>');
    if (outcome === 'pay' && trade.tradeState === 'NOTPAY') {
      try {
        await book.pay(trade.outTradeNo, 'success');
      } catch (error) {
        return html(reply, 409, `<p data-testid="cashier-error">不能支付 Cannot pay: ${escapeHtml((error as Error).message)}</p><a class="button" href="${escapeHtml(back)}" data-testid="cashier-back">返回 Back</a>`);
      }
    }
    return reply.redirect(back, 303);
  });
}

/** The return address when it is an http(s) URL on the origin of the trade's notify URL, without credentials; else null. */
export function returnUrlOf(trade: Pick<FakeTrade, 'notifyUrl'>, value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  try {
    const url = new URL(value);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return null;
    return url.origin === new URL(trade.notifyUrl).origin ? url.toString() : null;
  } catch {
    return null;
  }
}

const yuanOf = (fen: number) => `${Math.trunc(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function cashierPage(name: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(name)} 收银台 Cashier</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:24px 16px;max-width:480px;margin-inline:auto;color:#222}h1{font-size:18px;font-weight:600}
.amount{font-size:32px;font-weight:700;margin:24px 0 4px}.what{color:#666;word-break:break-all}form{display:flex;flex-direction:column;gap:12px;margin-top:32px}
button,.button{display:block;box-sizing:border-box;width:100%;min-height:48px;font-size:17px;border-radius:8px;border:1px solid #ccc;background:#fff;text-align:center;line-height:46px;text-decoration:none;color:#222}
button.pay{background:#07c160;border-color:#07c160;color:#fff}</style></head>
<body><h1>${escapeHtml(name)} · 收银台 Cashier</h1>${body}</body></html>`;
}

/** The hooks of a book, to spread into a style's handle. */
export function hooksOf(book: TradeBook): FakePayChannelHooks {
  return {
    trades: book.trades,
    refunds: book.refunds,
    pay: book.pay,
    notify: book.notify,
    declineNextPrepay: book.declineNextPrepay,
    dropNextCallbacks: book.dropNextCallbacks,
    hangNext: book.hangNext,
    addStatementLine: book.addStatementLine,
    alterStatementLine: book.alterStatementLine,
  };
}
