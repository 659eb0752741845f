import { Alert, App, Button, Card, Descriptions, Empty, Flex, Popconfirm, Select, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorMessage, type ItemOf } from '../../api';
import { StatusTag } from '../../components/Tags';
import { useI18n } from '../../i18n';
import { useRoute } from '../../router';
import type { AccountRow } from './Accounts';
import { useRoles } from './common';
import { ResponsiveTable } from '../../components/ResponsiveTable';

type Grant = ItemOf<'/api/v1/auth/grants'>;

function accountLabel(a: AccountRow, kindLabel: string): string {
  return [a.loginName, a.name, a.phone, kindLabel].filter(Boolean).join(' · ');
}

export default function GrantsPage() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const { query } = useRoute();
  const { roles, error: rolesError } = useRoles();
  const [options, setOptions] = useState<AccountRow[]>([]);
  const [searching, setSearching] = useState(false);
  const [account, setAccount] = useState<AccountRow | null>(null);
  const [grants, setGrants] = useState<Grant[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [roleId, setRoleId] = useState<string | undefined>();
  const [granting, setGranting] = useState(false);
  const searchSeq = useRef(0);

  const search = useCallback(async (q: string) => {
    const seq = ++searchSeq.current;
    setSearching(true);
    try {
      const page = await api.get('/api/v1/user/accounts', { query: { q: q.trim(), page: 1, pageSize: 20 } });
      if (seq === searchSeq.current) setOptions(page.items);
    } catch (e) {
      if (seq === searchSeq.current) message.error(errorMessage(e));
    } finally {
      if (seq === searchSeq.current) setSearching(false);
    }
  }, [message]);

  // The first list of accounts to pick from (optionally prefiltered by #/admin/grants?q=…).
  const initialQuery = useRef(query.get('q') ?? '');
  useEffect(() => {
    void search(initialQuery.current);
  }, [search]);

  const loadGrants = useCallback(async (accountId: string) => {
    setLoading(true);
    setError(null);
    try {
      setGrants((await api.get('/api/v1/auth/grants', { query: { accountId } })).items);
    } catch (e) {
      setError(errorMessage(e));
      setGrants([]);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (account) void loadGrants(account.id);
    else setGrants([]);
  }, [account, loadGrants]);

  const grant = async () => {
    if (!account || !roleId) return;
    setGranting(true);
    try {
      await api.post('/api/v1/auth/grants', { accountId: account.id, roleId });
      message.success(t('grants.granted'));
      setRoleId(undefined);
      await loadGrants(account.id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setGranting(false);
    }
  };

  const revoke = async (g: Grant) => {
    try {
      await api.del('/api/v1/auth/grants/{id}', { path: { id: g.id } });
      message.success(t('common.success'));
      if (account) await loadGrants(account.id);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const grantedRoleIds = new Set(grants.map((g) => g.role?.id));

  return (
    <Card title={<span data-testid="page-title">{t('grants.title')}</span>}>
      <Flex vertical gap={16}>
        {rolesError && <Alert type="error" showIcon title={rolesError} />}
        <Space wrap align="center">
          <Typography.Text strong>{t('grants.account')}</Typography.Text>
          <Select<string>
            data-testid="grant-account"
            aria-label={t('grants.account')}
            showSearch={{ filterOption: false, onSearch: (v: string) => void search(v) }}
            allowClear
            placeholder={t('grants.pickAccount')}
            style={{ width: 420 }}
            notFoundContent={searching ? <Spin size="small" /> : undefined}
            value={account?.id}
            onChange={(id) => setAccount(options.find((o) => o.id === id) ?? null)}
            options={options.map((a) => ({ value: a.id, label: accountLabel(a, tx(`kind.${a.kind}`, a.kind)) }))}
          />
        </Space>
        {!account ? (
          <Empty description={t('grants.selectAccount')} />
        ) : (
          <>
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, md: 3 }}
              items={[
                { key: 'loginName', label: t('field.loginName'), children: account.loginName || '—' },
                { key: 'name', label: t('field.name'), children: account.name },
                { key: 'kind', label: t('field.kind'), children: tx(`kind.${account.kind}`, account.kind) },
                { key: 'phone', label: t('field.phone'), children: account.phone || '—' },
                { key: 'status', label: t('field.status'), children: <StatusTag status={account.status} /> },
              ]}
            />
            <Space wrap>
              <Select<string>
                data-testid="grant-role"
                aria-label={t('grants.role')}
                placeholder={t('grants.pickRole')}
                style={{ width: 320 }}
                value={roleId}
                onChange={setRoleId}
                showSearch={{ optionFilterProp: 'label' }}
                options={roles.map((r) => ({ value: r.id, label: `${r.name} (${r.code})`, disabled: grantedRoleIds.has(r.id) }))}
              />
              <Button type="primary" onClick={grant} disabled={!roleId} loading={granting} data-testid="grant-submit">
                {t('grants.grant')}
              </Button>
            </Space>
            {error && <Alert type="error" showIcon title={error} />}
            <ResponsiveTable<Grant>
              data-testid="grants-table"
              title={() => t('grants.current')}
              rowKey="id"
              size="small"
              loading={loading}
              dataSource={grants}
              pagination={false}
              columns={[
                { key: 'code', title: t('roles.code'), render: (_: unknown, g: Grant) => <Typography.Text code>{g.role?.code}</Typography.Text> },
                { key: 'name', title: t('roles.name'), render: (_: unknown, g: Grant) => g.role?.name },
                {
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, g: Grant) => (
                    <Popconfirm title={t('grants.revokeConfirm')} onConfirm={() => revoke(g)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                      <Button type="link" danger size="small" data-testid={`grant-revoke-${g.role?.code ?? g.id}`}>
                        {t('grants.revoke')}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]}
            />
          </>
        )}
      </Flex>
    </Card>
  );
}
