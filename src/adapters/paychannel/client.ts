/**
 * 支付渠道 payment channel (WeChat-Pay style; `alipay.ts` and `unionpay.ts` implement the same
 * `PayChannel` in their channels' wire formats): create a prepay order for the cash part, query it,
 * close it, refund it, and download the day's statement (对账单). The channel tells the platform of
 * a payment by a signed callback to the `notifyUrl` given with the prepay (verified by
 * `verifyNotification`).
 *
 * Every call carries the platform's order id (`outTradeNo`) or refund id (`outRefundNo`), on which
 * the channel is idempotent, so a retry after a timeout never charges or refunds twice.
 */
import { Type, type Static } from '@sinclair/typebox';
import { callSigned, joinUrl, type PartyConfig } from '../http.js';
import { verifySignedRequest, type HeaderBag } from '../signing.js';

export type PayChannelConfig = PartyConfig;

/** SUCCESS 已支付, NOTPAY 未支付, PAYERROR 支付失败（如拒付）, CLOSED 已关闭, REFUND 转入退款 */
export const TRADE_STATES = ['SUCCESS', 'NOTPAY', 'PAYERROR', 'CLOSED', 'REFUND'] as const;
export type TradeState = (typeof TRADE_STATES)[number];
const TradeStateSchema = Type.Union(TRADE_STATES.map((s) => Type.Literal(s)));

const Prepay = Type.Object({ prepayId: Type.String({ minLength: 1 }) });
const Trade = Type.Object({
  outTradeNo: Type.String({ minLength: 1 }),
  tradeState: TradeStateSchema,
  amountFen: Type.Integer({ minimum: 0 }),
  transactionId: Type.Optional(Type.String()),
});
const Refund = Type.Object({ refundId: Type.String({ minLength: 1 }), status: Type.Literal('SUCCESS') });
const Closed = Type.Object({ closed: Type.Literal(true) });
const Statement = Type.Object({ date: Type.String(), csv: Type.String() });

export type ChannelTrade = Static<typeof Trade>;

export interface PrepayRequest {
  /** the platform's order id: the channel's idempotency key */
  outTradeNo: string;
  amountFen: number;
  description: string;
  /** where the channel sends the signed payment callback */
  notifyUrl: string;
  /** when the channel stops accepting the payment */
  expiresAt: string;
}

/** The callback body the channel signs (`POST notifyUrl`). */
export const NotificationSchema = Type.Object({
  outTradeNo: Type.String({ minLength: 1, maxLength: 64 }),
  tradeState: TradeStateSchema,
  amountFen: Type.Integer({ minimum: 0, maximum: 10_000_000_000_000 }),
  transactionId: Type.Optional(Type.String({ maxLength: 64 })),
});
export type Notification = Static<typeof NotificationSchema>;

/**
 * The upstream codes the platform acts on, whatever the style: each adapter translates its
 * channel's own codes into these (WeChat Pay's happen to be them).
 */
export const CHANNEL_CODES = {
  /** close: the order is paid and cannot be closed */
  orderPaid: 'ORDERPAID',
  /** query: the channel has no such order (never created, e.g. the prepay was lost) */
  orderNotExist: 'ORDER_NOT_EXIST',
} as const;

export interface RefundRequest {
  outTradeNo: string;
  /** the platform's refund id: the channel's idempotency key of the refund */
  outRefundNo: string;
  amountFen: number;
  reason: string;
  /** the channel's transaction id of the payment, when known (a style that refunds by it asks for it otherwise) */
  transactionId?: string | null;
  /** where the channel may send its refund result */
  notifyUrl?: string;
}

/** 对账单 the header of the statement every style's `statement` answers with (amounts in fen). */
export const STATEMENT_HEADER = '交易时间,商户订单号,渠道交易号,类型,金额(分)';

