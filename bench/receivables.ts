// npx tsx bench/receivables.ts [persons=100000] [units=1000]
//
// Measures the receivable run (应收核定) of the collection center. A test server (fresh PostgreSQL
// database cloned from the migrated template, demo seed: the long-term-care policy of 南阳 from
// 2019-01) gets `persons` enrolled employees of 410 in 411302, spread over `units` units, written
// straight into the registry and enrollment tables with set-based SQL (a bench fixture, not an
// import): a declared 2019 base between the bounds for each, every 10th retired. Then a clerk of
// the whole country asks for the 2019-01 run over HTTP and the background worker works it; then
// the same run again (every line rewritten in place, nothing added).
//
// One JSON line per run on stdout: persons, lines, seconds (the run's own startedAt → finishedAt),
// persons_per_s, peak RSS and heap of the process (server, worker and client share it) and its RSS
// before the run (the test server's baseline), and the CPU seconds the run cost: this process's and
// the bench database's PostgreSQL backends' (read from /proc, so only with a local server). Other work
// on the machine makes the rate noisy; the CPU per person is what the run itself costs.
// Needs PostgreSQL.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { loginStaff } from '../test/support/factories.js';
import { testDbMode } from '../test/support/db.js';
import { startTestServer, type TestServer } from '../test/support/server.js';

const log = (message: string) => process.stderr.write(`${message}\n`);
const mb = (bytes: number) => Number((bytes / 1024 / 1024).toFixed(1));

