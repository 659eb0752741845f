/** How the pages show the policy center's versions (src/centers/policy): labels, tags and formats. */
import { Tag } from 'antd';
import { useMemo } from 'react';
import type { ItemOf } from '../../api';
import { useI18n } from '../../i18n';

/** One version as GET /policy/versions lists it: the header and the body of its kind. */
export type PolicyVersion = ItemOf<'/api/v1/policy/versions'>;
type VersionOf<K extends PolicyVersion['kind']> = Extract<PolicyVersion, { kind: K }>;
export type PayerShare = VersionOf<'collection'>['shares'][number];

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
    const bounds = (v: Pick<VersionOf<'base'>, 'lowerBoundBp' | 'upperBoundBp'>) => t('policy.boundsText', { lower: bp(v.lowerBoundBp), upper: bp(v.upperBoundBp) });
    const wageYearOffset = (offset: number) => (offset === 0 ? t('policy.wageSameYear') : t('policy.wageYearsBefore', { years: -offset }));
    const conditions = (c: PayerShare['conditions']) => {
      const parts: string[] = [];
      if (c.retired === true) parts.push(t('policy.cond.retired'));
      if (c.retired === false) parts.push(t('policy.cond.working'));
      if (c.ageAtMost !== null && c.ageAtMost !== undefined) parts.push(t('policy.cond.ageAtMost', { age: c.ageAtMost }));
      if (c.ageAbove !== null && c.ageAbove !== undefined) parts.push(t('policy.cond.ageAbove', { age: c.ageAbove }));
      if (c.categories?.length) parts.push(c.categories.map((x) => tx(`registry.category.${x}`, x)).join(' / '));
      return parts.length ? parts.join(lang === 'en' ? ', ' : '，') : t('policy.cond.all');
    };
    const summary = (v: PolicyVersion) => {
      if (v.kind === 'wage') return t('policy.wageText', { year: v.year, amount: money(v.monthlyFen) });
      if (v.kind === 'base') return `${baseKind(v.baseKind)} ${bounds(v)}`;
      if (v.kind === 'collection') return v.shares.map((s) => `${tx(`policy.payer.${s.payer}`, s.payer)} ${rate(s.ratePpm)}`).join('；');
      return '';
    };
    return { rate, bp, money, period, baseKind, bounds, wageYearOffset, conditions, summary };
  }, [t, tx, lang]);
}
