/**
 * The one page shape every list answers (`Page(item)` in kernel/http/schemas.ts):
 * `{ items, total, page, pageSize }`.
 */
export interface PageOf<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** One page of a list, with the total the query counted (a bigint count arrives as a string on some drivers). */
export const pageOf = <T>(items: T[], total: number | string, query: { page: number; pageSize: number }): PageOf<T> => ({
  items,
  total: Number(total),
  page: query.page,
  pageSize: query.pageSize,
});

/** An inherently small list (a tree, an enumeration) as one whole page. */
export const wholePage = <T>(items: T[]): PageOf<T> => ({ items, total: items.length, page: 1, pageSize: items.length });
