import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Flex, Form, Input, Modal, Select, Space, Table, Tabs, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, errorMessage, type ResponseOf } from '../../api';
import { ListPage } from '../../components/ListPage';
import { usePagedList, useQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { useRules } from '../../forms';
import { MonthPicker } from '../../components/MonthPicker';
import { RegionCascader, RegionName } from '../../components/RegionCascader';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { PolicyStatusTag, usePolicyFormat, type PayerShare, type PolicyVersion } from './common';
import { nowrap } from '../../components/table';

type VersionDetail = ResponseOf<'/api/v1/policy/versions/{id}'>;
type Parameters = ResponseOf<'/api/v1/policy/parameters'>;

const KINDS: PolicyVersion['kind'][] = ['wage', 'base', 'collection', 'settlement'];
const STATUSES: PolicyVersion['status'][] = ['draft', 'reviewed', 'published', 'voided'];

export default function PolicyPage() {
  const { t } = useI18n();
  return (
    <Card title={<span data-testid="page-title">{t('policy.title')}</span>}>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'versions', label: <span data-testid="policy-tab-versions">{t('policy.versions')}</span>, children: <VersionsTab /> },
          { key: 'parameters', label: <span data-testid="policy-tab-parameters">{t('policy.parameters')}</span>, children: <ParametersTab /> },
        ]}
      />
    </Card>
  );
}

// ---- versions -----------------------------------------------------------------------------------

