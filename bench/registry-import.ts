// npx tsx bench/registry-import.ts [rows=100000] [invalidEvery=20]
//
// Measures the person import (基本信息批量导入) on a generated file (test/support/registry-csv.ts:
// valid rows from makeIdNumber, every n-th row broken, quoted multi-line notes):
//   upload: POST /api/v1/registry/imports to a test server (fresh database) in a process of its own,
//           the job in the background; rows/s from the job's start to its end, peak RSS of that
//           process (server and client)
//   cli:    npm run registry:import in its own process on another fresh database
// Each runs on the full file and on a tenth of it: streaming keeps memory flat when the two peaks
// match. REGISTRY_BENCH_HEAP_MB=N runs every process with --max-old-space-size=N: if the full file
// still completes in a small heap, nothing accumulates per row. Prints one JSON line per run on
// stdout; progress on stderr. Needs PostgreSQL.
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { loginStaff } from '../test/support/factories.js';
import { createTestDatabase, testDbMode } from '../test/support/db.js';
import { startTestServer } from '../test/support/server.js';
import { writeRegistryCsv } from '../test/support/registry-csv.js';
import { randomKey } from '../src/kernel/config/index.js';

const log = (message: string) => process.stderr.write(`${message}\n`);
const heapCap = process.env.REGISTRY_BENCH_HEAP_MB ? [`--max-old-space-size=${Number(process.env.REGISTRY_BENCH_HEAP_MB)}`] : [];
const mb = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));

async function measureUpload(file: string, rows: number) {
  const server = await startTestServer();
  try {
    const token = (await loginStaff(server, 'sysadmin')).accessToken;
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = Date.now();
    const response = await fetch(`${server.url}/api/v1/registry/imports?fileName=${path.basename(file)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': String(statSync(file).size) },
      body: Readable.toWeb(createReadStream(file)) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    const accepted = await response.json();
    if (response.status !== 202) throw new Error(`upload refused: ${response.status} ${JSON.stringify(accepted)}`);
    const uploadMs = Date.now() - t0;
    log(`upload: ${uploadMs} ms, job ${accepted.id}`);
    let job = accepted;
    while (!['completed', 'failed', 'interrupted'].includes(job.status)) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      job = await (await fetch(`${server.url}/api/v1/registry/imports/${accepted.id}`, { headers: { authorization: `Bearer ${token}` } })).json();
      if (process.stderr.isTTY) process.stderr.write(`\r  ${job.status} ${job.rows.read}/${rows} rows`);
    }
    clearInterval(sampler);
    if (process.stderr.isTTY) process.stderr.write('\n');
    const seconds = (new Date(job.finishedAt).getTime() - new Date(job.startedAt).getTime()) / 1000;
    return {
      scenario: 'registry-import-upload',
      status: job.status,
      rows: job.rows.read,
      committed: job.rows.committed,
      failed: job.rows.failed,
      upload_s: Number((uploadMs / 1000).toFixed(2)),
      job_s: Number(seconds.toFixed(2)),
      rows_per_s: Math.round(job.rows.read / seconds),
      rss_before_mb: mb(rssBefore),
      peak_rss_mb: mb(peak),
      db: server.platform.ctx.database.kind,
      heap_cap_mb: Number(process.env.REGISTRY_BENCH_HEAP_MB) || null,
    };
  } finally {
    await server.close();
  }
}

async function measureCli(file: string) {
  const testDb = await createTestDatabase();
  try {
    if (!testDb.url) throw new Error('the command-line measurement needs PostgreSQL');
    const run = spawnSync(process.execPath, [...heapCap, '--import', 'tsx', 'src/centers/registry/cli.ts', file, '--json'], {
      cwd: path.resolve(import.meta.dirname, '..'),
      env: { ...process.env, DATABASE_URL: testDb.url, FIELD_ENCRYPTION_KEY: randomKey(), BLIND_INDEX_KEY: randomKey(), TOKEN_SIGNING_KEY: randomKey() },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (run.status !== 0) throw new Error(`cli exited ${run.status}: ${run.stdout}`);
    log(run.stdout.split('\n').slice(0, -2).join('\n'));
    return { scenario: 'registry-import-cli', ...JSON.parse(run.stdout.trim().split('\n').pop()!), heap_cap_mb: Number(process.env.REGISTRY_BENCH_HEAP_MB) || null };
  } finally {
    await testDb.drop();
  }
}

/** The upload measurement in a fresh process, so its peak RSS is its own. */
function spawnUpload(file: string, rows: number) {
  const run = spawnSync(process.execPath, [...heapCap, '--import', 'tsx', path.join(import.meta.dirname, 'registry-import.ts'), '--upload', file, String(rows)], {
    cwd: path.resolve(import.meta.dirname, '..'),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`upload run exited ${run.status}: ${run.stdout}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!);
}

async function main() {
  if (process.argv[2] === '--upload') {
    process.stdout.write(`${JSON.stringify(await measureUpload(process.argv[3], Number(process.argv[4])))}\n`);
    return;
  }
  const rows = Number(process.argv[2] ?? 100_000);
  const invalidEvery = Number(process.argv[3] ?? 20);
  if ((await testDbMode()) !== 'postgres') throw new Error('PostgreSQL is not reachable: these figures need it (set DATABASE_URL)');
  const dir = mkdtempSync(path.join(tmpdir(), 'registry-bench-'));
  try {
    const file = path.join(dir, `persons-${rows}.csv`);
    const small = path.join(dir, `persons-${rows / 10}.csv`);
    const stats = await writeRegistryCsv(file, rows, { invalidEvery });
    await writeRegistryCsv(small, rows / 10, { invalidEvery });
    log(`generated ${file}: ${stats.rows} rows (${stats.invalid} invalid), ${statSync(file).size} bytes`);
    const results = [await measureCli(small), await measureCli(file), spawnUpload(small, rows / 10), spawnUpload(file, rows)];
    for (const result of results) process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