/** One statement line; a style that cannot read a line of its channel's bill writes `UNREADABLE_LINE` in its place. */
export const statementLine = (at: string, outTradeNo: string, channelRef: string, type: 'PAY' | 'REFUND', amountFen: number) => [at, outTradeNo, channelRef, type, amountFen].join(',');

/** Stands for a line of the channel's bill the adapter could not read, so the reconciliation refuses the statement at that line. */
export const UNREADABLE_LINE = '?';

export interface PayChannel {
  prepay(input: PrepayRequest): Promise<{ prepayId: string }>;
  /** The order as the channel sees it; an unknown order is `rejected` with upstream `ORDER_NOT_EXIST`. */
  query(outTradeNo: string): Promise<ChannelTrade>;
  /**
   * Makes sure an unpaid order can no longer be paid; the channel refuses (`rejected`, upstream
   * `ORDERPAID`) one already paid. An order the channel never created counts as closed.
   */
  close(outTradeNo: string): Promise<void>;
  refund(input: RefundRequest): Promise<{ refundId: string }>;
  /**
   * 对账单 the day's statement (`YYYY-MM-DD`, Beijing time) as CSV under `STATEMENT_HEADER`, one
   * line per payment and refund: each style downloads its channel's own bill and writes it so.
   */
  statement(date: string): Promise<string>;
  /**
   * 收银台 the channel's payment page for a prepaid trade, where the person pays in the browser
   * (WeChat Pay's H5 page, Alipay's wap cashier, UnionPay's front page); the channel sends the
   * browser back to `returnUrl` afterwards. The URL carries the prepay id and the return address,
   * nothing secret.
   */
  cashierUrl(prepayId: string, returnUrl: string): string;
}

/** The cashier page every style serves under its base URL: `GET /cashier/{prepayId}?return=…`. */
export function cashierUrlOf(baseUrl: string, prepayId: string, returnUrl: string): string {
  const url = joinUrl(baseUrl, `/cashier/${encodeURIComponent(prepayId)}`);
  url.searchParams.set('return', returnUrl);
  return url.toString();
}

export function createPayChannelClient(config: PayChannelConfig): PayChannel {
  const call = <S extends Parameters<typeof callSigned>[0]['responseSchema']>(method: 'GET' | 'POST', path: string, body: unknown, responseSchema: S) =>
    callSigned({ party: 'paychannel', config, method, path, body, responseSchema });
  return {
    prepay: (input) => call('POST', '/v3/pay/transactions', input, Prepay),
    query: (outTradeNo) => call('GET', `/v3/pay/transactions/${encodeURIComponent(outTradeNo)}`, undefined, Trade),
    close: async (outTradeNo) => {
      await call('POST', `/v3/pay/transactions/${encodeURIComponent(outTradeNo)}/close`, {}, Closed);
    },
    refund: ({ outTradeNo, outRefundNo, amountFen, reason }) => call('POST', '/v3/refunds', { outTradeNo, outRefundNo, amountFen, reason }, Refund),
    statement: async (date) => (await call('GET', `/v3/bill?date=${encodeURIComponent(date)}`, undefined, Statement)).csv,
    cashierUrl: (prepayId, returnUrl) => cashierUrlOf(config.baseUrl, prepayId, returnUrl),
  };
}

/**
 * Checks a callback's signature (HMAC-SM3 over method, path, timestamp, nonce and body, the
 * scheme of every signed request here) with the merchant secret; `nonceSeen` makes a replayed
 * callback fail.
 */
export async function verifyNotification(
  config: Pick<PayChannelConfig, 'appId' | 'secret'>,
  input: { headers: HeaderBag; method: string; path: string; body: string; nonceSeen: (appId: string, nonce: string) => Promise<boolean> | boolean },
) {
  return verifySignedRequest({
    headers: input.headers,
    method: input.method,
    path: input.path,
    body: input.body,
    lookupSecret: (appId) => (appId === config.appId ? config.secret : undefined),
    nonceSeen: input.nonceSeen,
  });
}
