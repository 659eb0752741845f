/** 缴费单 (unit hall): the unit's bills of a year, newest month first; a bill's breakdown; its PDF and Excel. */
import { Card, Typography } from 'antd';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../components/queries';
import { useI18n } from '../../i18n';
import { useBillActions, useBillColumns } from '../collection/common';
import { UnitError } from './common';

export default function UnitBillsPage() {
  const { t } = useI18n();
  const billColumns = useBillColumns();
  const actions = useBillActions('unit');
  const list = usePagedList('/api/v1/unit/bills');

  return (
    <Card title={<span data-testid="page-title">{t('unitBills.title')}</span>}>
      <ListPage
        list={list}
        testId="unit-bills-table"
        header={<Typography.Text type="secondary">{t('unitBills.hint')}</Typography.Text>}
        filters={[{ type: 'year', name: 'year', testId: 'unit-bills-year' }]}
        refreshTestId="unit-bills-refresh"
        renderError={(error, cause) => <UnitError cause={cause} error={error} />}
        locale={{ emptyText: t('unitBills.none') }}
        columns={[...billColumns, actions.column]}
      />
      {actions.drawer}
    </Card>
  );
}
