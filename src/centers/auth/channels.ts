import { randomBytes } from 'node:crypto';
import { and, count, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../kernel/context.js';
import type { Cache } from '../../kernel/cache/index.js';
import { memoPerCache } from '../../kernel/cache/memo.js';
import type { FieldCipher } from '../../kernel/crypto/index.js';
import type { Db } from '../../kernel/db/index.js';
import { DomainError, forbidden, notFound } from '../../kernel/errors/index.js';
import type { ChannelPrincipal } from '../../kernel/http/auth.js';
import { verifySignedRequest } from '../../adapters/signing.js';
import { within, withinSql, type Admin } from './authority.js';
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
  institutionCode: string | null;
}

/**
 * Every signed request needs its app's secret: each node keeps the active apps it has seen (the
 * secret decrypted once) with the institution it is bound to. A status or binding change must call
 * `forgetChannelApp` once committed (it drops the app on every node).
 */
const appMemo = memoPerCache<KnownApp>('channel-app-changed', { ttlMs: 30_000 });

export const forgetChannelApp = (cache: Cache, appId: string) => appMemo(cache).forget(appId);

/**
 * 定点医药机构目录 what binding a channel app needs of the registry's designated institutions. The
 * registry center provides it at start (`provideInstitutions`); the registry imports this center, so
 * this center never imports the registry.
 */
export interface InstitutionDirectory {
  /** the canonical code of a registered institution; unknown is a 422 naming `field` */
  requireInstitution(code: string, field: string): Promise<string>;
}

const institutionDirectories = new WeakMap<AppContext, InstitutionDirectory>();

export const provideInstitutions = (ctx: AppContext, directory: InstitutionDirectory) => void institutionDirectories.set(ctx, directory);

/** The registry's institutions; unavailable (503) on a deployment that runs auth without the registry center. */
function institutionsOf(ctx: AppContext): InstitutionDirectory {
  const directory = institutionDirectories.get(ctx);
  if (!directory) throw new DomainError('auth.institutions_unavailable', 'unavailable');
  return directory;
}

/**
 * Registers a channel app owned by the admin's organization, bound to a designated institution
 * when one is named; the secret is in the answer and nowhere else in plain.
 */
export async function registerChannel(ctx: AppContext, admin: { orgId: string | null }, input: { name: string; nameEn?: string; capabilities: string[]; institutionCode?: string }) {
  if (!admin.orgId) throw forbidden('auth.no_org');
  const institutionCode = input.institutionCode ? await institutionsOf(ctx).requireInstitution(input.institutionCode, 'institutionCode') : null;
  const appId = `app${randomBytes(8).toString('hex')}`;
  const secret = randomBytes(32).toString('base64url');
  const nameEn = input.nameEn ?? null;
  await ctx.database.db.insert(channelApps).values({ appId, name: input.name, nameEn, secretEnc: ctx.fields.encrypt(secret), capabilities: input.capabilities, orgId: admin.orgId, institutionCode });
  // The secret is shown once; afterwards only its ciphertext exists.
  return { appId, secret, name: input.name, nameEn, capabilities: input.capabilities, institutionCode };
}

/**
 * 绑定定点医药机构 binds a channel app of the admin's scope to a registered institution (null
 * unbinds). Another scope's app is not found. Every node forgets the app, so the next signed request
 * carries the new binding.
 */
export async function bindChannelInstitution(ctx: AppContext, admin: Pick<Admin, 'orgPath'>, appId: string, institutionCode: string | null): Promise<ChannelAppView> {
  const db = ctx.database.db;
  const [found] = await db.select({ app: channelApps, orgPath: orgs.path }).from(channelApps).innerJoin(orgs, eq(orgs.id, channelApps.orgId)).where(eq(channelApps.appId, appId));
  if (!found || !within(found.orgPath, admin.orgPath)) throw notFound('auth.channel_not_found');
  const code = institutionCode === null ? null : await institutionsOf(ctx).requireInstitution(institutionCode, 'institutionCode');
  const [updated] = await db.update(channelApps).set({ institutionCode: code }).where(eq(channelApps.appId, appId)).returning();
  await forgetChannelApp(ctx.cache, appId);
  return channelAppView(updated);
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
  return { appId: app.appId, name: app.name, nameEn: app.nameEn, capabilities: app.capabilities, institutionCode: app.institutionCode, status: app.status, createdAt: app.createdAt.toISOString() };
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
        return row && row.status === 'active'
          ? { appId: row.appId, capabilities: row.capabilities, secret: deps.fields.decrypt(row.secretEnc), institutionCode: row.institutionCode }
          : null;
      });
      return app?.secret;
    },
    nonceSeen: async (appId, nonce) => !(await deps.cache.setIfAbsent(`nonce:${appId}:${nonce}`, '1', NONCE_TTL_MS)),
  });
  if (!result.ok || !app) throw new DomainError(`auth.channel_${result.ok ? 'unknown_app' : result.reason}`, 'unauthenticated');
  return { type: 'channel', appId: app.appId, capabilities: app.capabilities, institutionCode: app.institutionCode };
}

/** A registered channel app (渠道应用) by app id, without its secret, or null. */
export async function getChannelApp(ctx: AppContext, appId: string) {
  const [app] = await ctx.database.db.select().from(channelApps).where(eq(channelApps.appId, appId));
  return app ? { appId: app.appId, name: app.name, nameEn: app.nameEn, status: app.status, capabilities: app.capabilities, institutionCode: app.institutionCode } : null;
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

/** A channel app a person may authorize: its names and the institution it acts for, if any. */
export interface OfferedChannelApp {
  appId: string;
  name: string;
  nameEn: string | null;
  institutionCode: string | null;
}

/**
 * 可授权渠道 the active channel apps holding `capability` that serve a person of `regionCode`: an app
 * bound to an institution serves the institution's city (the pooling region in its code, 市级统筹),
 * any other the regions of the organization that registered it (a national one, everyone).
 * `regionCode` null: wherever they serve; `capability` null: whatever they hold. `appId` narrows it to that one app (empty when it does
 * not serve the region).
 */
export async function channelAppsServing(db: Db, regionCode: string | null, capability: string | null, appId?: string): Promise<OfferedChannelApp[]> {
  const city = regionCode?.slice(0, 4) ?? '';
  const servedPrefix = sql`case ${orgs.level} when 'national' then '' when 'province' then left(${orgs.regionCode}, 2) else left(${orgs.regionCode}, 4) end`;
  const rows = await db
    .select({ appId: channelApps.appId, name: channelApps.name, nameEn: channelApps.nameEn, institutionCode: channelApps.institutionCode })
    .from(channelApps)
    .innerJoin(orgs, eq(orgs.id, channelApps.orgId))
    .where(
      and(
        eq(channelApps.status, 'active'),
        capability === null ? undefined : sql`${channelApps.capabilities} @> ${JSON.stringify([capability])}::jsonb`,
        appId === undefined ? undefined : eq(channelApps.appId, appId),
        regionCode === null
          ? undefined
          : or(
              and(isNotNull(channelApps.institutionCode), sql`substr(${channelApps.institutionCode}, 2, 4) = ${city}`),
              and(isNull(channelApps.institutionCode), sql`${servedPrefix} in ('', ${regionCode.slice(0, 2)}, ${city})`),
            ),
      ),
    )
    .orderBy(channelApps.name, channelApps.appId);
  return rows;
}
