/** 缴费记录: the person's contribution lines of a year, month by month, each with how it was computed. */
import { Card, Flex, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, type Page } from '../../api';
import { usePagedQuery } from '../../components/queries';
import { yuan } from '../../components/format';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import { CollectionTag, type ReceivableLine } from '../collection/common';
import { PersonalError, YearSelect } from './common';

export default function PersonalContributionsPage() {
  const { t, tx, lang } = useI18n();
  const types = useInsuranceTypeLabels();
  const [year, setYear] = useState<number | undefined>();
  const { items, loading, error, cause, setPage, pagination } = usePagedQuery(
    useCallback((page: number, pageSize: number) => api.get<Page<ReceivableLine>>('/personal/contributions', { query: { page, pageSize, year } }), [year]),
  );

  return (
    <Card title={<span data-testid="page-title">{t('contributions.title')}</span>}>
      <Flex vertical gap={16}>
        <PersonalError cause={cause} error={error} />
        <Typography.Text type="secondary">{t('contributions.hint')}</Typography.Text>
        <Space wrap>
          <YearSelect
            testId="contributions-year"
            allowClear
            value={year}
            onChange={(y) => {
              setYear(y);
              setPage(1);
            }}
          />
        </Space>
        <Table<ReceivableLine>
          data-testid="contributions-table"
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={items}
          pagination={pagination}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('contributions.none') }}
          expandable={{
            expandedRowRender: (r) => <Typography.Text data-testid={`contribution-explanation-${r.id}`}>{lang === 'en' ? r.explanation?.en : r.explanation?.zh}</Typography.Text>,
            rowExpandable: (r) => !!r.explanation,
          }}
          columns={[
            { ...nowrap, key: 'month', title: t('runs.month'), dataIndex: 'month' },
            { ...nowrap, key: 'insuranceType', title: t('application.insuranceType'), dataIndex: 'insuranceType', render: (v: string) => types.label(v) },
            { ...nowrap, key: 'payer', title: t('contributions.payer'), dataIndex: 'payer', render: (v: string) => tx(`contributions.payer.${v}`, v) },
            { ...nowrap, key: 'baseFen', title: t('myEnrollment.base'), dataIndex: 'baseFen', align: 'right', render: (v: number) => yuan(v) },
            { ...nowrap, key: 'rate', title: t('runs.rate'), dataIndex: 'ratePpm', align: 'right', render: (v: number) => `${Number((v / 10_000).toFixed(4))} %` },
            { ...nowrap, key: 'amountFen', title: t('runs.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
            { ...nowrap, key: 'status', title: t('runs.lineStatus'), dataIndex: 'status', render: (v: string) => <CollectionTag status={v} /> },
          ]}
        />
      </Flex>
    </Card>
  );
}
