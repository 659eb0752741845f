/**
 * Insurance-type (险种) labels: the policy center's list (any signed-in account reads it), read
 * once per page load; until it arrives, or if it cannot be read, the national codes
 * (src/centers/policy/demo.ts), and the code itself for a type neither knows.
 */
import { useEffect, useMemo, useState } from 'react';
import { api, type ItemOf } from '../api';
import { useI18n } from '../i18n';

export const NATIONAL_INSURANCE_TYPES = [
  { code: '310', name: '职工基本医疗保险', nameEn: 'Employee basic medical insurance', enrollmentKinds: ['employee', 'flexible'] },
  { code: '390', name: '城乡居民基本医疗保险', nameEn: 'Urban and rural resident basic medical insurance', enrollmentKinds: ['resident'] },
  { code: '410', name: '长期照护保险（长期护理保险）', nameEn: 'Long-term care insurance', enrollmentKinds: ['employee', 'flexible', 'resident'] },
  { code: '510', name: '生育保险', nameEn: 'Maternity insurance', enrollmentKinds: ['employee'] },
] as const;

/** 参保类别 employee / flexible / resident, as the policy center's list says */
type EnrollmentKind = ItemOf<'/api/v1/policy/insurance-types'>['enrollmentKinds'][number];

export interface InsuranceTypeOption {
  code: string;
  name?: string;
  nameEn?: string;
  /** the enrollment kinds the type admits (policy data) */
  enrollmentKinds?: readonly EnrollmentKind[];
}

let configured: Promise<InsuranceTypeOption[] | null> | null = null;
/** The configured list, fetched once; null when it cannot be read (the national list stands in). */
function configuredTypes(): Promise<InsuranceTypeOption[] | null> {
  configured ??= api.get('/api/v1/policy/insurance-types').then(
    (page) => page.items,
    () => {
      configured = null; // try again on the next page that asks
      return null;
    },
  );
  return configured;
}

/**
 * `label(code)` → "310 职工基本医疗保险"; `options(types?)` for a Select (every configured type when
 * none given); `admitting(kind)`, the types that admit an enrollment kind, so a form offers no type
 * the server would refuse.
 */
export function useInsuranceTypeLabels() {
  const { lang } = useI18n();
  const [types, setTypes] = useState<readonly InsuranceTypeOption[]>(NATIONAL_INSURANCE_TYPES);
  useEffect(() => {
    let live = true;
    void configuredTypes().then((list) => live && list?.length && setTypes(list));
    return () => {
      live = false;
    };
  }, []);
  return useMemo(() => {
    const text = (ty: InsuranceTypeOption) => {
      const known = types.find((n) => n.code === ty.code) ?? NATIONAL_INSURANCE_TYPES.find((n) => n.code === ty.code);
      const name = lang === 'en' ? (ty.nameEn ?? known?.nameEn) : (ty.name ?? known?.name);
      return name ? `${ty.code} ${name}` : ty.code;
    };
    return {
      label: (code: string | null | undefined) => (code ? text({ code }) : '—'),
      options: (list: readonly InsuranceTypeOption[] = types) => list.map((ty) => ({ value: ty.code, label: text(ty) })),
      admitting: (kind: EnrollmentKind) => types.filter((ty) => ty.enrollmentKinds?.includes(kind)).map((ty) => ({ value: ty.code, label: text(ty) })),
    };
  }, [lang, types]);
}
