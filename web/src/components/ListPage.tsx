/**
 * The list page every center's clerk and hall pages share: a filter bar (month, status, year,
 * keyword…) with refresh, export and the page's own actions; then one page of a list path in a
 * table that scrolls sideways on a tablet and becomes cards on a phone, an empty state that says
 * what to do, its loading and error states, and paging in the API's page shape. The data comes from usePagedList; the page keeps its list to reload it after
 * its own changes.
 */
import { Alert, App, Button, Empty, Flex, Input, Select, Space, type TableProps } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { errorMessage, saveBlob, type ItemOf, type ListPath } from '../api';
import { EXPORT_MAX_ROWS, readAll, toCsv, type ExportColumn } from './exportCsv';
import { useI18n } from '../i18n';
import { MonthPicker } from './MonthPicker';
import { RegionCascader } from './RegionCascader';
import { ResponsiveTable } from './ResponsiveTable';
import type { ListFilters, PagedList } from './queries';
import { YearSelect } from './YearSelect';

type FilterName<P extends ListPath> = keyof ListFilters<P> & string;

interface FilterBase<P extends ListPath> {
  name: FilterName<P>;
  testId: string;
  /** the filter's accessible name, and its placeholder unless one is given */
  label: string;
  width?: number;
}

/** One filter of the bar, bound to a query parameter of the list path. */
export type ListFilter<P extends ListPath> =
  /** 所属期 a month picked (YYYY-MM); cleared means every month */
  | (FilterBase<P> & { type: 'month' })
  /** 行政区划 a region picked in the cascader (its 6-digit code); cleared means every region */
  | (FilterBase<P> & { type: 'region' })
  /** a year of the last twelve; cleared means every year */
  | (Omit<FilterBase<P>, 'label'> & { type: 'year'; label?: string })
  | (FilterBase<P> & { type: 'select'; options: { value: string | number; label: ReactNode }[] })
  /** free text, searched on Enter; `accept` says which texts filter (others clear the filter) */
  | (FilterBase<P> & { type: 'search'; placeholder?: string; maxLength?: number; accept?: RegExp; enterButton?: ReactNode });

export type ListPageProps<P extends ListPath> = Omit<TableProps<ItemOf<P>>, 'dataSource' | 'loading' | 'pagination' | 'columns'> & {
  list: PagedList<P>;
  /** the table's columns; `exportAs` says how a column is written in the export */
  columns?: ExportColumn<ItemOf<P>>[];
  /** data-testid of the table */
  testId: string;
  filters?: ListFilter<P>[];
  /** more controls in the filter bar, after the filters */
  tools?: ReactNode;
  /** data-testid of a refresh button; without it the bar has none */
  refreshTestId?: string;
  /** the page's actions, at the right of the filter bar (e.g. "new…") */
  actions?: ReactNode;
  /** above the filter bar (a hint) */
  header?: ReactNode;
  /** between the filter bar and the table (e.g. the item being followed) */
  above?: ReactNode;
  /** data-testid of the error alert */
  errorTestId?: string;
  /** how the page explains a failure, instead of the error alert */
  renderError?: (error: string, cause: unknown) => ReactNode;
  /** the empty list's text: what there is to do (e.g. "no bills yet: they come after the month's run") */
  empty?: ReactNode;
  /** the file name (without .csv) of an 导出 button that writes the filtered list, every page, as CSV */
  exportName?: string;
};

