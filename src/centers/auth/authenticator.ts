import type { FastifyRequest } from 'fastify';
import { perContext, type AppContext } from '../../kernel/context.js';
import { DomainError } from '../../kernel/errors/index.js';
import type { Authenticator, UserPrincipal } from '../../kernel/http/auth.js';
import { authenticateChannel } from './channels.js';
import { getOrg, permissionCodes, regionPrefixOf } from './authority.js';
import { aliveKey, SESSION_ENDED } from './sessions.js';
import { verifyAccessToken } from './tokens.js';

const PERMISSION_TTL_MS = 10_000;
const NO_PERMISSIONS: ReadonlySet<string> = new Set();
/** an organization's level and region code do not change in use; a node keeps them a minute */
const ORG_TTL_MS = 60_000;

export const tokenKeyOf = (ctx: AppContext) => Buffer.from(ctx.config.keys.token, 'hex');

/**
 * Bearer tokens are checked by MAC (no database), then the live-session key is renewed in the shared
 * cache, which enforces the idle timeout. A node remembers for a short interval (a tenth of the idle
 * timeout, at most a minute) that it renewed a session, and skips the round trip meanwhile; a
 * logout anywhere is broadcast and clears that memo on every node at once.
 */
export type PlatformAuthenticator = Authenticator & { forget(accountId: string): void };

/** One authenticator per platform instance, so a grant change clears the cache the guard reads. */
export const authenticatorFor: (ctx: AppContext) => PlatformAuthenticator = perContext((ctx) => createAuthenticator(ctx));

function createAuthenticator(ctx: AppContext, tokenKey = tokenKeyOf(ctx)): PlatformAuthenticator {
  const permissionCache = new Map<string, { codes: Set<string>; until: number }>();
  const orgPrefixCache = new Map<string, { prefix: string | null; until: number }>();
  const idleMs = ctx.config.auth.idleTimeoutSec * 1000;
  const renewEveryMs = Math.min(60_000, idleMs / 10);
  /** session id → when this node last renewed it */
  const renewed = new Map<string, number>();
  ctx.cache.onBroadcast(SESSION_ENDED, (sessionId) => renewed.delete(sessionId));
  const sweep = setInterval(() => {
    const stale = Date.now() - renewEveryMs;
    for (const [sessionId, at] of renewed) if (at < stale) renewed.delete(sessionId);
  }, Math.max(1000, renewEveryMs));
  sweep.unref();
  const alive = async (sessionId: string) => {
    const now = Date.now();
    if ((renewed.get(sessionId) ?? 0) > now - renewEveryMs) return true;
    if (!(await ctx.cache.touch(aliveKey(sessionId), idleMs))) return false;
    renewed.set(sessionId, now);
    return true;
  };
  return {
    async authenticateUser(request: FastifyRequest): Promise<UserPrincipal> {
      const header = request.headers.authorization;
      if (!header || !header.startsWith('Bearer ')) throw new DomainError('auth.unauthenticated', 'unauthenticated');
      const claims = verifyAccessToken(tokenKey, header.slice(7));
      if (!claims) throw new DomainError('auth.token_invalid', 'unauthenticated');
      if (!(await alive(claims.sid))) throw new DomainError('auth.session_revoked', 'unauthenticated');
      return {
        type: 'user',
        accountId: claims.sub,
        kind: claims.knd,
        sessionId: claims.sid,
        authLevel: claims.lvl,
        orgId: claims.org,
        orgPath: claims.opa,
        unitId: claims.uid,
      };
    },
    authenticateChannel: (request) => authenticateChannel({ db: ctx.database.db, fields: ctx.fields, cache: ctx.cache }, request),
    async permissionsOf(principal) {
      // Staff and admins hold permissions through their organization's roles; other accounts hold none.
      if (principal.orgPath === null) return NO_PERMISSIONS;
      const cached = permissionCache.get(principal.accountId);
      if (cached && cached.until > Date.now()) return cached.codes;
      const codes = await permissionCodes(ctx.database.db, principal.accountId);
      permissionCache.set(principal.accountId, { codes, until: Date.now() + PERMISSION_TTL_MS });
      return codes;
    },
    async regionPrefixOf(orgId) {
      const cached = orgPrefixCache.get(orgId);
      if (cached && cached.until > Date.now()) return cached.prefix;
      const org = await getOrg(ctx.database.db, orgId);
      const prefix = org ? regionPrefixOf(org) : null;
      orgPrefixCache.set(orgId, { prefix, until: Date.now() + ORG_TTL_MS });
      return prefix;
    },
    forget(accountId) {
      permissionCache.delete(accountId);
    },
  };
}
