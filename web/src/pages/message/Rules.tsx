/**
 * 推送规则 which business event sends which template over which channels, in which regions: the list
 * (event by name, template, channels, 逐级补发 fallback, region, on / off switched in place) and a
 * new rule: the event from the ones the message center follows, a template code, the channels, the
 * fallback and a region (every region, or a province / city / county picked by name, kept as its
 * code's prefix). The server checks the template exists on each channel and takes the event's
 * parameters; its 422 lands on the field it names.
 */
import { Alert, App, Button, Card, Checkbox, Flex, Form, Select, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage, type BodyOf, type ResponseOf } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { RegionCascader, RegionName } from '../../components/RegionCascader';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useQuery } from '../../components/queries';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { CHANNELS, channelKey } from './common';

type Rule = ResponseOf<'/api/v1/message/rules'>[number];
type RuleInput = BodyOf<'/api/v1/message/rules', 'post'>;
type RuleForm = Omit<RuleInput, 'regionPrefix'> & { region?: string };

const loadRules = () => api.get('/api/v1/message/rules');
const loadEvents = () => api.get('/api/v1/message/events');
const loadTemplates = () => api.get('/api/v1/message/templates');

/** a picked region's code as the rule's prefix: 410000 → 41 (the province), 411300 → 4113 (the city), a county whole */
const regionPrefix = (code: string) => (code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code);
/** a prefix as the region's code again, to name it */
const prefixRegion = (prefix: string) => prefix.padEnd(6, '0');

export default function MessageRulesPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { permissions } = useSession();
  const canManage = permissions.has('message.manage');
  const rules = useQuery(loadRules, []);
  const events = useQuery(loadEvents, []);
  const templates = useQuery(loadTemplates, []);
  const [switching, setSwitching] = useState<string | null>(null);
  const codes = [...new Set(templates.data.map((tpl) => tpl.code))];

  const modal = useFormModal<RuleForm>(['event', 'templateCode', 'channels', 'fallback', 'region'], async ({ region, ...values }, { form, close }) => {
    // no region: the prefix left out, the rule then serves every region
    const rule = await api.post('/api/v1/message/rules', { ...values, fallback: values.fallback ?? false, ...(region ? { regionPrefix: regionPrefix(region) } : {}) });
    message.success(t('msg.rule.created', { event: lang === 'en' ? rule.eventNameEn : rule.eventNameZh }));
    close();
    form.resetFields();
    void rules.reload();
  }, { regionPrefix: 'region' });

  const toggle = async (rule: Rule, enabled: boolean) => {
    setSwitching(rule.id);
    try {
      await api.patch('/api/v1/message/rules/{id}', { enabled }, { path: { id: rule.id } });
      void rules.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSwitching(null);
    }
  };

  return (
    <Card
      title={<span data-testid="page-title">{t('msg.rule.title')}</span>}
      extra={
        canManage && (
          <Button
            type="primary"
            data-testid="rule-new"
            onClick={() => {
              modal.form.resetFields();
              modal.show();
            }}
          >
            {t('msg.rule.new')}
          </Button>
        )
      }
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('msg.rule.hint')}</Typography.Text>
        {rules.error && <Alert type="error" showIcon title={rules.error} data-testid="rules-error" />}
        <ResponsiveTable<Rule>
          data-testid="rules-table"
          rowKey="id"
          size="small"
          loading={rules.loading}
          dataSource={rules.data}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { ...nowrap, key: 'event', title: t('msg.rule.event'), render: (_: unknown, r: Rule) => <span title={r.event}>{lang === 'en' ? r.eventNameEn : r.eventNameZh}</span> },
            { ...nowrap, key: 'template', title: t('msg.templateCode'), render: (_: unknown, r: Rule) => <Typography.Text code>{r.templateCode}</Typography.Text> },
            { key: 'channels', title: t('msg.rule.channels'), render: (_: unknown, r: Rule) => r.channels.map((c) => <Tag key={c}>{t(channelKey(c))}</Tag>) },
            { ...nowrap, key: 'fallback', title: t('msg.rule.fallback'), render: (_: unknown, r: Rule) => t(r.fallback ? 'common.yes' : 'common.no') },
            { ...nowrap, key: 'region', title: t('msg.rule.region'), render: (_: unknown, r: Rule) => (r.regionPrefix ? <RegionName code={prefixRegion(r.regionPrefix)} /> : t('msg.rule.everyRegion')) },
            {
              ...nowrap,
              key: 'enabled',
              title: t('msg.rule.enabled'),
              render: (_: unknown, r: Rule) => (
                <Switch
                  data-testid={`rule-enabled-${r.id}`}
                  aria-label={`${t('msg.rule.enabled')}: ${lang === 'en' ? r.eventNameEn : r.eventNameZh}`}
                  checked={r.enabled}
                  disabled={!canManage}
                  loading={switching === r.id}
                  onChange={(on) => void toggle(r, on)}
                />
              ),
            },
          ]}
        />
      </Flex>
      <FormModal modal={modal} name="message-rule" submitTestId="rule-submit" forceRender title={t('msg.rule.new')} initialValues={{ channels: ['inbox'], fallback: false }}>
        <Form.Item name="event" label={t('msg.rule.event')} rules={[{ required: true, message: t('common.requiredSelect', { label: t('msg.rule.event') }) }]}>
          <Select
            data-testid="rule-event"
            aria-label={t('msg.rule.event')}
            showSearch={{ optionFilterProp: 'label' }}
            options={events.data.map((e) => ({ value: e.key, label: `${lang === 'en' ? e.nameEn : e.nameZh} (${e.key})` }))}
          />
        </Form.Item>
        <Form.Item name="templateCode" label={t('msg.templateCode')} rules={[{ required: true, message: t('common.requiredSelect', { label: t('msg.templateCode') }) }]}>
          <Select data-testid="rule-template" aria-label={t('msg.templateCode')} showSearch options={codes.map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="channels" label={t('msg.rule.channels')} rules={[{ required: true, message: t('common.requiredSelect', { label: t('msg.rule.channels') }) }]}>
          <Checkbox.Group data-testid="rule-channels" options={CHANNELS.map((c) => ({ value: c, label: t(channelKey(c)) }))} />
        </Form.Item>
        <Form.Item name="fallback" label={t('msg.rule.fallback')} valuePropName="checked" extra={t('msg.rule.fallbackHint')}>
          <Switch data-testid="rule-fallback" aria-label={t('msg.rule.fallback')} />
        </Form.Item>
        <Form.Item name="region" label={t('msg.rule.region')} extra={t('msg.rule.regionHint')}>
          <RegionCascader testId="rule-region" label={t('msg.rule.region')} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
