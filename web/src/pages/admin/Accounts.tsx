import { App, Button, Card, Form, Input, Popconfirm, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { api, errorMessage, type BodyOf, type ItemOf, type ResponseOf } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../components/queries';
import { Reveal, useRevealed } from '../../components/Reveal';
import { formatTime, LevelTag, StatusTag } from '../../components/Tags';
import { upperCase, useRules } from '../../forms';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { findOrg, toTreeSelect, useOrgs } from './common';
import { nowrap } from '../../components/table';

export type AccountRow = ItemOf<'/api/v1/user/accounts'>;
type StaffKind = BodyOf<'/api/v1/user/accounts', 'post'>['kind'];
type AccountInFull = ResponseOf<'/api/v1/user/accounts/{id}/reveal', 'post'>;

/** 显示完整信息 one account's masked fields in full (audited by the server). */
const revealAccount = (id: string) => api.post('/api/v1/user/accounts/{id}/reveal', {}, { path: { id } });

export const ACCOUNT_KINDS: AccountRow['kind'][] = ['person', 'unit_agent', 'institution_staff', 'enterprise', 'agency_staff', 'expert', 'admin'];
/** kinds an administrator creates (the public register themselves) */
const STAFF_KINDS: StaffKind[] = ['agency_staff', 'institution_staff', 'expert', 'admin'];

interface CreateForm {
  kind: StaffKind;
  loginName: string;
  name: string;
  phone: string;
  idNumber?: string;
  orgId: string;
  password: string;
}

export default function AccountsPage() {
  const { t, tx, lang } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const { orgs } = useOrgs();
  const { me, permissions } = useSession();
  const canManage = permissions.has('user.accounts.manage');
  const orgOptions = useMemo(() => toTreeSelect(orgs), [orgs]);
  const list = usePagedList('/api/v1/user/accounts');
  const { reload, setPage } = list;
  const revealed = useRevealed(revealAccount);
  const createModal = useFormModal<CreateForm>(['kind', 'loginName', 'name', 'phone', 'idNumber', 'orgId', 'password'], async (v, { form, close }) => {
    await api.post('/api/v1/user/accounts', {
      kind: v.kind,
      loginName: v.loginName.trim(),
      name: v.name.trim(),
      phone: v.phone.trim(),
      ...(v.idNumber?.trim() ? { idNumber: v.idNumber.trim().toUpperCase() } : {}),
      orgId: v.orgId,
      password: v.password,
    });
    message.success(t('common.success'));
    close();
    form.resetFields();
    setPage(1);
    await reload();
  });

  const setLocked = async (row: AccountRow, lock: boolean) => {
    try {
      const path = { path: { id: row.id } };
      await (lock ? api.post('/api/v1/user/accounts/{id}/lock', {}, path) : api.post('/api/v1/user/accounts/{id}/unlock', {}, path));
      message.success(t('common.success'));
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Card
      title={<span data-testid="page-title">{t('accounts.title')}</span>}
      extra={
        canManage ? (
          <Button type="primary" onClick={createModal.show} data-testid="account-create">
            {t('accounts.create')}
          </Button>
        ) : null
      }
    >
      <ListPage
        list={list}
        testId="accounts-table"
        filters={[
          { type: 'select', name: 'kind', testId: 'account-kind-filter', label: t('field.kind'), width: 200, options: ACCOUNT_KINDS.map((k) => ({ value: k, label: tx(`kind.${k}`, k) })) },
          { type: 'search', name: 'q', testId: 'account-search', label: t('field.keyword'), width: 300, enterButton: t('common.search') },
        ]}
        errorTestId="accounts-error"
        columns={[
          { ...nowrap, key: 'loginName', title: t('field.loginName'), dataIndex: 'loginName', render: (v?: string | null) => v || '—' },
          {
            ...nowrap,
            key: 'name',
            title: t('field.name'),
            dataIndex: 'name',
            render: (v: string, r: AccountRow) => <Reveal value={v} id={r.id} revealed={revealed} pick={(a: AccountInFull) => a.name} testId={`account-name-${r.id}`} button />,
          },
          { key: 'kind', title: t('field.kind'), dataIndex: 'kind', render: (v: string) => tx(`kind.${v}`, v) },
          {
            ...nowrap,
            key: 'idNumber',
            title: t('field.idNumber'),
            dataIndex: 'idNumber',
            render: (v: string | null, r: AccountRow) => <Reveal value={v} id={r.id} revealed={revealed} pick={(a: AccountInFull) => a.idNumber} testId={`account-id-number-${r.id}`} />,
          },
          {
            ...nowrap,
            key: 'phone',
            title: t('field.phone'),
            dataIndex: 'phone',
            render: (v: string | null, r: AccountRow) => <Reveal value={v} id={r.id} revealed={revealed} pick={(a: AccountInFull) => a.phone} testId={`account-phone-${r.id}`} />,
          },
          { key: 'org', title: t('field.org'), render: (_: unknown, r: AccountRow) => findOrg(orgs, r.orgId)?.name ?? '—' },
          { ...nowrap, key: 'authLevel', title: t('field.authLevel'), dataIndex: 'authLevel', render: (v: number) => <LevelTag level={v} /> },
          { ...nowrap, key: 'status', title: t('field.status'), dataIndex: 'status', render: (v: string) => <StatusTag status={v} /> },
          { ...nowrap, key: 'createdAt', title: t('field.createdAt'), dataIndex: 'createdAt', render: (v?: string) => formatTime(v, lang) },
          {
            key: 'actions',
            title: t('common.actions'),
            fixed: 'right',
            render: (_: unknown, r: AccountRow) =>
              !canManage || r.status === 'deactivated' || r.id === me?.id ? null : r.status === 'locked' ? (
                <Popconfirm title={t('accounts.unlockConfirm')} onConfirm={() => setLocked(r, false)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                  <Button type="link" size="small" data-testid={`account-unlock-${r.id}`}>
                    {t('accounts.unlock')}
                  </Button>
                </Popconfirm>
              ) : (
                <Popconfirm title={t('accounts.lockConfirm')} onConfirm={() => setLocked(r, true)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                  <Button type="link" danger size="small" data-testid={`account-lock-${r.id}`}>
                    {t('accounts.lock')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <FormModal modal={createModal} title={t('accounts.create')} name="account-create" submitTestId="account-create-submit" forceRender initialValues={{ kind: 'agency_staff' }}>
        <Form.Item name="kind" label={t('field.kind')} rules={[rules.requiredSelect('field.kind')]}>
          <Select data-testid="account-kind" aria-label={t('field.kind')} options={STAFF_KINDS.map((k) => ({ value: k, label: tx(`kind.${k}`, k) }))} />
        </Form.Item>
        <Form.Item name="loginName" label={t('field.loginName')} rules={[rules.required('field.loginName')]}>
          <Input data-testid="account-login-name" autoComplete="off" aria-label={t('field.loginName')} />
        </Form.Item>
        <Form.Item name="name" label={t('field.name')} rules={[rules.required('field.name')]}>
          <Input data-testid="account-name" aria-label={t('field.name')} />
        </Form.Item>
        <Form.Item name="phone" label={t('field.phone')} rules={[rules.required('field.phone'), rules.phone]}>
          <Input data-testid="account-phone" maxLength={11} aria-label={t('field.phone')} />
        </Form.Item>
        <Form.Item name="idNumber" label={t('field.idNumber')} getValueFromEvent={upperCase} rules={[rules.idNumber]}>
          <Input data-testid="account-id-number" maxLength={18} aria-label={t('field.idNumber')} />
        </Form.Item>
        <Form.Item name="orgId" label={t('field.org')} rules={[rules.requiredSelect('field.org')]}>
          <TreeSelect data-testid="account-org" aria-label={t('field.org')} treeData={orgOptions} treeDefaultExpandAll showSearch treeNodeFilterProp="title" />
        </Form.Item>
        <Form.Item name="password" label={t('field.password')} rules={[rules.required('field.password'), rules.password, rules.strongPassword]}>
          <Input.Password data-testid="account-password" autoComplete="new-password" aria-label={t('field.password')} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
