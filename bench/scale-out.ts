// npx tsx bench/scale-out.ts [scenario=payment-confirm]: the scenario's route on one platform node,
// then on two nodes sharing one PostgreSQL database and one Redis (the second a process of its own,
// test/support/second-node.ts), the load split evenly between them. Both measurements run in the same
// invocation on the same data, so their ratio is what a second node adds on this machine.
//
// One JSON line on stdout: the one-node rate, the two nodes' combined rate and each node's share,
// p50/p99 of each, and the machine's CPU per request in each. Needs PostgreSQL and Redis.
import { postgresReachable } from '../test/support/db.js';
import { startSecondNode, startTestServer } from '../test/support/server.js';
import { load, log, settings, type RouteScenario, type Stats, type Target } from './measure.js';
import { SCENARIOS } from './scenarios.js';

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** Warm-up then measured run against each URL at once, the connections split between them; the measured runs' stats per URL. */
async function measure(urls: string[], target: Target): Promise<Stats[]> {
  const each = Math.max(1, Math.round(settings.connections / urls.length));
  await Promise.all(urls.map((url) => load(url, target, settings.warmupSeconds, each)));
  return Promise.all(urls.map((url) => load(url, target, settings.seconds, each)));
}

function summary(runs: Stats[]) {
  const requests = runs.reduce((sum, r) => sum + r.requests, 0);
  const machineMs = runs[0].cost.machineMs;
  return {
    rps: round(runs.reduce((sum, r) => sum + r.rps, 0), 1),
    per_node_rps: runs.map((r) => round(r.rps, 1)),
    p50_ms: runs.map((r) => r.p50_ms),
    p99_ms: runs.map((r) => r.p99_ms),
    // every run meters the whole machine over the same interval: one run's figure is the machine's
    machine_ms_per_req: requests ? round(machineMs / requests, 3) : 0,
    errors: runs.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
  };
}

async function main(): Promise<number> {
  const name = process.argv[2] ?? 'payment-confirm';
  const scenario = SCENARIOS.find((s): s is RouteScenario => s.name === name && 'setup' in s);
  if (!scenario) throw new Error(`unknown scenario ${name}; known: ${SCENARIOS.filter((s) => 'setup' in s).map((s) => s.name).join(', ')}`);
  if (!(await postgresReachable())) throw new Error('scale-out needs PostgreSQL (two processes cannot share PGlite)');
  process.env.TEST_DB = 'postgres';
  // probe + one node (warm-up, run) + two nodes (warm-up, run each) + a spare
  process.env.PAYMENT_BENCH_SEGMENTS ??= '8';
  log(`scale-out [${name}]: ${settings.seconds}s per run after ${settings.warmupSeconds}s warm-up, ${settings.connections} connections in all`);
  const server = await startTestServer();
  try {
    const target = await scenario.setup(server);
    const second = await startSecondNode(server);
    try {
      const one = summary(await measure([server.url], target));
      log(`  one node: ${one.rps} req/s, p50 ${one.p50_ms} ms, ${one.machine_ms_per_req} ms of machine CPU per request`);
      const two = summary(await measure([server.url, second.url], target));
      log(`  two nodes: ${two.rps} req/s (${two.per_node_rps.join(' + ')}), p50 ${two.p50_ms.join(' / ')} ms, ${two.machine_ms_per_req} ms of machine CPU per request`);
      const result = {
        scenario: `${name}-scale-out`,
        one_node: one,
        two_nodes: two,
        scale: one.rps ? round(two.rps / one.rps, 2) : 0,
        db: server.platform.ctx.database.kind,
        cache: server.platform.ctx.cache.kind,
      };
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return one.errors || two.errors ? 1 : 0;
    } finally {
      await second.stop();
    }
  } finally {
    await server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
