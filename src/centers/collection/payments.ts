/**
 * 到账与文件 the files exchanged with the tax bureau and banks, per the pooling region's collection
 * mode (征收模式):
 *
 * - 税务全责 tax_full: the tax bureau collects and sends its payment detail (POST /imports/tax-payments);
 * - 税务半责 tax_half: we export the receivables (GET /exports/tax-receivables) and import its results;
 * - 经办机构自收 agency: we export a withholding file for the bank and import its results.
 *
 * An imported file is read as a stream and committed in batches; each row is checked alone (its
 * problems are recorded with the row and field), so good rows are committed whatever the others
 * hold. A row that says money arrived becomes a payment (到账), unique by its tax voucher or bank
 * serial: importing a file again adds nothing. Payments are then matched to receivables (实收) pool
 * by pool (pools.ts).
 */
import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, gt, inArray, ne, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { RegionScope } from '../../kernel/actor/index.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { DomainError, conflict, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { translate, type Locale } from '../../kernel/i18n/index.js';
import { CsvError, csvLine, parseCsv } from '../../kernel/csv/index.js';
import { XlsxError, xlsxRows, type ArchiveLimits } from '../../kernel/xlsx/index.js';
import { maskIdNumber, maskName } from '../../kernel/crypto/mask.js';
import * as registry from '../registry/index.js';
import * as policy from '../policy/index.js';
import { importFiles, importRows, payments, receivables, settings } from './schema.js';
import { checkRow, isHeaderProblem, isRowProblems, paymentReferenceOf, readHeader, referenceOf, type FileRow, type HeaderMap, type RowProblem } from './files.js';
import { MODE_OF_FILE, monthText, type CollectionMode, type FileKind, type PaymentSource, type PaymentStatus, type RowOutcome } from './rules.js';
import { settlePool, type Pool } from './pools.js';
import type { Clerk } from './service.js';
import type { FileRowView, ImportFileView, ImportResultView, PaymentView, SettingView } from './contract.js';
import { withinScope } from '../../kernel/actor/sql.js';
import { pageOf } from '../../kernel/page/index.js';

export const IMPORT_DEFAULTS = {
  /** rows per transaction */
  batchSize: 500,
  /** largest file accepted */
  maxBytes: 64 * 1024 * 1024,
  /** row errors returned with the answer (all of them at GET /imports/{id}/rows) */
  errorsShown: 100,
};

export type ImportFile = typeof importFiles.$inferSelect;

// ------------------------------------------------------------------------------------ settings

export async function modeOf(db: Db, regionCode: string): Promise<CollectionMode | null> {
  const [row] = await db.select({ mode: settings.mode }).from(settings).where(eq(settings.regionCode, regionCode));
  return row?.mode ?? null;
}

const settingView = (row: typeof settings.$inferSelect): SettingView => ({ regionCode: row.regionCode, mode: row.mode, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() });

export async function setMode(ctx: AppContext, clerk: Clerk, regionCode: string, mode: CollectionMode) {
  clerk.scope.require(regionCode, 'collection.region_not_found');
  const values = { mode, updatedBy: clerk.accountId, updatedAt: new Date() };
  const [row] = await ctx.database.db.insert(settings).values({ regionCode, ...values }).onConflictDoUpdate({ target: settings.regionCode, set: values }).returning();
  return settingView(row);
}

/** 征收模式 the collection modes set in the scope, by region code. */
export async function listSettings(db: Db, scope: RegionScope, query: { page: number; pageSize: number }) {
  const where = withinScope(settings.regionCode, scope);
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(settings).where(where).orderBy(asc(settings.regionCode)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(settings).where(where),
  ]);
  return pageOf(rows.map(settingView), total, query);
}

async function requireMode(db: Db, regionCode: string, expected: CollectionMode) {
  const mode = await modeOf(db, regionCode);
  if (mode !== expected) throw conflict('collection.mode_mismatch', { regionCode, mode: mode ?? 'none', expected }, 'regionCode');
}

// ------------------------------------------------------------------------------------- imports

