/**
 * 命令行批量导入 npm run registry:import -- persons.csv [options]   (or persons.xlsx: its first worksheet)
 *
 *   --charset utf-8|gb18030   text encoding of the file (default utf-8; Excel's CSV is often GBK)
 *   --batch N                 rows per transaction (default 500)
 *   --errors FILE             where to write the row errors (default <file>.errors.csv, only when there are any)
 *   --json                    also print the summary as one JSON line
 *
 * Uses the same database as the server (DATABASE_URL, or the embedded one under DATA_DIR: stop the
 * server first, the embedded database serves one process). The job is recorded like an upload's,
 * so its progress shows at GET /api/v1/registry/imports/{id}; Ctrl-C stops after the current batch
 * and leaves the job interrupted. The importer acts nationally (no region limit).
 */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { userInfo } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../kernel/config/index.js';
import { openDatabase } from '../../kernel/db/index.js';
import { createFieldCipher } from '../../kernel/crypto/index.js';
import { createOutbox } from '../../kernel/outbox/index.js';
import { translate } from '../../kernel/i18n/index.js';
import { xlsxAsCsv } from '../../kernel/xlsx/index.js';
import { createJob, decodeText, errorReport, runImport, SUPPORTED_CHARSETS, type ImportJob } from './imports.js';
import './messages.js';

interface Options {
  file: string;
  charset: 'utf-8' | 'gb18030';
  batch: number;
  errors?: string;
  json: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Partial<Options> = { charset: 'utf-8', batch: 500, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--charset') {
      const charset = SUPPORTED_CHARSETS[value().toLowerCase()];
      if (!charset) throw new Error('--charset must be utf-8 or gb18030');
      options.charset = charset;
    } else if (arg === '--batch') {
      options.batch = Number(value());
      if (!Number.isInteger(options.batch) || options.batch < 1 || options.batch > 5000) throw new Error('--batch must be an integer in [1, 5000]');
    } else if (arg === '--errors') options.errors = value();
    else if (arg === '--json') options.json = true;
    else if (arg === '--help' || arg === '-h') throw new Error('help');
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else if (!options.file) options.file = arg;
    else throw new Error(`one file at a time (got ${options.file} and ${arg})`);
  }
  if (!options.file) throw new Error('which file? npm run registry:import -- persons.csv');
  return options as Options;
}

const USAGE = 'usage: npm run registry:import -- persons.csv [--charset utf-8|gb18030] [--batch 500] [--errors out.csv] [--json]';

