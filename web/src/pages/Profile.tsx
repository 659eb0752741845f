import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Popconfirm, Space, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, applyFormError, errorMessage, setAccessToken, type ItemOf, type ResponseOf } from '../api';
import { NewPasswordFields } from '../components/CredentialFields';
import { ListPage } from '../components/ListPage';
import { usePagedList } from '../components/queries';
import { SmsCodeButton } from '../components/SmsCodeButton';
import { formatTime, LevelTag, StatusTag } from '../components/Tags';
import { upperCase, useRules } from '../forms';
import { useI18n } from '../i18n';
import { navigate, useRoute } from '../router';
import { currentUnit, useSession } from '../session';

const LIVENESS_KEY = 'yibao.liveness';

/** real-name verification and liveness both raise the level and hand back a token at it */
type LevelAnswer = ResponseOf<'/api/v1/auth/realname', 'post'>;

export default function ProfilePage() {
  const { t, tx, lang } = useI18n();
  const { me } = useSession();
  const { query } = useRoute();
  if (!me) return null;
  const level = me.authLevel;
  const unit = currentUnit(me);

  return (
    <Flex vertical gap={16}>
      <Card title={<span data-testid="page-title">{t('profile.basic')}</span>}>
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          data-testid="profile-info"
          items={[
            { key: 'name', label: t('field.name'), children: <span data-testid="profile-name">{me.name}</span> },
            { key: 'kind', label: t('field.kind'), children: <span data-testid="profile-kind">{tx(`kind.${me.kind}`, me.kind)}</span> },
            { key: 'idNumber', label: t('field.idNumber'), children: <span data-testid="profile-id-number">{me.idNumber || '—'}</span> },
            { key: 'phone', label: t('field.phone'), children: <span data-testid="profile-phone">{me.phone || '—'}</span> },
            { key: 'level', label: t('field.authLevel'), children: <LevelTag level={level} /> },
            { key: 'status', label: t('field.status'), children: <StatusTag status={me.status} /> },
            ...(me.loginName ? [{ key: 'loginName', label: t('field.loginName'), children: me.loginName }] : []),
            ...(unit ? [{ key: 'unit', label: t('field.unit'), children: <span data-testid="profile-unit">{`${unit.name}${unit.creditCode ? ` (${unit.creditCode})` : ''}`}</span> }] : []),
            ...(me.org ? [{ key: 'org', label: t('field.org'), children: me.org.name }] : []),
            { key: 'createdAt', label: t('field.createdAt'), children: formatTime(me.createdAt, lang) },
          ]}
        />
      </Card>
      <Card>
        <Tabs
          defaultActiveKey={query.get('tab') ?? 'verify'}
          items={[
            { key: 'verify', label: <span data-testid="tab-verify">{t('profile.verify')}</span>, children: <VerifyPanel level={level} /> },
            { key: 'phone', label: <span data-testid="tab-phone">{t('profile.changePhone')}</span>, children: <ChangePhonePanel /> },
            { key: 'password', label: <span data-testid="tab-password">{t('profile.changePassword')}</span>, children: <ChangePasswordPanel /> },
            { key: 'bindings', label: <span data-testid="tab-bindings">{t('profile.bindings')}</span>, children: <BindingsPanel /> },
            { key: 'sessions', label: <span data-testid="tab-sessions">{t('profile.sessions')}</span>, children: <SessionsPanel /> },
            { key: 'deactivate', label: <span data-testid="tab-deactivate">{t('profile.deactivate')}</span>, children: <DeactivatePanel /> },
          ]}
        />
      </Card>
    </Flex>
  );
}

