/** 职工管理: the unit's employees; 增员 (a registered person from a month), 减员 (from a month), 基数申报 (a year's monthly wage). */
import { App, Button, Card, Descriptions, Drawer, Flex, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, type ItemOf } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { ListPage } from '../../components/ListPage';
import { usePagedList, useQuery } from '../../components/queries';
import { fenOf, MONTH_PATTERN, nextMonth, thisMonth, yuan } from '../../components/format';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { nowrap } from '../../components/table';
import { upperCase, useRules } from '../../forms';
import { MonthPicker } from '../../components/MonthPicker';
import { useI18n } from '../../i18n';
import { EnrollmentStatusTag } from '../personal/common';
import { loadUnitInfo, UnitError } from './common';

/** an employee of the unit, the person masked */
type Employee = ItemOf<'/api/v1/unit/employees'>;
const STATUSES: Employee['status'][] = ['active', 'suspended', 'removed'];

interface AddForm {
  idNumber: string;
  insuranceType: string;
  fromMonth: string;
}

interface RemoveForm {
  month: string;
}

interface WageForm {
  year: number;
  /** yuan as typed */
  monthlyWage: string;
}

export default function UnitEmployeesPage() {
  const { t, tx } = useI18n();
  const rules = useRules();
  const types = useInsuranceTypeLabels();
  const { message } = App.useApp();
  const info = useQuery(loadUnitInfo, null);
  const list = usePagedList('/api/v1/unit/employees');
  const { reload, setPage } = list;
  const [target, setTarget] = useState<Employee | null>(null);
  const [detailId, setDetailId] = useState<string | null>(null);

  // the insurance types the unit is enrolled in are the ones it can add employees to
  const unitTypes = (info.data?.enrollments ?? []).filter((e) => e.status === 'active').map((e) => e.insuranceType);
  const typeOptions = types.options(unitTypes.map((code) => ({ code })));

  const addModal = useFormModal<AddForm>(['idNumber', 'insuranceType', 'fromMonth'], async (v, { form, close }) => {
    const added = await api.post('/api/v1/unit/employees', { idNumber: v.idNumber.trim().toUpperCase(), insuranceType: v.insuranceType, fromMonth: v.fromMonth.trim() });
    message.success(t('employees.added', { name: added.person?.name ?? '' }));
    close();
    form.resetFields();
    setPage(1);
    await reload();
  });

  const removeModal = useFormModal<RemoveForm>(['month'], async (v, { close }) => {
    if (!target) return;
    await api.post('/api/v1/unit/employees/{id}/remove', { month: v.month.trim() }, { path: { id: target.id } });
    message.success(t('employees.removed'));
    close();
    await reload();
  });

  const wageModal = useFormModal<WageForm>(
    ['year', 'monthlyWage'],
    async (v, { close }) => {
      if (!target) return;
      const declared = await api.post(
        '/api/v1/unit/employees/{id}/wage-declarations',
        // the form checked the amount
        { year: v.year, monthlyWageFen: fenOf(v.monthlyWage) ?? 0 },
        { path: { id: target.id } },
      );
      message.success(t('employees.declared', { base: yuan(declared.baseFen), applied: tx(`base.applied.${declared.applied}`, declared.applied) }));
      close();
      await reload();
    },
    { monthlyWageFen: 'monthlyWage' },
  );

  const openAdd = () => {
    addModal.form.resetFields();
    addModal.form.setFieldsValue({ insuranceType: unitTypes[0], fromMonth: thisMonth() });
    addModal.show();
  };
  const openRemove = (e: Employee) => {
    setTarget(e);
    removeModal.form.resetFields();
    removeModal.form.setFieldsValue({ month: nextMonth(thisMonth()) });
    removeModal.show();
  };
  const openWage = (e: Employee) => {
    setTarget(e);
    wageModal.form.resetFields();
    wageModal.form.setFieldsValue({ year: new Date().getFullYear() });
    wageModal.show();
  };

  const who = target ? `${target.person?.name ?? ''} ${target.person?.idNumber ?? ''} · ${types.label(target.insuranceType)}` : '';

  return (
    <Card
      title={<span data-testid="page-title">{t('employees.title')}</span>}
      extra={
        <Button type="primary" onClick={openAdd} disabled={!info.data} data-testid="employee-add">
          {t('employees.add')}
        </Button>
      }
    >
      <ListPage
        list={list}
        testId="employees-table"
        header={
          <>
            <UnitError cause={info.cause} error={info.error} />
            {info.data && unitTypes.length === 0 && <Typography.Text type="warning" data-testid="employees-no-enrollment">{t('employees.noUnitEnrollment')}</Typography.Text>}
          </>
        }
        filters={[
          { type: 'select', name: 'status', testId: 'employees-status-filter', label: t('myEnrollment.status'), options: STATUSES.map((s) => ({ value: s, label: tx(`enrollment.status.${s}`, s) })) },
          { type: 'select', name: 'insuranceType', testId: 'employees-type-filter', label: t('application.insuranceType'), width: 260, options: typeOptions },
        ]}
        refreshTestId="employees-refresh"
        // the unit's record failing says why already
        renderError={(error, cause) => (info.error === null ? <UnitError cause={cause} error={error} /> : null)}
        columns={[
          { ...nowrap, key: 'name', title: t('field.name'), render: (_: unknown, r: Employee) => r.person?.name ?? '—' },
          { ...nowrap, key: 'idNumber', title: t('field.idNumber'), render: (_: unknown, r: Employee) => r.person?.idNumber ?? '—' },
          { ...nowrap, key: 'insuranceType', title: t('application.insuranceType'), dataIndex: 'insuranceType', render: (v: string) => types.label(v) },
          { ...nowrap, key: 'fromMonth', title: t('application.fromMonth'), dataIndex: 'fromMonth' },
          { ...nowrap, key: 'status', title: t('myEnrollment.status'), dataIndex: 'status', render: (v: string, r: Employee) => <EnrollmentStatusTag status={v} testId={`employee-status-${r.id}`} /> },
          {
            ...nowrap,
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, r: Employee) => (
              <Space>
                <Typography.Link onClick={() => setDetailId(r.id)} data-testid={`employee-detail-${r.id}`}>
                  {t('review.detail')}
                </Typography.Link>
                {r.status !== 'removed' && (
                  <Typography.Link onClick={() => openWage(r)} data-testid={`employee-wage-${r.id}`}>
                    {t('employees.declare')}
                  </Typography.Link>
                )}
                {r.status !== 'removed' && (
                  <Typography.Link type="danger" onClick={() => openRemove(r)} data-testid={`employee-remove-${r.id}`}>
                    {t('employees.remove')}
                  </Typography.Link>
                )}
              </Space>
            ),
          },
        ]}
      />
      <FormModal modal={addModal} title={t('employees.add')} name="employee-add" submitTestId="employee-add-submit" forceRender>
        <Form.Item name="idNumber" label={t('field.idNumber')} getValueFromEvent={upperCase} rules={[rules.required('field.idNumber'), rules.idNumber]} extra={t('employees.idHint')}>
          <Input data-testid="employee-id-number" maxLength={18} autoComplete="off" aria-label={t('field.idNumber')} />
        </Form.Item>
        <Form.Item name="insuranceType" label={t('application.insuranceType')} rules={[rules.requiredSelect('application.insuranceType')]}>
          <Select data-testid="employee-insurance-type" aria-label={t('application.insuranceType')} options={typeOptions} />
        </Form.Item>
        <Form.Item name="fromMonth" label={t('application.fromMonth')} rules={[rules.required('application.fromMonth'), { pattern: MONTH_PATTERN, message: t('policy.monthFormat') }]}>
          <MonthPicker testId="employee-from-month" label={t('application.fromMonth')} />
        </Form.Item>
      </FormModal>
      <FormModal modal={removeModal} title={`${t('employees.remove')} · ${who}`} name="employee-remove" submitTestId="employee-remove-submit" forceRender>
        <Form.Item name="month" label={t('employees.removeFrom')} extra={t('employees.removeHint')} rules={[rules.required('employees.removeFrom'), { pattern: MONTH_PATTERN, message: t('policy.monthFormat') }]}>
          <MonthPicker testId="employee-remove-month" label={t('employees.removeFrom')} />
        </Form.Item>
      </FormModal>
      <FormModal modal={wageModal} title={`${t('employees.declare')} · ${who}`} name="employee-wage" submitTestId="employee-wage-submit" forceRender>
        <Form.Item name="year" label={t('myEnrollment.year')} rules={[rules.requiredSelect('myEnrollment.year')]}>
          <InputNumber data-testid="employee-wage-year" min={1990} max={2100} precision={0} style={{ width: 160 }} aria-label={t('myEnrollment.year')} />
        </Form.Item>
        <Form.Item
          name="monthlyWage"
          label={t('employees.monthlyWage')}
          extra={t('employees.wageHint')}
          rules={[
            rules.required('employees.monthlyWage'),
            { validator: (_r, value: unknown) => (value === undefined || value === '' || fenOf(String(value)) !== null ? Promise.resolve() : Promise.reject(new Error(t('apply.amountFormat')))) },
          ]}
        >
          <Input data-testid="employee-wage-amount" maxLength={12} inputMode="decimal" autoComplete="off" prefix="¥" aria-label={t('employees.monthlyWage')} />
        </Form.Item>
      </FormModal>
      <Drawer open={detailId !== null} onClose={() => setDetailId(null)} size={640} title={t('employees.detail')} destroyOnHidden>
        {detailId && <EmployeeDetail id={detailId} />}
      </Drawer>
    </Card>
  );
}

