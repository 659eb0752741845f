import { createPublicKey } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { parseForm, unionPayVerifier, verifyAlipayNotification, verifyNotification, verifyUnionPayNotification } from '../../adapters/index.js';
import type { AppContext, CenterModule } from '../../kernel/context.js';
import { requireChannel, requireUser, type AuthRequirement, type UserPrincipal } from '../../kernel/http/auth.js';
import { DomainError, forbidden } from '../../kernel/errors/index.js';
import { Body, Id, PageQuery } from '../../kernel/http/schemas.js';
import * as auth from '../auth/index.js';
import * as reconciliation from './reconciliation.js';
import { RECONCILIATION_KINDS, RESOLUTIONS } from './reconciliation-rules.js';
import * as service from './service.js';
import * as webhooks from './webhooks.js';
import { attachServer, depsFor, startJob, stopJob } from './runtime.js';
import { PAY_CHANNELS } from './schema.js';
import './messages.js';

/** 渠道能力 the capability an institution's system needs to create, read and refund payment orders. */
export const PAYMENT_CAPABILITY = 'payment.order';
const CHANNEL = { channel: PAYMENT_CAPABILITY } as const;
const PERSON: AuthRequirement = { user: true, kinds: ['person'], level: 2 };
const RECONCILE: AuthRequirement = { user: true, permission: auth.PERMISSIONS.paymentReconcile };

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

const literals = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
const Day = Type.String({ format: 'date', minLength: 10, maxLength: 10, description: '对账日期（北京时间）YYYY-MM-DD' });
const ChannelName = literals(PAY_CHANNELS, '支付渠道 wechat 微信支付 / alipay 支付宝 / unionpay 银联');

/** A channel's form-encoded notification: the fields the platform reads, bounded; the channel's others kept, since its signature covers them all. */
const NotifyForm = (properties: Parameters<typeof Type.Object>[0], description: string) =>
  Type.Object(properties, { additionalProperties: Type.String({ maxLength: 2048 }), maxProperties: 80, description });
const text = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, description });

