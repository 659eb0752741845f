/**
 * 单位首次申办: a unit the registry does not hold yet applies for 单位参保登记 online. The name and
 * credit code are the unit's as registered and the agent is its legal representative (the server
 * takes them from the account, never from the form); the form asks only what the platform does not
 * know: the unit's type, region, address, the insurance type and the first month. The clerk of the
 * region approves it in the review page, and the unit hall opens.
 */
import { App, Button, Card, Empty, Form, Input, List, Select, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { api, applyFormError, errorMessage, type BodyOf } from '../../api';
import { nextMonth, thisMonth } from '../../components/format';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { MonthPicker } from '../../components/MonthPicker';
import { RegionCascader, RegionName } from '../../components/RegionCascader';
import { formatTime } from '../../components/Tags';
import { useQuery } from '../../components/queries';
import { useRules } from '../../forms';
import { useI18n } from '../../i18n';

type Application = BodyOf<'/api/v1/unit/applications', 'post'>;

const ENTITY_TYPES = ['enterprise', 'public_institution', 'government', 'social_org', 'individual_business', 'other'] as const;
const loadApplications = () => api.get('/api/v1/unit/applications', { query: { page: 1, pageSize: 20 } });

export function UnitFirstVisit() {
  const { t, tx, lang } = useI18n();
  const rules = useRules();
  const types = useInsuranceTypeLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Application>();
  const applications = useQuery(loadApplications, null);
  const pending = applications.data?.items.filter((a) => a.status === 'submitted') ?? [];

  const submit = useCallback(
    async (v: Application) => {
      await api.post('/api/v1/unit/applications', { ...v, address: v.address.trim() });
      message.success(t('unitApply.submitted'));
      form.resetFields();
      await applications.reload();
    },
    [applications, form, message, t],
  );

  return (
    <Card title={<span data-testid="unit-apply-title">{t('unitApply.title')}</span>} data-testid="unit-first-visit">
      <Typography.Paragraph>{t('unitApply.hint')}</Typography.Paragraph>
      {applications.data && applications.data.items.length > 0 && (
        <List
          size="small"
          header={t('unitApply.mine')}
          dataSource={applications.data.items}
          renderItem={(a) => (
            <List.Item key={a.id} data-testid={`unit-application-${a.id}`} extra={<Tag data-testid={`unit-application-status-${a.id}`}>{tx(`application.status.${a.status}`, a.status)}</Tag>}>
              <List.Item.Meta title={types.label(a.insuranceType)} description={`${a.fromMonth} · ${formatTime(a.submittedAt, lang)}`} />
              {a.regionCode && <RegionName code={a.regionCode} />}
            </List.Item>
          )}
        />
      )}
      {applications.data && pending.length === 0 && (
        <Form<Application>
          form={form}
          layout="vertical"
          style={{ maxWidth: 520, marginTop: 16 }}
          initialValues={{ type: 'enterprise', fromMonth: nextMonth(thisMonth()) }}
          onFinish={(v) =>
            void submit(v).catch((e: unknown) => {
              if (!applyFormError(form, e, ['type', 'regionCode', 'address', 'insuranceType', 'fromMonth'])) message.error(errorMessage(e));
            })
          }
        >
          <Form.Item name="type" label={t('unitInfo.type')} rules={[rules.requiredSelect('unitInfo.type')]}>
            <Select data-testid="unit-apply-type" aria-label={t('unitInfo.type')} options={ENTITY_TYPES.map((v) => ({ value: v, label: tx(`entityType.${v}`, v) }))} />
          </Form.Item>
          <Form.Item name="regionCode" label={t('registry.field.regionCode')} rules={[rules.requiredSelect('registry.field.regionCode')]}>
            <RegionCascader testId="unit-apply-region" label={t('registry.field.regionCode')} />
          </Form.Item>
          <Form.Item name="address" label={t('unitApply.address')} rules={[rules.required('unitApply.address'), { max: 200 }]}>
            <Input data-testid="unit-apply-address" maxLength={200} aria-label={t('unitApply.address')} />
          </Form.Item>
          <Form.Item name="insuranceType" label={t('application.insuranceType')} rules={[rules.requiredSelect('application.insuranceType')]}>
            <Select data-testid="unit-apply-insurance-type" aria-label={t('application.insuranceType')} options={types.admitting('employee')} />
          </Form.Item>
          <Form.Item name="fromMonth" label={t('application.fromMonth')} rules={[rules.requiredSelect('application.fromMonth')]}>
            <MonthPicker testId="unit-apply-from-month" label={t('application.fromMonth')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="unit-apply-submit" block>
            {t('unitApply.submit')}
          </Button>
        </Form>
      )}
      {applications.data && pending.length > 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('unitApply.pending')} />}
    </Card>
  );
}
