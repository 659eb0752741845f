/**
 * 批量导入 person import jobs. A CSV file is read as a stream, checked row by row and written in
 * batches: each batch is one transaction holding its new persons (INSERT … ON CONFLICT DO NOTHING
 * on the identity number's blind index, so a re-run adds nothing twice), their history rows and
 * events, the conflict cases it opens, its row errors and the job's counters and checkpoint. A row
 * that fails is recorded and skipped; a batch that fails is retried row by row, so one bad row
 * never blocks the others nor leaves half a record.
 *
 * The job's state lives in registry.import_jobs, so progress is visible from any node. An HTTP
 * upload is stored (SM4-encrypted, in chunks) before the job runs, so a job interrupted by a
 * stopping or dying process can be resumed after its checkpoint; a job whose heartbeat stops is
 * marked interrupted by the stale-job sweep (runtime.ts; one node at a time).
 */
import { and, count, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { RegionScope } from '../../kernel/actor/index.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { DomainError, isCallersFault, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { translate, type Locale } from '../../kernel/i18n/index.js';
import { CsvError, CsvParser, csvLine, parseCsv } from '../../kernel/csv/index.js';
import { checkRow, isHeaderProblem, isRowProblems, readHeader, type HeaderMap, type PersonRow } from './rows.js';
import type { FieldProblem } from './rules.js';
import { conflicts, history, importChunks, importErrors, importJobs, persons } from './schema.js';
import type { ImportJobView } from './contract.js';
import { PERSON_CREATED } from './events.js';
import { creationChanges, personCreatedEvent, personValues } from './persons.js';
import { fingerprintOf, openConflict, sameIdentity, versionOf } from './conflicts.js';
import { pageOf, type Author, type PageQuery, type RegistryDeps } from './service.js';
import { withinScope } from '../../kernel/actor/sql.js';

export type ImportJob = typeof importJobs.$inferSelect;
export interface ImportDeps extends RegistryDeps {
  log: { error(obj: object, msg: string): void };
}

export const IMPORT_DEFAULTS = {
  /** rows per transaction */
  batchSize: 500,
  /** characters per stored upload chunk */
  chunkChars: 1 << 20,
  /** largest upload accepted over HTTP */
  maxBytes: 64 * 1024 * 1024,
  heartbeatMs: 10_000,
  /** a running job whose heartbeat is older than this belongs to a dead process */
  staleAfterMs: 60_000,
};

export const SUPPORTED_CHARSETS: Record<string, 'utf-8' | 'gb18030'> = { 'utf-8': 'utf-8', utf8: 'utf-8', gb18030: 'gb18030', gbk: 'gb18030', gb2312: 'gb18030' };

// ---------------------------------------------------------------------------------------------
// Jobs

export async function createJob(
  db: Db,
  input: { source: ImportJob['source']; status: ImportJob['status']; fileName: string | null; scopePrefix: string; author: Author; bytes?: number },
): Promise<ImportJob> {
  const [job] = await db
    .insert(importJobs)
    .values({
      id: newId('imp'),
      status: input.status,
      source: input.source,
      fileName: input.fileName,
      bytes: input.bytes ?? 0,
      scopePrefix: input.scopePrefix,
      createdBy: input.author.id,
      createdByKind: input.author.kind,
      startedAt: input.status === 'running' ? new Date() : null,
    })
    .returning();
  return job;
}

export async function getJob(db: Db, id: string): Promise<ImportJob | undefined> {
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, id));
  return job;
}

/** An import job of the caller's regions (the importer's scope when it started), or not found. */
export async function jobInScope(db: Db, scope: RegionScope, id: string): Promise<ImportJob> {
  const job = await getJob(db, id);
  if (!job || !job.scopePrefix.startsWith(scope.prefix)) throw notFound('registry.import_not_found');
  return job;
}

/** 导入任务列表 the jobs of the caller's regions (and of the regions within them), newest first. */
export async function listJobs(db: Db, scope: RegionScope, query: PageQuery) {
  const where = withinScope(importJobs.scopePrefix, scope);
  return pageOf(
    query,
    (limit, offset) => db.select().from(importJobs).where(where).orderBy(desc(importJobs.id)).limit(limit).offset(offset),
    () => db.select({ total: count() }).from(importJobs).where(where),
  );
}

