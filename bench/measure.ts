import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import autocannon from 'autocannon';
import { startTestServer, type TestServer } from '../test/support/server.js';
import { costMeter, countStatements, type Cost } from './cost.js';

/** One load target: what autocannon sends, round-robin per connection when there are several requests. */
export interface Target {
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** several bodies (e.g. different accounts) are sent in turn */
  bodies?: unknown[];
  /**
   * absolute path of a CommonJS module whose default export rewrites each request before it is sent
   * (autocannon's `setupRequest`, e.g. a fresh channel signature per request); the probe uses it too
   */
  setupRequest?: string;
}

interface ScenarioBase {
  name: string;
  summary: string;
  /** settings of the platform under test (its environment, e.g. a worker's interval) */
  env?: Record<string, string>;
}

/** A route under autocannon load, against the ping baseline. */
export interface RouteScenario extends ScenarioBase {
  /** overrides BENCH_CONNECTIONS, for routes so slow that 50 waiting requests would only measure a queue */
  connections?: number;
  /** prepares data on the running server and returns the route to load */
  setup(server: TestServer): Promise<Target>;
}

/**
 * N operations the scenario runs and times itself, where no route under load measures the thing (a
 * background worker's throughput, say): it measures its own baseline too, on the same server in the
 * same run, and the result has the fields of a route's.
 */
export interface TimedScenario extends ScenarioBase {
  timed(server: TestServer): Promise<{ baseline: Timing; measured: Timing }>;
}

export type Scenario = RouteScenario | TimedScenario;

/** What a timed scenario measured: `operations` completed in `seconds`, each one's time, and what they cost. */
export interface Timing {
  operations: number;
  seconds: number;
  /** each completed operation's time (the percentiles come from them) */
  latenciesMs: number[];
  /** operations that failed or did not complete */
  errors: number;
  /** spent over `seconds`, whoever spent it (bench/cost.ts) */
  cost: Cost;
}

export interface Stats {
  requests: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** spent during the measured run, whoever spent it (bench/cost.ts) */
  cost: Cost;
}

export interface ScenarioResult {
  scenario: string;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  baseline_rps: number;
  baseline_p50_ms: number;
  baseline_p99_ms: number;
  ratio: number;
  /** PostgreSQL statements per request of the route (transaction control aside; background jobs' included) */
  statements_per_req: number;
  /** transactions per request of the route (a statement outside one counts as one) */
  transactions_per_req: number;
  /** busy CPU time of the whole machine per request (server, PostgreSQL, Redis and the load generator) */
  machine_ms_per_req: number;
  baseline_machine_ms_per_req: number;
  errors: number;
  non2xx: number;
  db: string;
  cache: string;
}

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

export const settings = {
  seconds: positiveNumber('BENCH_SECONDS', 10),
  warmupSeconds: positiveNumber('BENCH_WARMUP_SECONDS', 2),
  connections: positiveNumber('BENCH_CONNECTIONS', 50),
};

export const log = (message: string) => process.stderr.write(`${message}\n`);
const round = (value: number, digits: number) => Number(value.toFixed(digits));

interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
  setupRequest?: string;
}

function requestsOf(target: Target): LoadRequest[] {
  const method = target.method ?? 'GET';
  const headers = { ...target.headers, ...(target.bodies ? { 'content-type': 'application/json' } : {}) };
  const bodies = target.bodies ?? [undefined];
  return bodies.map((body) => ({
    method,
    path: target.path,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    ...(target.setupRequest ? { setupRequest: target.setupRequest } : {}),
  }));
}

/** One autocannon run against the server; the load generator runs in a worker thread, off the server's event loop. */
export async function load(url: string, target: Target, seconds: number, connections: number): Promise<Stats> {
  const spent = costMeter();
  const result = await autocannon({
    url,
    requests: requestsOf(target),
    connections,
    pipelining: 1,
    duration: seconds,
    workers: 1,
  });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s?.count ?? 0]));
  const cost = spent();
  return {
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    // connection errors and timeouts; non-2xx responses are added by the caller
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    cost,
  };
}

