/** The collection center's shapes (src/centers/collection) and how the clerk's and the unit's pages show them. */
import { App, Button, Descriptions, Flex, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { api, errorMessage, saveBlob } from '../../api';
import { formatTime } from '../../components/Tags';
import { yuan } from '../../components/format';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import type { Me } from '../../session';

/** GET /collection/runs/:id */
export interface Run {
  id: string;
  month: string;
  regionCode: string | null;
  insuranceType: string | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  /** active enrollments found so far (final when done) */
  total: number;
  processed: number;
  problems: number;
  linesWritten: number;
  linesCancelled: number;
  totals: { unitFen: number; personFen: number; fiscalFen: number };
  error: { code: string; message: string } | null;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export const RUN_UNDER_WAY = new Set(['queued', 'running']);

/** GET /collection/bills/:id, GET /unit/bills/:id */
export interface Bill {
  id: string;
  number: string;
  entityId: string;
  /** the unit's name, when the answer carries it */
  unitName?: string | null;
  month: string;
  regionCode: string;
  status: string;
  byPayer: { unitFen: number; personFen: number };
  totalFen: number;
  receivedFen: number;
  outstandingFen: number;
  byType: { insuranceType: string; unitFen: number; personFen: number; totalFen: number; receivedFen: number }[];
  persons: number;
  lines: number;
  createdAt: string;
  updatedAt: string;
}

/** A receivable line (GET /collection/receivables, GET /personal/contributions). */
export interface ReceivableLine {
  id: number;
  month: string;
  employmentId: string;
  personId: string;
  entityId: string | null;
  enrollmentKind: string;
  insuranceType: string;
  regionCode: string;
  poolingRegion: string;
  ruleCode: string;
  payer: string;
  payerKey: string;
  fund: string;
  flow: string;
  periodicity: string;
  baseKind: string;
  baseFen: number;
  baseApplied: string;
  baseRuleCode: string | null;
  ratePpm: number;
  amountFen: number;
  ruleVersionId: string;
  status: string;
  receivedAt: string | null;
  explanation?: { zh: string; en: string };
}

const COLORS: Record<string, string> = {
  queued: 'default',
  running: 'processing',
  done: 'green',
  failed: 'red',
  due: 'orange',
  partly_paid: 'gold',
  partly_received: 'gold',
  paid: 'green',
  received: 'green',
  cancelled: 'default',
  none: 'default',
  arrived: 'blue',
  matched: 'green',
  short: 'orange',
  over: 'purple',
  unmatched: 'red',
  processing: 'processing',
  created: 'green',
  replayed: 'default',
  duplicate: 'orange',
  error: 'red',
  open: 'orange',
  resolved: 'green',
};

/** A status of the collection center (run, bill, line, payment, file row, reconciliation item) as a coloured tag. */
export function CollectionTag({ status, testId }: { status: string; testId?: string }) {
  const { tx } = useI18n();
  return (
    <Tag color={COLORS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {tx(`collection.status.${status}`, status)}
    </Tag>
  );
}

/** The pooling region a clerk's organization works in, as a form's first guess: 411302 → 411300, 410000 stays. */
export function defaultPoolingRegion(me: Me | null): string | undefined {
  const code = me?.org?.regionCode;
  if (!code || !/^\d{6}$/.test(code) || code === '000000') return undefined;
  return code.endsWith('0000') ? code : `${code.slice(0, 4)}00`;
}

/** Saves a file the API sends (a bill's PDF, an export) under `fileName`; failures as a message. */
export function useDownload() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const download = async (path: string, fileName: string, query?: Record<string, string | number | undefined>) => {
    setBusy(path);
    try {
      saveBlob(await api.download(path, { query }), fileName);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return { download, busy };
}

/** PDF and Excel of a bill; `base` is the bill's API path (/collection/bills/:id or /unit/bills/:id). */
export function BillDownloads({ bill, base, size = 'small' }: { bill: Pick<Bill, 'id' | 'number'>; base: string; size?: 'small' | 'middle' }) {
  const { download, busy } = useDownload();
  return (
    <Space size={4}>
      <Button size={size} loading={busy === `${base}/pdf`} onClick={() => void download(`${base}/pdf`, `${bill.number}.pdf`)} data-testid={`bill-pdf-${bill.id}`}>
        PDF
      </Button>
      <Button size={size} loading={busy === `${base}/xlsx`} onClick={() => void download(`${base}/xlsx`, `${bill.number}.xlsx`)} data-testid={`bill-xlsx-${bill.id}`}>
        Excel
      </Button>
    </Space>
  );
}

/** A bill: its figures and its breakdown by insurance type. */
export function BillDetail({ bill, base }: { bill: Bill; base: string }) {
  const { t, lang } = useI18n();
  const types = useInsuranceTypeLabels();
  return (
    <Flex vertical gap={16} data-testid="bill-detail">
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'number', label: t('bill.number'), children: <span data-testid="bill-detail-number">{bill.number}</span> },
          { key: 'month', label: t('bill.month'), children: bill.month },
          ...(bill.unitName ? [{ key: 'unit', label: t('bill.unit'), children: bill.unitName }] : []),
          { key: 'status', label: t('bill.status'), children: <CollectionTag status={bill.status} testId="bill-detail-status" /> },
          { key: 'persons', label: t('bill.persons'), children: bill.persons },
          { key: 'unitFen', label: t('bill.unitShare'), children: yuan(bill.byPayer.unitFen) },
          { key: 'personFen', label: t('bill.personShare'), children: yuan(bill.byPayer.personFen) },
          { key: 'totalFen', label: t('bill.total'), children: <span data-testid="bill-detail-total">{yuan(bill.totalFen)}</span> },
          { key: 'receivedFen', label: t('bill.received'), children: yuan(bill.receivedFen) },
          { key: 'outstandingFen', label: t('bill.outstanding'), children: yuan(bill.outstandingFen) },
          { key: 'updatedAt', label: t('bill.updatedAt'), children: formatTime(bill.updatedAt, lang) },
        ]}
      />
      <Table
        data-testid="bill-types-table"
        size="small"
        rowKey="insuranceType"
        pagination={false}
        dataSource={bill.byType}
        columns={[
          { ...nowrap, key: 'insuranceType', title: t('application.insuranceType'), dataIndex: 'insuranceType', render: (v: string) => types.label(v) },
          { ...nowrap, key: 'unitFen', title: t('bill.unitShare'), dataIndex: 'unitFen', align: 'right', render: (v: number) => yuan(v) },
          { ...nowrap, key: 'personFen', title: t('bill.personShare'), dataIndex: 'personFen', align: 'right', render: (v: number) => yuan(v) },
          { ...nowrap, key: 'totalFen', title: t('bill.total'), dataIndex: 'totalFen', align: 'right', render: (v: number) => yuan(v) },
          { ...nowrap, key: 'receivedFen', title: t('bill.received'), dataIndex: 'receivedFen', align: 'right', render: (v: number) => yuan(v) },
        ]}
      />
      <BillDownloads bill={bill} base={base} size="middle" />
    </Flex>
  );
}

/** Money columns for a bills table (amounts in yuan, right-aligned). */
export function useBillColumns() {
  const { t } = useI18n();
  return [
    { ...nowrap, key: 'number', title: t('bill.number'), dataIndex: 'number' },
    { ...nowrap, key: 'month', title: t('bill.month'), dataIndex: 'month' },
    { ...nowrap, key: 'persons', title: t('bill.persons'), dataIndex: 'persons', align: 'right' as const },
    { ...nowrap, key: 'unitFen', title: t('bill.unitShare'), render: (_: unknown, b: Bill) => yuan(b.byPayer.unitFen), align: 'right' as const },
    { ...nowrap, key: 'personFen', title: t('bill.personShare'), render: (_: unknown, b: Bill) => yuan(b.byPayer.personFen), align: 'right' as const },
    { ...nowrap, key: 'totalFen', title: t('bill.total'), dataIndex: 'totalFen', render: (v: number) => yuan(v), align: 'right' as const },
    { ...nowrap, key: 'outstandingFen', title: t('bill.outstanding'), dataIndex: 'outstandingFen', render: (v: number) => yuan(v), align: 'right' as const },
    { ...nowrap, key: 'status', title: t('bill.status'), dataIndex: 'status', render: (v: string, b: Bill) => <CollectionTag status={v} testId={`bill-status-${b.id}`} /> },
  ];
}
