/** 单位信息: the unit's registry record and its enrollments; the agent changes the name (the registry keeps the history; the legal representative is changed at the agency). */
import { App, Button, Card, Descriptions, Flex, Form, Input, Table } from 'antd';
import { api, ApiError } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { useQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { nowrap } from '../../components/table';
import { useRules } from '../../forms';
import { RegionName } from '../../components/RegionCascader';
import { useI18n } from '../../i18n';
import { EnrollmentStatusTag } from '../personal/common';
import { loadUnitInfo, UnitError, type UnitEnrollment } from './common';
import { UnitFirstVisit } from './FirstVisit';

interface EditForm {
  name: string;
}

export default function UnitInfoPage() {
  const { t, tx, lang } = useI18n();
  const rules = useRules();
  const types = useInsuranceTypeLabels();
  const { message } = App.useApp();
  const { data, loading, error, cause, reload } = useQuery(loadUnitInfo, null);

  const editModal = useFormModal<EditForm>(['name'], async (v, { form, close }) => {
    if (!data) return;
    // only what was changed, with the version read: a change by someone else since is a 409
    const body = { version: data.entity.version, ...(v.name.trim() !== data.entity.name ? { name: v.name.trim() } : {}) };
    try {
      const answer = await api.patch('/api/v1/unit/info', body);
      message.success(answer.changed ? t('unitInfo.saved') : t('unitInfo.unchanged'));
      close();
      form.resetFields();
    } catch (e) {
      // someone else changed the record since it was read: show theirs, keep the form open
      if (e instanceof ApiError && e.status === 409) await reload();
      throw e;
    }
    await reload();
  });

  const openEdit = () => {
    if (!data) return;
    editModal.form.resetFields();
    editModal.form.setFieldsValue({ name: data.entity.name });
    editModal.show();
  };

  const entity = data?.entity;
  const editable = new Set(data?.editableFields ?? []);

  return (
    <Flex vertical gap={16}>
      <Card
        title={<span data-testid="page-title">{t('unitInfo.title')}</span>}
        loading={loading && !data}
        extra={
          entity && editable.size > 0 ? (
            <Button type="primary" onClick={openEdit} data-testid="unit-info-edit">
              {t('unitInfo.edit')}
            </Button>
          ) : null
        }
      >
        {/* not in the registry yet: the online application instead of a notice sending the agent to a counter */}
        {cause instanceof ApiError && cause.code === 'unit.not_registered' ? <UnitFirstVisit /> : <UnitError cause={cause} error={error} />}
        {entity && (
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 1, md: 2 }}
            data-testid="unit-info"
            items={[
              { key: 'name', label: t('field.unitName'), children: <span data-testid="unit-info-name">{entity.name}</span> },
              { key: 'creditCode', label: t('field.creditCode'), children: <span data-testid="unit-info-credit-code">{entity.creditCode}</span> },
              { key: 'type', label: t('unitInfo.type'), children: tx(`entityType.${entity.type}`, entity.type) },
              { key: 'regionCode', label: t('registry.field.regionCode'), children: <RegionName code={entity.regionCode} /> },
              { key: 'legalRepName', label: t('unitInfo.legalRepName'), children: <span data-testid="unit-info-legal-rep">{entity.legalRepresentative.name || '—'}</span> },
              { key: 'legalRepIdNumber', label: t('unitInfo.legalRepIdNumber'), children: entity.legalRepresentative.idNumber ?? '—' },
              { key: 'status', label: t('registry.field.status'), children: tx(`registry.status.${entity.status}`, entity.status) },
              { key: 'updatedAt', label: t('registry.updatedAt'), children: formatTime(entity.updatedAt, lang) },
            ]}
          />
        )}
      </Card>
      {data && (
        <Card title={t('unitInfo.enrollments')}>
          <Table<UnitEnrollment>
            data-testid="unit-enrollments-table"
            rowKey="id"
            size="small"
            dataSource={data.enrollments}
            pagination={false}
            locale={{ emptyText: t('unitInfo.noEnrollments') }}
            columns={[
              { ...nowrap, key: 'insuranceType', title: t('application.insuranceType'), dataIndex: 'insuranceType', render: (v: string) => types.label(v) },
              { ...nowrap, key: 'regionCode', title: t('application.regionCode'), dataIndex: 'regionCode', render: (v: string) => <RegionName code={v} /> },
              { ...nowrap, key: 'fromMonth', title: t('application.fromMonth'), dataIndex: 'fromMonth' },
              { ...nowrap, key: 'status', title: t('myEnrollment.status'), dataIndex: 'status', render: (v: string) => <EnrollmentStatusTag status={v} /> },
            ]}
          />
        </Card>
      )}
      <FormModal modal={editModal} title={t('unitInfo.edit')} name="unit-info" submitTestId="unit-info-submit" forceRender>
        {editable.has('name') && (
          <Form.Item name="name" label={t('field.unitName')} rules={[rules.required('field.unitName'), { min: 2, max: 100 }]}>
            <Input data-testid="unit-info-name-input" maxLength={100} autoComplete="off" aria-label={t('field.unitName')} />
          </Form.Item>
        )}
      </FormModal>
    </Flex>
  );
}
