/**
 * 消息中心 what the message pages share: the channels, statuses and categories by name (zh / en),
 * the status as a coloured tag, and the days of a date range as the API takes them (YYYY-MM-DD,
 * Beijing time).
 */
import { Tag } from 'antd';
import type { ItemOf } from '../../api';
import { useI18n, type MessageKey } from '../../i18n';

type LogEntry = ItemOf<'/api/v1/message/log'>;
export type Channel = LogEntry['channel'];
export type MessageStatus = LogEntry['status'];
export type Category = LogEntry['category'];

/** 渠道 in the order the console lists them */
export const CHANNELS: Channel[] = ['inbox', 'sms', 'email', 'wechat', 'push'];
export const STATUSES: MessageStatus[] = ['created', 'sending', 'delivered', 'temporary-failure', 'permanent-failure', 'technical-failure', 'cancelled'];
export const CATEGORIES: Category[] = ['security', 'payment', 'bill', 'application', 'collection', 'service', 'notice'];

export const channelKey = (c: Channel) => `msg.channel.${c}` as MessageKey;
export const statusKey = (s: MessageStatus) => `msg.status.${s}` as MessageKey;
export const categoryKey = (c: Category) => `msg.category.${c}` as MessageKey;

/** GOV.UK Notify's colours: pending blue, delivered green, a failure red (a temporary one orange), cancelled grey */
const STATUS_COLOR: Record<MessageStatus, string> = {
  created: 'blue',
  sending: 'processing',
  delivered: 'green',
  'temporary-failure': 'orange',
  'permanent-failure': 'red',
  'technical-failure': 'magenta',
  cancelled: 'default',
};

export function MessageStatusTag({ status, testId }: { status: MessageStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid={testId} data-status={status}>
      {t(statusKey(status))}
    </Tag>
  );
}

/** The calendar day in Beijing time, `days` days before now (0: today). */
export const beijingDay = (daysAgo = 0, now = Date.now()) => new Date(now + 8 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);
