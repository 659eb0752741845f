/**
 * 消息日志 the messages of the clerk's regions, newest first: when, over which channel, from which
 * template (and version), to whom (the address masked as the server gives it, the account's name
 * masked), the delivery status, attempts and the failure; filtered by channel, status, template and
 * days, and exported as the filters leave it. The message's text is not in the log.
 */
import { Card, DatePicker, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ItemOf } from '../../api';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import { CHANNELS, channelKey, MessageStatusTag, STATUSES, statusKey } from './common';

type Entry = ItemOf<'/api/v1/message/log'>;

export default function MessageLogPage() {
  const { t, lang } = useI18n();
  const list = usePagedList('/api/v1/message/log');
  const { from, to } = list.filters;
  return (
    <Card title={<span data-testid="page-title">{t('msg.log.title')}</span>}>
      <ListPage
        list={list}
        testId="message-log"
        errorTestId="message-log-error"
        size="small"
        header={<Typography.Text type="secondary">{t('msg.log.hint')}</Typography.Text>}
        refreshTestId="message-log-refresh"
        exportName={`message-log-${from ?? ''}${to ? `-${to}` : ''}`.replace(/-$/, '')}
        filters={[
          { type: 'select', name: 'channel', testId: 'message-log-channel', label: t('msg.channel'), options: CHANNELS.map((c) => ({ value: c, label: t(channelKey(c)) })) },
          { type: 'select', name: 'status', testId: 'message-log-status', label: t('msg.status'), width: 160, options: STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) })) },
          { type: 'search', name: 'templateCode', testId: 'message-log-template', label: t('msg.templateCode'), maxLength: 64, accept: /^[a-z][a-z0-9_.-]*$/ },
        ]}
        tools={
          <DatePicker.RangePicker
            data-testid="message-log-dates"
            aria-label={t('msg.log.dates')}
            placeholder={[t('msg.from'), t('msg.to')]}
            allowEmpty={[true, true]}
            style={{ maxWidth: '100%' }}
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            onChange={(range) => list.filter({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          />
        }
        empty={t('msg.log.none')}
        columns={[
          { ...nowrap, key: 'createdAt', title: t('msg.log.at'), render: (_: unknown, e: Entry) => formatTime(e.createdAt, lang), exportAs: (e) => e.createdAt },
          { ...nowrap, key: 'channel', title: t('msg.channel'), render: (_: unknown, e: Entry) => t(channelKey(e.channel)), exportAs: (e) => t(channelKey(e.channel)) },
          {
            ...nowrap,
            key: 'template',
            title: t('msg.log.template'),
            render: (_: unknown, e: Entry) => (
              <Typography.Text code data-testid={`message-log-template-${e.id}`}>
                {e.templateCode} v{e.templateVersion}
              </Typography.Text>
            ),
            exportAs: (e) => `${e.templateCode} v${e.templateVersion}`,
          },
          {
            ...nowrap,
            key: 'recipient',
            title: t('msg.log.recipient'),
            render: (_: unknown, e: Entry) => <span data-testid={`message-log-recipient-${e.id}`}>{e.recipient ?? '—'}</span>,
            exportAs: (e) => e.recipient,
          },
          { ...nowrap, key: 'account', title: t('msg.log.account'), render: (_: unknown, e: Entry) => e.accountName ?? '—', exportAs: (e) => e.accountName },
          {
            ...nowrap,
            key: 'status',
            title: t('msg.status'),
            render: (_: unknown, e: Entry) => <MessageStatusTag status={e.status} testId={`message-log-status-${e.id}`} />,
            exportAs: (e) => t(statusKey(e.status)),
          },
          { ...nowrap, key: 'attempts', title: t('msg.log.attempts'), dataIndex: 'attempts', align: 'right' },
          {
            key: 'failure',
            title: t('msg.log.failure'),
            render: (_: unknown, e: Entry) => (e.failure ? <Typography.Text type="danger" style={{ wordBreak: 'break-word' }}>{e.failure}</Typography.Text> : '—'),
            exportAs: (e) => e.failure,
          },
        ]}
      />
    </Card>
  );
}