function VersionsTab() {
  const { t, tx, lang } = useI18n();
  const insuranceTypes = useInsuranceTypeLabels();
  const fmt = usePolicyFormat();
  const [detailId, setDetailId] = useState<string | null>(null);
  const list = usePagedList('/api/v1/policy/versions');

  return (
    <>
      <ListPage
        list={list}
        testId="policy-versions-table"
        filters={[
          { type: 'select', name: 'kind', testId: 'policy-kind-filter', label: t('policy.kind'), width: 160, options: KINDS.map((k) => ({ value: k, label: tx(`policy.kind.${k}`, k) })) },
          { type: 'select', name: 'insuranceType', testId: 'policy-type-filter', label: t('policy.insuranceType'), width: 240, options: insuranceTypes.options() },
          { type: 'region', name: 'regionCode', testId: 'policy-region-filter', label: t('policy.regionCode'), width: 220 },
          { type: 'select', name: 'status', testId: 'policy-status-filter', label: t('policy.status'), options: STATUSES.map((s) => ({ value: s, label: tx(`policy.status.${s}`, s) })) },
        ]}
        refreshTestId="policy-refresh"
        errorTestId="policy-error"
        columns={[
          { ...nowrap, key: 'kind', title: t('policy.kind'), dataIndex: 'kind', render: (v: string) => tx(`policy.kind.${v}`, v) },
          { ...nowrap, key: 'insuranceType', title: t('policy.insuranceType'), dataIndex: 'insuranceType', render: (v: string | null) => insuranceTypes.label(v) },
          { ...nowrap, key: 'regionCode', title: t('policy.regionCode'), dataIndex: 'regionCode', render: (v: string) => <RegionName code={v} /> },
          { ...nowrap, key: 'version', title: t('policy.version'), dataIndex: 'version', render: (v: number) => `v${v}` },
          { ...nowrap, key: 'period', title: t('policy.period'), render: (_: unknown, r: PolicyVersion) => fmt.period(r) },
          { key: 'summary', title: t('policy.summary'), render: (_: unknown, r: PolicyVersion) => fmt.summary(r) },
          { ...nowrap, key: 'status', title: t('policy.status'), dataIndex: 'status', render: (v: string) => <PolicyStatusTag status={v} /> },
          { ...nowrap, key: 'createdAt', title: t('policy.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, lang) },
          {
            ...nowrap,
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, r: PolicyVersion) => (
              <Typography.Link onClick={() => setDetailId(r.id)} data-testid={`policy-version-detail-${r.id}`}>
                {t('policy.detail')}
              </Typography.Link>
            ),
          },
        ]}
      />
      <Drawer open={detailId !== null} onClose={() => setDetailId(null)} size={760} title={t('policy.versionDetail')} destroyOnHidden>
        {detailId && <VersionDetailView id={detailId} onChanged={list.reload} />}
      </Drawer>
    </>
  );
}

function VersionDetailView({ id, onChanged }: { id: string; onChanged: () => Promise<void> }) {
  const { t, tx, lang } = useI18n();
  const { message } = App.useApp();
  const { permissions } = useSession();
  const insuranceTypes = useInsuranceTypeLabels();
  const fmt = usePolicyFormat();
  const { data: v, loading, error, reload } = useQuery<VersionDetail | null>(
    useCallback(() => api.get('/api/v1/policy/versions/{id}', { path: { id } }), [id]),
    null,
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [voidOpen, setVoidOpen] = useState(false);
  const [voidReason, setVoidReason] = useState('');

  const act = async (action: 'review' | 'publish' | 'void', send: () => Promise<unknown>) => {
    setBusy(action);
    setActionError(null);
    try {
      await send();
      message.success(t(`policy.done.${action}`));
      setVoidOpen(false);
      await Promise.all([reload(), onChanged()]);
    } catch (e) {
      // e.g. the four-eyes rule: the author may not review their own draft
      setActionError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  if (error !== null) return <Alert type="error" showIcon title={error} data-testid="policy-version-error" />;
  if (!v) return <Typography.Text type="secondary">{loading ? t('app.loading') : ''}</Typography.Text>;

  const canReview = permissions.has('policy.review');
  const canManage = permissions.has('policy.manage');

  return (
    <Flex vertical gap={16} data-testid="policy-version-detail">
      <Space wrap>
        {canReview && v.status === 'draft' && (
          <Button type="primary" loading={busy === 'review'} onClick={() => void act('review', () => api.post('/api/v1/policy/versions/{id}/review', {}, { path: { id } }))} data-testid="policy-review">
            {t('policy.review')}
          </Button>
        )}
        {canReview && v.status === 'reviewed' && (
          <Button type="primary" loading={busy === 'publish'} onClick={() => void act('publish', () => api.post('/api/v1/policy/versions/{id}/publish', {}, { path: { id } }))} data-testid="policy-publish">
            {t('policy.publish')}
          </Button>
        )}
        {canManage && v.status !== 'voided' && (
          <Button
            danger
            onClick={() => {
              setVoidReason('');
              setVoidOpen(true);
            }}
            data-testid="policy-void"
          >
            {t('policy.void')}
          </Button>
        )}
      </Space>
      {actionError && <Alert type="error" showIcon title={actionError} closable={{ onClose: () => setActionError(null) }} data-testid="policy-action-error" />}
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'kind', label: t('policy.kind'), children: tx(`policy.kind.${v.kind}`, v.kind) },
          { key: 'insuranceType', label: t('policy.insuranceType'), children: insuranceTypes.label(v.insuranceType) },
          { key: 'regionCode', label: t('policy.regionCode'), children: <RegionName code={v.regionCode} /> },
          { key: 'version', label: t('policy.version'), children: `v${v.version}` },
          { key: 'period', label: t('policy.period'), children: fmt.period(v) },
          { key: 'status', label: t('policy.status'), children: <PolicyStatusTag status={v.status} testId="policy-version-status" /> },
          { key: 'summary', label: t('policy.summary'), children: fmt.summary(v) },
          { key: 'note', label: t('policy.note'), children: v.note || '—' },
          ...(v.voidReason ? [{ key: 'voidReason', label: t('policy.voidReason'), children: v.voidReason }] : []),
        ]}
      />
      {v.kind === 'collection' && <SharesTable shares={v.shares} testId="policy-version-shares" />}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('policy.history')}
      </Typography.Title>
      <Table
        data-testid="policy-events-table"
        rowKey={(e) => `${e.action}-${e.at}`}
        size="small"
        pagination={false}
        dataSource={v.events}
        columns={[
          { ...nowrap, key: 'at', title: t('policy.eventAt'), dataIndex: 'at', render: (x: string) => formatTime(x, lang) },
          { ...nowrap, key: 'action', title: t('policy.eventAction'), dataIndex: 'action', render: (x: string) => tx(`policy.action.${x}`, x) },
          { ...nowrap, key: 'actorId', title: t('policy.eventActor'), dataIndex: 'actorId' },
          { key: 'comment', title: t('policy.eventComment'), dataIndex: 'comment', render: (x: string | null) => x || '—' },
        ]}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('policy.series')}
      </Typography.Title>
      <Table
        data-testid="policy-series-table"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={v.series}
        columns={[
          { ...nowrap, key: 'version', title: t('policy.version'), dataIndex: 'version', render: (x: number) => `v${x}` },
          { ...nowrap, key: 'period', title: t('policy.period'), render: (_: unknown, r: VersionDetail['series'][number]) => fmt.period(r) },
          { ...nowrap, key: 'status', title: t('policy.status'), dataIndex: 'status', render: (x: string) => <PolicyStatusTag status={x} /> },
          { ...nowrap, key: 'createdAt', title: t('policy.createdAt'), dataIndex: 'createdAt', render: (x: string) => formatTime(x, lang) },
        ]}
      />
      <Modal
        open={voidOpen}
        title={t('policy.void')}
        onCancel={() => setVoidOpen(false)}
        onOk={() => void act('void', () => api.post('/api/v1/policy/versions/{id}/void', { reason: voidReason.trim() }, { path: { id } }))}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, disabled: voidReason.trim().length < 2, loading: busy === 'void', 'data-testid': 'policy-void-submit' }}
      >
        <Input.TextArea
          data-testid="policy-void-reason"
          aria-label={t('policy.voidReason')}
          placeholder={t('policy.voidReason')}
          maxLength={500}
          rows={3}
          value={voidReason}
          onChange={(e) => setVoidReason(e.target.value)}
        />
      </Modal>
    </Flex>
  );
}

