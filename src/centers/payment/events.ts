/** The payment center's events: an order's end states, which the institution's webhook follows (机构回调). */
import { Type } from '@sinclair/typebox';
import { Literals } from '../../kernel/http/schemas.js';
import { defineTopic } from '../../kernel/outbox/index.js';
import { OrderView, RefundView, WEBHOOK_EVENTS } from './contract.js';

/**
 * 订单事件 an order paid, failed, closed or refunded (a partial refund carries the refund), with
 * the order as the state change left it: the webhook sends that view, not the order as it is later.
 */
export const ORDER_EVENT = defineTopic(
  'payment.order_event',
  Type.Object({
    event: Literals(WEBHOOK_EVENTS),
    appId: Type.String(),
    orderId: Type.String(),
    order: OrderView,
    refund: Type.Optional(RefundView),
  }),
);
