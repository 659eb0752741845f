/** The policy center's shapes (src/centers/policy/types.ts) and how the pages show them. */
import { Tag } from 'antd';
import { useMemo } from 'react';
import { api } from '../../api';
import { useQuery } from '../../components/queries';
import { useI18n } from '../../i18n';

export interface ShareConditions {
  ageAtMost?: number | null;
  ageAbove?: number | null;
  retired?: boolean | null;
  categories?: string[] | null;
}

export interface PayerShare {
  ruleCode: string;
  payer: string;
  baseKind: string;
  /** parts per million of the base (1 000 = 0.1 %) */
  ratePpm: number;
  periodicity: string;
  dueMonth: number | null;
  fund: string;
  flow: string;
  conditions: ShareConditions;
}

/** One version as GET /policy/versions lists it: the header and the body of its kind. */
export interface PolicyVersion {
  id: string;
  kind: 'wage' | 'base' | 'collection';
  insuranceType: string | null;
  regionCode: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  version: number;
  status: string;
  note?: string | null;
  createdAt?: string;
  voidReason?: string | null;
  // wage
  year?: number;
  monthlyFen?: number;
  // base
  baseKind?: string;
  lowerBoundBp?: number;
  upperBoundBp?: number;
  wageYearOffset?: number;
  // collection
  shares?: PayerShare[];
}

interface InsuranceType {
  code: string;
  name: string;
  nameEn: string;
}

const loadTypes = () => api.get<InsuranceType[]>('/policy/insurance-types');

/** The insurance types (险种) as select options and labels in the chosen language. */
export function useInsuranceTypes() {
  const { lang } = useI18n();
  const { data } = useQuery(loadTypes, []);
  return useMemo(() => {
    const name = (ty: InsuranceType) => `${ty.code} ${lang === 'en' ? ty.nameEn : ty.name}`;
    return {
      options: data.map((ty) => ({ value: ty.code, label: name(ty) })),
      label: (code: string) => {
        const ty = data.find((x) => x.code === code);
        return ty ? name(ty) : code;
      },
    };
  }, [data, lang]);
}

const STATUS_COLORS: Record<string, string> = { draft: 'default', reviewed: 'blue', published: 'green', voided: 'red' };

export function PolicyStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { tx } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {tx(`policy.status.${status}`, status)}
    </Tag>
  );
}

/** Rates, bounds, money and periods in the chosen language. */
export function usePolicyFormat() {
  const { t, tx, lang } = useI18n();
  return useMemo(() => {
    const locale = lang === 'en' ? 'en-GB' : 'zh-CN';
    // 2000 ppm -> "0.2 %"; 6000 bp -> "60 %"
    const rate = (ppm: number) => `${Number((ppm / 10_000).toFixed(4))} %`;
    const bp = (v: number) => `${Number((v / 100).toFixed(2))} %`;
    const money = (fen: number) => `¥${(fen / 100).toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    const period = (p: { effectiveFrom: string; effectiveTo: string | null }) => `${p.effectiveFrom} ~ ${p.effectiveTo ?? t('policy.openEnded')}`;
    const baseKind = (k: string) => tx(`policy.baseKind.${k}`, k);
    const bounds = (v: PolicyVersion) => t('policy.boundsText', { lower: bp(v.lowerBoundBp ?? 0), upper: bp(v.upperBoundBp ?? 0) });
    const wageYearOffset = (offset: number) => (offset === 0 ? t('policy.wageSameYear') : t('policy.wageYearsBefore', { years: -offset }));
    const conditions = (c: ShareConditions) => {
      const parts: string[] = [];
      if (c.retired === true) parts.push(t('policy.cond.retired'));
      if (c.retired === false) parts.push(t('policy.cond.working'));
      if (c.ageAtMost !== null && c.ageAtMost !== undefined) parts.push(t('policy.cond.ageAtMost', { age: c.ageAtMost }));
      if (c.ageAbove !== null && c.ageAbove !== undefined) parts.push(t('policy.cond.ageAbove', { age: c.ageAbove }));
      if (c.categories?.length) parts.push(c.categories.map((x) => tx(`registry.category.${x}`, x)).join(' / '));
      return parts.length ? parts.join(lang === 'en' ? ', ' : '，') : t('policy.cond.all');
    };
    const summary = (v: PolicyVersion) => {
      if (v.kind === 'wage') return t('policy.wageText', { year: v.year ?? '', amount: money(v.monthlyFen ?? 0) });
      if (v.kind === 'base') return `${baseKind(v.baseKind ?? '')} ${bounds(v)}`;
      return (v.shares ?? []).map((s) => `${tx(`policy.payer.${s.payer}`, s.payer)} ${rate(s.ratePpm)}`).join('；');
    };
    return { rate, bp, money, period, baseKind, bounds, wageYearOffset, conditions, summary };
  }, [t, tx, lang]);
}