/** Sends each request of the target once; returns the answers that were not 2xx. */
async function probe(url: string, target: Target): Promise<string[]> {
  const failures: string[] = [];
  const setup = target.setupRequest ? ((await import(target.setupRequest)) as { default: (r: LoadRequest) => LoadRequest }).default : (r: LoadRequest) => r;
  for (const request of requestsOf(target).map(setup)) {
    const response = await fetch(`${url}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
    const text = await response.text();
    if (response.status < 200 || response.status >= 300) failures.push(`${request.method} ${request.path} -> ${response.status} ${text.slice(0, 500)}`);
  }
  return failures;
}

/**
 * Counts requests the server is still handling: autocannon closes its sockets at the end of a run,
 * but the handlers of requests in flight (an argon2 hash, say) run on and would burden the next run.
 */
function inFlight(server: TestServer): () => Promise<void> {
  let count = 0;
  (server.platform.app.server as Server).on('request', (_request: IncomingMessage, response: ServerResponse) => {
    count++;
    response.once('close', () => count--);
  });
  return async () => {
    const until = Date.now() + 30_000;
    while (count > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  };
}

/** Warm-up (discarded), then the measured run, each starting on an idle server. */
async function measure(server: TestServer, drained: () => Promise<void>, label: string, target: Target, connections: number): Promise<Stats> {
  log(`  ${label}: ${target.method ?? 'GET'} ${target.path} — warm-up ${settings.warmupSeconds}s, measure ${settings.seconds}s, ${connections} connections`);
  await drained();
  await load(server.url, target, settings.warmupSeconds, connections);
  await drained();
  const stats = await load(server.url, target, settings.seconds, connections);
  log(`  ${label}: ${stats.rps.toFixed(1)} req/s, p50 ${stats.p50_ms} ms, p99 ${stats.p99_ms} ms, status codes ${JSON.stringify(stats.statusCodes)}`);
  const per = perRequest(stats);
  log(`  ${label}: per request ${per.statements} statements, ${per.transactions} transactions, ${per.machineMs} ms of machine CPU`);
  if (stats.errors || stats.non2xx) {
    log(`  ${label}: INVALID — ${stats.errors} connection errors/timeouts, ${stats.non2xx} non-2xx responses ${JSON.stringify(stats.statusCodes)}`);
    await drained();
    for (const failure of await probe(server.url, target)) log(`  ${label}: now answers ${failure}`);
  }
  return stats;
}

/** A run's cost divided by the requests it answered. */
export function perRequest(stats: Pick<Stats, 'requests' | 'cost'>): Cost {
  const each = (value: number, digits: number) => (stats.requests ? round(value / stats.requests, digits) : 0);
  return { statements: each(stats.cost.statements, 2), transactions: each(stats.cost.transactions, 2), machineMs: each(stats.cost.machineMs, 3) };
}

export const BASELINE: Target = { path: '/api/v1/ping' };

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);

/** A timed scenario's figures in a route's fields: an operation stands for a request. */
async function runTimed(scenario: TimedScenario, server: TestServer, db: string, cache: string): Promise<ScenarioResult> {
  const { baseline, measured } = await scenario.timed(server);
  const figures = (label: string, t: Timing) => {
    const sorted = [...t.latenciesMs].sort((a, b) => a - b);
    const stats = { requests: t.operations, cost: t.cost };
    const figure = { rate: t.seconds ? t.operations / t.seconds : 0, p50: percentile(sorted, 50), p99: percentile(sorted, 99), per: perRequest(stats) };
    log(`  ${label}: ${t.operations} in ${t.seconds.toFixed(2)} s: ${figure.rate.toFixed(1)}/s, p50 ${figure.p50.toFixed(1)} ms, p99 ${figure.p99.toFixed(1)} ms, ${t.errors} errors`);
    log(`  ${label}: per operation ${figure.per.statements} statements, ${figure.per.transactions} transactions, ${figure.per.machineMs} ms of machine CPU`);
    return figure;
  };
  const base = figures('baseline', baseline);
  const run = figures(scenario.name, measured);
  return {
    scenario: scenario.name,
    rps: round(run.rate, 1),
    p50_ms: round(run.p50, 2),
    p99_ms: round(run.p99, 2),
    baseline_rps: round(base.rate, 1),
    baseline_p50_ms: round(base.p50, 2),
    baseline_p99_ms: round(base.p99, 2),
    ratio: base.rate ? round(run.rate / base.rate, 3) : 0,
    statements_per_req: run.per.statements,
    transactions_per_req: run.per.transactions,
    machine_ms_per_req: run.per.machineMs,
    baseline_machine_ms_per_req: base.per.machineMs,
    errors: baseline.errors + measured.errors,
    non2xx: 0,
    db,
    cache,
  };
}

/** Starts a fresh platform, measures the baseline then the scenario route on it, and closes it. */
export async function runScenario(scenario: Scenario): Promise<ScenarioResult> {
  log(`\n[${scenario.name}] ${scenario.summary}`);
  countStatements();
  const server = await startTestServer(scenario.env ? { env: scenario.env } : {});
  try {
    const db = server.platform.ctx.database.kind;
    const cache = server.platform.ctx.cache.kind;
    log(`  server ${server.url} — database: ${db}${server.databaseUrl ? ` (${new URL(server.databaseUrl).pathname.slice(1)})` : ''}, cache: ${cache}`);
    if ('timed' in scenario) return await runTimed(scenario, server, db, cache);
    const target = await scenario.setup(server);
    const failures = [...(await probe(server.url, BASELINE)), ...(await probe(server.url, target))];
    if (failures.length) throw new Error(`not 2xx before the run:\n  ${failures.join('\n  ')}`);
    const drained = inFlight(server);
    const connections = scenario.connections ?? settings.connections;
    const baseline = await measure(server, drained, 'baseline', BASELINE, connections);
    const route = await measure(server, drained, scenario.name, target, connections);
    return {
      scenario: scenario.name,
      rps: round(route.rps, 1),
      p50_ms: round(route.p50_ms, 2),
      p99_ms: round(route.p99_ms, 2),
      baseline_rps: round(baseline.rps, 1),
      baseline_p50_ms: round(baseline.p50_ms, 2),
      baseline_p99_ms: round(baseline.p99_ms, 2),
      ratio: baseline.rps ? round(route.rps / baseline.rps, 3) : 0,
      statements_per_req: perRequest(route).statements,
      transactions_per_req: perRequest(route).transactions,
      machine_ms_per_req: perRequest(route).machineMs,
      baseline_machine_ms_per_req: perRequest(baseline).machineMs,
      // non-2xx answers are errors too: a scenario with any is not a valid measurement
      errors: route.errors + route.non2xx + baseline.errors + baseline.non2xx,
      non2xx: route.non2xx + baseline.non2xx,
      db,
      cache,
    };
  } finally {
    await server.close();
  }
}