export function fileView(file: ImportFile, locale: Locale = 'zh-CN'): ImportFileView {
  return {
    id: file.id,
    kind: file.kind,
    regionCode: file.regionCode,
    format: file.format,
    fileName: file.fileName,
    sha256: file.sha256,
    status: file.status,
    rows: { read: file.rowsRead, created: file.rowsCreated, replayed: file.rowsReplayed, duplicate: file.rowsDuplicate, failed: file.rowsFailed, rejected: file.rowsRejected },
    amountFen: file.amountFen,
    error: file.errorCode ? { code: file.errorCode, message: translate(file.errorCode, locale) } : null,
    createdBy: file.createdBy,
    createdAt: file.createdAt.toISOString(),
    finishedAt: file.finishedAt?.toISOString() ?? null,
  };
}

interface Record_ {
  fields: string[];
  row: number;
}

/** Counts and hashes the bytes as they pass; more than maxBytes is a 413. */
async function* metered(body: AsyncIterable<Uint8Array | string>, hash: ReturnType<typeof createHash>, maxBytes: number): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of body) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    bytes += buffer.byteLength;
    if (bytes > maxBytes) throw new DomainError('request.body_too_large', 'too_large', { field: 'body' }, 'body');
    hash.update(buffer);
    yield buffer;
  }
}

async function* csvRecords(bytes: AsyncIterable<Buffer>, charset: 'utf-8' | 'gb18030'): AsyncGenerator<Record_> {
  const decoder = new TextDecoder(charset, { fatal: true });
  async function* text() {
    try {
      for await (const chunk of bytes) {
        const decoded = decoder.decode(chunk, { stream: true });
        if (decoded) yield decoded;
      }
      const rest = decoder.decode();
      if (rest) yield rest;
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') throw new DomainError('collection.file_encoding', 'invalid', { field: 'charset', charset }, 'charset');
      throw error;
    }
  }
  for await (const record of parseCsv(text())) yield { fields: record.fields, row: record.row };
}

/** The first worksheet's rows; a file that is not .xlsx is a 400 on the body, one that inflates beyond the limits a 413. */
async function* xlsxRecords(bytes: AsyncIterable<Buffer>, limits: ArchiveLimits): AsyncGenerator<Record_> {
  try {
    yield* xlsxRows(bytes, limits);
  } catch (error) {
    if (error instanceof XlsxError) throw new DomainError('collection.file_xlsx_invalid', 'invalid', { field: 'body' }, 'body');
    throw error;
  }
}

interface Checked {
  row: number;
  checked: FileRow | RowProblem[];
}

interface Counters {
  read: number;
  created: number;
  replayed: number;
  duplicate: number;
  failed: number;
  rejected: number;
  amountFen: number;
}

/**
 * Imports one file for a pooling region whose mode takes files of this kind. Answers the file's
 * record with its counts and the first row errors. A wrong header or an empty file is a 400 and
 * leaves nothing; a file broken further down (an unclosed quote) keeps the batches before it and
 * ends failed.
 */