async function seed(server: TestServer, persons: number, units: number) {
  const { database } = server.platform.ctx;
  const t0 = Date.now();
  const run = (query: ReturnType<typeof sql>) => database.rows(query);
  const unitOf = sql`lpad(((i % ${units}) + 1)::text, 6, '0')`;
  await run(sql`insert into registry.entities (id, credit_code, name, type, region_code, legal_rep_name)
                select 'ent_bench' || lpad(u::text, 6, '0'), 'BENCH' || lpad(u::text, 13, '0'), '压测单位' || u, 'enterprise', '411302', '张测试'
                from generate_series(1, ${units}) u`);
  await run(sql`insert into registry.persons (id, id_number_enc, id_number_idx, name, birth_date, sex, region_code, category)
                select 'psn_bench' || lpad(i::text, 7, '0'), 'bench', 'bench' || i, '压测' || i, date '1955-01-01' + (i % 16000),
                       case when i % 2 = 0 then 'female' else 'male' end, '411302', 'employee'
                from generate_series(1, ${persons}) i`);
  await run(sql`insert into enrollment.unit_enrollments (id, entity_id, insurance_type, region_code, from_month, created_by)
                select 'uen_bench' || lpad(u::text, 6, '0'), 'ent_bench' || lpad(u::text, 6, '0'), '410', '411302', 201901, 'bench'
                from generate_series(1, ${units}) u`);
  await run(sql`insert into enrollment.employments (id, unit_enrollment_id, entity_id, person_id, insurance_type, region_code, from_month, status)
                select 'emp_bench' || lpad(i::text, 7, '0'), 'uen_bench' || ${unitOf}, 'ent_bench' || ${unitOf}, 'psn_bench' || lpad(i::text, 7, '0'),
                       '410', '411302', 201901, 'active'
                from generate_series(1, ${persons}) i`);
  await run(sql`insert into enrollment.status_changes (employment_id, month, status)
                select 'emp_bench' || lpad(i::text, 7, '0'), 201901, 'active' from generate_series(1, ${persons}) i`);
  // bases inside 1,800.00 – 9,000.00 (60 % – 300 % of the demo wage 3,000.00)
  await run(sql`insert into enrollment.wage_declarations (id, employment_id, person_id, year, declared_fen, base_fen, lower_fen, upper_fen, applied, base_rule_id, wage_version_id, declared_by)
                select 'wdc_bench' || lpad(i::text, 7, '0'), 'emp_bench' || lpad(i::text, 7, '0'), 'psn_bench' || lpad(i::text, 7, '0'), 2019,
                       180000 + (i * 7919) % 720001, 180000 + (i * 7919) % 720001, 180000, 900000, 'declared', 'bench', 'bench', 'bench'
                from generate_series(1, ${persons}) i`);
  await run(sql`insert into enrollment.identities (id, person_id, code, start_date, created_by)
                select 'idt_bench' || lpad(i::text, 7, '0'), 'psn_bench' || lpad(i::text, 7, '0'), 'retired', date '2015-01-01', 'bench'
                from generate_series(10, ${persons}, 10) i`);
  await run(sql`analyze`);
  log(`seeded ${persons} persons in ${units} units in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

/** CPU seconds (user + system, at 100 clock ticks a second) of a process so far; null when /proc does not show it. */
function cpuSecondsOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/** The CPU the bench database's backends spend from now on; pool connections come and go, so they are sampled. */
function backendCpu(server: TestServer) {
  const start = new Map<number, number>();
  const last = new Map<number, number>();
  const sample = async () => {
    const rows = await server.platform.ctx.database.rows<{ pid: number }>(sql`select pid from pg_stat_activity where datname = current_database()`);
    for (const { pid } of rows) {
      const seconds = cpuSecondsOf(pid);
      if (seconds === null) continue;
      if (!start.has(pid)) start.set(pid, seconds);
      last.set(pid, seconds);
    }
  };
  return { sample, seconds: () => [...last].reduce((sum, [pid, s]) => sum + s - start.get(pid)!, 0) };
}

async function measure(server: TestServer, token: string, label: string) {
  global.gc?.();
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  let peakHeap = process.memoryUsage().heapUsed;
  const db = backendCpu(server);
  await db.sample();
  const cpu0 = process.cpuUsage();
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
    void db.sample().catch(() => undefined);
  }, 50);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const started = await fetch(`${server.url}/api/v1/collection/runs`, { method: 'POST', headers, body: JSON.stringify({ month: '2019-01', regionCode: '411302', insuranceType: '410' }) });
  let run = await started.json();
  if (started.status !== 202) throw new Error(`run refused: ${started.status} ${JSON.stringify(run)}`);
  while (run.status === 'queued' || run.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 250));
    run = await (await fetch(`${server.url}/api/v1/collection/runs/${run.id}`, { headers })).json();
    if (process.stderr.isTTY) process.stderr.write(`\r  ${label}: ${run.status} ${run.processed} persons, ${run.linesWritten} lines`);
  }
  clearInterval(sampler);
  await db.sample();
  const cpu = process.cpuUsage(cpu0);
  // With --expose-gc: what the run left alive (it must not grow with the persons).
  global.gc?.();
  const after = process.memoryUsage();
  if (process.stderr.isTTY) process.stderr.write('\n');
  if (run.status !== 'done') throw new Error(`run ${run.status}: ${JSON.stringify(run.error)}`);
  const seconds = (new Date(run.finishedAt).getTime() - new Date(run.startedAt).getTime()) / 1000;
  return {
    scenario: `receivables-${label}`,
    persons: run.total,
    problems: run.problems,
    lines: run.linesWritten,
    totals: run.totals,
    seconds: Number(seconds.toFixed(2)),
    persons_per_s: Math.round(run.total / seconds),
    peak_rss_mb: mb(peakRss),
    peak_heap_mb: mb(peakHeap),
    baseline_rss_mb: mb(baselineRss),
    ...(global.gc ? { heap_after_gc_mb: mb(after.heapUsed) } : {}),
    cpu_s: { node: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)), db: Number(db.seconds().toFixed(2)) },
    db: server.platform.ctx.database.kind,
  };
}

async function main() {
  const persons = Number(process.argv[2] ?? 100_000);
  const units = Number(process.argv[3] ?? Math.max(1, Math.round(persons / 100)));
  if ((await testDbMode()) !== 'postgres') throw new Error('PostgreSQL is not reachable: these figures need it (set DATABASE_URL)');
  const server = await startTestServer();
  try {
    await seed(server, persons, units);
    const token = (await loginStaff(server, 'sysadmin')).accessToken;
    const first = await measure(server, token, 'run');
    const again = await measure(server, token, 'rerun');
    for (const result of [first, again]) process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
