import { randomBytes } from 'node:crypto';
import { count, desc, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../kernel/context.js';
import type { Cache } from '../../kernel/cache/index.js';
import { memoPerCache } from '../../kernel/cache/memo.js';
import type { FieldCipher } from '../../kernel/crypto/index.js';
import type { Db } from '../../kernel/db/index.js';
import { DomainError, forbidden } from '../../kernel/errors/index.js';
import type { ChannelPrincipal } from '../../kernel/http/auth.js';
import { verifySignedRequest } from '../../adapters/signing.js';
import { withinSql, type Admin } from './authority.js';
import type { ChannelAppView } from './contract.js';
import { channelApps, orgs } from './schema.js';

/** 渠道能力 capabilities a channel app can be given. */
export const CHANNEL_CAPABILITIES = [
  'auth.introspect',
  'user.basic.read',
  // 电子票据中心: issue and void (开票、冲红), read, mark used for reimbursement (报销)
  'bill.issue',
  'bill.read',
  'bill.mark_used',
  // 电子凭证中心: verify a dynamic QR code, register devices; ask whether a person authorized the channel
  'voucher.verify',
  'voucher.authorization.read',
  // 结算中心: pre-settle, settle and reverse (预结算、结算、冲正)
  'settlement.settle',
  // 移动支付中心: create, read and refund hybrid payment orders (下单、查询、退款)
  'payment.order',
] as const;

const NONCE_TTL_MS = 600_000;

interface KnownApp {
  appId: string;
  capabilities: string[];
  secret: string;
}

/**
 * Every signed request needs its app's secret: each node keeps the active apps it has seen (the
 * secret decrypted once). Apps are created, never edited; a status change must call `forgetChannelApp`.
 */
const appMemo = memoPerCache<KnownApp>('channel-app-changed', { ttlMs: 30_000 });

export const forgetChannelApp = (cache: Cache, appId: string) => appMemo(cache).forget(appId);

/** Registers a channel app owned by the admin's organization; the secret is in the answer and nowhere else in plain. */
export async function registerChannel(db: Db, fields: FieldCipher, admin: { orgId: string | null }, input: { name: string; capabilities: string[] }) {
  if (!admin.orgId) throw forbidden('auth.no_org');
  const appId = `app${randomBytes(8).toString('hex')}`;
  const secret = randomBytes(32).toString('base64url');
  await db.insert(channelApps).values({ appId, name: input.name, secretEnc: fields.encrypt(secret), capabilities: input.capabilities, orgId: admin.orgId });
  // The secret is shown once; afterwards only its ciphertext exists.
  return { appId, secret, name: input.name, capabilities: input.capabilities };
}

/** The channel apps owned by organizations within the admin's scope, newest first. */
export async function listChannels(db: Db, admin: Pick<Admin, 'orgPath'>, page: { page: number; pageSize: number }) {
  if (!admin.orgPath) return { items: [], total: 0, ...page };
  const where = withinSql(orgs.path, admin.orgPath);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ app: channelApps })
      .from(channelApps)
      .innerJoin(orgs, eq(orgs.id, channelApps.orgId))
      .where(where)
      .orderBy(desc(channelApps.createdAt), channelApps.appId)
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ total: count() }).from(channelApps).innerJoin(orgs, eq(orgs.id, channelApps.orgId)).where(where),
  ]);
  return { items: rows.map(({ app }) => channelAppView(app)), total: Number(total), ...page };
}

function channelAppView(app: typeof channelApps.$inferSelect): ChannelAppView {
  return { appId: app.appId, name: app.name, capabilities: app.capabilities, status: app.status, createdAt: app.createdAt.toISOString() };
}

/**
 * Verifies a channel's signed request (timestamp + nonce + body digest, HMAC-SM3). A nonce is
 * accepted once within the skew window, across all nodes, via the shared cache.
 */
export async function authenticateChannel(deps: { db: Db; fields: FieldCipher; cache: Cache }, request: FastifyRequest): Promise<ChannelPrincipal> {
  let app: KnownApp | null | undefined;
  const result = await verifySignedRequest({
    headers: request.headers as Record<string, string>,
    method: request.method,
    path: request.url,
    body: request.rawBody ?? '',
    lookupSecret: async (appId) => {
      app = await appMemo(deps.cache).get(appId, async () => {
        const [row] = await deps.db.select().from(channelApps).where(eq(channelApps.appId, appId));
        return row && row.status === 'active' ? { appId: row.appId, capabilities: row.capabilities, secret: deps.fields.decrypt(row.secretEnc) } : null;
      });
      return app?.secret;
    },
    nonceSeen: async (appId, nonce) => !(await deps.cache.setIfAbsent(`nonce:${appId}:${nonce}`, '1', NONCE_TTL_MS)),
  });
  if (!result.ok || !app) throw new DomainError(`auth.channel_${result.ok ? 'unknown_app' : result.reason}`, 'unauthenticated');
  return { type: 'channel', appId: app.appId, capabilities: app.capabilities };
}

/** A registered channel app (渠道应用) by app id, without its secret, or null. */
export async function getChannelApp(ctx: AppContext, appId: string) {
  const [app] = await ctx.database.db.select().from(channelApps).where(eq(channelApps.appId, appId));
  return app ? { appId: app.appId, name: app.name, status: app.status, capabilities: app.capabilities } : null;
}

/**
 * The secret of an active channel app, or null: for the platform to sign what it sends the app
 * (payment webhooks), with the scheme the app already verifies the platform's answers with.
 */
export async function channelAppSecret(ctx: AppContext, appId: string): Promise<string | null> {
  const [app] = await ctx.database.db.select().from(channelApps).where(eq(channelApps.appId, appId));
  return app && app.status === 'active' ? ctx.fields.decrypt(app.secretEnc) : null;
}

/** Names of channel apps by app id, for lists; unknown ids are absent. */
export async function channelAppNames(ctx: AppContext, appIds: string[]): Promise<Map<string, string>> {
  if (!appIds.length) return new Map();
  const rows = await ctx.database.db.select({ appId: channelApps.appId, name: channelApps.name }).from(channelApps).where(inArray(channelApps.appId, [...new Set(appIds)]));
  return new Map(rows.map((r) => [r.appId, r.name]));
}
