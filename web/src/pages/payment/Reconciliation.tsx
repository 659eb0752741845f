/**
 * 支付对账: a clerk reconciles a day of a payment channel against its statement file, then decides
 * each difference (amount mismatch, missing on the platform, missing at the channel). The report
 * shown is the one in the address (`?id=`); past reports are listed to come back to.
 */
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, applyFormError, errorMessage, type BodyOf, type ItemOf, type ResponseOf } from '../../api';
import { yuan } from '../../components/format';
import { ListPage } from '../../components/ListPage';
import { usePagedList, useQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import { navigate, useRoute } from '../../router';

const PATH = '/admin/payment/reconciliation';
type Report = ResponseOf<'/api/v1/payment/reconciliations/{id}'>;
type Item = ItemOf<'/api/v1/payment/reconciliations/{id}/items'>;
type Channel = BodyOf<'/api/v1/payment/reconciliations', 'post'>['channel'];
type Resolution = BodyOf<'/api/v1/payment/reconciliation-items/{id}/resolve', 'post'>['resolution'];
const KINDS: Item['kind'][] = ['amount_mismatch', 'missing_on_platform', 'missing_at_channel', 'match'];
const RESOLUTIONS: Resolution[] = ['confirmed', 'book_on_platform', 'refund_payer', 'channel_adjust', 'write_off'];
/** the payment channels' styles; a channel the platform does not offer is refused with a message */
const CHANNELS: Channel[] = ['wechat', 'alipay', 'unionpay'];
const ITEM_STATUSES: Item['status'][] = ['open', 'resolved'];

/** Yesterday in Beijing time: the day a statement is usually fetched for. */
const yesterday = () => new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
const money = (fen: number | null) => (fen === null ? '—' : yuan(fen));

export default function PaymentReconciliationPage() {
  const { t, tx, lang } = useI18n();
  const { query } = useRoute();
  const id = query.get('id');
  const [form] = Form.useForm<{ date: string; channel: Channel }>();
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const past = usePagedList('/api/v1/payment/reconciliations', { reloadOn: id });

  const reconcile = async ({ date, channel }: { date: string; channel: Channel }) => {
    setRunning(true);
    setFailure(null);
    try {
      const report = await api.post('/api/v1/payment/reconciliations', { date: date.trim(), channel });
      navigate(`${PATH}?id=${encodeURIComponent(report.id)}`);
    } catch (e) {
      if (!applyFormError(form, e, ['date', 'channel'])) setFailure(errorMessage(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card title={<span data-testid="page-title">{t('payrecon.title')}</span>}>
        <ListPage
          list={past}
          testId="payrecon-list"
          size="small"
          header={
            <>
              <Typography.Text type="secondary">{t('payrecon.hint')}</Typography.Text>
              <Form form={form} layout="inline" name="payment-reconcile" initialValues={{ date: yesterday(), channel: 'wechat' }} onFinish={reconcile}>
                <Form.Item name="date" label={t('payrecon.date')} rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}>
                  <Input data-testid="payrecon-date" maxLength={10} placeholder="YYYY-MM-DD" style={{ width: 140 }} aria-label={t('payrecon.date')} />
                </Form.Item>
                <Form.Item name="channel" label={t('payrecon.channel')}>
                  <Select data-testid="payrecon-channel" style={{ width: 140 }} aria-label={t('payrecon.channel')} options={CHANNELS.map((c) => ({ value: c, label: t(`payrecon.channel.${c}`) }))} />
                </Form.Item>
                <Form.Item>
                  <Button type="primary" htmlType="submit" loading={running} data-testid="payrecon-run">
                    {t('payrecon.run')}
                  </Button>
                </Form.Item>
              </Form>
              {failure && <Alert type="error" showIcon title={failure} data-testid="payrecon-error" />}
            </>
          }
          columns={[
            { ...nowrap, key: 'date', title: t('payrecon.date'), dataIndex: 'date' },
            { ...nowrap, key: 'channel', title: t('payrecon.channel'), render: (_: unknown, r: Report) => tx(`payrecon.channel.${r.channel}`, r.channel) },
            { key: 'items', title: t('payrecon.progress'), render: (_: unknown, r: Report) => t('payrecon.progressText', r.items) },
            { ...nowrap, key: 'at', title: t('payrecon.lastRun'), render: (_: unknown, r: Report) => formatTime(r.lastRunAt, lang) },
            {
              ...nowrap,
              key: 'open',
              render: (_: unknown, r: Report) => (
                <Button size="small" type="link" data-testid={`payrecon-open-${r.id}`} onClick={() => navigate(`${PATH}?id=${encodeURIComponent(r.id)}`)}>
                  {t('payrecon.open')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {id && <ReportView key={id} id={id} />}
    </Flex>
  );
}

function ReportView({ id }: { id: string }) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const report = useQuery(useCallback(() => api.get('/api/v1/payment/reconciliations/{id}', { path: { id } }), [id]), null);
  const items = usePagedList('/api/v1/payment/reconciliations/{id}/items', { path: { id }, filters: { status: 'open' } });
  const [deciding, setDeciding] = useState<Item | null>(null);
  const [form] = Form.useForm<{ resolution: Resolution; note?: string }>();

  const decide = async (values: { resolution: Resolution; note?: string }) => {
    if (!deciding) return;
    try {
      await api.post(
        '/api/v1/payment/reconciliation-items/{id}/resolve',
        { resolution: values.resolution, ...(values.note?.trim() ? { note: values.note.trim() } : {}) },
        { path: { id: deciding.id } },
      );
      message.success(t('payrecon.decided'));
      setDeciding(null);
      await Promise.all([items.reload(), report.reload()]);
    } catch (e) {
      if (!applyFormError(form, e, ['resolution', 'note'])) message.error(errorMessage(e));
    }
  };

  if (report.error !== null) return <Alert type="error" showIcon title={report.error} />;
  const r = report.data;
  return (
    <Card title={r ? t('payrecon.of', { date: r.date, channel: tx(`payrecon.channel.${r.channel}`, r.channel) }) : t('app.loading')} data-testid="payrecon-view">
      <ListPage
        list={items}
        testId="payrecon-items"
        size="small"
        header={
          r && (
            <Descriptions
              size="small"
              bordered
              column={2}
              data-testid="payrecon-summary"
              items={[
                ...KINDS.map((k) => ({ key: k, label: tx(`payrecon.kind.${k}`, k), children: <span data-testid={`payrecon-count-${k}`}>{r.counts[k] ?? 0}</span> })),
                { key: 'progress', label: t('payrecon.progress'), children: t('payrecon.progressText', r.items) },
              ]}
            />
          )
        }
        filters={[
          { type: 'select', name: 'status', testId: 'payrecon-status', label: t('payment.status'), width: 160, options: ITEM_STATUSES.map((s) => ({ value: s, label: tx(`payrecon.status.${s}`, s) })) },
        ]}
        columns={[
          { ...nowrap, key: 'kind', title: t('payrecon.kind'), render: (_: unknown, i: Item) => <Tag color={i.kind === 'match' ? 'green' : 'red'}>{tx(`payrecon.kind.${i.kind}`, i.kind)}</Tag> },
          { ...nowrap, key: 'order', title: t('payrecon.order'), render: (_: unknown, i: Item) => i.orderId ?? i.channelRef ?? '—' },
          { ...nowrap, key: 'institution', title: t('payment.institution'), render: (_: unknown, i: Item) => (i.institutionCode ? <span title={i.institutionCode}>{i.institutionName ?? i.institutionCode}</span> : '—') },
          { ...nowrap, key: 'platform', title: t('payrecon.platform'), align: 'right', render: (_: unknown, i: Item) => money(i.platformFen) },
          { ...nowrap, key: 'channelFen', title: t('payrecon.channelAmount'), align: 'right', render: (_: unknown, i: Item) => money(i.channelFen) },
          { key: 'resolution', title: t('payrecon.resolution'), render: (_: unknown, i: Item) => (i.resolution ? `${tx(`payrecon.resolution.${i.resolution}`, i.resolution)}${i.note ? `：${i.note}` : ''}` : '') },
          {
            ...nowrap,
            key: 'decide',
            render: (_: unknown, i: Item) =>
              i.status === 'open' ? (
                <Button
                  size="small"
                  data-testid={`payrecon-decide-${i.id}`}
                  onClick={() => {
                    form.resetFields();
                    setDeciding(i);
                  }}
                >
                  {t('payrecon.decide')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Modal open={deciding !== null} title={t('payrecon.decide')} onCancel={() => setDeciding(null)} onOk={() => form.submit()} okButtonProps={{ 'data-testid': 'payrecon-decide-submit' }} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={decide} name="payment-decide">
          <Form.Item name="resolution" label={t('payrecon.resolution')} rules={[{ required: true, message: t('payrecon.resolution') }]}>
            <Select data-testid="payrecon-resolution" options={RESOLUTIONS.map((v) => ({ value: v, label: tx(`payrecon.resolution.${v}`, v) }))} />
          </Form.Item>
          <Form.Item name="note" label={t('payrecon.note')}>
            <Input.TextArea data-testid="payrecon-note" maxLength={200} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
