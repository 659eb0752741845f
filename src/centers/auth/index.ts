/**
 * 统一认证中心 unified authentication and authorization: public API for other centers.
 *
 * The auth center does not import the user center: the user center owns accounts and passwords and
 * provides them as an `AccountDirectory` at start (`provideAccounts`), and calls this center for
 * one-time codes, organizations and ending sessions.
 */
import type { AppContext } from '../../kernel/context.js';
import type { UserPrincipal } from '../../kernel/http/auth.js';
import { consumeOtp as consume, type OtpPurpose } from './otp.js';
import { revokeAllSessions as revokeAll, startSession, type LoginContext, type TokenPair } from './sessions.js';
import * as authority from './authority.js';
import { authenticatorFor } from './authenticator.js';
import { authDeps } from './runtime.js';
import { openIdsOf as boundOpenIds } from './bindings.js';
import type { ThirdParty } from './contract.js';

export { authenticatorFor };
export { provideAccounts, type AccountDirectory, type PasswordCheck, type SessionSubject } from './accounts.js';
export { PERMISSIONS, ADMIN_PERMISSIONS } from './resources.js';
export type { OtpPurpose } from './otp.js';
export type { LoginContext, TokenPair } from './sessions.js';

/** Checks and consumes an SMS one-time code sent to this phone for this purpose. */
export const consumeOtp = (ctx: AppContext, phone: string, purpose: OtpPurpose, code: string, field?: string) =>
  consume(ctx.cache, ctx.fields.blindIndex(phone, 'phone'), purpose, code, field);

/**
 * Ends every session of an account at once, on every node (password change, deactivation, lock,
 * revoked agent): the next request with any of its tokens is refused. Returns how many ended.
 */
export const revokeAllSessions = (ctx: AppContext, accountId: string, reason: string) => revokeAll(ctx, accountId, reason);

export async function getOrg(ctx: AppContext, orgId: string) {
  const org = await authority.getOrg(ctx.database.db, orgId);
  return org ? { id: org.id, name: org.name, level: org.level, regionCode: org.regionCode, path: org.path } : null;
}

/**
 * 参保地 the regions a person may choose to apply in: those of the agency offices (经办机构), which
 * review applications there, each with its office's name; by region code.
 */
export const agencyRegions = (ctx: AppContext) => authority.agencyRegions(ctx.database.db);

/** 管理范围 an org path lies within a scope (an admin's org path): the one test of org-subtree scoping. */
export const isWithin = authority.within;
/** `isWithin` for a query on an org-path column. */
export const orgPathWithin = authority.withinSql;
export const regionPrefixOf = authority.regionPrefixOf;

/** For decisions inside a handler; a handler with an actor asks `actor.can(code)` instead. */
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

export { getChannelApp, channelAppSecret, channelAppNames, channelAppsServing, provideInstitutions, type InstitutionDirectory, type OfferedChannelApp } from './channels.js';
export { lastLivenessAt } from './verification.js';
export type { ThirdParty } from './contract.js';

/**
 * 第三方账号 the open ids the accounts bound at a provider (WeChat, Alipay), by account id; an
 * account that bound none is absent. In plain: for sending to them (公众号 template messages), never to show.
 */
export const openIdsOf = (ctx: AppContext, provider: ThirdParty, accountIds: readonly string[]) => boundOpenIds(ctx.database.db, provider, accountIds);

/**
 * Starts a session for an account another center has authenticated (scan-to-login 扫码登录 by the
 * e-voucher center), recorded in the login history like any login; null when the account may not
 * hold a session (deactivated, locked).
 */
export async function startSessionFor(ctx: AppContext, accountId: string, login: LoginContext): Promise<TokenPair | null> {
  const deps = authDeps(ctx);
  const subject = await deps.accounts.sessionSubject(accountId);
  return subject ? startSession(deps, subject, login) : null;
}
