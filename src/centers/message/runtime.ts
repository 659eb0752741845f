/**
 * The message center per platform instance: a client per channel's provider, the worker's periodic
 * job (every node runs one; the claim shares the work), the base URL receipts come back to, and the
 * outbox subscriptions that turn business events into messages by the push rules.
 */
import type { Server } from 'node:http';
import { and, eq } from 'drizzle-orm';
import { createEmailClient } from '../../adapters/email/client.js';
import { createPushClient } from '../../adapters/push/client.js';
import { createSmsClient } from '../../adapters/sms/client.js';
import { createWechatMpClient } from '../../adapters/wechatmp/client.js';
import { inTransaction, perContext, type AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/index.js';
import { callbackBaseUrl } from '../../kernel/http/base-url.js';
import { periodicJob, type PeriodicJob } from '../../kernel/jobs/index.js';
import type { DomainEvent } from '../../kernel/outbox/index.js';
import { MESSAGE_EVENTS, type MessageEvent } from './events.js';
import { rules } from './schema.js';
import { sendIn } from './sending.js';
import { sendDue, type ChannelSenders } from './worker.js';

/** claims each node works on at once, and messages per claim */
const WORKER_LANES = 4;
const BATCH = 25;

interface Runtime {
  senders: ChannelSenders;
  worker: PeriodicJob;
  server?: Server;
  close(): void;
}

const runtimeOf = perContext((ctx): Runtime => {
  const p = ctx.config.providers;
  const urls = ctx.providerUrls;
  const sms = createSmsClient({ baseUrl: urls.sms, appId: p.smsAppId, secret: p.smsSecret });
  const wechat = createWechatMpClient({ baseUrl: urls.wechatMp, appId: p.wechatMpAppId, secret: p.wechatMpSecret });
  const push = createPushClient({ baseUrl: urls.push, appId: p.pushAppId, secret: p.pushSecret });
  const email = createEmailClient({ smtpUrl: urls.smtp, from: p.mailFrom });
  const callback = (channel: string) => `${callbackBaseUrl(ctx.config, runtime.server)}/api/v1/message/receipts/${channel}`;
  const senders: ChannelSenders = {
    sms: async (m, to, reference) => ({ ...(await sms.sendMessage({ phone: to!, text: `【医保】${m.body}`, reference, callbackUrl: callback('sms') })), delivered: false }),
    wechat: async (m, to, reference) => ({ ...(await wechat.send({ openId: to!, templateId: m.templateCode, data: m.payload ?? {}, reference, callbackUrl: callback('wechat') })), delivered: false }),
    push: async (m, _to, reference) => ({ ...(await push.send({ accountId: m.accountId, title: m.subject, body: m.body, reference, callbackUrl: callback('push') })), delivered: false }),
    email: async (m, to, reference) => ({ ...(await email.send({ to: to!, subject: m.subject, text: m.body, html: m.payload?.html ?? m.body, reference })), delivered: true }),
  };
  const runtime: Runtime = {
    senders,
    worker: periodicJob({
      name: 'message.worker',
      intervalMs: ctx.config.message.workerIntervalMs,
      runAtStart: false,
      log: ctx.log,
      // a few claims in flight, so that a slow provider answer in one batch does not hold up the next
      run: (signal) =>
        Promise.all(
          Array.from({ length: WORKER_LANES }, async () => {
            while (!signal.aborted && (await sendDue(ctx, senders, BATCH)) > 0);
          }),
        ),
    }),
    close: () => email.close(),
  };
  return runtime;
});

export const sendersFor = (ctx: AppContext) => runtimeOf(ctx).senders;
export const workerFor = (ctx: AppContext) => runtimeOf(ctx).worker;

export function attachServer(ctx: AppContext, server: Server) {
  runtimeOf(ctx).server = server;
}

/**
 * An event through the rules: every enabled rule of each message event the payload matches, in the
 * event's region, sends its template to the event's recipients, keyed by event and rule so a
 * repeated delivery sends nothing twice.
 */
export async function onEvent(platform: AppContext, bound: MessageEvent[], event: DomainEvent, tx: Db) {
  const ctx = inTransaction(platform, tx);
  for (const messageEvent of bound) {
    if (messageEvent.matches && !messageEvent.matches(event.payload)) continue;
    const applicable = await tx
      .select()
      .from(rules)
      .where(and(eq(rules.event, messageEvent.key), eq(rules.enabled, true)));
    if (!applicable.length) continue;
    const addressees = await messageEvent.recipients(ctx, event.payload);
    const inRegion = applicable.filter((r) => r.regionPrefix === '' || (addressees.regionCode ?? '').startsWith(r.regionPrefix));
    if (!inRegion.length || !addressees.accountIds.length) continue;
    const params = await messageEvent.params(ctx, event.payload);
    for (const rule of inRegion) {
      await sendIn(ctx, tx, {
        templateCode: rule.templateCode,
        accountIds: addressees.accountIds,
        params,
        idempotencyKey: `event:${event.id}:${rule.id}`,
        channels: rule.channels,
        fallback: rule.fallback,
        urgent: messageEvent.urgent,
        regionCode: addressees.regionCode,
      });
    }
  }
}

export async function startMessaging(ctx: AppContext) {
  const byTopic = new Map<string, MessageEvent[]>();
  for (const e of MESSAGE_EVENTS) byTopic.set(e.topic.name, [...(byTopic.get(e.topic.name) ?? []), e]);
  for (const bound of byTopic.values()) {
    ctx.outbox.subscribe(bound[0].topic, `message.${bound[0].topic.name}`, (event, tx) => onEvent(ctx, bound, event, tx));
  }
  runtimeOf(ctx).worker.start();
}

export async function stopMessaging(ctx: AppContext) {
  await runtimeOf(ctx).worker.stop();
  runtimeOf(ctx).close();
}
