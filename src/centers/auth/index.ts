/** 统一认证中心 unified authentication and authorization: public API for other centers. */
import type { AppContext } from '../../kernel/context.js';
import type { UserPrincipal } from '../../kernel/http/auth.js';
import { consumeOtp as consume, type OtpPurpose } from './otp.js';
import { revokeAllSessions as revokeAll } from './sessions.js';
import * as authority from './authority.js';
import { and, eq, inArray, max } from 'drizzle-orm';
import * as users from '../user/index.js';
import { channelApps, verifications } from './schema.js';
import { startSession, type LoginContext, type TokenPair } from './sessions.js';
import { tokenKeyOf } from './authenticator.js';


import { authenticatorFor } from './authenticator.js';

export { authenticatorFor };
export { PERMISSIONS, ADMIN_PERMISSIONS } from './resources.js';
export type { OtpPurpose } from './otp.js';
export type { LoginContext, TokenPair } from './sessions.js';

/** Checks and consumes an SMS one-time code sent to this phone for this purpose. */
export const consumeOtp = (ctx: AppContext, phone: string, purpose: OtpPurpose, code: string, field?: string) =>
  consume(ctx.cache, ctx.fields.blindIndex(phone, 'phone'), purpose, code, field);

/** Ends every session of an account (deactivation, password change, revoked agent). */
export const revokeAllSessions = (ctx: AppContext, accountId: string, reason: string) => revokeAll(ctx, accountId, reason);

export async function getOrg(ctx: AppContext, orgId: string) {
  const org = await authority.getOrg(ctx.database.db, orgId);
  return org ? { id: org.id, name: org.name, level: org.level, regionCode: org.regionCode, path: org.path } : null;
}

export const isWithin = authority.within;
export const regionPrefixOf = authority.regionPrefixOf;

/** For decisions inside a handler (masking, optional views); route-level checks use the route's auth requirement. */
export async function hasPermission(ctx: AppContext, principal: UserPrincipal, code: string): Promise<boolean> {
  return principal.orgPath !== null && (await authenticatorFor(ctx).permissionsOf(principal)).has(code);
}

/** Demo and bootstrap data: org rows with fixed ids, built-in roles, and grants of them. */
export async function ensureOrg(ctx: AppContext, input: { id: string; parentId: string | null; name: string; level: 'national' | 'province' | 'city' | 'agency'; regionCode: string }) {
  const existing = await authority.getOrg(ctx.database.db, input.id);
  if (existing) return existing;
  const parent = input.parentId ? ((await authority.getOrg(ctx.database.db, input.parentId)) ?? null) : null;
  return authority.insertOrg(ctx.database.db, { ...input, parent });
}

/** A built-in role exists with exactly the permissions the code gives it, also on a database seeded by an older version. */
export async function ensureRole(ctx: AppContext, input: { id: string; code: string; name: string; kind: 'business' | 'admin'; orgId: string; permissions: string[] }) {
  if (await authority.getRole(ctx.database.db, input.id)) return authority.setRolePermissions(ctx.database.db, input.id, input.permissions);
  const org = await authority.getOrg(ctx.database.db, input.orgId);
  if (!org) throw new Error(`org ${input.orgId} missing for role ${input.code}`);
  await authority.insertRole(ctx.database.db, { ...input, org, builtIn: true });
}

export const ensureGrant = (ctx: AppContext, accountId: string, roleId: string) => authority.insertGrant(ctx.database.db, accountId, roleId);

export const syncResources = (ctx: AppContext) => authority.syncResources(ctx.database.db);

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

/** When the account last passed a liveness check (实人认证), or null: for actions that need a fresh one. */
export async function lastLivenessAt(ctx: AppContext, accountId: string): Promise<Date | null> {
  const [row] = await ctx.database.db
    .select({ at: max(verifications.completedAt) })
    .from(verifications)
    .where(and(eq(verifications.accountId, accountId), eq(verifications.kind, 'liveness'), eq(verifications.status, 'passed')));
  return row?.at ? new Date(row.at) : null;
}

/**
 * Starts a session for an account another center has authenticated (scan-to-login 扫码登录 by the
 * e-voucher center), recorded in the login history like any login; null when the account may not
 * hold a session (deactivated, locked).
 */
export async function startSessionFor(ctx: AppContext, accountId: string, login: LoginContext): Promise<TokenPair | null> {
  const subject = await users.loadSessionSubject(ctx, accountId);
  if (!subject) return null;
  return startSession({ ...ctx, tokenKey: tokenKeyOf(ctx) }, subject, login);
}
