/** The form items every credential form repeats: a texted code with its send button, and a new password with its confirmation. */
import { Form, Input, Space, type FormInstance } from 'antd';
import { useRules } from '../forms';
import { useI18n, type MessageKey } from '../i18n';
import { SmsCodeButton, type SmsPurpose } from './SmsCodeButton';

/** 短信验证码: the code's input and "获取验证码" for the phone in `phoneField`; test ids `<testId>-code` / `<testId>-send`. */
export function SmsCodeField({ form, name = 'smsCode', phoneField, purpose, testId }: { form: FormInstance; name?: string; phoneField: string; purpose: SmsPurpose; testId: string }) {
  const { t } = useI18n();
  const rules = useRules();
  return (
    <Form.Item label={t('field.smsCode')} required>
      <Space.Compact style={{ width: '100%' }}>
        <Form.Item name={name} noStyle rules={[rules.required('field.smsCode'), rules.smsCode]}>
          <Input data-testid={`${testId}-code`} inputMode="numeric" maxLength={8} autoComplete="one-time-code" aria-label={t('field.smsCode')} />
        </Form.Item>
        <SmsCodeButton form={form} phoneField={phoneField} purpose={purpose} testId={`${testId}-send`} />
      </Space.Compact>
    </Form.Item>
  );
}

/** 新密码 and 确认密码 under the platform's rules; test ids `<testId>` / `<testId>-confirm`. */
export function NewPasswordFields({ name = 'newPassword', label = 'field.newPassword', testId }: { name?: string; label?: MessageKey; testId: string }) {
  const { t } = useI18n();
  const rules = useRules();
  return (
    <>
      <Form.Item name={name} label={t(label)} rules={[rules.required(label), rules.password, rules.strongPassword]}>
        <Input.Password data-testid={testId} autoComplete="new-password" aria-label={t(label)} />
      </Form.Item>
      <Form.Item name="confirm" label={t('field.confirmPassword')} dependencies={[name]} rules={[rules.required('field.confirmPassword'), rules.sameAs(name)]}>
        <Input.Password data-testid={`${testId}-confirm`} autoComplete="new-password" aria-label={t('field.confirmPassword')} />
      </Form.Item>
    </>
  );
}
