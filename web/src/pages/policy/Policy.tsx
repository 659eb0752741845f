import { Alert, App, Button, Card, Descriptions, Drawer, Empty, Flex, Form, Input, Modal, Select, Space, Table, Tabs, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, errorMessage, type Page } from '../../api';
import { usePagedQuery, useQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { useRules } from '../../forms';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { PolicyStatusTag, useInsuranceTypes, usePolicyFormat, type PayerShare, type PolicyVersion } from './common';
import { nowrap } from '../../components/table';

interface VersionDetail extends PolicyVersion {
  events: { action: string; actorId: string; comment: string | null; at: string }[];
  series: { id: string; version: number; status: string; effectiveFrom: string; effectiveTo: string | null; createdAt: string }[];
}

/** GET /policy/parameters */
interface Parameters {
  regionCode: string;
  insuranceType: string;
  month: string;
  baseRule: PolicyVersion | null;
  collectionRule: PolicyVersion | null;
  wage: PolicyVersion | null;
  wageYear?: number;
}

const KINDS = ['wage', 'base', 'collection'] as const;
const STATUSES = ['draft', 'reviewed', 'published', 'voided'] as const;


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

interface Filters {
  kind?: string;
  insuranceType?: string;
  regionCode?: string;
  status?: string;
}

function VersionsTab() {
  const { t, tx, lang } = useI18n();
  const insuranceTypes = useInsuranceTypes();
  const fmt = usePolicyFormat();
  const [filters, setFilters] = useState<Filters>({});
  const [regionInput, setRegionInput] = useState('');
  const [detailId, setDetailId] = useState<string | null>(null);
  const { items, loading, error, reload, setPage, pagination } = usePagedQuery(
    useCallback((page: number, pageSize: number) => api.get<Page<PolicyVersion>>('/policy/versions', { query: { page, pageSize, ...filters } }), [filters]),
  );

  const filter = (next: Filters) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage(1);
  };

  return (
    <Flex vertical gap={16}>
      <Space wrap>
        <Select
          data-testid="policy-kind-filter"
          aria-label={t('policy.kind')}
          placeholder={t('policy.kind')}
          allowClear
          style={{ width: 160 }}
          value={filters.kind}
          onChange={(v?: string) => filter({ kind: v })}
          options={KINDS.map((k) => ({ value: k, label: tx(`policy.kind.${k}`, k) }))}
        />
        <Select
          data-testid="policy-type-filter"
          aria-label={t('policy.insuranceType')}
          placeholder={t('policy.insuranceType')}
          allowClear
          style={{ width: 240 }}
          value={filters.insuranceType}
          onChange={(v?: string) => filter({ insuranceType: v })}
          options={insuranceTypes.options}
        />
        <Input.Search
          data-testid="policy-region-filter"
          aria-label={t('policy.regionCode')}
          placeholder={t('policy.regionCode')}
          allowClear
          maxLength={6}
          style={{ width: 180 }}
          value={regionInput}
          onChange={(e) => setRegionInput(e.target.value)}
          onSearch={(v) => filter({ regionCode: /^\d{6}$/.test(v.trim()) ? v.trim() : undefined })}
        />
        <Select
          data-testid="policy-status-filter"
          aria-label={t('policy.status')}
          placeholder={t('policy.status')}
          allowClear
          style={{ width: 140 }}
          value={filters.status}
          onChange={(v?: string) => filter({ status: v })}
          options={STATUSES.map((s) => ({ value: s, label: tx(`policy.status.${s}`, s) }))}
        />
        <Button onClick={() => void reload()} data-testid="policy-refresh">
          {t('common.refresh')}
        </Button>
      </Space>
      {error !== null && <Alert type="error" showIcon title={error} data-testid="policy-error" />}
      <Table<PolicyVersion>
        data-testid="policy-versions-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={pagination}
        scroll={{ x: 'max-content' }}
        columns={[
          { ...nowrap, key: 'kind', title: t('policy.kind'), dataIndex: 'kind', render: (v: string) => tx(`policy.kind.${v}`, v) },
          { ...nowrap, key: 'insuranceType', title: t('policy.insuranceType'), dataIndex: 'insuranceType', render: (v: string | null) => (v ? insuranceTypes.label(v) : '—') },
          { ...nowrap, key: 'regionCode', title: t('policy.regionCode'), dataIndex: 'regionCode' },
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
        {detailId && <VersionDetailView id={detailId} onChanged={reload} />}
      </Drawer>
    </Flex>
  );
}

function VersionDetailView({ id, onChanged }: { id: string; onChanged: () => Promise<void> }) {
  const { t, tx, lang } = useI18n();
  const { message } = App.useApp();
  const { permissions } = useSession();
  const insuranceTypes = useInsuranceTypes();
  const fmt = usePolicyFormat();
  const { data: v, loading, error, reload } = useQuery<VersionDetail | null>(
    useCallback(() => api.get<VersionDetail>(`/policy/versions/${id}`), [id]),
    null,
  );
  const [busy, setBusy] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [voidOpen, setVoidOpen] = useState(false);
  const [voidReason, setVoidReason] = useState('');

  const act = async (action: 'review' | 'publish' | 'void', body: unknown = {}) => {
    setBusy(action);
    setActionError(null);
    try {
      await api.post(`/policy/versions/${id}/${action}`, body);
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
          <Button type="primary" loading={busy === 'review'} onClick={() => void act('review')} data-testid="policy-review">
            {t('policy.review')}
          </Button>
        )}
        {canReview && v.status === 'reviewed' && (
          <Button type="primary" loading={busy === 'publish'} onClick={() => void act('publish')} data-testid="policy-publish">
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
          { key: 'insuranceType', label: t('policy.insuranceType'), children: v.insuranceType ? insuranceTypes.label(v.insuranceType) : '—' },
          { key: 'regionCode', label: t('policy.regionCode'), children: v.regionCode },
          { key: 'version', label: t('policy.version'), children: `v${v.version}` },
          { key: 'period', label: t('policy.period'), children: fmt.period(v) },
          { key: 'status', label: t('policy.status'), children: <PolicyStatusTag status={v.status} testId="policy-version-status" /> },
          { key: 'summary', label: t('policy.summary'), children: fmt.summary(v) },
          { key: 'note', label: t('policy.note'), children: v.note || '—' },
          ...(v.voidReason ? [{ key: 'voidReason', label: t('policy.voidReason'), children: v.voidReason }] : []),
        ]}
      />
      {v.kind === 'collection' && v.shares && <SharesTable shares={v.shares} testId="policy-version-shares" />}
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
        onOk={() => void act('void', { reason: voidReason.trim() })}
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
  const insuranceTypes = useInsuranceTypes();
  const fmt = usePolicyFormat();
  const [form] = Form.useForm<LookupForm>();
  const [result, setResult] = useState<Parameters | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const lookUp = async (v: LookupForm) => {
    setLoading(true);
    setFailure(null);
    try {
      setResult(await api.get<Parameters>('/policy/parameters', { query: { regionCode: v.regionCode.trim(), insuranceType: v.insuranceType, month: v.month.trim() } }));
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
        <Form.Item name="regionCode" label={t('policy.regionCode')} rules={[rules.required('policy.regionCode'), rules.regionCode]}>
          <Input data-testid="policy-params-region" maxLength={6} style={{ width: 120 }} autoComplete="off" aria-label={t('policy.regionCode')} />
        </Form.Item>
        <Form.Item name="insuranceType" label={t('policy.insuranceType')} rules={[rules.requiredSelect('policy.insuranceType')]}>
          <Select data-testid="policy-params-type" style={{ width: 260 }} options={insuranceTypes.options} aria-label={t('policy.insuranceType')} />
        </Form.Item>
        <Form.Item
          name="month"
          label={t('policy.month')}
          rules={[rules.required('policy.month'), { pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: t('policy.monthFormat') }]}
        >
          <Input data-testid="policy-params-month" maxLength={7} placeholder="YYYY-MM" style={{ width: 110 }} autoComplete="off" aria-label={t('policy.month')} />
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
                  { key: 'baseKind', label: t('policy.baseKind'), children: fmt.baseKind(base.baseKind ?? '') },
                  { key: 'bounds', label: t('policy.bounds'), children: <span data-testid="policy-params-bounds">{fmt.bounds(base)}</span> },
                  { key: 'wageYear', label: t('policy.wageYearOffset'), children: fmt.wageYearOffset(base.wageYearOffset ?? 0) },
                  { key: 'version', label: t('policy.version'), children: `v${base.version} · ${fmt.period(base)}` },
                ]}
              />
            ) : (
              <Empty description={t('policy.noneInForce')} />
            )}
          </Card>
          <Card size="small" title={t('policy.kind.collection')} data-testid="policy-params-collection">
            {collection?.shares ? <SharesTable shares={collection.shares} testId="policy-params-shares" /> : <Empty description={t('policy.noneInForce')} />}
          </Card>
          <Card size="small" title={t('policy.kind.wage')} data-testid="policy-params-wage">
            {wage ? (
              <Descriptions
                size="small"
                column={2}
                items={[
                  { key: 'monthly', label: t('policy.monthlyWage'), children: <span data-testid="policy-params-wage-amount">{fmt.money(wage.monthlyFen ?? 0)}</span> },
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