export function ListPage<P extends ListPath>({
  list,
  testId,
  filters = [],
  tools,
  refreshTestId,
  actions,
  header,
  above,
  errorTestId,
  renderError,
  empty,
  exportName,
  rowKey = 'id',
  size = 'middle',
  ...table
}: ListPageProps<P>) {
  const { t } = useI18n();
  const bar = (filters.length > 0 || tools || refreshTestId || exportName) && (
    <Space wrap>
      {filters.map((f) => (
        <FilterControl key={f.name} list={list} filter={f} />
      ))}
      {tools}
      {refreshTestId && (
        <Button onClick={() => void list.reload()} data-testid={refreshTestId}>
          {t('common.refresh')}
        </Button>
      )}
      {exportName && <ExportButton list={list} columns={table.columns ?? []} name={exportName} testId={`${testId}-export`} />}
    </Space>
  );
  return (
    <Flex vertical gap={16}>
      {header}
      {actions ? (
        <Flex wrap gap={12} justify="space-between">
          {bar || <span />}
          {actions}
        </Flex>
      ) : (
        bar
      )}
      {above}
      {list.error !== null && (renderError ? renderError(list.error, list.cause) : <Alert type="error" showIcon title={list.error} data-testid={errorTestId} />)}
      <ResponsiveTable<ItemOf<P>>
        data-testid={testId}
        rowKey={rowKey}
        size={size}
        loading={list.loading}
        dataSource={list.items}
        pagination={list.pagination}
        scroll={{ x: 'max-content' }}
        {...table}
        locale={empty !== undefined ? { emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> } : table.locale}
      />
    </Flex>
  );
}

/** 导出 the list as filtered, every page; refused with a message beyond EXPORT_MAX_ROWS */
function ExportButton<P extends ListPath>({ list, columns, name, testId }: { list: PagedList<P>; columns: ExportColumn<ItemOf<P>>[]; name: string; testId: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const { rows, tooMany } = await readAll(list.fetchPage);
      if (tooMany) message.warning(t('list.exportTooMany', { max: EXPORT_MAX_ROWS }));
      else saveBlob(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), `${name}.csv`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button onClick={() => void run()} loading={busy} data-testid={testId}>
      {t('list.export')}
    </Button>
  );
}

function FilterControl<P extends ListPath>({ list, filter }: { list: PagedList<P>; filter: ListFilter<P> }) {
  const { t } = useI18n();
  const value = list.filters[filter.name] as string | number | undefined;
  const set = (v: string | number | undefined) => list.filter({ [filter.name]: v } as ListFilters<P>);
  // never wider than a phone's screen
  const style = (width: number) => ({ width: filter.width ?? width, maxWidth: '100%' });
  switch (filter.type) {
    case 'month':
      return <MonthPicker testId={filter.testId} label={filter.label} placeholder={t('runs.monthFilter')} allowClear style={style(180)} value={value as string | undefined} onChange={set} />;
    case 'region':
      return <RegionCascader testId={filter.testId} label={filter.label} placeholder={filter.label} style={style(220)} value={value as string | undefined} onChange={set} />;
    case 'search':
      return <SearchControl filter={filter} style={style(200)} value={value} onSearch={set} />;
    case 'year':
      return <YearSelect testId={filter.testId} label={filter.label} allowClear style={style(140)} value={value as number | undefined} onChange={set} />;
    case 'select':
      return (
        <Select
          data-testid={filter.testId}
          aria-label={filter.label}
          placeholder={filter.label}
          allowClear
          style={style(140)}
          value={value}
          onChange={(v?: string | number) => set(v ?? undefined)}
          options={filter.options}
        />
      );
  }
}

/**
 * A text filter: typed freely, applied on Enter or the search button, cleared with the clear icon.
 * A value the page sets (e.g. a click on a row's actor) shows in the box.
 */
function SearchControl({
  filter,
  style,
  value,
  onSearch,
}: {
  filter: { testId: string; label: string; placeholder?: string; maxLength?: number; accept?: RegExp; enterButton?: ReactNode };
  style: { width: number; maxWidth: string };
  value: string | number | undefined;
  onSearch: (value: string | undefined) => void;
}) {
  const [input, setInput] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    if (value !== undefined) setInput(String(value));
  }, [value]);
  return (
    <Input.Search
      data-testid={filter.testId}
      aria-label={filter.label}
      placeholder={filter.placeholder ?? filter.label}
      allowClear
      enterButton={filter.enterButton}
      maxLength={filter.maxLength}
      style={style}
      value={input}
      onChange={(e) => setInput(e.target.value)}
      onSearch={(v) => {
        const text = v.trim();
        onSearch(text && (!filter.accept || filter.accept.test(text)) ? text : undefined);
      }}
    />
  );
}
