/** Loading data for a page: the loading flag, the error and reloading, and the pagination of list pages. */
import type { TablePaginationConfig } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, type Page } from '../api';
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
export function usePagedQuery<T>(load: (page: number, pageSize: number) => Promise<Page<T>>): PagedQuery<T> {
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
