/**
 * 到账与文件: each pooling region's collection mode, the files of the three modes (税务全责: the tax
 * bureau's payment detail in; 税务半责: receivables out, the tax results in; 经办机构自收: the bank
 * withholding file out, the bank's results in; CSV or .xlsx, each row's error shown), the files
 * brought in so far, and the payments that arrived.
 */
import { Alert, App, Button, Card, Col, Drawer, Flex, Form, Row, Select, Space, Table, Tabs, Tag, Typography, Upload } from 'antd';
import { useState, type ReactNode } from 'react';
import { api, errorMessage, type ItemOf, type ResponseOf } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { ListPage } from '../../components/ListPage';
import { usePagedList, useQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { MONTH_PATTERN, thisMonth, yuan } from '../../components/format';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { nowrap } from '../../components/table';
import { useRules } from '../../forms';
import { MonthPicker } from '../../components/MonthPicker';
import { RegionCascader, RegionName } from '../../components/RegionCascader';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { CollectionTag, defaultPoolingRegion, useDownload } from './common';

type Setting = ItemOf<'/api/v1/collection/settings'>;
type Mode = Setting['mode'];
const MODES: Mode[] = ['tax_full', 'tax_half', 'agency'];
/** The answer of an import: the file, with its first row errors. */
type ImportedFile = ResponseOf<'/api/v1/collection/imports/tax-payments', 'post'>;
type FileKind = ImportedFile['kind'];
const FILE_KINDS: FileKind[] = ['tax_payments', 'tax_results', 'bank_results'];
const IMPORT_PATH = {
  tax_payments: '/api/v1/collection/imports/tax-payments',
  tax_results: '/api/v1/collection/imports/tax-results',
  bank_results: '/api/v1/collection/imports/bank-results',
} as const satisfies Record<FileKind, string>;
const EXPORT_PATH = { tax: '/api/v1/collection/exports/tax-receivables', bank: '/api/v1/collection/exports/bank-withholding' } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type FileRow = ImportedFile['errors'][number];

// the modes of every region the clerk sees: a handful, one page
const loadSettings = () => api.get('/api/v1/collection/settings', { query: { page: 1, pageSize: 100 } });

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
  const list = usePagedList('/api/v1/collection/settings');
  const modal = useFormModal<{ regionCode: string; mode: Mode }>(['regionCode', 'mode'], async (v, { close }) => {
    await api.put('/api/v1/collection/settings/{regionCode}', { mode: v.mode }, { path: { regionCode: v.regionCode } });
    message.success(t('common.success'));
    close();
    await list.reload();
  });
  const open = (setting?: Setting) => {
    modal.form.resetFields();
    modal.form.setFieldsValue(setting ? { regionCode: setting.regionCode, mode: setting.mode } : { regionCode: defaultPoolingRegion(me) });
    modal.show();
  };
  return (
    <>
      <ListPage
        list={list}
        testId="modes-table"
        rowKey="regionCode"
        size="small"
        header={<Typography.Text type="secondary">{t('payments.modeHint')}</Typography.Text>}
        actions={
          canManage && (
            <Button type="primary" onClick={() => open()} data-testid="mode-set">
              {t('payments.setMode')}
            </Button>
          )
        }
        locale={{ emptyText: t('payments.noModes') }}
        columns={[
          { ...nowrap, key: 'regionCode', title: t('payments.poolingRegion'), dataIndex: 'regionCode', render: (v: string) => <RegionName code={v} /> },
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
        <Form.Item name="regionCode" label={t('payments.poolingRegion')} rules={[rules.requiredSelect('payments.poolingRegion'), rules.regionCode]}>
          <RegionCascader testId="mode-region" label={t('payments.poolingRegion')} />
        </Form.Item>
        <Form.Item name="mode" label={t('payments.mode')} rules={[rules.requiredSelect('payments.mode')]}>
          <Select data-testid="mode-mode" aria-label={t('payments.mode')} options={MODES.map((m) => ({ value: m, label: tx(`collection.mode.${m}`, m) }))} />
        </Form.Item>
      </FormModal>
    </>
  );
}

// ---- files of the three modes ---------------------------------------------------------------------

function FilesTab() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const { me, permissions } = useSession();
  const canManage = permissions.has('collection.manage');
  const settings = useQuery(loadSettings, null);
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
  const mode = settings.data?.items.find((s) => s.regionCode === regionCode)?.mode;

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
      setResult(await api.upload(IMPORT_PATH[kind], file, contentType, { query: { regionCode, fileName: file.name.slice(0, 200) } }));
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setUploading(null);
    }
  };

  const exportFile = (kind: keyof typeof EXPORT_PATH, prefix: string) => {
    if (!regionOk || !monthOk) {
      message.error(t(regionOk ? 'policy.monthFormat' : 'validate.regionCode'));
      return;
    }
    void download(kind, `${prefix}-${regionCode}-${month}.csv`, () => api.download(EXPORT_PATH[kind], { query: { month, regionCode } }));
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
        <RegionCascader
          testId="files-region"
          label={t('payments.poolingRegion')}
          placeholder={t('payments.poolingRegion')}
          allowClear={false}
          value={regionCode || undefined}
          onChange={(code) => setRegionCode(code ?? '')}
        />
        <MonthPicker testId="files-month" label={t('runs.month')} placeholder={t('payments.exportMonth')} value={month} onChange={(m) => setMonth(m ?? '')} />
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
              <Button loading={busy === 'tax'} onClick={() => exportFile('tax', 'tax-receivables')} data-testid="file-export-tax">
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
              <Button loading={busy === 'bank'} onClick={() => exportFile('bank', 'bank-withholding')} data-testid="file-export-bank">
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

type FileSummary = ItemOf<'/api/v1/collection/imports'>;

function ImportsTab() {
  const { t, tx, lang } = useI18n();
  const [rowsOf, setRowsOf] = useState<FileSummary | null>(null);
  const list = usePagedList('/api/v1/collection/imports');
  return (
    <>
      <ListPage
        list={list}
        testId="imports-table"
        size="small"
        filters={[
          { type: 'select', name: 'kind', testId: 'imports-kind-filter', label: t('payments.fileKind'), width: 220, options: FILE_KINDS.map((k) => ({ value: k, label: tx(`collection.fileKind.${k}`, k) })) },
        ]}
        refreshTestId="imports-refresh"
        columns={[
          { ...nowrap, key: 'createdAt', title: t('runs.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, lang) },
          { ...nowrap, key: 'kind', title: t('payments.fileKind'), dataIndex: 'kind', render: (v: string) => tx(`collection.fileKind.${v}`, v) },
          { ...nowrap, key: 'regionCode', title: t('payments.poolingRegion'), dataIndex: 'regionCode', render: (v: string) => <RegionName code={v} /> },
          { ...nowrap, key: 'fileName', title: t('registry.fileName'), dataIndex: 'fileName', render: (v: string | null) => v ?? '—' },
          { ...nowrap, key: 'status', title: t('runs.status'), dataIndex: 'status', render: (v: string) => <CollectionTag status={v} /> },
          { key: 'rows', title: t('payments.rows'), render: (_: unknown, f: FileSummary) => t('payments.rowsText', { ...f.rows, amount: yuan(f.amountFen) }) },
          {
            ...nowrap,
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, f: FileSummary) => (
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
    </>
  );
}

const OUTCOMES: FileRow['outcome'][] = ['created', 'replayed', 'duplicate', 'failed', 'error'];

function FileRows({ file }: { file: FileSummary }) {
  const { t, tx } = useI18n();
  const types = useInsuranceTypeLabels();
  const list = usePagedList('/api/v1/collection/imports/{id}/rows', { path: { id: file.id }, filters: { outcome: file.rows.rejected ? 'error' : undefined } });
  return (
    <ListPage
      list={list}
      testId="import-rows-table"
      rowKey={(r) => `${r.row}-${r.outcome}-${r.field ?? ''}`}
      size="small"
      filters={[
        { type: 'select', name: 'outcome', testId: 'import-rows-outcome', label: t('payments.outcome'), width: 180, options: OUTCOMES.map((o) => ({ value: o, label: tx(`collection.status.${o}`, o) })) },
      ]}
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
  );
}

// ---- payments -------------------------------------------------------------------------------------

const PAYMENT_STATUSES: ItemOf<'/api/v1/collection/payments'>['status'][] = ['arrived', 'matched', 'short', 'over', 'unmatched'];

function PaymentsTab() {
  const { t, tx, lang } = useI18n();
  const types = useInsuranceTypeLabels();
  const list = usePagedList('/api/v1/collection/payments');
  return (
    <ListPage
      list={list}
      testId="payments-table"
      size="small"
      filters={[
        { type: 'month', name: 'month', testId: 'payments-month-filter', label: t('runs.month') },
        { type: 'select', name: 'status', testId: 'payments-status-filter', label: t('runs.status'), options: PAYMENT_STATUSES.map((s) => ({ value: s, label: tx(`collection.status.${s}`, s) })) },
      ]}
      columns={[
        { ...nowrap, key: 'paidDate', title: t('payments.paidDate'), dataIndex: 'paidDate' },
        { ...nowrap, key: 'source', title: t('payments.source'), dataIndex: 'source', render: (v: string) => tx(`collection.source.${v}`, v) },
        { ...nowrap, key: 'reference', title: t('payments.reference'), dataIndex: 'reference' },
        { ...nowrap, key: 'poolingRegion', title: t('payments.poolingRegion'), dataIndex: 'poolingRegion', render: (v: string) => <RegionName code={v} /> },
        { ...nowrap, key: 'payerKey', title: t('runs.payerKey'), dataIndex: 'payerKey' },
        { ...nowrap, key: 'month', title: t('runs.month'), dataIndex: 'month' },
        { ...nowrap, key: 'insuranceType', title: t('application.insuranceType'), dataIndex: 'insuranceType', render: (v: string) => types.label(v) },
        { ...nowrap, key: 'amountFen', title: t('runs.amount'), dataIndex: 'amountFen', align: 'right', render: (v: number) => yuan(v) },
        { ...nowrap, key: 'status', title: t('runs.status'), dataIndex: 'status', render: (v: string) => <CollectionTag status={v} /> },
        { ...nowrap, key: 'createdAt', title: t('runs.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, lang) },
      ]}
    />
  );
}
