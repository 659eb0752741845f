/**
 * The import jobs this process runs, and the sweep that marks jobs of dead processes. One runtime
 * per platform instance; stopping it (server close) lets each job finish its batch and leaves it
 * interrupted, to be resumed after its checkpoint.
 */
import type { AppContext } from '../../kernel/context.js';
import { IMPORT_DEFAULTS, runImport, storedUpload, sweepStaleJobs } from './imports.js';

export interface RegistryRuntime {
  /** runs a queued upload job in the background; the caller does not wait */
  start(jobId: string): void;
  /** settles when every job this process started has stopped (tests, shutdown) */
  idle(): Promise<void>;
  startSweep(intervalMs?: number): void;
  stop(): Promise<void>;
}

const runtimes = new WeakMap<AppContext, RegistryRuntime>();

export function runtimeFor(ctx: AppContext): RegistryRuntime {
  let runtime = runtimes.get(ctx);
  if (!runtime) runtimes.set(ctx, (runtime = createRuntime(ctx)));
  return runtime;
}

function createRuntime(ctx: AppContext): RegistryRuntime {
  const running = new Map<string, Promise<unknown>>();
  const abort = new AbortController();
  let sweep: NodeJS.Timeout | null = null;
  let stopped = false;

  const sweepOnce = () =>
    sweepStaleJobs(ctx.database.db).then(
      (ids) => {
        if (ids.length) ctx.log.warn({ jobs: ids }, 'registry imports of a stopped process marked interrupted');
      },
      (error) => ctx.log.error({ err: error }, 'registry import sweep failed'),
    );

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
    startSweep(intervalMs = IMPORT_DEFAULTS.staleAfterMs / 2) {
      if (sweep || stopped) return;
      void sweepOnce();
      sweep = setInterval(() => void sweepOnce(), intervalMs);
      sweep.unref();
    },
    async stop() {
      stopped = true;
      if (sweep) clearInterval(sweep);
      sweep = null;
      abort.abort();
      await Promise.allSettled([...running.values()]);
    },
  };
}
