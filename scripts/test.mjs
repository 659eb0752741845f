// npm test: the suite on real PostgreSQL + Redis (when reachable), again on embedded PGlite with
// in-process state, then the browser tests. Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const adminUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const only = process.argv.slice(2);

async function reachable() {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let failedRun = false;

function run(label, args, env) {
  const out = path.join(root, `.vitest-results-${label}.json`);
  rmSync(out, { force: true });
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...args, ...only], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
    if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) totals.failed += report.numFailedTestSuites;
    rmSync(out, { force: true });
  }
  if (result.status !== 0) failedRun = true;
}

const onPostgres = await reachable();
if (onPostgres) {
  run('postgres', [], { TEST_DB: 'postgres' });
} else if (process.env.CI) {
  console.error(`PostgreSQL is not reachable at ${adminUrl}; CI must test on it (.ci/run starts it).`);
  process.exit(1);
} else {
  console.warn(`PostgreSQL is not reachable at ${adminUrl}: skipping the PostgreSQL pass.`);
}
// The database tests again on embedded PGlite with in-process state (the pure unit tests need not run
// twice); without PostgreSQL, everything runs here.
run('pglite', onPostgres ? ['test/integration', 'src/kernel/outbox', 'src/kernel/jobs', 'src/kernel/actor'] : [], { TEST_DB: 'pglite' });
if (!process.env.SKIP_E2E) {
  const install = spawnSync('bash', [path.join(root, 'scripts/install-chromium.sh')], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) {
    console.error('Chromium could not be installed: the browser tests cannot run.');
    failedRun = true;
  } else {
    run('e2e', ['--config', 'test/e2e/vitest.config.ts'], {});
  }
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedRun || totals.failed > 0 ? 1 : 0);
