/**
 * 到账与文件: each pooling region's collection mode, the files of the three modes (税务全责: the tax
 * bureau's payment detail in; 税务半责: receivables out, the tax results in; 经办机构自收: the bank
 * withholding file out, the bank's results in; CSV or .xlsx, each row's error shown), the files
 * brought in so far, and the payments that arrived.
 */
import { Alert, App, Button, Card, Col, Drawer, Flex, Form, Input, Row, Select, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { api, errorMessage, type Page } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { usePagedQuery, useQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { MONTH_PATTERN, thisMonth, yuan } from '../../components/format';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { nowrap } from '../../components/table';
import { useRules } from '../../forms';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { CollectionTag, defaultPoolingRegion, useDownload } from './common';

const MODES = ['tax_full', 'tax_half', 'agency'] as const;
type Mode = (typeof MODES)[number];
const FILE_KINDS = ['tax_payments', 'tax_results', 'bank_results'] as const;
type FileKind = (typeof FILE_KINDS)[number];
const IMPORT_PATH: Record<FileKind, string> = { tax_payments: '/collection/imports/tax-payments', tax_results: '/collection/imports/tax-results', bank_results: '/collection/imports/bank-results' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Setting {
  regionCode: string;
  mode: Mode;
  updatedBy: string;
  updatedAt: string;
}

/** GET /collection/imports/:id (and the answer of an import, with its first row errors) */
interface ImportedFile {
  id: string;
  kind: FileKind;
  regionCode: string;
  format: 'csv' | 'xlsx';
  fileName: string | null;
  status: 'processing' | 'done' | 'failed';
  rows: { read: number; created: number; replayed: number; duplicate: number; failed: number; rejected: number };
  amountFen: number;
  error: { code: string; message: string } | null;
  createdAt: string;
  finishedAt: string | null;
  errors?: FileRow[];
}

interface FileRow {
  row: number;
  outcome: string;
  reference: string | null;
  paymentId: string | null;
  payerKey: string | null;
  month: string | null;
  insuranceType: string | null;
  amountFen: number | null;
  field: string | null;
  code: string | null;
  reason: string | null;
}

interface Payment {
  id: string;
  source: string;
  reference: string;
  fileId: string;
  row: number;
  poolingRegion: string;
  payerKey: string;
  month: string;
  insuranceType: string;
  amountFen: number;
  paidDate: string;
  status: string;
  createdAt: string;
}

const loadSettings = () => api.get<{ items: Setting[] }>('/collection/settings');

export default function CollectionPaymentsPage() {
  const { t } = useI18n();
  return (
    <Card title={<span data-testid="page-title">{t('payments.title')}</span>}>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'files', label: <span data-testid="payments-tab-files">{t('payments.files')}</span>, children: <FilesTab /> },
          { key: 'imports', label: <span data-testid="payments-tab-imports">{t('payments.imports')}</span>, children: <ImportsTab /> },
          { key: 'payments', label: <span data-testid="payments-tab-payments">{t('payments.payments')}</span>, children: <PaymentsTab /> },
          { key: 'settings', label: <span data-testid="payments-tab-settings">{t('payments.settings')}</span>, children: <SettingsTab /> },
        ]}
      />
    </Card>
  );
}

// ---- settings -----------------------------------------------------------------------------------

