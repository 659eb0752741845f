/**
 * A table on a wide screen, a column of cards on a phone (below 576 px): each row becomes a card
 * whose lines are the columns' titles and cells, rendered by the columns' own `render`, so a page
 * defines its columns once. Paging, loading and the empty state carry over.
 */
import { Card, Descriptions, Grid, List, Table, type TableColumnType, type TableProps } from 'antd';
import { useEffect, useRef, type Key, type ReactNode } from 'react';
import { valueAt } from './exportCsv';

type Column<T> = TableColumnType<T> & { children?: unknown };

function cellOf<T>(column: Column<T>, record: T, index: number): ReactNode {
  const value = valueAt(record, column.dataIndex);
  const rendered = column.render ? column.render(value, record, index) : value;
  // a render may answer { children, props } (cell spans); a card shows the children
  if (rendered && typeof rendered === 'object' && 'children' in (rendered as object) && !('$$typeof' in (rendered as object))) {
    return (rendered as { children: ReactNode }).children;
  }
  return rendered as ReactNode;
}

function keyOf<T>(rowKey: TableProps<T>['rowKey'], record: T, index: number): Key {
  if (typeof rowKey === 'function') return rowKey(record, index);
  return (record as Record<string, Key>)[rowKey ?? 'key'] ?? index;
}

/**
 * A table wider than its box scrolls inside it; the scrolling box takes the keyboard focus, so it
 * can be scrolled without a mouse (WCAG 2.1.1).
 */
function useFocusableScroll(deps: unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const boxes = ref.current?.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body') ?? [];
    for (const box of boxes) {
      if (box.scrollWidth > box.clientWidth) box.tabIndex = 0;
      else box.removeAttribute('tabindex');
    }
  }, deps);
  return ref;
}

/** `cards: false` keeps a document's table (a statement with its totals row) a table on a phone, scrolling sideways */
export function ResponsiveTable<T>({ cards = true, ...props }: TableProps<T> & { cards?: boolean }) {
  const screens = Grid.useBreakpoint();
  const narrow = cards && screens.sm === false;
  const ref = useFocusableScroll([props.dataSource, props.columns, narrow, screens.xl]);
  if (!narrow) {
    return (
      <div ref={ref}>
        <Table<T> {...props} />
      </div>
    );
  }

  const { columns = [], dataSource = [], rowKey, loading, pagination, locale, title } = props;
  const shown = (columns as Column<T>[]).filter((c) => !c.hidden && !c.children);
  const testId = (props as { 'data-testid'?: string })['data-testid'];
  return (
    <List<T>
      data-testid={testId}
      data-layout="cards"
      loading={typeof loading === 'boolean' ? loading : undefined}
      dataSource={[...dataSource]}
      locale={locale?.emptyText ? { emptyText: typeof locale.emptyText === 'function' ? locale.emptyText() : locale.emptyText } : undefined}
      header={title ? title([...dataSource]) : undefined}
      pagination={pagination ? { size: 'small', align: 'center', current: pagination.current, pageSize: pagination.pageSize, total: pagination.total, onChange: pagination.onChange } : false}
      renderItem={(record, index) => {
        const key = keyOf(rowKey, record, index);
        return (
          <List.Item key={key} style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
            <Card size="small" style={{ width: '100%' }} data-row-key={String(key)}>
              <Descriptions
                size="small"
                column={1}
                colon={false}
                items={shown
                  .map((c, i) => ({
                    key: String(c.key ?? c.dataIndex ?? i),
                    label: typeof c.title === 'function' ? null : (c.title as ReactNode),
                    children: cellOf(c, record, index),
                  }))
                  // an empty cell is no line on a card
                  .filter((line) => line.children !== null && line.children !== undefined && line.children !== '')}
              />
            </Card>
          </List.Item>
        );
      }}
    />
  );
}
