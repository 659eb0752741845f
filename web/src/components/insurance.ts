/**
 * Insurance-type (险种) labels for pages whose accounts may not read the policy catalog (persons,
 * unit agents, clerks): the national codes (src/centers/policy/demo.ts), the code itself for any
 * other type a region added.
 */
import { useMemo } from 'react';
import { useI18n } from '../i18n';

export const NATIONAL_INSURANCE_TYPES = [
  { code: '310', name: '职工基本医疗保险', nameEn: 'Employee basic medical insurance' },
  { code: '390', name: '城乡居民基本医疗保险', nameEn: 'Urban and rural resident basic medical insurance' },
  { code: '410', name: '长期照护保险（长期护理保险）', nameEn: 'Long-term care insurance' },
  { code: '510', name: '生育保险', nameEn: 'Maternity insurance' },
] as const;

export interface InsuranceTypeOption {
  code: string;
  name?: string;
  nameEn?: string;
}

/** `label(code)` → "310 职工基本医疗保险"; `options(types?)` for a Select (the national list when none given). */
export function useInsuranceTypeLabels() {
  const { lang } = useI18n();
  return useMemo(() => {
    const text = (ty: InsuranceTypeOption) => {
      const known = NATIONAL_INSURANCE_TYPES.find((n) => n.code === ty.code);
      const name = lang === 'en' ? (ty.nameEn ?? known?.nameEn) : (ty.name ?? known?.name);
      return name ? `${ty.code} ${name}` : ty.code;
    };
    return {
      label: (code: string | null | undefined) => (code ? text({ code }) : '—'),
      options: (types: readonly InsuranceTypeOption[] = NATIONAL_INSURANCE_TYPES) => types.map((ty) => ({ value: ty.code, label: text(ty) })),
    };
  }, [lang]);
}