export async function importFile(
  ctx: AppContext,
  clerk: Clerk,
  input: { kind: FileKind; regionCode: string; format: 'csv' | 'xlsx'; charset?: 'utf-8' | 'gb18030'; body: AsyncIterable<Uint8Array>; fileName: string | null; maxBytes?: number },
  locale: Locale = 'zh-CN',
): Promise<ImportResultView> {
  const db = ctx.database.db;
  clerk.scope.require(input.regionCode, 'collection.region_not_found');
  await requireMode(db, input.regionCode, MODE_OF_FILE[input.kind]);
  const [file] = await db
    .insert(importFiles)
    .values({ id: newId('cif'), kind: input.kind, regionCode: input.regionCode, format: input.format, fileName: input.fileName, createdBy: clerk.accountId })
    .returning();
  const hash = createHash('sha256');
  const bytes = metered(input.body, hash, input.maxBytes ?? IMPORT_DEFAULTS.maxBytes);
  const records = input.format === 'csv' ? csvRecords(bytes, input.charset ?? 'utf-8') : xlsxRecords(bytes, ctx.config.uploads);
  const payers = new Map<string, Promise<string | null>>();
  const counters: Counters = { read: 0, created: 0, replayed: 0, duplicate: 0, failed: 0, rejected: 0, amountFen: 0 };
  let header: HeaderMap | null = null;
  let batch: Checked[] = [];
  let committed = 0;
  const flush = async () => {
    if (!batch.length) return;
    await commitBatch(ctx, file, batch, payers, counters);
    committed += batch.length;
    batch = [];
  };
  try {
    for await (const record of records) {
      if (!header) {
        const found = readHeader(input.kind, record.fields);
        if (isHeaderProblem(found)) throw new DomainError('collection.file_column_missing', 'invalid', { field: 'header', column: found.missing }, 'header');
        header = found;
        continue;
      }
      batch.push({ row: record.row, checked: checkRow(input.kind, record.fields, header) });
      if (batch.length >= IMPORT_DEFAULTS.batchSize) await flush();
    }
    if (!header) throw new DomainError('collection.file_empty', 'invalid', { field: 'body' }, 'body');
    await flush();
  } catch (error) {
    const known = error instanceof DomainError || error instanceof CsvError;
    if (!committed) {
      await db.delete(importRows).where(eq(importRows.fileId, file.id));
      await db.delete(importFiles).where(eq(importFiles.id, file.id));
      if (error instanceof CsvError) throw new DomainError(error.code, 'invalid', { field: 'body', line: error.line }, 'body');
      throw error;
    }
    const code = error instanceof DomainError ? error.code : error instanceof CsvError ? error.code : 'collection.file_failed';
    await db.update(importFiles).set({ status: 'failed', errorCode: code, finishedAt: new Date() }).where(eq(importFiles.id, file.id));
    if (!known) ctx.log.error({ err: error, fileId: file.id }, 'collection import failed');
    if (error instanceof CsvError) throw new DomainError(error.code, 'invalid', { field: 'body', line: error.line, fileId: file.id }, 'body');
    throw error;
  }
  const [done] = await db.update(importFiles).set({ status: 'done', sha256: hash.digest('hex'), finishedAt: new Date() }).where(eq(importFiles.id, file.id)).returning();
  const errors = await fileRows(db, file.id, { outcome: 'error', page: 1, pageSize: IMPORT_DEFAULTS.errorsShown }, locale);
  return { ...fileView(done, locale), errors: errors.items };
}

/** Who a tax payment names: the unit by its credit code, the person by their identity number (registry lookups, once per file). */
function payerKeyFor(ctx: AppContext, payers: Map<string, Promise<string | null>>, row: FileRow): Promise<string | null> {
  if (row.kind !== 'tax_payments') return Promise.resolve(row.payerKey);
  let found = payers.get(row.payerCode);
  if (!found) {
    found = row.payerType === 'entity' ? registry.findEntityByCreditCode(ctx, row.payerCode).then((e) => e?.id ?? null) : registry.findPersonByIdNumber(ctx, row.payerCode).then((p) => p?.id ?? null);
    payers.set(row.payerCode, found);
  }
  return found;
}

const SOURCE_OF: Record<FileKind, PaymentSource> = { tax_payments: 'tax', tax_results: 'tax', bank_results: 'bank' };

