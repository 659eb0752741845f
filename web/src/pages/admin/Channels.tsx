import { Alert, App, AutoComplete, Button, Card, Checkbox, Descriptions, Flex, Form, Input, Modal, Tag, Typography, type InputProps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, type BodyOf, type ItemOf, type ResponseOf } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../components/queries';
import { formatTime, StatusTag } from '../../components/Tags';
import { useRules } from '../../forms';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { nowrap } from '../../components/table';

type Capability = BodyOf<'/api/v1/auth/channels', 'post'>['capabilities'][number];
/** what this page offers a channel app to call (src/centers/auth/channels.ts, CHANNEL_CAPABILITIES) */
export const CHANNEL_CAPABILITIES: Capability[] = ['auth.introspect', 'user.basic.read'];

/** POST /auth/channels: the only answer that carries the secret */
type Registered = ResponseOf<'/api/v1/auth/channels', 'post'>;

type ChannelApp = ItemOf<'/api/v1/auth/channels'>;

interface CreateForm {
  name: string;
  capabilities: Capability[];
  institutionCode?: string;
}

interface BindForm {
  institutionCode?: string;
}

/** 定点医药机构编码 H / P + 11 digits; whether it is registered is the server's answer */
const INSTITUTION_CODE = /^[HP]\d{11}$/;

