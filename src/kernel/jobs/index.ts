/**
 * Periodic jobs: one helper for every center's background work (payment re-sync, webhook retries,
 * receivable runs, import sweeps). It runs a pass every interval, never two passes at once on a node,
 * coalesces kicks that arrive during a pass into one more pass, and stops cleanly on shutdown (the
 * pass in progress sees its signal aborted and is awaited).
 *
 * With `lease`, the job is a singleton across nodes: a pass runs only on the node that holds the
 * job's lease in `kernel.job_leases`, renewed while it works and released on stop, so a dead node's
 * lease runs out and another node takes over.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../db/index.js';
import { newId } from '../ids/index.js';

export interface JobLog {
  error(object: object, message: string): void;
}

export interface PeriodicJobOptions {
  /** names the job in logs and in the lease table */
  name: string;
  intervalMs: number;
  /** one pass; it should return soon after `signal` aborts */
  run(signal: AbortSignal): Promise<unknown>;
  log: JobLog;
  /** a singleton across nodes: the lease lasts ttlMs and is renewed every ttlMs / 3 while held */
  lease?: { database: Database; ttlMs: number };
  /** runs a pass as soon as it starts (default true) */
  runAtStart?: boolean;
}

export interface PeriodicJob {
  readonly name: string;
  start(): void;
  /** asks for a pass now; during a pass, one more pass follows it */
  kick(): void;
  /** runs a pass now and waits for it (tests, and callers that need the result on the spot) */
  runNow(): Promise<void>;
  /** settles when no pass is running on this node */
  idle(): Promise<void>;
  /** no new pass; the current one is aborted and awaited; the lease is released */
  stop(): Promise<void>;
}

export function periodicJob(options: PeriodicJobOptions): PeriodicJob {
  const nodeId = newId('node');
  const abort = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  let busy: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let holding = false;
  let renewing: Promise<unknown> | null = null;

  const lease = options.lease;
  const claim = async (): Promise<boolean> => {
    if (!lease) return true;
    const rows = await lease.database.rows<{ holder: string }>(sql`
      insert into kernel.job_leases (name, holder, until) values (${options.name}, ${nodeId}, now() + make_interval(secs => ${lease.ttlMs / 1000}))
      on conflict (name) do update set holder = excluded.holder, until = excluded.until
        where kernel.job_leases.until < now() or kernel.job_leases.holder = excluded.holder
      returning holder`);
    holding = rows.length > 0;
    if (holding && !heartbeat) {
      heartbeat = setInterval(() => {
        if (stopped || renewing) return;
        renewing = claim()
          .catch((error) => options.log.error({ err: error, job: options.name }, 'job lease renewal failed'))
          .finally(() => {
            renewing = null;
          });
      }, lease.ttlMs / 3);
      heartbeat.unref();
    }
    return holding;
  };
  const release = async () => {
    if (heartbeat) clearInterval(heartbeat);
    heartbeat = null;
    // a renewal in flight would write the lease back after the delete
    await renewing;
    if (!lease || !holding) return;
    holding = false;
    await lease.database.rows(sql`delete from kernel.job_leases where name = ${options.name} and holder = ${nodeId}`).catch(() => undefined);
  };

  const pass = async () => {
    do {
      again = false;
      if (stopped || !(await claim())) return;
      await options.run(abort.signal);
    } while (again && !stopped);
  };

  const kick = () => {
    if (stopped) return;
    if (busy) {
      again = true;
      return;
    }
    busy = pass()
      .catch((error) => options.log.error({ err: error, job: options.name }, 'periodic job pass failed'))
      .finally(() => {
        busy = null;
        // a kick that came after the pass's last look at `again` still gets its pass
        if (again) kick();
      });
  };

  return {
    name: options.name,
    start() {
      if (timer || stopped) return;
      if (options.runAtStart !== false) kick();
      timer = setInterval(kick, options.intervalMs);
      timer.unref();
    },
    kick,
    async runNow() {
      while (busy) await busy;
      kick();
      await busy;
    },
    async idle() {
      while (busy) await busy;
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      abort.abort();
      while (busy) await busy;
      await release();
    },
  };
}
