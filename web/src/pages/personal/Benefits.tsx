/** 待遇享受: what the personal account paid for the person (medical bills paid from the account…); an explained empty state until there is any. */
import { Card, Empty, Flex, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, type Page } from '../../api';
import { usePagedQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { yuan } from '../../components/format';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import { PersonalError, YearSelect, type AccountEntry } from './common';

export default function PersonalBenefitsPage() {
  const { t, tx, lang } = useI18n();
  const [year, setYear] = useState<number | undefined>();
  const { items, loading, error, cause, setPage, pagination } = usePagedQuery(
    useCallback((page: number, pageSize: number) => api.get<Page<AccountEntry>>('/personal/benefits', { query: { page, pageSize, year } }), [year]),
  );

  return (
    <Card title={<span data-testid="page-title">{t('benefits.title')}</span>}>
      <Flex vertical gap={16}>
        <PersonalError cause={cause} error={error} />
        <Space wrap>
          <YearSelect
            testId="benefits-year"
            allowClear
            value={year}
            onChange={(y) => {
              setYear(y);
              setPage(1);
            }}
          />
        </Space>
        <Table<AccountEntry>
          data-testid="benefits-table"
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={items}
          pagination={pagination}
          scroll={{ x: 'max-content' }}
          locale={{
            emptyText: (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  <Flex vertical gap={4} data-testid="benefits-empty">
                    <Typography.Text>{t('benefits.none')}</Typography.Text>
                    <Typography.Text type="secondary">{t('benefits.noneHint')}</Typography.Text>
                  </Flex>
                }
              />
            ),
          }}
          columns={[
            { ...nowrap, key: 'month', title: t('runs.month'), dataIndex: 'month' },
            { ...nowrap, key: 'kind', title: t('benefits.kind'), dataIndex: 'kind', render: (v: string) => tx(`account.kind.${v}`, v) },
            { ...nowrap, key: 'amountFen', title: t('benefits.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(Math.abs(v)) },
            { ...nowrap, key: 'sourceRef', title: t('benefits.source'), dataIndex: 'sourceRef' },
            { ...nowrap, key: 'createdAt', title: t('account.bookedAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, lang) },
          ]}
        />
      </Flex>
    </Card>
  );
}
