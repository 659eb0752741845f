/**
 * Small SVG charts for the home pages, drawn without a chart library: a month's figures by day as
 * bars, and amounts side by side (due against received). Each is a figure with a caption that says
 * the total, and the numbers stay readable to a screen reader as a list, not only as shapes.
 */
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

const HEIGHT = 120;
const BAR_COLOR = '#1560bd';

/** one bar per day of the month; the total in the caption */
export function DailyBars({ title, days, values, format = String, testId }: { title: string; days: string[]; values: number[]; format?: (n: number) => string; testId: string }) {
  const max = Math.max(1, ...values);
  const total = values.reduce((a, b) => a + b, 0);
  const width = 100 / Math.max(1, values.length);
  return (
    <figure style={{ margin: 0 }} data-testid={testId} data-total={total}>
      <figcaption>
        <Flex justify="space-between" align="baseline" wrap>
          <Typography.Text strong>{title}</Typography.Text>
          <Typography.Text data-testid={`${testId}-total`}>{format(total)}</Typography.Text>
        </Flex>
      </figcaption>
      <svg viewBox={`0 0 100 ${HEIGHT}`} preserveAspectRatio="none" width="100%" height={HEIGHT} aria-hidden focusable="false" style={{ display: 'block', marginTop: 8 }}>
        <line x1={0} x2={100} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} stroke="rgba(0,0,0,0.25)" strokeWidth={1} vectorEffect="non-scaling-stroke" />
        {values.map((v, i) =>
          v > 0 ? <rect key={days[i]} x={i * width + width * 0.15} width={width * 0.7} y={HEIGHT - (v / max) * (HEIGHT - 4)} height={(v / max) * (HEIGHT - 4)} fill={BAR_COLOR} /> : null,
        )}
      </svg>
      <Flex justify="space-between">
        <Typography.Text type="secondary">{days[0]?.slice(5)}</Typography.Text>
        <Typography.Text type="secondary">{days[days.length - 1]?.slice(5)}</Typography.Text>
      </Flex>
      <ul className="sr-only">
        {values.map((v, i) => (v > 0 ? <li key={days[i]}>{`${days[i]}: ${format(v)}`}</li> : null))}
      </ul>
    </figure>
  );
}

/** pairs of amounts (due, received) per row, as bars on one scale */
export function PairedBars({
  title,
  rows,
  legend,
  format,
  testId,
  empty,
}: {
  title: string;
  rows: Array<{ key: string; label: ReactNode; a: number; b: number }>;
  legend: [string, string];
  format: (n: number) => string;
  testId: string;
  empty: ReactNode;
}) {
  const max = Math.max(1, ...rows.flatMap((r) => [r.a, r.b]));
  const bar = (value: number, color: string) => (
    <div style={{ height: 12, background: '#f0f0f0', borderRadius: 2 }}>
      <div style={{ width: `${(value / max) * 100}%`, height: '100%', background: color, borderRadius: 2 }} />
    </div>
  );
  return (
    <figure style={{ margin: 0 }} data-testid={testId}>
      <figcaption>
        <Flex justify="space-between" align="baseline" wrap gap={8}>
          <Typography.Text strong>{title}</Typography.Text>
          <Flex gap={12}>
            <Legend color={BAR_COLOR} text={legend[0]} />
            <Legend color="#389e0d" text={legend[1]} />
          </Flex>
        </Flex>
      </figcaption>
      {rows.length === 0 && <Typography.Paragraph type="secondary">{empty}</Typography.Paragraph>}
      {rows.map((r) => (
        <div key={r.key} style={{ marginTop: 12 }} data-testid={`${testId}-${r.key}`}>
          <Typography.Text>{r.label}</Typography.Text>
          <Flex vertical gap={4} style={{ marginTop: 4 }}>
            {bar(r.a, BAR_COLOR)}
            {bar(r.b, '#389e0d')}
          </Flex>
          <Typography.Text type="secondary">
            {legend[0]} {format(r.a)} · {legend[1]} <span data-testid={`${testId}-${r.key}-b`}>{format(r.b)}</span>
          </Typography.Text>
        </div>
      ))}
    </figure>
  );
}

function Legend({ color, text }: { color: string; text: string }) {
  return (
    <Flex align="center" gap={4}>
      <span aria-hidden style={{ width: 10, height: 10, background: color, display: 'inline-block', borderRadius: 2 }} />
      <Typography.Text type="secondary">{text}</Typography.Text>
    </Flex>
  );
}
