/**
 * 年度对账单: a year of the person's contributions month by month (unit, personal, fiscal shares and
 * whether they arrived), the year's totals and the personal account's movement; printable (the
 * print view leaves out the menu, the header and the controls).
 */
import { Alert, Button, Card, Descriptions, Flex, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../../api';
import { ResponsiveTable } from '../../components/ResponsiveTable';
import { useQuery } from '../../components/queries';
import { YearSelect } from '../../components/YearSelect';
import { yuan } from '../../components/format';
import { nowrap } from '../../components/table';
import { useI18n } from '../../i18n';
import { CollectionTag } from '../collection/common';
import { PersonalError } from './common';

const PRINT_CSS = `@media print {
  .ant-layout-sider, .ant-layout-header, .statement-controls { display: none !important; }
  .ant-layout-content { padding: 0 !important; }
  .statement-sheet { border: none !important; box-shadow: none !important; }
}`;

export default function PersonalStatementPage() {
  const { t } = useI18n();
  const [year, setYear] = useState(() => new Date().getFullYear() - 1);
  const { data, loading, error, cause } = useQuery(
    useCallback(async () => {
      const [statement, me] = await Promise.all([api.get('/api/v1/personal/annual-statement', { query: { year } }), api.get('/api/v1/personal/me')]);
      return { statement, person: me.person };
    }, [year]),
    null,
  );
  const statement = data?.statement.year === year ? data.statement : null;

  return (
    <Flex vertical gap={16}>
      <style>{PRINT_CSS}</style>
      <Card className="statement-controls">
        <Space wrap>
          <Typography.Text>{t('personal.year')}</Typography.Text>
          <YearSelect testId="statement-year" value={year} onChange={(y) => y && setYear(y)} />
          <Button onClick={() => window.print()} disabled={!statement} data-testid="statement-print">
            {t('statement.print')}
          </Button>
        </Space>
      </Card>
      <PersonalError cause={cause} error={error} />
      <Card className="statement-sheet" loading={loading && !statement} title={<span data-testid="page-title">{t('statement.title', { year })}</span>}>
        {statement && (
          <Flex vertical gap={16} data-testid="statement">
            {data?.person && (
              <Descriptions
                size="small"
                column={{ xs: 1, sm: 3 }}
                items={[
                  { key: 'name', label: t('registry.field.name'), children: data.person.name },
                  { key: 'idNumber', label: t('registry.field.idNumber'), children: data.person.idNumber },
                  { key: 'region', label: t('registry.field.regionCode'), children: data.person.regionCode },
                ]}
              />
            )}
            {statement.months.every((m) => m.status === 'none') && <Alert type="info" showIcon title={t('statement.empty', { year })} data-testid="statement-empty" />}
            <ResponsiveTable
              cards={false}
              data-testid="statement-months"
              rowKey="month"
              size="small"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={statement.months}
              columns={[
                { ...nowrap, key: 'month', title: t('runs.month'), dataIndex: 'month' },
                { ...nowrap, key: 'unitFen', title: t('statement.unit'), dataIndex: 'unitFen', align: 'right', render: (v: number) => yuan(v) },
                { ...nowrap, key: 'personFen', title: t('statement.person'), dataIndex: 'personFen', align: 'right', render: (v: number) => yuan(v) },
                { ...nowrap, key: 'fiscalFen', title: t('statement.fiscal'), dataIndex: 'fiscalFen', align: 'right', render: (v: number) => yuan(v) },
                { ...nowrap, key: 'status', title: t('statement.status'), dataIndex: 'status', render: (v: string) => <CollectionTag status={v} /> },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('statement.totals')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">{yuan(statement.totals.unitFen)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">{yuan(statement.totals.personFen)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">{yuan(statement.totals.fiscalFen)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={4}>
                    <span data-testid="statement-total">{t('statement.total', { amount: yuan(statement.totals.totalFen) })}</span>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
            <Descriptions
              bordered
              size="small"
              title={t('statement.account')}
              column={{ xs: 1, sm: 2, md: 4 }}
              items={[
                { key: 'opening', label: t('statement.opening'), children: yuan(statement.account.openingFen) },
                { key: 'credits', label: t('statement.credits'), children: yuan(statement.account.creditsFen) },
                { key: 'debits', label: t('statement.debits'), children: yuan(statement.account.debitsFen) },
                { key: 'closing', label: t('statement.closing'), children: <span data-testid="statement-closing">{yuan(statement.account.closingFen)}</span> },
              ]}
            />
            <Typography.Text type="secondary">{t('statement.note')}</Typography.Text>
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
