/**
 * 行政区划 chosen and shown by name: a cascader of province → city → county (any level may be
 * chosen; the value is the chosen region's 6-digit code), and the name of a code in tables and
 * descriptions ("宛城区 (411302)"). The names come from the web's region dictionary (../regions.ts).
 */
import { Cascader, Tooltip } from 'antd';
import { useMemo, type CSSProperties } from 'react';
import { useI18n, type Lang } from '../i18n';
import { REGIONS, regionFullName, regionName, regionPath, type Region } from '../regions';

interface Option {
  value: string;
  label: string;
  children?: Option[];
}

const options = (regions: Region[], lang: Lang): Option[] =>
  regions.map((r) => ({ value: r.code, label: lang === 'en' ? r.en : r.zh, ...(r.children ? { children: options(r.children, lang) } : {}) }));

/** Searching by name or by the beginning of a code ("卧龙", "4113"): the path's last region must match. */
const matches = (input: string, path: Option[]) => {
  const last = path[path.length - 1];
  const text = input.trim().toLowerCase();
  return Boolean(last) && (last.label.toLowerCase().includes(text) || last.value.startsWith(text));
};

export function RegionCascader({
  value,
  onChange,
  testId,
  label,
  placeholder,
  allowClear = true,
  style,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  testId: string;
  label: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
}) {
  const { t, lang } = useI18n();
  const tree = useMemo(() => options(REGIONS, lang), [lang]);
  const path = value ? regionPath(value) : [];
  return (
    <Cascader
      data-testid={testId}
      aria-label={label}
      placeholder={placeholder ?? t('region.placeholder')}
      options={tree}
      changeOnSelect
      allowClear={allowClear}
      expandTrigger="click"
      showSearch={{ filter: matches, limit: 30 }}
      style={{ width: 260, maxWidth: '100%', ...style }}
      // a code the dictionary lacks shows as itself
      value={path.length ? path : value ? [value] : undefined}
      onChange={(codes) => onChange?.(codes?.length ? String(codes[codes.length - 1]) : undefined)}
      popupClassName="region-cascader"
    />
  );
}

/** A region by name with its code ("宛城区 (411302)"), the whole path in the tooltip; a code the dictionary lacks as itself. */
export function RegionName({ code, testId }: { code: string | null | undefined; testId?: string }) {
  const { lang } = useI18n();
  if (!code) return <span data-testid={testId}>—</span>;
  const name = regionName(code, lang);
  if (!name) return <span data-testid={testId}>{code}</span>;
  return (
    <Tooltip title={regionFullName(code, lang)}>
      <span data-testid={testId} data-code={code}>{`${name} (${code})`}</span>
    </Tooltip>
  );
}

/** The same as text, for labels and messages: "宛城区 (411302)", or the code. */
export function useRegionLabel() {
  const { lang } = useI18n();
  return (code: string | null | undefined) => {
    if (!code) return '—';
    const name = regionName(code, lang);
    return name ? `${name} (${code})` : code;
  };
}
