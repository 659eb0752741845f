import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { DomainError } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import type { SessionSubject } from './accounts.js';
import type { AuthEventView, IntrospectionView } from './contract.js';
import { authEvents, refreshTokens, sessions } from './schema.js';
import { issueAccessToken, newRefreshToken, parseRefreshToken, verifyAccessToken, type AccessClaims } from './tokens.js';

export type SessionDeps = Pick<AppContext, 'database' | 'cache' | 'config' | 'audit'> & { tokenKey: Buffer };

/** Where a request came from, for the login history. */
export interface RequestOrigin {
  channel: string;
  ip: string | null;
}

/** How a session began, for the session row and the login history. */
export interface LoginContext extends RequestOrigin {
  method: 'password' | 'sms' | 'certificate' | 'third_party' | 'qr';
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/** Live-session key: present while the session is neither idle past its timeout nor logged out. */
export const aliveKey = (sessionId: string) => `sess:${sessionId}`;

export function accessTokenFor(deps: SessionDeps, subject: SessionSubject, sessionId: string): string {
  const claims: AccessClaims = {
    sub: subject.id,
    sid: sessionId,
    knd: subject.kind,
    lvl: subject.authLevel,
    org: subject.orgId,
    opa: subject.orgPath,
    uid: subject.unitId,
    exp: Math.floor(Date.now() / 1000) + deps.config.auth.accessTokenTtlSec,
  };
  return issueAccessToken(deps.tokenKey, claims);
}

export async function startSession(deps: SessionDeps, subject: SessionSubject, login: LoginContext): Promise<TokenPair> {
  const sessionId = newId('ses');
  const refreshId = newId('rt');
  const refresh = newRefreshToken(refreshId);
  await transaction(deps.database.db, async (tx) => {
    await tx.insert(sessions).values({ id: sessionId, accountId: subject.id, method: login.method, channel: login.channel, ip: login.ip });
    await tx.insert(refreshTokens).values({
      id: refreshId,
      sessionId,
      secretHash: refresh.secretHash,
      expiresAt: new Date(Date.now() + deps.config.auth.refreshTokenTtlSec * 1000),
    });
  });
  await deps.cache.set(aliveKey(sessionId), subject.id, deps.config.auth.idleTimeoutSec * 1000);
  await recordAuthEvent(deps.database.db, { ...login, accountId: subject.id, result: 'success' });
  return { accessToken: accessTokenFor(deps, subject, sessionId), refreshToken: refresh.token, tokenType: 'Bearer', expiresIn: deps.config.auth.accessTokenTtlSec };
}

/**
 * Rotates a refresh token. Using a token twice means it was stolen (or replayed): the whole family
 * — the session and every token it issued — is revoked, and the legitimate user logs in again.
 */
export async function rotateRefreshToken(
  deps: SessionDeps,
  token: string,
  loadSubject: (accountId: string) => Promise<SessionSubject | null>,
  ip: string | null,
): Promise<TokenPair> {
  const parsed = parseRefreshToken(token);
  if (!parsed) throw new DomainError('auth.refresh_invalid', 'unauthenticated', {}, 'refreshToken');
  const db = deps.database.db;
  const [row] = await db
    .select({ token: refreshTokens, session: sessions })
    .from(refreshTokens)
    .innerJoin(sessions, eq(sessions.id, refreshTokens.sessionId))
    .where(eq(refreshTokens.id, parsed.id));
  if (!row || row.token.secretHash !== parsed.secretHash) throw new DomainError('auth.refresh_invalid', 'unauthenticated', {}, 'refreshToken');
  const { session } = row;
  if (session.revokedAt) throw new DomainError('auth.session_revoked', 'unauthenticated', {}, 'refreshToken');
  if (row.token.expiresAt <= new Date()) throw new DomainError('auth.refresh_expired', 'unauthenticated', {}, 'refreshToken');
  if (!(await deps.cache.touch(aliveKey(session.id), deps.config.auth.idleTimeoutSec * 1000))) {
    await revokeSession(deps, session.id, 'idle_timeout');
    throw new DomainError('auth.session_idle', 'unauthenticated', {}, 'refreshToken');
  }

  // Consume atomically: of two racing refreshes with one token, exactly one sees 'active'.
  const consumed = await db
    .update(refreshTokens)
    .set({ status: 'used', usedAt: new Date() })
    .where(and(eq(refreshTokens.id, parsed.id), eq(refreshTokens.status, 'active')))
    .returning({ id: refreshTokens.id });
  if (!consumed.length) {
    await revokeSession(deps, session.id, 'refresh_reuse');
    await recordAuthEvent(db, { accountId: session.accountId, method: 'refresh', channel: session.channel, ip, result: 'failure', reason: 'refresh_reuse' });
    await deps.audit.record({ actorId: session.accountId, actorKind: 'system', action: 'auth.refresh_reuse_detected', target: session.id, status: 401 });
    throw new DomainError('auth.refresh_reused', 'unauthenticated', {}, 'refreshToken');
  }
  const subject = await loadSubject(session.accountId);
  if (!subject) {
    await revokeSession(deps, session.id, 'account_unavailable');
    throw new DomainError('auth.session_revoked', 'unauthenticated', {}, 'refreshToken');
  }
  const nextId = newId('rt');
  const next = newRefreshToken(nextId);
  await db.insert(refreshTokens).values({
    id: nextId,
    sessionId: session.id,
    secretHash: next.secretHash,
    expiresAt: new Date(Date.now() + deps.config.auth.refreshTokenTtlSec * 1000),
  });
  return { accessToken: accessTokenFor(deps, subject, session.id), refreshToken: next.token, tokenType: 'Bearer', expiresIn: deps.config.auth.accessTokenTtlSec };
}

export async function revokeSession(deps: Pick<SessionDeps, 'database' | 'cache'>, sessionId: string, reason: string, executor?: Db) {
  const db = executor ?? deps.database.db;
  await db
    .update(sessions)
    .set({ revokedAt: new Date(), revokedReason: reason })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
  await db.update(refreshTokens).set({ status: 'revoked' }).where(and(eq(refreshTokens.sessionId, sessionId), eq(refreshTokens.status, 'active')));
  await deps.cache.del(aliveKey(sessionId));
  await deps.cache.broadcast(SESSION_ENDED, sessionId);
}

/** Broadcast channel telling every node's authenticator that a session ended. */
export const SESSION_ENDED = 'session-ended';

/** Every live session of the account ends (log out everywhere, password change, deactivation, lock, revoked agent). */
export async function revokeAllSessions(deps: Pick<SessionDeps, 'database' | 'cache'>, accountId: string, reason: string): Promise<number> {
  const live = await deps.database.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt)));
  for (const { id } of live) await revokeSession(deps, id, reason);
  return live.length;
}

