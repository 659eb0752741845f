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
  /**
   * Appends one record to the chain. With a transaction it is part of the change it records;
   * without one it joins the next batch (see `createAuditLog`) and settles once that is committed.
   */
  record(entry: AuditEntry, executor?: Db): Promise<void>;
  /** Settles when every record handed in so far is committed (before the database closes). */
  flush(): Promise<void>;
  verify(): Promise<ChainVerdict>;
}

const CHAIN_LOCK = 7263542;
/** most records appended in one transaction */
const BATCH_MAX = 500;

interface Pending {
  entry: AuditEntry;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The chain is a single sequence, so appends are serialized by one advisory lock. Taking it once per
 * request made every state-changing request in the platform queue behind it (a few hundred a second
 * at most); records without a transaction of their own are therefore appended in batches: whatever
 * arrived while the previous batch was being written goes in the next one, one lock, one read of the
 * chain's end, one multi-row insert.
 */
export function createAuditLog(database: Database): AuditLog {
  const append = async (tx: Db, entries: AuditEntry[]) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
    const [last] = await database.rows<{ hash: string }>(sql`select hash from audit.records order by id desc limit 1`, tx);
    const ids = await database.rows<{ id: number }>(sql`select nextval('audit.records_id_seq')::int8 as id from generate_series(1, ${entries.length})`, tx);
    let prevHash = last?.hash ?? GENESIS_HASH;
    const rows = entries.map((entry, i) => {
      const fields = {
        id: Number(ids[i].id),
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
      const row = { ...fields, prevHash, hash: chainHash(prevHash, fields) };
      prevHash = row.hash;
      return row;
    });
    await tx.insert(auditRecords).values(rows);
  };

  let queue: Pending[] = [];
  let writing: Promise<void> | null = null;
  const drain = async () => {
    while (queue.length) {
      const batch = queue.slice(0, BATCH_MAX);
      queue = queue.slice(batch.length);
      try {
        await database.db.transaction((tx) => append(tx as unknown as Db, batch.map((p) => p.entry)));
        for (const p of batch) p.resolve();
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
    writing = null;
  };

  return {
    record: async (entry, executor) => {
      if (executor) return append(executor, [entry]);
      await new Promise<void>((resolve, reject) => {
        queue.push({ entry, resolve, reject });
        writing ??= drain();
      });
    },
    flush: async () => {
      while (writing) await writing;
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
