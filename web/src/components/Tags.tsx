import { Tag } from 'antd';
import { useI18n } from '../i18n';

/** Status tag for account / agent / grant states. */
export function StatusTag({ status }: { status?: string | null }) {
  const { tx } = useI18n();
  if (!status) return null;
  const color = status === 'active' ? 'green' : status === 'locked' ? 'orange' : status === 'deactivated' || status === 'revoked' ? 'default' : 'blue';
  return <Tag color={color}>{tx(`status.${status}`, status)}</Tag>;
}

export function LevelTag({ level }: { level: number }) {
  const { tx } = useI18n();
  const color = level >= 3 ? 'green' : level === 2 ? 'blue' : 'default';
  return (
    <Tag color={color} data-testid="auth-level">
      {tx(`authLevel.${level}`, `L${level}`)}
    </Tag>
  );
}

export function formatTime(value: string | number | null | undefined, lang: string): string {
  if (value === null || value === undefined || value === '') return '';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}
