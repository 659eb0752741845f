/** 我的电子票据: the person's e-bills with their fund / account / cash split and the PDF download. */
import { Alert, Button, Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, errorMessage, saveBlob, type ItemOf } from '../../api';
import { yuan } from '../../components/format';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../components/queries';
import { useBillText } from './text';

type Bill = ItemOf<'/api/v1/bill/mine'>;

export default function MyBillsPage() {
  const t = useBillText();
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const list = usePagedList('/api/v1/bill/mine');

  const download = async (bill: Bill) => {
    setDownloadError(null);
    try {
      saveBlob(await api.download('/api/v1/bill/mine/{id}/pdf', { path: { id: bill.id } }), `${bill.billCode}-${bill.billNumber}.pdf`);
    } catch (e) {
      setDownloadError(errorMessage(e));
    }
  };

  return (
    <Card title={<span data-testid="page-title">{t('mine.title')}</span>}>
      <ListPage
        list={list}
        testId="my-bills-table"
        header={
          <>
            <Typography.Text type="secondary">{t('mine.hint')}</Typography.Text>
            {downloadError && <Alert type="error" showIcon title={downloadError} />}
          </>
        }
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
    </Card>
  );
}