function EmployeeDetail({ id }: { id: string }) {
  const { t, tx } = useI18n();
  const types = useInsuranceTypeLabels();
  const { data, error, cause } = useQuery(
    useCallback(() => api.get('/api/v1/unit/employees/{id}', { path: { id } }), [id]),
    null,
  );
  if (error !== null) return <UnitError cause={cause} error={error} />;
  if (!data) return <Typography.Text type="secondary">{t('app.loading')}</Typography.Text>;
  return (
    <Flex vertical gap={16} data-testid="employee-detail">
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'name', label: t('field.name'), children: data.person?.name ?? '—' },
          { key: 'idNumber', label: t('field.idNumber'), children: data.person?.idNumber ?? '—' },
          { key: 'insuranceType', label: t('application.insuranceType'), children: types.label(data.insuranceType) },
          { key: 'fromMonth', label: t('application.fromMonth'), children: data.fromMonth },
          { key: 'status', label: t('myEnrollment.status'), children: <EnrollmentStatusTag status={data.status} /> },
          {
            key: 'changes',
            label: t('employees.changes'),
            children: data.changes.map((c) => `${c.month} ${tx(`enrollment.status.${c.status}`, c.status)}`).join(' → ') || '—',
          },
        ]}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('employees.wages')}
      </Typography.Title>
      <Table
        data-testid="employee-wages-table"
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={data.wages}
        columns={[
          { ...nowrap, key: 'year', title: t('myEnrollment.year'), dataIndex: 'year' },
          { ...nowrap, key: 'declared', title: t('myEnrollment.declared'), dataIndex: 'declaredFen', align: 'right', render: (v: number) => yuan(v) },
          { ...nowrap, key: 'base', title: t('myEnrollment.base'), dataIndex: 'baseFen', align: 'right', render: (v: number) => yuan(v) },
          { ...nowrap, key: 'applied', title: t('myEnrollment.applied'), dataIndex: 'applied', render: (v: string) => tx(`base.applied.${v}`, v) },
        ]}
      />
    </Flex>
  );
}
