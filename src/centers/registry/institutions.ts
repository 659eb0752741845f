/**
 * 定点医药机构 designated medical institutions and pharmacies, one record per national institution
 * code: the lookups settlement, payment and bills make (`institutionOf`, `institutionInForce`), and a
 * clerk's 新增, 变更, list and 批量导入 within the regions their organization acts for. The rules
 * (code, kind, level, agreement) are in institution-rules.ts.
 */
import { and, asc, count, eq, ilike, inArray, like, or, sql } from 'drizzle-orm';
import type { RegionScope } from '../../kernel/actor/index.js';
import { withinScope } from '../../kernel/actor/sql.js';
import type { AppContext } from '../../kernel/context.js';
import { memoPerCache } from '../../kernel/cache/memo.js';
import { CsvError, parseCsv, type CsvRecord } from '../../kernel/csv/index.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { DomainError, badRequest, conflict, unprocessable } from '../../kernel/errors/index.js';
import { translate, type Locale } from '../../kernel/i18n/index.js';
import type { InstitutionImportView, InstitutionView } from './contract.js';
import {
  agreementInForce,
  checkInstitution,
  institutionRowInput,
  parseInstitutionCode,
  readInstitutionHeader,
  type InstitutionInput,
  type InstitutionKind,
  type InstitutionRecord,
} from './institution-rules.js';
import { canonicalIdentifier, type FieldProblem } from './rules.js';
import { institutions, type AgreementStatus, type FieldChange, type InstitutionLevel } from './schema.js';
import { historyOf, inScope, pageOf, recordHistory, requireRegion, type Author, type PageQuery } from './service.js';
import './messages.js';

export type InstitutionRow = typeof institutions.$inferSelect;

/** 定点医药机构 as other centers see it (settlement, payment, bills): never the caller's own claim. */
export interface DesignatedInstitution {
  code: string;
  name: string;
  kind: string;
  creditCode: string;
  regionCode: string;
  /** 0 未定级, 1 一级, 2 二级, 3 三级 */
  level: InstitutionLevel;
  agreementStatus: AgreementStatus;
  /** YYYY-MM-DD, both days included */
  agreementFrom: string;
  agreementTo: string;
  address: string;
}

const designated = (row: InstitutionRow): DesignatedInstitution => ({
  code: row.code,
  name: row.name,
  kind: row.kind,
  creditCode: row.creditCode,
  regionCode: row.regionCode,
  level: row.level,
  agreementStatus: row.agreementStatus,
  agreementFrom: row.agreementFrom,
  agreementTo: row.agreementTo,
  address: row.address,
});

