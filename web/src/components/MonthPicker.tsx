/**
 * 所属期 a month picked, not typed: antd's month picker whose value is the API's `YYYY-MM` text
 * (a form field or a filter keeps the text; the picker works with a dayjs date inside).
 */
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties } from 'react';
import { useI18n } from '../i18n';
import { MONTH_PATTERN } from './format';

export function MonthPicker({
  value,
  onChange,
  testId,
  label,
  placeholder,
  allowClear = false,
  style,
}: {
  value?: string | null;
  onChange?: (month: string | undefined) => void;
  testId: string;
  label: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
}) {
  const { t } = useI18n();
  return (
    <DatePicker
      picker="month"
      format="YYYY-MM"
      data-testid={testId}
      aria-label={label}
      placeholder={placeholder ?? t('month.placeholder')}
      allowClear={allowClear}
      inputReadOnly={false}
      style={{ width: 160, maxWidth: '100%', ...style }}
      value={value && MONTH_PATTERN.test(value) ? dayjs(`${value}-01`) : null}
      onChange={(date) => onChange?.(date ? date.format('YYYY-MM') : undefined)}
    />
  );
}
