import { AsyncLocalStorage } from 'node:async_hooks';
import { asc, gt, sql } from 'drizzle-orm';
import type { Database, Db } from '../db/index.js';
import { groupCommit } from '../db/group-commit.js';
import { periodicJob, type JobLog, type PeriodicJob } from '../jobs/index.js';
import { prepareSm2PublicKey, sm2PublicKeyFromPrivateKey, type PreparedSm2PublicKey } from '../crypto/index.js';
import { auditRecords } from './schema.js';
import { chainHash, createChainVerifier, GENESIS_HASH, type ChainVerdict, type CheckpointRef } from './chain.js';
import {
  appendCheckpoint,
  chainIdentity,
  checkpointLines,
  isSignedCheckpoint,
  latestCheckpoint,
  signCheckpoint,
  type Checkpoint,
} from './checkpoint.js';

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
  /**
   * Runs `work`, and appends the records it hands to `record` with `tx` together when it is done:
   * one lock, one read of the chain's end and one insert for a transaction that carries the changes
   * of many requests (a group commit), instead of each.
   */
  gather<T>(tx: Db, work: () => Promise<T>): Promise<T>;
  /** Settles when every record handed in so far is committed (before the database closes). */
  flush(): Promise<void>;
  /** Walks the chain, and holds it against the signed checkpoints when they are kept. */
  verify(): Promise<ChainVerdict>;
  /** Signs the chain's head into the checkpoint file, when it moved since the last one; null when nothing was written. */
  checkpoint(): Promise<Checkpoint | null>;
  /** Starts the periodic checkpoints. */
  start(log: JobLog): void;
  /** Writes what is batched, stops the periodic checkpoints and takes a last one (at shutdown, before the database closes). */
  stop(): Promise<void>;
}

export interface AuditLogOptions {
  /** 审计链锚点: where the chain's signed head is kept, by which key, how often */
  checkpoints?: { file: string; signingKey: string; intervalSec: number };
}

const CHAIN_LOCK = 7263542;
/** most records appended in one transaction */
const BATCH_MAX = 500;

/**
 * The chain is a single sequence, so appends are serialized by one advisory lock, held until the
 * appending transaction commits. A request's record goes into the request's own transaction when it
 * has one (kernel/audit/request.ts): that transaction then holds the lock for its last statements and
 * its commit, which caps such requests at several hundred a second across the platform (measured:
 * docs/centers.md). Records without a transaction of their own are group-committed: one lock, one read
 * of the chain's end, one multi-row insert per batch.
 */
