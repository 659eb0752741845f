/**
 * 消息模板 the newest version of every template (code, channel, version, category, subjects), a 新版本
 * of one (its code and channel kept, the rest prefilled to change) and a 新建模板: placeholders
 * declared with a type, the subject and body in Chinese and English using them as {{name}}. The
 * server checks that the texts use exactly the declared placeholders; its 400 lands on the field it
 * names (a text, or one placeholder row).
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, type BodyOf, type ResponseOf } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useQuery } from '../../components/queries';
import { nowrap } from '../../components/table';
import { useI18n, type MessageKey } from '../../i18n';
import { useSession } from '../../session';
import { CATEGORIES, categoryKey, CHANNELS, channelKey } from './common';

type Template = ResponseOf<'/api/v1/message/templates'>[number];
type TemplateInput = BodyOf<'/api/v1/message/templates', 'post'>;
type PlaceholderType = TemplateInput['placeholders'][number]['type'];

const PLACEHOLDER_TYPES: PlaceholderType[] = ['text', 'money', 'date', 'datetime', 'number', 'code'];
const TEXT_FIELDS = ['subjectZh', 'subjectEn', 'bodyZh', 'bodyEn'] as const;
const loadTemplates = () => api.get('/api/v1/message/templates');

/**
 * The server's field as the form's name path: "placeholders/0/name" → ['placeholders', 0, 'name']
 * (a row of the list is named by its index as a number); null when the form has no such field.
 */
function fieldPath(field: string | undefined): (string | number)[] | null {
  if (!field) return null;
  const path = field.replace(/^\/+/, '').replace(/^body[./]/, '').split(/[./]/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const known = ['code', 'channel', 'category', 'placeholders', ...TEXT_FIELDS, 'providerTemplateId'];
  return known.includes(String(path[0])) ? path : null;
}

export default function MessageTemplatesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { permissions } = useSession();
  const canManage = permissions.has('message.manage');
  const templates = useQuery(loadTemplates, []);
  /** the template a new version is made of; null for a new template */
  const [base, setBase] = useState<Template | null>(null);

  const modal = useFormModal<TemplateInput>([], async (values, { form, close }) => {
    try {
      const created = await api.post('/api/v1/message/templates', { ...values, placeholders: values.placeholders ?? [] });
      message.success(t('msg.tpl.created', { code: created.code, version: created.version }));
      close();
      form.resetFields();
      void templates.reload();
    } catch (e) {
      // on the field the server names, a placeholder row's by its index; otherwise the modal's message
      const path = e instanceof ApiError ? fieldPath(e.field) : null;
      if (!path) throw e;
      // a path the server named, checked against the form's fields above
      form.setFields([{ name: path as Parameters<typeof form.setFields>[0][number]['name'], errors: [(e as ApiError).detail] }]);
    }
  });

  const open = (template: Template | null) => {
    setBase(template);
    modal.form.resetFields();
    modal.form.setFieldsValue(
      template
        ? { code: template.code, channel: template.channel, category: template.category, placeholders: template.placeholders, subjectZh: template.subjectZh, subjectEn: template.subjectEn, bodyZh: template.bodyZh, bodyEn: template.bodyEn }
        : { placeholders: [], channel: 'inbox', category: 'notice' },
    );
    modal.show();
  };

  return (
    <Card
      title={<span data-testid="page-title">{t('msg.tpl.title')}</span>}
      extra={
        canManage && (
          <Button type="primary" onClick={() => open(null)} data-testid="template-new">
            {t('msg.tpl.new')}
          </Button>
        )
      }
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('msg.tpl.hint')}</Typography.Text>
        {templates.error && <Alert type="error" showIcon title={templates.error} data-testid="templates-error" />}
        <ResponsiveTable<Template>
          data-testid="templates-table"
          rowKey="id"
          size="small"
          loading={templates.loading}
          dataSource={templates.data}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { ...nowrap, key: 'code', title: t('msg.templateCode'), render: (_: unknown, r: Template) => <Typography.Text code>{r.code}</Typography.Text> },
            { ...nowrap, key: 'channel', title: t('msg.channel'), render: (_: unknown, r: Template) => t(channelKey(r.channel)) },
            { ...nowrap, key: 'version', title: t('msg.tpl.version'), render: (_: unknown, r: Template) => <span data-testid={`template-version-${r.code}-${r.channel}`}>v{r.version}</span> },
            { ...nowrap, key: 'category', title: t('msg.category'), render: (_: unknown, r: Template) => t(categoryKey(r.category)) },
            { key: 'subjectZh', title: t('msg.tpl.subjectZh'), dataIndex: 'subjectZh' },
            { key: 'subjectEn', title: t('msg.tpl.subjectEn'), dataIndex: 'subjectEn' },
            {
              ...nowrap,
              key: 'actions',
              title: t('common.actions'),
              hidden: !canManage,
              render: (_: unknown, r: Template) => (
                <Button size="small" onClick={() => open(r)} data-testid={`template-version-new-${r.code}-${r.channel}`}>
                  {t('msg.tpl.newVersion')}
                </Button>
              ),
            },
          ]}
        />
      </Flex>
      <FormModal
        modal={modal}
        name="message-template"
        submitTestId="template-submit"
        forceRender
        width={720}
        title={base ? t('msg.tpl.newVersionOf', { code: base.code, channel: t(channelKey(base.channel)) }) : t('msg.tpl.new')}
        destroyOnHidden={false}
      >
        <TemplateFields fixed={base !== null} />
      </FormModal>
    </Card>
  );
}

