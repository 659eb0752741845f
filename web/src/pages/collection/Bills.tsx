/** 单位缴费单 (clerk): the units' bills of the region by month and status, a bill's breakdown, its PDF and Excel. */
import { Card } from 'antd';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../components/queries';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import { useBillActions, useBillColumns, type Bill } from './common';

const BILL_STATUSES: Bill['status'][] = ['due', 'partly_paid', 'paid', 'cancelled'];

export default function CollectionBillsPage() {
  const { t, tx } = useI18n();
  const billColumns = useBillColumns();
  const actions = useBillActions('collection');
  const list = usePagedList('/api/v1/collection/bills');

  return (
    <Card title={<span data-testid="page-title">{t('bills.title')}</span>}>
      <ListPage
        list={list}
        testId="bills-table"
        filters={[
          { type: 'month', name: 'month', testId: 'bills-month-filter', label: t('bill.month') },
          { type: 'select', name: 'status', testId: 'bills-status-filter', label: t('bill.status'), options: BILL_STATUSES.map((s) => ({ value: s, label: tx(`collection.status.${s}`, s) })) },
        ]}
        refreshTestId="bills-refresh"
        errorTestId="bills-error"
        columns={[
          ...billColumns.slice(0, 2),
          { ...nowrap, key: 'unit', title: t('bill.unit'), render: (_: unknown, b: Bill) => b.unitName ?? b.entityId },
          ...billColumns.slice(2),
          actions.column,
        ]}
      />
      {actions.drawer}
    </Card>
  );
}
