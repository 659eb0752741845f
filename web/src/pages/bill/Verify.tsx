/**
 * 电子票据查验: the public verification page (no login), also what the QR code printed on a bill
 * opens with the fields filled in (`#/bill/verify?code=&number=&check=&date=&total=`).
 */
import { Alert, Button, Descriptions, Form, Input } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, applyFormError, errorMessage, type ResponseOf } from '../../api';
import { AuthShell } from '../../components/AuthShell';
import { fenOf, yuan } from '../../components/format';
import { useRoute } from '../../router';
import { useBillText } from './text';

interface Values {
  billCode: string;
  billNumber: string;
  checkCode: string;
  issueDate: string;
  total?: string;
}

type Answer = ResponseOf<'/api/v1/bill/verify'>;

const ALERT: Record<Answer['result'], 'success' | 'error' | 'warning'> = { genuine: 'success', voided: 'error', used: 'warning', not_found: 'error' };

export default function VerifyBillPage() {
  const t = useBillText();
  const { query } = useRoute();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      // a red-letter bill's total is negative
      const total = values.total?.trim();
      const totalFen = total ? (total.startsWith('-') ? -1 : 1) * (fenOf(total.replace(/^-/, '')) ?? 0) : undefined;
      setAnswer(
        await api.get('/api/v1/bill/verify', {
          anonymous: true,
          query: { billCode: values.billCode.trim(), billNumber: values.billNumber.trim(), checkCode: values.checkCode.trim().toUpperCase(), issueDate: values.issueDate.trim(), totalFen: totalFen ?? undefined },
        }),
      );
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 400 && applyFormError(form, e, ['billCode', 'billNumber', 'checkCode', 'issueDate'], { totalFen: 'total' }))) setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  // Opened from a bill's QR code: fill the form in and verify at once.
  useEffect(() => {
    const code = query.get('code');
    const date = query.get('date');
    if (!code || !date) return;
    const total = query.get('total');
    const values: Values = {
      billCode: code,
      billNumber: query.get('number') ?? '',
      checkCode: query.get('check') ?? '',
      issueDate: date,
      total: total && /^-?\d+$/.test(total) ? yuan(Number(total)).replace(/,/g, '') : undefined,
    };
    form.setFieldsValue(values);
    void form.validateFields().then(submit, () => undefined);
  }, []); // once, on opening: later edits are the reader's own

  const rules = (pattern: RegExp) => [{ required: true, pattern, message: t('verify.invalid') }];
  const bill = answer?.bill;
  return (
    <AuthShell title={t('verify.title')} width={560} switchTo={{ prompt: '', label: t('verify.toLogin'), path: '/login', testId: 'verify-to-login' }}>
      <Alert type="info" showIcon title={t('verify.hint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} name="bill-verify">
        <Form.Item name="billCode" label={t('col.code')} rules={rules(/^\d{8}$/)}>
          <Input data-testid="verify-code" inputMode="numeric" maxLength={8} />
        </Form.Item>
        <Form.Item name="billNumber" label={t('col.number')} rules={rules(/^\d{10}$/)}>
          <Input data-testid="verify-number" inputMode="numeric" maxLength={10} />
        </Form.Item>
        <Form.Item name="checkCode" label={t('col.checkCode')} rules={rules(/^[0-9A-Za-z]{6}$/)}>
          <Input data-testid="verify-check" maxLength={6} />
        </Form.Item>
        <Form.Item name="issueDate" label={`${t('col.date')} (YYYY-MM-DD)`} rules={rules(/^\d{4}-\d{2}-\d{2}$/)}>
          <Input data-testid="verify-date" maxLength={10} placeholder="2026-03-01" />
        </Form.Item>
        <Form.Item name="total" label={t('verify.total')} rules={[{ pattern: /^-?\d{1,9}(\.\d{1,2})?$/, message: t('verify.invalid') }]}>
          <Input data-testid="verify-total" inputMode="decimal" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="verify-submit">
          {t('verify.submit')}
        </Button>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      {answer && (
        <div data-testid="verify-result" data-result={answer.result} style={{ marginTop: 16 }}>
          <Alert type={ALERT[answer.result]} showIcon title={t(`result.${answer.result}`)} />
          {bill && (
            <Descriptions size="small" column={1} bordered style={{ marginTop: 12 }}>
              <Descriptions.Item label={t('col.code')}>{bill.billCode}</Descriptions.Item>
              <Descriptions.Item label={t('col.number')}>{bill.billNumber}</Descriptions.Item>
              <Descriptions.Item label={t('col.date')}>{bill.issueDate}</Descriptions.Item>
              <Descriptions.Item label={t('col.institution')}>{`${bill.institution.name}（${bill.institution.code}）`}</Descriptions.Item>
              <Descriptions.Item label={t('result.payer')}>{bill.payerName}</Descriptions.Item>
              <Descriptions.Item label={t('col.visitType')}>{t(`visit.${bill.visitType}`)}</Descriptions.Item>
              <Descriptions.Item label={t('col.total')}>{yuan(bill.totalFen)}</Descriptions.Item>
              <Descriptions.Item label={t('col.fund')}>{yuan(bill.fundPayFen)}</Descriptions.Item>
              <Descriptions.Item label={t('col.account')}>{yuan(bill.accountPayFen)}</Descriptions.Item>
              <Descriptions.Item label={t('col.cash')}>{yuan(bill.cashPayFen)}</Descriptions.Item>
              {bill.redBill && <Descriptions.Item label={t('result.redBill')}>{`${bill.redBill.billCode} ${bill.redBill.billNumber}`}</Descriptions.Item>}
              {bill.originalBill && <Descriptions.Item label={t('result.originalBill')}>{`${bill.originalBill.billCode} ${bill.originalBill.billNumber}`}</Descriptions.Item>}
            </Descriptions>
          )}
        </div>
      )}
    </AuthShell>
  );
}
