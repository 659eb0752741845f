import { App, Button, type FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, applyFormError, errorMessage, type BodyOf } from '../api';
import { useI18n } from '../i18n';

export type SmsPurpose = BodyOf<'/api/v1/auth/sms/send', 'post'>['purpose'];

interface Props {
  form: FormInstance;
  /** the form field that holds the phone number (dotted for nested, e.g. "agent.phone") */
  phoneField: string;
  purpose: SmsPurpose;
  testId?: string;
  /** seconds before the code can be requested again */
  cooldown?: number;
}

/** "获取验证码" with a 60 s countdown; validates the phone field first and shows the server's refusal on it. */
export function SmsCodeButton({ form, phoneField, purpose, testId = 'sms-send', cooldown = 60 }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [left, setLeft] = useState(0);
  const [sending, setSending] = useState(false);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);

  useEffect(() => () => {
    if (timer.current) clearInterval(timer.current);
  }, []);

  const start = (seconds: number) => {
    setLeft(seconds);
    if (timer.current) clearInterval(timer.current);
    timer.current = setInterval(() => {
      setLeft((s) => {
        if (s <= 1 && timer.current) {
          clearInterval(timer.current);
          timer.current = null;
        }
        return Math.max(0, s - 1);
      });
    }, 1000);
  };

  const onClick = async () => {
    const name = phoneField.split('.');
    try {
      await form.validateFields([name]);
    } catch {
      return;
    }
    const phone = String(form.getFieldValue(name) ?? '').trim();
    setSending(true);
    try {
      const res = await api.post('/api/v1/auth/sms/send', { phone, purpose }, { anonymous: purpose !== 'change_phone' });
      message.success(t('sms.sent', { minutes: Math.max(1, Math.round(res.ttlSec / 60)) }));
      start(cooldown);
    } catch (error) {
      const retry = Number((error as { problem?: { retryAfterSec?: unknown } }).problem?.retryAfterSec);
      if (Number.isFinite(retry) && retry > 0) start(Math.ceil(retry));
      if (!applyFormError(form, error, [phoneField], { phone: phoneField, newPhone: phoneField })) message.error(errorMessage(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Button data-testid={testId} onClick={onClick} loading={sending} disabled={left > 0} style={{ minWidth: 132 }}>
      {left > 0 ? t('sms.resend', { seconds: left }) : t('sms.send')}
    </Button>
  );
}
