import { asc, gt, sql } from 'drizzle-orm';
import { transaction, type Database, type Db } from '../db/index.js';
import { groupCommit } from '../db/group-commit.js';
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

/**
 * The chain is a single sequence, so appends are serialized by one advisory lock. Taking it once per
 * request made every state-changing request in the platform queue behind it (a few hundred a second
 * at most); records without a transaction of their own are therefore group-committed: one lock, one
 * read of the chain's end, one multi-row insert per batch.
 */
export function createAuditLog(database: Database): AuditLog {
  const append = async (tx: Db, entries: AuditEntry[]) => {
    // The lock first (the FROM), then the chain's end and the batch's ids: one round trip.
    const [{ hash: lastHash, ids }] = await database.rows<{ hash: string | null; ids: (number | string)[] }>(
      sql`select (select hash from audit.records order by id desc limit 1) as hash,
                 array(select nextval('audit.records_id_seq') from generate_series(1, ${entries.length})) as ids
          from (select pg_advisory_xact_lock(${CHAIN_LOCK})) as locked`,
      tx,
    );
    let prevHash = lastHash ?? GENESIS_HASH;
    const rows = entries.map((entry, i) => {
      const fields = {
        id: Number(ids[i]),
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
    // One JSON parameter rather than twelve per row: building a 500-row insert parameter by parameter cost more than writing it.
    await database.rows(
      sql`insert into audit.records (id, occurred_at, actor_id, actor_kind, action, target, status, request_id, ip, detail, prev_hash, hash)
          select id, "occurredAt", "actorId", "actorKind", action, target, status, "requestId", ip, detail, "prevHash", hash
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id bigint, "occurredAt" timestamptz, "actorId" text, "actorKind" text, action text,
               target text, status integer, "requestId" text, ip text, detail jsonb, "prevHash" text, hash text)`,
      tx,
    );
  };

  const batches = groupCommit<AuditEntry>((entries) => transaction(database.db, (tx) => append(tx, entries)), { maxBatch: BATCH_MAX });

  return {
    record: async (entry, executor) => {
      if (executor) return append(executor, [entry]);
      await batches.add(entry);
    },
    flush: () => batches.flush(),
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
