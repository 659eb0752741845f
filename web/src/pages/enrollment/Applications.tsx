/** 参保申请审核: a clerk lists the persons' applications of their region, opens one, approves it or rejects it saying why. */
import { Alert, App, Button, Card, Drawer, Flex, Form, Input, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { ListPage } from '../../components/ListPage';
import { usePagedList, useQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { yuan } from '../../components/format';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { nowrap } from '../../components/table';
import { useRules } from '../../forms';
import { RegionName } from '../../components/RegionCascader';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { APPLICATION_KINDS, APPLICATION_STATUSES, ApplicationDescriptions, ApplicationStatusTag, FirstVisitTag, applicantOf, type Application } from './common';

export default function ApplicationsPage() {
  const { t, tx, lang } = useI18n();
  const types = useInsuranceTypeLabels();
  // what waits for a decision comes first
  const list = usePagedList('/api/v1/enrollment/applications', { filters: { status: 'submitted' } });
  const [detailId, setDetailId] = useState<string | null>(null);

  return (
    <Card title={<span data-testid="page-title">{t('review.title')}</span>}>
      <ListPage
        list={list}
        testId="review-table"
        filters={[
          { type: 'select', name: 'status', testId: 'review-status-filter', label: t('application.status'), options: APPLICATION_STATUSES.map((s) => ({ value: s, label: tx(`application.status.${s}`, s) })) },
          { type: 'select', name: 'kind', testId: 'review-kind-filter', label: t('application.kind'), width: 200, options: APPLICATION_KINDS.map((k) => ({ value: k, label: tx(`application.kind.${k}`, k) })) },
        ]}
        refreshTestId="review-refresh"
        errorTestId="review-error"
        exportName="applications"
        empty={t('review.empty')}
        columns={[
          { ...nowrap, key: 'submittedAt', title: t('application.submittedAt'), dataIndex: 'submittedAt', render: (v: string) => formatTime(v, lang) },
          {
            ...nowrap,
            key: 'person',
            title: t('application.applicant'),
            exportAs: (r: Application) => applicantOf(r),
            render: (_: unknown, r: Application) => (
              <>
                {applicantOf(r)} <FirstVisitTag application={r} />
              </>
            ),
          },
          { ...nowrap, key: 'kind', title: t('application.kind'), dataIndex: 'kind', render: (v: string) => tx(`application.kind.${v}`, v), exportAs: (r: Application) => tx(`application.kind.${r.kind}`, r.kind) },
          { ...nowrap, key: 'insuranceType', title: t('application.insuranceType'), dataIndex: 'insuranceType', render: (v: string) => types.label(v), exportAs: (r: Application) => types.label(r.insuranceType) },
          { ...nowrap, key: 'regionCode', title: t('application.regionCode'), dataIndex: 'regionCode', render: (v: string) => <RegionName code={v} /> },
          { ...nowrap, key: 'fromMonth', title: t('application.fromMonth'), dataIndex: 'fromMonth' },
          { ...nowrap, key: 'base', title: t('application.monthlyBase'), dataIndex: 'monthlyBaseFen', align: 'right', render: (v: number | null) => (v === null ? '—' : yuan(v)), exportAs: (r: Application) => (r.monthlyBaseFen === null ? '' : yuan(r.monthlyBaseFen)) },
          { ...nowrap, key: 'status', title: t('application.status'), dataIndex: 'status', render: (v: string) => <ApplicationStatusTag status={v} />, exportAs: (r: Application) => tx(`application.status.${r.status}`, r.status) },
          {
            ...nowrap,
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, r: Application) => (
              <Typography.Link onClick={() => setDetailId(r.id)} data-testid={`review-open-${r.id}`}>
                {r.status === 'submitted' ? t('review.handle') : t('review.detail')}
              </Typography.Link>
            ),
          },
        ]}
      />
      <Drawer open={detailId !== null} onClose={() => setDetailId(null)} size={640} title={t('review.detailTitle')} destroyOnHidden>
        {detailId && (
          <ReviewPanel
            id={detailId}
            onDecided={async () => {
              setDetailId(null);
              await list.reload();
            }}
          />
        )}
      </Drawer>
    </Card>
  );
}

interface NoteForm {
  note?: string;
}

function ReviewPanel({ id, onDecided }: { id: string; onDecided: () => Promise<void> }) {
  const { t } = useI18n();
  const rules = useRules();
  const { message } = App.useApp();
  const { permissions } = useSession();
  const canReview = permissions.has('enrollment.review');
  const { data, loading, error } = useQuery(
    useCallback(() => api.get('/api/v1/enrollment/applications/{id}', { path: { id } }), [id]),
    null,
  );

  const decide = (action: 'approve' | 'reject') => async (v: NoteForm, { close }: { close: () => void }) => {
    const note = v.note?.trim() ?? '';
    const path = { path: { id } };
    // a rejection says why (the form requires it); an approval's note is optional
    await (action === 'approve' ? api.post('/api/v1/enrollment/applications/{id}/approve', note ? { note } : {}, path) : api.post('/api/v1/enrollment/applications/{id}/reject', { note }, path));
    close();
    message.success(t(action === 'approve' ? 'review.approved' : 'review.rejected'));
    await onDecided();
  };
  const approveModal = useFormModal<NoteForm>(['note'], decide('approve'));
  const rejectModal = useFormModal<NoteForm>(['note'], decide('reject'));

  if (error !== null) return <Alert type="error" showIcon title={error} data-testid="review-detail-error" />;
  if (!data) return <Typography.Text type="secondary">{loading ? t('app.loading') : ''}</Typography.Text>;

  return (
    <Flex vertical gap={16}>
      <ApplicationDescriptions application={data} showApplicant />
      {canReview && data.status === 'submitted' && (
        <Space>
          <Button type="primary" onClick={approveModal.show} data-testid="review-approve">
            {t('review.approve')}
          </Button>
          <Button danger onClick={rejectModal.show} data-testid="review-reject">
            {t('review.reject')}
          </Button>
        </Space>
      )}
      <FormModal modal={approveModal} title={t('review.approve')} name="review-approve" submitTestId="review-approve-submit" destroyOnHidden preserve={false}>
        <Form.Item name="note" label={t('review.noteOptional')} rules={[{ max: 200 }]}>
          <Input.TextArea data-testid="review-approve-note" maxLength={200} rows={3} aria-label={t('review.noteOptional')} />
        </Form.Item>
      </FormModal>
      <FormModal modal={rejectModal} title={t('review.reject')} name="review-reject" submitTestId="review-reject-submit" destroyOnHidden preserve={false}>
        <Form.Item name="note" label={t('review.note')} rules={[rules.required('review.note'), { max: 200 }]}>
          <Input.TextArea data-testid="review-reject-note" maxLength={200} rows={3} aria-label={t('review.note')} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
