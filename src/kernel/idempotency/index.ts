/**
 * 幂等 Idempotency-Key for POSTs that move money or issue documents (ARCHITECTURE.md, API
 * conventions): a replay of a key returns the first answer; the same key with a different request is
 * a 409. The key is claimed in the transaction that does the work, so a key that failed (an error,
 * a crash) left nothing behind and may be tried again, and two concurrent requests with one key do
 * the work once: the second waits on the first's claim and then reads its answer.
 *
 * A secret in the request (a password, a voucher code) enters the fingerprint only as its keyed
 * digest (`secretDigest`): a different secret under the same key is a conflict like any other
 * difference, and the stored row tells nobody what the secret was.
 */
import { Type } from '@sinclair/typebox';
import { and, eq, sql } from 'drizzle-orm';
import { transaction as inTransaction, type Database, type Db } from '../db/index.js';
import { DomainError } from '../errors/index.js';
import type { Config } from '../config/index.js';
import { hmacSm3, hmacSm3Hex, parseMasterKey, sm3Hex } from '../crypto/index.js';
import { idempotencyKeys } from './schema.js';

/** The request header, for a route's `headers` schema. */
export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7e]+$', description: '幂等键 Idempotency-Key: a replay returns the first answer' })),
});

/** JSON with object keys sorted, so that key order does not make two equal requests differ. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const requestHash = (request: unknown) => sm3Hex(canonicalJson(request));

/** Domain separation: the digest key is the blind-index key's HMAC of this label, used for nothing else. */
const SECRET_DIGEST_LABEL = 'idempotency-secret';

/**
 * 秘密摘要 what a secret contributes to a request's fingerprint: HMAC-SM3 under a key derived from
 * the blind-index key, never the secret nor its plain SM3 (six digits hashed are six digits found
 * by trying a million). Put it in `request` where the secret was:
 * `request: { id, password: secretDigest(ctx.config, password) }`.
 */
export function secretDigest(config: Pick<Config, 'keys'>, secret: string): string {
  const key = hmacSm3(parseMasterKey(config.keys.blindIndex, 'blindIndex'), SECRET_DIGEST_LABEL);
  return hmacSm3Hex(key, secret);
}

export interface Answer<T> {
  /** what the work returned, or the stored result of the earlier request with the key */
  result: T;
  /** true when this is the stored result of an earlier request with the key */
  replayed: boolean;
}

class ClaimedElsewhere extends Error {}

async function stored(db: Db, scope: string, key: string) {
  const [row] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  return row;
}

function replay<T>(row: typeof idempotencyKeys.$inferSelect, hash: string): Answer<T> {
  if (row.requestHash !== hash) throw new DomainError('request.idempotency_conflict', 'conflict', {}, 'idempotency-key');
  return { result: row.response as T, replayed: true };
}

/**
 * Runs `work` in a transaction, guarded by the key when there is one. `scope` names the caller and
 * the operation (`channel:<appId>:settlement.settle`); `request` is what must match on a replay (the
 * body, and path parameters when they matter; a secret only as its `secretDigest`). `prepare` does
 * the reads that belong before the transaction (PGlite has a single connection: a read outside an
 * open transaction would wait for it); a replay skips it. Only answers of work that committed are stored.
 */
export async function idempotent<T, P>(
  database: Pick<Database, 'db'>,
  input: { scope: string; key: string | undefined; request: unknown },
  prepare: () => Promise<P>,
  work: (tx: Db, prepared: P) => Promise<T>,
): Promise<Answer<T>> {
  const db = database.db;
  const transaction = <R>(run: (tx: Db) => Promise<R>) => inTransaction(db, run);
  const { scope, key } = input;
  if (!key) {
    const prepared = await prepare();
    return { result: await transaction((tx) => work(tx, prepared)), replayed: false };
  }
  const hash = requestHash(input.request);
  const earlier = await stored(db, scope, key);
  if (earlier) return replay<T>(earlier, hash);
  const prepared = await prepare();
  try {
    return await transaction(async (tx) => {
      const claimed = await tx
        .insert(idempotencyKeys)
        .values({ scope, key, requestHash: hash, status: 0, response: null })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (!claimed.length) throw new ClaimedElsewhere();
      const result = await work(tx, prepared);
      // The status column predates domain results; the result alone is the answer now.
      await tx
        .update(idempotencyKeys)
        .set({ status: 0, response: result as object })
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
      return { result, replayed: false };
    });
  } catch (error) {
    if (!(error instanceof ClaimedElsewhere)) throw error;
    // The other request committed its claim (an aborted one would have let ours through).
    const row = await stored(db, scope, key);
    if (!row) throw error;
    return replay<T>(row, hash);
  }
}

/**
 * For work that a group commit does (see kernel/db/group-commit.ts), in three steps instead of
 * `idempotent`'s one: the answer stored under the key before the work (`storedAnswer`), the keys
 * claimed in the batch's transaction (`claimKeys`), and their answers stored there or later
 * (`storeAnswers`). A key claimed with no answer yet (`result` null on a replay) belongs to work that
 * committed and did not finish answering (a crash, or an answer still on its way): the caller
 * answers from the state the work left.
 */
export interface KeyClaim {
  scope: string;
  key: string;
  /** what must match on a replay, as for `idempotent` (a secret only as its `secretDigest`) */
  request: unknown;
}

/** The stored answer under the key (a 409 when the request differs), or null when the key is unused. */
export async function storedAnswer<T>(db: Db, claim: KeyClaim): Promise<Answer<T | null> | null> {
  const row = await stored(db, claim.scope, claim.key);
  return row ? replay<T | null>(row, requestHash(claim.request)) : null;
}

/** Claims the keys in `tx` (one statement): true for each key claimed, false for one already taken. */
export async function claimKeys(tx: Db, claims: readonly KeyClaim[]): Promise<boolean[]> {
  if (!claims.length) return [];
  const claimed = await tx
    .insert(idempotencyKeys)
    .values(claims.map((c) => ({ scope: c.scope, key: c.key, requestHash: requestHash(c.request), status: 0, response: null })))
    .onConflictDoNothing()
    .returning({ scope: idempotencyKeys.scope, key: idempotencyKeys.key });
  const taken = new Set(claimed.map((c) => `${c.scope}\n${c.key}`));
  return claims.map((c) => taken.has(`${c.scope}\n${c.key}`));
}

/** Stores the answers of claimed keys (one statement). */
export async function storeAnswers(db: Db, answers: readonly { scope: string; key: string; response: unknown }[]): Promise<void> {
  if (!answers.length) return;
  await db.execute(sql`
    update kernel.idempotency_keys k set response = a.response
    from jsonb_to_recordset(${JSON.stringify(answers)}::jsonb) as a(scope text, key text, response jsonb)
    where k.scope = a.scope and k.key = a.key`);
}

/** Gives a claimed key back (the work it guarded was undone: a retry under it does the work again). */
export async function releaseKey(db: Db, claim: Pick<KeyClaim, 'scope' | 'key'>): Promise<void> {
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.scope, claim.scope), eq(idempotencyKeys.key, claim.key)));
}
