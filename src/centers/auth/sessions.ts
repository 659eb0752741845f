import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/index.js';
import { DomainError } from '../../kernel/errors/index.js';
import type { AccountKind, AuthLevel } from '../../kernel/http/auth.js';
import { newId } from '../../kernel/ids/index.js';
import { authEvents, refreshTokens, sessions } from './schema.js';
import { issueAccessToken, newRefreshToken, parseRefreshToken, type AccessClaims } from './tokens.js';

export type SessionDeps = Pick<AppContext, 'database' | 'cache' | 'config' | 'audit'> & { tokenKey: Buffer };

/** The account facts a session is issued for (read from the user center at login and refresh). */
export interface SessionSubject {
  id: string;
  kind: AccountKind;
  authLevel: AuthLevel;
  orgId: string | null;
  orgPath: string | null;
  unitId: string | null;
}

export interface LoginContext {
  method: 'password' | 'sms' | 'certificate' | 'third_party' | 'qr';
  channel: string;
  ip: string | null;
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
  await deps.database.db.transaction(async (tx) => {
    await tx.insert(sessions).values({ id: sessionId, accountId: subject.id, method: login.method, channel: login.channel, ip: login.ip });
    await tx.insert(refreshTokens).values({
      id: refreshId,
      sessionId,
      secretHash: refresh.secretHash,
      expiresAt: new Date(Date.now() + deps.config.auth.refreshTokenTtlSec * 1000),
    });
  });
  await deps.cache.set(aliveKey(sessionId), subject.id, deps.config.auth.idleTimeoutSec * 1000);
  await recordAuthEvent(deps.database.db, { accountId: subject.id, method: login.method, channel: login.channel, ip: login.ip, result: 'success' });
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

/** 退出所有设备 log out everywhere: every live session of the account. */
export async function revokeAllSessions(deps: Pick<SessionDeps, 'database' | 'cache'>, accountId: string, reason: string): Promise<number> {
  const live = await deps.database.db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt)));
  for (const { id } of live) await revokeSession(deps, id, reason);
  return live.length;
}

export async function recordAuthEvent(
  db: Db,
  event: { accountId: string | null; method: string; channel: string; ip: string | null; result: 'success' | 'failure'; reason?: string },
) {
  await db.insert(authEvents).values({ id: newId('aev'), ...event, reason: event.reason ?? null });
}

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
  return { items: items.map((i) => ({ ...i, at: i.at.toISOString() })), total: Number(total), page, pageSize };
}
