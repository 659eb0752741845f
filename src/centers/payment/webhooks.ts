/**
 * 机构回调 signed webhooks to the institution on its orders' events (paid, failed, closed,
 * refunded). The order's state change publishes an outbox event in its own transaction; the
 * subscriber turns it into a delivery row (once per event) when the app registered a URL; the
 * center's job sends due deliveries, signed with the app's secret (HMAC-SM3 headers as on every
 * signed request here), and retries a failure after 1 s, 2 s, 4 s … until `maxAttempts`.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { and, asc, count, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { signRequest } from '../../adapters/signing.js';
import type { AppContext } from '../../kernel/context.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { badRequest } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import type { DomainEvent, PayloadOf } from '../../kernel/outbox/index.js';
import * as auth from '../auth/index.js';
import type { DeliveryView, WebhookView } from './contract.js';
import type { ORDER_EVENT } from './events.js';
import { webhookDeliveries, webhooks } from './schema.js';
import { isPrivateHost } from './reconciliation-rules.js';
import { publicOnlyLookup, resolvesPrivate } from './public-lookup.js';

export interface WebhookPolicy {
  /** the first retry's delay; each next one doubles it */
  baseDelayMs: number;
  /** attempts in all before a delivery is given up (`failed`) */
  maxAttempts: number;
  /** how long one attempt may take */
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_POLICY: WebhookPolicy = { baseDelayMs: 1000, maxAttempts: 8, timeoutMs: 10_000 };

/** A claimed delivery is not picked again meanwhile (another node, the next tick) until this passes. */
const CLAIM_MS = 60_000;
const MAX_ERROR = 300;

function checkUrl(raw: string, allowPrivateHosts: boolean) {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badRequest('payment.webhook_url', 'url');
  }
  // The platform calls it with the app's signature: nothing but plain web addresses, no credentials in it.
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || url.hash) throw badRequest('payment.webhook_url', 'url');
  if (!allowPrivateHosts && isPrivateHost(url.hostname)) throw badRequest('payment.webhook_private_host', 'url');
  return url.toString();
}

/** 登记回调地址 sets (or replaces) the app's webhook URL. */
export async function registerWebhook(ctx: AppContext, caller: { appId: string }, input: { url: string }): Promise<WebhookView> {
  const allowPrivate = ctx.config.payment.webhookPrivateHosts;
  const url = checkUrl(input.url, allowPrivate);
  // Told now when the name already points inward; the send re-checks every time.
  if (!allowPrivate && (await resolvesPrivate(new URL(url).hostname))) throw badRequest('payment.webhook_private_host', 'url');
  const now = new Date();
  const [row] = await ctx.database.db
    .insert(webhooks)
    .values({ appId: caller.appId, url })
    .onConflictDoUpdate({ target: webhooks.appId, set: { url, updatedAt: now } })
    .returning();
  return { url: row.url, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** The outbox subscriber: one delivery per event, if the app has a webhook (events before its registration are not sent). */
export async function onOrderEvent(event: DomainEvent<PayloadOf<typeof ORDER_EVENT>>, tx: Db) {
  const { payload } = event;
  const [hook] = await tx.select().from(webhooks).where(eq(webhooks.appId, payload.appId));
  if (!hook) return;
  const body = JSON.stringify({ event: payload.event, order: payload.order, ...(payload.refund ? { refund: payload.refund } : {}) });
  await tx
    .insert(webhookDeliveries)
    .values({ id: newId('pwh'), eventId: event.id, appId: payload.appId, event: payload.event, orderId: payload.orderId, body })
    .onConflictDoNothing();
}

/** The delay before attempt `attempts + 1` after `attempts` failed ones: 1×, 2×, 4× … the base. */
export const retryDelayMs = (policy: Pick<WebhookPolicy, 'baseDelayMs'>, attempts: number) => policy.baseDelayMs * 2 ** Math.max(0, attempts - 1);

/** Sends the due deliveries once each; how many it attempted. */
export async function deliverDue(ctx: AppContext, policy: WebhookPolicy, limit = 50) {
  const db = ctx.database.db;
  const claimed = await transaction(db, async (tx) => {
    const due = await tx
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, new Date())))
      .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.eventId))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length) {
      await tx
        .update(webhookDeliveries)
        .set({ nextAttemptAt: new Date(Date.now() + CLAIM_MS) })
        .where(inArray(webhookDeliveries.id, due.map((d) => d.id)));
    }
    return due;
  });
  for (const delivery of claimed) await attempt(ctx, policy, delivery);
  return claimed.length;
}

