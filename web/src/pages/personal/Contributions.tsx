/** 缴费记录: the person's contribution lines of a year, month by month, each with how it was computed. */
import { Card, Typography } from 'antd';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../components/queries';
import { yuan } from '../../components/format';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import { CollectionTag } from '../collection/common';
import { PersonalError } from './common';

export default function PersonalContributionsPage() {
  const { t, tx, lang } = useI18n();
  const types = useInsuranceTypeLabels();
  const list = usePagedList('/api/v1/personal/contributions');

  return (
    <Card title={<span data-testid="page-title">{t('contributions.title')}</span>}>
      <ListPage
        list={list}
        testId="contributions-table"
        header={<Typography.Text type="secondary">{t('contributions.hint')}</Typography.Text>}
        filters={[{ type: 'year', name: 'year', testId: 'contributions-year' }]}
        renderError={(error, cause) => <PersonalError cause={cause} error={error} />}
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
    </Card>
  );
}
