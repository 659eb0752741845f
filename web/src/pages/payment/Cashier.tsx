/**
 * 收银台 the cashier of a confirmed order: the cash part still to pay (the fund and account parts
 * already paid), the channel picker (微信支付 / 支付宝 / 云闪付, those the platform offers) and 去支付,
 * which opens the channel's payment page; the page sends the browser back here
 * (#/personal/payments?order=…), where the order is polled until it is paid and its e-bill shown
 * once the hospital has issued it. A bottom sheet on a phone, reachable with one thumb.
 */
import { Alert, Button, Descriptions, Drawer, Flex, Grid, Radio, Result, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage, saveBlob, type ItemOf, type ResponseOf } from '../../api';
import { yuan } from '../../components/format';
import { useI18n, type MessageKey } from '../../i18n';

type Order = ResponseOf<'/api/v1/payment/mine/{id}'>;
type Channel = ResponseOf<'/api/v1/payment/cashier/channels'>['channels'][number];
type Bill = ItemOf<'/api/v1/bill/mine'>;

/** How often the order (and then its e-bill) is asked for while the cashier is open. */
const POLL_MS = 1500;

/** An amount in yuan that never breaks across lines (the labels wrap instead). */
const Amount = ({ fen, testId }: { fen: number; testId?: string }) => (
  <span data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
    {yuan(fen)}
  </span>
);

export const CHANNEL_LABEL: Record<Channel, MessageKey> = { wechat: 'cashier.channel.wechat', alipay: 'cashier.channel.alipay', unionpay: 'cashier.channel.unionpay' };