function SharesTable({ shares, testId }: { shares: PayerShare[]; testId: string }) {
  const { t, tx } = useI18n();
  const fmt = usePolicyFormat();
  return (
    <Table<PayerShare>
      data-testid={testId}
      rowKey="ruleCode"
      size="small"
      pagination={false}
      dataSource={shares}
      scroll={{ x: 'max-content' }}
      onRow={(r) => ({ 'data-testid': `${testId}-${r.ruleCode}` }) as object}
      columns={[
        { ...nowrap, key: 'ruleCode', title: t('policy.ruleCode'), dataIndex: 'ruleCode' },
        { ...nowrap, key: 'payer', title: t('policy.payer'), dataIndex: 'payer', render: (v: string) => tx(`policy.payer.${v}`, v) },
        { ...nowrap, key: 'rate', title: t('policy.rate'), dataIndex: 'ratePpm', render: (v: number) => <span data-testid="policy-share-rate">{fmt.rate(v)}</span> },
        { ...nowrap, key: 'baseKind', title: t('policy.baseKind'), dataIndex: 'baseKind', render: (v: string) => tx(`policy.baseKind.${v}`, v) },
        {
          ...nowrap,
          key: 'periodicity',
          title: t('policy.periodicity'),
          render: (_: unknown, r: PayerShare) => `${tx(`policy.periodicity.${r.periodicity}`, r.periodicity)}${r.dueMonth ? ` (${t('policy.dueMonth', { month: r.dueMonth })})` : ''}`,
        },
        { ...nowrap, key: 'fund', title: t('policy.fund'), render: (_: unknown, r: PayerShare) => `${tx(`policy.flow.${r.flow}`, r.flow)} ${tx(`policy.fund.${r.fund}`, r.fund)}` },
        { key: 'conditions', title: t('policy.conditions'), render: (_: unknown, r: PayerShare) => fmt.conditions(r.conditions) },
      ]}
    />
  );
}

