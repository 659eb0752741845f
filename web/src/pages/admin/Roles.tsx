import { App, Button, Card, Form, Input, Select, Spin, Tag, Tree, TreeSelect, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorMessage, type Schema } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../components/queries';
import { useRules } from '../../forms';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { findOrg, toTreeSelect, useOrgs, type Role } from './common';

/** A node of GET /auth/resources: subsystem → menu → button → api. An API node's code is the permission code a role holds. */
type ResourceNode = Schema<'AuthResourceNode'>;

interface TreeItem {
  key: string;
  title: string;
  permission?: string;
  children?: TreeItem[];
}

function toTree(nodes: ResourceNode[], lang: string): TreeItem[] {
  return nodes.map((n) => {
    const permission = n.kind === 'api' ? n.code : undefined;
    const label = lang === 'en' ? n.nameEn : n.name;
    return {
      key: n.code,
      title: permission ? `${label}  (${permission})` : label,
      permission,
      children: n.children.length ? toTree(n.children, lang) : undefined,
    };
  });
}

function indexPermissions(items: TreeItem[], out = new Map<string, string>()): Map<string, string> {
  for (const i of items) {
    if (i.permission) out.set(i.key, i.permission);
    if (i.children) indexPermissions(i.children, out);
  }
  return out;
}

interface RoleForm {
  code: string;
  name: string;
  kind: Role['kind'];
  orgId: string;
  permissions: string[];
}

export default function RolesPage() {
  const { t, tx, lang } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const { me, permissions } = useSession();
  const canCreate = permissions.has('auth.roles.manage');
  const list = usePagedList('/api/v1/auth/roles');
  const { orgs } = useOrgs();
  const orgOptions = useMemo(() => toTreeSelect(orgs), [orgs]);
  const [resources, setResources] = useState<ResourceNode[]>([]);
  const [resLoading, setResLoading] = useState(false);
  const [checked, setChecked] = useState<string[]>([]);
  const createModal = useFormModal<RoleForm>(['code', 'name', 'kind', 'orgId', 'permissions'], async (v, { close }) => {
    await api.post('/api/v1/auth/roles', {
      code: v.code.trim(),
      name: v.name.trim(),
      kind: v.kind,
      orgId: v.orgId,
      permissions: v.permissions,
    });
    message.success(t('common.success'));
    close();
    await list.reload();
  });
  const { form, open } = createModal;

  const treeData = useMemo(() => toTree(resources, lang), [resources, lang]);
  const permissionByKey = useMemo(() => indexPermissions(treeData), [treeData]);

  const loadResources = useCallback(async () => {
    setResLoading(true);
    try {
      setResources((await api.get('/api/v1/auth/resources')).items);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setResLoading(false);
    }
  }, [message]);

  useEffect(() => {
    if (open && !resources.length) void loadResources();
  }, [open, resources.length, loadResources]);

  const openCreate = () => {
    form.resetFields();
    form.setFieldsValue({ kind: 'business', orgId: me?.orgId ?? orgs[0]?.id, permissions: [] });
    setChecked([]);
    createModal.show();
  };

  const onCheck = (keys: string[]) => {
    setChecked(keys);
    const perms = [...new Set(keys.map((k) => permissionByKey.get(k)).filter((p): p is string => !!p))];
    form.setFieldsValue({ permissions: perms });
    void form.validateFields(['permissions']).catch(() => undefined);
  };

  return (
    <Card
      title={<span data-testid="page-title">{t('roles.title')}</span>}
      extra={
        canCreate ? (
          <Button type="primary" onClick={openCreate} data-testid="role-create">
            {t('roles.create')}
          </Button>
        ) : null
      }
    >
      <ListPage
        list={list}
        testId="roles-table"
        errorTestId="roles-error"
        columns={[
          { key: 'code', title: t('roles.code'), dataIndex: 'code', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { key: 'name', title: t('roles.name'), dataIndex: 'name' },
          { key: 'kind', title: t('roles.kind'), dataIndex: 'kind', render: (v: string) => <Tag color={v === 'admin' ? 'purple' : 'blue'}>{tx(`roles.kind.${v}`, v)}</Tag> },
          { key: 'org', title: t('field.org'), dataIndex: 'orgId', render: (v: string) => findOrg(orgs, v)?.name ?? '—' },
          {
            key: 'permissions',
            title: t('roles.permissions'),
            dataIndex: 'permissions',
            render: (v: string[]) => <span title={v.join('\n')}>{t('roles.permissionCount', { count: v.length })}</span>,
          },
        ]}
      />
      <FormModal modal={createModal} title={t('roles.create')} name="role-create" submitTestId="role-create-submit" width={640} forceRender>
        <Form.Item name="code" label={t('roles.code')} tooltip={t('roles.codeRule')} rules={[rules.required('roles.code'), { pattern: /^[a-z][a-z0-9_]{1,49}$/, message: t('roles.codeRule') }]}>
          <Input data-testid="role-code" autoComplete="off" aria-label={t('roles.code')} />
        </Form.Item>
        <Form.Item name="name" label={t('roles.name')} rules={[rules.required('roles.name')]}>
          <Input data-testid="role-name" aria-label={t('roles.name')} />
        </Form.Item>
        <Form.Item name="kind" label={t('roles.kind')} rules={[rules.requiredSelect('roles.kind')]}>
          <Select
            data-testid="role-kind"
            aria-label={t('roles.kind')}
            options={[
              { value: 'business', label: t('roles.kind.business') },
              { value: 'admin', label: t('roles.kind.admin') },
            ]}
          />
        </Form.Item>
        <Form.Item name="orgId" label={t('field.org')} rules={[rules.requiredSelect('field.org')]}>
          <TreeSelect data-testid="role-org" aria-label={t('field.org')} treeData={orgOptions} treeDefaultExpandAll />
        </Form.Item>
        <Form.Item label={t('roles.permissions')} required>
          <Form.Item name="permissions" noStyle rules={[{ type: 'array', required: true, min: 1, message: t('roles.pickPermissions') }]}>
            <NoInput />
          </Form.Item>
          <Spin spinning={resLoading}>
            <div style={{ maxHeight: 320, overflow: 'auto', border: '1px solid #f0f0f0', borderRadius: 6, padding: 8 }} data-testid="role-permission-tree">
              <Tree
                checkable
                selectable={false}
                defaultExpandAll
                key={treeData.length}
                treeData={treeData}
                checkedKeys={checked}
                onCheck={(keys) => onCheck((Array.isArray(keys) ? keys : keys.checked) as string[])}
              />
            </div>
          </Spin>
        </Form.Item>
      </FormModal>
    </Card>
  );
}

/** Holds a form value that another control (the permission tree) sets. */
function NoInput(_props: { value?: unknown; onChange?: unknown }) {
  return null;
}