const fmt = (n: number) => n.toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** A one-line progress bar on stderr (redrawn in place on a terminal, every 10 % otherwise). */
function progressBar(totalBytes: number) {
  const tty = process.stderr.isTTY;
  let lastDraw = 0;
  let lastDecile = -1;
  return (state: { bytes: number; job: ImportJob; elapsedMs: number }, final = false) => {
    const now = Date.now();
    const fraction = totalBytes ? Math.min(1, state.bytes / totalBytes) : 1;
    const { job } = state;
    const rate = job.rowsRead / Math.max(state.elapsedMs / 1000, 0.001);
    const width = 30;
    const filled = Math.round(fraction * width);
    const line =
      `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(fraction * 100).toFixed(1).padStart(5)}%  ` +
      `${fmt(job.rowsRead)} rows  ${fmt(Math.round(rate))} rows/s  ` +
      `✓ ${fmt(job.rowsCreated)}  = ${fmt(job.rowsUnchanged)}  ✗ ${fmt(job.rowsFailed)}  ⚠ ${fmt(job.conflicts)}`;
    if (tty) {
      if (!final && now - lastDraw < 100) return;
      lastDraw = now;
      process.stderr.write(`\r${line}\u001b[K${final ? '\n' : ''}`);
    } else {
      const decile = Math.floor(fraction * 10);
      if (decile === lastDecile && !final) return;
      lastDecile = decile;
      process.stderr.write(`${line}\n`);
    }
  };
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message === 'help' ? USAGE : `${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const file = path.resolve(options.file);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    console.error(`cannot read ${file}`);
    return 2;
  }

  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pg'), poolSize: 2 });
  const fields = createFieldCipher({ encryptionKey: config.keys.fieldEncryption, blindIndexKey: config.keys.blindIndex });
  const log = { error: (obj: object, msg: string) => console.error(`\n${msg}`, (obj as { err?: unknown }).err ?? '') };
  const deps = { database, fields, outbox: createOutbox(database, log), log };

  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const stop = new AbortController();
  process.on('SIGINT', () => {
    if (stop.signal.aborted) process.exit(130);
    process.stderr.write('\nstopping after the current batch (Ctrl-C again to quit at once)…\n');
    stop.abort();
  });

  const job = await createJob(database.db, {
    source: 'cli',
    status: 'running',
    fileName: path.basename(file),
    scopePrefix: '',
    author: { id: `cli:${userInfo().username}`, kind: 'system' },
    bytes: size,
  });
  console.error(`import ${job.id}: ${file} (${fmt(size)} bytes, ${options.charset}) into ${database.kind}`);
  let bytesRead = 0;
  const started = Date.now();
  const draw = progressBar(size);
  const counted = async function* () {
    for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
      bytesRead += chunk.byteLength;
      yield chunk;
    }
  };
  const text = /\.xlsx$/i.test(file) ? xlsxAsCsv(counted(), config.uploads) : decodeText(counted(), options.charset);
  let result: ImportJob;
  try {
    result = await runImport(deps, job.id, text, {
      batchSize: options.batch,
      signal: stop.signal,
      claimed: true,
      onProgress: (current) => draw({ bytes: bytesRead, job: current, elapsedMs: Date.now() - started }),
    });
  } catch (error) {
    console.error(`\nimport failed: ${(error as Error).message}`);
    await database.close();
    return 1;
  }
  const elapsedMs = Date.now() - started;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  draw({ bytes: result.status === 'completed' ? size : bytesRead, job: result, elapsedMs }, true);

  let errorsFile: string | null = null;
  if (result.rowsFailed > 0) {
    errorsFile = path.resolve(options.errors ?? `${file}.errors.csv`);
    const out = createWriteStream(errorsFile);
    for await (const chunk of errorReport(database.db, job.id, 'zh-CN')) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
  }
  await database.close();

  const rate = Math.round(result.rowsRead / Math.max(elapsedMs / 1000, 0.001));
  const status = { completed: '导入完成 completed', failed: '导入失败 failed', interrupted: '已中断 interrupted' }[result.status as 'completed'] ?? result.status;
  const lines = [
    `${status}: ${job.id}`,
    `  rows read     ${fmt(result.rowsRead).padStart(12)}`,
    `  committed     ${fmt(result.rowsCreated).padStart(12)}   new persons`,
    `  unchanged     ${fmt(result.rowsUnchanged).padStart(12)}   already registered with the same name and birth date`,
    `  failed        ${fmt(result.rowsFailed).padStart(12)}${errorsFile ? `   row errors in ${errorsFile}` : ''}`,
    `  conflicts     ${fmt(result.conflicts).padStart(12)}   registered with another name: conflict cases (会商) opened`,
    `  elapsed       ${(elapsedMs / 1000).toFixed(1).padStart(12)} s   ${fmt(rate)} rows/s`,
    `  peak memory   ${mb(peakRss).padStart(12)}   (rss)`,
  ];
  if (result.errorCode) lines.push(`  error         ${translate(result.errorCode, 'zh-CN', JSON.parse(result.errorDetail ?? '{}'))}`);
  console.log(lines.join('\n'));
  if (options.json) {
    console.log(
      JSON.stringify({
        job: job.id,
        status: result.status,
        rows: result.rowsRead,
        committed: result.rowsCreated,
        unchanged: result.rowsUnchanged,
        failed: result.rowsFailed,
        conflicts: result.conflicts,
        seconds: Number((elapsedMs / 1000).toFixed(2)),
        rows_per_s: rate,
        peak_rss_mb: Number((peakRss / 1024 / 1024).toFixed(1)),
        db: database.kind,
      }),
    );
  }
  return result.status === 'completed' ? 0 : result.status === 'interrupted' ? 130 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
