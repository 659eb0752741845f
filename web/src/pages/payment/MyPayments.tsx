/**
 * 我的支付: the person's hybrid-payment orders (fund + personal account + cash). An order the
 * institution created waits here for the person to confirm it with the voucher password; the answer
 * says how it ended (paid, or the cash part still to pay). A cash part still to pay is paid at the
 * cashier (收银台, Cashier.tsx), open while the route names the order (#/personal/payments?order=…),
 * which is where the channel's payment page sends the browser back to.
 */
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Tag } from 'antd';
import { useCallback, useState } from 'react';
import { api, applyFormError, errorMessage, type ItemOf } from '../../api';
import { yuan } from '../../components/format';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import { navigate, useRoute } from '../../router';
import { Cashier } from './Cashier';

type Order = ItemOf<'/api/v1/payment/mine'>;

const STATUS_COLOR: Record<string, string> = { created: 'gold', settling: 'blue', paying: 'blue', paid: 'green', refunded: 'purple', failed: 'red', closed: 'default', compensating: 'orange' };

export default function MyPaymentsPage() {
  const { t, tx, lang } = useI18n();
  const { message } = App.useApp();
  const orders = usePagedList('/api/v1/payment/mine');
  const [confirming, setConfirming] = useState<Order | null>(null);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [form] = Form.useForm<{ password: string }>();
  const cashierId = useRoute().query.get('order');
  const openCashier = (id: string) => navigate(`/personal/payments?order=${encodeURIComponent(id)}`);
  const reload = orders.reload;
  const changed = useCallback(() => void reload(), [reload]);

  const open = (order: Order) => {
    form.resetFields();
    setFailure(null);
    // one key per confirmation attempt: a retried request (lost answer) is answered, not paid twice
    setKey(crypto.randomUUID());
    setConfirming(order);
  };

  const confirm = async ({ password }: { password: string }) => {
    if (!confirming) return;
    setBusy(true);
    setFailure(null);
    try {
      const done = await api.post('/api/v1/payment/orders/{id}/confirm', { password }, { path: { id: confirming.id }, idempotencyKey: key });
      message.success(t(done.status === 'paid' ? 'payment.paid' : 'payment.cashPending'));
      setConfirming(null);
      void orders.reload();
      // the cash part: on to the cashier
      if (done.status === 'paying') openCashier(done.id);
    } catch (e) {
      if (!applyFormError(form, e, ['password'])) setFailure(errorMessage(e));
      // a refused password may be tried again, as a new request
      setKey(crypto.randomUUID());
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<span data-testid="page-title">{t('payment.title')}</span>}>
      <ListPage
        list={orders}
        testId="payments-table"
        columns={[
          { ...nowrap, key: 'at', title: t('payment.createdAt'), render: (_: unknown, o: Order) => formatTime(o.createdAt, lang) },
          {
            ...nowrap,
            key: 'institution',
            title: t('payment.institution'),
            // the institution by name, its code in the tooltip
            render: (_: unknown, o: Order) => <span title={o.institutionCode} data-testid={`payment-institution-${o.id}`}>{o.institutionName ?? o.institutionCode}</span>,
          },
          { ...nowrap, key: 'total', title: t('payment.total'), align: 'right', render: (_: unknown, o: Order) => yuan(o.totalFen) },
          { ...nowrap, key: 'fund', title: t('payment.fund'), align: 'right', render: (_: unknown, o: Order) => yuan(o.fundFen) },
          { ...nowrap, key: 'account', title: t('payment.account'), align: 'right', render: (_: unknown, o: Order) => yuan(o.accountFen) },
          { ...nowrap, key: 'cash', title: t('payment.cash'), align: 'right', render: (_: unknown, o: Order) => yuan(o.cashFen) },
          {
            ...nowrap,
            key: 'status',
            title: t('payment.status'),
            render: (_: unknown, o: Order) => (
              <Tag color={STATUS_COLOR[o.status] ?? 'default'} data-testid={`payment-status-${o.id}`} data-status={o.status}>
                {tx(`payment.status.${o.status}`, o.status)}
              </Tag>
            ),
          },
          {
            ...nowrap,
            key: 'actions',
            render: (_: unknown, o: Order) =>
              o.status === 'created' ? (
                <Button type="primary" size="small" data-testid={`payment-confirm-${o.id}`} onClick={() => open(o)}>
                  {t('payment.confirm')}
                </Button>
              ) : o.status === 'paying' || o.status === 'paid' ? (
                <Button type={o.status === 'paying' ? 'primary' : 'default'} size="small" data-testid={`payment-cashier-${o.id}`} onClick={() => openCashier(o.id)}>
                  {t(o.status === 'paying' ? 'cashier.open' : 'cashier.view')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal
        open={confirming !== null}
        title={t('payment.confirmTitle')}
        onCancel={() => setConfirming(null)}
        okText={t('payment.confirm')}
        okButtonProps={{ loading: busy, 'data-testid': 'payment-confirm-submit' }}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {confirming && (
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'total', label: t('payment.total'), children: yuan(confirming.totalFen) },
              { key: 'fund', label: t('payment.fund'), children: yuan(confirming.fundFen) },
              { key: 'account', label: t('payment.account'), children: yuan(confirming.accountFen) },
              { key: 'cash', label: t('payment.cash'), children: <span data-testid="payment-confirm-cash">{yuan(confirming.cashFen)}</span> },
            ]}
          />
        )}
        {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} data-testid="payment-confirm-error" />}
        <Form form={form} layout="vertical" onFinish={confirm} name="payment-confirm">
          <Form.Item name="password" label={t('payment.password')} rules={[{ required: true, pattern: /^\d{6}$/, message: t('payment.passwordFormat') }]}>
            <Input.Password data-testid="payment-password" maxLength={6} inputMode="numeric" autoComplete="off" aria-label={t('payment.password')} />
          </Form.Item>
        </Form>
      </Modal>
      <Cashier orderId={cashierId} onClose={() => navigate('/personal/payments')} onChanged={changed} />
    </Card>
  );
}