/** Clerks reconcile the institutions of their organization's region (as the other core centers scope them). */
async function clerkOf(ctx: AppContext, principal: UserPrincipal): Promise<reconciliation.Clerk> {
  const org = principal.orgId ? await auth.getOrg(ctx, principal.orgId) : null;
  if (!org) throw forbidden('payment.no_org');
  return { accountId: principal.accountId, prefix: auth.regionPrefixOf(org) };
}

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
          payChannel: Type.Optional(ChannelName),
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

    // ------------------------------------------------------------------ channel notifications 支付结果通知
    // Public, but each signed in its channel's own scheme, and answered in its channel's own form.

    app.post('/notify/wechat', {
      config: { auth: { public: true } },
      schema: {
        tags: ['payment'],
        summary: '支付结果通知（微信支付式）the WeChat-Pay-style channel’s callback: public, but signed (HMAC-SM3 with timestamp and nonce; a replay is refused)',
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
      if (!verified.ok) throw new DomainError('payment.notify_signature', 'unauthenticated', { reason: verified.reason });
      return service.handleNotification(deps, 'wechat', request.body as Parameters<typeof service.handleNotification>[2]);
    });

    // The form-encoded styles read their bodies in a scope of their own: nothing else here takes forms.
    await app.register(async (forms) => {
      forms.removeAllContentTypeParsers();
      forms.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (request, body, done) => {
        request.rawBody = body as string;
        const fields = parseForm(body as string);
        if (!fields) return done(new DomainError('payment.notify_form', 'invalid', {}, 'body'), undefined);
        // PostgreSQL text cannot hold NUL, as for JSON bodies.
        const nul = Object.keys(fields).find((k) => k.includes('\u0000') || fields[k].includes('\u0000'));
        if (nul !== undefined) return done(new DomainError('request.field_invalid', 'invalid', { field: nul, detail: 'NUL character' }, nul), undefined);
        done(null, { ...fields });
      });
      const p = ctx.config.providers;
      const alipayKey = p.paychannelAlipayPublicKey ? createPublicKey(p.paychannelAlipayPublicKey) : null;
      const unionpayKey = p.paychannelUnionpayPublicKey ? unionPayVerifier(p.paychannelUnionpayPublicKey) : null;
      const refused = (reason: string) => new DomainError('payment.notify_signature', 'unauthenticated', { reason });

      forms.post('/notify/alipay', {
        config: { auth: { public: true } },
        schema: {
          tags: ['payment'],
          summary: '支付结果通知（支付宝式）the Alipay-style channel’s asynchronous notification: public, but signed (RSA2 over the sorted fields with the channel’s key); answered with plain `success`',
          consumes: ['application/x-www-form-urlencoded'],
          body: NotifyForm(
            {
              app_id: text(32, '应用ID'),
              out_trade_no: text(64, '商户订单号 平台订单号'),
              trade_no: Type.Optional(text(64, '支付宝交易号')),
              trade_status: text(32, '交易状态 WAIT_BUYER_PAY / TRADE_SUCCESS / TRADE_FINISHED / TRADE_CLOSED'),
              total_amount: text(20, '订单金额，元'),
              sign_type: text(10, '签名类型 RSA2'),
              sign: text(1024, '签名'),
            },
            '异步通知 form fields',
          ),
        },
      }, async (request, reply) => {
        if (!alipayKey) throw refused('not_configured');
        const verified = verifyAlipayNotification({ appId: p.paychannelAlipayAppId, alipayPublicKey: alipayKey }, request.body as Record<string, string>);
        if (!verified.ok) throw refused(verified.reason);
        await service.handleNotification(deps, 'alipay', verified.trade);
        return reply.type('text/plain; charset=utf-8').send('success');
      });

      forms.post('/notify/unionpay', {
        config: { auth: { public: true } },
        schema: {
          tags: ['payment'],
          summary: '后台通知（银联式）the UnionPay-style channel’s back notification: public, but signed (signMethod 03: SM2 over the SM3 digest of the sorted fields); answered with HTTP 200',
          consumes: ['application/x-www-form-urlencoded'],
          body: NotifyForm(
            {
              merId: text(32, '商户代码'),
              txnType: text(2, '交易类型 01 消费 / 04 退货'),
              orderId: text(40, '商户订单号'),
              txnAmt: text(16, '交易金额，分'),
              respCode: text(2, '应答码'),
              queryId: Type.Optional(text(32, '查询流水号')),
              signMethod: text(2, '签名方法 03'),
              certId: text(64, '签名证书ID'),
              signature: text(1024, '签名'),
            },
            '后台通知 form fields',
          ),
        },
      }, async (request, reply) => {
        if (!unionpayKey) throw refused('not_configured');
        const verified = verifyUnionPayNotification({ merId: p.paychannelUnionpayMerId, verifier: unionpayKey }, request.body as Record<string, string>);
        if (!verified.ok) throw refused(verified.reason);
        // A refund's result changes nothing here: the refund was recorded when the channel accepted it.
        if (verified.trade) await service.handleNotification(deps, 'unionpay', verified.trade);
        return reply.type('text/plain; charset=utf-8').send('ok');
      });
    });

    // --------------------------------------------------------------------- institution webhooks 机构回调

    app.put('/webhook', {
      config: { auth: CHANNEL },
      schema: {
        tags: ['payment'],
        summary: '登记回调地址 set the URL the platform POSTs order events to (paid, failed, closed, refunded), signed with the app’s secret; retried with backoff (institution, signed)',
        body: Body({ url: Type.String({ minLength: 8, maxLength: 2000, description: '回调地址 http(s) URL (checked by the service: no credentials, no fragment)' }) }),
      },
    }, async (request) => webhooks.registerWebhook(ctx, requireChannel(request), request.body));

    app.get('/webhook/deliveries', {
      config: { auth: CHANNEL },
      schema: {
        tags: ['payment'],
        summary: '回调记录 the app’s webhook deliveries and their attempts, newest first',
        querystring: Type.Object({
          ...PageQuery,
          status: Type.Optional(literals(['pending', 'delivered', 'failed'] as const, 'pending 待投递 / delivered 已送达 / failed 已放弃')),
          orderId: Type.Optional(Id),
        }),
      },
    }, async (request) => webhooks.listDeliveries(ctx, requireChannel(request), request.query));

    // ------------------------------------------------------------------------ reconciliation 对账

    const clerk = (request: Parameters<typeof requireUser>[0]) => clerkOf(ctx, requireUser(request));

    app.post('/reconciliations', {
      config: { auth: RECONCILE },
      schema: {
        tags: ['payment'],
        summary: '对账 reconcile a day’s channel statement with the platform’s payments and refunds, for your region; a re-run replaces the open items and keeps the decided ones',
        body: Body({ date: Day, channel: ChannelName }),
      },
    }, async (request, reply) => reply.status(201).send(await reconciliation.reconcile(deps, await clerk(request), request.body)));

    app.post('/reconciliations/daily', {
      config: { auth: RECONCILE },
      schema: {
        tags: ['payment'],
        summary: '日终对账 reconcile a day for every payment channel offered, one report each (as `POST /reconciliations`), for your region',
        body: Body({ date: Day }),
      },
    }, async (request, reply) => reply.status(201).send(await reconciliation.reconcileDay(deps, await clerk(request), request.body)));

    app.get('/reconciliations', {
      config: { auth: RECONCILE },
      schema: {
        tags: ['payment'],
        summary: '对账记录 the reconciliations, newest day first, counted for your region',
        querystring: Type.Object({ ...PageQuery, date: Type.Optional(Day), channel: Type.Optional(ChannelName) }),
      },
    }, async (request) => reconciliation.listReconciliations(ctx.database.db, await clerk(request), request.query));

    app.get('/reconciliations/:id', {
      config: { auth: RECONCILE },
      schema: { tags: ['payment'], summary: '对账汇总 one reconciliation, counted for your region', params: Type.Object({ id: Id }) },
    }, async (request) => reconciliation.getReconciliation(ctx.database.db, await clerk(request), request.params.id));

    app.get('/reconciliations/:id/items', {
      config: { auth: RECONCILE },
      schema: {
        tags: ['payment'],
        summary: '对账明细 the compared payments and refunds of your region',
        params: Type.Object({ id: Id }),
        querystring: Type.Object({
          ...PageQuery,
          status: Type.Optional(literals(['open', 'resolved', 'matched'] as const, 'open 待处理 / resolved 已处理 / matched 一致')),
          kind: Type.Optional(literals(RECONCILIATION_KINDS, 'match 一致 / amount_mismatch 金额不符 / missing_on_platform 平台无记录 / missing_at_channel 渠道无记录')),
        }),
      },
    }, async (request) => reconciliation.listItems(ctx.database.db, await clerk(request), request.params.id, request.query));

    app.post('/reconciliation-items/:id/resolve', {
      config: { auth: RECONCILE },
      schema: {
        tags: ['payment'],
        summary: '处理对账差异 decide an open item once; the decision is recorded',
        params: Type.Object({ id: Id }),
        body: Body({
          resolution: literals(RESOLUTIONS, 'confirmed 确认无误 / book_on_platform 平台补记 / refund_payer 原路退回 / channel_adjust 渠道调账 / write_off 核销'),
          note: Type.Optional(Type.String({ maxLength: 500, description: '处理说明' })),
        }),
      },
    }, async (request) => reconciliation.resolveItem(ctx, await clerk(request), request.params.id, request.body));
  },
  async start(ctx) {
    ctx.outbox.subscribe(webhooks.ORDER_EVENT_TOPIC, 'payment:webhooks', (event, tx) => webhooks.onOrderEvent(event, tx));
    startJob(ctx);
  },
};