function SettingsTab() {
  const { t, tx, lang } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const { me, permissions } = useSession();
  const canManage = permissions.has('collection.manage');
  const { data, loading, error, reload } = useQuery(loadSettings, { items: [] });
  const modal = useFormModal<{ regionCode: string; mode: Mode }>(['regionCode', 'mode'], async (v, { close }) => {
    await api.put(`/collection/settings/${encodeURIComponent(v.regionCode.trim())}`, { mode: v.mode });
    message.success(t('common.success'));
    close();
    await reload();
  });
  const open = (setting?: Setting) => {
    modal.form.resetFields();
    modal.form.setFieldsValue(setting ? { regionCode: setting.regionCode, mode: setting.mode } : { regionCode: defaultPoolingRegion(me) });
    modal.show();
  };
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t('payments.modeHint')}</Typography.Text>
      {canManage && (
        <Button type="primary" onClick={() => open()} style={{ alignSelf: 'flex-start' }} data-testid="mode-set">
          {t('payments.setMode')}
        </Button>
      )}
      {error !== null && <Alert type="error" showIcon title={error} />}
      <Table<Setting>
        data-testid="modes-table"
        rowKey="regionCode"
        size="small"
        loading={loading}
        dataSource={data.items}
        pagination={false}
        locale={{ emptyText: t('payments.noModes') }}
        columns={[
          { ...nowrap, key: 'regionCode', title: t('payments.poolingRegion'), dataIndex: 'regionCode' },
          { ...nowrap, key: 'mode', title: t('payments.mode'), dataIndex: 'mode', render: (v: string) => <span data-testid={`mode-of-${v}`}>{tx(`collection.mode.${v}`, v)}</span> },
          { ...nowrap, key: 'updatedAt', title: t('registry.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatTime(v, lang) },
          ...(canManage
            ? [
                {
                  ...nowrap,
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, r: Setting) => (
                    <Typography.Link onClick={() => open(r)} data-testid={`mode-edit-${r.regionCode}`}>
                      {t('payments.setMode')}
                    </Typography.Link>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal modal={modal} title={t('payments.setMode')} name="mode" submitTestId="mode-submit" forceRender>
        <Form.Item name="regionCode" label={t('payments.poolingRegion')} rules={[rules.required('payments.poolingRegion'), rules.regionCode]}>
          <Input data-testid="mode-region" maxLength={6} autoComplete="off" aria-label={t('payments.poolingRegion')} />
        </Form.Item>
        <Form.Item name="mode" label={t('payments.mode')} rules={[rules.requiredSelect('payments.mode')]}>
          <Select data-testid="mode-mode" aria-label={t('payments.mode')} options={MODES.map((m) => ({ value: m, label: tx(`collection.mode.${m}`, m) }))} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}

// ---- files of the three modes ---------------------------------------------------------------------

function FilesTab() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const { me, permissions } = useSession();
  const canManage = permissions.has('collection.manage');
  const settings = useQuery(loadSettings, { items: [] });
  const [regionCode, setRegionCode] = useState(() => defaultPoolingRegion(me) ?? '');
  const [month, setMonth] = useState(thisMonth);
  // spreadsheets saved as CSV on Chinese Windows are GB18030 (GBK), elsewhere UTF-8
  const [charset, setCharset] = useState<'utf-8' | 'gb18030'>('utf-8');
  const [uploading, setUploading] = useState<FileKind | null>(null);
  const [result, setResult] = useState<ImportedFile | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { download, busy } = useDownload();

  const regionOk = /^\d{6}$/.test(regionCode);
  const monthOk = MONTH_PATTERN.test(month);
  const mode = settings.data.items.find((s) => s.regionCode === regionCode)?.mode;

  const upload = async (kind: FileKind, file: File) => {
    if (!regionOk) {
      message.error(t('validate.regionCode'));
      return;
    }
    setUploading(kind);
    setFailure(null);
    setResult(null);
    try {
      const contentType = /\.xlsx$/i.test(file.name) ? XLSX : `text/csv; charset=${charset}`;
      setResult(await api.upload<ImportedFile>(IMPORT_PATH[kind], file, contentType, { query: { regionCode, fileName: file.name.slice(0, 200) } }));
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setUploading(null);
    }
  };

  const exportFile = (path: string, prefix: string) => {
    if (!regionOk || !monthOk) {
      message.error(t(regionOk ? 'policy.monthFormat' : 'validate.regionCode'));
      return;
    }
    void download(path, `${prefix}-${regionCode}-${month}.csv`, { month, regionCode });
  };

  const uploadButton = (kind: FileKind) =>
    canManage ? (
      <Upload
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        maxCount={1}
        beforeUpload={(file) => {
          void upload(kind, file);
          return false;
        }}
      >
        <Button type="primary" loading={uploading === kind} disabled={uploading !== null} data-testid={`file-import-${kind}`}>
          {t(`payments.import.${kind}`)}
        </Button>
      </Upload>
    ) : null;

  const card = (m: Mode, body: ReactNode) => (
    <Col xs={24} lg={8}>
      <Card
        size="small"
        title={tx(`collection.mode.${m}`, m)}
        extra={mode === m ? <Tag color="blue">{t('payments.current')}</Tag> : null}
        data-testid={`files-${m}`}
        style={{ height: '100%', borderColor: mode === m ? '#1560bd' : undefined }}
      >
        <Flex vertical gap={8}>
          <Typography.Text type="secondary">{t(`payments.modeText.${m}`)}</Typography.Text>
          {body}
        </Flex>
      </Card>
    </Col>
  );

  return (
    <Flex vertical gap={16}>
      <Space wrap>
        <Input
          data-testid="files-region"
          aria-label={t('payments.poolingRegion')}
          addonBefore={t('payments.poolingRegion')}
          maxLength={6}
          style={{ width: 240 }}
          status={regionCode && !regionOk ? 'error' : undefined}
          value={regionCode}
          onChange={(e) => setRegionCode(e.target.value.trim())}
        />
        <Input
          data-testid="files-month"
          aria-label={t('runs.month')}
          addonBefore={t('payments.exportMonth')}
          maxLength={7}
          placeholder="YYYY-MM"
          style={{ width: 220 }}
          status={month && !monthOk ? 'error' : undefined}
          value={month}
          onChange={(e) => setMonth(e.target.value.trim())}
        />
        <Select
          data-testid="files-charset"
          aria-label={t('payments.charset')}
          style={{ width: 200 }}
          value={charset}
          onChange={setCharset}
          options={[
            { value: 'utf-8', label: `${t('payments.charset')}: UTF-8` },
            { value: 'gb18030', label: `${t('payments.charset')}: GB18030 (GBK)` },
          ]}
        />
        <Typography.Text type="secondary" data-testid="files-current-mode">
          {regionOk ? (mode ? t('payments.currentMode', { mode: tx(`collection.mode.${mode}`, mode) }) : t('payments.noMode')) : ''}
        </Typography.Text>
      </Space>
      <Row gutter={[16, 16]}>
        {card('tax_full', uploadButton('tax_payments'))}
        {card(
          'tax_half',
          <>
            {canManage && (
              <Button loading={busy === '/collection/exports/tax-receivables'} onClick={() => exportFile('/collection/exports/tax-receivables', 'tax-receivables')} data-testid="file-export-tax">
                {t('payments.export.tax')}
              </Button>
            )}
            {uploadButton('tax_results')}
          </>,
        )}
        {card(
          'agency',
          <>
            {canManage && (
              <Button loading={busy === '/collection/exports/bank-withholding'} onClick={() => exportFile('/collection/exports/bank-withholding', 'bank-withholding')} data-testid="file-export-bank">
                {t('payments.export.bank')}
              </Button>
            )}
            {uploadButton('bank_results')}
          </>,
        )}
      </Row>
      {failure && <Alert type="error" showIcon title={failure} data-testid="file-import-error" />}
      {result && <ImportResult file={result} />}
    </Flex>
  );
}

/** What became of an imported file: its counts, and its rows in error (row, field, reason). */
function ImportResult({ file }: { file: ImportedFile }) {
  const { t, tx } = useI18n();
  return (
    <Card size="small" data-testid="file-import-result" title={`${tx(`collection.fileKind.${file.kind}`, file.kind)} · ${file.fileName ?? file.id}`}>
      <Flex vertical gap={8}>
        <Space wrap>
          <CollectionTag status={file.status} testId="file-import-status" />
          <span data-testid="file-import-counts">{t('payments.rowsText', { ...file.rows, amount: yuan(file.amountFen) })}</span>
        </Space>
        {file.error && <Alert type="error" showIcon title={file.error.message} />}
        {!!file.errors?.length && (
          <>
            <Typography.Text type="danger">{t('payments.rowErrors', { count: file.rows.rejected })}</Typography.Text>
            <RowErrorsTable rows={file.errors} />
          </>
        )}
      </Flex>
    </Card>
  );
}

function RowErrorsTable({ rows }: { rows: FileRow[] }) {
  const { t } = useI18n();
  return (
    <Table<FileRow>
      data-testid="file-row-errors"
      rowKey={(r) => `${r.row}-${r.field ?? ''}-${r.code ?? ''}`}
      size="small"
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20 } : false}
      columns={[
        { ...nowrap, key: 'row', title: t('payments.row'), dataIndex: 'row', align: 'right' },
        { ...nowrap, key: 'field', title: t('payments.field'), dataIndex: 'field', render: (v: string | null) => v ?? '—' },
        { key: 'reason', title: t('payments.reason'), dataIndex: 'reason', render: (v: string | null, r: FileRow) => v ?? r.code ?? '' },
      ]}
    />
  );
}

// ---- files brought in -----------------------------------------------------------------------------

function ImportsTab() {
  const { t, tx, lang } = useI18n();
  const [kind, setKind] = useState<string | undefined>();
  const [rowsOf, setRowsOf] = useState<ImportedFile | null>(null);
  const { items, loading, error, reload, setPage, pagination } = usePagedQuery(
    useCallback((page: number, pageSize: number) => api.get<Page<ImportedFile>>('/collection/imports', { query: { page, pageSize, kind } }), [kind]),
  );
  return (
    <Flex vertical gap={16}>
      <Space wrap>
        <Select
          data-testid="imports-kind-filter"
          aria-label={t('payments.fileKind')}
          placeholder={t('payments.fileKind')}
          allowClear
          style={{ width: 220 }}
          value={kind}
          onChange={(v?: string) => {
            setKind(v);
            setPage(1);
          }}
          options={FILE_KINDS.map((k) => ({ value: k, label: tx(`collection.fileKind.${k}`, k) }))}
        />
        <Button onClick={() => void reload()}>{t('common.refresh')}</Button>
      </Space>
      {error !== null && <Alert type="error" showIcon title={error} />}
      <Table<ImportedFile>
        data-testid="imports-table"
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={pagination}
        scroll={{ x: 'max-content' }}
        columns={[
          { ...nowrap, key: 'createdAt', title: t('runs.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, lang) },
          { ...nowrap, key: 'kind', title: t('payments.fileKind'), dataIndex: 'kind', render: (v: string) => tx(`collection.fileKind.${v}`, v) },
          { ...nowrap, key: 'regionCode', title: t('payments.poolingRegion'), dataIndex: 'regionCode' },
          { ...nowrap, key: 'fileName', title: t('registry.fileName'), dataIndex: 'fileName', render: (v: string | null) => v ?? '—' },
          { ...nowrap, key: 'status', title: t('runs.status'), dataIndex: 'status', render: (v: string) => <CollectionTag status={v} /> },
          { key: 'rows', title: t('payments.rows'), render: (_: unknown, f: ImportedFile) => t('payments.rowsText', { ...f.rows, amount: yuan(f.amountFen) }) },
          {
            ...nowrap,
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, f: ImportedFile) => (
              <Typography.Link onClick={() => setRowsOf(f)} data-testid={`import-rows-${f.id}`}>
                {t('payments.fileRows')}
              </Typography.Link>
            ),
          },
        ]}
      />
      <Drawer open={rowsOf !== null} onClose={() => setRowsOf(null)} size={820} title={rowsOf ? `${t('payments.fileRows')} · ${rowsOf.fileName ?? rowsOf.id}` : ''} destroyOnHidden>
        {rowsOf && <FileRows file={rowsOf} />}
      </Drawer>
    </Flex>
  );
}

const OUTCOMES = ['created', 'replayed', 'duplicate', 'failed', 'error'] as const;

function FileRows({ file }: { file: ImportedFile }) {
  const { t, tx } = useI18n();
  const types = useInsuranceTypeLabels();
  const [outcome, setOutcome] = useState<string | undefined>(file.rows.rejected ? 'error' : undefined);
  const { items, loading, error, setPage, pagination } = usePagedQuery(
    useCallback(
      (page: number, pageSize: number) => api.get<Page<FileRow>>(`/collection/imports/${encodeURIComponent(file.id)}/rows`, { query: { page, pageSize, outcome } }),
      [file.id, outcome],
    ),
  );
  return (
    <Flex vertical gap={16}>
      <Select
        aria-label={t('payments.outcome')}
        placeholder={t('payments.outcome')}
        allowClear
        style={{ width: 180 }}
        value={outcome}
        onChange={(v?: string) => {
          setOutcome(v);
          setPage(1);
        }}
        options={OUTCOMES.map((o) => ({ value: o, label: tx(`collection.status.${o}`, o) }))}
      />
      {error !== null && <Alert type="error" showIcon title={error} />}
      <Table<FileRow>
        data-testid="import-rows-table"
        rowKey={(r) => `${r.row}-${r.outcome}-${r.field ?? ''}`}
        size="small"
        loading={loading}
        dataSource={items}
        pagination={pagination}
        scroll={{ x: 'max-content' }}
        columns={[
          { ...nowrap, key: 'row', title: t('payments.row'), dataIndex: 'row', align: 'right' },
          { ...nowrap, key: 'outcome', title: t('payments.outcome'), dataIndex: 'outcome', render: (v: string) => <CollectionTag status={v} /> },
          { ...nowrap, key: 'reference', title: t('payments.reference'), dataIndex: 'reference', render: (v: string | null) => v ?? '—' },
          { ...nowrap, key: 'payerKey', title: t('runs.payerKey'), dataIndex: 'payerKey', render: (v: string | null) => v ?? '—' },
          { ...nowrap, key: 'month', title: t('runs.month'), dataIndex: 'month', render: (v: string | null) => v ?? '—' },
          { ...nowrap, key: 'insuranceType', title: t('application.insuranceType'), dataIndex: 'insuranceType', render: (v: string | null) => (v ? types.label(v) : '—') },
          { ...nowrap, key: 'amountFen', title: t('runs.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number | null) => (v === null ? '—' : yuan(v)) },
          { ...nowrap, key: 'field', title: t('payments.field'), dataIndex: 'field', render: (v: string | null) => v ?? '' },
          { key: 'reason', title: t('payments.reason'), dataIndex: 'reason', render: (v: string | null) => v ?? '' },
        ]}
      />
    </Flex>
  );
}

// ---- payments -------------------------------------------------------------------------------------

const PAYMENT_STATUSES = ['arrived', 'matched', 'short', 'over', 'unmatched'] as const;

function PaymentsTab() {
  const { t, tx, lang } = useI18n();
  const types = useInsuranceTypeLabels();
  const [monthInput, setMonthInput] = useState('');
  const [filters, setFilters] = useState<{ month?: string; status?: string }>({});
  const { items, loading, error, setPage, pagination } = usePagedQuery(
    useCallback((page: number, pageSize: number) => api.get<Page<Payment>>('/collection/payments', { query: { page, pageSize, ...filters } }), [filters]),
  );
  const filter = (next: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage(1);
  };
  return (
    <Flex vertical gap={16}>
      <Space wrap>
        <Input.Search
          data-testid="payments-month-filter"
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
          data-testid="payments-status-filter"
          aria-label={t('runs.status')}
          placeholder={t('runs.status')}
          allowClear
          style={{ width: 140 }}
          value={filters.status}
          onChange={(v?: string) => filter({ status: v })}
          options={PAYMENT_STATUSES.map((s) => ({ value: s, label: tx(`collection.status.${s}`, s) }))}
        />
      </Space>
      {error !== null && <Alert type="error" showIcon title={error} />}
      <Table<Payment>
        data-testid="payments-table"
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={pagination}
        scroll={{ x: 'max-content' }}
        columns={[
          { ...nowrap, key: 'paidDate', title: t('payments.paidDate'), dataIndex: 'paidDate' },
          { ...nowrap, key: 'source', title: t('payments.source'), dataIndex: 'source', render: (v: string) => tx(`collection.source.${v}`, v) },
          { ...nowrap, key: 'reference', title: t('payments.reference'), dataIndex: 'reference' },
          { ...nowrap, key: 'poolingRegion', title: t('payments.poolingRegion'), dataIndex: 'poolingRegion' },
          { ...nowrap, key: 'payerKey', title: t('runs.payerKey'), dataIndex: 'payerKey' },
          { ...nowrap, key: 'month', title: t('runs.month'), dataIndex: 'month' },
          { ...nowrap, key: 'insuranceType', title: t('application.insuranceType'), dataIndex: 'insuranceType', render: (v: string) => types.label(v) },
          { ...nowrap, key: 'amountFen', title: t('runs.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
          { ...nowrap, key: 'status', title: t('runs.status'), dataIndex: 'status', render: (v: string) => <CollectionTag status={v} /> },
          { ...nowrap, key: 'createdAt', title: t('runs.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, lang) },
        ]}
      />
    </Flex>
  );
}