async function commitBatch(ctx: AppContext, file: ImportFile, batch: Checked[], payers: Map<string, Promise<string | null>>, counters: Counters) {
  type RowInsert = typeof importRows.$inferInsert;
  type PaymentInsert = typeof payments.$inferInsert;
  const rows: RowInsert[] = [];
  const candidates: PaymentInsert[] = [];
  const rejected = new Set<number>();
  const reject = (row: number, problems: RowProblem[]) => {
    rejected.add(row);
    for (const p of problems) rows.push({ fileId: file.id, row, outcome: 'error', field: p.field, code: p.code, params: p.params ?? null });
  };
  for (const item of batch) {
    if (isRowProblems(item.checked)) {
      reject(item.row, item.checked);
      continue;
    }
    const row = item.checked;
    const payerKey = await payerKeyFor(ctx, payers, row);
    if (!payerKey) {
      reject(item.row, [{ field: 'payerCode', code: 'collection.row_payer_unknown' }]);
      continue;
    }
    const reference = paymentReferenceOf(row);
    const facts = { payerKey, month: row.month, insuranceType: row.insuranceType, amountFen: row.amountFen };
    if (!reference) {
      const reason = row.kind === 'bank_results' ? row.reason : null;
      rows.push({ fileId: file.id, row: item.row, outcome: 'failed', reference: row.kind === 'tax_payments' ? null : row.reference, ...facts, params: reason ? { reason } : null });
      continue;
    }
    candidates.push({
      id: newId('pay'),
      source: SOURCE_OF[file.kind],
      reference,
      fileId: file.id,
      row: item.row,
      poolingRegion: file.regionCode,
      ...facts,
      // a row that carries a payment reference was checked to carry its paid date
      paidDate: row.paidDate!,
    });
  }

  await transaction(ctx.database.db, async (tx) => {
    const first = new Map<string, PaymentInsert>();
    const repeated: PaymentInsert[] = [];
    for (const c of candidates) {
      if (first.has(c.reference)) repeated.push(c);
      else first.set(c.reference, c);
    }
    const inserted = first.size
      ? new Set((await tx.insert(payments).values([...first.values()]).onConflictDoNothing({ target: payments.reference }).returning({ id: payments.id })).map((p) => p.id))
      : new Set<string>();
    const seen = [...first.values()].filter((c) => !inserted.has(c.id!));
    const existing = seen.length ? await tx.select().from(payments).where(inArray(payments.reference, seen.map((c) => c.reference))) : [];
    const byReference = new Map(existing.map((p) => [p.reference, p]));
    const same = (a: PaymentInsert, b: typeof payments.$inferSelect) =>
      a.payerKey === b.payerKey && a.month === b.month && a.insuranceType === b.insuranceType && a.amountFen === b.amountFen && a.poolingRegion === b.poolingRegion;
    const record = (c: PaymentInsert, outcome: RowOutcome, paymentId: string | null) =>
      rows.push({ fileId: file.id, row: c.row, outcome, reference: c.reference, paymentId, payerKey: c.payerKey, month: c.month, insuranceType: c.insuranceType, amountFen: c.amountFen });
    let createdFen = 0;
    for (const c of first.values()) {
      if (inserted.has(c.id!)) {
        record(c, 'created', c.id!);
        createdFen += c.amountFen;
        continue;
      }
      const earlier = byReference.get(c.reference);
      // The same payment brought again by another file (the file re-imported) changes nothing; the
      // same voucher twice in one file, or with other content, is a duplicate to reconcile.
      if (earlier && earlier.fileId !== file.id && same(c, earlier)) record(c, 'replayed', earlier.id);
      else record(c, 'duplicate', earlier?.id ?? null);
    }
    for (const c of repeated) record(c, 'duplicate', null);

    for (let i = 0; i < rows.length; i += 1000) await tx.insert(importRows).values(rows.slice(i, i + 1000));
    const pools = new Map<string, Pool>();
    for (const c of first.values()) {
      if (!inserted.has(c.id!)) continue;
      const pool = { poolingRegion: c.poolingRegion, payerKey: c.payerKey, month: c.month, insuranceType: c.insuranceType };
      pools.set(JSON.stringify(pool), pool);
    }
    for (const pool of pools.values()) await settlePool(tx, ctx.outbox, pool);

    const tally = (outcome: RowOutcome) => new Set(rows.filter((r) => r.outcome === outcome).map((r) => r.row)).size;
    const delta = { read: batch.length, created: tally('created'), replayed: tally('replayed'), duplicate: tally('duplicate'), failed: tally('failed'), rejected: rejected.size, amountFen: createdFen };
    await tx
      .update(importFiles)
      .set({
        rowsRead: sql`${importFiles.rowsRead} + ${delta.read}`,
        rowsCreated: sql`${importFiles.rowsCreated} + ${delta.created}`,
        rowsReplayed: sql`${importFiles.rowsReplayed} + ${delta.replayed}`,
        rowsDuplicate: sql`${importFiles.rowsDuplicate} + ${delta.duplicate}`,
        rowsFailed: sql`${importFiles.rowsFailed} + ${delta.failed}`,
        rowsRejected: sql`${importFiles.rowsRejected} + ${delta.rejected}`,
        amountFen: sql`${importFiles.amountFen} + ${delta.amountFen}`,
      })
      .where(eq(importFiles.id, file.id));
    for (const key of Object.keys(delta) as Array<keyof Counters>) counters[key] += delta[key];
  });
}

export async function getFile(db: Db, scope: RegionScope, id: string): Promise<ImportFile> {
  const [file] = await db.select().from(importFiles).where(eq(importFiles.id, id));
  if (!file) throw notFound('collection.file_not_found');
  scope.require(file.regionCode, 'collection.file_not_found');
  return file;
}