function VerifyPanel({ level }: { level: number }) {
  const { t } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const { reload } = useSession();
  const [form] = Form.useForm<{ name: string; idNumber: string }>();
  const [busy, setBusy] = useState(false);
  const [liveness, setLiveness] = useState<{ bizToken: string; url?: string } | null>(() => {
    // Back from the provider's page (it appends ?bizToken=…) or a session started before a reload.
    const fromUrl = new URLSearchParams(window.location.search).get('bizToken');
    if (fromUrl) return { bizToken: fromUrl };
    try {
      const saved = sessionStorage.getItem(LIVENESS_KEY);
      return saved ? (JSON.parse(saved) as { bizToken: string; url?: string }) : null;
    } catch {
      return null;
    }
  });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (liveness) sessionStorage.setItem(LIVENESS_KEY, JSON.stringify(liveness));
    else sessionStorage.removeItem(LIVENESS_KEY);
  }, [liveness]);

  const raised = async (answer: LevelAnswer) => {
    setAccessToken(answer.accessToken);
    await reload();
    message.success(t('profile.levelUp', { level: answer.authLevel }));
  };

  const submitRealname = async (v: { name: string; idNumber: string }) => {
    setBusy(true);
    setError(null);
    try {
      await raised(await api.post('/api/v1/auth/realname', { name: v.name.trim(), idNumber: v.idNumber.trim().toUpperCase() }));
    } catch (e) {
      if (!applyFormError(form, e, ['name', 'idNumber'])) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const startLiveness = async () => {
    setBusy(true);
    setError(null);
    try {
      // The provider sends the browser back here with ?bizToken=… appended.
      const returnUrl = `${window.location.origin}${window.location.pathname}#/liveness-done`;
      const res = await api.post('/api/v1/auth/liveness', { returnUrl });
      setLiveness(res);
      window.open(res.url, '_blank', 'noopener');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const confirmLiveness = async () => {
    if (!liveness) return;
    setBusy(true);
    setError(null);
    try {
      const answer = await api.post('/api/v1/auth/liveness/{bizToken}/confirm', {}, { path: { bizToken: liveness.bizToken } });
      setLiveness(null);
      if (window.location.search.includes('bizToken')) window.history.replaceState(null, '', `${window.location.pathname}${window.location.hash}`);
      await raised(answer);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 560 }}>
      {error && <Alert type="error" showIcon title={error} data-testid="verify-error" role="alert" />}
      <Card size="small" title={t('profile.realname')}>
        {level >= 2 ? (
          <Alert type="success" showIcon title={t('profile.realnameDone')} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('profile.realnameHint')}</Typography.Paragraph>
            <Form form={form} layout="vertical" onFinish={submitRealname} name="realname">
              <Form.Item name="name" label={t('field.name')} rules={[rules.required('field.name')]}>
                <Input data-testid="realname-name" aria-label={t('field.name')} />
              </Form.Item>
              <Form.Item name="idNumber" label={t('field.idNumber')} getValueFromEvent={upperCase} rules={[rules.required('field.idNumber'), rules.idNumber]}>
                <Input data-testid="realname-id-number" maxLength={18} aria-label={t('field.idNumber')} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={busy} data-testid="realname-submit">
                {t('profile.realnameSubmit')}
              </Button>
            </Form>
          </>
        )}
      </Card>
      <Card size="small" title={t('profile.liveness')}>
        {level >= 3 ? (
          <Alert type="success" showIcon title={t('profile.livenessDone')} />
        ) : level < 2 ? (
          <Typography.Text type="secondary">{t('profile.livenessNeedsL2')}</Typography.Text>
        ) : (
          <Flex vertical gap={12}>
            <Typography.Text type="secondary">{t('profile.livenessHint')}</Typography.Text>
            {liveness?.url && (
              <Typography.Text>
                {t('profile.livenessOpened')}:{' '}
                <a href={liveness.url} target="_blank" rel="noopener noreferrer" data-testid="liveness-link">
                  {liveness.url}
                </a>
              </Typography.Text>
            )}
            <Space wrap>
              <Button type={liveness ? 'default' : 'primary'} onClick={startLiveness} loading={busy && !liveness} data-testid="liveness-start">
                {t('profile.livenessStart')}
              </Button>
              {liveness && (
                <Button type="primary" onClick={confirmLiveness} loading={busy} data-testid="liveness-confirm">
                  {t('profile.livenessConfirm')}
                </Button>
              )}
            </Space>
          </Flex>
        )}
      </Card>
    </Flex>
  );
}

function ChangePhonePanel() {
  const { t } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const { reload } = useSession();
  const [form] = Form.useForm<{ newPhone: string; smsCode: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async (v: { newPhone: string; smsCode: string }) => {
    setBusy(true);
    try {
      await api.post('/api/v1/user/me/phone', { newPhone: v.newPhone.trim(), smsCode: v.smsCode.trim() });
      message.success(t('profile.phoneChanged'));
      form.resetFields();
      await reload();
    } catch (e) {
      if (!applyFormError(form, e, ['newPhone', 'smsCode'], { phone: 'newPhone', code: 'smsCode' })) message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 420 }} name="change-phone">
      <Form.Item name="newPhone" label={t('field.newPhone')} rules={[rules.required('field.newPhone'), rules.phone]}>
        <Input data-testid="new-phone" inputMode="numeric" maxLength={11} aria-label={t('field.newPhone')} />
      </Form.Item>
      <Form.Item label={t('field.smsCode')} required>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="smsCode" noStyle rules={[rules.required('field.smsCode'), rules.smsCode]}>
            <Input data-testid="new-phone-code" inputMode="numeric" maxLength={8} aria-label={t('field.smsCode')} />
          </Form.Item>
          <SmsCodeButton form={form} phoneField="newPhone" purpose="change_phone" testId="new-phone-sms-send" />
        </Space.Compact>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="change-phone-submit">
        {t('common.submit')}
      </Button>
    </Form>
  );
}

function ChangePasswordPanel() {
  const { t } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const { forget } = useSession();
  const [form] = Form.useForm<{ oldPassword: string; newPassword: string; confirm: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async (v: { oldPassword: string; newPassword: string }) => {
    setBusy(true);
    try {
      await api.post('/api/v1/user/me/password', { oldPassword: v.oldPassword, newPassword: v.newPassword });
      message.success(t('profile.passwordChanged'));
      // A password change ends the account's sessions on the server; start over at the login page.
      forget();
      navigate('/login');
    } catch (e) {
      if (!applyFormError(form, e, ['oldPassword', 'newPassword'], { password: 'newPassword' })) message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 420 }} name="change-password">
      <Form.Item name="oldPassword" label={t('field.oldPassword')} rules={[rules.required('field.oldPassword')]}>
        <Input.Password data-testid="old-password" autoComplete="current-password" aria-label={t('field.oldPassword')} />
      </Form.Item>
      <NewPasswordFields testId="new-password" />
      <Button type="primary" htmlType="submit" loading={busy} data-testid="change-password-submit">
        {t('common.submit')}
      </Button>
    </Form>
  );
}

/** a linked account; the server masks its openId */
type Binding = ItemOf<'/api/v1/auth/bindings'>;

/**
 * WeChat / Alipay accounts linked for login. Linking needs an authorization code from the
 * provider's own page, which this app cannot produce, so here they are only listed and unlinked.
 */
function BindingsPanel() {
  const { t, tx, lang } = useI18n();
  const { message } = App.useApp();
  const list = usePagedList('/api/v1/auth/bindings');

  const providerName = (p: string) => tx(`provider.${p}`, p);

  const unbind = async (b: Binding) => {
    try {
      await api.del('/api/v1/auth/bindings/{provider}', { path: { provider: b.provider } });
      message.success(t('bindings.unbound', { provider: providerName(b.provider) }));
      await list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <div style={{ maxWidth: 720 }}>
      <ListPage
        list={list}
        testId="bindings-table"
        rowKey="provider"
        size="small"
        header={<Typography.Text type="secondary">{t('bindings.hint')}</Typography.Text>}
        locale={{ emptyText: t('bindings.empty') }}
        columns={[
          { key: 'provider', title: t('bindings.provider'), dataIndex: 'provider', render: (v: string) => providerName(v) },
          { key: 'openId', title: t('bindings.openId'), dataIndex: 'openId', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { key: 'createdAt', title: t('bindings.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, lang) },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, b: Binding) => (
              <Popconfirm
                title={t('bindings.unbindConfirm', { provider: providerName(b.provider) })}
                onConfirm={() => unbind(b)}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true, 'data-testid': `binding-unbind-confirm-${b.provider}` }}
              >
                <Button type="link" danger size="small" data-testid={`binding-unbind-${b.provider}`}>
                  {t('bindings.unbind')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </div>
  );
}

function SessionsPanel() {
  const { t } = useI18n();
  const { logout } = useSession();
  return (
    <Flex vertical gap={12} style={{ maxWidth: 560 }}>
      <Typography.Text type="secondary">{t('profile.logoutHint')}</Typography.Text>
      <Space wrap>
        <Button onClick={() => void logout(false)} data-testid="profile-logout">
          {t('header.logout')}
        </Button>
        <Popconfirm title={t('header.logoutAll')} onConfirm={() => logout(true)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
          <Button danger data-testid="profile-logout-all">
            {t('header.logoutAll')}
          </Button>
        </Popconfirm>
      </Space>
    </Flex>
  );
}

function DeactivatePanel() {
  const { t } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const { forget } = useSession();
  const [form] = Form.useForm<{ password: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    let password: string;
    try {
      ({ password } = await form.validateFields());
    } catch {
      return;
    }
    setBusy(true);
    try {
      await api.post('/api/v1/user/me/deactivate', { password });
      message.success(t('profile.deactivated'));
      forget();
      navigate('/login');
    } catch (e) {
      if (!applyFormError(form, e, ['password'])) message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={12} style={{ maxWidth: 420 }}>
      <Alert type="warning" showIcon title={t('profile.deactivateHint')} />
      <Form form={form} layout="vertical" name="deactivate">
        <Form.Item name="password" label={t('field.password')} rules={[rules.required('field.password')]}>
          <Input.Password data-testid="deactivate-password" autoComplete="current-password" aria-label={t('field.password')} />
        </Form.Item>
        <Popconfirm title={t('profile.deactivateConfirm')} onConfirm={submit} okText={t('common.confirm')} cancelText={t('common.cancel')} okButtonProps={{ danger: true, 'data-testid': 'deactivate-confirm' }}>
          <Button danger loading={busy} data-testid="deactivate-submit">
            {t('profile.deactivate')}
          </Button>
        </Popconfirm>
      </Form>
    </Flex>
  );
}
