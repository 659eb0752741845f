/**
 * 对账: a clerk compares a pooling region's month (receivables, payments, file rows, payer by
 * payer), reads the summary and resolves each mismatch (追缴 / 退费 / 结转下期 / 核销 / 确认无误).
 * The reconciliation shown is the one in the address (`?id=`), so it can be reopened.
 */
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, applyFormError, errorMessage, type Page } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { usePagedQuery, useQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { MONTH_PATTERN, thisMonth, yuan } from '../../components/format';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { nowrap } from '../../components/table';
import { useRules } from '../../forms';
import { useI18n } from '../../i18n';
import { navigate, useRoute } from '../../router';
import { useSession } from '../../session';
import { CollectionTag, defaultPoolingRegion } from './common';

const KINDS = ['unpaid', 'short', 'over', 'no_receivable', 'duplicate'] as const;
const RESOLUTIONS = ['chase_payment', 'refund', 'carry_forward', 'write_off', 'confirmed'] as const;
const PATH = '/admin/collection/reconciliation';

interface Summary {
  id: string;
  regionCode: string;
  month: string;
  pools: number;
  matched: number;
  dueFen: number;
  paidFen: number;
  differenceFen: number;
  counts: Record<(typeof KINDS)[number], number>;
  items: { open: number; resolved: number };
  createdBy: string;
  createdAt: string;
}

interface Item {
  id: string;
  kind: string;
  payerKey: string;
  month: string;
  insuranceType: string;
  dueFen: number;
  paidFen: number;
  differenceFen: number;
  references: string[];
  status: 'open' | 'resolved';
  resolution: string | null;
  note: string | null;
  resolvedAt: string | null;
}

export default function ReconciliationPage() {
  const { t, lang } = useI18n();
  const rules = useRules();
  const { me, permissions } = useSession();
  const canManage = permissions.has('collection.manage');
  const { query } = useRoute();
  const id = query.get('id');
  // past reconciliations of the clerk's region, newest first; reloaded when one is opened or created
  const past = usePagedQuery(useCallback((page: number, pageSize: number) => api.get<Page<Summary>>('/collection/reconciliations', { query: { page, pageSize } }), [id]));
  const [form] = Form.useForm<{ month: string; regionCode: string }>();
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const reconcile = async (v: { month: string; regionCode: string }) => {
    setRunning(true);
    setFailure(null);
    try {
      const created = await api.post<Summary>('/collection/reconciliations', { month: v.month.trim(), regionCode: v.regionCode.trim() });
      navigate(`${PATH}?id=${encodeURIComponent(created.id)}`);
    } catch (e) {
      if (!applyFormError(form, e, ['month', 'regionCode'])) setFailure(errorMessage(e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Card title={<span data-testid="page-title">{t('recon.title')}</span>}>
        <Flex vertical gap={16}>
          <Typography.Text type="secondary">{t('recon.hint')}</Typography.Text>
          {canManage && (
            <Form form={form} layout="inline" name="reconcile" initialValues={{ month: thisMonth(), regionCode: defaultPoolingRegion(me) }} onFinish={reconcile}>
              <Form.Item name="regionCode" label={t('payments.poolingRegion')} rules={[rules.required('payments.poolingRegion'), rules.regionCode]}>
                <Input data-testid="recon-region" maxLength={6} autoComplete="off" style={{ width: 120 }} aria-label={t('payments.poolingRegion')} />
              </Form.Item>
              <Form.Item name="month" label={t('runs.month')} rules={[rules.required('runs.month'), { pattern: MONTH_PATTERN, message: t('policy.monthFormat') }]}>
                <Input data-testid="recon-month" maxLength={7} placeholder="YYYY-MM" autoComplete="off" style={{ width: 120 }} aria-label={t('runs.month')} />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={running} data-testid="recon-run">
                  {t('recon.run')}
                </Button>
              </Form.Item>
            </Form>
          )}
          {failure && <Alert type="error" showIcon title={failure} data-testid="recon-error" />}
          <Table<Summary>
            data-testid="recon-list"
            size="small"
            rowKey="id"
            loading={past.loading}
            dataSource={past.items}
            pagination={past.pagination}
            rowClassName={(r) => (r.id === id ? 'ant-table-row-selected' : '')}
            columns={[
              { ...nowrap, key: 'month', title: t('runs.month'), dataIndex: 'month' },
              { ...nowrap, key: 'region', title: t('payments.poolingRegion'), dataIndex: 'regionCode' },
              { ...nowrap, key: 'due', title: t('recon.due'), align: 'right', render: (_: unknown, r: Summary) => yuan(r.dueFen) },
              { ...nowrap, key: 'paid', title: t('recon.paid'), align: 'right', render: (_: unknown, r: Summary) => yuan(r.paidFen) },
              { key: 'items', title: t('recon.items'), render: (_: unknown, r: Summary) => t('recon.itemsText', r.items) },
              { ...nowrap, key: 'at', title: t('recon.createdAt'), render: (_: unknown, r: Summary) => formatTime(r.createdAt, lang) },
              {
                ...nowrap,
                key: 'open',
                render: (_: unknown, r: Summary) => (
                  <Button size="small" type="link" data-testid={`recon-open-${r.id}`} onClick={() => navigate(`${PATH}?id=${encodeURIComponent(r.id)}`)}>
                    {t('recon.open')}
                  </Button>
                ),
              },
            ]}
          />
        </Flex>
      </Card>
      {id && <ReconciliationView key={id} id={id} canManage={canManage} />}
    </Flex>
  );
}

function ReconciliationView({ id, canManage }: { id: string; canManage: boolean }) {
  const { t, tx, lang } = useI18n();
  const types = useInsuranceTypeLabels();
  const { message } = App.useApp();
  const summary = useQuery(
    useCallback(() => api.get<Summary>(`/collection/reconciliations/${encodeURIComponent(id)}`), [id]),
    null as Summary | null,
  );
  const [filters, setFilters] = useState<{ status?: string; kind?: string }>({ status: 'open' });
  const { items, loading, error, reload, setPage, pagination } = usePagedQuery(
    useCallback(
      (page: number, pageSize: number) => api.get<Page<Item>>(`/collection/reconciliations/${encodeURIComponent(id)}/items`, { query: { page, pageSize, ...filters } }),
      [id, filters],
    ),
  );
  const [target, setTarget] = useState<Item | null>(null);
  const resolveModal = useFormModal<{ resolution: string; note?: string }>(['resolution', 'note'], async (v, { close }) => {
    if (!target) return;
    await api.post(`/collection/reconciliation-items/${encodeURIComponent(target.id)}/resolve`, { resolution: v.resolution, ...(v.note?.trim() ? { note: v.note.trim() } : {}) });
    message.success(t('recon.resolved'));
    close();
    await Promise.all([reload(), summary.reload()]);
  });
  const openResolve = (item: Item) => {
    setTarget(item);
    resolveModal.form.resetFields();
    resolveModal.show();
  };
  const filter = (next: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage(1);
  };

  if (summary.error !== null) return <Alert type="error" showIcon title={summary.error} data-testid="recon-view-error" />;
  const s = summary.data;
  return (
    <Card title={s ? t('recon.of', { region: s.regionCode, month: s.month }) : t('app.loading')} data-testid="recon-view">
      <Flex vertical gap={16}>
        {s && (
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 2, md: 3 }}
            data-testid="recon-summary"
            items={[
              { key: 'id', label: t('recon.id'), children: <Typography.Text copyable>{s.id}</Typography.Text> },
              { key: 'pools', label: t('recon.pools'), children: t('recon.poolsText', { pools: s.pools, matched: s.matched }) },
              { key: 'createdAt', label: t('runs.createdAt'), children: formatTime(s.createdAt, lang) },
              { key: 'due', label: t('recon.due'), children: <span data-testid="recon-due">{yuan(s.dueFen)}</span> },
              { key: 'paid', label: t('recon.paid'), children: <span data-testid="recon-paid">{yuan(s.paidFen)}</span> },
              { key: 'difference', label: t('recon.difference'), children: <span data-testid="recon-difference">{yuan(s.differenceFen)}</span> },
              { key: 'counts', label: t('recon.counts'), span: 2, children: KINDS.map((k) => `${tx(`recon.kind.${k}`, k)} ${s.counts[k] ?? 0}`).join(lang === 'en' ? ', ' : '，') },
              { key: 'items', label: t('recon.items'), children: <span data-testid="recon-open-count">{t('recon.itemsText', s.items)}</span> },
            ]}
          />
        )}
        <Space wrap>
          <Select
            data-testid="recon-status-filter"
            aria-label={t('runs.status')}
            placeholder={t('runs.status')}
            allowClear
            style={{ width: 140 }}
            value={filters.status}
            onChange={(v?: string) => filter({ status: v })}
            options={['open', 'resolved'].map((v) => ({ value: v, label: tx(`collection.status.${v}`, v) }))}
          />
          <Select
            data-testid="recon-kind-filter"
            aria-label={t('recon.kind')}
            placeholder={t('recon.kind')}
            allowClear
            style={{ width: 180 }}
            value={filters.kind}
            onChange={(v?: string) => filter({ kind: v })}
            options={KINDS.map((k) => ({ value: k, label: tx(`recon.kind.${k}`, k) }))}
          />
        </Space>
        {error !== null && <Alert type="error" showIcon title={error} />}
        <Table<Item>
          data-testid="recon-items-table"
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={items}
          pagination={pagination}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('recon.noItems') }}
          columns={[
            { ...nowrap, key: 'kind', title: t('recon.kind'), dataIndex: 'kind', render: (v: string) => tx(`recon.kind.${v}`, v) },
            { ...nowrap, key: 'payerKey', title: t('runs.payerKey'), dataIndex: 'payerKey' },
            { ...nowrap, key: 'insuranceType', title: t('application.insuranceType'), dataIndex: 'insuranceType', render: (v: string) => types.label(v) },
            { ...nowrap, key: 'due', title: t('recon.due'), dataIndex: 'dueFen', align: 'right', render: (v: number) => yuan(v) },
            { ...nowrap, key: 'paid', title: t('recon.paid'), dataIndex: 'paidFen', align: 'right', render: (v: number) => yuan(v) },
            { ...nowrap, key: 'difference', title: t('recon.difference'), dataIndex: 'differenceFen', align: 'right', render: (v: number) => yuan(v) },
            { key: 'references', title: t('recon.references'), dataIndex: 'references', render: (v: string[]) => v.join(', ') },
            { ...nowrap, key: 'status', title: t('runs.status'), dataIndex: 'status', render: (v: string, r: Item) => <CollectionTag status={v} testId={`recon-item-status-${r.id}`} /> },
            {
              key: 'resolution',
              title: t('recon.resolution'),
              render: (_: unknown, r: Item) => (r.resolution ? `${tx(`recon.resolution.${r.resolution}`, r.resolution)}${r.note ? `：${r.note}` : ''}` : ''),
            },
            ...(canManage
              ? [
                  {
                    ...nowrap,
                    key: 'actions',
                    title: t('common.actions'),
                    render: (_: unknown, r: Item) =>
                      r.status === 'open' ? (
                        <Typography.Link onClick={() => openResolve(r)} data-testid={`recon-resolve-${r.id}`}>
                          {t('recon.resolve')}
                        </Typography.Link>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Flex>
      <FormModal modal={resolveModal} title={t('recon.resolve')} name="recon-resolve" submitTestId="recon-resolve-submit" forceRender>
        <Form.Item name="resolution" label={t('recon.resolution')} rules={[{ required: true, message: t('common.requiredSelect', { label: t('recon.resolution') }) }]}>
          <Select data-testid="recon-resolution" aria-label={t('recon.resolution')} options={RESOLUTIONS.map((r) => ({ value: r, label: tx(`recon.resolution.${r}`, r) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('recon.note')} rules={[{ max: 500 }]}>
          <Input.TextArea data-testid="recon-note" maxLength={500} rows={3} aria-label={t('recon.note')} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
