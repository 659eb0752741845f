/** 我的参保: the person's registry record (masked), their enrollments of every kind with status changes and declared bases, and their identities. */
import { Card, Descriptions, Flex, Typography } from 'antd';
import { api } from '../../api';
import { useQuery } from '../../components/queries';
import { yuan } from '../../components/format';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import { useFieldValue } from '../registry/common';
import { EnrollmentStatusTag, NotRegistered, PersonalError, type EnrollmentDetail, type Identity, type PersonalOverview } from './common';
import { ResponsiveTable } from '../../components/ResponsiveTable';

type Row = PersonalOverview['enrollments'][number] & { detail?: EnrollmentDetail };

const load = async () => {
  const me = await api.get('/api/v1/personal/me');
  // status changes and bases: a person the registry does not know has none
  const details = me.registered ? (await api.get('/api/v1/personal/enrollments')).items : [];
  return { me, details };
};

export default function PersonalEnrollmentPage() {
  const { t, tx } = useI18n();
  const types = useInsuranceTypeLabels();
  const fieldValue = useFieldValue();
  const { data, loading, error, cause } = useQuery(load, null);
  const person = data?.me.person ?? null;
  const rows: Row[] = (data?.me.enrollments ?? []).map((e) => ({ ...e, detail: data?.details.find((d) => d.id === e.id) }));

  return (
    <Flex vertical gap={16}>
      <Card title={<span data-testid="page-title">{t('myEnrollment.title')}</span>} loading={loading && !data}>
        <Flex vertical gap={16}>
          <PersonalError cause={cause} error={error} />
          {data && !data.me.registered && <NotRegistered />}
          {person && (
            <Descriptions
              bordered
              size="small"
              column={{ xs: 1, sm: 1, md: 2 }}
              data-testid="my-person"
              items={[
                { key: 'name', label: t('registry.field.name'), children: <span data-testid="my-person-name">{person.name}</span> },
                { key: 'idNumber', label: t('registry.field.idNumber'), children: <span data-testid="my-person-id-number">{person.idNumber}</span> },
                { key: 'sex', label: t('registry.field.sex'), children: fieldValue('sex', person.sex) },
                { key: 'birthDate', label: t('registry.field.birthDate'), children: person.birthDate },
                { key: 'phone', label: t('registry.field.phone'), children: person.phone ?? '—' },
                { key: 'regionCode', label: t('registry.field.regionCode'), children: person.regionCode },
                { key: 'category', label: t('registry.field.category'), children: fieldValue('category', person.category) },
                { key: 'status', label: t('registry.field.status'), children: fieldValue('status', person.status) },
              ]}
            />
          )}
        </Flex>
      </Card>
      {data?.me.registered && (
        <Card title={t('myEnrollment.enrollments')}>
          <ResponsiveTable<Row>
            // its rows open to their history: a table on a phone too
            cards={false}
            data-testid="my-enrollments-table"
            rowKey="id"
            size="middle"
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('myEnrollment.none') }}
            expandable={{ expandedRowRender: (r) => <EnrollmentHistory detail={r.detail} />, rowExpandable: (r) => !!r.detail }}
            columns={[
              { ...nowrap, key: 'insuranceType', title: t('application.insuranceType'), dataIndex: 'insuranceType', render: (v: string) => types.label(v) },
              { ...nowrap, key: 'kind', title: t('myEnrollment.kind'), dataIndex: 'kind', render: (v: string) => tx(`enrollment.kind.${v}`, v) },
              { ...nowrap, key: 'unit', title: t('myEnrollment.unit'), render: (_: unknown, r: Row) => r.unit?.name ?? '—' },
              { ...nowrap, key: 'regionCode', title: t('application.regionCode'), dataIndex: 'regionCode' },
              { ...nowrap, key: 'fromMonth', title: t('application.fromMonth'), dataIndex: 'fromMonth' },
              {
                ...nowrap,
                key: 'status',
                title: t('myEnrollment.status'),
                dataIndex: 'status',
                render: (v: string, r: Row) => <EnrollmentStatusTag status={v} testId={`my-enrollment-status-${r.insuranceType}`} />,
              },
            ]}
          />
        </Card>
      )}
      {data?.me.registered && (
        <Card title={t('myEnrollment.identities')}>
          <ResponsiveTable<Identity>
            data-testid="my-identities-table"
            rowKey="id"
            size="small"
            dataSource={data.me.identities}
            pagination={false}
            locale={{ emptyText: t('myEnrollment.noIdentities') }}
            columns={[
              { ...nowrap, key: 'code', title: t('myEnrollment.identity'), dataIndex: 'code', render: (v: string) => tx(`identity.${v}`, v) },
              { ...nowrap, key: 'startDate', title: t('myEnrollment.startDate'), dataIndex: 'startDate' },
              { ...nowrap, key: 'endDate', title: t('myEnrollment.endDate'), dataIndex: 'endDate', render: (v: string | null) => v ?? t('myEnrollment.ongoing') },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}

/** An enrollment's dated status changes and the bases declared for it, year by year. */
function EnrollmentHistory({ detail }: { detail?: EnrollmentDetail }) {
  const { t, tx } = useI18n();
  if (!detail) return null;
  return (
    <Flex vertical gap={8}>
      <Typography.Text>
        {t('myEnrollment.changes')}
        {detail.changes.map((c) => `${c.month} ${tx(`enrollment.status.${c.status}`, c.status)}`).join(' → ') || '—'}
      </Typography.Text>
      {detail.wages.length > 0 && (
        <ResponsiveTable
          size="small"
          rowKey="year"
          pagination={false}
          dataSource={detail.wages}
          columns={[
            { ...nowrap, key: 'year', title: t('myEnrollment.year'), dataIndex: 'year' },
            { ...nowrap, key: 'declared', title: t('myEnrollment.declared'), dataIndex: 'declaredFen', align: 'right', render: (v: number) => yuan(v) },
            { ...nowrap, key: 'base', title: t('myEnrollment.base'), dataIndex: 'baseFen', align: 'right', render: (v: number) => yuan(v) },
            { ...nowrap, key: 'bounds', title: t('myEnrollment.bounds'), render: (_: unknown, w: EnrollmentDetail['wages'][number]) => `${yuan(w.lowerFen)} – ${yuan(w.upperFen)}` },
            { ...nowrap, key: 'applied', title: t('myEnrollment.applied'), dataIndex: 'applied', render: (v: string) => tx(`base.applied.${v}`, v) },
          ]}
        />
      )}
    </Flex>
  );
}
