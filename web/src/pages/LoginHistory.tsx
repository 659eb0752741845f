import { Card, Tag } from 'antd';
import { ListPage } from '../components/ListPage';
import { usePagedList } from '../components/queries';
import { formatTime } from '../components/Tags';
import { useI18n } from '../i18n';

export default function LoginHistoryPage() {
  const { t, tx, lang } = useI18n();
  const list = usePagedList('/api/v1/auth/history');

  return (
    <Card title={<span data-testid="page-title">{t('history.title')}</span>}>
      <ListPage
        list={list}
        testId="history-table"
        rowKey={(r) => `${r.at}-${r.method}-${r.ip ?? ''}`}
        columns={[
          { key: 'at', title: t('history.at'), dataIndex: 'at', render: (v: string) => formatTime(v, lang), width: 190 },
          { key: 'method', title: t('history.method'), dataIndex: 'method', render: (v: string) => tx(`method.${v}`, v) },
          { key: 'channel', title: t('history.channel'), dataIndex: 'channel', render: (v: string) => v || '—' },
          {
            key: 'result',
            title: t('history.result'),
            dataIndex: 'result',
            render: (v: string) => <Tag color={v === 'success' ? 'green' : v === 'locked' ? 'orange' : 'red'}>{tx(`result.${v}`, v)}</Tag>,
          },
          { key: 'ip', title: t('history.ip'), dataIndex: 'ip', render: (v: string | null) => v || '—' },
          { key: 'reason', title: t('history.reason'), dataIndex: 'reason', render: (v: string | null) => v || '' },
        ]}
      />
    </Card>
  );
}