export function Cashier({ orderId, onClose, onChanged }: { orderId: string | null; onClose: () => void; onChanged: () => void }) {
  const { t, tx } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  const [order, setOrder] = useState<Order | null>(null);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [channel, setChannel] = useState<Channel | null>(null);
  const [bill, setBill] = useState<Bill | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [going, setGoing] = useState(false);

  const loadOrder = useCallback(async () => {
    if (!orderId) return;
    try {
      const next = await api.get('/api/v1/payment/mine/{id}', { path: { id: orderId } });
      setOrder((before) => {
        if (before && before.status !== next.status) onChanged();
        return next;
      });
    } catch (e) {
      setFailure(errorMessage(e));
    }
  }, [orderId, onChanged]);

  useEffect(() => {
    setOrder(null);
    setBill(null);
    setFailure(null);
    setChannel(null);
    if (!orderId) return;
    void loadOrder();
    api.get('/api/v1/payment/cashier/channels').then((c) => setChannels(c.channels), (e: unknown) => setFailure(errorMessage(e)));
  }, [orderId, loadOrder]);

  useEffect(() => {
    if (order && channel === null) setChannel(order.payChannel);
  }, [order, channel]);

  // Paying: polled until the channel's callback ends it (the person may be back from the channel's page, or paying elsewhere).
  const paying = order?.status === 'paying' || order?.status === 'settling' || order?.status === 'compensating';
  useEffect(() => {
    if (!paying) return;
    const timer = setInterval(() => void loadOrder(), POLL_MS);
    return () => clearInterval(timer);
  }, [paying, loadOrder]);

  // Paid: the e-bill appears once the hospital has issued it for this order.
  const paid = order?.status === 'paid';
  useEffect(() => {
    if (!paid || bill || !orderId) return;
    const find = async () => {
      const page = await api.get('/api/v1/bill/mine', { query: { page: 1, pageSize: 50 } });
      const found = page.items.find((b) => b.settlementRef === orderId && b.kind !== 'red');
      if (found) setBill(found);
    };
    void find().catch(() => undefined);
    const timer = setInterval(() => void find().catch(() => undefined), POLL_MS * 2);
    return () => clearInterval(timer);
  }, [paid, bill, orderId]);

  const go = async () => {
    if (!order || !channel) return;
    setGoing(true);
    setFailure(null);
    try {
      const answer = await api.post('/api/v1/payment/orders/{id}/cashier', { channel }, { path: { id: order.id } });
      // the channel's page; it sends the browser back to this order
      window.location.assign(answer.cashierUrl);
    } catch (e) {
      setFailure(errorMessage(e));
      setGoing(false);
      void loadOrder();
    }
  };

  const download = async (b: Bill) => {
    try {
      saveBlob(await api.download('/api/v1/bill/mine/{id}/pdf', { path: { id: b.id } }), `${b.billCode}-${b.billNumber}.pdf`);
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };

  return (
    <Drawer
      open={orderId !== null}
      onClose={onClose}
      placement={phone ? 'bottom' : 'right'}
      size={phone ? '88%' : 440}
      title={<span data-testid="cashier-title">{t('cashier.title')}</span>}
      destroyOnHidden
    >
      {!order ? (
        failure ? <Alert type="error" showIcon title={failure} /> : <Spin />
      ) : (
        <Flex vertical gap={16} data-testid="cashier" data-status={order.status}>
          {paid ? (
            <Result
              status="success"
              style={{ padding: '8px 0' }}
              title={<span data-testid="cashier-paid">{t('cashier.paid')}</span>}
              subTitle={t('cashier.paidCash', { amount: yuan(order.cashFen) })}
            />
          ) : (
            <div style={{ textAlign: 'center' }}>
              <Typography.Text type="secondary">{t('cashier.toPay')}</Typography.Text>
              <div style={{ fontSize: 32, fontWeight: 600 }}>
                ¥ <span data-testid="cashier-cash">{yuan(order.cashFen)}</span>
              </div>
            </div>
          )}
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'total', label: t('payment.total'), children: <Amount fen={order.totalFen} /> },
              { key: 'fund', label: t('cashier.fundPaid'), children: <Amount fen={order.fundFen} testId="cashier-fund" /> },
              { key: 'account', label: t('cashier.accountPaid'), children: <Amount fen={order.accountFen} testId="cashier-account" /> },
              { key: 'status', label: t('payment.status'), children: tx(`payment.status.${order.status}`, order.status) },
            ]}
          />
          {failure && <Alert type="error" showIcon title={failure} data-testid="cashier-error" />}
          {order.status === 'paying' && (
            <>
              <Typography.Text strong>{t('cashier.pickChannel')}</Typography.Text>
              <Radio.Group value={channel} onChange={(e) => setChannel(e.target.value as Channel)} style={{ width: '100%' }} aria-label={t('cashier.pickChannel')}>
                <Flex vertical gap={8}>
                  {channels.map((c) => (
                    <Radio.Button key={c} value={c} style={{ height: 48, lineHeight: '46px', width: '100%', borderRadius: 8 }}>
                      <span data-testid={`cashier-channel-${c}`} data-checked={channel === c}>
                        {t(CHANNEL_LABEL[c])}
                      </span>
                    </Radio.Button>
                  ))}
                </Flex>
              </Radio.Group>
              <Typography.Text type="secondary">{t('cashier.waiting')}</Typography.Text>
              <Button type="primary" size="large" block loading={going} disabled={!channel} onClick={() => void go()} data-testid="cashier-go" style={{ height: 52 }}>
                {t('cashier.go')}
              </Button>
            </>
          )}
          {paid &&
            (bill ? (
              <Flex vertical gap={8} data-testid="cashier-bill">
                <Typography.Text>
                  {t('cashier.bill')} <span data-testid="cashier-bill-number">{bill.billNumber}</span>
                </Typography.Text>
                <Button size="large" block onClick={() => void download(bill)} data-testid="cashier-bill-pdf">
                  {t('cashier.billPdf')}
                </Button>
                <Button size="large" block type="link" href="#/personal/bills" data-testid="cashier-bill-link">
                  {t('cashier.billList')}
                </Button>
              </Flex>
            ) : (
              <Typography.Text type="secondary" data-testid="cashier-bill-pending">
                {t('cashier.billPending')}
              </Typography.Text>
            ))}
          {!paying && !paid && <Alert type="warning" showIcon title={tx(`payment.status.${order.status}`, order.status)} />}
        </Flex>
      )}
    </Drawer>
  );
}
