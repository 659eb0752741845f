/**
 * 审计与变更同事务 a request's audit record commits with the change it records. While the route runs,
 * its record is pending; the first outermost `transaction()` the request runs appends it last, just
 * before commit (kernel/db's commit scope), so a crash can lose both or neither — never the record
 * alone. What changed nothing in a transaction (a refusal, a route without one, a transaction that
 * rolled back) is recorded once the answer is sent, as before.
 *
 * Lock order: the chain's advisory lock is the last lock a business transaction takes (nothing but
 * the insert and the commit follow it), so a transaction holding it never waits for one waiting on it.
 */
import type { CommitScope, Db } from '../db/index.js';
import type { AuditEntry, AuditLog } from './index.js';

export interface RequestAudit extends CommitScope {
  /** the record as it was committed with the request's change; null while none was */
  readonly committed: AuditEntry | null;
  /** no transaction begun from now on takes the record (the answer is on its way) */
  close(): void;
  /** settles once a transaction that has taken the record has committed or rolled back */
  settled(): Promise<void>;
}

/** `entry` builds the record when a transaction takes it: the route's status as it will answer, the body as it stands. */
export function requestAudit(audit: AuditLog, entry: () => AuditEntry): RequestAudit {
  let committed: AuditEntry | null = null;
  let closed = false;
  let inFlight: Promise<void> | null = null;
  return {
    get committed() {
      return committed;
    },
    close() {
      closed = true;
    },
    settled: async () => {
      while (inFlight) await inFlight;
    },
    async beforeCommit(tx: Db) {
      // Once per request: a second transaction of the same request (or one running beside it) adds nothing.
      if (closed || committed || inFlight) return;
      const record = entry();
      let done!: () => void;
      inFlight = new Promise<void>((resolve) => (done = resolve));
      try {
        await audit.record(record, tx);
      } catch (error) {
        inFlight = null;
        done();
        throw error;
      }
      return (ok: boolean) => {
        if (ok) committed = record;
        inFlight = null;
        done();
      };
    },
  };
}
