/**
 * The import jobs this process runs, and the sweep that marks jobs of dead processes. One runtime
 * per platform instance; stopping it (server close) lets each job finish its batch and leaves it
 * interrupted, to be resumed after its checkpoint.
 */
import { perContext, type AppContext } from '../../kernel/context.js';
import { periodicJob } from '../../kernel/jobs/index.js';
import { IMPORT_DEFAULTS, runImport, storedUpload, sweepStaleJobs } from './imports.js';

export interface RegistryRuntime {
  /** runs a queued upload job in the background; the caller does not wait */
  start(jobId: string): void;
  /** settles when every job this process started has stopped (tests, shutdown) */
  idle(): Promise<void>;
  startSweep(): void;
  stop(): Promise<void>;
}

export const runtimeFor = perContext(createRuntime);

function createRuntime(ctx: AppContext): RegistryRuntime {
  const running = new Map<string, Promise<unknown>>();
  const abort = new AbortController();
  let stopped = false;

  // One node sweeps at a time (a lease): the sweep is idempotent, but every node repeating it is wasted work.
  const sweep = periodicJob({
    name: 'registry.import-sweep',
    intervalMs: IMPORT_DEFAULTS.staleAfterMs / 2,
    log: ctx.log,
    lease: { database: ctx.database, ttlMs: IMPORT_DEFAULTS.staleAfterMs },
    async run() {
      const ids = await sweepStaleJobs(ctx.database.db);
      if (ids.length) ctx.log.warn({ jobs: ids }, 'registry imports of a stopped process marked interrupted');
    },
  });

  return {
    start(jobId) {
      if (stopped || running.has(jobId)) return;
      const run = runImport(ctx, jobId, storedUpload(ctx, jobId), { signal: abort.signal })
        .catch((error) => ctx.log.error({ err: error, jobId }, 'registry import did not start'))
        .finally(() => running.delete(jobId));
      running.set(jobId, run);
    },
    async idle() {
      while (running.size) await Promise.allSettled([...running.values()]);
    },
    startSweep() {
      if (!stopped) sweep.start();
    },
    async stop() {
      stopped = true;
      abort.abort();
      await Promise.allSettled([sweep.stop(), ...running.values()]);
    },
  };
}
