/**
 * 支付对账: a clerk reconciles a day of a payment channel against its statement file, then decides
 * each difference (amount mismatch, missing on the platform, missing at the channel). The report
 * shown is the one in the address (`?id=`); past reports are listed to come back to.
 */
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, applyFormError, errorMessage, type Page } from '../../api';
import { yuan } from '../../components/format';
import { usePagedQuery, useQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import { navigate, useRoute } from '../../router';

const PATH = '/admin/payment/reconciliation';
const KINDS = ['amount_mismatch', 'missing_on_platform', 'missing_at_channel', 'match'] as const;
const RESOLUTIONS = ['confirmed', 'book_on_platform', 'refund_payer', 'channel_adjust', 'write_off'] as const;
/** the payment channels' styles; a channel the platform does not offer is refused with a message */
const CHANNELS = ['wechat', 'alipay', 'unionpay'] as const;

interface Report {
  id: string;
  date: string;
  channel: (typeof CHANNELS)[number];
  runs: number;
  counts: Record<(typeof KINDS)[number], number>;
  items: { open: number; resolved: number };
  lastRunAt: string;
}

interface Item {
  id: string;
  kind: string;
  type: string;
  institutionCode: string | null;
  orderId: string | null;
  channelRef: string | null;
  platformFen: number | null;
  channelFen: number | null;
  differenceFen: number | null;
  status: string;
  resolution: string | null;
  note: string | null;
}

/** Yesterday in Beijing time: the day a statement is usually fetched for. */
const yesterday = () => new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
const money = (fen: number | null) => (fen === null ? '—' : yuan(fen));

export default function PaymentReconciliationPage() {
  const { t, lang } = useI18n();
  const { query } = useRoute();
  const id = query.get('id');
  const [form] = Form.useForm<{ date: string; channel: Report['channel'] }>();
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const past = usePagedQuery(useCallback((page: number, pageSize: number) => api.get<Page<Report>>('/payment/reconciliations', { query: { page, pageSize } }), [id]));

  const reconcile = async ({ date, channel }: { date: string; channel: Report['channel'] }) => {
    setRunning(true);
    setFailure(null);
    try {
      const report = await api.post<Report>('/payment/reconciliations', { date: date.trim(), channel });
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
        <Flex vertical gap={16}>
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
          <Table<Report>
            data-testid="payrecon-list"
            size="small"
            rowKey="id"
            loading={past.loading}
            dataSource={past.items}
            pagination={past.pagination}
            columns={[
              { ...nowrap, key: 'date', title: t('payrecon.date'), dataIndex: 'date' },
              { ...nowrap, key: 'channel', title: t('payrecon.channel'), render: (_: unknown, r: Report) => t(`payrecon.channel.${r.channel}`) },
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
        </Flex>
      </Card>
      {id && <ReportView key={id} id={id} />}
    </Flex>
  );
}

function ReportView({ id }: { id: string }) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const [status, setStatus] = useState<'open' | 'resolved'>('open');
  const report = useQuery(useCallback(() => api.get<Report>(`/payment/reconciliations/${encodeURIComponent(id)}`), [id]), null as Report | null);
  const items = usePagedQuery(
    useCallback((page: number, pageSize: number) => api.get<Page<Item>>(`/payment/reconciliations/${encodeURIComponent(id)}/items`, { query: { page, pageSize, status } }), [id, status]),
  );
  const [deciding, setDeciding] = useState<Item | null>(null);
  const [form] = Form.useForm<{ resolution: string; note?: string }>();

  const decide = async (values: { resolution: string; note?: string }) => {
    if (!deciding) return;
    try {
      await api.post(`/payment/reconciliation-items/${encodeURIComponent(deciding.id)}/resolve`, { resolution: values.resolution, ...(values.note?.trim() ? { note: values.note.trim() } : {}) });
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
    <Card title={r ? t('payrecon.of', { date: r.date, channel: t(`payrecon.channel.${r.channel}`) }) : t('app.loading')} data-testid="payrecon-view">
      {r && (
        <Descriptions
          size="small"
          bordered
          column={2}
          style={{ marginBottom: 16 }}
          data-testid="payrecon-summary"
          items={[
            ...KINDS.map((k) => ({ key: k, label: tx(`payrecon.kind.${k}`, k), children: <span data-testid={`payrecon-count-${k}`}>{r.counts[k] ?? 0}</span> })),
            { key: 'progress', label: t('payrecon.progress'), children: t('payrecon.progressText', r.items) },
          ]}
        />
      )}
      <Select
        value={status}
        onChange={setStatus}
        style={{ width: 160, marginBottom: 12 }}
        data-testid="payrecon-status"
        options={(['open', 'resolved'] as const).map((s) => ({ value: s, label: tx(`payrecon.status.${s}`, s) }))}
      />
      <Table<Item>
        data-testid="payrecon-items"
        size="small"
        rowKey="id"
        loading={items.loading}
        dataSource={items.items}
        pagination={items.pagination}
        scroll={{ x: 900 }}
        columns={[
          { ...nowrap, key: 'kind', title: t('payrecon.kind'), render: (_: unknown, i: Item) => <Tag color={i.kind === 'match' ? 'green' : 'red'}>{tx(`payrecon.kind.${i.kind}`, i.kind)}</Tag> },
          { ...nowrap, key: 'order', title: t('payrecon.order'), render: (_: unknown, i: Item) => i.orderId ?? i.channelRef ?? '—' },
          { ...nowrap, key: 'institution', title: t('payment.institution'), render: (_: unknown, i: Item) => i.institutionCode ?? '—' },
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
