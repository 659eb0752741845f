/** The collection center's shapes (src/centers/collection) and how the clerk's and the unit's pages show them. */
import { Alert, App, Button, Descriptions, Drawer, Flex, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, errorMessage, saveBlob, type ResponseOf } from '../../api';
import { useQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { yuan } from '../../components/format';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import type { Me } from '../../session';
import { ResponsiveTable } from '../../components/ResponsiveTable';

export type Run = ResponseOf<'/api/v1/collection/runs/{id}'>;

export const RUN_UNDER_WAY: ReadonlySet<string> = new Set<Run['status']>(['queued', 'running']);

/** A unit's bill as the clerk (GET /collection/bills/{id}) and the unit (GET /unit/bills/{id}) read it; only the clerk's names the unit. */
export type Bill = Omit<ResponseOf<'/api/v1/collection/bills/{id}'>, 'unitName'> & { unitName?: string | null };

/** Where a bill and its files are: the clerk's and the unit's paths. */
const BILL_PATHS = {
  collection: { bill: '/api/v1/collection/bills/{id}', pdf: '/api/v1/collection/bills/{id}/pdf', xlsx: '/api/v1/collection/bills/{id}/xlsx' },
  unit: { bill: '/api/v1/unit/bills/{id}', pdf: '/api/v1/unit/bills/{id}/pdf', xlsx: '/api/v1/unit/bills/{id}/xlsx' },
} as const;
export type BillOwner = keyof typeof BILL_PATHS;

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

/** Saves a file the API sends (a bill's PDF, an export) under `fileName`; failures as a message. `busy` names the download under way. */
export function useDownload() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const download = async (key: string, fileName: string, get: () => Promise<Blob>) => {
    setBusy(key);
    try {
      saveBlob(await get(), fileName);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return { download, busy };
}

/** PDF and Excel of a bill, from the clerk's or the unit's paths. */
export function BillDownloads({ bill, owner, size = 'small' }: { bill: Pick<Bill, 'id' | 'number'>; owner: BillOwner; size?: 'small' | 'middle' }) {
  const { download, busy } = useDownload();
  const files = BILL_PATHS[owner];
  const path = { path: { id: bill.id } };
  return (
    <Space size={4}>
      <Button size={size} loading={busy === 'pdf'} onClick={() => void download('pdf', `${bill.number}.pdf`, () => api.download(files.pdf, path))} data-testid={`bill-pdf-${bill.id}`}>
        PDF
      </Button>
      <Button size={size} loading={busy === 'xlsx'} onClick={() => void download('xlsx', `${bill.number}.xlsx`, () => api.download(files.xlsx, path))} data-testid={`bill-xlsx-${bill.id}`}>
        Excel
      </Button>
    </Space>
  );
}

/** A bill: its figures and its breakdown by insurance type. */
export function BillDetail({ bill, owner }: { bill: Bill; owner: BillOwner }) {
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
      <ResponsiveTable
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
      <BillDownloads bill={bill} owner={owner} size="middle" />
    </Flex>
  );
}

/** A bill read from the clerk's or the unit's path, in the detail drawer. */
function BillPanel({ id, owner }: { id: string; owner: BillOwner }) {
  const { t } = useI18n();
  const { data, error } = useQuery(
    useCallback(() => api.get(BILL_PATHS[owner].bill, { path: { id } }), [id, owner]),
    null,
  );
  if (error !== null) return <Alert type="error" showIcon title={error} />;
  if (!data) return <Typography.Text type="secondary">{t('app.loading')}</Typography.Text>;
  return <BillDetail bill={data} owner={owner} />;
}

/** A bills table's last column (the detail, PDF and Excel) and the drawer the detail opens in. */
export function useBillActions(owner: BillOwner) {
  const { t } = useI18n();
  const [detailId, setDetailId] = useState<string | null>(null);
  const column = {
    ...nowrap,
    key: 'actions',
    title: t('common.actions'),
    render: (_: unknown, b: Bill) => (
      <Space>
        <Typography.Link onClick={() => setDetailId(b.id)} data-testid={`bill-open-${b.id}`}>
          {t('review.detail')}
        </Typography.Link>
        <BillDownloads bill={b} owner={owner} />
      </Space>
    ),
  };
  const drawer = (
    <Drawer open={detailId !== null} onClose={() => setDetailId(null)} size={720} title={t('bills.detail')} destroyOnHidden>
      {detailId && <BillPanel id={detailId} owner={owner} />}
    </Drawer>
  );
  return { column, drawer };
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
