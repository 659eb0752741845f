/**
 * 医保目录 catalogs: import from a CSV file into a staging area (per-row errors, valid rows staged),
 * publish the staged changes as the kind's next version (four-eyes: not by whoever staged them),
 * and the queries channels and clerks use. Versions are numbered per kind, 1, 2, …; each records
 * which entries it added, changed and removed.
 */
import { and, asc, count, eq, gt, ilike, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { CsvError, CsvParser, type CsvRecord } from '../../kernel/csv/index.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { DomainError, badRequest, conflict, forbidden, notFound } from '../../kernel/errors/index.js';
import { translate, type Locale } from '../../kernel/i18n/index.js';
import {
  checkCatalogRow,
  readCatalogHeader,
  type CatalogEntryData,
  type CatalogKind,
  type CatalogRow,
} from './codes.js';
import type { CatalogChangesView, CatalogEntryView, CatalogImportView, CatalogVersionView } from './contract.js';
import { catalogChanges, catalogEntries, catalogStaged, catalogVersions } from './schema.js';

export const CATALOG_LIMITS = {
  /** the import route's body limit: catalog files are thousands of rows, a few MiB */
  maxBytes: 16 * 1024 * 1024,
  /** row errors listed in one import answer (all are counted) */
  maxErrorsListed: 1000,
  /** rows per statement */
  chunk: 500,
};

export const CATALOG_CHARSETS: Record<string, 'utf-8' | 'gb18030'> = { 'utf-8': 'utf-8', utf8: 'utf-8', gb18030: 'gb18030', gbk: 'gb18030', gb2312: 'gb18030' };

type RowError = CatalogImportView['errors'][number];

const lockKind = (db: Db, kind: CatalogKind) => db.execute(sql`select pg_advisory_xact_lock(hashtext(${`policy:catalog:${kind}`}))`);

function chunks<T>(items: T[], size = CATALOG_LIMITS.chunk): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Text of a byte stream, decoded as it arrives; counts bytes against the limit (413 beyond it). */
export async function* decodeCatalogText(bytes: AsyncIterable<Uint8Array | string>, charset: 'utf-8' | 'gb18030', maxBytes = CATALOG_LIMITS.maxBytes): AsyncGenerator<string> {
  const decoder = new TextDecoder(charset, { fatal: true });
  let total = 0;
  try {
    for await (const chunk of bytes) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += buffer.byteLength;
      if (total > maxBytes) throw new DomainError('request.body_too_large', 'too_large', { field: 'body' }, 'body');
      const text = decoder.decode(buffer, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') throw new DomainError('policy.catalog_encoding', 'invalid', { field: 'charset', charset }, 'charset');
    throw error;
  }
}

/**
 * Reads a catalog file as it streams in, checks every row, then stages the valid ones (one
 * transaction; a later import of the same code replaces its staged row). Removals must name an
 * entry of the published catalog. A file that cannot be read at all (no header, a broken quote)
 * stages nothing and is a 400.
 */
export async function importCatalog(db: Db, kind: CatalogKind, actorId: string, text: AsyncIterable<string>, locale: Locale): Promise<CatalogImportView> {
  const errors: Array<Omit<RowError, 'message'>> = [];
  const valid: Array<{ row: number; value: CatalogRow }> = [];
  const seen = new Set<string>();
  let header: ReturnType<typeof readCatalogHeader> | null = null;
  let rows = 0;
  const take = (record: CsvRecord) => {
    if (!header) {
      header = readCatalogHeader(kind, record.fields);
      if ('missing' in header) throw new DomainError('policy.catalog_column_missing', 'invalid', { field: 'body', column: header.missing }, 'body');
      if ('duplicate' in header) throw new DomainError('policy.catalog_column_duplicate', 'invalid', { field: 'body', column: header.duplicate }, 'body');
      return;
    }
    if (!('header' in header)) return;
    rows++;
    const checked = checkCatalogRow(kind, header.header, record.fields);
    if ('problems' in checked) {
      for (const p of checked.problems) errors.push({ row: record.row, ...p });
      return;
    }
    const code = checked.row.action === 'remove' ? checked.row.code : checked.row.entry.code;
    if (seen.has(code)) return void errors.push({ row: record.row, field: 'code', reason: 'duplicate' });
    seen.add(code);
    valid.push({ row: record.row, value: checked.row });
  };

  const parser = new CsvParser({ maxRecordChars: 64 * 1024 });
  try {
    for await (const piece of text) for (const record of parser.push(piece)) take(record);
    for (const record of parser.end()) take(record);
  } catch (error) {
    if (error instanceof CsvError) throw new DomainError(error.code, 'invalid', { field: 'body', line: error.line }, 'body');
    throw error;
  }
  if (!header) throw new DomainError('policy.catalog_empty', 'invalid', { field: 'body' }, 'body');

  const { staged, pending } = await transaction(db, async (t) => {
    await lockKind(t, kind);
    // A removal needs a published entry to remove.
    const removals = valid.filter((v) => v.value.action === 'remove');
    const current = new Set<string>();
    for (const part of chunks(removals)) {
      const codes = part.map((v) => (v.value as { code: string }).code);
      const found = await t
        .select({ code: catalogEntries.code })
        .from(catalogEntries)
        .where(and(eq(catalogEntries.kind, kind), inArray(catalogEntries.code, codes), isNull(catalogEntries.removedIn)));
      for (const f of found) current.add(f.code);
    }
    const stage = valid.filter((v) => {
      if (v.value.action !== 'remove' || current.has(v.value.code)) return true;
      errors.push({ row: v.row, field: 'code', reason: 'unknown_code' });
      return false;
    });
    for (const part of chunks(stage)) {
      await t
        .insert(catalogStaged)
        .values(
          part.map(({ value }) =>
            value.action === 'remove'
              ? { kind, code: value.code, action: 'remove' as const, entry: null, stagedBy: actorId }
              : { kind, code: value.entry.code, action: 'upsert' as const, entry: value.entry, stagedBy: actorId },
          ),
        )
        .onConflictDoUpdate({
          target: [catalogStaged.kind, catalogStaged.code],
          set: { action: sql`excluded.action`, entry: sql`excluded.entry`, stagedBy: sql`excluded.staged_by`, stagedAt: sql`now()` },
        });
    }
    const [{ n }] = await t.select({ n: count() }).from(catalogStaged).where(eq(catalogStaged.kind, kind));
    return { staged: stage.length, pending: Number(n) };
  });

  errors.sort((a, b) => a.row - b.row);
  return {
    kind,
    rows,
    staged,
    pending,
    errorCount: errors.length,
    errors: errors.slice(0, CATALOG_LIMITS.maxErrorsListed).map((e) => ({ ...e, message: translate(`policy.catalog_row_${e.reason}`, locale, { field: e.field }) })),
  };
}

/** A published entry's data, as versions record it. */
export const entryData = (row: typeof catalogEntries.$inferSelect): CatalogEntryData => ({
  code: row.code,
  name: row.name,
  specification: row.specification,
  class: row.class,
  selfPayPpm: row.selfPayPpm,
  priceCapFen: row.priceCapFen,
  validFrom: row.validFrom,
  validTo: row.validTo,
});

const entryView = (row: typeof catalogEntries.$inferSelect): CatalogEntryView => ({ kind: row.kind, ...entryData(row), version: row.version });

const sameEntry = (a: CatalogEntryData, b: CatalogEntryData) =>
  a.name === b.name &&
  a.specification === b.specification &&
  a.class === b.class &&
  a.selfPayPpm === b.selfPayPpm &&
  a.priceCapFen === b.priceCapFen &&
  a.validFrom === b.validFrom &&
  a.validTo === b.validTo;

const versionView = (row: typeof catalogVersions.$inferSelect): CatalogVersionView => ({
  kind: row.kind,
  version: row.version,
  added: row.added,
  changed: row.changed,
  removed: row.removed,
  publishedBy: row.publishedBy,
  publishedAt: row.publishedAt.toISOString(),
});

/**
 * Publishes everything staged for a kind as its next version. Four-eyes: whoever staged any of the
 * rows cannot publish them. A staged row identical to the published entry is no change and is dropped.
 */
export async function publishCatalog(db: Db, kind: CatalogKind, actorId: string): Promise<CatalogVersionView> {
  return transaction(db, async (t) => {
    await lockKind(t, kind);
    const staged = await t.select().from(catalogStaged).where(eq(catalogStaged.kind, kind)).orderBy(asc(catalogStaged.code));
    if (!staged.length) throw conflict('policy.catalog_nothing_staged', { kind });
    if (staged.some((s) => s.stagedBy === actorId)) throw forbidden('policy.four_eyes');

    const existing = new Map<string, typeof catalogEntries.$inferSelect>();
    for (const part of chunks(staged)) {
      const rows = await t.select().from(catalogEntries).where(and(eq(catalogEntries.kind, kind), inArray(catalogEntries.code, part.map((s) => s.code))));
      for (const r of rows) existing.set(r.code, r);
    }
    const [{ last }] = await t.select({ last: sql<number | null>`max(${catalogVersions.version})` }).from(catalogVersions).where(eq(catalogVersions.kind, kind));
    const version = (last ?? 0) + 1;

    const changes: Array<typeof catalogChanges.$inferInsert> = [];
    const upserts: Array<typeof catalogEntries.$inferInsert> = [];
    const removals: string[] = [];
    for (const s of staged) {
      const before = existing.get(s.code);
      const current = before && before.removedIn === null ? before : undefined;
      if (s.action === 'remove') {
        if (!current) continue;
        removals.push(s.code);
        changes.push({ kind, version, code: s.code, action: 'removed', entry: entryData(current), stagedBy: s.stagedBy });
      } else if (s.entry) {
        if (current && sameEntry(entryData(current), s.entry)) continue;
        upserts.push({ kind, ...s.entry, version, removedIn: null });
        changes.push({ kind, version, code: s.code, action: current ? 'changed' : 'added', entry: s.entry, stagedBy: s.stagedBy });
      }
    }
    const tally = (action: string) => changes.filter((c) => c.action === action).length;
    const [summary] = await t
      .insert(catalogVersions)
      .values({ kind, version, added: tally('added'), changed: tally('changed'), removed: tally('removed'), publishedBy: actorId })
      .returning();
    for (const part of chunks(changes)) await t.insert(catalogChanges).values(part);
    for (const part of chunks(upserts)) {
      await t
        .insert(catalogEntries)
        .values(part)
        .onConflictDoUpdate({
          target: [catalogEntries.kind, catalogEntries.code],
          set: {
            name: sql`excluded.name`,
            specification: sql`excluded.specification`,
            class: sql`excluded.class`,
            selfPayPpm: sql`excluded.self_pay_ppm`,
            priceCapFen: sql`excluded.price_cap_fen`,
            validFrom: sql`excluded.valid_from`,
            validTo: sql`excluded.valid_to`,
            version: sql`excluded.version`,
            removedIn: null,
          },
        });
    }
    for (const part of chunks(removals)) {
      await t
        .update(catalogEntries)
        .set({ removedIn: version })
        .where(and(eq(catalogEntries.kind, kind), inArray(catalogEntries.code, part)));
    }
    await t.delete(catalogStaged).where(eq(catalogStaged.kind, kind));
    return versionView(summary);
  });
}

// ---------------------------------------------------------------------------------------------
// Queries

/** The entry of the current catalog (published and not removed); 404 otherwise. */
export async function getEntry(db: Db, kind: CatalogKind, code: string): Promise<CatalogEntryView> {
  const [row] = await db
    .select()
    .from(catalogEntries)
    .where(and(eq(catalogEntries.kind, kind), eq(catalogEntries.code, code), isNull(catalogEntries.removedIn)));
  if (!row) throw notFound('policy.catalog_entry_not_found', { kind, code });
  return entryView(row);
}

/** `%`, `_` and the escape character itself, literal inside a LIKE pattern (Postgres escapes with `\`). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Current entries whose name contains `q` (case-insensitive), by code. */
export async function searchEntries(db: Db, kind: CatalogKind, query: { q?: string; page: number; pageSize: number }) {
  const q = query.q?.trim();
  const where: SQL | undefined = and(eq(catalogEntries.kind, kind), isNull(catalogEntries.removedIn), q ? ilike(catalogEntries.name, `%${escapeLike(q)}%`) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(catalogEntries)
      .where(where)
      .orderBy(asc(catalogEntries.code))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(catalogEntries).where(where),
  ]);
  return { items: rows.map(entryView), total: Number(total), page: query.page, pageSize: query.pageSize };
}

/** What the versions after `since` did, entry by entry (version, then code), with the versions' summaries. */
export async function listChanges(db: Db, kind: CatalogKind, query: { since: number; page: number; pageSize: number }): Promise<CatalogChangesView> {
  const where = and(eq(catalogChanges.kind, kind), gt(catalogChanges.version, query.since));
  const [versions, rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(catalogVersions)
      .where(and(eq(catalogVersions.kind, kind), gt(catalogVersions.version, query.since)))
      .orderBy(asc(catalogVersions.version)),
    db
      .select()
      .from(catalogChanges)
      .where(where)
      .orderBy(asc(catalogChanges.version), asc(catalogChanges.code))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(catalogChanges).where(where),
  ]);
  const [{ latest }] = await db.select({ latest: sql<number | null>`max(${catalogVersions.version})` }).from(catalogVersions).where(eq(catalogVersions.kind, kind));
  if (query.since > (latest ?? 0)) throw badRequest('policy.catalog_since_ahead', 'since', { since: query.since, latest: latest ?? 0 });
  return {
    kind,
    since: query.since,
    latestVersion: latest ?? 0,
    versions: versions.map(versionView),
    items: rows.map((r) => ({ version: r.version, action: r.action, code: r.code, entry: r.entry })),
    total: Number(total),
    page: query.page,
    pageSize: query.pageSize,
  };
}
