/**
 * 忘记密码: a code texted to the account's phone, then a new password; every session of the account
 * ends and the person logs in again. Staff and administrators are told to ask an administrator.
 */
import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { api, applyFormError, errorMessage } from '../api';
import { AuthShell } from '../components/AuthShell';
import { NewPasswordFields, SmsCodeField } from '../components/CredentialFields';
import { useRules } from '../forms';
import { useI18n } from '../i18n';
import { navigate } from '../router';

interface ResetForm {
  phone: string;
  smsCode: string;
  newPassword: string;
  confirm: string;
}

const FIELDS = ['phone', 'smsCode', 'newPassword', 'confirm'];

export default function ForgotPasswordPage() {
  const { t } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: ResetForm) => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/api/v1/user/password/reset', { phone: values.phone.trim(), smsCode: values.smsCode.trim(), newPassword: values.newPassword }, { anonymous: true });
      message.success(t('forgot.success'));
      navigate('/login?reset=1');
    } catch (e) {
      if (!applyFormError(form, e, FIELDS)) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthShell title={t('forgot.title')} width={440} switchTo={{ prompt: t('forgot.remembered'), label: t('register.toLogin'), path: '/login', testId: 'to-login' }}>
      <Alert type="info" showIcon title={t('forgot.hint')} style={{ marginBottom: 16 }} />
      {error && <Alert data-testid="forgot-error" role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} name="forgot-password">
        <Form.Item name="phone" label={t('field.phone')} rules={[rules.required('field.phone'), rules.phone]}>
          <Input data-testid="forgot-phone" inputMode="numeric" maxLength={11} autoComplete="tel" aria-label={t('field.phone')} />
        </Form.Item>
        <SmsCodeField form={form} phoneField="phone" purpose="reset_password" testId="forgot-sms" />
        <NewPasswordFields testId="forgot-password" />
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="forgot-submit">
          {t('forgot.submit')}
        </Button>
      </Form>
    </AuthShell>
  );
}
