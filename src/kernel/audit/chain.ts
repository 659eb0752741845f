import { createHash } from 'node:crypto';

/** The fields a chain hash covers. A deleted row shows as a broken link in the row after it. */
export interface ChainedFields {
  id: number;
  occurredAt: Date;
  actorId: string | null;
  actorKind: string;
  action: string;
  target: string | null;
  status: number;
  requestId: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: jsonb reorders keys, so the hash must not depend on order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function chainHash(prevHash: string, record: ChainedFields): string {
  const body = canonicalJson([
    record.id,
    record.occurredAt.toISOString(),
    record.actorId,
    record.actorKind,
    record.action,
    record.target,
    record.status,
    record.requestId,
    record.ip,
    record.detail,
  ]);
  return createHash('sm3').update(prevHash).update('|').update(body).digest('hex');
}

/**
 * Why a chain fails verification. In the table: a record edited (`hash_mismatch`) or deleted or inserted
 * (`broken_link`). Against the signed checkpoints (审计链锚点) kept outside it: records after the last
 * checkpointed one deleted (`truncated`), the chain rewritten up to a checkpoint with recomputed hashes
 * (`checkpoint_mismatch`), a checkpoint line that its key did not sign (`checkpoint_forged`).
 */
export type ChainFailure = 'hash_mismatch' | 'broken_link' | 'truncated' | 'checkpoint_mismatch' | 'checkpoint_forged';

/** A checkpoint as a verdict names it: the record it anchors, when it was taken, its line in the file. */
export interface CheckpointRef {
  id: number;
  at: string | null;
  line: number;
}

export type ChainVerdict =
  | {
      ok: true;
      checked: number;
      lastId: number | null;
      /** the latest checkpoint of this chain, which the table still holds; null when none was taken (or none is kept) */
      checkpoint: CheckpointRef | null;
    }
  | {
      ok: false;
      checked: number;
      /** the first record that breaks the chain; for a checkpoint failure, the record the checkpoint names (0 when a line names none) */
      firstBadId: number;
      reason: ChainFailure;
      /** the table's last record, on `truncated` */
      lastId?: number | null;
      checkpoint?: CheckpointRef;
    };

/** Walks records in id order; pure so the verifier and its tests share it. */
export function createChainVerifier() {
  let prevHash = GENESIS_HASH;
  let prevId: number | null = null;
  let checked = 0;
  return {
    next(record: ChainedFields & { prevHash: string; hash: string }): ChainVerdict | null {
      checked++;
      if (record.prevHash !== prevHash) return { ok: false, checked, firstBadId: record.id, reason: 'broken_link' };
      if (chainHash(record.prevHash, record) !== record.hash)
        return { ok: false, checked, firstBadId: record.id, reason: 'hash_mismatch' };
      prevHash = record.hash;
      prevId = record.id;
      return null;
    },
    done(): ChainVerdict {
      return { ok: true, checked, lastId: prevId, checkpoint: null };
    },
  };
}