export function jobView(job: ImportJob, locale: Locale = 'zh-CN'): ImportJobView {
  return {
    id: job.id,
    status: job.status,
    source: job.source,
    fileName: job.fileName,
    bytes: job.bytes,
    rows: { read: job.rowsRead, committed: job.rowsCreated, unchanged: job.rowsUnchanged, failed: job.rowsFailed, conflicts: job.conflicts },
    checkpointRow: job.checkpointRow,
    error: job.errorCode ? { code: job.errorCode, message: translate(job.errorCode, locale, parseDetail(job.errorDetail)) } : null,
    createdBy: job.createdBy,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    heartbeatAt: job.heartbeatAt.toISOString(),
  };
}

const parseDetail = (detail: string | null): Record<string, unknown> => {
  if (!detail) return {};
  try {
    return JSON.parse(detail) as Record<string, unknown>;
  } catch {
    return { detail };
  }
};

async function finish(db: Db, id: string, status: 'completed' | 'failed' | 'interrupted', error?: { code: string; params?: Record<string, unknown> }) {
  const [job] = await db
    .update(importJobs)
    .set({
      status,
      finishedAt: status === 'interrupted' ? null : new Date(),
      heartbeatAt: new Date(),
      errorCode: error?.code ?? null,
      errorDetail: error?.params ? JSON.stringify(error.params).slice(0, 1000) : null,
    })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'running')))
    .returning();
  return job ?? (await getJob(db, id))!;
}

/**
 * Marks jobs whose process is gone: an unfinished upload fails (its file is incomplete), a queued
 * or running job becomes interrupted (resumable after its checkpoint).
 */
export async function sweepStaleJobs(db: Db, now = new Date(), staleAfterMs = IMPORT_DEFAULTS.staleAfterMs): Promise<string[]> {
  const before = new Date(now.getTime() - staleAfterMs);
  const interrupted = await db
    .update(importJobs)
    .set({ status: 'interrupted', errorCode: 'registry.import_interrupted', errorDetail: null })
    .where(and(inArray(importJobs.status, ['queued', 'running']), lt(importJobs.heartbeatAt, before)))
    .returning({ id: importJobs.id });
  const broken = await db
    .update(importJobs)
    .set({ status: 'failed', errorCode: 'registry.import_upload_gone', errorDetail: null, finishedAt: now })
    .where(and(eq(importJobs.status, 'receiving'), lt(importJobs.heartbeatAt, before)))
    .returning({ id: importJobs.id });
  for (const { id } of broken) await db.delete(importChunks).where(eq(importChunks.jobId, id));
  return [...interrupted, ...broken].map((r) => r.id);
}

/** Puts an interrupted or failed upload job back in the queue, if its file is still kept. */
export async function requeue(db: Db, job: ImportJob): Promise<ImportJob> {
  if (job.source !== 'upload' || !['interrupted', 'failed'].includes(job.status)) {
    throw new DomainError('registry.import_not_resumable', 'conflict', { status: job.status });
  }
  const [chunk] = await db.select({ seq: importChunks.seq }).from(importChunks).where(eq(importChunks.jobId, job.id)).limit(1);
  if (!chunk) throw new DomainError('registry.import_upload_gone', 'conflict');
  const [queued] = await db
    .update(importJobs)
    .set({ status: 'queued', heartbeatAt: new Date(), errorCode: null, errorDetail: null, finishedAt: null })
    .where(and(eq(importJobs.id, job.id), eq(importJobs.status, job.status)))
    .returning();
  if (!queued) throw new DomainError('registry.import_not_resumable', 'conflict', { status: 'running' });
  return queued;
}

// ---------------------------------------------------------------------------------------------
// Receiving an upload

/** Decodes a byte stream to text chunks; bytes that are not valid in the charset are an error. */
export async function* decodeText(
  bytes: AsyncIterable<Uint8Array | string>,
  charset: 'utf-8' | 'gb18030',
  onBytes?: (n: number) => void,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(charset, { fatal: true });
  try {
    for await (const chunk of bytes) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      onBytes?.(buffer.byteLength);
      const text = decoder.decode(buffer, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      throw new DomainError('registry.import_encoding', 'invalid', { field: 'charset', charset }, 'charset');
    }
    throw error;
  }
}

/**
 * Stores an upload (encrypted chunks) as it streams in, checking the header row first so a wrong
 * file is refused at once; ends with the job queued. On any error the partial job is removed.
 */
