/**
 * 法人 the legal entities of the clerk's regions (src/centers/registry): the list (by credit code and
 * status), one entity with its unit enrollments, 新增法人 registering one, and 单位参保登记 enrolling it
 * in an insurance type that admits employees (src/centers/enrollment units.ts).
 */
import { App, Button, Card, Descriptions, Drawer, Flex, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, type BodyOf, type ItemOf } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { ListPage } from '../../components/ListPage';
import { usePagedList, useQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { MONTH_PATTERN, nextMonth, thisMonth } from '../../components/format';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { nowrap } from '../../components/table';
import { upperCase, useRules } from '../../forms';
import { MonthPicker } from '../../components/MonthPicker';
import { RegionCascader, RegionName } from '../../components/RegionCascader';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { RegistryStatusTag } from './common';

type Entity = ItemOf<'/api/v1/registry/entities'>;
type UnitEnrollment = ItemOf<'/api/v1/enrollment/units'>;
type CreateBody = BodyOf<'/api/v1/registry/entities', 'post'>;

/** src/centers/registry/rules.ts ENTITY_TYPE_CODES */
const ENTITY_TYPES: CreateBody['type'][] = ['enterprise', 'public_institution', 'government', 'social_org', 'individual_business', 'other'];

interface CreateForm {
  creditCode: string;
  name: string;
  type: CreateBody['type'];
  regionCode: string;
  legalRepName: string;
  legalRepIdNumber?: string;
}

interface EnrollForm {
  insuranceType: string;
  fromMonth: string;
}

export default function EntitiesPage() {
  const { t, tx } = useI18n();
  const rules = useRules();
  const types = useInsuranceTypeLabels();
  const { message } = App.useApp();
  const { permissions } = useSession();
  const canManage = permissions.has('registry.manage');
  const canEnroll = permissions.has('enrollment.manage');
  const list = usePagedList('/api/v1/registry/entities');
  const [detail, setDetail] = useState<Entity | null>(null);
  const [enrolling, setEnrolling] = useState<Entity | null>(null);
  const [enrolledVersion, setEnrolledVersion] = useState(0);

  const createModal = useFormModal<CreateForm>(['creditCode', 'name', 'type', 'regionCode', 'legalRepName', 'legalRepIdNumber'], async (v, { form, close }) => {
    const created = await api.post('/api/v1/registry/entities', {
      creditCode: v.creditCode.trim(),
      name: v.name.trim(),
      type: v.type,
      regionCode: v.regionCode,
      legalRepName: v.legalRepName.trim(),
      ...(v.legalRepIdNumber?.trim() ? { legalRepIdNumber: v.legalRepIdNumber.trim() } : {}),
    });
    message.success(t('entities.created', { name: created.name }));
    close();
    form.resetFields();
    list.setPage(1);
    await list.reload();
  });

  const enrollModal = useFormModal<EnrollForm>(['insuranceType', 'fromMonth'], async (v, { form, close }) => {
    if (!enrolling) return;
    await api.post('/api/v1/enrollment/units', { entityId: enrolling.id, insuranceType: v.insuranceType, fromMonth: v.fromMonth.trim() });
    message.success(t('entities.enrolled', { name: enrolling.name }));
    close();
    form.resetFields();
    setEnrolledVersion((n) => n + 1);
  });

  const openEnroll = (entity: Entity) => {
    setEnrolling(entity);
    enrollModal.form.resetFields();
    enrollModal.form.setFieldsValue({ fromMonth: nextMonth(thisMonth()) });
    enrollModal.show();
  };

  return (
    <Card
      title={<span data-testid="page-title">{t('entities.title')}</span>}
      extra={
        canManage && (
          <Button type="primary" onClick={() => (createModal.form.resetFields(), createModal.show())} data-testid="entity-new">
            {t('entities.new')}
          </Button>
        )
      }
    >
      <ListPage
        list={list}
        testId="entities-table"
        header={<Typography.Text type="secondary">{t('entities.hint')}</Typography.Text>}
        filters={[
          { type: 'search', name: 'creditCode', testId: 'entities-credit-code-filter', label: t('field.creditCode'), placeholder: t('field.creditCode'), maxLength: 18 },
          { type: 'select', name: 'status', testId: 'entities-status-filter', label: t('registry.field.status'), width: 140, options: ['active', 'cancelled'].map((s) => ({ value: s, label: tx(`registry.status.${s}`, s) })) },
        ]}
        refreshTestId="entities-refresh"
        errorTestId="entities-error"
        columns={[
          { ...nowrap, key: 'creditCode', title: t('field.creditCode'), dataIndex: 'creditCode' },
          { key: 'name', title: t('field.unitName'), dataIndex: 'name' },
          { ...nowrap, key: 'type', title: t('unitInfo.type'), dataIndex: 'type', render: (v: string) => tx(`entityType.${v}`, v) },
          { ...nowrap, key: 'regionCode', title: t('registry.field.regionCode'), dataIndex: 'regionCode', render: (v: string) => <RegionName code={v} /> },
          { ...nowrap, key: 'status', title: t('registry.field.status'), dataIndex: 'status', render: (v: string, r: Entity) => <RegistryStatusTag status={v} testId={`entity-status-${r.id}`} /> },
          {
            ...nowrap,
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, r: Entity) => (
              <Space>
                <Typography.Link onClick={() => setDetail(r)} data-testid={`entity-open-${r.id}`}>
                  {t('review.detail')}
                </Typography.Link>
                {canEnroll && r.status === 'active' && (
                  <Typography.Link onClick={() => openEnroll(r)} data-testid={`entity-enroll-${r.id}`}>
                    {t('entities.enroll')}
                  </Typography.Link>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Drawer open={detail !== null} onClose={() => setDetail(null)} size={640} title={t('entities.detail')} destroyOnHidden>
        {/* keyed by the enrollments made from the list, so that it reads them again */}
        {detail && <EntityDetail key={`${detail.id}-${enrolledVersion}`} entity={detail} />}
      </Drawer>
      <FormModal modal={createModal} title={t('entities.new')} name="entity-create" submitTestId="entity-create-submit" forceRender>
        <Form.Item name="creditCode" label={t('field.creditCode')} getValueFromEvent={upperCase} rules={[rules.required('field.creditCode'), rules.creditCode]}>
          <Input data-testid="entity-credit-code" maxLength={18} autoComplete="off" aria-label={t('field.creditCode')} />
        </Form.Item>
        <Form.Item name="name" label={t('field.unitName')} rules={[rules.required('field.unitName'), { max: 100 }]}>
          <Input data-testid="entity-name" maxLength={100} autoComplete="off" aria-label={t('field.unitName')} />
        </Form.Item>
        <Form.Item name="type" label={t('unitInfo.type')} rules={[rules.requiredSelect('unitInfo.type')]}>
          <Select data-testid="entity-type" aria-label={t('unitInfo.type')} options={ENTITY_TYPES.map((ty) => ({ value: ty, label: tx(`entityType.${ty}`, ty) }))} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('registry.field.regionCode')} rules={[rules.requiredSelect('registry.field.regionCode'), rules.regionCode]}>
          <RegionCascader testId="entity-region" label={t('registry.field.regionCode')} />
        </Form.Item>
        <Form.Item name="legalRepName" label={t('unitInfo.legalRepName')} rules={[rules.required('unitInfo.legalRepName'), { max: 50 }]}>
          <Input data-testid="entity-legal-rep-name" maxLength={50} autoComplete="off" aria-label={t('unitInfo.legalRepName')} />
        </Form.Item>
        <Form.Item name="legalRepIdNumber" label={t('unitInfo.legalRepIdNumber')} getValueFromEvent={upperCase} rules={[rules.idNumber]}>
          <Input data-testid="entity-legal-rep-id-number" maxLength={18} autoComplete="off" aria-label={t('unitInfo.legalRepIdNumber')} />
        </Form.Item>
      </FormModal>
      <FormModal modal={enrollModal} title={enrolling ? `${t('entities.enroll')} · ${enrolling.name}` : t('entities.enroll')} name="entity-enroll" submitTestId="entity-enroll-submit" forceRender>
        <Form.Item name="insuranceType" label={t('application.insuranceType')} extra={t('entities.enrollHint')} rules={[rules.requiredSelect('application.insuranceType')]}>
          <Select data-testid="entity-enroll-type" aria-label={t('application.insuranceType')} options={types.admitting('employee')} />
        </Form.Item>
        <Form.Item name="fromMonth" label={t('application.fromMonth')} rules={[rules.required('application.fromMonth'), { pattern: MONTH_PATTERN, message: t('policy.monthFormat') }]}>
          <MonthPicker testId="entity-enroll-from-month" label={t('application.fromMonth')} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

/** One entity's record and the insurance types it is enrolled in (单位参保). */
function EntityDetail({ entity: e }: { entity: Entity }) {
  const { t, tx, lang } = useI18n();
  const types = useInsuranceTypeLabels();
  const load = useCallback(() => api.get('/api/v1/enrollment/units', { query: { entityId: e.id, page: 1, pageSize: 100 } }).then((page) => page.items), [e.id]);
  const units = useQuery<UnitEnrollment[]>(load, []);
  return (
    <Flex vertical gap={16}>
      <Descriptions
        bordered
        size="small"
        column={1}
        data-testid="entity-detail"
        items={[
          { key: 'creditCode', label: t('field.creditCode'), children: <span data-testid="entity-detail-credit-code">{e.creditCode}</span> },
          { key: 'name', label: t('field.unitName'), children: e.name },
          { key: 'type', label: t('unitInfo.type'), children: tx(`entityType.${e.type}`, e.type) },
          { key: 'regionCode', label: t('registry.field.regionCode'), children: <RegionName code={e.regionCode} /> },
          { key: 'legalRep', label: t('unitInfo.legalRepName'), children: e.legalRepresentative.name },
          { key: 'legalRepId', label: t('unitInfo.legalRepIdNumber'), children: e.legalRepresentative.idNumber ?? '—' },
          { key: 'status', label: t('registry.field.status'), children: <RegistryStatusTag status={e.status} /> },
          { key: 'updatedAt', label: t('entities.updatedAt'), children: formatTime(e.updatedAt, lang) },
        ]}
      />
      <Typography.Title level={5}>{t('unitInfo.enrollments')}</Typography.Title>
      <Table<UnitEnrollment>
        data-testid="entity-units-table"
        rowKey="id"
        size="small"
        pagination={false}
        loading={units.loading}
        scroll={{ x: 'max-content' }}
        dataSource={units.data}
        locale={{ emptyText: t('entities.noEnrollments') }}
        columns={[
          { ...nowrap, key: 'insuranceType', title: t('application.insuranceType'), dataIndex: 'insuranceType', render: (v: string) => <span data-testid={`entity-unit-${v}`}>{types.label(v)}</span> },
          { ...nowrap, key: 'fromMonth', title: t('application.fromMonth'), dataIndex: 'fromMonth' },
          { ...nowrap, key: 'status', title: t('registry.field.status'), dataIndex: 'status', render: (v: string) => tx(`entities.unitStatus.${v}`, v) },
        ]}
      />
    </Flex>
  );
}
