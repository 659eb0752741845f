/**
 * 应收核定: a clerk starts a month's receivable run (in the background; its progress is followed
 * until it ends), lists the runs and the enrollments a run could not compute, and reads the
 * receivable lines with their explanation.
 */
import { Alert, Button, Card, Checkbox, Descriptions, Drawer, Flex, Form, Input, Progress, Select, Space, Table, Tabs, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, type Page } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { usePagedQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { MONTH_PATTERN, thisMonth, yuan } from '../../components/format';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { nowrap } from '../../components/table';
import { useRules } from '../../forms';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { CollectionTag, RUN_UNDER_WAY, type ReceivableLine, type Run } from './common';

export default function RunsPage() {
  const { t } = useI18n();
  return (
    <Card title={<span data-testid="page-title">{t('runs.title')}</span>}>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'runs', label: <span data-testid="runs-tab-runs">{t('runs.runs')}</span>, children: <RunsTab /> },
          { key: 'receivables', label: <span data-testid="runs-tab-receivables">{t('runs.receivables')}</span>, children: <ReceivablesTab /> },
        ]}
      />
    </Card>
  );
}

// ---- runs ---------------------------------------------------------------------------------------

interface StartForm {
  month: string;
  regionCode?: string;
  insuranceType?: string;
}

const RUN_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

function RunsTab() {
  const { t, tx, lang } = useI18n();
  const rules = useRules();
  const types = useInsuranceTypeLabels();
  const { permissions } = useSession();
  const canManage = permissions.has('collection.manage');
  const [filters, setFilters] = useState<{ month?: string; status?: string }>({});
  const [monthInput, setMonthInput] = useState('');
  const { items, loading, error, reload, setPage, pagination } = usePagedQuery(
    useCallback((page: number, pageSize: number) => api.get<Page<Run>>('/collection/runs', { query: { page, pageSize, ...filters } }), [filters]),
  );
  const [followed, setFollowed] = useState<Run | null>(null);
  const [problemsOf, setProblemsOf] = useState<Run | null>(null);

  // follow the run until it ends, as the registry's import page follows an import
  const runId = followed?.id;
  const underWay = followed ? RUN_UNDER_WAY.has(followed.status) : false;
  useEffect(() => {
    if (!runId || !underWay) return undefined;
    const timer = setInterval(() => {
      api
        .get<Run>(`/collection/runs/${encodeURIComponent(runId)}`)
        .then((next) => {
          setFollowed(next);
          if (!RUN_UNDER_WAY.has(next.status)) void reload();
        })
        .catch(() => undefined);
    }, 1000);
    return () => clearInterval(timer);
  }, [runId, underWay, reload]);

  const startModal = useFormModal<StartForm>(['month', 'regionCode', 'insuranceType'], async (v, { form, close }) => {
    const run = await api.post<Run>('/collection/runs', {
      month: v.month.trim(),
      ...(v.regionCode?.trim() ? { regionCode: v.regionCode.trim() } : {}),
      ...(v.insuranceType ? { insuranceType: v.insuranceType } : {}),
    });
    close();
    form.resetFields();
    setFollowed(run);
    setPage(1);
    await reload();
  });

  const openStart = () => {
    startModal.form.resetFields();
    startModal.form.setFieldsValue({ month: thisMonth() });
    startModal.show();
  };

  const filter = (next: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage(1);
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t('runs.hint')}</Typography.Text>
      <Flex wrap gap={12} justify="space-between">
        <Space wrap>
          <Input.Search
            data-testid="runs-month-filter"
            aria-label={t('runs.month')}
            placeholder={t('runs.monthFilter')}
            allowClear
            maxLength={7}
            style={{ width: 180 }}
            value={monthInput}
            onChange={(e) => setMonthInput(e.target.value)}
            onSearch={(v) => filter({ month: MONTH_PATTERN.test(v.trim()) ? v.trim() : undefined })}
          />
          <Select
            data-testid="runs-status-filter"
            aria-label={t('runs.status')}
            placeholder={t('runs.status')}
            allowClear
            style={{ width: 140 }}
            value={filters.status}
            onChange={(v?: string) => filter({ status: v })}
            options={RUN_STATUSES.map((s) => ({ value: s, label: tx(`collection.status.${s}`, s) }))}
          />
          <Button onClick={() => void reload()} data-testid="runs-refresh">
            {t('common.refresh')}
          </Button>
        </Space>
        {canManage && (
          <Button type="primary" onClick={openStart} data-testid="run-start">
            {t('runs.start')}
          </Button>
        )}
      </Flex>
      {followed && <RunCard run={followed} onProblems={() => setProblemsOf(followed)} />}
      {error !== null && <Alert type="error" showIcon title={error} data-testid="runs-error" />}
      <Table<Run>
        data-testid="runs-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={pagination}
        scroll={{ x: 'max-content' }}
        columns={[
          { ...nowrap, key: 'createdAt', title: t('runs.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, lang) },
          { ...nowrap, key: 'month', title: t('runs.month'), dataIndex: 'month' },
          { ...nowrap, key: 'regionCode', title: t('runs.region'), dataIndex: 'regionCode', render: (v: string | null) => v ?? t('runs.allRegions') },
          { ...nowrap, key: 'insuranceType', title: t('application.insuranceType'), dataIndex: 'insuranceType', render: (v: string | null) => (v ? types.label(v) : t('runs.allTypes')) },
          { ...nowrap, key: 'status', title: t('runs.status'), dataIndex: 'status', render: (v: string, r: Run) => <CollectionTag status={v} testId={`run-row-status-${r.id}`} /> },
          { ...nowrap, key: 'processed', title: t('runs.processed'), render: (_: unknown, r: Run) => `${r.processed} / ${r.total}` },
          { ...nowrap, key: 'problems', title: t('runs.problems'), dataIndex: 'problems', align: 'right' },
          { ...nowrap, key: 'lines', title: t('runs.lines'), dataIndex: 'linesWritten', align: 'right' },
          {
            ...nowrap,
            key: 'totals',
            title: t('runs.totals'),
            render: (_: unknown, r: Run) => t('runs.totalsText', { unit: yuan(r.totals.unitFen), person: yuan(r.totals.personFen), fiscal: yuan(r.totals.fiscalFen) }),
          },
          {
            ...nowrap,
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, r: Run) => (
              <Space>
                <Typography.Link onClick={() => setFollowed(r)} data-testid={`run-open-${r.id}`}>
                  {t('review.detail')}
                </Typography.Link>
                {r.problems > 0 && (
                  <Typography.Link onClick={() => setProblemsOf(r)} data-testid={`run-problems-${r.id}`}>
                    {t('runs.problemsList')}
                  </Typography.Link>
                )}
              </Space>
            ),
          },
        ]}
      />
      <FormModal modal={startModal} title={t('runs.start')} name="run-start" submitTestId="run-start-submit" forceRender>
        <Form.Item name="month" label={t('runs.month')} rules={[rules.required('runs.month'), { pattern: MONTH_PATTERN, message: t('policy.monthFormat') }]}>
          <Input data-testid="run-month" maxLength={7} placeholder="YYYY-MM" autoComplete="off" aria-label={t('runs.month')} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('runs.region')} extra={t('runs.regionHint')} rules={[rules.regionCode]}>
          <Input data-testid="run-region" maxLength={6} autoComplete="off" aria-label={t('runs.region')} />
        </Form.Item>
        <Form.Item name="insuranceType" label={t('application.insuranceType')} extra={t('runs.typeHint')}>
          <Select data-testid="run-insurance-type" aria-label={t('application.insuranceType')} allowClear options={types.options()} />
        </Form.Item>
      </FormModal>
      <Drawer open={problemsOf !== null} onClose={() => setProblemsOf(null)} size={720} title={t('runs.problemsList')} destroyOnHidden>
        {problemsOf && <ProblemsList run={problemsOf} />}
      </Drawer>
    </Flex>
  );
}

