import { Select } from 'antd';
import { useI18n } from '../i18n';
import { yearOptions } from './format';

/** A year to look at: the last twelve, newest first; cleared means every year when `allowClear`. */
export function YearSelect({
  value,
  onChange,
  allowClear = false,
  testId,
  label,
  style,
}: {
  value?: number;
  onChange: (year?: number) => void;
  allowClear?: boolean;
  testId: string;
  label?: string;
  style?: { width: number; maxWidth?: string };
}) {
  const { t } = useI18n();
  return (
    <Select<number>
      data-testid={testId}
      aria-label={label ?? t('personal.year')}
      placeholder={allowClear ? t('personal.allYears') : t('personal.year')}
      allowClear={allowClear}
      style={style ?? { width: 140 }}
      value={value}
      onChange={(v?: number) => onChange(v ?? undefined)}
      options={yearOptions(12)}
    />
  );
}