async function attempt(ctx: AppContext, policy: WebhookPolicy, delivery: typeof webhookDeliveries.$inferSelect) {
  const db = ctx.database.db;
  const [hook] = await db.select().from(webhooks).where(eq(webhooks.appId, delivery.appId));
  const secret = await auth.channelAppSecret(ctx, delivery.appId);
  let status: number | null = null;
  let error: string | null = null;
  if (!hook || !secret) error = !hook ? 'no webhook registered' : 'channel app not active';
  else {
    const url = new URL(hook.url);
    const headers = signRequest({ appId: delivery.appId, secret, method: 'POST', path: url.pathname + url.search, body: delivery.body });
    try {
      status = await post(url, { ...headers, 'content-type': 'application/json' }, delivery.body, policy.timeoutMs, ctx.config.payment.webhookPrivateHosts);
      if (status < 200 || status >= 300) error = `HTTP ${status}`;
    } catch (cause) {
      error = (cause as Error).message.slice(0, MAX_ERROR);
    }
  }
  const attempts = delivery.attempts + 1;
  const now = new Date();
  const outcome = !error
    ? { status: 'delivered' as const, deliveredAt: now, lastError: null }
    : attempts >= policy.maxAttempts
      ? { status: 'failed' as const, lastError: error }
      : { status: 'pending' as const, nextAttemptAt: new Date(now.getTime() + retryDelayMs(policy, attempts)), lastError: error };
  await db
    .update(webhookDeliveries)
    .set({ attempts, lastStatus: status, lastUrl: hook?.url ?? null, ...outcome })
    .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.status, 'pending')));
}

/** One POST, redirects not followed; the answer's status. Private addresses are refused unless allowed. */
function post(url: URL, headers: Record<string, string>, body: string, timeoutMs: number, allowPrivate: boolean): Promise<number> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) }, timeout: timeoutMs, ...(allowPrivate ? {} : { lookup: publicOnlyLookup() }) }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.on('error', reject);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

const deliveryView = (d: typeof webhookDeliveries.$inferSelect): DeliveryView => ({
  id: d.id,
  event: d.event,
  orderId: d.orderId,
  status: d.status,
  attempts: d.attempts,
  nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
  lastUrl: d.lastUrl,
  lastStatus: d.lastStatus,
  lastError: d.lastError,
  createdAt: d.createdAt.toISOString(),
  deliveredAt: d.deliveredAt?.toISOString() ?? null,
});

/** 回调记录 the app's deliveries, newest first. */
export async function listDeliveries(ctx: AppContext, caller: { appId: string }, query: { page: number; pageSize: number; status?: 'pending' | 'delivered' | 'failed'; orderId?: string }) {
  const db = ctx.database.db;
  const where = and(
    eq(webhookDeliveries.appId, caller.appId),
    query.status ? eq(webhookDeliveries.status, query.status) : undefined,
    query.orderId ? eq(webhookDeliveries.orderId, query.orderId) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(webhookDeliveries).where(where).orderBy(desc(webhookDeliveries.createdAt), desc(sql`${webhookDeliveries.eventId}`)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(webhookDeliveries).where(where),
  ]);
  return { items: rows.map(deliveryView), total: Number(total), page: query.page, pageSize: query.pageSize };
}
