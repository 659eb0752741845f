import { Alert, App, Button, Card, Descriptions, Flex, Input, Result, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, ApiError, errorMessage, type Page } from '../../api';
import { usePagedQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { useI18n } from '../../i18n';
import { nowrap } from '../../components/table';

interface AuditRecord {
  id: number;
  occurredAt: string;
  actorId: string | null;
  /** account kind, 'channel', 'system' or 'anonymous' */
  actorKind: string;
  /** "METHOD /route" */
  action: string;
  /** the route's parameters as JSON, when it has any */
  target: string | null;
  /** HTTP status of the answer */
  status: number;
  requestId: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** GET /audit/verify */
type Verdict = { ok: true; checked: number; lastId: number | null } | { ok: false; checked: number; firstBadId: number; reason: string };

const statusColor = (s: number) => (s >= 500 ? 'red' : s >= 400 ? 'orange' : 'green');

/** '{"provider":"wechat"}' -> 'provider: wechat' (the route's parameters); anything else as it is */
function targetText(target: string): string {
  try {
    const params: unknown = JSON.parse(target);
    if (params && typeof params === 'object' && !Array.isArray(params)) {
      return Object.entries(params as Record<string, unknown>)
        .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(', ');
    }
  } catch {
    // not JSON: show the raw text
  }
  return target;
}

export default function AuditPage() {
  const { t, tx, lang } = useI18n();
  const { message } = App.useApp();
  const [actorInput, setActorInput] = useState('');
  const [actorId, setActorId] = useState('');
  const { items, loading, error, cause, reload, setPage, pagination } = usePagedQuery(
    useCallback((page: number, pageSize: number) => api.get<Page<AuditRecord>>('/audit/records', { query: { page, pageSize, actorId: actorId.trim() } }), [actorId]),
  );
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [verifying, setVerifying] = useState(false);

  const filterActor = (value: string) => {
    setActorInput(value);
    setActorId(value);
    setPage(1);
  };

  const verify = async () => {
    setVerifying(true);
    setVerdict(null);
    try {
      setVerdict(await api.get<Verdict>('/audit/verify'));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setVerifying(false);
    }
  };

  const title = <span data-testid="page-title">{t('audit.title')}</span>;

  // Only accounts of the root organization read the log (it spans every region): say why, once.
  if (cause instanceof ApiError && cause.status === 403) {
    return (
      <Card title={title}>
        <Result status="403" title="403" subTitle={<span data-testid="audit-error">{cause.detail}</span>} />
      </Card>
    );
  }

  const actorLabel = (kind: string) => tx(`actorKind.${kind}`, tx(`kind.${kind}`, kind));

  return (
    <Card
      title={title}
      extra={
        <Space>
          <Button onClick={() => void reload()} data-testid="audit-refresh">
            {t('common.refresh')}
          </Button>
          <Button type="primary" onClick={verify} loading={verifying} data-testid="audit-verify">
            {t('audit.verify')}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('audit.hint')}</Typography.Text>
        {verdict && (
          <Alert
            data-testid="audit-verdict"
            data-ok={String(verdict.ok)}
            type={verdict.ok ? 'success' : 'error'}
            showIcon
            closable={{ onClose: () => setVerdict(null) }}
            title={
              verdict.ok
                ? t('audit.intact', { checked: verdict.checked })
                : t('audit.broken', { id: verdict.firstBadId, checked: verdict.checked, reason: tx(`audit.reason.${verdict.reason}`, verdict.reason) })
            }
          />
        )}
        <Input.Search
          data-testid="audit-actor-filter"
          aria-label={t('audit.filterActor')}
          placeholder={t('audit.filterActor')}
          allowClear
          enterButton={t('common.search')}
          style={{ width: 360 }}
          value={actorInput}
          onChange={(e) => setActorInput(e.target.value)}
          onSearch={filterActor}
        />
        {error !== null && <Alert type="error" showIcon title={error} data-testid="audit-error" />}
        <Table<AuditRecord>
          data-testid="audit-table"
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={items}
          scroll={{ x: 'max-content' }}
          expandable={{ expandedRowRender: (r) => <RecordDetail record={r} /> }}
          pagination={pagination}
          columns={[
            { ...nowrap, key: 'id', title: t('audit.id'), dataIndex: 'id', render: (v: number) => `#${v}` },
            { ...nowrap, key: 'occurredAt', title: t('audit.occurredAt'), dataIndex: 'occurredAt', render: (v: string) => formatTime(v, lang) },
            {
              ...nowrap,
              key: 'actor',
              title: t('audit.actor'),
              render: (_: unknown, r: AuditRecord) => (
                <Flex vertical>
                  <span>{actorLabel(r.actorKind)}</span>
                  {r.actorId && (
                    <Typography.Link
                      type="secondary"
                      ellipsis
                      title={`${t('audit.onlyActor')}: ${r.actorId}`}
                      onClick={() => filterActor(r.actorId ?? '')}
                      style={{ fontSize: 12, maxWidth: 140 }}
                      data-testid={`audit-actor-${r.id}`}
                    >
                      {r.actorId}
                    </Typography.Link>
                  )}
                </Flex>
              ),
            },
            { ...nowrap, key: 'action', title: t('audit.action'), dataIndex: 'action', render: (v: string) => <Typography.Text code style={{ fontSize: 12 }}>{v}</Typography.Text> },
            {
              key: 'target',
              title: t('audit.target'),
              dataIndex: 'target',
              render: (v: string | null) => (v ? <Typography.Text style={{ fontSize: 12, wordBreak: 'break-all', display: 'inline-block', maxWidth: 180 }} title={v}>{targetText(v)}</Typography.Text> : '—'),
            },
            { ...nowrap, key: 'status', title: t('audit.status'), dataIndex: 'status', render: (v: number) => <Tag color={statusColor(v)}>{v}</Tag> },
            { ...nowrap, key: 'ip', title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => v || '—' },
          ]}
        />
      </Flex>
    </Card>
  );
}

/** The expanded row: request id, the (redacted) request body and the chain hashes. */
function RecordDetail({ record }: { record: AuditRecord }) {
  const { t } = useI18n();
  const mono = { fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' as const };
  const body = record.detail && Object.keys(record.detail).length ? JSON.stringify(record.detail, null, 2) : null;
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      data-testid={`audit-detail-${record.id}`}
      items={[
        { key: 'requestId', label: t('audit.requestId'), children: <span style={mono}>{record.requestId || '—'}</span> },
        { key: 'detail', label: t('audit.detail'), children: body ? <pre style={{ ...mono, margin: 0, whiteSpace: 'pre-wrap' }}>{body}</pre> : '—' },
        { key: 'prevHash', label: t('audit.prevHash'), children: <span style={mono}>{record.prevHash}</span> },
        { key: 'hash', label: t('audit.hash'), children: <span style={mono}>{record.hash}</span> },
      ]}
    />
  );
}
