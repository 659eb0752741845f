/**
 * The payment center's dependencies per platform instance (a client per channel style, the notify
 * URLs) and its periodic jobs: every `syncIntervalSec` one re-sync pass (timeouts, re-sync with the
 * channels, interrupted compensations and refunds), and every second the due webhook deliveries.
 */
import type { Server } from 'node:http';
import { createAlipayClient, createPayChannelClient, createUnionPayClient, type PayChannel } from '../../adapters/index.js';
import type { Config } from '../../kernel/config/index.js';
import { perContext, type AppContext } from '../../kernel/context.js';
import { callbackBaseUrl } from '../../kernel/http/base-url.js';
import { periodicJob, type PeriodicJob } from '../../kernel/jobs/index.js';
import type { PaymentDeps } from './order-state.js';
import type { PayChannelName } from './schema.js';
import { syncOnce } from './sync.js';
import { DEFAULT_WEBHOOK_POLICY, deliverDue, type WebhookPolicy } from './webhooks.js';

/**
 * A client per channel offered: WeChat Pay always (the default channel, as before the others
 * came), Alipay and UnionPay when configured with their gateway.
 */
export function channelClients(config: Config): Partial<Record<PayChannelName, PayChannel>> {
  const p = config.providers;
  return {
    wechat: createPayChannelClient({ baseUrl: p.paychannelUrl ?? 'http://127.0.0.1:9', appId: p.paychannelAppId, secret: p.paychannelSecret }),
    ...(p.paychannelAlipayUrl && p.paychannelAlipayPublicKey
      ? { alipay: createAlipayClient({ baseUrl: p.paychannelAlipayUrl, appId: p.paychannelAlipayAppId, privateKey: p.paychannelAlipayPrivateKey, alipayPublicKey: p.paychannelAlipayPublicKey }) }
      : {}),
    ...(p.paychannelUnionpayUrl && p.paychannelUnionpayPublicKey
      ? { unionpay: createUnionPayClient({ baseUrl: p.paychannelUnionpayUrl, merId: p.paychannelUnionpayMerId, privateKey: p.paychannelUnionpayPrivateKey, unionPayPublicKey: p.paychannelUnionpayPublicKey }) }
      : {}),
  };
}

interface Runtime {
  deps: PaymentDeps;
  server?: Server;
  webhookPolicy: WebhookPolicy;
  /** 同步 the re-sync job */
  sync: PeriodicJob;
  /** 机构回调 the webhook sender */
  webhooks: PeriodicJob;
}

/** Webhook retries are due within seconds, so they get their own short tick (a due-index lookup). */
const WEBHOOK_TICK_MS = 1000;

const runtimeOf = perContext((ctx): Runtime => {
  const deps: PaymentDeps = {
    ctx,
    channels: channelClients(ctx.config),
    notifyUrl: (channel) => `${callbackBaseUrl(ctx.config, created.server)}/api/v1/payment/notify/${channel}`,
    hallUrl: (orderId) => `${callbackBaseUrl(ctx.config, created.server)}/#/personal/payments?order=${encodeURIComponent(orderId)}`,
  };
  const webhookPolicy = { ...DEFAULT_WEBHOOK_POLICY };
  // No lease: passes never overlap on a node, and across nodes the conditional transitions and
  // the deliveries' row claims keep a second pass harmless. The first pass waits for the interval.
  const created: Runtime = {
    deps,
    webhookPolicy,
    sync: periodicJob({ name: 'payment.sync', intervalMs: ctx.config.payment.syncIntervalSec * 1000, run: () => syncOnce(deps), log: ctx.log, runAtStart: false }),
    webhooks: periodicJob({ name: 'payment.webhooks', intervalMs: WEBHOOK_TICK_MS, run: () => deliverDue(ctx, webhookPolicy), log: ctx.log, runAtStart: false }),
  };
  return created;
});

export const depsFor = (ctx: AppContext) => runtimeOf(ctx).deps;

export function attachServer(ctx: AppContext, server: Server) {
  runtimeOf(ctx).server = server;
}

/** One re-sync pass now (tests, and callers that need it on the spot); waits for a pass already running, then runs one. */
export const syncNow = (ctx: AppContext) => runtimeOf(ctx).sync.runNow();

/** Sends the due webhook deliveries now; waits for a pass already running, then runs one. */
export const deliverWebhooksNow = (ctx: AppContext) => runtimeOf(ctx).webhooks.runNow();

/** Changes the retry policy of this instance (tests shorten the backoff). */
export function setWebhookPolicy(ctx: AppContext, policy: Partial<WebhookPolicy>) {
  Object.assign(runtimeOf(ctx).webhookPolicy, policy);
}

export function startJobs(ctx: AppContext) {
  const runtime = runtimeOf(ctx);
  runtime.sync.start();
  runtime.webhooks.start();
}

/** No new pass; the passes running are awaited (the platform's close). */
export async function stopJobs(ctx: AppContext) {
  const runtime = runtimeOf(ctx);
  await Promise.all([runtime.sync.stop(), runtime.webhooks.stop()]);
}
