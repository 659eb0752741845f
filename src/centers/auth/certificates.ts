/** 数字证书登录 certificate login: a unit agent signs a one-time nonce with the unit's SM2 key. */
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../kernel/db/index.js';
import { DomainError, badRequest } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { normalizeSm2PublicKey, sm2Verify } from '../../kernel/crypto/index.js';
import type { AuthDeps } from './runtime.js';
import { issueSession } from './login.js';
import { recordAuthEvent, type LoginContext } from './sessions.js';
import { certificates } from './schema.js';

const CHALLENGE_TTL_MS = 120_000;
const challengeKey = (challengeId: string) => `chl:${challengeId}`;

/** Registers an SM2 public key for the agent's current unit. */
export async function registerCertificate(db: Db, agent: { accountId: string; unitId: string }, publicKey: string) {
  let normalized: string;
  try {
    normalized = normalizeSm2PublicKey(publicKey);
  } catch {
    throw badRequest('auth.cert_key_invalid', 'publicKey');
  }
  const id = newId('cert');
  await db.insert(certificates).values({ id, accountId: agent.accountId, unitId: agent.unitId, publicKey: normalized });
  return { id, unitId: agent.unitId };
}

/** A nonce for the unit with this credit code to sign, valid two minutes and once. */
export async function certificateChallenge(deps: AuthDeps, creditCode: string) {
  const unitId = await deps.accounts.unitIdByCreditCode(creditCode);
  if (!unitId) throw new DomainError('auth.cert_unknown_unit', 'not_found', {}, 'creditCode');
  const challengeId = newId('chl');
  const nonce = randomBytes(32).toString('hex');
  await deps.cache.set(challengeKey(challengeId), JSON.stringify({ unitId, nonce }), CHALLENGE_TTL_MS);
  return { challengeId, nonce, expiresIn: CHALLENGE_TTL_MS / 1000 };
}

/** A session for the active agent whose registered key signed the challenge's nonce (signer id 1234567812345678). */
export async function certificateLogin(deps: AuthDeps, input: { challengeId: string; signature: string }, login: LoginContext) {
  const stored = await deps.cache.get(challengeKey(input.challengeId));
  // A challenge is single-use, whatever the outcome.
  await deps.cache.del(challengeKey(input.challengeId));
  if (!stored) throw new DomainError('auth.cert_challenge_expired', 'invalid', {}, 'challengeId');
  const { unitId, nonce } = JSON.parse(stored) as { unitId: string; nonce: string };
  const keys = await deps.database.db.select().from(certificates).where(and(eq(certificates.unitId, unitId), eq(certificates.status, 'active')));
  const match = keys.find((k) => sm2Verify(nonce, input.signature, k.publicKey));
  if (!match || !(await deps.accounts.isActiveAgentOf(match.accountId, unitId))) {
    await recordAuthEvent(deps.database.db, { ...login, accountId: match?.accountId ?? null, result: 'failure', reason: 'bad_signature' });
    throw new DomainError('auth.cert_signature_invalid', 'unauthenticated', {}, 'signature');
  }
  return issueSession(deps, match.accountId, login, unitId);
}
