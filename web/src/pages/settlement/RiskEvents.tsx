/**
 * 结算风险事件: what institutions' settlements in the clerk's pooling regions claimed that the
 * catalog in force and the region's policy contradicted (a fee line's class, self-pay share or price
 * cap; a code outside the catalog claimed as covered), newest first, filterable by rule. The
 * figures followed the facts; the list is for following up with the institution.
 */
import { Card, Tag, Typography } from 'antd';
import type { ItemOf, QueryOf } from '../../api';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { nowrap } from '../../components/table';
import { RegionName } from '../../components/RegionCascader';
import { useI18n } from '../../i18n';

type RiskEvent = ItemOf<'/api/v1/settlement/risk-events'>;
const RULES: NonNullable<QueryOf<'/api/v1/settlement/risk-events'>['rule']>[] = ['not_in_catalog', 'class_mismatch', 'self_pay_ratio_mismatch', 'price_cap_mismatch'];

/** A claimed or applied value as the clerk reads it: a class, basis points as a percentage, fen as yuan. */
function shown(rule: string, value: unknown, none: string): string {
  if (value === null || value === undefined) return none;
  if (typeof value !== 'number') return String(value);
  if (rule === 'self_pay_ratio_mismatch') return `${value / 100} %`;
  if (rule === 'price_cap_mismatch') return (value / 100).toFixed(2);
  return String(value);
}

export default function SettlementRiskEventsPage() {
  const { t, tx, lang } = useI18n();
  const list = usePagedList('/api/v1/settlement/risk-events');

  return (
    <Card title={<span data-testid="page-title">{t('settlementRisk.title')}</span>}>
      <ListPage
        list={list}
        testId="settlement-risk-table"
        header={<Typography.Text type="secondary">{t('settlementRisk.hint')}</Typography.Text>}
        filters={[
          {
            type: 'select',
            name: 'rule',
            testId: 'settlement-risk-rule',
            label: t('settlementRisk.rule'),
            width: 200,
            options: RULES.map((r) => ({ value: r, label: tx(`settlementRisk.rule.${r}`, r) })),
          },
        ]}
        columns={[
          { ...nowrap, key: 'at', title: t('settlementRisk.at'), render: (_: unknown, r: RiskEvent) => formatTime(r.createdAt, lang) },
          { ...nowrap, key: 'rule', title: t('settlementRisk.rule'), render: (_: unknown, r: RiskEvent) => <Tag color="orange">{tx(`settlementRisk.rule.${r.rule}`, r.rule)}</Tag> },
          { ...nowrap, key: 'institution', title: t('settlementRisk.institution'), render: (_: unknown, r: RiskEvent) => <span title={r.institutionCode} data-testid={`settlement-risk-institution-${r.id}`}>{r.institutionName ?? r.institutionCode}</span> },
          { ...nowrap, key: 'code', title: t('settlementRisk.code'), render: (_: unknown, r: RiskEvent) => r.lineCode ?? '—' },
          {
            ...nowrap,
            key: 'claimed',
            title: t('settlementRisk.claimed'),
            render: (_: unknown, r: RiskEvent) => `${shown(r.rule, r.detail.claimed, '—')} → ${shown(r.rule, r.detail.applied, t('settlementRisk.outside'))}`,
          },
          { ...nowrap, key: 'visit', title: t('settlementRisk.visitDate'), render: (_: unknown, r: RiskEvent) => String(r.detail.visitDate ?? '—') },
          { ...nowrap, key: 'region', title: t('settlementRisk.region'), render: (_: unknown, r: RiskEvent) => <RegionName code={r.poolingRegion} /> },
          { key: 'settlement', title: t('settlementRisk.settlement'), render: (_: unknown, r: RiskEvent) => r.settlementId ?? '—' },
        ]}
      />
    </Card>
  );
}
