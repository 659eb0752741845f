/**
 * 凭证风险事件: what the e-voucher risk rules refused and flagged in the clerk's region (too many
 * codes a minute, a code scanned twice, an unauthorized channel, an unregistered device, a forged
 * code), newest first, filterable by rule.
 */
import { Alert, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, type Page } from '../../api';
import { usePagedQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';

const RULES = ['too_many_codes', 'code_reused', 'unauthorized_channel', 'unregistered_device', 'forged_code'] as const;

interface RiskEvent {
  id: string;
  rule: string;
  voucherId: string | null;
  regionCode: string | null;
  appId: string | null;
  codeId: string | null;
  deviceId: string | null;
  detail: Record<string, unknown> | null;
  at: string;
}

export default function RiskEventsPage() {
  const { t, tx, lang } = useI18n();
  const [rule, setRule] = useState<string | undefined>();
  const { items, loading, error, pagination, setPage } = usePagedQuery(
    useCallback((page: number, pageSize: number) => api.get<Page<RiskEvent>>('/voucher/risk-events', { query: { page, pageSize, rule } }), [rule]),
  );

  return (
    <Card title={<span data-testid="page-title">{t('risk.title')}</span>}>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('risk.hint')}</Typography.Text>
        <Select
          allowClear
          style={{ width: 260 }}
          placeholder={t('risk.rule')}
          value={rule}
          data-testid="risk-rule"
          onChange={(v) => {
            setRule(v);
            setPage(1);
          }}
          options={RULES.map((r) => ({ value: r, label: tx(`risk.rule.${r}`, r) }))}
        />
        {error && <Alert type="error" showIcon title={error} />}
        <Table<RiskEvent>
          data-testid="risk-table"
          size="middle"
          rowKey="id"
          loading={loading}
          dataSource={items}
          pagination={pagination}
          scroll={{ x: 900 }}
          columns={[
            { ...nowrap, key: 'at', title: t('risk.at'), render: (_: unknown, r: RiskEvent) => formatTime(r.at, lang) },
            { ...nowrap, key: 'rule', title: t('risk.rule'), render: (_: unknown, r: RiskEvent) => <Tag color="red">{tx(`risk.rule.${r.rule}`, r.rule)}</Tag> },
            { ...nowrap, key: 'region', title: t('risk.region'), render: (_: unknown, r: RiskEvent) => r.regionCode ?? '—' },
            { ...nowrap, key: 'app', title: t('risk.app'), render: (_: unknown, r: RiskEvent) => r.appId ?? '—' },
            { ...nowrap, key: 'device', title: t('risk.device'), render: (_: unknown, r: RiskEvent) => r.deviceId ?? '—' },
            { key: 'voucher', title: t('risk.voucher'), render: (_: unknown, r: RiskEvent) => r.voucherId ?? '—' },
          ]}
        />
      </Flex>
    </Card>
  );
}
