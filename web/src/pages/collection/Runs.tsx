/**
 * 应收核定: a clerk starts a month's receivable run (in the background; its progress is followed
 * until it ends), lists the runs and the enrollments a run could not compute, and reads the
 * receivable lines with their explanation.
 */
import { Alert, Button, Card, Checkbox, Descriptions, Drawer, Flex, Form, Progress, Select, Space, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, type ItemOf } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { MONTH_PATTERN, thisMonth, yuan } from '../../components/format';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { nowrap } from '../../components/table';
import { useRules } from '../../forms';
import { MonthPicker } from '../../components/MonthPicker';
import { RegionCascader, RegionName } from '../../components/RegionCascader';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { CollectionTag, RUN_UNDER_WAY, type Run } from './common';

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

const RUN_STATUSES: Run['status'][] = ['queued', 'running', 'done', 'failed'];

function RunsTab() {
  const { t, tx, lang } = useI18n();
  const rules = useRules();
  const types = useInsuranceTypeLabels();
  const { permissions } = useSession();
  const canManage = permissions.has('collection.manage');
  const list = usePagedList('/api/v1/collection/runs');
  const { reload, setPage } = list;
  const [followed, setFollowed] = useState<Run | null>(null);
  const [problemsOf, setProblemsOf] = useState<Run | null>(null);

  // follow the run until it ends, as the registry's import page follows an import
  const runId = followed?.id;
  const underWay = followed ? RUN_UNDER_WAY.has(followed.status) : false;
  useEffect(() => {
    if (!runId || !underWay) return undefined;
    const timer = setInterval(() => {
      api
        .get('/api/v1/collection/runs/{id}', { path: { id: runId } })
        .then((next) => {
          setFollowed(next);
          if (!RUN_UNDER_WAY.has(next.status)) void reload();
        })
        .catch(() => undefined);
    }, 1000);
    return () => clearInterval(timer);
  }, [runId, underWay, reload]);

  const startModal = useFormModal<StartForm>(['month', 'regionCode', 'insuranceType'], async (v, { form, close }) => {
    const run = await api.post('/api/v1/collection/runs', {
      month: v.month.trim(),
      ...(v.regionCode ? { regionCode: v.regionCode } : {}),
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

  return (
    <>
      <ListPage
        list={list}
        testId="runs-table"
        header={<Typography.Text type="secondary">{t('runs.hint')}</Typography.Text>}
        filters={[
          { type: 'month', name: 'month', testId: 'runs-month-filter', label: t('runs.month') },
          { type: 'select', name: 'status', testId: 'runs-status-filter', label: t('runs.status'), options: RUN_STATUSES.map((s) => ({ value: s, label: tx(`collection.status.${s}`, s) })) },
        ]}
        refreshTestId="runs-refresh"
        actions={
          canManage && (
            <Button type="primary" onClick={openStart} data-testid="run-start">
              {t('runs.start')}
            </Button>
          )
        }
        above={followed && <RunCard run={followed} onProblems={() => setProblemsOf(followed)} />}
        errorTestId="runs-error"
        columns={[
          { ...nowrap, key: 'createdAt', title: t('runs.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, lang) },
          { ...nowrap, key: 'month', title: t('runs.month'), dataIndex: 'month' },
          { ...nowrap, key: 'regionCode', title: t('runs.region'), dataIndex: 'regionCode', render: (v: string | null) => (v ? <RegionName code={v} /> : t('runs.allRegions')) },
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
          <MonthPicker testId="run-month" label={t('runs.month')} />
        </Form.Item>
        <Form.Item name="regionCode" label={t('runs.region')} extra={t('runs.regionHint')} rules={[rules.regionCode]}>
          <RegionCascader testId="run-region" label={t('runs.region')} />
        </Form.Item>
        <Form.Item name="insuranceType" label={t('application.insuranceType')} extra={t('runs.typeHint')}>
          <Select data-testid="run-insurance-type" aria-label={t('application.insuranceType')} allowClear options={types.options()} />
        </Form.Item>
      </FormModal>
      <Drawer open={problemsOf !== null} onClose={() => setProblemsOf(null)} size={720} title={t('runs.problemsList')} destroyOnHidden>
        {problemsOf && <ProblemsList run={problemsOf} />}
      </Drawer>
    </>
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
            { key: 'region', label: t('runs.region'), children: run.regionCode ? <RegionName code={run.regionCode} /> : t('runs.allRegions') },
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

function ProblemsList({ run }: { run: Run }) {
  const { t } = useI18n();
  const types = useInsuranceTypeLabels();
  const list = usePagedList('/api/v1/collection/runs/{id}/problems', { path: { id: run.id } });
  return (
    <ListPage
      list={list}
      testId="run-problems-table"
      rowKey="employmentId"
      size="small"
      columns={[
        { ...nowrap, key: 'employmentId', title: t('runs.employment'), dataIndex: 'employmentId' },
        { ...nowrap, key: 'insuranceType', title: t('application.insuranceType'), dataIndex: 'insuranceType', render: (v: string) => types.label(v) },
        { ...nowrap, key: 'regionCode', title: t('runs.region'), dataIndex: 'regionCode', render: (v: string) => <RegionName code={v} /> },
        { key: 'message', title: t('runs.problemReason'), dataIndex: 'message' },
      ]}
    />
  );
}

// ---- receivable lines ---------------------------------------------------------------------------

const LINE_STATUSES: ItemOf<'/api/v1/collection/receivables'>['status'][] = ['due', 'received', 'cancelled'];

function ReceivablesTab() {
  const { t, tx, lang } = useI18n();
  const types = useInsuranceTypeLabels();
  const list = usePagedList('/api/v1/collection/receivables');
  return (
    <ListPage
      list={list}
      testId="receivables-table"
      size="small"
      filters={[
        { type: 'month', name: 'month', testId: 'receivables-month-filter', label: t('runs.month') },
        { type: 'select', name: 'status', testId: 'receivables-status-filter', label: t('runs.lineStatus'), options: LINE_STATUSES.map((s) => ({ value: s, label: tx(`collection.status.${s}`, s) })) },
        { type: 'select', name: 'insuranceType', testId: 'receivables-type-filter', label: t('application.insuranceType'), width: 260, options: types.options() },
      ]}
      tools={
        <Checkbox data-testid="receivables-explain" checked={!!list.filters.explain} onChange={(e) => list.filter({ explain: e.target.checked || undefined })}>
          {t('runs.explain')}
        </Checkbox>
      }
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
  );
}
