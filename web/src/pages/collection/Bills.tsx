/** 单位缴费单 (clerk): the units' bills of the region by month and status, a bill's breakdown, its PDF and Excel. */
import { Alert, Button, Card, Drawer, Flex, Input, Select, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, type Page } from '../../api';
import { usePagedQuery, useQuery } from '../../components/queries';
import { MONTH_PATTERN } from '../../components/format';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import { BillDetail, BillDownloads, useBillColumns, type Bill } from './common';

const BILL_STATUSES = ['due', 'partly_paid', 'paid', 'cancelled'] as const;

export default function CollectionBillsPage() {
  const { t, tx } = useI18n();
  const billColumns = useBillColumns();
  const [monthInput, setMonthInput] = useState('');
  const [filters, setFilters] = useState<{ month?: string; status?: string }>({});
  const [detailId, setDetailId] = useState<string | null>(null);
  const { items, loading, error, reload, setPage, pagination } = usePagedQuery(
    useCallback((page: number, pageSize: number) => api.get<Page<Bill>>('/collection/bills', { query: { page, pageSize, ...filters } }), [filters]),
  );
  const filter = (next: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage(1);
  };

  return (
    <Card title={<span data-testid="page-title">{t('bills.title')}</span>}>
      <Flex vertical gap={16}>
        <Space wrap>
          <Input.Search
            data-testid="bills-month-filter"
            aria-label={t('bill.month')}
            placeholder={t('runs.monthFilter')}
            allowClear
            maxLength={7}
            style={{ width: 180 }}
            value={monthInput}
            onChange={(e) => setMonthInput(e.target.value)}
            onSearch={(v) => filter({ month: MONTH_PATTERN.test(v.trim()) ? v.trim() : undefined })}
          />
          <Select
            data-testid="bills-status-filter"
            aria-label={t('bill.status')}
            placeholder={t('bill.status')}
            allowClear
            style={{ width: 140 }}
            value={filters.status}
            onChange={(v?: string) => filter({ status: v })}
            options={BILL_STATUSES.map((s) => ({ value: s, label: tx(`collection.status.${s}`, s) }))}
          />
          <Button onClick={() => void reload()} data-testid="bills-refresh">
            {t('common.refresh')}
          </Button>
        </Space>
        {error !== null && <Alert type="error" showIcon title={error} data-testid="bills-error" />}
        <Table<Bill>
          data-testid="bills-table"
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={items}
          pagination={pagination}
          scroll={{ x: 'max-content' }}
          columns={[
            ...billColumns.slice(0, 2),
            { ...nowrap, key: 'unit', title: t('bill.unit'), render: (_: unknown, b: Bill) => b.unitName ?? b.entityId },
            ...billColumns.slice(2),
            {
              ...nowrap,
              key: 'actions',
              title: t('common.actions'),
              render: (_: unknown, b: Bill) => (
                <Space>
                  <Typography.Link onClick={() => setDetailId(b.id)} data-testid={`bill-open-${b.id}`}>
                    {t('review.detail')}
                  </Typography.Link>
                  <BillDownloads bill={b} base={`/collection/bills/${encodeURIComponent(b.id)}`} />
                </Space>
              ),
            },
          ]}
        />
      </Flex>
      <Drawer open={detailId !== null} onClose={() => setDetailId(null)} size={720} title={t('bills.detail')} destroyOnHidden>
        {detailId && <BillPanel id={detailId} />}
      </Drawer>
    </Card>
  );
}

function BillPanel({ id }: { id: string }) {
  const { t } = useI18n();
  const base = `/collection/bills/${encodeURIComponent(id)}`;
  const { data, error } = useQuery(
    useCallback(() => api.get<Bill>(base), [base]),
    null as Bill | null,
  );
  if (error !== null) return <Alert type="error" showIcon title={error} />;
  if (!data) return <Typography.Text type="secondary">{t('app.loading')}</Typography.Text>;
  return <BillDetail bill={data} base={base} />;
}
