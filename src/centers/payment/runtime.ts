/**
 * The payment center's dependencies per platform instance (a client per channel style, the notify
 * URLs) and its background job: every `syncIntervalSec` one `syncOnce` pass (timeouts, re-sync with
 * the channels, interrupted compensations). Passes never overlap within a process; across processes the
 * conditional state transitions keep a second pass harmless.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAlipayClient, createPayChannelClient, createUnionPayClient, type PayChannel } from '../../adapters/index.js';
import type { Config } from '../../kernel/config/index.js';
import type { AppContext } from '../../kernel/context.js';
import type { PayChannelName } from './schema.js';
import { syncOnce, type PaymentDeps } from './service.js';
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
  timer?: NodeJS.Timeout;
  busy?: Promise<number>;
  webhookPolicy: WebhookPolicy;
  webhookTimer?: NodeJS.Timeout;
  webhookBusy?: Promise<number>;
  stopped: boolean;
}

const runtimes = new WeakMap<AppContext, Runtime>();

function runtimeOf(ctx: AppContext): Runtime {
  let runtime = runtimes.get(ctx);
  if (!runtime) {
    const created: Runtime = {
      stopped: false,
      webhookPolicy: { ...DEFAULT_WEBHOOK_POLICY },
      deps: {
        ctx,
        channels: channelClients(ctx.config),
        notifyUrl: (channel) => `${baseUrl(ctx, created.server)}/api/v1/payment/notify/${channel}`,
      },
    };
    runtimes.set(ctx, (runtime = created));
  }
  return runtime;
}

/** The configured public base URL, or (development, tests) the address this process listens on. */
function baseUrl(ctx: AppContext, server: Server | undefined) {
  if (ctx.config.payment.notifyBaseUrl) return ctx.config.payment.notifyBaseUrl.replace(/\/+$/, '');
  const address = server?.address() as AddressInfo | null | undefined;
  if (!address) return `http://127.0.0.1:${ctx.config.port}`;
  const host = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

export const depsFor = (ctx: AppContext) => runtimeOf(ctx).deps;

export function attachServer(ctx: AppContext, server: Server) {
  runtimeOf(ctx).server = server;
}

/** One pass now (tests, and the timer); waits for a pass already running instead of starting another. */
export async function syncNow(ctx: AppContext): Promise<number> {
  const runtime = runtimeOf(ctx);
  while (runtime.busy) await runtime.busy.catch(() => 0);
  runtime.busy = syncOnce(runtime.deps).finally(() => {
    runtime.busy = undefined;
  });
  return runtime.busy;
}

/** Sends the due webhook deliveries now (tests, and the timer); waits for a pass already running. */
export async function deliverWebhooksNow(ctx: AppContext): Promise<number> {
  const runtime = runtimeOf(ctx);
  while (runtime.webhookBusy) await runtime.webhookBusy.catch(() => 0);
  runtime.webhookBusy = deliverDue(ctx, runtime.webhookPolicy).finally(() => {
    runtime.webhookBusy = undefined;
  });
  return runtime.webhookBusy;
}

/** Changes the retry policy of this instance (tests shorten the backoff). */
export function setWebhookPolicy(ctx: AppContext, policy: Partial<WebhookPolicy>) {
  Object.assign(runtimeOf(ctx).webhookPolicy, policy);
}

/** Webhook retries are due within seconds, so they get their own short tick (a due-index lookup). */
const WEBHOOK_TICK_MS = 1000;

export function startJob(ctx: AppContext) {
  const runtime = runtimeOf(ctx);
  if (runtime.timer || runtime.stopped) return;
  runtime.timer = setInterval(() => {
    if (runtime.busy || runtime.stopped) return;
    syncNow(ctx).catch((error) => ctx.log.error({ err: error }, 'payment sync pass failed'));
  }, ctx.config.payment.syncIntervalSec * 1000);
  runtime.timer.unref();
  runtime.webhookTimer = setInterval(() => {
    if (runtime.webhookBusy || runtime.stopped) return;
    deliverWebhooksNow(ctx).catch((error) => ctx.log.error({ err: error }, 'payment webhook pass failed'));
  }, WEBHOOK_TICK_MS);
  runtime.webhookTimer.unref();
}

export async function stopJob(ctx: AppContext) {
  const runtime = runtimeOf(ctx);
  runtime.stopped = true;
  if (runtime.timer) clearInterval(runtime.timer);
  if (runtime.webhookTimer) clearInterval(runtime.webhookTimer);
  runtime.timer = undefined;
  runtime.webhookTimer = undefined;
  await runtime.busy?.catch(() => 0);
  await runtime.webhookBusy?.catch(() => 0);
}
