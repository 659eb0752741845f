/**
 * 目录执行 the catalog in force on a day: for each kind, the latest version published on or before
 * that day (Beijing date), and of it the entries valid that day (validFrom ≤ day ≤ validTo). The
 * settlement center asks once per visit for all its fee lines' codes.
 *
 * What a version held never changes once it is published, so each node keeps the entries it looked
 * up under (kind, version, code) without expiry; only the list of published versions (which version
 * is in force on a day) changes, and it is forgotten on every node when a catalog version is published.
 */
import { and, desc, eq, inArray, lte, or } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { memoPerCache } from '../../kernel/cache/memo.js';
import type { Db } from '../../kernel/db/index.js';
import type { CatalogClass, CatalogEntryData, CatalogKind } from './codes.js';
import { catalogChanges, catalogEntries, catalogVersions } from './schema.js';
import { entryData } from './catalog.js';

/** What the catalog in force says of one code. */
export interface CatalogFact {
  kind: CatalogKind;
  code: string;
  /** 甲 A / 乙 B / 丙 C */
  class: CatalogClass;
  /** 自付比例 parts per million (0 for class A, 1,000,000 for class C) */
  selfPayPpm: number;
  /** 限价 per unit, fen; null: no cap */
  priceCapFen: number | null;
  /** the kind's catalog version in force on the day */
  version: number;
}

/** The catalog in force on a day, for some codes: the versions per kind and the entries valid that day (a code not in `entries` is 目录外). */
export interface CatalogOnDay {
  /** `YYYY-MM-DD` */
  date: string;
  /** each asked kind's version in force; absent: no version of the kind was published by then */
  versions: Partial<Record<CatalogKind, number>>;
  entries: Map<string, CatalogFact>;
}

type Published = Partial<Record<CatalogKind, Array<{ version: number; day: string }>>>;

/** The published versions of every kind with their Beijing publication day (a few rows a year per kind). */
const publishedMemo = memoPerCache<Published>('policy-catalog-published', { ttlMs: 60_000, maxKeys: 1 });

const BEIJING_MS = 8 * 3600 * 1000;
const beijingDay = (at: Date) => new Date(at.getTime() + BEIJING_MS).toISOString().slice(0, 10);

async function readPublished(db: Db): Promise<Published> {
  const rows = await db.select({ kind: catalogVersions.kind, version: catalogVersions.version, at: catalogVersions.publishedAt }).from(catalogVersions);
  const published: Published = {};
  for (const r of rows) (published[r.kind] ??= []).push({ version: r.version, day: beijingDay(r.at) });
  return published;
}

/** Call after a catalog version is published (the version in force today may have changed). */
export const forgetPublishedCatalogs = (ctx: Pick<AppContext, 'cache'>) => publishedMemo(ctx.cache).forget('*');

/** An entry as of a version, or null when the version does not hold the code (never added, or removed by then). */
type AsOf = (CatalogEntryData & { kind: CatalogKind }) | null;

const MAX_HELD = 100_000;
/** Per platform (its cache): entries as of (kind, version, code); what a published version holds never changes. */
const heldByPlatform = new WeakMap<object, Map<string, AsOf>>();
const held = (ctx: Pick<AppContext, 'cache'>) => {
  let map = heldByPlatform.get(ctx.cache);
  if (!map) heldByPlatform.set(ctx.cache, (map = new Map()));
  return map;
};
const keyOf = (kind: CatalogKind, version: number, code: string) => `${kind}|${version}|${code}`;

/**
 * The entries the catalogs in force on `date` (`YYYY-MM-DD`) hold for these codes, valid that day.
 * One query for all codes not yet held by this node (two when one of them changed after the version
 * in force: its older data comes from the version's change record).
 */
export async function catalogEntriesOn(ctx: Pick<AppContext, 'database' | 'cache'>, items: ReadonlyArray<{ kind: CatalogKind; code: string }>, date: string): Promise<CatalogOnDay> {
  const db = ctx.database.db;
  const published = (await publishedMemo(ctx.cache).get('all', () => readPublished(db)))!;
  const versions: CatalogOnDay['versions'] = {};
  for (const { kind } of items) {
    if (kind in versions) continue;
    const inForce = (published[kind] ?? []).filter((v) => v.day <= date).reduce((max, v) => Math.max(max, v.version), 0);
    if (inForce) versions[kind] = inForce;
  }
  const cache = held(ctx);
  const missing = new Map<string, { kind: CatalogKind; code: string; version: number }>();
  for (const { kind, code } of items) {
    const version = versions[kind];
    if (version === undefined) continue;
    const key = keyOf(kind, version, code);
    if (!cache.has(key)) missing.set(key, { kind, code, version });
  }
  if (missing.size) {
    const found = await readAsOf(db, [...missing.values()]);
    if (cache.size + missing.size > MAX_HELD) cache.clear();
    for (const [key, entry] of found) cache.set(key, entry);
  }

  const entries = new Map<string, CatalogFact>();
  for (const { kind, code } of items) {
    const version = versions[kind];
    const entry = version === undefined ? null : cache.get(keyOf(kind, version, code));
    if (!entry || entry.class === null || entry.selfPayPpm === null) continue;
    if (entry.validFrom > date || (entry.validTo !== null && entry.validTo < date)) continue;
    entries.set(code, { kind, code, class: entry.class, selfPayPpm: entry.selfPayPpm, priceCapFen: entry.priceCapFen, version: version! });
  }
  return { date, versions, entries };
}

/**
 * Each asked code's entry as of its kind's version. The current row answers when the version in
 * force already had its last change (version ≤ V; removed only if removedIn ≤ V); a row changed or
 * added after V takes its data from the latest change record up to V.
 */
async function readAsOf(db: Db, asked: Array<{ kind: CatalogKind; code: string; version: number }>): Promise<Map<string, AsOf>> {
  const out = new Map<string, AsOf>(asked.map((a) => [keyOf(a.kind, a.version, a.code), null]));
  const byKind = new Map<CatalogKind, { version: number; codes: string[] }>();
  for (const a of asked) {
    const group = byKind.get(a.kind) ?? { version: a.version, codes: [] };
    group.codes.push(a.code);
    byKind.set(a.kind, group);
  }
  const rows = await db
    .select()
    .from(catalogEntries)
    .where(or(...[...byKind].map(([kind, g]) => and(eq(catalogEntries.kind, kind), inArray(catalogEntries.code, g.codes)))));
  const later: Array<{ kind: CatalogKind; code: string; version: number }> = [];
  for (const row of rows) {
    const version = byKind.get(row.kind)!.version;
    if (row.version > version) {
      later.push({ kind: row.kind, code: row.code, version });
      continue;
    }
    const removed = row.removedIn !== null && row.removedIn <= version;
    out.set(keyOf(row.kind, version, row.code), removed ? null : { kind: row.kind, ...entryData(row) });
  }
  if (later.length) {
    // DISTINCT ON: the latest change of each code up to the version in force.
    const changes = await db
      .selectDistinctOn([catalogChanges.kind, catalogChanges.code])
      .from(catalogChanges)
      .where(or(...later.map((l) => and(eq(catalogChanges.kind, l.kind), eq(catalogChanges.code, l.code), lte(catalogChanges.version, l.version)))))
      .orderBy(catalogChanges.kind, catalogChanges.code, desc(catalogChanges.version));
    for (const change of changes) {
      const version = byKind.get(change.kind)!.version;
      out.set(keyOf(change.kind, version, change.code), change.action === 'removed' ? null : { kind: change.kind, ...change.entry });
    }
  }
  return out;
}

