/** 个人账户: the balance, and the entries (划入 allocations +, 扣减 deductions −) of a year or of every year. */
import { Card, Statistic, Typography } from 'antd';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { yuan } from '../../components/format';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import { PersonalError } from './common';

export default function PersonalAccountPage() {
  const { t, tx, lang } = useI18n();
  const types = useInsuranceTypeLabels();
  const list = usePagedList('/api/v1/personal/account');
  const balance = list.data?.balanceFen;

  return (
    <Card title={<span data-testid="page-title">{t('account.title')}</span>}>
      <ListPage
        list={list}
        testId="account-entries-table"
        header={
          <>
            <div data-testid="account-balance">
              <Statistic title={t('account.balance')} value={balance === undefined ? '—' : yuan(balance)} suffix={balance === undefined ? undefined : t('account.yuan')} />
            </div>
            <Typography.Text type="secondary">{t('account.hint')}</Typography.Text>
          </>
        }
        filters={[{ type: 'year', name: 'year', testId: 'account-year' }]}
        renderError={(error, cause) => <PersonalError cause={cause} error={error} />}
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
    </Card>
  );
}
