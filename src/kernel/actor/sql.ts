import { like, type AnyColumn, type SQL } from 'drizzle-orm';
import type { RegionScope } from './index.js';

/**
 * The SQL condition "this region-code column is within the scope", for lists; undefined (no
 * condition) for the national scope. Prefixes are digits, so LIKE needs no escaping.
 */
export const withinScope = (column: AnyColumn, scope: Pick<RegionScope, 'prefix'>): SQL | undefined =>
  scope.prefix ? like(column, `${scope.prefix}%`) : undefined;
