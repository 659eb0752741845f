import { Alert, App, Button, Card, Form, Input, Popconfirm, Table, Tag } from 'antd';
import { useCallback } from 'react';
import { api, errorMessage, itemsOf } from '../api';
import { FormModal, useFormModal } from '../components/FormModal';
import { useQuery } from '../components/queries';
import { formatTime, StatusTag } from '../components/Tags';
import { upperCase, useRules } from '../forms';
import { useI18n } from '../i18n';
import { currentUnit, useSession } from '../session';

interface Agent {
  bindingId?: string;
  id?: string;
  accountId: string;
  name: string;
  idNumber?: string | null;
  phone?: string | null;
  role?: string;
  status?: string;
  createdAt?: string;
}

interface AgentForm {
  name: string;
  idNumber: string;
  phone: string;
  password: string;
}

export default function AgentsPage() {
  const { t, tx, lang } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const { me } = useSession();
  const unit = currentUnit(me);
  const unitId = unit?.id;
  const loadAgents = useCallback(
    async (): Promise<Agent[]> => (unitId ? itemsOf(await api.get<Agent[] | { items: Agent[] }>(`/user/units/${encodeURIComponent(unitId)}/agents`)) : []),
    [unitId],
  );
  const { data: agents, loading, error, reload } = useQuery(loadAgents, []);
  const addModal = useFormModal<AgentForm>(['name', 'idNumber', 'phone', 'password'], async (v, { form, close }) => {
    if (!unitId) return; // the page shows no form without a unit
    await api.post(`/user/units/${encodeURIComponent(unitId)}/agents`, {
      name: v.name.trim(),
      idNumber: v.idNumber.trim().toUpperCase(),
      phone: v.phone.trim(),
      password: v.password,
    });
    message.success(t('common.success'));
    close();
    form.resetFields();
    await reload();
  });

  if (!unitId) return <Alert type="info" showIcon title={t('agents.noUnit')} />;

  const revoke = async (agent: Agent) => {
    try {
      await api.del(`/user/units/${encodeURIComponent(unitId)}/agents/${encodeURIComponent(agent.accountId)}`);
      message.success(t('common.success'));
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Card
      title={<span data-testid="page-title">{`${t('agents.title')} · ${unit?.name ?? ''}`}</span>}
      extra={
        unit?.role === 'agent' ? null : (
          <Button type="primary" onClick={addModal.show} data-testid="agent-add">
            {t('agents.add')}
          </Button>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<Agent>
        data-testid="agents-table"
        rowKey={(r) => r.bindingId ?? r.id ?? r.accountId}
        loading={loading}
        dataSource={agents}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { key: 'name', title: t('field.name'), dataIndex: 'name' },
          { key: 'phone', title: t('field.phone'), dataIndex: 'phone' },
          { key: 'role', title: t('agents.role'), dataIndex: 'role', render: (v?: string) => (v ? <Tag>{tx(`agents.role.${v}`, v)}</Tag> : null) },
          { key: 'status', title: t('field.status'), dataIndex: 'status', render: (v?: string) => <StatusTag status={v} /> },
          { key: 'createdAt', title: t('field.createdAt'), dataIndex: 'createdAt', render: (v?: string) => formatTime(v, lang) },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, r: Agent) =>
              r.status !== 'revoked' && r.role !== 'manager' && r.accountId !== me?.id && unit?.role !== 'agent' ? (
                <Popconfirm title={t('agents.revokeConfirm')} onConfirm={() => revoke(r)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                  <Button type="link" danger size="small" data-testid={`agent-revoke-${r.accountId}`}>
                    {t('agents.revoke')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      <FormModal modal={addModal} title={t('agents.add')} name="agent-add" submitTestId="agent-add-submit" destroyOnHidden preserve={false}>
        <Form.Item name="name" label={t('field.name')} rules={[rules.required('field.name')]}>
          <Input data-testid="agent-name" aria-label={t('field.name')} />
        </Form.Item>
        <Form.Item name="idNumber" label={t('field.idNumber')} getValueFromEvent={upperCase} rules={[rules.required('field.idNumber'), rules.idNumber]}>
          <Input data-testid="agent-id-number" maxLength={18} aria-label={t('field.idNumber')} />
        </Form.Item>
        <Form.Item name="phone" label={t('field.phone')} rules={[rules.required('field.phone'), rules.phone]}>
          <Input data-testid="agent-phone" maxLength={11} aria-label={t('field.phone')} />
        </Form.Item>
        <Form.Item name="password" label={t('field.password')} rules={[rules.required('field.password'), rules.password, rules.strongPassword]}>
          <Input.Password data-testid="agent-password" autoComplete="new-password" aria-label={t('field.password')} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
