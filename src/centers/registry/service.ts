/**
 * Shared pieces of the registry's domain logic: what its functions depend on, who makes a change,
 * the region scoping every query and write applies, and the history every change writes. The
 * sub-domains: persons.ts (新增, 变更, 注销), entities.ts (法人), conflicts.ts (会商), views.ts
 * (what a clerk sees, masked), imports.ts (批量导入).
 */
import { count, eq } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { Actor, RegionScope } from '../../kernel/actor/index.js';
import type { Db } from '../../kernel/db/index.js';
import { DomainError } from '../../kernel/errors/index.js';
import type { ChangeSource } from './events.js';
import type { CancelReason } from './rules.js';
import { conflicts, entities, history, persons, type FieldChange } from './schema.js';

export type RegistryDeps = Pick<AppContext, 'database' | 'fields' | 'outbox'>;
export type Person = typeof persons.$inferSelect;
export type Entity = typeof entities.$inferSelect;
export type Conflict = typeof conflicts.$inferSelect;
export type HistoryRow = typeof history.$inferSelect;

/** Who makes a change, as the history records it: an account, or the command-line importer / system. */
export interface Author {
  id: string | null;
  kind: string;
}

export const authorOf = (actor: Pick<Actor, 'accountId' | 'kind'>): Author => ({ id: actor.accountId, kind: actor.kind });

/** Only rows of the scope's regions ('' national: no filter). */

/**
 * A region a write may put a record in. Another region is not found (404) naming the field, as a
 * record there would be: the clerk's organization does not act for it.
 */
export function requireRegion(scope: RegionScope, regionCode: string, field = 'regionCode') {
  if (!scope.covers(regionCode)) throw new DomainError('registry.region_out_of_scope', 'not_found', { field }, field);
}

/** A row the caller may see, or not found: out of scope reads as absent, so ids cannot be probed. */
export function inScope<T extends { regionCode: string }>(scope: RegionScope, row: T | undefined, notFoundCode: string): T {
  if (!row) throw new DomainError(notFoundCode, 'not_found');
  scope.require(row.regionCode, notFoundCode);
  return row;
}

export interface PageQuery {
  page: number;
  pageSize: number;
}

/** One page of rows and the count of every row matching, the two queries run together. */
export async function pageOf<T>(query: PageQuery, rows: (limit: number, offset: number) => Promise<T[]>, total: () => Promise<Array<{ total: number }>>) {
  const [items, [counted]] = await Promise.all([rows(query.pageSize, (query.page - 1) * query.pageSize), total()]);
  return { items, total: Number(counted.total), page: query.page, pageSize: query.pageSize };
}

/** 注销 why and from when a record is cancelled. */
export interface Cancellation {
  reason: CancelReason;
  date: string;
  note?: string;
}

/** The history row of one change, written in the change's transaction. */
export async function recordHistory(
  tx: Db,
  entry: { subject: 'person' | 'entity' | 'institution'; id: string; action: HistoryRow['action']; changes: FieldChange[]; author: Author; source: ChangeSource; sourceRef?: string | null },
) {
  await tx.insert(history).values({
    subjectType: entry.subject,
    subjectId: entry.id,
    action: entry.action,
    changes: entry.changes,
    actorId: entry.author.id,
    actorKind: entry.author.kind,
    source: entry.source,
    sourceRef: entry.sourceRef ?? null,
  });
}

/** 变更历史 of a person, entity or institution, oldest first, a page at a time. */
export const historyOf = (db: Db, subjectId: string, query: PageQuery) =>
  pageOf(
    query,
    (limit, offset) => db.select().from(history).where(eq(history.subjectId, subjectId)).orderBy(history.id).limit(limit).offset(offset),
    () => db.select({ total: count() }).from(history).where(eq(history.subjectId, subjectId)),
  );

/** The columns a cancellation sets, the same for persons and entities: marked, not deleted, one version on. */
export const cancelledColumns = (version: number, input: Cancellation) => ({
  status: 'cancelled' as const,
  cancelReason: input.reason,
  cancelledOn: input.date,
  cancelNote: input.note ?? null,
  version: version + 1,
  updatedAt: new Date(),
});

/** The history entry of a cancellation, the same for persons and entities. */
export const cancellationChanges = (status: string, input: Cancellation): FieldChange[] => [
  { field: 'status', from: status, to: 'cancelled' },
  { field: 'cancelReason', from: null, to: input.reason },
  { field: 'cancelledOn', from: null, to: input.date },
];
