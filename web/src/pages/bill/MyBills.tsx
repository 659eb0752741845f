/** 我的电子票据: the person's e-bills with their fund / account / cash split and the PDF download. */
import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api, errorMessage, saveBlob, type Page } from '../../api';
import { yuan } from '../../components/format';
import { usePagedQuery } from '../../components/queries';
import { useBillText, type Bill } from './text';

export default function MyBillsPage() {
  const t = useBillText();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const { items, loading, error, pagination } = usePagedQuery(useCallback((page: number, pageSize: number) => api.get<Page<Bill>>('/bill/mine', { query: { page, pageSize } }), []));

  const download = async (bill: Bill) => {
    setDownloadError(null);
    try {
      saveBlob(await api.download(`/bill/mine/${encodeURIComponent(bill.id)}/pdf`), `${bill.billCode}-${bill.billNumber}.pdf`);
    } catch (e) {
      setDownloadError(errorMessage(e));
    }
  };

  return (
    <Card title={<span data-testid="page-title">{t('mine.title')}</span>}>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('mine.hint')}</Typography.Text>
        {(error || downloadError) && <Alert type="error" showIcon title={error ?? downloadError} />}
        <Table<Bill>
          data-testid="my-bills-table"
          rowKey="id"
          loading={loading}
          dataSource={items}
          pagination={pagination}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('col.code'), dataIndex: 'billCode' },
            { title: t('col.number'), dataIndex: 'billNumber', render: (v: string, b) => <span data-testid={`bill-number-${b.id}`}>{v}</span> },
            { title: t('col.checkCode'), dataIndex: 'checkCode' },
            { title: t('col.date'), dataIndex: 'issueDate' },
            { title: t('col.institution'), render: (_: unknown, b) => b.institution.name },
            { title: t('col.visitType'), render: (_: unknown, b) => t(`visit.${b.visitType}`) },
            { title: t('col.total'), align: 'right', render: (_: unknown, b) => yuan(b.totalFen) },
            { title: t('col.fund'), align: 'right', render: (_: unknown, b) => yuan(b.fundPayFen) },
            { title: t('col.account'), align: 'right', render: (_: unknown, b) => yuan(b.accountPayFen) },
            { title: t('col.cash'), align: 'right', render: (_: unknown, b) => yuan(b.cashPayFen) },
            {
              title: t('col.status'),
              render: (_: unknown, b) => (
                <Flex gap={4} wrap>
                  {b.kind === 'red' && <Tag color="red">{t('kind.red')}</Tag>}
                  <Tag color={b.status === 'voided' ? 'default' : b.usedAt ? 'blue' : 'green'}>{t(b.status === 'voided' ? 'status.voided' : b.usedAt ? 'status.used' : 'status.issued')}</Tag>
                </Flex>
              ),
            },
            {
              title: t('col.actions'),
              render: (_: unknown, b) => (
                <Button size="small" onClick={() => void download(b)} data-testid={`bill-pdf-${b.id}`}>
                  {t('action.pdf')}
                </Button>
              ),
            },
          ]}
        />
      </Flex>
    </Card>
  );
}
