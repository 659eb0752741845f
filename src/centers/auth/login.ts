/** 登录 signing in: each method ends in a session for an account the directory vouches for. */
import { DomainError } from '../../kernel/errors/index.js';
import type { AccountKind } from '../../kernel/http/auth.js';
import type { PasswordCheck } from './accounts.js';
import { consumeOtp } from './otp.js';
import type { AuthDeps } from './runtime.js';
import { accessTokenFor, recordAuthEvent, startSession, type LoginContext, type TokenPair } from './sessions.js';

/** A session for an account, or forbidden when it may not hold one (deactivated, locked, an agent of no unit). */
export async function issueSession(deps: AuthDeps, accountId: string, login: LoginContext, unitId?: string): Promise<TokenPair> {
  const subject = await deps.accounts.sessionSubject(accountId, unitId);
  if (!subject) throw new DomainError('auth.account_disabled', 'forbidden');
  return startSession(deps, subject, login);
}

/** A new access token for the caller's session, carrying what changed (a raised level). */
export async function renewedAccessToken(deps: AuthDeps, caller: { accountId: string; sessionId: string; unitId: string | null }): Promise<string> {
  const subject = await deps.accounts.sessionSubject(caller.accountId, caller.unitId ?? undefined);
  if (!subject) throw new DomainError('auth.account_disabled', 'forbidden');
  return accessTokenFor(deps, subject, caller.sessionId);
}

/**
 * 密码登录 password login with 登录失败处理: every failure goes into the login history; the account
 * directory counts consecutive failures and locks the account for a while after too many.
 */
export async function passwordLogin(deps: AuthDeps, input: { identifier: string; password: string; kind?: AccountKind }, login: LoginContext) {
  const check = await deps.accounts.checkPassword(input.identifier, input.password, input.kind);
  if (!check.ok) {
    await recordAuthEvent(deps.database.db, { ...login, accountId: check.accountId, result: 'failure', reason: check.reason });
    throw refusal(check);
  }
  return { ...(await issueSession(deps, check.accountId, login)), passwordExpired: check.passwordExpired };
}

/** Why a password login fails, as the caller may learn it: an unknown account reads as a wrong password. */
function refusal(check: Extract<PasswordCheck, { ok: false }>, now = Date.now()): DomainError {
  if (check.reason !== 'locked') return new DomainError('auth.bad_credentials', 'unauthenticated', {}, 'password');
  // Locked by an administrator (no end time) is a different thing from a failure lockout.
  if (!check.lockedUntil) return new DomainError('auth.account_disabled', 'forbidden');
  const retryAfterSec = Math.max(1, Math.ceil((check.lockedUntil.getTime() - now) / 1000));
  return new DomainError('auth.account_locked', 'locked', { until: check.lockedUntil.toISOString(), minutes: Math.ceil(retryAfterSec / 60), retryAfterSec });
}

/** 短信验证码登录 SMS code login: the code proves the phone, the phone names the account. */
export async function smsLogin(deps: AuthDeps, input: { phone: string; code: string; kind?: AccountKind }, login: LoginContext) {
  await consumeOtp(deps.cache, deps.fields.blindIndex(input.phone, 'phone'), 'login', input.code, 'code');
  const accountId = await deps.accounts.accountIdOf(input.phone, input.kind);
  if (!accountId) throw new DomainError('auth.phone_unknown', 'not_found', {}, 'phone');
  return issueSession(deps, accountId, login);
}
