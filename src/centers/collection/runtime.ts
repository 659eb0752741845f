/**
 * The receivable-run worker of one platform instance: a periodic job that claims queued runs (and
 * runs a dead process left running) one at a time and works them in the background. Several nodes
 * may each work a run at once (a run is claimed row by row), so the job holds no lease. Stopping it
 * (server close) hands the run being worked back to the queue after its current page.
 */
import { perContext, type AppContext } from '../../kernel/context.js';
import { newId } from '../../kernel/ids/index.js';
import { periodicJob, type PeriodicJob } from '../../kernel/jobs/index.js';
import { claimRun, RUN_DEFAULTS, workRun } from './runs.js';

/** How often a node looks for queued runs when nobody kicked it. */
const POLL_MS = 2_000;

export const workerFor = perContext(createWorker);

function createWorker(ctx: AppContext): PeriodicJob {
  const nodeId = newId('node');
  return periodicJob({
    name: 'collection.receivable-runs',
    intervalMs: POLL_MS,
    log: ctx.log,
    async run(signal) {
      while (!signal.aborted) {
        const run = await claimRun(ctx, nodeId, RUN_DEFAULTS.staleAfterMs);
        if (!run) return;
        await workRun(ctx, run, nodeId, { signal });
      }
    },
  });
}
