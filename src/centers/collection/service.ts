/**
 * Shared pieces of the collection center's domain logic: who acts, and the region scope every query
 * applies (the kernel's `RegionScope`: a resource outside it reads as not found).
 */
import { like, type AnyColumn, type SQL } from 'drizzle-orm';
import type { RegionScope } from '../../kernel/actor/index.js';

/** A clerk or administrator: who (recorded on what they create) and the regions their organization acts for. */
export interface Clerk {
  accountId: string;
  scope: RegionScope;
}

/** The rows of a region-code column within the scope (no condition for a national scope). */
export const withinScope = (column: AnyColumn, scope: Pick<RegionScope, 'prefix'>): SQL | undefined => (scope.prefix ? like(column, `${scope.prefix}%`) : undefined);

export const page = <T>(items: T[], total: number, query: { page: number; pageSize: number }) => ({ items, total: Number(total), page: query.page, pageSize: query.pageSize });
