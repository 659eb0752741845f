import { Alert, App, Button, Form, Input, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, applyFormError, errorMessage } from '../api';
import { AuthShell } from '../components/AuthShell';
import { formatTime } from '../components/Tags';
import { SmsCodeField } from '../components/CredentialFields';
import { useRules } from '../forms';
import { useI18n } from '../i18n';
import { href, navigate, useRoute, HOME } from '../router';
import { useSession, type LoginResult } from '../session';
import { OAuthProblemAlert, OtherLogins, type OAuthProblem } from './OtherLogins';
import { QrLogin } from './QrLogin';

interface PasswordForm {
  identifier: string;
  password: string;
}
interface SmsForm {
  phone: string;
  code: string;
}

export default function LoginPage() {
  const { t, lang } = useI18n();
  const rules = useRules();
  const session = useSession();
  const { message } = App.useApp();
  const { query } = useRoute();
  const [tab, setTab] = useState<'password' | 'sms' | 'qr'>('password');
  const [error, setError] = useState<ApiError | Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [oauthProblem, setOAuthProblem] = useState<OAuthProblem | null>(null);
  const [pwForm] = Form.useForm<PasswordForm>();
  const [smsForm] = Form.useForm<SmsForm>();

  const afterLogin = async (result: LoginResult & { passwordExpired?: boolean }) => {
    await session.login(result);
    if (result.passwordExpired) {
      message.warning(t('login.passwordExpired'));
      navigate('/profile?tab=password', { replace: true });
    } else {
      navigate(query.get('next') || HOME, { replace: true });
    }
  };

  const submitPassword = async (values: PasswordForm) => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.post('/api/v1/auth/login', { identifier: values.identifier.trim(), password: values.password }, { anonymous: true });
      await afterLogin(result);
    } catch (e) {
      setError(e as Error);
      // Wrong credentials and lockouts are shown in the alert; only format problems go on a field.
      if (e instanceof ApiError && e.status === 400) applyFormError(pwForm, e, ['identifier', 'password']);
    } finally {
      setBusy(false);
    }
  };

  const submitSms = async (values: SmsForm) => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.post('/api/v1/auth/login/sms', { phone: values.phone.trim(), code: values.code.trim() }, { anonymous: true });
      await afterLogin(result);
    } catch (e) {
      setError(e as Error);
      if (e instanceof ApiError && e.status === 400) applyFormError(smsForm, e, ['phone', 'code'], { smsCode: 'code' });
    } finally {
      setBusy(false);
    }
  };

  const locked = error instanceof ApiError && (error.status === 423 || /lock/i.test(error.code));
  // The server names the end of a lockout as an ISO instant; show it in the reader's local time.
  const shown = error ? errorMessage(error).replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, (iso) => formatTime(iso, lang)) : '';

  return (
    <AuthShell title={t('login.title')} switchTo={{ prompt: t('login.noAccount'), label: t('login.toRegister'), path: '/register', testId: 'to-register' }}>
      {query.get('expired') && !error && <Alert type="warning" showIcon title={t('app.sessionExpired')} style={{ marginBottom: 16 }} />}
      {query.get('registered') && !error && <Alert type="success" showIcon title={t('register.success')} style={{ marginBottom: 16 }} />}
      {query.get('reset') && !error && <Alert data-testid="login-reset-done" type="success" showIcon title={t('forgot.success')} style={{ marginBottom: 16 }} />}
      {oauthProblem && !error && <OAuthProblemAlert problem={oauthProblem} />}
      {error && (
        <Alert
          data-testid="login-error"
          role="alert"
          type={locked ? 'warning' : 'error'}
          showIcon
          title={locked ? shown : t('login.failed')}
          description={locked ? undefined : shown}
          style={{ marginBottom: 16 }}
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k as 'password' | 'sms' | 'qr');
          setError(null);
          setOAuthProblem(null);
        }}
        items={[
          {
            key: 'password',
            label: <span data-testid="login-tab-password">{t('login.tab.password')}</span>,
            children: (
              <Form form={pwForm} layout="vertical" onFinish={submitPassword} requiredMark={false} name="login-password">
                <Form.Item name="identifier" label={t('field.identifier')} rules={[rules.required('field.identifier')]}>
                  <Input data-testid="login-identifier" autoComplete="username" aria-label={t('field.identifier')} />
                </Form.Item>
                <Form.Item name="password" label={t('field.password')} rules={[rules.required('field.password')]}>
                  <Input.Password data-testid="login-password" autoComplete="current-password" aria-label={t('field.password')} />
                </Form.Item>
                <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
                  {t('login.submit')}
                </Button>
                <div style={{ marginTop: 12, textAlign: 'right' }}>
                  <a href={href('/forgot-password')} data-testid="to-forgot-password">
                    {t('forgot.link')}
                  </a>
                </div>
              </Form>
            ),
          },
          {
            key: 'sms',
            label: <span data-testid="login-tab-sms">{t('login.tab.sms')}</span>,
            children: (
              <Form form={smsForm} layout="vertical" onFinish={submitSms} requiredMark={false} name="login-sms">
                <Form.Item name="phone" label={t('field.phone')} rules={[rules.required('field.phone'), rules.phone]}>
                  <Input data-testid="login-phone" autoComplete="tel" inputMode="numeric" maxLength={11} aria-label={t('field.phone')} />
                </Form.Item>
                <SmsCodeField form={smsForm} name="code" phoneField="phone" purpose="login" testId="login-sms" />
                <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-sms-submit">
                  {t('login.submit')}
                </Button>
              </Form>
            ),
          },
          {
            key: 'qr',
            label: <span data-testid="login-tab-qr">{t('login.tab.qr')}</span>,
            // mounted only while shown: it polls the server
            children: tab === 'qr' ? <QrLogin onTokens={afterLogin} /> : null,
          },
        ]}
      />
      <OtherLogins onTokens={afterLogin} onProblem={setOAuthProblem} busy={busy} />
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        <a href={href('/bill/verify')} data-testid="to-verify-bill">
          {t('login.verifyBill')}
        </a>
      </Typography.Paragraph>
    </AuthShell>
  );
}
