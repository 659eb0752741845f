/**
 * 支付渠道 payment channel (WeChat-Pay style; Alipay / UnionPay styles implement the same
 * `PayChannel`): create a prepay order for the cash part, query it, close it, refund it, and
 * download the day's statement (对账单). The channel tells the platform of a payment by a signed
 * callback to the `notifyUrl` given with the prepay (verified by `verifyNotification`).
 *
 * Every call carries the platform's order id (`outTradeNo`) or refund id (`outRefundNo`), on which
 * the channel is idempotent, so a retry after a timeout never charges or refunds twice.
 */
import { Type, type Static } from '@sinclair/typebox';
import { callSigned, type PartyConfig } from '../http.js';
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

export interface PayChannel {
  prepay(input: PrepayRequest): Promise<{ prepayId: string }>;
  query(outTradeNo: string): Promise<ChannelTrade>;
  /** Closes an unpaid order; the channel refuses (`rejected`, upstream `ORDERPAID`) one already paid. */
  close(outTradeNo: string): Promise<void>;
  refund(input: { outTradeNo: string; outRefundNo: string; amountFen: number; reason: string }): Promise<{ refundId: string }>;
  /** 对账单 the day's statement as the channel's CSV (`YYYY-MM-DD`, Beijing time). */
  statement(date: string): Promise<string>;
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
    refund: (input) => call('POST', '/v3/refunds', input, Refund),
    statement: async (date) => (await call('GET', `/v3/bill?date=${encodeURIComponent(date)}`, undefined, Statement)).csv,
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
