// npm run bench [-- <scenario>...]: each scenario on its own freshly started platform, against the
// /api/v1/ping baseline of the same server; ends with one JSON line per scenario on stdout.
import { postgresReachable, ADMIN_URL } from '../test/support/db.js';
import { log, runScenario, settings, type ScenarioResult } from './measure.js';
import { SCENARIOS } from './scenarios.js';

async function main(): Promise<number> {
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !SCENARIOS.some((s) => s.name === n));
  if (unknown.length) {
    log(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
    return 2;
  }
  const selected = names.length ? SCENARIOS.filter((s) => names.includes(s.name)) : SCENARIOS;

  // Load figures are only meaningful on PostgreSQL (PGlite serves one connection at a time).
  if (await postgresReachable()) {
    process.env.TEST_DB = 'postgres';
  } else if (process.env.DATABASE_URL) {
    log(`DATABASE_URL is set but PostgreSQL at ${new URL(ADMIN_URL).host} is not reachable`);
    return 1;
  } else {
    log('WARNING: PostgreSQL at 127.0.0.1:5432 is not reachable: running on PGlite, figures are not meaningful for load');
  }
  log(`bench: ${settings.seconds}s per run after ${settings.warmupSeconds}s warm-up, ${settings.connections} connections, pipelining 1`);

  const results: ScenarioResult[] = [];
  let failed = false;
  for (const scenario of selected) {
    try {
      results.push(await runScenario(scenario));
    } catch (error) {
      failed = true;
      log(`[${scenario.name}] FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  log('');
  for (const result of results) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (result.errors) log(`[${result.scenario}] not a valid measurement: ${result.errors} errors (${result.non2xx} non-2xx)`);
  }
  return failed || results.some((r) => r.errors) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