export default function ChannelsPage() {
  const { t, tx, lang } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const { permissions } = useSession();
  const canManage = permissions.has('auth.channels.manage');
  const list = usePagedList('/api/v1/auth/channels');
  const [registered, setRegistered] = useState<Registered | null>(null);
  const [secretOpen, setSecretOpen] = useState(false);
  const secretRef = useRef<HTMLElement>(null);
  const createModal = useFormModal<CreateForm>(['name', 'capabilities', 'institutionCode'], async (v, { form, close }) => {
    const institutionCode = v.institutionCode?.trim();
    const answer = await api.post('/api/v1/auth/channels', { name: v.name.trim(), capabilities: v.capabilities, ...(institutionCode ? { institutionCode } : {}) });
    close();
    form.resetFields();
    setRegistered(answer);
    setSecretOpen(true);
    await list.reload();
  });

  const [binding, setBinding] = useState<ChannelApp | null>(null);
  const bindModal = useFormModal<BindForm>(['institutionCode'], async (v, { close }) => {
    if (!binding) return;
    const institutionCode = v.institutionCode?.trim() || null;
    await api.put('/api/v1/auth/channels/{appId}/institution', { institutionCode }, { path: { appId: binding.appId } });
    close();
    message.success(t('channels.bound'));
    await list.reload();
  });
  const openBind = (app: ChannelApp) => {
    setBinding(app);
    bindModal.form.resetFields();
    bindModal.form.setFieldsValue({ institutionCode: app.institutionCode ?? '' });
    bindModal.show();
  };
  const institutionRules = [{ pattern: INSTITUTION_CODE, message: t('institutions.codeFormat') }];

  const capabilityLabel = (c: string) => tx(`channels.capability.${c}`, c);

  const openCreate = () => {
    createModal.form.resetFields();
    createModal.show();
  };

  const copySecret = async () => {
    if (!registered) return;
    try {
      await navigator.clipboard.writeText(registered.secret);
      message.success(t('channels.copied'));
    } catch {
      // No clipboard (plain http on another host, or refused): select the text for a manual copy.
      if (secretRef.current) window.getSelection()?.selectAllChildren(secretRef.current);
      message.warning(t('channels.copyFailed'));
    }
  };

  return (
    <Card
      title={<span data-testid="page-title">{t('channels.title')}</span>}
      extra={
        canManage ? (
          <Button type="primary" onClick={openCreate} data-testid="channel-create">
            {t('channels.create')}
          </Button>
        ) : null
      }
    >
      <ListPage
        list={list}
        testId="channels-table"
        rowKey="appId"
        header={<Typography.Text type="secondary">{t('channels.hint')}</Typography.Text>}
        errorTestId="channels-error"
        columns={[
          { ...nowrap, key: 'appId', title: t('channels.appId'), dataIndex: 'appId', render: (v: string) => <Typography.Text code copyable={{ text: v }}>{v}</Typography.Text> },
          { key: 'name', title: t('channels.name'), dataIndex: 'name' },
          {
            key: 'capabilities',
            title: t('channels.capabilities'),
            dataIndex: 'capabilities',
            render: (v: string[]) => <CapabilityTags capabilities={v} />,
          },
          {
            ...nowrap,
            key: 'institutionCode',
            title: t('channels.institution'),
            dataIndex: 'institutionCode',
            render: (v: string | null, r: ChannelApp) => (
              <Flex gap={8} align="center">
                {v ? <Typography.Text code data-testid={`channel-institution-${r.appId}`}>{v}</Typography.Text> : <Typography.Text type="secondary">{t('channels.institutionNone')}</Typography.Text>}
                {canManage && (
                  <Typography.Link onClick={() => openBind(r)} data-testid={`channel-bind-${r.appId}`}>
                    {t('channels.bind')}
                  </Typography.Link>
                )}
              </Flex>
            ),
          },
          { ...nowrap, key: 'status', title: t('field.status'), dataIndex: 'status', render: (v: string) => <StatusTag status={v} /> },
          { ...nowrap, key: 'createdAt', title: t('field.createdAt'), dataIndex: 'createdAt', render: (v?: string) => formatTime(v, lang) },
        ]}
      />
      <FormModal modal={createModal} title={t('channels.create')} name="channel-create" submitTestId="channel-create-submit" forceRender initialValues={{ capabilities: [] }}>
        <Form.Item name="name" label={t('channels.name')} rules={[rules.required('channels.name'), { max: 100 }]}>
          <Input data-testid="channel-name" maxLength={100} autoComplete="off" aria-label={t('channels.name')} />
        </Form.Item>
        <Form.Item name="capabilities" label={t('channels.capabilities')} rules={[{ type: 'array', required: true, min: 1, message: t('channels.pickCapabilities') }]}>
          <Checkbox.Group data-testid="channel-capabilities" aria-label={t('channels.capabilities')}>
            <Flex vertical gap={8}>
              {CHANNEL_CAPABILITIES.map((c) => (
                <Checkbox key={c} value={c} data-testid={`channel-capability-${c}`}>
                  {capabilityLabel(c)} <Typography.Text type="secondary">({c})</Typography.Text>
                </Checkbox>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="institutionCode" label={t('channels.institution')} extra={t('channels.institutionHint')} rules={institutionRules} validateTrigger="onBlur">
          <InstitutionCodeInput data-testid="channel-institution" aria-label={t('channels.institution')} />
        </Form.Item>
      </FormModal>
      <FormModal modal={bindModal} title={t('channels.bindTitle', { name: binding?.name ?? '' })} name="channel-bind" submitTestId="channel-bind-submit" forceRender>
        <Typography.Paragraph type="secondary">{t('channels.institutionHint')}</Typography.Paragraph>
        <Form.Item name="institutionCode" label={t('channels.institution')} extra={t('channels.bindEmpty')} rules={institutionRules} validateTrigger="onBlur">
          <InstitutionCodeInput data-testid="channel-bind-code" aria-label={t('channels.institution')} />
        </Form.Item>
      </FormModal>
      <Modal
        title={t('channels.registered')}
        open={secretOpen}
        closable={false}
        mask={{ closable: false }}
        keyboard={false}
        width={600}
        onCancel={() => setSecretOpen(false)}
        // the secret leaves the page (DOM and state) once the window closes
        destroyOnHidden
        afterClose={() => setRegistered(null)}
        footer={[
          <Button key="copy" onClick={copySecret} data-testid="channel-secret-copy">
            {t('channels.copySecret')}
          </Button>,
          <Button key="done" type="primary" onClick={() => setSecretOpen(false)} data-testid="channel-secret-done">
            {t('channels.secretSaved')}
          </Button>,
        ]}
      >
        {registered && (
          <Flex vertical gap={16} data-testid="channel-secret-modal">
            <Alert type="warning" showIcon title={t('channels.secretWarning')} data-testid="channel-secret-warning" />
            <Descriptions
              bordered
              size="small"
              column={1}
              items={[
                { key: 'name', label: t('channels.name'), children: registered.name },
                { key: 'appId', label: t('channels.appId'), children: <Typography.Text code data-testid="channel-secret-app-id">{registered.appId}</Typography.Text> },
                {
                  key: 'secret',
                  label: t('channels.secret'),
                  children: (
                    <Typography.Text code strong style={{ wordBreak: 'break-all' }} data-testid="channel-secret" ref={secretRef}>
                      {registered.secret}
                    </Typography.Text>
                  ),
                },
                { key: 'capabilities', label: t('channels.capabilities'), children: <CapabilityTags capabilities={registered.capabilities} /> },
                ...(registered.institutionCode ? [{ key: 'institution', label: t('channels.institution'), children: registered.institutionCode }] : []),
              ]}
            />
          </Flex>
        )}
      </Modal>
    </Card>
  );
}

function CapabilityTags({ capabilities }: { capabilities: string[] }) {
  const { tx } = useI18n();
  return (
    <Flex wrap gap={4}>
      {capabilities.map((c) => (
        <Tag key={c} color="blue" title={c}>
          {tx(`channels.capability.${c}`, c)}
        </Tag>
      ))}
    </Flex>
  );
}

/**
 * 定点医药机构编码 typed, or picked by name: what is typed (part of a name, the start of a code) is
 * looked up among the registry's designated institutions, and a pick fills in the code.
 */
function InstitutionCodeInput({ value, onChange, ...input }: { value?: string; onChange?: (value: string) => void } & Pick<InputProps, 'aria-label'> & { 'data-testid': string }) {
  const [options, setOptions] = useState<Array<{ value: string; label: string }>>([]);
  const typed = value?.trim() ?? '';
  useEffect(() => {
    if (!typed) return setOptions([]);
    let current = true;
    const timer = window.setTimeout(() => {
      api
        .get('/api/v1/registry/institutions', { query: { q: typed, page: 1, pageSize: 8 } })
        .then((page) => current && setOptions(page.items.map((i) => ({ value: i.code, label: `${i.name} · ${i.code}` }))))
        .catch(() => current && setOptions([]));
    }, 250);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [typed]);
  return (
    <AutoComplete value={value} options={options} onChange={(v: string) => onChange?.(v.toUpperCase().trim())} style={{ width: '100%' }}>
      <Input maxLength={50} autoComplete="off" placeholder="南阳市第一人民医院 / H41130200746" {...input} />
    </AutoComplete>
  );
}