function TemplateFields({ fixed }: { fixed: boolean }) {
  const { t } = useI18n();
  const required = (label: MessageKey) => [{ required: true, whitespace: true, message: t('common.required', { label: t(label) }) }];
  return (
    <>
      <Flex wrap gap={12}>
        <Form.Item name="code" label={t('msg.templateCode')} rules={[...required('msg.templateCode'), { pattern: /^[a-z][a-z0-9_.-]*$/, message: t('msg.tpl.codeFormat') }]} style={{ flex: '1 1 200px' }}>
          <Input data-testid="template-code" maxLength={64} disabled={fixed} placeholder="payment.paid" />
        </Form.Item>
        <Form.Item name="channel" label={t('msg.channel')} rules={[{ required: true, message: t('common.requiredSelect', { label: t('msg.channel') }) }]} style={{ flex: '1 1 140px' }}>
          <Select data-testid="template-channel" disabled={fixed} aria-label={t('msg.channel')} options={CHANNELS.map((c) => ({ value: c, label: t(channelKey(c)) }))} />
        </Form.Item>
        <Form.Item name="category" label={t('msg.category')} rules={[{ required: true, message: t('common.requiredSelect', { label: t('msg.category') }) }]} style={{ flex: '1 1 160px' }}>
          <Select data-testid="template-category" aria-label={t('msg.category')} options={CATEGORIES.map((c) => ({ value: c, label: t(categoryKey(c)) }))} />
        </Form.Item>
      </Flex>
      <Form.Item label={t('msg.tpl.placeholders')} tooltip={t('msg.tpl.placeholdersHint')}>
        <Form.List name="placeholders">
          {(rows, { add, remove }) => (
            <Flex vertical gap={0}>
              {rows.map((row) => (
                <Space key={row.key} align="start" wrap data-testid={`template-placeholder-${row.name}`}>
                  <Form.Item name={[row.name, 'name']} rules={required('msg.tpl.placeholderName')} style={{ marginBottom: 8, width: 180 }}>
                    <Input data-testid={`template-placeholder-name-${row.name}`} aria-label={t('msg.tpl.placeholderName')} placeholder={t('msg.tpl.placeholderName')} maxLength={40} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'type']} initialValue="text" style={{ marginBottom: 8 }}>
                    <Select
                      data-testid={`template-placeholder-type-${row.name}`}
                      aria-label={t('msg.tpl.placeholderType')}
                      style={{ width: 140 }}
                      options={PLACEHOLDER_TYPES.map((p) => ({ value: p, label: t(`msg.ptype.${p}` as MessageKey) }))}
                    />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('msg.tpl.placeholderRemove')} onClick={() => remove(row.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ name: '', type: 'text' })} data-testid="template-placeholder-add" style={{ alignSelf: 'flex-start' }}>
                {t('msg.tpl.placeholderAdd')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      {TEXT_FIELDS.map((field) => (
        <Form.Item key={field} name={field} label={t(`msg.tpl.${field}` as MessageKey)} rules={required(`msg.tpl.${field}` as MessageKey)}>
          {field.startsWith('body') ? (
            <Input.TextArea data-testid={`template-${field}`} rows={3} maxLength={2000} showCount />
          ) : (
            <Input data-testid={`template-${field}`} maxLength={200} />
          )}
        </Form.Item>
      ))}
    </>
  );
}