export async function receiveUpload(
  deps: RegistryDeps,
  input: { body: AsyncIterable<Uint8Array>; charset: 'utf-8' | 'gb18030'; fileName: string | null; scopePrefix: string; author: Author; maxBytes?: number },
): Promise<ImportJob> {
  const db = deps.database.db;
  const maxBytes = input.maxBytes ?? IMPORT_DEFAULTS.maxBytes;
  const job = await createJob(db, { source: 'upload', status: 'receiving', fileName: input.fileName, scopePrefix: input.scopePrefix, author: input.author });
  let bytes = 0;
  let seq = 0;
  let pending = '';
  let header: HeaderMap | null = null;
  const headerParser = new CsvParser();
  const store = async (text: string) => {
    await db.insert(importChunks).values({ jobId: job.id, seq: seq++, dataEnc: deps.fields.encrypt(text) });
    await db.update(importJobs).set({ bytes, heartbeatAt: new Date() }).where(eq(importJobs.id, job.id));
  };
  try {
    const counted = decodeText(input.body, input.charset, (n) => {
      bytes += n;
      if (bytes > maxBytes) throw new DomainError('request.body_too_large', 'too_large', { field: 'body' }, 'body');
    });
    let beat = Date.now();
    for await (const text of counted) {
      if (!header) header = checkHeader(headerParser.push(text));
      pending += text;
      if (pending.length >= IMPORT_DEFAULTS.chunkChars) {
        await store(pending);
        pending = '';
        beat = Date.now();
      } else if (Date.now() - beat > IMPORT_DEFAULTS.heartbeatMs) {
        // a slow upload is alive too: the sweep must not take it for a dead one
        await db.update(importJobs).set({ bytes, heartbeatAt: new Date() }).where(eq(importJobs.id, job.id));
        beat = Date.now();
      }
    }
    if (!header) header = checkHeader(csvEnd(headerParser));
    if (!header) throw new DomainError('registry.import_empty', 'invalid', { field: 'body' }, 'body');
    if (pending) await store(pending);
    const [queued] = await db
      .update(importJobs)
      .set({ status: 'queued', bytes, heartbeatAt: new Date() })
      .where(and(eq(importJobs.id, job.id), eq(importJobs.status, 'receiving')))
      .returning();
    if (!queued) throw new DomainError('registry.import_upload_gone', 'conflict');
    return queued;
  } catch (error) {
    await db.delete(importChunks).where(eq(importChunks.jobId, job.id));
    await db.delete(importJobs).where(eq(importJobs.id, job.id));
    if (error instanceof CsvError) throw new DomainError(error.code, 'invalid', { field: 'body', line: error.line }, 'body');
    throw error;
  }
}

const csvEnd = (parser: CsvParser) => parser.end();

/** The header from the first record, once there is one; a wrong header is a 400 naming the column. */
function checkHeader(records: Array<{ fields: string[] }>): HeaderMap | null {
  if (!records.length) return null;
  const header = readHeader(records[0].fields);
  if (isHeaderProblem(header)) throw new DomainError(header.code, 'invalid', { field: 'header', column: header.column }, 'header');
  return header;
}

/** The stored upload of a job, decrypted chunk by chunk (one chunk in memory at a time). */
export async function* storedUpload(deps: Pick<RegistryDeps, 'database' | 'fields'>, jobId: string): AsyncGenerator<string> {
  for (let seq = 0; ; seq++) {
    const [chunk] = await deps.database.db
      .select({ dataEnc: importChunks.dataEnc })
      .from(importChunks)
      .where(and(eq(importChunks.jobId, jobId), eq(importChunks.seq, seq)));
    if (!chunk) return;
    yield deps.fields.decrypt(chunk.dataEnc);
  }
}

// ---------------------------------------------------------------------------------------------
// Running a job

/** The job is no longer this runner's (the sweep took it for dead, and it may run elsewhere): stop, write nothing. */
class LostClaim extends Error {}

interface Item {
  row: number;
  line: number;
  checked: PersonRow | FieldProblem[];
}

export interface RunOptions {
  batchSize?: number;
  /** stop after the current batch and leave the job interrupted (server shutdown, Ctrl-C) */
  signal?: AbortSignal;
  /** called after each committed batch; awaited */
  onProgress?: (job: ImportJob) => void | Promise<void>;
  heartbeatMs?: number;
  today?: Date;
  /** the caller created the job already running (command line); otherwise only a queued job is claimed */
  claimed?: boolean;
}

/**
 * Runs a job over its text: claims it (queued → running, so two nodes never run one job), skips rows up to its checkpoint, and commits batch by batch. Never throws for
 * the file's content: the job ends completed, failed (with the reason) or interrupted.
 */
