import { Alert, App, Button, Divider, Form, Input, Tabs, type FormInstance } from 'antd';
import { useState } from 'react';
import { api, applyFormError, errorMessage } from '../api';
import { AuthShell } from '../components/AuthShell';
import { SmsCodeField } from '../components/CredentialFields';
import { upperCase, useRules } from '../forms';
import { useI18n } from '../i18n';
import { navigate, useRoute } from '../router';

interface PersonForm {
  name: string;
  idNumber: string;
  phone: string;
  smsCode: string;
  password: string;
  confirm: string;
}

interface UnitForm {
  unitName: string;
  creditCode: string;
  agent: { name: string; idNumber: string; phone: string; password: string; confirm: string };
  smsCode: string;
}

const PERSON_FIELDS = ['name', 'idNumber', 'phone', 'smsCode', 'password', 'confirm'];
const UNIT_FIELDS = ['unitName', 'creditCode', 'agent.name', 'agent.idNumber', 'agent.phone', 'agent.password', 'smsCode'];

export default function RegisterPage() {
  const { t } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const { query } = useRoute();
  const [tab, setTab] = useState(query.get('tab') === 'unit' ? 'unit' : 'person');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [personForm] = Form.useForm<PersonForm>();
  const [unitForm] = Form.useForm<UnitForm>();

  /** Registers with `send`, then goes to the login page; the server's refusal goes on a field, or else above the tabs. */
  const registration =
    <V,>(form: FormInstance<V>, fields: string[], aliases: Record<string, string>, send: (values: V) => Promise<unknown>) =>
    async (values: V) => {
      setBusy(true);
      setError(null);
      try {
        await send(values);
        message.success(t('register.success'));
        navigate('/login?registered=1');
      } catch (e) {
        if (!applyFormError(form, e, fields, aliases)) setError(errorMessage(e));
      } finally {
        setBusy(false);
      }
    };

  const submitPerson = registration(personForm, PERSON_FIELDS, { code: 'smsCode' }, (v) =>
    api.post(
      '/api/v1/user/persons/register',
      { name: v.name.trim(), idNumber: v.idNumber.trim().toUpperCase(), phone: v.phone.trim(), smsCode: v.smsCode.trim(), password: v.password },
      { anonymous: true },
    ),
  );

  const submitUnit = registration(
    unitForm,
    UNIT_FIELDS,
    { name: 'agent.name', idNumber: 'agent.idNumber', phone: 'agent.phone', password: 'agent.password', code: 'smsCode' },
    (v) =>
      api.post(
        '/api/v1/user/units/register',
        {
          unitName: v.unitName.trim(),
          creditCode: v.creditCode.trim().toUpperCase(),
          agent: { name: v.agent.name.trim(), idNumber: v.agent.idNumber.trim().toUpperCase(), phone: v.agent.phone.trim(), password: v.agent.password },
          smsCode: v.smsCode.trim(),
        },
        { anonymous: true },
      ),
  );

  const smsItem = (form: typeof personForm | typeof unitForm, phoneField: string, prefix: string) => (
    <SmsCodeField form={form} phoneField={phoneField} purpose="register" testId={`${prefix}-sms`} />
  );

  return (
    <AuthShell title={t('register.title')} width={520} switchTo={{ prompt: t('register.hasAccount'), label: t('register.toLogin'), path: '/login', testId: 'to-login' }}>
      {error && <Alert data-testid="register-error" role="alert" type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k);
          setError(null);
        }}
        items={[
          {
            key: 'person',
            label: <span data-testid="register-tab-person">{t('register.tab.person')}</span>,
            children: (
              <Form form={personForm} layout="vertical" onFinish={submitPerson} name="register-person">
                <Form.Item name="name" label={t('field.name')} rules={[rules.required('field.name'), { max: 50 }]}>
                  <Input data-testid="person-name" autoComplete="name" aria-label={t('field.name')} />
                </Form.Item>
                <Form.Item name="idNumber" label={t('field.idNumber')} getValueFromEvent={upperCase} validateTrigger={['onChange', 'onBlur']} rules={[rules.required('field.idNumber'), rules.idNumber]}>
                  <Input data-testid="person-id-number" maxLength={18} autoComplete="off" aria-label={t('field.idNumber')} />
                </Form.Item>
                <Form.Item name="phone" label={t('field.phone')} rules={[rules.required('field.phone'), rules.phone]}>
                  <Input data-testid="person-phone" inputMode="numeric" maxLength={11} autoComplete="tel" aria-label={t('field.phone')} />
                </Form.Item>
                {smsItem(personForm, 'phone', 'person')}
                <Form.Item name="password" label={t('field.password')} rules={[rules.required('field.password'), rules.password, rules.strongPassword]}>
                  <Input.Password data-testid="person-password" autoComplete="new-password" aria-label={t('field.password')} />
                </Form.Item>
                <Form.Item
                  name="confirm"
                  label={t('field.confirmPassword')}
                  dependencies={['password']}
                  rules={[rules.required('field.confirmPassword'), rules.sameAs('password')]}
                >
                  <Input.Password data-testid="person-password-confirm" autoComplete="new-password" aria-label={t('field.confirmPassword')} />
                </Form.Item>
                <Button type="primary" htmlType="submit" block loading={busy} data-testid="person-register-submit">
                  {t('register.submit')}
                </Button>
              </Form>
            ),
          },
          {
            key: 'unit',
            label: <span data-testid="register-tab-unit">{t('register.tab.unit')}</span>,
            children: (
              <Form form={unitForm} layout="vertical" onFinish={submitUnit} name="register-unit">
                <Form.Item name="unitName" label={t('field.unitName')} rules={[rules.required('field.unitName'), { min: 2, max: 100 }]}>
                  <Input data-testid="unit-name" aria-label={t('field.unitName')} />
                </Form.Item>
                <Form.Item name="creditCode" label={t('field.creditCode')} getValueFromEvent={upperCase} validateTrigger={['onChange', 'onBlur']} rules={[rules.required('field.creditCode'), rules.creditCode]}>
                  <Input data-testid="unit-credit-code" maxLength={18} autoComplete="off" aria-label={t('field.creditCode')} />
                </Form.Item>
                <Divider titlePlacement="start" plain>
                  {t('register.agentSection')}
                </Divider>
                <Form.Item name={['agent', 'name']} label={t('field.agentName')} rules={[rules.required('field.agentName'), { max: 50 }]}>
                  <Input data-testid="unit-agent-name" aria-label={t('field.agentName')} />
                </Form.Item>
                <Form.Item name={['agent', 'idNumber']} label={t('field.agentIdNumber')} getValueFromEvent={upperCase} validateTrigger={['onChange', 'onBlur']} rules={[rules.required('field.agentIdNumber'), rules.idNumber]}>
                  <Input data-testid="unit-agent-id-number" maxLength={18} autoComplete="off" aria-label={t('field.agentIdNumber')} />
                </Form.Item>
                <Form.Item name={['agent', 'phone']} label={t('field.agentPhone')} rules={[rules.required('field.agentPhone'), rules.phone]}>
                  <Input data-testid="unit-agent-phone" inputMode="numeric" maxLength={11} aria-label={t('field.agentPhone')} />
                </Form.Item>
                {smsItem(unitForm, 'agent.phone', 'unit')}
                <Form.Item name={['agent', 'password']} label={t('field.password')} rules={[rules.required('field.password'), rules.password, rules.strongPassword]}>
                  <Input.Password data-testid="unit-agent-password" autoComplete="new-password" aria-label={t('field.password')} />
                </Form.Item>
                <Form.Item
                  name={['agent', 'confirm']}
                  label={t('field.confirmPassword')}
                  dependencies={[['agent', 'password']]}
                  rules={[rules.required('field.confirmPassword'), rules.sameAs(['agent', 'password'])]}
                >
                  <Input.Password data-testid="unit-agent-password-confirm" autoComplete="new-password" aria-label={t('field.confirmPassword')} />
                </Form.Item>
                <Button type="primary" htmlType="submit" block loading={busy} data-testid="unit-register-submit">
                  {t('register.submit')}
                </Button>
              </Form>
            ),
          },
        ]}
      />
    </AuthShell>
  );
}