// ---- parameters in force ------------------------------------------------------------------------

interface LookupForm {
  regionCode: string;
  insuranceType: string;
  month: string;
}

function ParametersTab() {
  const { t } = useI18n();
  const rules = useRules();
  const insuranceTypes = useInsuranceTypeLabels();
  const fmt = usePolicyFormat();
  const [form] = Form.useForm<LookupForm>();
  const [result, setResult] = useState<Parameters | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const lookUp = async (v: LookupForm) => {
    setLoading(true);
    setFailure(null);
    try {
      setResult(await api.get('/api/v1/policy/parameters', { query: { regionCode: v.regionCode, insuranceType: v.insuranceType, month: v.month.trim() } }));
    } catch (e) {
      setResult(null);
      setFailure(errorMessage(e));
    } finally {
      setLoading(false);
    }
  };

  const base = result?.baseRule;
  const collection = result?.collectionRule;
  const wage = result?.wage;

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t('policy.parametersHint')}</Typography.Text>
      <Form form={form} layout="inline" name="policy-parameters" onFinish={lookUp}>
        <Form.Item name="regionCode" label={t('policy.regionCode')} rules={[rules.requiredSelect('policy.regionCode'), rules.regionCode]}>
          <RegionCascader testId="policy-params-region" label={t('policy.regionCode')} />
        </Form.Item>
        <Form.Item name="insuranceType" label={t('policy.insuranceType')} rules={[rules.requiredSelect('policy.insuranceType')]}>
          <Select data-testid="policy-params-type" style={{ width: 260 }} options={insuranceTypes.options()} aria-label={t('policy.insuranceType')} />
        </Form.Item>
        <Form.Item
          name="month"
          label={t('policy.month')}
          rules={[rules.required('policy.month'), { pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: t('policy.monthFormat') }]}
        >
          <MonthPicker testId="policy-params-month" label={t('policy.month')} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={loading} data-testid="policy-params-submit">
            {t('common.search')}
          </Button>
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title={failure} data-testid="policy-params-error" />}
      {result && (
        <Flex vertical gap={16} data-testid="policy-params-result">
          <Card size="small" title={t('policy.kind.base')} data-testid="policy-params-base">
            {base ? (
              <Descriptions
                size="small"
                column={2}
                items={[
                  { key: 'baseKind', label: t('policy.baseKind'), children: fmt.baseKind(base.baseKind) },
                  { key: 'bounds', label: t('policy.bounds'), children: <span data-testid="policy-params-bounds">{fmt.bounds(base)}</span> },
                  { key: 'wageYear', label: t('policy.wageYearOffset'), children: fmt.wageYearOffset(base.wageYearOffset) },
                  { key: 'version', label: t('policy.version'), children: `v${base.version} · ${fmt.period(base)}` },
                ]}
              />
            ) : (
              <Empty description={t('policy.noneInForce')} />
            )}
          </Card>
          <Card size="small" title={t('policy.kind.collection')} data-testid="policy-params-collection">
            {collection ? <SharesTable shares={collection.shares} testId="policy-params-shares" /> : <Empty description={t('policy.noneInForce')} />}
          </Card>
          <Card size="small" title={t('policy.kind.wage')} data-testid="policy-params-wage">
            {wage ? (
              <Descriptions
                size="small"
                column={2}
                items={[
                  { key: 'monthly', label: t('policy.monthlyWage'), children: <span data-testid="policy-params-wage-amount">{fmt.money(wage.monthlyFen)}</span> },
                  { key: 'year', label: t('policy.wageYear'), children: wage.year ?? result.wageYear ?? '—' },
                  { key: 'version', label: t('policy.version'), children: `v${wage.version} · ${fmt.period(wage)}` },
                ]}
              />
            ) : (
              <Empty description={t('policy.noneInForce')} />
            )}
          </Card>
        </Flex>
      )}
    </Flex>
  );
}
