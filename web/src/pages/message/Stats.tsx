/**
 * 发送统计 per day and channel: messages handed to the channel (sent), delivered and failed, in the
 * clerk's regions, over a range of days (the last 14 to start with). A bar chart per channel that
 * carried anything (ECharts, loaded with this page only), and the same figures as a plain table for
 * a screen reader and for whoever wants the numbers.
 */
import { Alert, Card, DatePicker, Empty, Flex, Spin, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState, type HTMLAttributes } from 'react';
import { api, type ResponseOf } from '../../api';
import { useQuery } from '../../components/queries';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import { beijingDay, channelKey, type Channel } from './common';

type Stats = ResponseOf<'/api/v1/message/stats'>;
type Figures = Stats['channels'][number];

const DEFAULT_DAYS = 14;
/** sent, delivered, failed: blue, green, red (each 3:1 or more against white) */
const COLORS = ['#1560bd', '#389e0d', '#cf1322'];

export default function MessageStatsPage() {
  const { t } = useI18n();
  const [range, setRange] = useState<[string, string]>(() => [beijingDay(DEFAULT_DAYS - 1), beijingDay()]);
  const [from, to] = range;
  const stats = useQuery(
    useCallback(() => api.get('/api/v1/message/stats', { query: { from, to } }), [from, to]),
    null,
  );
  const carried = (stats.data?.channels ?? []).filter((c) => [...c.sent, ...c.delivered, ...c.failed].some((n) => n > 0));

  return (
    <Card title={<span data-testid="page-title">{t('msg.stats.title')}</span>}>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('msg.stats.hint')}</Typography.Text>
        <DatePicker.RangePicker
          data-testid="message-stats-dates"
          aria-label={t('msg.log.dates')}
          allowClear={false}
          style={{ maxWidth: '100%', width: 280 }}
          value={[dayjs(from), dayjs(to)]}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
        />
        {stats.error && <Alert type="error" showIcon title={stats.error} data-testid="message-stats-error" />}
        {!stats.data ? (
          <Spin />
        ) : carried.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('msg.stats.none')} data-testid="message-stats-empty" />
        ) : (
          <>
            <Flex wrap gap={16}>
              {carried.map((c) => (
                <ChannelChart key={c.channel} days={stats.data!.days} figures={c} />
              ))}
            </Flex>
            <FiguresTable days={stats.data.days} channels={carried} />
          </>
        )}
      </Flex>
    </Card>
  );
}

/** one channel's days as grouped bars: sent, delivered, failed */
function ChannelChart({ days, figures }: { days: string[]; figures: Figures }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const name = t(channelKey(figures.channel));
  const legend = [t('msg.stats.sent'), t('msg.stats.delivered'), t('msg.stats.failed')];
  const total = (values: number[]) => values.reduce((a, b) => a + b, 0);

  useEffect(() => {
    let disposed = false;
    let chart: { setOption(o: object): void; resize(): void; dispose(): void } | null = null;
    const resize = () => chart?.resize();
    void import('./echarts').then(({ init }) => {
      if (disposed || !box.current) return;
      chart = init(box.current, null, { renderer: 'svg' });
      chart.setOption({
        color: COLORS,
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
        dataset: { source: days.map((d, i) => [d.slice(5), figures.sent[i], figures.delivered[i], figures.failed[i]]) },
        xAxis: { type: 'category' },
        yAxis: { type: 'value', minInterval: 1 },
        series: legend.map((n) => ({ type: 'bar', name: n })),
      });
      window.addEventListener('resize', resize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', resize);
      chart?.dispose();
    };
    // the legend's words change with the language
  }, [days, figures, legend.join()]);

  return (
    <figure style={{ margin: 0, flex: '1 1 420px', minWidth: 0 }} data-testid={`message-stats-chart-${figures.channel}`}>
      <figcaption>
        <Typography.Text strong>{name}</Typography.Text>{' '}
        <Typography.Text type="secondary">{t('msg.stats.caption', { sent: total(figures.sent), delivered: total(figures.delivered), failed: total(figures.failed) })}</Typography.Text>
      </figcaption>
      {/* drawn only: the table below holds the same figures */}
      <div ref={box} aria-hidden style={{ width: '100%', height: 260 }} />
    </figure>
  );
}

interface Row {
  key: string;
  day: string;
  channel: Channel;
  sent: number;
  delivered: number;
  failed: number;
}

/** the figures as a table: a row per day and channel that carried anything, newest day first */
function FiguresTable({ days, channels }: { days: string[]; channels: Figures[] }) {
  const { t } = useI18n();
  const rows: Row[] = [];
  days.forEach((day, i) => {
    for (const c of channels) {
      const row = { key: `${day}-${c.channel}`, day, channel: c.channel, sent: c.sent[i], delivered: c.delivered[i], failed: c.failed[i] };
      if (row.sent || row.delivered || row.failed) rows.push(row);
    }
  });
  rows.reverse();
  const cell = (field: 'sent' | 'delivered' | 'failed') => (v: number, r: Row) => <span data-testid={`message-stats-${r.day}-${r.channel}-${field}`}>{v}</span>;
  return (
    <Table<Row>
      data-testid="message-stats-table"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      caption={<Typography.Text strong>{t('msg.stats.table')}</Typography.Text>}
      dataSource={rows}
      onRow={(r) => ({ 'data-testid': `message-stats-row-${r.day}-${r.channel}` }) as HTMLAttributes<HTMLElement>}
      columns={[
        { ...nowrap, key: 'day', title: t('msg.stats.day'), dataIndex: 'day' },
        { ...nowrap, key: 'channel', title: t('msg.channel'), render: (_: unknown, r: Row) => t(channelKey(r.channel)) },
        { ...nowrap, key: 'sent', title: t('msg.stats.sent'), dataIndex: 'sent', align: 'right', render: cell('sent') },
        { ...nowrap, key: 'delivered', title: t('msg.stats.delivered'), dataIndex: 'delivered', align: 'right', render: cell('delivered') },
        { ...nowrap, key: 'failed', title: t('msg.stats.failed'), dataIndex: 'failed', align: 'right', render: cell('failed') },
      ]}
    />
  );
}
