/** 个人账户: the balance, and the entries (划入 allocations +, 扣减 deductions −) of a year or of every year. */
import { Card, Flex, Space, Statistic, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, type Page } from '../../api';
import { usePagedQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { yuan } from '../../components/format';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import { PersonalError, YearSelect, type AccountEntry } from './common';

export default function PersonalAccountPage() {
  const { t, tx, lang } = useI18n();
  const types = useInsuranceTypeLabels();
  const [year, setYear] = useState<number | undefined>();
  const { data, items, loading, error, cause, setPage, pagination } = usePagedQuery(
    useCallback((page: number, pageSize: number) => api.get<Page<AccountEntry> & { balanceFen: number }>('/personal/account', { query: { page, pageSize, year } }), [year]),
  );
  const balance = (data as { balanceFen?: number } | null)?.balanceFen;

  return (
    <Card title={<span data-testid="page-title">{t('account.title')}</span>}>
      <Flex vertical gap={16}>
        <PersonalError cause={cause} error={error} />
        <div data-testid="account-balance">
          <Statistic title={t('account.balance')} value={balance === undefined ? '—' : yuan(balance)} suffix={balance === undefined ? undefined : t('account.yuan')} />
        </div>
        <Typography.Text type="secondary">{t('account.hint')}</Typography.Text>
        <Space wrap>
          <YearSelect
            testId="account-year"
            allowClear
            value={year}
            onChange={(y) => {
              setYear(y);
              setPage(1);
            }}
          />
        </Space>
        <Table<AccountEntry>
          data-testid="account-entries-table"
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={items}
          pagination={pagination}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('account.noEntries') }}
          columns={[
            { ...nowrap, key: 'month', title: t('runs.month'), dataIndex: 'month' },
            { ...nowrap, key: 'kind', title: t('account.kind'), dataIndex: 'kind', render: (v: string) => tx(`account.kind.${v}`, v) },
            { ...nowrap, key: 'insuranceType', title: t('application.insuranceType'), dataIndex: 'insuranceType', render: (v: string | null) => types.label(v) },
            {
              ...nowrap,
              key: 'amountFen',
              title: t('runs.amount'),
              dataIndex: 'amountFen',
              align: 'right',
              render: (v: number) => <Typography.Text type={v < 0 ? 'danger' : 'success'}>{v > 0 ? `+${yuan(v)}` : yuan(v)}</Typography.Text>,
            },
            { ...nowrap, key: 'createdAt', title: t('account.bookedAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, lang) },
          ]}
        />
      </Flex>
    </Card>
  );
}
