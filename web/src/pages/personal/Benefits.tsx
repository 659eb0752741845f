/**
 * 待遇享受 / 就医结算: the person's settlements, newest first, each with what the fund, the personal
 * account and the person paid, and, opened, every national settlement figure with the rule that
 * produced it; an explained empty state until there is any.
 */
import { Card, Descriptions, Drawer, Empty, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ItemOf } from '../../api';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { yuan } from '../../components/format';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import { PersonalError } from './common';

type Settlement = ItemOf<'/api/v1/settlement/mine'>;
type Figure = Extract<keyof Settlement['result']['why'], string>;

/** The figures in the order a settlement statement reads them: the bill, what is out of scope, what the fund and the person pay. */
const FIGURES: readonly Figure[] = [
  'medfee_sumamt',
  'fulamt_ownpay_amt',
  'overlmt_selfpay',
  'preselfpay_amt',
  'inscp_scp_amt',
  'act_pay_dedc',
  'hifp_pay',
  'pool_prop_selfpay',
  'fund_pay_sumamt',
  'psn_part_amt',
  'acct_pay',
  'psn_cash_pay',
  'balc',
];

function Figures({ settlement }: { settlement: Settlement }) {
  const { t, tx, lang } = useI18n();
  const { result } = settlement;
  return (
    <Descriptions size="small" column={1} bordered data-testid={`benefit-figures-${settlement.id}`}>
      {FIGURES.map((figure) => {
        const why = result.why[figure];
        return (
          <Descriptions.Item key={figure} label={tx(`settlement.figure.${figure}`, figure)}>
            <Flex vertical gap={2}>
              <Typography.Text strong data-testid={`benefit-figure-${figure}`}>
                {yuan(result[figure] as number)}
              </Typography.Text>
              {why && (
                <Typography.Text type="secondary" data-testid={`benefit-why-${figure}`}>
                  {lang === 'en' ? why.en : why.zh}
                  {why.rule ? ` (${t('benefits.rule')} ${why.rule})` : ''}
                </Typography.Text>
              )}
            </Flex>
          </Descriptions.Item>
        );
      })}
    </Descriptions>
  );
}

export default function PersonalBenefitsPage() {
  const { t, tx, lang } = useI18n();
  const types = useInsuranceTypeLabels();
  const list = usePagedList('/api/v1/settlement/mine');
  const [detail, setDetail] = useState<Settlement | null>(null);

  return (
    <Card title={<span data-testid="page-title">{t('benefits.title')}</span>}>
      <ListPage
        list={list}
        testId="benefits-table"
        rowKey="id"
        filters={[{ type: 'year', name: 'year', testId: 'benefits-year' }]}
        renderError={(error, cause) => <PersonalError cause={cause} error={error} />}
        onRow={(s: Settlement) => ({ onClick: () => setDetail(s), style: { cursor: 'pointer' } })}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                <Flex vertical gap={4} data-testid="benefits-empty">
                  <Typography.Text>{t('benefits.none')}</Typography.Text>
                  <Typography.Text type="secondary">{t('benefits.noneHint')}</Typography.Text>
                </Flex>
              }
            />
          ),
        }}
        columns={[
          { ...nowrap, key: 'date', title: t('benefits.date'), render: (_: unknown, s: Settlement) => s.visit.date },
          {
            ...nowrap,
            key: 'institution',
            title: t('payment.institution'),
            // the institution by name, its code in the tooltip
            render: (_: unknown, s: Settlement) => <span title={s.institutionCode} data-testid={`settlement-institution-${s.id}`}>{s.institutionName ?? s.institutionCode}</span>,
          },
          { ...nowrap, key: 'type', title: t('application.insuranceType'), dataIndex: 'insuranceType', render: (v: string) => types.label(v) },
          { ...nowrap, key: 'total', title: t('benefits.total'), align: 'right', render: (_: unknown, s: Settlement) => yuan(s.result.medfee_sumamt) },
          { ...nowrap, key: 'fund', title: t('benefits.fund'), align: 'right', render: (_: unknown, s: Settlement) => <span data-testid={`benefit-fund-${s.id}`}>{yuan(s.result.fund_pay_sumamt)}</span> },
          { ...nowrap, key: 'account', title: t('benefits.account'), align: 'right', render: (_: unknown, s: Settlement) => yuan(s.result.acct_pay) },
          { ...nowrap, key: 'cash', title: t('benefits.cash'), align: 'right', render: (_: unknown, s: Settlement) => yuan(s.result.psn_cash_pay) },
          {
            ...nowrap,
            key: 'status',
            title: t('benefits.status'),
            dataIndex: 'status',
            render: (v: string) => <Tag color={v === 'settled' ? 'green' : 'default'}>{tx(`benefits.status.${v}`, v)}</Tag>,
          },
          { ...nowrap, key: 'createdAt', title: t('account.bookedAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, lang) },
        ]}
      />
      <Drawer open={detail !== null} onClose={() => setDetail(null)} size={560} title={detail ? `${t('benefits.detail')} · ${detail.visit.date}` : ''} destroyOnHidden>
        {detail && <Figures settlement={detail} />}
      </Drawer>
    </Card>
  );
}