export async function runImport(deps: ImportDeps, jobId: string, text: AsyncIterable<string>, options: RunOptions = {}): Promise<ImportJob> {
  const db = deps.database.db;
  const batchSize = options.batchSize ?? IMPORT_DEFAULTS.batchSize;
  const [job] = await db
    .update(importJobs)
    .set({ status: 'running', startedAt: sql`coalesce(${importJobs.startedAt}, now())`, heartbeatAt: new Date(), errorCode: null, errorDetail: null })
    .where(and(eq(importJobs.id, jobId), inArray(importJobs.status, options.claimed ? ['running'] : ['queued'])))
    .returning();
  if (!job) throw new DomainError('registry.import_not_resumable', 'conflict', { status: (await getJob(db, jobId))?.status ?? 'missing' });
  const author: Author = { id: job.createdBy, kind: job.createdByKind };
  const today = options.today ?? new Date();
  const heartbeat = setInterval(() => {
    void db
      .update(importJobs)
      .set({ heartbeatAt: new Date() })
      .where(and(eq(importJobs.id, jobId), eq(importJobs.status, 'running')))
      .catch(() => undefined);
  }, options.heartbeatMs ?? IMPORT_DEFAULTS.heartbeatMs);
  heartbeat.unref();

  let header: HeaderMap | null = null;
  let batch: Item[] = [];
  let current = job;
  const flush = async () => {
    if (!batch.length) return;
    current = await commitWithFallback(deps, current, author, batch);
    batch = [];
    await options.onProgress?.(current);
  };
  try {
    for await (const record of parseCsv(text)) {
      if (!header) {
        const found = readHeader(record.fields);
        if (isHeaderProblem(found)) return await finish(db, jobId, 'failed', { code: found.code, params: { column: found.column } });
        header = found;
        continue;
      }
      if (record.row <= job.checkpointRow) continue;
      batch.push({ row: record.row, line: record.line, checked: checkRow(record.fields, header, job.scopePrefix, today) });
      if (batch.length >= batchSize) {
        await flush();
        if (options.signal?.aborted) return await finish(db, jobId, 'interrupted', { code: 'registry.import_interrupted' });
      }
    }
    await flush();
    if (!header) return await finish(db, jobId, 'failed', { code: 'registry.import_empty' });
    const done = await finish(db, jobId, 'completed');
    await db.delete(importChunks).where(eq(importChunks.jobId, jobId));
    await options.onProgress?.(done);
    return done;
  } catch (error) {
    if (error instanceof LostClaim) {
      deps.log.error({ jobId }, 'registry import stopped: the job was marked interrupted meanwhile');
      return (await getJob(db, jobId)) ?? current;
    }
    if (error instanceof CsvError) return await finish(db, jobId, 'failed', { code: error.code, params: { line: error.line } });
    if (isCallersFault(error)) return await finish(db, jobId, 'failed', { code: error.code, params: error.params });
    deps.log.error({ err: error, jobId }, 'registry import failed');
    // The job shows only the kind of failure: a database error's message can quote the row's values.
    const detail = (error as { code?: unknown })?.code ?? (error as Error)?.name ?? 'error';
    // A dying database cannot record the failure either; the stale sweep marks the job later.
    return (await finish(db, jobId, 'failed', { code: 'registry.import_failed', params: { detail: String(detail).slice(0, 40) } }).catch(() => current)) ?? current;
  } finally {
    clearInterval(heartbeat);
  }
}

/** One transaction per batch; if it fails, each row alone, and a row that still fails is recorded as failed. */
async function commitWithFallback(deps: ImportDeps, job: ImportJob, author: Author, items: Item[]): Promise<ImportJob> {
  const db = deps.database.db;
  try {
    return await transaction(db, (tx) => commitBatch(deps, tx, job, author, items));
  } catch (error) {
    if (items.length === 1 || error instanceof LostClaim) throw error;
    deps.log.error({ err: error, jobId: job.id, rows: `${items[0].row}-${items[items.length - 1].row}` }, 'registry import batch failed; retrying row by row');
  }
  let latest = job;
  for (const item of items) {
    try {
      latest = await transaction(db, (tx) => commitBatch(deps, tx, job, author, [item]));
    } catch (error) {
      if (error instanceof LostClaim) throw error;
      deps.log.error({ err: error, jobId: job.id, row: item.row }, 'registry import row failed');
      const failed: Item = { ...item, checked: [{ field: 'row', code: 'registry.import_row_failed' }] };
      latest = await transaction(db, (tx) => commitBatch(deps, tx, job, author, [failed]));
    }
  }
  return latest;
}

