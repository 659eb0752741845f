import { createPublicKey } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { parseForm, unionPayVerifier, verifyAlipayNotification, verifyNotification, verifyUnionPayNotification } from '../../adapters/index.js';
import type { AppContext } from '../../kernel/context.js';
import { DomainError } from '../../kernel/errors/index.js';
import type { App } from '../../kernel/http/app.js';
import { Body, Literals } from '../../kernel/http/schemas.js';
import { MAX_FEN, NotifyAck, NotifyText } from './contract.js';
import { handleNotification } from './notifications.js';
import { depsFor } from './runtime.js';

const NOTIFY_NONCE_TTL_MS = 600_000;

/** A channel's form-encoded notification: the fields the platform reads, bounded; the channel's others kept, since its signature covers them all. */
const NotifyForm = (properties: Parameters<typeof Type.Object>[0], description: string) =>
  Type.Object(properties, { additionalProperties: Type.String({ maxLength: 2048 }), maxProperties: 80, description });
const text = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, description });

/**
 * 支付结果通知 the payment channels' callbacks: public, but each signed in its channel's own scheme,
 * and answered in its channel's own form.
 */
export async function notifyRoutes(app: App, ctx: AppContext) {
  const deps = depsFor(ctx);
  const refused = (reason: string) => new DomainError('payment.notify_signature', 'unauthenticated', { reason });

  app.post('/notify/wechat', {
    config: { auth: { public: true } },
    schema: {
      tags: ['payment'],
      summary: '支付结果通知（微信支付式）the WeChat-Pay-style channel’s callback: public, but signed (HMAC-SM3 with timestamp and nonce; a replay is refused)',
      body: Body({
        outTradeNo: Type.String({ minLength: 1, maxLength: 64, description: '平台订单号' }),
        tradeState: Literals(['SUCCESS', 'NOTPAY', 'PAYERROR', 'CLOSED', 'REFUND'] as const, '交易状态'),
        amountFen: Type.Integer({ minimum: 0, maximum: MAX_FEN, description: '金额，分' }),
        transactionId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: '渠道交易号' })),
      }),
      response: { 200: NotifyAck },
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
    if (!verified.ok) throw refused(verified.reason);
    return handleNotification(deps, 'wechat', request.body);
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
        response: { 200: NotifyText },
      },
    }, async (request, reply) => {
      if (!alipayKey) throw refused('not_configured');
      const verified = verifyAlipayNotification({ appId: p.paychannelAlipayAppId, alipayPublicKey: alipayKey }, request.body as Record<string, string>);
      if (!verified.ok) throw refused(verified.reason);
      await handleNotification(deps, 'alipay', verified.trade);
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
        response: { 200: NotifyText },
      },
    }, async (request, reply) => {
      if (!unionpayKey) throw refused('not_configured');
      const verified = verifyUnionPayNotification({ merId: p.paychannelUnionpayMerId, verifier: unionpayKey }, request.body as Record<string, string>);
      if (!verified.ok) throw refused(verified.reason);
      // A refund's result changes nothing here: the refund was recorded when the channel accepted it.
      if (verified.trade) await handleNotification(deps, 'unionpay', verified.trade);
      return reply.type('text/plain; charset=utf-8').send('ok');
    });
  });
}
