/** 待遇享受: what the personal account paid for the person (medical bills paid from the account…); an explained empty state until there is any. */
import { Card, Empty, Flex, Typography } from 'antd';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { yuan } from '../../components/format';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import { PersonalError } from './common';

export default function PersonalBenefitsPage() {
  const { t, tx, lang } = useI18n();
  const list = usePagedList('/api/v1/personal/benefits');

  return (
    <Card title={<span data-testid="page-title">{t('benefits.title')}</span>}>
      <ListPage
        list={list}
        testId="benefits-table"
        filters={[{ type: 'year', name: 'year', testId: 'benefits-year' }]}
        renderError={(error, cause) => <PersonalError cause={cause} error={error} />}
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
    </Card>
  );
}
