import { Alert, App, Button, Card, Descriptions, Flex, Result, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, ApiError, errorMessage, type ItemOf, type ResponseOf } from '../../api';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { useI18n } from '../../i18n';
import { nowrap } from '../../components/table';
import { auditActionName } from './auditActions';

/** A record of the tamper-evident log: actorKind is an account kind, 'channel', 'system' or 'anonymous'; action "METHOD /route"; target the route's parameters as JSON; status the answer's HTTP status. */
type AuditRecord = ItemOf<'/api/v1/audit/records'>;
type Verdict = ResponseOf<'/api/v1/audit/verify'>;

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
  const list = usePagedList('/api/v1/audit/records');
  const { cause } = list;
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [verifying, setVerifying] = useState(false);

  const verify = async () => {
    setVerifying(true);
    setVerdict(null);
    try {
      setVerdict(await api.get('/api/v1/audit/verify'));
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
          <Button onClick={() => void list.reload()} data-testid="audit-refresh">
            {t('common.refresh')}
          </Button>
          <Button type="primary" onClick={verify} loading={verifying} data-testid="audit-verify">
            {t('audit.verify')}
          </Button>
        </Space>
      }
    >
      <ListPage
        list={list}
        testId="audit-table"
        size="small"
        header={
          <>
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
          </>
        }
        filters={[{ type: 'search', name: 'actorId', testId: 'audit-actor-filter', label: t('audit.filterActor'), width: 360, enterButton: t('common.search') }]}
        errorTestId="audit-error"
        expandable={{ expandedRowRender: (r) => <RecordDetail record={r} /> }}
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
                    title={`${t('audit.onlyActor')}: ${r.actorName ?? r.actorId} (${r.actorId})`}
                    onClick={() => list.filter({ actorId: r.actorId ?? undefined })}
                    style={{ fontSize: 12, maxWidth: 180 }}
                    data-testid={`audit-actor-${r.id}`}
                    data-actor-id={r.actorId}
                  >
                    {/* the account's name (masked) and login name; a channel's or system's id as it is */}
                    {r.actorName ?? r.actorId}
                  </Typography.Link>
                )}
              </Flex>
            ),
          },
          {
            ...nowrap,
            key: 'action',
            title: t('audit.action'),
            dataIndex: 'action',
            // by name, the request or domain action in the tooltip; one the dictionary lacks as it is
            render: (v: string, r: AuditRecord) => {
              const name = auditActionName(v, lang);
              return name ? (
                <Typography.Text title={v} data-testid={`audit-action-${r.id}`} data-action={v}>
                  {name}
                </Typography.Text>
              ) : (
                <Typography.Text code style={{ fontSize: 12 }} data-testid={`audit-action-${r.id}`} data-action={v}>
                  {v}
                </Typography.Text>
              );
            },
          },
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
