import { Type } from '@sinclair/typebox';
import { verifyNotification } from '../../adapters/index.js';
import type { CenterModule } from '../../kernel/context.js';
import { requireChannel, requireUser, type AuthRequirement } from '../../kernel/http/auth.js';
import { AppError } from '../../kernel/http/errors.js';
import { Body, Id, PageQuery } from '../../kernel/http/schemas.js';
import * as service from './service.js';
import { attachServer, CHANNEL_NAME, depsFor, startJob, stopJob } from './runtime.js';
import './messages.js';

/** 渠道能力 the capability an institution's system needs to create, read and refund payment orders. */
export const PAYMENT_CAPABILITY = 'payment.order';
const CHANNEL = { channel: PAYMENT_CAPABILITY } as const;
const PERSON: AuthRequirement = { user: true, kinds: ['person'], level: 2 };

const MAX_FEN = 10_000_000_000;
const NOTIFY_NONCE_TTL_MS = 600_000;

/** Money moves here: the key is required, not optional as elsewhere. */
const KeyHeaders = Type.Object({
  'idempotency-key': Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$', description: '幂等键 Idempotency-Key (required): a replay returns the first answer' }),
});

const Visit = Type.Object(
  {
    kind: Type.Union([Type.Literal('outpatient'), Type.Literal('inpatient')], { description: '就诊类型 outpatient 门诊 / inpatient 住院' }),
    institutionLevel: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)], { description: '医院等级 1–3' }),
    date: Type.String({ format: 'date', minLength: 10, maxLength: 10, description: '就诊（出院）日期 YYYY-MM-DD' }),
  },
  { additionalProperties: false },
);

const FeeLine = Type.Object(
  {
    code: Type.String({ minLength: 15, maxLength: 23, pattern: '^[A-Z0-9]+$', description: '医保目录编码' }),
    class: Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C')], { description: '甲类 A / 乙类 B / 丙类 C' }),
    quantity: Type.Integer({ minimum: 1, maximum: 100_000, description: '数量' }),
    amountFen: Type.Integer({ minimum: 0, maximum: MAX_FEN, description: '金额，分' }),
    selfPayRatioBp: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, description: '乙类先行自付比例，万分之几 (class B)' })),
    priceCapFen: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_FEN, description: '限价（每单位），分' })),
  },
  { additionalProperties: false },
);

const Status = Type.Union(
  (['created', 'settling', 'paying', 'paid', 'compensating', 'failed', 'closed', 'refunded'] as const).map((s) => Type.Literal(s)),
  { description: '订单状态' },
);

