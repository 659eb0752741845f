/**
 * 参保申请: the person applies to enrol as a flexible worker (choosing a monthly base) or a resident,
 * or to suspend their flexible-worker payment; lists their applications and withdraws one before review.
 * A person the registry does not hold yet makes a first visit (首次申办) here: enrollment only, with the
 * household region chosen and an address; the rest of the registry record comes from their verified account.
 */
import { Alert, App, Button, Card, Drawer, Form, Input, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage, type BodyOf } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { ListPage } from '../../components/ListPage';
import { usePagedList, useQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { fenOf, MONTH_PATTERN, nextMonth, thisMonth, yuan } from '../../components/format';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { nowrap } from '../../components/table';
import { useRules } from '../../forms';
import { MonthPicker } from '../../components/MonthPicker';
import { useI18n } from '../../i18n';
import { PERSON_APPLICATION_KINDS, APPLICATION_STATUSES, ApplicationDescriptions, ApplicationStatusTag, type Application, type ApplicationKind } from '../enrollment/common';
import { PersonalError } from './common';

/** what a person applies for (单位参保登记 is the unit hall's) */
type PersonKind = Exclude<ApplicationKind, 'unit_enrollment'>;

interface ApplyForm {
  kind: PersonKind;
  insuranceType?: string;
  regionCode?: string;
  fromMonth: string;
  /** yuan as typed */
  monthlyBase?: string;
  employmentId?: string;
  reason?: string;
  /** 首次申办 only */
  address?: string;
}

/** what each kind's first insurance type is, as a person usually applies */
const DEFAULT_TYPE: Partial<Record<ApplicationKind, string>> = { flexible_enrollment: '310', resident_enrollment: '390' };

const loadContext = async () => {
  const [me, enrollments, regions] = await Promise.all([
    api.get('/api/v1/personal/me'),
    api.get('/api/v1/personal/enrollments').then((page) => page.items, () => []),
    api.get('/api/v1/personal/regions').catch(() => []),
  ]);
  return { me, enrollments, regions };
};

export default function PersonalApplicationsPage() {
  const { t, tx, lang } = useI18n();
  const rules = useRules();
  const types = useInsuranceTypeLabels();
  const { message } = App.useApp();
  const [detail, setDetail] = useState<Application | null>(null);
  const context = useQuery(loadContext, null);
  const list = usePagedList('/api/v1/personal/applications');
  const { reload, setPage } = list;

  const applyModal = useFormModal<ApplyForm>(
    ['kind', 'insuranceType', 'regionCode', 'fromMonth', 'monthlyBase', 'employmentId', 'reason', 'address'],
    async (v, { form, close }) => {
      const body: BodyOf<'/api/v1/personal/applications', 'post'> =
        v.kind === 'flexible_suspension'
          ? { kind: v.kind, employmentId: v.employmentId, fromMonth: v.fromMonth.trim(), reason: v.reason?.trim() }
          : {
              kind: v.kind,
              insuranceType: v.insuranceType,
              regionCode: v.regionCode?.trim(),
              fromMonth: v.fromMonth.trim(),
              // the form checked the amount
              ...(v.kind === 'flexible_enrollment' ? { monthlyBaseFen: fenOf(v.monthlyBase) ?? undefined } : {}),
              ...(firstVisit ? { address: v.address?.trim() } : {}),
            };
      await api.post('/api/v1/personal/applications', body);
      message.success(t('apply.submitted'));
      close();
      form.resetFields();
      setPage(1);
      await reload();
    },
    { monthlyBaseFen: 'monthlyBase' },
  );
  const kind = Form.useWatch('kind', applyModal.form);

  /** 首次申办: the registry does not hold the person yet */
  const firstVisit = context.data !== null && !context.data.me.registered;
  const kinds = firstVisit ? PERSON_APPLICATION_KINDS.filter((k) => k !== 'flexible_suspension') : PERSON_APPLICATION_KINDS;
  const regions = (context.data?.regions ?? []).map((r) => ({ value: r.regionCode, label: `${r.name} (${r.regionCode})` }));
  const flexibleEnrollments = (context.data?.enrollments ?? []).filter((e) => e.kind === 'flexible' && e.status === 'active');

  const openApply = () => {
    applyModal.form.resetFields();
    applyModal.form.setFieldsValue({
      // a newcomer most often enrols as a resident
      kind: firstVisit ? 'resident_enrollment' : 'flexible_enrollment',
      insuranceType: firstVisit ? DEFAULT_TYPE.resident_enrollment : DEFAULT_TYPE.flexible_enrollment,
      regionCode: context.data?.me.person?.regionCode,
      fromMonth: nextMonth(thisMonth()),
    });
    applyModal.show();
  };

  const withdraw = async (a: Application) => {
    try {
      await api.post('/api/v1/personal/applications/{id}/withdraw', {}, { path: { id: a.id } });
      message.success(t('apply.withdrawn'));
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Card
      title={<span data-testid="page-title">{t('apply.title')}</span>}
      extra={
        <Button type="primary" onClick={openApply} disabled={list.error !== null} data-testid="apply-new">
          {t('apply.new')}
        </Button>
      }
    >
      <ListPage
        list={list}
        testId="apply-table"
        header={
          <>
            <Typography.Text type="secondary">{t('apply.hint')}</Typography.Text>
            {firstVisit && <Alert type="info" showIcon title={t('personal.notRegistered')} description={t('firstVisit.howTo')} data-testid="personal-not-registered" />}
          </>
        }
        filters={[
          { type: 'select', name: 'status', testId: 'apply-status-filter', label: t('application.status'), options: APPLICATION_STATUSES.map((s) => ({ value: s, label: tx(`application.status.${s}`, s) })) },
        ]}
        refreshTestId="apply-refresh"
        renderError={(error, cause) => <PersonalError cause={cause} error={error} />}
        columns={[
          { ...nowrap, key: 'submittedAt', title: t('application.submittedAt'), dataIndex: 'submittedAt', render: (v: string) => formatTime(v, lang) },
          { ...nowrap, key: 'kind', title: t('application.kind'), dataIndex: 'kind', render: (v: string) => tx(`application.kind.${v}`, v) },
          { ...nowrap, key: 'insuranceType', title: t('application.insuranceType'), dataIndex: 'insuranceType', render: (v: string) => types.label(v) },
          { ...nowrap, key: 'fromMonth', title: t('application.fromMonth'), dataIndex: 'fromMonth' },
          { ...nowrap, key: 'base', title: t('application.monthlyBase'), dataIndex: 'monthlyBaseFen', align: 'right', render: (v: number | null) => (v === null ? '—' : yuan(v)) },
          { ...nowrap, key: 'status', title: t('application.status'), dataIndex: 'status', render: (v: string, r: Application) => <ApplicationStatusTag status={v} testId={`apply-status-${r.id}`} /> },
          { key: 'note', title: t('application.reviewNote'), render: (_: unknown, r: Application) => r.review?.note ?? '' },
          {
            ...nowrap,
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, r: Application) => (
              <Space>
                <Typography.Link onClick={() => setDetail(r)} data-testid={`apply-detail-${r.id}`}>
                  {t('review.detail')}
                </Typography.Link>
                {r.status === 'submitted' && (
                  <Popconfirm
                    title={t('apply.withdrawConfirm')}
                    onConfirm={() => withdraw(r)}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ 'data-testid': `apply-withdraw-confirm-${r.id}` }}
                  >
                    <Typography.Link type="danger" data-testid={`apply-withdraw-${r.id}`}>
                      {t('apply.withdraw')}
                    </Typography.Link>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Drawer open={detail !== null} onClose={() => setDetail(null)} size={560} title={t('review.detailTitle')} destroyOnHidden>
        {detail && <ApplicationDescriptions application={detail} />}
      </Drawer>
      <FormModal modal={applyModal} title={t('apply.new')} name="apply" submitTestId="apply-submit" forceRender>
        <Form.Item name="kind" label={t('application.kind')} rules={[rules.requiredSelect('application.kind')]}>
          <Select
            data-testid="apply-kind"
            aria-label={t('application.kind')}
            options={kinds.map((k) => ({ value: k, label: tx(`application.kind.${k}`, k) }))}
            onChange={(k: ApplicationKind) => {
              const type = DEFAULT_TYPE[k];
              if (type) applyModal.form.setFieldsValue({ insuranceType: type });
            }}
          />
        </Form.Item>
        {kind === 'flexible_suspension' ? (
          <>
            <Form.Item
              name="employmentId"
              label={t('apply.enrollment')}
              rules={[rules.requiredSelect('apply.enrollment')]}
              extra={flexibleEnrollments.length ? undefined : t('apply.noFlexible')}
            >
              <Select
                data-testid="apply-employment"
                aria-label={t('apply.enrollment')}
                options={flexibleEnrollments.map((e) => ({ value: e.id, label: `${types.label(e.insuranceType)} · ${e.regionCode} · ${e.fromMonth}` }))}
              />
            </Form.Item>
            <Form.Item name="fromMonth" label={t('application.suspendFrom')} rules={[rules.required('application.suspendFrom'), { pattern: MONTH_PATTERN, message: t('policy.monthFormat') }]}>
              <MonthPicker testId="apply-from-month" label={t('application.suspendFrom')} />
            </Form.Item>
            <Form.Item name="reason" label={t('application.reason')} rules={[rules.required('application.reason'), { max: 200 }]}>
              <Input.TextArea data-testid="apply-reason" maxLength={200} rows={3} aria-label={t('application.reason')} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="insuranceType" label={t('application.insuranceType')} rules={[rules.requiredSelect('application.insuranceType')]}>
              <Select
                data-testid="apply-insurance-type"
                aria-label={t('application.insuranceType')}
                options={types.admitting(kind === 'resident_enrollment' ? 'resident' : 'flexible')}
              />
            </Form.Item>
            {firstVisit && <Alert type="info" showIcon title={t('firstVisit.carried')} data-testid="apply-first-visit" style={{ marginBottom: 16 }} />}
            <Form.Item
              name="regionCode"
              label={t(firstVisit ? 'firstVisit.region' : 'application.regionCode')}
              extra={t(firstVisit ? 'firstVisit.regionHint' : 'apply.regionHint')}
              rules={[rules.requiredSelect(firstVisit ? 'firstVisit.region' : 'application.regionCode')]}
            >
              <Select data-testid="apply-region" aria-label={t(firstVisit ? 'firstVisit.region' : 'application.regionCode')} options={regions} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
            {firstVisit && (
              <Form.Item name="address" label={t('firstVisit.address')} rules={[rules.required('firstVisit.address'), { max: 200 }]}>
                <Input data-testid="apply-address" maxLength={200} autoComplete="street-address" aria-label={t('firstVisit.address')} />
              </Form.Item>
            )}
            <Form.Item name="fromMonth" label={t('application.fromMonth')} rules={[rules.required('application.fromMonth'), { pattern: MONTH_PATTERN, message: t('policy.monthFormat') }]}>
              <MonthPicker testId="apply-from-month" label={t('application.fromMonth')} />
            </Form.Item>
            {kind === 'flexible_enrollment' && (
              <Form.Item
                name="monthlyBase"
                label={t('application.monthlyBase')}
                extra={t('apply.baseHint')}
                rules={[
                  rules.required('application.monthlyBase'),
                  { validator: (_r, value: unknown) => (value === undefined || value === '' || fenOf(String(value)) !== null ? Promise.resolve() : Promise.reject(new Error(t('apply.amountFormat')))) },
                ]}
              >
                <Input data-testid="apply-base" maxLength={12} inputMode="decimal" autoComplete="off" prefix="¥" aria-label={t('application.monthlyBase')} />
              </Form.Item>
            )}
          </>
        )}
      </FormModal>
    </Card>
  );
}