/** One run and how far it got: a progress bar while it is under way, its counts and totals. */
function RunCard({ run, onProblems }: { run: Run; onProblems: () => void }) {
  const { t, lang } = useI18n();
  const types = useInsuranceTypeLabels();
  const underWay = RUN_UNDER_WAY.has(run.status);
  const percent = run.status === 'done' ? 100 : run.total ? Math.floor((run.processed / run.total) * 100) : 0;
  return (
    <Card size="small" data-testid="run-card" title={t('runs.runOf', { month: run.month })}>
      <Flex vertical gap={8}>
        <Space wrap>
          <CollectionTag status={run.status} testId="run-status" />
          <span data-testid="run-counts">{t('runs.countsText', { processed: run.processed, total: run.total, problems: run.problems, lines: run.linesWritten, cancelled: run.linesCancelled })}</span>
        </Space>
        <Progress data-testid="run-progress" percent={percent} status={run.status === 'failed' ? 'exception' : underWay ? 'active' : 'success'} />
        {run.error && <Alert type="error" showIcon title={run.error.message} data-testid="run-error" />}
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, md: 3 }}
          items={[
            { key: 'region', label: t('runs.region'), children: run.regionCode ?? t('runs.allRegions') },
            { key: 'type', label: t('application.insuranceType'), children: run.insuranceType ? types.label(run.insuranceType) : t('runs.allTypes') },
            { key: 'started', label: t('runs.startedAt'), children: formatTime(run.startedAt, lang) || '—' },
            { key: 'unit', label: t('runs.unitTotal'), children: <span data-testid="run-unit-total">{yuan(run.totals.unitFen)}</span> },
            { key: 'person', label: t('runs.personTotal'), children: <span data-testid="run-person-total">{yuan(run.totals.personFen)}</span> },
            { key: 'fiscal', label: t('runs.fiscalTotal'), children: yuan(run.totals.fiscalFen) },
            { key: 'finished', label: t('runs.finishedAt'), children: formatTime(run.finishedAt, lang) || '—' },
          ]}
        />
        {!underWay && run.problems > 0 && (
          <Button onClick={onProblems} style={{ alignSelf: 'flex-start' }} data-testid="run-card-problems">
            {t('runs.problemsList')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}

interface Problem {
  employmentId: string;
  personId: string;
  entityId: string | null;
  insuranceType: string;
  regionCode: string;
  code: string;
  message: string;
}

function ProblemsList({ run }: { run: Run }) {
  const { t } = useI18n();
  const types = useInsuranceTypeLabels();
  const { items, loading, error, pagination } = usePagedQuery(
    useCallback((page: number, pageSize: number) => api.get<Page<Problem>>(`/collection/runs/${encodeURIComponent(run.id)}/problems`, { query: { page, pageSize } }), [run.id]),
  );
  return (
    <Flex vertical gap={16}>
      {error !== null && <Alert type="error" showIcon title={error} />}
      <Table<Problem>
        data-testid="run-problems-table"
        rowKey="employmentId"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={pagination}
        columns={[
          { ...nowrap, key: 'employmentId', title: t('runs.employment'), dataIndex: 'employmentId' },
          { ...nowrap, key: 'insuranceType', title: t('application.insuranceType'), dataIndex: 'insuranceType', render: (v: string) => types.label(v) },
          { ...nowrap, key: 'regionCode', title: t('runs.region'), dataIndex: 'regionCode' },
          { key: 'message', title: t('runs.problemReason'), dataIndex: 'message' },
        ]}
      />
    </Flex>
  );
}

// ---- receivable lines ---------------------------------------------------------------------------

const LINE_STATUSES = ['due', 'received', 'cancelled'] as const;

function ReceivablesTab() {
  const { t, tx, lang } = useI18n();
  const types = useInsuranceTypeLabels();
  const [monthInput, setMonthInput] = useState('');
  const [filters, setFilters] = useState<{ month?: string; status?: string; insuranceType?: string; explain?: boolean }>({});
  const { items, loading, error, setPage, pagination } = usePagedQuery(
    useCallback((page: number, pageSize: number) => api.get<Page<ReceivableLine>>('/collection/receivables', { query: { page, pageSize, ...filters } }), [filters]),
  );
  const filter = (next: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage(1);
  };
  return (
    <Flex vertical gap={16}>
      <Space wrap>
        <Input.Search
          data-testid="receivables-month-filter"
          aria-label={t('runs.month')}
          placeholder={t('runs.monthFilter')}
          allowClear
          maxLength={7}
          style={{ width: 180 }}
          value={monthInput}
          onChange={(e) => setMonthInput(e.target.value)}
          onSearch={(v) => filter({ month: MONTH_PATTERN.test(v.trim()) ? v.trim() : undefined })}
        />
        <Select
          data-testid="receivables-status-filter"
          aria-label={t('runs.lineStatus')}
          placeholder={t('runs.lineStatus')}
          allowClear
          style={{ width: 140 }}
          value={filters.status}
          onChange={(v?: string) => filter({ status: v })}
          options={LINE_STATUSES.map((s) => ({ value: s, label: tx(`collection.status.${s}`, s) }))}
        />
        <Select
          data-testid="receivables-type-filter"
          aria-label={t('application.insuranceType')}
          placeholder={t('application.insuranceType')}
          allowClear
          style={{ width: 260 }}
          value={filters.insuranceType}
          onChange={(v?: string) => filter({ insuranceType: v })}
          options={types.options()}
        />
        <Checkbox data-testid="receivables-explain" checked={!!filters.explain} onChange={(e) => filter({ explain: e.target.checked || undefined })}>
          {t('runs.explain')}
        </Checkbox>
      </Space>
      {error !== null && <Alert type="error" showIcon title={error} />}
      <Table<ReceivableLine>
        data-testid="receivables-table"
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={pagination}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (r) => <Typography.Text>{lang === 'en' ? r.explanation?.en : r.explanation?.zh}</Typography.Text>,
          rowExpandable: (r) => !!r.explanation,
        }}
        columns={[
          { ...nowrap, key: 'month', title: t('runs.month'), dataIndex: 'month' },
          { ...nowrap, key: 'payer', title: t('runs.payer'), dataIndex: 'payer', render: (v: string) => tx(`collection.payer.${v}`, v) },
          { ...nowrap, key: 'payerKey', title: t('runs.payerKey'), dataIndex: 'payerKey' },
          { ...nowrap, key: 'insuranceType', title: t('application.insuranceType'), dataIndex: 'insuranceType', render: (v: string) => types.label(v) },
          { ...nowrap, key: 'ruleCode', title: t('runs.ruleCode'), dataIndex: 'ruleCode' },
          { ...nowrap, key: 'baseFen', title: t('myEnrollment.base'), dataIndex: 'baseFen', align: 'right', render: (v: number) => yuan(v) },
          { ...nowrap, key: 'rate', title: t('runs.rate'), dataIndex: 'ratePpm', align: 'right', render: (v: number) => `${Number((v / 10_000).toFixed(4))} %` },
          { ...nowrap, key: 'amountFen', title: t('runs.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
          { ...nowrap, key: 'status', title: t('runs.lineStatus'), dataIndex: 'status', render: (v: string) => <CollectionTag status={v} /> },
        ]}
      />
    </Flex>
  );
}
