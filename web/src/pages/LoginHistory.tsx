import { Alert, Card, Table, Tag } from 'antd';
import { api, type Page } from '../api';
import { usePagedQuery } from '../components/queries';
import { formatTime } from '../components/Tags';
import { useI18n } from '../i18n';

interface HistoryItem {
  id?: string;
  at: string;
  method: string;
  channel?: string | null;
  result: string;
  ip?: string | null;
  reason?: string | null;
}

const loadHistory = (page: number, pageSize: number) => api.get<Page<HistoryItem>>('/auth/history', { query: { page, pageSize } });

export default function LoginHistoryPage() {
  const { t, tx, lang } = useI18n();
  const { items, loading, error, pagination } = usePagedQuery(loadHistory);

  return (
    <Card title={<span data-testid="page-title">{t('history.title')}</span>}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Table<HistoryItem>
        data-testid="history-table"
        size="middle"
        loading={loading}
        rowKey={(r) => r.id ?? `${r.at}-${r.method}-${r.ip ?? ''}`}
        dataSource={items}
        scroll={{ x: 720 }}
        pagination={pagination}
        columns={[
          { key: 'at', title: t('history.at'), dataIndex: 'at', render: (v: string) => formatTime(v, lang), width: 190 },
          { key: 'method', title: t('history.method'), dataIndex: 'method', render: (v: string) => tx(`method.${v}`, v) },
          { key: 'channel', title: t('history.channel'), dataIndex: 'channel', render: (v?: string | null) => v || '—' },
          {
            key: 'result',
            title: t('history.result'),
            dataIndex: 'result',
            render: (v: string) => <Tag color={v === 'success' ? 'green' : v === 'locked' ? 'orange' : 'red'}>{tx(`result.${v}`, v)}</Tag>,
          },
          { key: 'ip', title: t('history.ip'), dataIndex: 'ip', render: (v?: string | null) => v || '—' },
          { key: 'reason', title: t('history.reason'), dataIndex: 'reason', render: (v?: string | null) => v || '' },
        ]}
      />
    </Card>
  );
}
