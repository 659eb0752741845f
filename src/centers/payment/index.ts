/**
 * 移动支付中心 mobile hybrid payment center: public API. Institutions (signed channel requests with
 * the `payment.order` capability) create orders from a scanned e-voucher code, read and refund them;
 * the person confirms with the voucher password; the payment channel's signed callback and the
 * background re-sync job end every order in one clear state (paid, failed, closed, refunded).
 * Events (`payment.events`), published in the transaction of the state change:
 *
 *   payment.order_event  { event: paid | failed | closed | refunded, appId, orderId, order, refund? }
 *                        (order: the order as the change left it; refund: a partial refund's record)
 */
import type { AppContext } from '../../kernel/context.js';
import { deliverWebhooksNow, setWebhookPolicy, syncNow } from './runtime.js';
import type { WebhookPolicy } from './webhooks.js';
// The center's error messages, for the errors its functions throw to other centers' callers.
import './messages.js';

export { PAYMENT_CAPABILITY } from './capabilities.js';
export type { OrderStatus, PayChannelName, SettlementType } from './schema.js';
export type { OrderView, RefundView } from './contract.js';
export type { CreateOrderInput } from './orders.js';

/** 同步 one pass of the background re-sync job now (timeouts, re-sync with the channel); settles when it is done. */
export const syncPayments = (ctx: AppContext) => syncNow(ctx);

/** 机构回调 one pass of the webhook sender now; settles when it is done. */
export const deliverPaymentWebhooks = (ctx: AppContext) => deliverWebhooksNow(ctx);

/** The webhook retry policy of this instance (default: 1 s doubling, 8 attempts); tests shorten it. */
export const configurePaymentWebhooks = (ctx: AppContext, policy: Partial<WebhookPolicy>) => setWebhookPolicy(ctx, policy);
export type { WebhookPolicy };

/** 开票依据 the institution's order an e-bill cites, by its platform id (`pay_…`), in whatever state; null when it has none by that id. */
export { orderForBill } from './billing.js';

/** The center's event topics: `payment.events.ORDER_EVENT`. */
export * as events from './events.js';