async function commitBatch(deps: ImportDeps, tx: Db, job: ImportJob, author: Author, items: Item[]): Promise<ImportJob> {
  const valid: Array<Item & { checked: PersonRow }> = [];
  const errors: Array<typeof importErrors.$inferInsert> = [];
  for (const item of items) {
    if (isRowProblems(item.checked)) {
      for (const p of item.checked) errors.push({ jobId: job.id, row: item.row, line: item.line, field: p.field, code: p.code });
    } else valid.push(item as Item & { checked: PersonRow });
  }
  let created = 0;
  let unchanged = 0;
  let conflicted = 0;
  if (valid.length) {
    const values = valid.map((item) => personValues(deps, item.checked));
    const inserted = new Set(
      (await tx.insert(persons).values(values).onConflictDoNothing({ target: persons.idNumberIdx }).returning({ id: persons.id })).map((r) => r.id),
    );
    const historyRows: Array<typeof history.$inferInsert> = [];
    const others: number[] = [];
    valid.forEach((item, i) => {
      if (!inserted.has(values[i].id)) return others.push(i);
      historyRows.push({ subjectType: 'person', subjectId: values[i].id, action: 'created', changes: creationChanges(deps, item.checked), actorId: author.id, actorKind: author.kind, source: 'import', sourceRef: job.id });
    });
    created = historyRows.length;
    if (historyRows.length) await tx.insert(history).values(historyRows);
    await deps.outbox.publishMany(
      tx,
      PERSON_CREATED,
      valid.flatMap((item, i) => (inserted.has(values[i].id) ? [personCreatedEvent(values[i].id, item.checked, 'import', job.id)] : [])),
    );
    if (others.length) {
      // Already registered (earlier, or earlier in this file): the same person, or a conflict case.
      const existing = await tx
        .select()
        .from(persons)
        .where(inArray(persons.idNumberIdx, [...new Set(others.map((i) => values[i].idNumberIdx))]));
      const byIdx = new Map(existing.map((p) => [p.idNumberIdx, p]));
      const mismatched: Array<{ item: Item & { checked: PersonRow }; person: (typeof existing)[number]; fingerprint: string }> = [];
      for (const i of others) {
        const person = byIdx.get(values[i].idNumberIdx)!;
        if (sameIdentity(person, valid[i].checked)) unchanged++;
        else mismatched.push({ item: valid[i], person, fingerprint: fingerprintOf(deps, person.id, valid[i].checked) });
      }
      conflicted = mismatched.length;
      if (mismatched.length) {
        // A version already decided (or waiting) is not opened again when the same file comes back.
        const known = await tx
          .select({ personId: conflicts.personId, fingerprint: conflicts.fingerprint })
          .from(conflicts)
          .where(and(inArray(conflicts.personId, mismatched.map((m) => m.person.id)), inArray(conflicts.fingerprint, mismatched.map((m) => m.fingerprint))));
        const seen = new Set(known.map((k) => `${k.personId}/${k.fingerprint}`));
        for (const m of mismatched) {
          const key = `${m.person.id}/${m.fingerprint}`;
          if (seen.has(key)) continue;
          seen.add(key);
          await openConflict(deps, tx, { person: m.person, incoming: versionOf(deps, m.item.checked), source: 'import', sourceRef: `${job.id}#${m.item.row}`, author, fingerprint: m.fingerprint });
        }
      }
    }
  }
  if (errors.length) await tx.insert(importErrors).values(errors).onConflictDoNothing();
  const failedRows = new Set(errors.map((e) => e.row)).size;
  const [updated] = await tx
    .update(importJobs)
    .set({
      rowsRead: sql`${importJobs.rowsRead} + ${items.length}`,
      rowsCreated: sql`${importJobs.rowsCreated} + ${created}`,
      rowsUnchanged: sql`${importJobs.rowsUnchanged} + ${unchanged}`,
      rowsFailed: sql`${importJobs.rowsFailed} + ${failedRows}`,
      conflicts: sql`${importJobs.conflicts} + ${conflicted}`,
      checkpointRow: items[items.length - 1].row,
      heartbeatAt: new Date(),
    })
    .where(and(eq(importJobs.id, job.id), eq(importJobs.status, 'running')))
    .returning();
  if (!updated) throw new LostClaim(job.id);
  return updated;
}

// ---------------------------------------------------------------------------------------------
// Error report

/** errors.csv: one line per row error, in row order, read from the database page by page. */
export async function* errorReport(db: Db, jobId: string, locale: Locale, pageSize = 2000): AsyncGenerator<string> {
  const en = locale === 'en';
  yield `\uFEFF${csvLine(en ? ['row', 'line', 'field', 'code', 'message'] : ['行号', '文本行', '字段', '错误代码', '说明'])}`;
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(importErrors)
      .where(and(eq(importErrors.jobId, jobId), gt(importErrors.id, after)))
      .orderBy(importErrors.id)
      .limit(pageSize);
    if (!rows.length) return;
    yield rows.map((r) => csvLine([r.row, r.line, r.field, r.code, translate(r.code, locale, { field: r.field })])).join('');
    after = rows[rows.length - 1].id;
  }
}
