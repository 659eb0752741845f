/**
 * Shared pieces of the collection center's domain logic: who acts and over which regions, and the
 * scoping every query applies.
 */
import { like, type AnyColumn, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/index.js';
import { DomainError } from '../../kernel/errors/index.js';

/** A clerk or administrator: acts within the region-code prefix their organization covers ('' national). */
export interface Actor {
  accountId: string;
  prefix: string;
}

export const inScope = (actor: Pick<Actor, 'prefix'>, regionCode: string) => regionCode.startsWith(actor.prefix);

export const regionScope = (column: AnyColumn, prefix: string): SQL | undefined => (prefix ? like(column, `${prefix}%`) : undefined);

/** A region the actor may act for; another city's region is a 404 naming regionCode, as if it did not exist. */
export function requireRegion(actor: Pick<Actor, 'prefix'>, regionCode: string) {
  if (!inScope(actor, regionCode)) throw new DomainError('collection.region_not_found', 'not_found', { regionCode }, 'regionCode');
}

export const transaction = <T>(ctx: Pick<AppContext, 'database'>, work: (tx: Db) => Promise<T>) => ctx.database.db.transaction((t) => work(t as unknown as Db));

export const page = <T>(items: T[], total: number, query: { page: number; pageSize: number }) => ({ items, total: Number(total), page: query.page, pageSize: query.pageSize });
