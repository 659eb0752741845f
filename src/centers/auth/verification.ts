import { and, eq } from 'drizzle-orm';
import type { Db } from '../../kernel/db/index.js';
import { DomainError } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { isAdapterError, type RealNameClient } from '../../adapters/index.js';
import { verifications } from './schema.js';

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
export async function verifyRealName(db: Db, client: RealNameClient, accountId: string, claimed: { name: string; idNumber: string }, onFile: { name: string; idNumber: string | null }) {
  // The claim must be the account's own identity: verifying someone else's would lend their name.
  if (!onFile.idNumber || onFile.idNumber !== claimed.idNumber.toUpperCase()) throw new DomainError('auth.realname_not_own', 'invalid', {}, 'idNumber');
  if (onFile.name !== claimed.name) throw new DomainError('auth.realname_not_own', 'invalid', {}, 'name');
  const result = await client.verifyIdentity(claimed.idNumber, claimed.name).catch(providerFailure);
  await db.insert(verifications).values({ id: newId('ver'), accountId, kind: 'realname', status: result.match ? 'passed' : 'failed', completedAt: new Date() });
  if (!result.match) throw new DomainError('auth.realname_mismatch', 'unprocessable', {}, 'idNumber');
}

export async function startLiveness(db: Db, client: RealNameClient, accountId: string, identity: { name: string; idNumber: string }, returnUrl?: string) {
  const session = await client.createLivenessSession({ ...identity, returnUrl }).catch(providerFailure);
  await db.insert(verifications).values({ id: newId('ver'), accountId, kind: 'liveness', providerRef: session.bizToken, status: 'pending' });
  return session;
}

/** 实人认证 L3: asks the provider for the result of a liveness session this account started. */
export async function confirmLiveness(db: Db, client: RealNameClient, accountId: string, bizToken: string, idNumber: string | null) {
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
