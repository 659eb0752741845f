/**
 * 凭证风险事件: what the e-voucher risk rules refused and flagged in the clerk's region (too many
 * codes a minute, a code scanned twice, an unauthorized channel, an unregistered device, a forged
 * code), newest first, filterable by rule.
 */
import { Card, Tag, Typography } from 'antd';
import type { ItemOf, QueryOf } from '../../api';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { nowrap } from '../../components/table';
import { RegionName } from '../../components/RegionCascader';
import { useI18n } from '../../i18n';

type RiskEvent = ItemOf<'/api/v1/voucher/risk-events'>;
const RULES: NonNullable<QueryOf<'/api/v1/voucher/risk-events'>['rule']>[] = ['too_many_codes', 'code_reused', 'unauthorized_channel', 'unregistered_device', 'forged_code'];

export default function RiskEventsPage() {
  const { t, tx, lang } = useI18n();
  const list = usePagedList('/api/v1/voucher/risk-events');

  return (
    <Card title={<span data-testid="page-title">{t('risk.title')}</span>}>
      <ListPage
        list={list}
        testId="risk-table"
        header={<Typography.Text type="secondary">{t('risk.hint')}</Typography.Text>}
        filters={[{ type: 'select', name: 'rule', testId: 'risk-rule', label: t('risk.rule'), width: 260, options: RULES.map((r) => ({ value: r, label: tx(`risk.rule.${r}`, r) })) }]}
        columns={[
          { ...nowrap, key: 'at', title: t('risk.at'), render: (_: unknown, r: RiskEvent) => formatTime(r.at, lang) },
          { ...nowrap, key: 'rule', title: t('risk.rule'), render: (_: unknown, r: RiskEvent) => <Tag color="red">{tx(`risk.rule.${r.rule}`, r.rule)}</Tag> },
          { ...nowrap, key: 'region', title: t('risk.region'), render: (_: unknown, r: RiskEvent) => <RegionName code={r.regionCode} /> },
          { ...nowrap, key: 'app', title: t('risk.app'), render: (_: unknown, r: RiskEvent) => r.appId ?? '—' },
          { ...nowrap, key: 'device', title: t('risk.device'), render: (_: unknown, r: RiskEvent) => r.deviceId ?? '—' },
          { key: 'voucher', title: t('risk.voucher'), render: (_: unknown, r: RiskEvent) => r.voucherId ?? '—' },
        ]}
      />
    </Card>
  );
}
