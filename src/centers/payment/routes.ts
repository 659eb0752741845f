import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../kernel/context.js';
import type { App } from '../../kernel/http/app.js';
import { requireActor, requireChannel, type AuthRequirement } from '../../kernel/http/auth.js';
import { Body, Id, Literals, PageQuery } from '../../kernel/http/schemas.js';
import { PAYMENT_CAPABILITY } from './capabilities.js';
import { offeredChannels, openCashier } from './cashier.js';
import { confirmOrder } from './confirmation.js';
import { CashierChannels, CashierView, ChannelName, DELIVERY_STATUSES, DeliveryPage, MAX_FEN, MyOrderPage, OrderDetailView, OrderInput, OrderPage, OrderStatusName, OrderView, RefundResultView, WebhookView } from './contract.js';
import { createOrder, institutionOrder, institutionOrders, myOrder, myOrdersNamed } from './orders.js';
import { refundOrder } from './refunds.js';
import { depsFor } from './runtime.js';
import { listDeliveries, registerWebhook } from './webhooks.js';

const CHANNEL = { channel: PAYMENT_CAPABILITY } as const;
const PERSON: AuthRequirement = { user: true, kinds: ['person'], level: 2 };

/** Money moves here: the key is required, not optional as elsewhere. */
const KeyHeaders = Type.Object({
  'idempotency-key': Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$', description: '幂等键 Idempotency-Key (required): a replay returns the first answer' }),
});

/** The orders: the institution creates, reads and refunds them (signed), the person confirms and reads their own; the institution's webhook. */
export function orderRoutes(app: App, ctx: AppContext) {
  const deps = depsFor(ctx);

  app.post('/orders', {
    config: { auth: CHANNEL },
    schema: {
      tags: ['payment'],
      summary: '下单 create a hybrid payment order from a scanned e-voucher code and the fee lines; pre-settled, nothing moves yet (institution, signed; Idempotency-Key required)',
      headers: KeyHeaders,
      body: Body(OrderInput),
      response: { 201: OrderView },
    },
  }, async (request, reply) => {
    const { order, replayed } = await createOrder(deps, requireChannel(request), request.body, request.headers['idempotency-key']);
    return reply.status(201).header('idempotent-replayed', String(replayed)).send(order);
  });

  app.get('/orders', {
    config: { auth: CHANNEL },
    schema: {
      tags: ['payment'],
      summary: '机构订单 the institution’s orders, newest first',
      querystring: Type.Object({ ...PageQuery, status: Type.Optional(OrderStatusName) }),
      response: { 200: OrderPage },
    },
  }, async (request) => institutionOrders(ctx, requireChannel(request), request.query));

  app.get('/orders/:id', {
    config: { auth: CHANNEL },
    schema: { tags: ['payment'], summary: '订单详情 one of the institution’s orders, with its refunds', params: Type.Object({ id: Id }), response: { 200: OrderDetailView } },
  }, async (request) => institutionOrder(ctx, requireChannel(request), request.params.id));

  app.post('/orders/:id/confirm', {
    config: { auth: PERSON },
    schema: {
      tags: ['payment'],
      summary: '确认支付 the person confirms with the voucher password: fund and account settled, the cash part asked of the payment channel (Idempotency-Key required)',
      headers: KeyHeaders,
      params: Type.Object({ id: Id }),
      body: Body({ password: Type.String({ minLength: 6, maxLength: 6, pattern: '^\\d{6}$', description: '电子凭证密码' }) }),
      response: { 200: OrderView },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const person = { accountId: actor.accountId, personId: await actor.personId() };
    const { order, replayed } = await confirmOrder(deps, person, request.params.id, request.body.password, request.headers['idempotency-key']);
    return reply.status(200).header('idempotent-replayed', String(replayed)).send(order);
  });

  app.get('/cashier/channels', {
    config: { auth: PERSON },
    schema: { tags: ['payment'], summary: '收银台渠道 the channels the person may pay the cash part with', response: { 200: CashierChannels } },
  }, async () => ({ channels: offeredChannels(deps) }));

  app.post('/orders/:id/cashier', {
    config: { auth: PERSON },
    schema: {
      tags: ['payment'],
      summary:
        '收银台 the person picks the channel for the cash part of their paying order: the channel’s payment page, prepaid there once (the same prepay again; another channel closes the first one’s trade). Not paying: 409',
      params: Type.Object({ id: Id }),
      body: Body({ channel: ChannelName }),
      response: { 200: CashierView },
    },
  }, async (request) => openCashier(deps, await requireActor(request).personId(), request.params.id, request.body.channel));

  app.post('/orders/:id/refunds', {
    config: { auth: CHANNEL },
    schema: {
      tags: ['payment'],
      summary: '退款 refund part (cash only) or all (the settlement reversed too) of a paid order (institution, signed; Idempotency-Key required)',
      headers: KeyHeaders,
      params: Type.Object({ id: Id }),
      body: Body({
        amountFen: Type.Integer({ minimum: 1, maximum: MAX_FEN, description: '退款金额，分' }),
        reason: Type.String({ minLength: 1, maxLength: 200, description: '退款原因' }),
      }),
      response: { 201: RefundResultView },
    },
  }, async (request, reply) => {
    const { replayed, ...refunded } = await refundOrder(deps, requireChannel(request), request.params.id, request.body, request.headers['idempotency-key']);
    return reply.status(201).header('idempotent-replayed', String(replayed)).send(refunded);
  });

  app.get('/mine', {
    config: { auth: PERSON },
    schema: {
      tags: ['payment'],
      summary: '我的支付订单 the person’s own orders, newest first',
      querystring: Type.Object({ ...PageQuery, status: Type.Optional(OrderStatusName) }),
      response: { 200: MyOrderPage },
    },
  }, async (request) => myOrdersNamed(ctx, await requireActor(request).personId(), request.query));

  app.get('/mine/:id', {
    config: { auth: PERSON },
    schema: { tags: ['payment'], summary: '我的支付订单详情 one of the person’s own orders (to confirm it)', params: Type.Object({ id: Id }), response: { 200: OrderView } },
  }, async (request) => myOrder(ctx, await requireActor(request).personId(), request.params.id));

  // --------------------------------------------------------------------- institution webhooks 机构回调

  app.put('/webhook', {
    config: { auth: CHANNEL },
    schema: {
      tags: ['payment'],
      summary: '登记回调地址 set the URL the platform POSTs order events to (paid, failed, closed, refunded), signed with the app’s secret; retried with backoff (institution, signed)',
      body: Body({ url: Type.String({ minLength: 8, maxLength: 2000, description: '回调地址 http(s) URL (checked by the service: no credentials, no fragment)' }) }),
      response: { 200: WebhookView },
    },
  }, async (request) => registerWebhook(ctx, requireChannel(request), request.body));

  app.get('/webhook/deliveries', {
    config: { auth: CHANNEL },
    schema: {
      tags: ['payment'],
      summary: '回调记录 the app’s webhook deliveries and their attempts, newest first',
      querystring: Type.Object({
        ...PageQuery,
        status: Type.Optional(Literals(DELIVERY_STATUSES, 'pending 待投递 / delivered 已送达 / failed 已放弃')),
        orderId: Type.Optional(Id),
      }),
      response: { 200: DeliveryPage },
    },
  }, async (request) => listDeliveries(ctx, requireChannel(request), request.query));
}