/** 导入文件 the files imported in the scope, newest first. */
export async function listFiles(db: Db, scope: RegionScope, query: { page: number; pageSize: number; kind?: FileKind; regionCode?: string }, locale: Locale) {
  const where = and(
    withinScope(importFiles.regionCode, scope),
    query.kind ? eq(importFiles.kind, query.kind) : undefined,
    query.regionCode ? eq(importFiles.regionCode, query.regionCode) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(importFiles).where(where).orderBy(desc(importFiles.createdAt), desc(importFiles.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(importFiles).where(where),
  ]);
  return pageOf(rows.map((f) => fileView(f, locale)), total, query);
}

/** A file's rows: what each became; errors with their field and reason in the caller's language. */
export async function fileRows(db: Db, fileId: string, query: { page: number; pageSize: number; outcome?: RowOutcome }, locale: Locale) {
  const where = and(eq(importRows.fileId, fileId), query.outcome ? eq(importRows.outcome, query.outcome) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(importRows).where(where).orderBy(asc(importRows.row), asc(importRows.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(importRows).where(where),
  ]);
  return pageOf(
    rows.map((r): FileRowView => ({
      row: r.row,
      outcome: r.outcome,
      reference: r.reference,
      paymentId: r.paymentId,
      payerKey: r.payerKey,
      month: r.month === null ? null : monthText(r.month),
      insuranceType: r.insuranceType,
      amountFen: r.amountFen,
      field: r.field,
      code: r.code,
      reason: r.outcome === 'error' && r.code ? translate(r.code, locale, { field: r.field, ...(r.params ?? {}) }) : r.outcome === 'failed' ? String(r.params?.reason ?? '') || null : null,
    })),
    total,
    query,
  );
}

// ------------------------------------------------------------------------------------ payments

const paymentView = (p: typeof payments.$inferSelect): PaymentView => ({
  id: p.id,
  source: p.source,
  reference: p.reference,
  fileId: p.fileId,
  row: p.row,
  poolingRegion: p.poolingRegion,
  payerKey: p.payerKey,
  month: monthText(p.month),
  insuranceType: p.insuranceType,
  amountFen: p.amountFen,
  paidDate: p.paidDate,
  status: p.status,
  createdAt: p.createdAt.toISOString(),
});

export async function listPayments(db: Db, scope: RegionScope, query: { page: number; pageSize: number; month?: string; regionCode?: string; payerKey?: string; status?: PaymentStatus }) {
  const where = and(
    withinScope(payments.poolingRegion, scope),
    query.month ? eq(payments.month, policy.monthKey(query.month, 'month')) : undefined,
    query.regionCode ? eq(payments.poolingRegion, query.regionCode) : undefined,
    query.payerKey ? eq(payments.payerKey, query.payerKey) : undefined,
    query.status ? eq(payments.status, query.status) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(payments).where(where).orderBy(desc(payments.createdAt), desc(payments.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(payments).where(where),
  ]);
  return pageOf(rows.map(paymentView), total, query);
}

// ------------------------------------------------------------------------------------- exports

export type ExportKind = 'tax_receivables' | 'bank_withholding';
const MODE_OF_EXPORT: Record<ExportKind, CollectionMode> = { tax_receivables: 'tax_half', bank_withholding: 'agency' };

/** Checks an export may be made (scope, mode) before its first byte is sent. */
export async function prepareExport(ctx: AppContext, scope: RegionScope, kind: ExportKind, query: { month: string; regionCode: string }) {
  scope.require(query.regionCode, 'collection.region_not_found');
  const month = policy.monthKey(query.month, 'month');
  await requireMode(ctx.database.db, query.regionCode, MODE_OF_EXPORT[kind]);
  return { month, regionCode: query.regionCode };
}

interface Payer {
  code: string;
  name: string;
  type: 'unit' | 'person';
}

/**
 * The outstanding receivables of a region and month, one row per payer and insurance type, keyset
 * paged so a city's file streams in constant memory; payer names and codes come from the registry.
 */
async function* duePools(ctx: AppContext, month: number, regionCode: string, unmasked: boolean) {
  const db = ctx.database.db;
  const units = new Map<string, Payer>();
  /** The page's payers: units one by one (few, remembered), persons in one registry query. */
  const payersOf = async (keys: string[]): Promise<Map<string, Payer>> => {
    const found = new Map<string, Payer>();
    const personKeys = keys.filter((k) => k.startsWith('psn_'));
    const persons = personKeys.length ? await registry.getPersons(ctx, personKeys) : new Map<string, registry.RegistryPerson>();
    for (const key of personKeys) {
      const person = persons.get(key);
      found.set(key, { code: unmasked ? (person?.idNumber ?? '') : maskIdNumber(person?.idNumber), name: unmasked ? (person?.name ?? '') : maskName(person?.name), type: 'person' });
    }
    for (const key of keys.filter((k) => k.startsWith('ent_'))) {
      let unit = units.get(key);
      if (!unit) {
        const entity = await registry.getEntity(ctx, key);
        unit = { code: entity?.creditCode ?? '', name: entity?.name ?? '', type: 'unit' };
        if (units.size > 5_000) units.clear();
        units.set(key, unit);
      }
      found.set(key, unit);
    }
    return found;
  };
  let after: { payerKey: string; insuranceType: string } | null = null;
  for (;;) {
    const rows: Array<{ payerKey: string; insuranceType: string; unitFen: number; personFen: number; amountFen: number }> = await db
      .select({
        payerKey: receivables.payerKey,
        insuranceType: receivables.insuranceType,
        unitFen: sql<number>`coalesce(sum(${receivables.amountFen}) filter (where ${receivables.payer} = 'unit'), 0)`.mapWith(Number),
        personFen: sql<number>`coalesce(sum(${receivables.amountFen}) filter (where ${receivables.payer} = 'person'), 0)`.mapWith(Number),
        amountFen: sql<number>`coalesce(sum(${receivables.amountFen}), 0)`.mapWith(Number),
      })
      .from(receivables)
      .where(
        and(
          eq(receivables.poolingRegion, regionCode),
          eq(receivables.month, month),
          eq(receivables.status, 'due'),
          ne(receivables.payer, 'fiscal'),
          after ? or(gt(receivables.payerKey, after.payerKey), and(eq(receivables.payerKey, after.payerKey), gt(receivables.insuranceType, after.insuranceType))) : undefined,
        ),
      )
      .groupBy(receivables.payerKey, receivables.insuranceType)
      .orderBy(asc(receivables.payerKey), asc(receivables.insuranceType))
      .limit(1000);
    const payers = await payersOf([...new Set(rows.map((r) => r.payerKey))]);
    for (const row of rows) if (row.amountFen > 0) yield { ...row, payer: payers.get(row.payerKey)! };
    if (rows.length < 1000) return;
    after = rows[rows.length - 1];
  }
}

/** 税务半责 the receivables sent to the tax bureau: one row per payer and insurance type, with the reference its results must quote. */
export async function* taxReceivablesCsv(ctx: AppContext, month: number, regionCode: string, unmasked: boolean, locale: Locale): AsyncGenerator<string> {
  const en = locale === 'en';
  yield `\uFEFF${csvLine(
    en
      ? ['reference', 'payerType', 'payerCode', 'payerName', 'month', 'insuranceType', 'unitFen', 'personFen', 'amountFen']
      : ['参考号', '缴费主体类型', '缴费主体代码', '缴费主体名称', '所属期', '险种', '单位缴费（分）', '个人缴费（分）', '应缴金额（分）'],
  )}`;
  for await (const pool of duePools(ctx, month, regionCode, unmasked)) {
    yield csvLine([referenceOf(pool.payerKey, month, pool.insuranceType), pool.payer.type, pool.payer.code, pool.payer.name, monthText(month), pool.insuranceType, pool.unitFen, pool.personFen, pool.amountFen]);
  }
}

/**
 * 经办机构自收 the bank withholding file: one row per payer and insurance type with the payer's
 * platform key (no account numbers: the bank holds the mandate) and the amount to withhold.
 */
export async function* bankWithholdingCsv(ctx: AppContext, month: number, regionCode: string, locale: Locale): AsyncGenerator<string> {
  const en = locale === 'en';
  yield `\uFEFF${csvLine(en ? ['reference', 'payerKey', 'payerName', 'month', 'insuranceType', 'amountFen'] : ['参考号', '缴费主体标识', '缴费主体名称', '所属期', '险种', '代扣金额（分）'])}`;
  for await (const pool of duePools(ctx, month, regionCode, false)) {
    yield csvLine([referenceOf(pool.payerKey, month, pool.insuranceType), pool.payerKey, pool.payer.name, monthText(month), pool.insuranceType, pool.amountFen]);
  }
}