/** 退出登录 log out: this session ends at once on every node. */
export async function logout(deps: Pick<SessionDeps, 'database' | 'cache'>, caller: { accountId: string; sessionId: string }, origin: RequestOrigin) {
  await revokeSession(deps, caller.sessionId, 'logout');
  await recordAuthEvent(deps.database.db, { accountId: caller.accountId, method: 'logout', ...origin, result: 'success' });
}

/** 退出所有设备 log out everywhere: every live session of the account, this one too. */
export async function logoutEverywhere(deps: Pick<SessionDeps, 'database' | 'cache'>, accountId: string, origin: RequestOrigin): Promise<number> {
  const revoked = await revokeAllSessions(deps, accountId, 'logout_all');
  await recordAuthEvent(deps.database.db, { accountId, method: 'logout', ...origin, result: 'success', reason: 'everywhere' });
  return revoked;
}

/** 令牌校验 a channel asks whether a user's access token is genuine and its session live. */
export async function introspect(deps: Pick<SessionDeps, 'cache' | 'tokenKey'>, accessToken: string): Promise<IntrospectionView> {
  const claims = verifyAccessToken(deps.tokenKey, accessToken);
  if (!claims || !(await deps.cache.get(aliveKey(claims.sid)))) return { active: false };
  return { active: true, accountId: claims.sub, kind: claims.knd, authLevel: claims.lvl, expiresAt: claims.exp };
}

export async function recordAuthEvent(
  db: Db,
  event: RequestOrigin & { accountId: string | null; method: string; result: 'success' | 'failure'; reason?: string },
) {
  await db.insert(authEvents).values({ id: newId('aev'), ...event, reason: event.reason ?? null });
}

/** 登录与认证记录 an account's own logins and verifications, newest first. */
export async function authHistory(db: Db, accountId: string, page: number, pageSize: number) {
  const where = eq(authEvents.accountId, accountId);
  const [items, [{ total }]] = await Promise.all([
    db
      .select({ at: authEvents.at, method: authEvents.method, channel: authEvents.channel, result: authEvents.result, reason: authEvents.reason, ip: authEvents.ip })
      .from(authEvents)
      .where(where)
      .orderBy(desc(authEvents.at), desc(authEvents.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(authEvents).where(where),
  ]);
  return { items: items.map(authEventView), total: Number(total), page, pageSize };
}

function authEventView(row: Pick<typeof authEvents.$inferSelect, 'at' | 'method' | 'channel' | 'result' | 'reason' | 'ip'>): AuthEventView {
  return { at: row.at.toISOString(), method: row.method, channel: row.channel, result: row.result, reason: row.reason, ip: row.ip };
}