export const paymentCenter: CenterModule = {
  name: 'payment',
  async routes(app, ctx) {
    const deps = depsFor(ctx);
    attachServer(ctx, app.server);
    app.addHook('onClose', async () => stopJob(ctx));

    app.post('/orders', {
      config: { auth: CHANNEL },
      schema: {
        tags: ['payment'],
        summary: '下单 create a hybrid payment order from a scanned e-voucher code and the fee lines; pre-settled, nothing moves yet (institution, signed; Idempotency-Key required)',
        headers: KeyHeaders,
        body: Body({
          code: Type.String({ minLength: 1, maxLength: 256, description: '电子凭证动态码 the QR code the institution scanned (verified and used up here)' }),
          deviceId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$', description: '扫码设备' })),
          insuranceType: Type.String({ minLength: 2, maxLength: 20, pattern: '^[0-9A-Za-z_]+$', description: '险种代码' }),
          institutionCode: Type.String({ minLength: 12, maxLength: 12, pattern: '^H[0-9]{11}$', description: '定点医疗机构编码' }),
          visit: Visit,
          lines: Type.Array(FeeLine, { minItems: 1, maxItems: 500, description: '费用明细' }),
          settlementType: Type.Union([Type.Literal('ALL'), Type.Literal('CASH'), Type.Literal('HI')], { description: '结算类型 ALL 医保+现金 / CASH 全现金 / HI 仅医保' }),
          orderReference: Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z_-]+$', description: '订单号 (unique per institution)' }),
        }),
      },
    }, async (request, reply) => {
      const answer = await service.createOrder(deps, requireChannel(request), request.body, request.headers['idempotency-key']);
      return reply.status(answer.status).header('idempotent-replayed', String(answer.replayed)).send(answer.body);
    });

    app.get('/orders', {
      config: { auth: CHANNEL },
      schema: { tags: ['payment'], summary: '机构订单 the institution’s orders, newest first', querystring: Type.Object({ ...PageQuery, status: Type.Optional(Status) }) },
    }, async (request) => service.institutionOrders(ctx, requireChannel(request), request.query));

    app.get('/orders/:id', {
      config: { auth: CHANNEL },
      schema: { tags: ['payment'], summary: '订单详情 one of the institution’s orders, with its refunds', params: Type.Object({ id: Id }) },
    }, async (request) => service.institutionOrder(ctx, requireChannel(request), request.params.id));

    app.post('/orders/:id/confirm', {
      config: { auth: PERSON },
      schema: {
        tags: ['payment'],
        summary: '确认支付 the person confirms with the voucher password: fund and account settled, the cash part asked of the payment channel (Idempotency-Key required)',
        headers: KeyHeaders,
        params: Type.Object({ id: Id }),
        body: Body({ password: Type.String({ minLength: 6, maxLength: 6, pattern: '^\\d{6}$', description: '电子凭证密码' }) }),
      },
    }, async (request, reply) => {
      const answer = await service.confirmOrder(deps, requireUser(request).accountId, request.params.id, request.body.password, request.headers['idempotency-key']);
      return reply.status(answer.status).header('idempotent-replayed', String(answer.replayed)).send(answer.body);
    });

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
      },
    }, async (request, reply) => {
      const answer = await service.refundOrder(deps, requireChannel(request), request.params.id, request.body, request.headers['idempotency-key']);
      return reply.status(answer.status).header('idempotent-replayed', String(answer.replayed)).send(answer.body);
    });

    app.get('/mine', {
      config: { auth: PERSON },
      schema: { tags: ['payment'], summary: '我的支付订单 the person’s own orders, newest first', querystring: Type.Object({ ...PageQuery, status: Type.Optional(Status) }) },
    }, async (request) => service.myOrders(ctx, requireUser(request).accountId, request.query));

    app.get('/mine/:id', {
      config: { auth: PERSON },
      schema: { tags: ['payment'], summary: '我的支付订单详情 one of the person’s own orders (to confirm it)', params: Type.Object({ id: Id }) },
    }, async (request) => service.myOrder(ctx, requireUser(request).accountId, request.params.id));

    app.post('/notify/:channel', {
      config: { auth: { public: true } },
      schema: {
        tags: ['payment'],
        summary: '支付结果通知 the payment channel’s callback: public, but signed (HMAC-SM3 with timestamp and nonce; a replay is refused)',
        params: Type.Object({ channel: Type.Union([Type.Literal(CHANNEL_NAME)], { description: '支付渠道' }) }),
        body: Body({
          outTradeNo: Type.String({ minLength: 1, maxLength: 64, description: '平台订单号' }),
          tradeState: Type.Union(['SUCCESS', 'NOTPAY', 'PAYERROR', 'CLOSED', 'REFUND'].map((s) => Type.Literal(s)) as never, { description: '交易状态' }),
          amountFen: Type.Integer({ minimum: 0, maximum: MAX_FEN, description: '金额，分' }),
          transactionId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: '渠道交易号' })),
        }),
      },
    }, async (request) => {
      const p = ctx.config.providers;
      const verified = await verifyNotification(
        { appId: p.paychannelAppId, secret: p.paychannelSecret },
        {
          headers: request.headers as Record<string, string>,
          method: request.method,
          path: request.url,
          body: request.rawBody ?? '',
          nonceSeen: async (appId, nonce) => !(await ctx.cache.setIfAbsent(`paynotify:${appId}:${nonce}`, '1', NOTIFY_NONCE_TTL_MS)),
        },
      );
      if (!verified.ok) throw new AppError('payment.notify_signature', 401, { reason: verified.reason });
      return service.handleNotification(deps, request.body as Parameters<typeof service.handleNotification>[1]);
    });
  },
  async start(ctx) {
    startJob(ctx);
  },
};
