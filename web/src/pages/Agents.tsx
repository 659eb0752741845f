import { Alert, App, Button, Card, Form, Input, Popconfirm, Tag } from 'antd';
import { api, errorMessage, type ItemOf } from '../api';
import { FormModal, useFormModal } from '../components/FormModal';
import { ListPage } from '../components/ListPage';
import { usePagedList } from '../components/queries';
import { formatTime, StatusTag } from '../components/Tags';
import { upperCase, useRules } from '../forms';
import { useI18n } from '../i18n';
import { currentUnit, useSession, type Me } from '../session';

type Agent = ItemOf<'/api/v1/user/units/{unitId}/agents'>;

interface AgentForm {
  name: string;
  idNumber: string;
  phone: string;
  password: string;
}

export default function AgentsPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const unit = currentUnit(me);
  if (!unit) return <Alert type="info" showIcon title={t('agents.noUnit')} />;
  return <UnitAgents unit={unit} me={me} />;
}

function UnitAgents({ unit, me }: { unit: Me['units'][number]; me: Me | null }) {
  const { t, tx, lang } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const unitId = unit.id;
  const list = usePagedList('/api/v1/user/units/{unitId}/agents', { path: { unitId } });
  const addModal = useFormModal<AgentForm>(['name', 'idNumber', 'phone', 'password'], async (v, { form, close }) => {
    await api.post(
      '/api/v1/user/units/{unitId}/agents',
      { name: v.name.trim(), idNumber: v.idNumber.trim().toUpperCase(), phone: v.phone.trim(), password: v.password },
      { path: { unitId } },
    );
    message.success(t('common.success'));
    close();
    form.resetFields();
    await list.reload();
  });

  const revoke = async (agent: Agent) => {
    try {
      await api.del('/api/v1/user/units/{unitId}/agents/{accountId}', { path: { unitId, accountId: agent.accountId } });
      message.success(t('common.success'));
      await list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Card
      title={<span data-testid="page-title">{`${t('agents.title')} · ${unit.name}`}</span>}
      extra={
        unit.role === 'agent' ? null : (
          <Button type="primary" onClick={addModal.show} data-testid="agent-add">
            {t('agents.add')}
          </Button>
        )
      }
    >
      <ListPage
        list={list}
        testId="agents-table"
        rowKey="bindingId"
        columns={[
          { key: 'name', title: t('field.name'), dataIndex: 'name' },
          { key: 'phone', title: t('field.phone'), dataIndex: 'phone' },
          { key: 'role', title: t('agents.role'), dataIndex: 'role', render: (v: string) => <Tag>{tx(`agents.role.${v}`, v)}</Tag> },
          { key: 'status', title: t('field.status'), dataIndex: 'status', render: (v: string) => <StatusTag status={v} /> },
          { key: 'createdAt', title: t('field.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, lang) },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, r: Agent) =>
              r.status !== 'revoked' && r.role !== 'manager' && r.accountId !== me?.id && unit.role !== 'agent' ? (
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
