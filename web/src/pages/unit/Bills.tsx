/** 缴费单 (unit hall): the unit's bills of a year, newest month first; a bill's breakdown; its PDF and Excel. */
import { Alert, Button, Card, Drawer, Flex, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, type Page } from '../../api';
import { usePagedQuery, useQuery } from '../../components/queries';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import { BillDetail, BillDownloads, useBillColumns, type Bill } from '../collection/common';
import { YearSelect } from '../personal/common';
import { UnitError } from './common';

const billPath = (id: string) => `/unit/bills/${encodeURIComponent(id)}`;

export default function UnitBillsPage() {
  const { t } = useI18n();
  const billColumns = useBillColumns();
  const [year, setYear] = useState<number | undefined>();
  const [detailId, setDetailId] = useState<string | null>(null);
  const { items, loading, error, cause, reload, setPage, pagination } = usePagedQuery(
    useCallback((page: number, pageSize: number) => api.get<Page<Bill>>('/unit/bills', { query: { page, pageSize, year } }), [year]),
  );

  return (
    <Card title={<span data-testid="page-title">{t('unitBills.title')}</span>}>
      <Flex vertical gap={16}>
        <UnitError cause={cause} error={error} />
        <Typography.Text type="secondary">{t('unitBills.hint')}</Typography.Text>
        <Space wrap>
          <YearSelect
            testId="unit-bills-year"
            allowClear
            value={year}
            onChange={(y) => {
              setYear(y);
              setPage(1);
            }}
          />
          <Button onClick={() => void reload()} data-testid="unit-bills-refresh">
            {t('common.refresh')}
          </Button>
        </Space>
        <Table<Bill>
          data-testid="unit-bills-table"
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={items}
          pagination={pagination}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('unitBills.none') }}
          columns={[
            ...billColumns,
            {
              ...nowrap,
              key: 'actions',
              title: t('common.actions'),
              render: (_: unknown, b: Bill) => (
                <Space>
                  <Typography.Link onClick={() => setDetailId(b.id)} data-testid={`bill-open-${b.id}`}>
                    {t('review.detail')}
                  </Typography.Link>
                  <BillDownloads bill={b} base={billPath(b.id)} />
                </Space>
              ),
            },
          ]}
        />
      </Flex>
      <Drawer open={detailId !== null} onClose={() => setDetailId(null)} size={720} title={t('bills.detail')} destroyOnHidden>
        {detailId && <UnitBill id={detailId} />}
      </Drawer>
    </Card>
  );
}

function UnitBill({ id }: { id: string }) {
  const { t } = useI18n();
  const { data, error } = useQuery(
    useCallback(() => api.get<Bill>(billPath(id)), [id]),
    null as Bill | null,
  );
  if (error !== null) return <Alert type="error" showIcon title={error} />;
  if (!data) return <Typography.Text type="secondary">{t('app.loading')}</Typography.Text>;
  return <BillDetail bill={data} base={billPath(id)} />;
}