async function institutionRow(db: Db, code: string, lock = false): Promise<InstitutionRow | undefined> {
  const query = db.select().from(institutions).where(eq(institutions.code, canonicalIdentifier(code)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

/** The institution by code (any case), or null. */
/**
 * Institutions each node keeps: every settlement and channel request reads its institution, which
 * changes a few times a year. A change forgets it on every node (`forgetInstitutions`, after the
 * commit); the TTL bounds a read that raced with one.
 */
const institutionMemo = memoPerCache<DesignatedInstitution>('registry-institutions', { ttlMs: 60_000, maxKeys: 50_000 });

export async function institutionOf(ctx: Pick<AppContext, 'database' | 'cache'>, code: string): Promise<DesignatedInstitution | null> {
  const found = await institutionMemo(ctx.cache).get(canonicalIdentifier(code), async () => {
    const row = await institutionRow(ctx.database.db, code);
    return row ? designated(row) : null;
  });
  return found ?? null;
}

/** 机构名称 the names of institutions by code, for lists that show them (codes of no institution are left out). */
export async function institutionNames(ctx: Pick<AppContext, 'database' | 'cache'>, codes: string[]): Promise<Map<string, string>> {
  const found = await Promise.all([...new Set(codes)].map((code) => institutionOf(ctx, code)));
  return new Map(found.flatMap((i) => (i ? [[i.code, i.name] as const] : [])));
}

/** Call once a change of institutions has committed: every node reads them again. */
export const forgetInstitutions = (ctx: Pick<AppContext, 'cache'>) => institutionMemo(ctx.cache).forget('*');

/**
 * The institution in force on a day (YYYY-MM-DD): unknown is a 422 `registry.institution_unknown`,
 * an agreement suspended, terminated or not covering the day a 422 `registry.agreement_not_in_force`
 * (params code, date); both name the caller's `field`.
 */
export async function institutionInForce(ctx: Pick<AppContext, 'database' | 'cache'>, code: string, date: string, field: string): Promise<DesignatedInstitution> {
  const found = await institutionOf(ctx, code);
  if (!found) throw unprocessable('registry.institution_unknown', { code }, field);
  if (!agreementInForce(found, date)) throw unprocessable('registry.agreement_not_in_force', { code: found.code, date, status: found.agreementStatus }, field);
  return found;
}

export function institutionView(row: InstitutionRow): InstitutionView {
  return { ...designated(row), kind: row.kind as InstitutionKind, version: row.version, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** The first problem of a check as the 400 naming its field. */
function checked(input: InstitutionInput): InstitutionRecord {
  const result = checkInstitution(input);
  if (Array.isArray(result)) throw badRequest(result[0].code, result[0].field, { field: result[0].field });
  return result;
}

const FIELDS = ['name', 'kind', 'creditCode', 'level', 'agreementStatus', 'agreementFrom', 'agreementTo', 'address'] as const;

/** The fields whose values differ, as history changes. */
function differences(before: InstitutionRecord | null, after: InstitutionRecord): FieldChange[] {
  const fields = before ? FIELDS : (['regionCode', ...FIELDS] as const);
  return fields
    .filter((f) => !before || String(before[f]) !== String(after[f]))
    .map((field) => ({ field, from: before ? String(before[field]) : null, to: String(after[field]) }));
}

/** 新增定点医药机构: a code on file is a 409 naming it; a region outside the clerk's is not found. */
export async function createInstitution(tx: Db, author: Author, scope: RegionScope, input: InstitutionInput): Promise<InstitutionRow> {
  const record = checked(input);
  requireRegion(scope, record.regionCode, 'code');
  const [created] = await tx.insert(institutions).values(record).onConflictDoNothing({ target: institutions.code }).returning();
  if (!created) throw conflict('registry.institution_exists', { code: record.code }, 'code');
  await recordHistory(tx, { subject: 'institution', id: created.code, action: 'created', changes: differences(null, record), author, source: 'api' });
  return created;
}

/** An institution of the caller's regions, or not found. */
export async function institutionInScope(db: Db, scope: RegionScope, code: string, lock = false): Promise<InstitutionRow> {
  const parsed = parseInstitutionCode(code);
  return inScope(scope, 'code' in parsed && 'letter' in parsed ? await institutionRow(db, parsed.code, lock) : undefined, 'registry.institution_not_found');
}

export type InstitutionChange = Partial<Omit<InstitutionInput, 'code' | 'regionCode'>> & {
  /** the version the caller read; a different current version is a 409 naming `version` */
  version: number;
};

/** 变更定点医药机构 (协议续签、暂停、解除、等级变更…): the fields that differ, checked as a whole, one version on. */
export async function changeInstitution(tx: Db, author: Author, scope: RegionScope, code: string, input: InstitutionChange): Promise<{ kind: 'changed' | 'unchanged'; institution: InstitutionRow }> {
  const row = await institutionInScope(tx, scope, code, true);
  if (input.version !== row.version) throw conflict('registry.version_mismatch', { current: row.version }, 'version');
  const before = designated(row) as InstitutionRecord;
  const after = checked({ ...before, ...Object.fromEntries(Object.entries(input).filter(([k, v]) => k !== 'version' && v !== undefined)), code: row.code, regionCode: row.regionCode });
  const changes = differences(before, after);
  if (!changes.length) return { kind: 'unchanged', institution: row };
  const [updated] = await tx
    .update(institutions)
    .set({ ...after, version: row.version + 1, updatedAt: new Date() })
    .where(eq(institutions.code, row.code))
    .returning();
  await recordHistory(tx, { subject: 'institution', id: row.code, action: 'changed', changes, author, source: 'api' });
  return { kind: 'changed', institution: updated };
}

export interface InstitutionFilters extends PageQuery {
  /** part of the name, or the start of the code */
  q?: string;
  regionCode?: string;
  /** 0–3 */
  level?: number;
  kind?: string;
  agreementStatus?: AgreementStatus;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** 定点医药机构列表 of the caller's regions, by code. */
export async function listInstitutions(db: Db, scope: RegionScope, query: InstitutionFilters) {
  const q = query.q?.normalize('NFKC').trim();
  const where = and(
    withinScope(institutions.regionCode, scope),
    q ? or(ilike(institutions.name, `%${escapeLike(q)}%`), like(institutions.code, `${escapeLike(q.toUpperCase())}%`)) : undefined,
    query.regionCode ? like(institutions.regionCode, `${escapeLike(query.regionCode.replace(/(00)+$/, ''))}%`) : undefined,
    query.level !== undefined ? eq(institutions.level, query.level as InstitutionLevel) : undefined,
    query.kind ? eq(institutions.kind, query.kind) : undefined,
    query.agreementStatus ? eq(institutions.agreementStatus, query.agreementStatus) : undefined,
  );
  return pageOf(
    query,
    (limit, offset) => db.select().from(institutions).where(where).orderBy(asc(institutions.code)).limit(limit).offset(offset),
    () => db.select({ total: count() }).from(institutions).where(where),
  );
}

/** 变更历史 of an institution of the caller's regions. */
export async function institutionHistory(db: Db, scope: RegionScope, code: string, query: PageQuery) {
  const row = await institutionInScope(db, scope, code);
  return historyOf(db, row.code, query);
}

// ------------------------------------------------------------------------------------ import

export const INSTITUTION_IMPORT_LIMITS = {
  /** the file: institutions of a province are some ten thousand rows, a few MiB */
  maxBytes: 16 * 1024 * 1024,
  maxRows: 50_000,
  /** row errors listed in one answer (all are counted) */
  maxErrorsListed: 1000,
  chunk: 500,
};

/**
 * 批量导入定点医药机构: reads the whole file (CSV text; an Excel upload arrives as CSV), checks every
 * row, then upserts the valid ones in one transaction (a known code is changed, one version on,
 * when a value differs). Each bad row is reported with its spreadsheet row number, field and code;
 * a row outside the clerk's regions or a code twice in the file is a bad row. A file that cannot be
 * read at all (no header, a broken quote) changes nothing and is a 400.
 */
export async function importInstitutions(db: Db, author: Author, scope: RegionScope, text: AsyncIterable<string>, locale: Locale): Promise<InstitutionImportView> {
  const errors: Array<FieldProblem & { row: number }> = [];
  const valid: Array<{ row: number; record: InstitutionRecord }> = [];
  const seen = new Set<string>();
  let positions: ReturnType<typeof readInstitutionHeader> | null = null;
  let rows = 0;
  const take = (record: CsvRecord) => {
    if (!positions) {
      positions = readInstitutionHeader(record.fields);
      if ('code' in positions) throw new DomainError(positions.code, 'invalid', { field: 'body', column: positions.column }, 'body');
      return;
    }
    if (!('positions' in positions)) return;
    if (++rows > INSTITUTION_IMPORT_LIMITS.maxRows) throw new DomainError('registry.institution_import_too_many', 'too_large', { field: 'body', max: INSTITUTION_IMPORT_LIMITS.maxRows }, 'body');
    const input = institutionRowInput(positions.positions, record.fields);
    const result = Array.isArray(input) ? input : checkInstitution(input);
    if (Array.isArray(result)) return void errors.push(...result.map((p) => ({ row: record.row, ...p })));
    if (!scope.covers(result.regionCode)) return void errors.push({ row: record.row, field: 'code', code: 'registry.region_out_of_scope' });
    if (seen.has(result.code)) return void errors.push({ row: record.row, field: 'code', code: 'registry.institution_duplicate_row' });
    seen.add(result.code);
    valid.push({ row: record.row, record: result });
  };

  try {
    for await (const record of parseCsv(text, { maxRecordChars: 64 * 1024 })) take(record);
  } catch (error) {
    if (error instanceof CsvError) throw new DomainError(error.code, 'invalid', { field: 'body', line: error.line }, 'body');
    throw error;
  }
  if (!positions) throw new DomainError('registry.import_empty', 'invalid', { field: 'body' }, 'body');

  const counts = await transaction(db, async (tx) => {
    let created = 0;
    let changed = 0;
    for (let i = 0; i < valid.length; i += INSTITUTION_IMPORT_LIMITS.chunk) {
      const part = valid.slice(i, i + INSTITUTION_IMPORT_LIMITS.chunk);
      const existing = new Map(
        (await tx.select().from(institutions).where(inArray(institutions.code, part.map((v) => v.record.code))).for('update')).map((r) => [r.code, r]),
      );
      const writes: InstitutionRecord[] = [];
      for (const { record } of part) {
        const before = existing.get(record.code);
        const changes = differences(before ? (designated(before) as InstitutionRecord) : null, record);
        if (before && !changes.length) continue;
        writes.push(record);
        if (before) changed++;
        else created++;
        await recordHistory(tx, { subject: 'institution', id: record.code, action: before ? 'changed' : 'created', changes, author, source: 'import' });
      }
      if (!writes.length) continue;
      await tx
        .insert(institutions)
        .values(writes)
        .onConflictDoUpdate({
          target: institutions.code,
          set: {
            name: sql`excluded.name`,
            kind: sql`excluded.kind`,
            creditCode: sql`excluded.credit_code`,
            level: sql`excluded.level`,
            agreementStatus: sql`excluded.agreement_status`,
            agreementFrom: sql`excluded.agreement_from`,
            agreementTo: sql`excluded.agreement_to`,
            address: sql`excluded.address`,
            version: sql`${institutions.version} + 1`,
            updatedAt: sql`now()`,
          },
        });
    }
    return { created, changed };
  });

  errors.sort((a, b) => a.row - b.row);
  return {
    rows,
    created: counts.created,
    changed: counts.changed,
    unchanged: valid.length - counts.created - counts.changed,
    errorCount: errors.length,
    errors: errors.slice(0, INSTITUTION_IMPORT_LIMITS.maxErrorsListed).map((e) => ({ ...e, message: translate(e.code, locale, { field: e.field }) })),
  };
}