export function createAuditLog(database: Database, options: AuditLogOptions = {}): AuditLog {
  const append = async (tx: Db, entries: AuditEntry[]) => {
    // The lock in a statement of its own: a statement sees the rows committed before it started, so
    // the chain's end must be read by one that starts once the lock is held (read in the statement
    // that waited for the lock, it would miss the record its holder just committed, and two records
    // would follow the same one).
    await database.rows(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`, tx);
    const [{ hash: lastHash, ids }] = await database.rows<{ hash: string | null; ids: (number | string)[] }>(
      sql`select (select hash from audit.records order by id desc limit 1) as hash,
                 array(select nextval('audit.records_id_seq') from generate_series(1, ${entries.length})) as ids`,
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

  // The driver's own transaction, not the kernel's: a batch carries records of many requests and is
  // no request's change (the kernel's would add the pending record of whichever request started it).
  const batches = groupCommit<AuditEntry>((entries) => database.db.transaction((tx) => append(tx as unknown as Db, entries)), { maxBatch: BATCH_MAX });

  const anchors = options.checkpoints ? createCheckpointer(database, options.checkpoints) : null;
  let job: PeriodicJob | null = null;
  const gathering = new AsyncLocalStorage<{ tx: Db; entries: AuditEntry[] }>();

  return {
    record: async (entry, executor) => {
      const gathered = gathering.getStore();
      if (executor && gathered?.tx === executor) {
        gathered.entries.push(entry);
        return;
      }
      if (executor) return append(executor, [entry]);
      await batches.add(entry);
    },
    gather: async (tx, work) => {
      const gathered = { tx, entries: [] as AuditEntry[] };
      const result = await gathering.run(gathered, work);
      if (gathered.entries.length) await append(tx, gathered.entries);
      return result;
    },
    flush: () => batches.flush(),
    verify: () => verifyAuditChain(database.db, anchors ? { checkpoints: { file: anchors.file, publicKey: anchors.publicKey() } } : {}),
    checkpoint: async () => (anchors ? anchors.write() : null),
    start: (log) => {
      if (!anchors || job) return;
      anchors.log = log;
      job = periodicJob({ name: 'audit.checkpoint', intervalMs: anchors.intervalMs, runAtStart: false, log, run: () => anchors.write() });
      job.start();
    },
    stop: async () => {
      await batches.flush();
      await job?.stop();
      job = null;
      await anchors?.write().catch((error: unknown) => anchors.log.error({ err: error }, 'audit checkpoint at shutdown failed'));
    },
  };
}

/**
 * Writes checkpoints of one chain, one at a time. A checkpoint only ever moves forward: when the
 * table no longer holds the last one (records deleted or rewritten while the platform was down),
 * it writes none and says so, rather than anchor the damage.
 */
function createCheckpointer(database: Database, options: NonNullable<AuditLogOptions['checkpoints']>) {
  const publicKeyHex = sm2PublicKeyFromPrivateKey(options.signingKey);
  let prepared: PreparedSm2PublicKey | null = null;
  const publicKey = () => (prepared ??= prepareSm2PublicKey(publicKeyHex));
  let chain: string | null = null;
  /** the last checkpoint of the chain, once read from the file */
  let last: Checkpoint | null | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const writeOnce = async (): Promise<Checkpoint | null> => {
    chain ??= await chainIdentity(database.db);
    const [head] = await database.rows<{ id: number; hash: string }>(sql`select id, hash from audit.records order by id desc limit 1`);
    if (!head) return null;
    if (last === undefined) last = await latestCheckpoint(options.file, chain, publicKey());
    if (last) {
      if (Number(head.id) === last.id && head.hash === last.hash) return null;
      const [then] = await database.rows<{ hash: string }>(sql`select hash from audit.records where id = ${last.id}`);
      if (!then || then.hash !== last.hash || Number(head.id) < last.id) {
        checkpointer.log.error({ checkpointId: last.id, headId: Number(head.id) }, 'audit chain no longer holds its last checkpoint: no new checkpoint written (run npm run audit:verify)');
        return null;
      }
    }
    const checkpoint = signCheckpoint({ chain, id: Number(head.id), hash: head.hash, at: new Date().toISOString() }, options.signingKey, publicKeyHex);
    await appendCheckpoint(options.file, checkpoint);
    last = checkpoint;
    return checkpoint;
  };

  const checkpointer = {
    file: options.file,
    intervalMs: options.intervalSec * 1000,
    publicKey,
    log: { error: () => undefined } as JobLog,
    write: (): Promise<Checkpoint | null> => {
      const run = queue.then(writeOnce, writeOnce);
      queue = run.catch(() => undefined);
      return run;
    },
  };
  return checkpointer;
}

export interface VerifyOptions {
  batchSize?: number;
  /** the checkpoint file and the public key of `keys.auditSigning`; without it the chain is verified alone */
  checkpoints?: { file: string; publicKey: PreparedSm2PublicKey };
}

interface Anchor {
  ref: CheckpointRef;
  checkpoint: Checkpoint | null;
  /** the table's hash of the record the checkpoint names, once the walk has passed it */
  found?: string;
}

export async function verifyAuditChain(db: Db, options: VerifyOptions = {}): Promise<ChainVerdict> {
  const batchSize = options.batchSize ?? 1000;
  const anchors = options.checkpoints ? await readAnchors(db, options.checkpoints.file) : null;
  const verifier = createChainVerifier();
  let afterId = 0;
  for (;;) {
    const batch = await db.select().from(auditRecords).where(gt(auditRecords.id, afterId)).orderBy(asc(auditRecords.id)).limit(batchSize);
    for (const row of batch) {
      const bad = verifier.next(row);
      if (bad) return bad;
      for (const anchor of anchors?.byId.get(row.id) ?? []) anchor.found = row.hash;
    }
    if (batch.length < batchSize) break;
    afterId = batch[batch.length - 1].id;
  }
  const intact = verifier.done();
  if (!anchors || !intact.ok) return intact;
  return judgeCheckpoints(intact, anchors.all, options.checkpoints!.publicKey);
}

/** The checkpoint lines of this database's chain, and the lines that do not read as checkpoints at all. */
async function readAnchors(db: Db, file: string) {
  const chain = await chainIdentity(db);
  const all: Anchor[] = [];
  const byId = new Map<number, Anchor[]>();
  for await (const { line, checkpoint } of checkpointLines(file)) {
    if (checkpoint && checkpoint.chain !== chain) continue;
    const anchor: Anchor = { ref: { id: checkpoint?.id ?? 0, at: checkpoint?.at ?? null, line }, checkpoint };
    all.push(anchor);
    if (checkpoint) byId.set(checkpoint.id, [...(byId.get(checkpoint.id) ?? []), anchor]);
  }
  return { all, byId };
}

/**
 * Holds an intact chain against its checkpoints. Only the lines that matter have their signature
 * checked (one SM2 verification each): the latest, and any the table contradicts — a line the table
 * agrees with tells nothing new whoever wrote it.
 */
function judgeCheckpoints(intact: Extract<ChainVerdict, { ok: true }>, anchors: Anchor[], publicKey: PreparedSm2PublicKey): ChainVerdict {
  const signed = (a: Anchor) => a.checkpoint !== null && isSignedCheckpoint(a.checkpoint, publicKey);
  const readable = anchors.filter((a) => a.checkpoint);
  const latest = readable.reduce<Anchor | null>((best, a) => (!best || a.ref.id >= best.ref.id ? a : best), null);
  // A checkpointed record the table lacks was deleted (the newest ones, or the chain would show a
  // broken link), even when records were appended after the deletion.
  const missing = readable.filter((a) => a.found === undefined);
  const contradicted = readable.filter((a) => a.found !== undefined && a.found !== a.checkpoint!.hash);
  const checked = new Set([...missing, ...contradicted, ...(latest ? [latest] : [])]);
  const genuine = new Set([...checked].filter(signed));

  const truncated = missing.filter((a) => genuine.has(a)).reduce<Anchor | null>((best, a) => (!best || a.ref.id > best.ref.id ? a : best), null);
  if (truncated) return { ok: false, checked: intact.checked, firstBadId: truncated.ref.id, reason: 'truncated', lastId: intact.lastId, checkpoint: truncated.ref };
  const rewritten = contradicted.find((a) => genuine.has(a));
  if (rewritten) return { ok: false, checked: intact.checked, firstBadId: rewritten.ref.id, reason: 'checkpoint_mismatch', checkpoint: rewritten.ref };
  const forged = anchors.find((a) => !a.checkpoint || (checked.has(a) && !genuine.has(a)));
  if (forged) return { ok: false, checked: intact.checked, firstBadId: forged.ref.id, reason: 'checkpoint_forged', checkpoint: forged.ref };
  return { ...intact, checkpoint: latest?.ref ?? null };
}

export type { ChainVerdict, ChainFailure, CheckpointRef } from './chain.js';
export { checkpointFile, type Checkpoint } from './checkpoint.js';
