/**
 * 移动支付中心 mobile hybrid payment center: public API. Institutions (signed channel requests with
 * the `payment.order` capability) create orders from a scanned e-voucher code, read and refund them;
 * the person confirms with the voucher password; the payment channel's signed callback and the
 * background re-sync job end every order in one clear state (paid, failed, closed, refunded).
 */
import type { AppContext } from '../../kernel/context.js';
import { deliverWebhooksNow, setWebhookPolicy, syncNow } from './runtime.js';
import type { WebhookPolicy } from './webhooks.js';

export { PAYMENT_CAPABILITY } from './routes.js';
export type { OrderStatus, PayChannelName, SettlementType } from './schema.js';
export type { CreateOrderInput, OrderView } from './service.js';

/** 同步 one pass of the background job now (timeouts, re-sync with the channel); how many orders it looked at. */
export const syncPayments = (ctx: AppContext) => syncNow(ctx);

/** 机构回调 one pass of the webhook sender now; how many deliveries it attempted. */
export const deliverPaymentWebhooks = (ctx: AppContext) => deliverWebhooksNow(ctx);

/** The webhook retry policy of this instance (default: 1 s doubling, 8 attempts); tests shorten it. */
export const configurePaymentWebhooks = (ctx: AppContext, policy: Partial<WebhookPolicy>) => setWebhookPolicy(ctx, policy);
export type { WebhookPolicy };
