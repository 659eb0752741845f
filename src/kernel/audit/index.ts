import { asc, gt, sql } from 'drizzle-orm';
import type { Database, Db } from '../db/index.js';
import { auditRecords } from './schema.js';
import { chainHash, createChainVerifier, GENESIS_HASH, type ChainVerdict } from './chain.js';

export interface AuditEntry {
  actorId?: string | null;
  /** account kind, 'channel', 'system' or 'anonymous' */
  actorKind: string;
  action: string;
  target?: string | null;
  status?: number;
  requestId?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditLog {
  /** Appends one record to the chain; pass a transaction to make it part of the change it records. */
  record(entry: AuditEntry, executor?: Db): Promise<void>;
  verify(): Promise<ChainVerdict>;
}

const CHAIN_LOCK = 7263542;

export function createAuditLog(database: Database): AuditLog {
  const append = async (tx: Db, entry: AuditEntry) => {
    // The chain is a single sequence: serialize appends so each row links to the one before it.
    await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
    const [last] = await database.rows<{ hash: string }>(sql`select hash from audit.records order by id desc limit 1`, tx);
    const [{ id }] = await database.rows<{ id: number }>(sql`select nextval('audit.records_id_seq')::int8 as id`, tx);
    const fields = {
      id: Number(id),
      occurredAt: new Date(),
      actorId: entry.actorId ?? null,
      actorKind: entry.actorKind,
      action: entry.action,
      target: entry.target ?? null,
      status: entry.status ?? 200,
      requestId: entry.requestId ?? null,
      ip: entry.ip ?? null,
      detail: entry.detail ?? {},
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    await tx.insert(auditRecords).values({ ...fields, prevHash, hash: chainHash(prevHash, fields) });
  };
  return {
    record: async (entry, executor) => {
      if (executor) return append(executor, entry);
      await database.db.transaction((tx) => append(tx as unknown as Db, entry));
    },
    verify: () => verifyAuditChain(database.db),
  };
}

export async function verifyAuditChain(db: Db, batchSize = 1000): Promise<ChainVerdict> {
  const verifier = createChainVerifier();
  let afterId = 0;
  for (;;) {
    const batch = await db.select().from(auditRecords).where(gt(auditRecords.id, afterId)).orderBy(asc(auditRecords.id)).limit(batchSize);
    for (const row of batch) {
      const bad = verifier.next(row);
      if (bad) return bad;
    }
    if (batch.length < batchSize) return verifier.done();
    afterId = batch[batch.length - 1].id;
  }
}

export type { ChainVerdict } from './chain.js';
