/**
 * 对账: a clerk compares a pooling region's month (receivables, payments, file rows, payer by
 * payer), reads the summary and resolves each mismatch (追缴 / 退费 / 结转下期 / 核销 / 确认无误).
 * The reconciliation shown is the one in the address (`?id=`), so it can be reopened.
 */
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Select, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, applyFormError, errorMessage, type BodyOf, type ItemOf, type ResponseOf } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { ListPage } from '../../components/ListPage';
import { usePagedList, useQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { MONTH_PATTERN, thisMonth, yuan } from '../../components/format';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { nowrap } from '../../components/table';
import { useRules } from '../../forms';
import { MonthPicker } from '../../components/MonthPicker';
import { RegionCascader, RegionName, useRegionLabel } from '../../components/RegionCascader';
import { useI18n } from '../../i18n';
import { navigate, useRoute } from '../../router';
import { useSession } from '../../session';
import { CollectionTag, defaultPoolingRegion } from './common';

type Summary = ResponseOf<'/api/v1/collection/reconciliations/{id}'>;
type Item = ItemOf<'/api/v1/collection/reconciliations/{id}/items'>;
type Resolution = BodyOf<'/api/v1/collection/reconciliation-items/{id}/resolve', 'post'>['resolution'];
const KINDS: Item['kind'][] = ['unpaid', 'short', 'over', 'no_receivable', 'duplicate'];
const ITEM_STATUSES: Item['status'][] = ['open', 'resolved'];
const RESOLUTIONS: Resolution[] = ['chase_payment', 'refund', 'carry_forward', 'write_off', 'confirmed'];
const PATH = '/admin/collection/reconciliation';

export default function ReconciliationPage() {
  const { t, lang } = useI18n();
  const rules = useRules();
  const { me, permissions } = useSession();
  const canManage = permissions.has('collection.manage');
  const { query } = useRoute();
  const id = query.get('id');
  // past reconciliations of the clerk's region, newest first; reloaded when one is opened or created
  const past = usePagedList('/api/v1/collection/reconciliations', { reloadOn: id });
  const [form] = Form.useForm<{ month: string; regionCode: string }>();
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const reconcile = async (v: { month: string; regionCode: string }) => {
    setRunning(true);
    setFailure(null);
    try {
      const created = await api.post('/api/v1/collection/reconciliations', { month: v.month.trim(), regionCode: v.regionCode });
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
        <ListPage
          list={past}
          testId="recon-list"
          size="small"
          header={
            <>
              <Typography.Text type="secondary">{t('recon.hint')}</Typography.Text>
              {canManage && (
                <Form form={form} layout="inline" name="reconcile" initialValues={{ month: thisMonth(), regionCode: defaultPoolingRegion(me) }} onFinish={reconcile}>
                  <Form.Item name="regionCode" label={t('payments.poolingRegion')} rules={[rules.requiredSelect('payments.poolingRegion'), rules.regionCode]}>
                    <RegionCascader testId="recon-region" label={t('payments.poolingRegion')} />
                  </Form.Item>
                  <Form.Item name="month" label={t('runs.month')} rules={[rules.required('runs.month'), { pattern: MONTH_PATTERN, message: t('policy.monthFormat') }]}>
                    <MonthPicker testId="recon-month" label={t('runs.month')} />
                  </Form.Item>
                  <Form.Item>
                    <Button type="primary" htmlType="submit" loading={running} data-testid="recon-run">
                      {t('recon.run')}
                    </Button>
                  </Form.Item>
                </Form>
              )}
              {failure && <Alert type="error" showIcon title={failure} data-testid="recon-error" />}
            </>
          }
          rowClassName={(r) => (r.id === id ? 'ant-table-row-selected' : '')}
          columns={[
            { ...nowrap, key: 'month', title: t('runs.month'), dataIndex: 'month' },
            { ...nowrap, key: 'region', title: t('payments.poolingRegion'), dataIndex: 'regionCode', render: (v: string) => <RegionName code={v} /> },
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
      </Card>
      {id && <ReconciliationView key={id} id={id} canManage={canManage} />}
    </Flex>
  );
}

function ReconciliationView({ id, canManage }: { id: string; canManage: boolean }) {
  const { t, tx, lang } = useI18n();
  const regionLabel = useRegionLabel();
  const types = useInsuranceTypeLabels();
  const { message } = App.useApp();
  const summary = useQuery(
    useCallback(() => api.get('/api/v1/collection/reconciliations/{id}', { path: { id } }), [id]),
    null,
  );
  const list = usePagedList('/api/v1/collection/reconciliations/{id}/items', { path: { id }, filters: { status: 'open' } });
  const [target, setTarget] = useState<Item | null>(null);
  const resolveModal = useFormModal<{ resolution: Resolution; note?: string }>(['resolution', 'note'], async (v, { close }) => {
    if (!target) return;
    await api.post(
      '/api/v1/collection/reconciliation-items/{id}/resolve',
      { resolution: v.resolution, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
      { path: { id: target.id } },
    );
    message.success(t('recon.resolved'));
    close();
    await Promise.all([list.reload(), summary.reload()]);
  });
  const openResolve = (item: Item) => {
    setTarget(item);
    resolveModal.form.resetFields();
    resolveModal.show();
  };
  if (summary.error !== null) return <Alert type="error" showIcon title={summary.error} data-testid="recon-view-error" />;
  const s = summary.data;
  return (
    <Card title={s ? t('recon.of', { region: regionLabel(s.regionCode), month: s.month }) : t('app.loading')} data-testid="recon-view">
      <ListPage
        list={list}
        testId="recon-items-table"
        size="small"
        header={
          s && (
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
          )
        }
        filters={[
          { type: 'select', name: 'status', testId: 'recon-status-filter', label: t('runs.status'), options: ITEM_STATUSES.map((v) => ({ value: v, label: tx(`collection.status.${v}`, v) })) },
          { type: 'select', name: 'kind', testId: 'recon-kind-filter', label: t('recon.kind'), width: 180, options: KINDS.map((k) => ({ value: k, label: tx(`recon.kind.${k}`, k) })) },
        ]}
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
