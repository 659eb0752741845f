/**
 * The receivable-run worker of one platform instance: claims queued runs (and runs a dead process
 * left running) one at a time and works them in the background. Stopping it (server close) hands the
 * run being worked back to the queue after its current page.
 */
import type { AppContext } from '../../kernel/context.js';
import { newId } from '../../kernel/ids/index.js';
import { claimRun, RUN_DEFAULTS, workRun } from './runs.js';

export interface RunWorker {
  /** starts polling for runs (every pollMs) */
  start(pollMs?: number): void;
  /** looks for a run now (after a run was asked for) */
  kick(): void;
  /** settles when no run is being worked here (tests) */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const workers = new WeakMap<AppContext, RunWorker>();

export function workerFor(ctx: AppContext): RunWorker {
  let worker = workers.get(ctx);
  if (!worker) workers.set(ctx, (worker = createWorker(ctx)));
  return worker;
}

function createWorker(ctx: AppContext): RunWorker {
  const nodeId = newId('node');
  const abort = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let busy: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const drain = async () => {
    do {
      again = false;
      for (;;) {
        if (stopped) return;
        const run = await claimRun(ctx, nodeId, RUN_DEFAULTS.staleAfterMs);
        if (!run) break;
        await workRun(ctx, run, nodeId, { signal: abort.signal });
      }
    } while (again && !stopped);
  };

  const kick = () => {
    if (stopped) return;
    if (busy) {
      again = true;
      return;
    }
    busy = drain()
      .catch((error) => ctx.log.error({ err: error }, 'receivable run worker failed'))
      .finally(() => {
        busy = null;
      });
  };

  return {
    start(pollMs = 2_000) {
      if (timer || stopped) return;
      kick();
      timer = setInterval(kick, pollMs);
      timer.unref();
    },
    kick,
    async idle() {
      while (busy) await busy;
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      abort.abort();
      await busy;
    },
  };
}
