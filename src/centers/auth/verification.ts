/** 实名 / 实人认证 real-name (L2) and real-person (L3) verification with the provider. */
import { and, eq, max } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/index.js';
import { DomainError, notFound } from '../../kernel/errors/index.js';
import type { AuthLevel } from '../../kernel/http/auth.js';
import { newId } from '../../kernel/ids/index.js';
import { isAdapterError, type RealNameClient } from '../../adapters/index.js';
import { renewedAccessToken } from './login.js';
import type { AuthDeps } from './runtime.js';
import { recordAuthEvent, type RequestOrigin } from './sessions.js';
import { verifications } from './schema.js';

/** The verifying caller: the account, and the session the new access token is for. */
export interface Verifier {
  accountId: string;
  sessionId: string;
  unitId: string | null;
  authLevel: AuthLevel;
}

/**
 * 实名认证 raises the account to L2 once the provider confirms the name and identity number on file
 * belong together; the attempt goes into the login history, and the answer carries an access token
 * at the new level.
 */
export async function realNameVerification(deps: AuthDeps, caller: Verifier, claimed: { name: string; idNumber: string }, origin: RequestOrigin) {
  const onFile = await deps.accounts.identityOf(caller.accountId);
  if (!onFile) throw notFound('auth.account_not_found');
  await recorded(deps, caller.accountId, 'realname', origin, () => verifyRealName(deps.database.db, deps.realName, caller.accountId, claimed, onFile));
  return raised(deps, caller, 2);
}

/** Starts a liveness session at the provider for the identity on file; needs L2 first. */
export async function livenessStart(deps: AuthDeps, caller: Verifier, returnUrl?: string) {
  if (caller.authLevel < 2) throw new DomainError('auth.realname_required', 'forbidden');
  const onFile = await deps.accounts.identityOf(caller.accountId);
  if (!onFile?.idNumber) throw new DomainError('auth.realname_required', 'forbidden');
  return startLiveness(deps.database.db, deps.realName, caller.accountId, { name: onFile.name, idNumber: onFile.idNumber }, returnUrl);
}

/** 实人认证 raises the account to L3 when the provider says the face check of this session passed for the identity on file. */
export async function livenessConfirmation(deps: AuthDeps, caller: Verifier, bizToken: string, origin: RequestOrigin) {
  const onFile = await deps.accounts.identityOf(caller.accountId);
  // A check still running is no attempt yet: it stays out of the history.
  const confirm = () => confirmLiveness(deps.database.db, deps.realName, caller.accountId, bizToken, onFile?.idNumber ?? null);
  await recorded(deps, caller.accountId, 'liveness', origin, confirm, (code) => code !== 'auth.liveness_pending');
  return raised(deps, caller, 3);
}

/** Runs a verification with the provider and records its outcome in the login history (a failure by its error code). */
async function recorded(deps: AuthDeps, accountId: string, method: string, origin: RequestOrigin, check: () => Promise<void>, counts: (code: string) => boolean = () => true) {
  try {
    await check();
  } catch (error) {
    const reason = error instanceof DomainError ? error.code : 'error';
    if (counts(reason)) await recordAuthEvent(deps.database.db, { accountId, method, ...origin, result: 'failure', reason });
    throw error;
  }
  await recordAuthEvent(deps.database.db, { accountId, method, ...origin, result: 'success' });
}

/** The level reached (levels only go up), and an access token for the caller's session that carries it. */
async function raised(deps: AuthDeps, caller: Verifier, level: AuthLevel) {
  await deps.accounts.raiseAuthLevel(caller.accountId, level);
  return { authLevel: Math.max(level, caller.authLevel) as AuthLevel, accessToken: await renewedAccessToken(deps, caller) };
}

/** Maps a provider failure to a problem the caller understands, never a 500. */
export function providerFailure(error: unknown): never {
  if (isAdapterError(error)) {
    throw new DomainError(error.code === 'timeout' ? 'auth.provider_timeout' : 'auth.provider_unavailable', error.code === 'timeout' ? 'upstream_timeout' : 'upstream_failed', {
      party: error.party,
    });
  }
  throw error;
}

/** 实名认证 L2: the provider confirms that name and identity number belong together. */
async function verifyRealName(db: Db, client: RealNameClient, accountId: string, claimed: { name: string; idNumber: string }, onFile: { name: string; idNumber: string | null }) {
  // The claim must be the account's own identity: verifying someone else's would lend their name.
  if (!onFile.idNumber || onFile.idNumber !== claimed.idNumber) throw new DomainError('auth.realname_not_own', 'invalid', {}, 'idNumber');
  if (onFile.name !== claimed.name) throw new DomainError('auth.realname_not_own', 'invalid', {}, 'name');
  const result = await client.verifyIdentity(onFile.idNumber, claimed.name).catch(providerFailure);
  await db.insert(verifications).values({ id: newId('ver'), accountId, kind: 'realname', status: result.match ? 'passed' : 'failed', completedAt: new Date() });
  if (!result.match) throw new DomainError('auth.realname_mismatch', 'unprocessable', {}, 'idNumber');
}

async function startLiveness(db: Db, client: RealNameClient, accountId: string, identity: { name: string; idNumber: string }, returnUrl?: string) {
  const session = await client.createLivenessSession({ ...identity, returnUrl }).catch(providerFailure);
  await db.insert(verifications).values({ id: newId('ver'), accountId, kind: 'liveness', providerRef: session.bizToken, status: 'pending' });
  return session;
}

/** Asks the provider for the result of a liveness session this account started. */
async function confirmLiveness(db: Db, client: RealNameClient, accountId: string, bizToken: string, idNumber: string | null) {
  const [record] = await db
    .select()
    .from(verifications)
    .where(and(eq(verifications.providerRef, bizToken), eq(verifications.accountId, accountId), eq(verifications.kind, 'liveness')));
  if (!record) throw new DomainError('auth.liveness_not_found', 'not_found', {}, 'bizToken');
  if (record.status === 'passed') return;
  const result = await client.getLivenessResult(bizToken).catch(providerFailure);
  if (result.status === 'pending') throw new DomainError('auth.liveness_pending', 'conflict', {}, 'bizToken');
  const passed = result.status === 'passed' && result.idNumber === idNumber;
  await db.update(verifications).set({ status: passed ? 'passed' : 'failed', completedAt: new Date() }).where(eq(verifications.id, record.id));
  if (!passed) throw new DomainError('auth.liveness_failed', 'unprocessable', {}, 'bizToken');
}

/** When the account last passed a liveness check (实人认证), or null: for actions that need a fresh one. */
export async function lastLivenessAt(ctx: AppContext, accountId: string): Promise<Date | null> {
  const [row] = await ctx.database.db
    .select({ at: max(verifications.completedAt) })
    .from(verifications)
    .where(and(eq(verifications.accountId, accountId), eq(verifications.kind, 'liveness'), eq(verifications.status, 'passed')));
  return row?.at ? new Date(row.at) : null;
}
