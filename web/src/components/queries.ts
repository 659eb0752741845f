/** Loading data for a page: the loading flag, the error and reloading, and the pagination of list pages. */
import type { TablePaginationConfig } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage, type ItemOf, type ListPath, type Page, type PathParamsOf, type QueryOf, type ResponseOf } from '../api';
import { useI18n } from '../i18n';

export interface Query<T> {
  data: T;
  loading: boolean;
  /** the failure's message, null while the last load has not failed */
  error: string | null;
  /** what the last load threw (null when it did not), e.g. to tell an ApiError's status */
  cause: unknown;
  reload: () => Promise<void>;
}

/**
 * Calls `load` on mount and again whenever `load` changes (a module-level function, or one made
 * with useCallback whose dependencies are the query's parameters). `data` keeps the last answer
 * (`initial` before the first) while a load is under way or after one failed.
 */
export function useQuery<T>(load: () => Promise<T>, initial: T): Query<T> {
  const [data, setData] = useState<T>(initial);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<{ cause: unknown } | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    setFailure(null);
    try {
      setData(await load());
    } catch (e) {
      setFailure({ cause: e });
    } finally {
      setLoading(false);
    }
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, loading, error: failure ? errorMessage(failure.cause) : null, cause: failure ? failure.cause : null, reload };
}

export interface PagedQuery<T> extends Query<Page<T> | null> {
  /** the rows of the current page */
  items: T[];
  /** back to the first page, e.g. when a filter changes */
  setPage: (page: number) => void;
  /** for antd Table's `pagination`: page, page size (20 to start with), total and their changes */
  pagination: TablePaginationConfig;
}

/**
 * A server-paged list: `load` fetches one page (memoise it with useCallback on the filters; a new
 * `load` loads again). Changing the page size goes back to the first page.
 */
function usePagedQuery<T>(load: (page: number, pageSize: number) => Promise<Page<T>>): PagedQuery<T> {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query = useQuery<Page<T> | null>(
    useCallback(() => load(page, pageSize), [load, page, pageSize]),
    null,
  );
  return {
    ...query,
    items: query.data?.items ?? [],
    setPage,
    pagination: {
      current: page,
      pageSize,
      total: query.data?.total ?? 0,
      showSizeChanger: true,
      showTotal: (total) => t('common.total', { total }),
      onChange: (p, s) => {
        setPage(s !== pageSize ? 1 : p);
        setPageSize(s);
      },
    },
  };
}

/** The filters of a list path: its query without the page. */
export type ListFilters<P extends ListPath> = Partial<Omit<QueryOf<P>, 'page' | 'pageSize'>>;

export interface PagedList<P extends ListPath> extends PagedQuery<ItemOf<P>> {
  /** the whole answer of the current page (a list may answer more than the page, e.g. a balance) */
  data: ResponseOf<P> | null;
  filters: ListFilters<P>;
  /** changes some filters and goes back to the first page */
  filter: (next: ListFilters<P>) => void;
  /** any page with the current filters, without showing it (an export reads them all) */
  fetchPage: (page: number, pageSize: number) => Promise<Page<ItemOf<P>>>;
}

/**
 * One page of a list path at a time, with its filters: `usePagedList('/api/v1/collection/runs')`,
 * or with the path's parameters `usePagedList('/api/v1/collection/runs/{id}/problems', { path: { id } })`.
 */
export function usePagedList<P extends ListPath>(
  path: P,
  options: {
    path?: PathParamsOf<P>;
    /** the filters to start with */
    filters?: ListFilters<P>;
    /** loads again when this changes (e.g. the item the page has open) */
    reloadOn?: unknown;
  } = {},
): PagedList<P> {
  const [filters, setFilters] = useState<ListFilters<P>>(options.filters ?? {});
  // the path's parameters by value, so that a new object with the same ids does not load again
  const params = JSON.stringify(options.path ?? {});
  // P is a union of paths here: the call is typed where the page names its path
  const get = api.get as (path: string, init: object) => Promise<Page<ItemOf<P>>>;
  const { reloadOn } = options;
  // reloadOn is a dependency only: a new value makes a new load function, which loads again
  const fetchPage = useCallback((page: number, pageSize: number) => get(path, { path: JSON.parse(params), query: { ...filters, page, pageSize } }), [get, path, params, filters, reloadOn]);
  const query = usePagedQuery<ItemOf<P>>(fetchPage);
  const { setPage } = query;
  const filter = useCallback(
    (next: ListFilters<P>) => {
      setFilters((f) => ({ ...f, ...next }));
      setPage(1);
    },
    [setPage],
  );
  return { ...query, data: query.data as ResponseOf<P> | null, filters, filter, fetchPage };
}
