import { App, Button, Card, Flex, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, type BodyOf } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { useI18n, type MessageKey } from '../../i18n';
import { useSession } from '../../session';
import { RegistryStatusTag, useFieldLabel, useFieldValue, type Conflict } from './common';
import { nowrap } from '../../components/table';

type Decision = BodyOf<'/api/v1/registry/conflicts/{id}/resolve', 'post'>['decision'];

const DECISIONS: { decision: Decision; label: MessageKey; testId: string; danger?: boolean }[] = [
  { decision: 'keep_existing', label: 'conflicts.keep', testId: 'keep' },
  { decision: 'take_incoming', label: 'conflicts.take', testId: 'take' },
  { decision: 'reject', label: 'conflicts.reject', testId: 'reject', danger: true },
];

const STATUSES: Conflict['status'][] = ['open', 'kept_existing', 'took_incoming', 'rejected'];
const SHOWN_FIELDS = ['name', 'birthDate', 'sex', 'phone', 'regionCode', 'category'] as const;

export default function ConflictsPage() {
  const { t, tx, lang } = useI18n();
  const { message } = App.useApp();
  const { permissions } = useSession();
  const canResolve = permissions.has('registry.conflicts.resolve');
  const fieldLabel = useFieldLabel();
  const fieldValue = useFieldValue();
  const list = usePagedList('/api/v1/registry/conflicts', { filters: { status: 'open' } });
  const [deciding, setDeciding] = useState<{ conflict: Conflict; decision: Decision } | null>(null);
  const resolveModal = useFormModal<{ note?: string }>(['note'], async (v, { form, close }) => {
    if (!deciding) return;
    await api.post(
      '/api/v1/registry/conflicts/{id}/resolve',
      { decision: deciding.decision, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
      { path: { id: deciding.conflict.id } },
    );
    close();
    form.resetFields();
    message.success(t('conflicts.resolved'));
    await list.reload();
  });

  const decide = (conflict: Conflict, decision: Decision) => {
    setDeciding({ conflict, decision });
    resolveModal.form.resetFields();
    resolveModal.show();
  };

  /** existing → incoming, the differing fields first and marked */
  const versions = (c: Conflict) => {
    const fields = SHOWN_FIELDS.filter((f) => c.incoming[f] !== undefined || c.existing[f] !== undefined);
    return (
      <Flex vertical>
        {fields.map((f) => {
          const differs = c.differences.some((d) => d === f);
          const from = fieldValue(f, c.existing[f]);
          const to = fieldValue(f, c.incoming[f]);
          return (
            <Typography.Text key={f} type={differs ? 'danger' : undefined} strong={differs} data-testid={differs ? `conflict-${c.id}-diff-${f}` : undefined}>
              {fieldLabel(f)}: {differs ? `${from} → ${to}` : from}
            </Typography.Text>
          );
        })}
      </Flex>
    );
  };

  return (
    <Card title={<span data-testid="page-title">{t('conflicts.title')}</span>}>
      <ListPage
        list={list}
        testId="conflicts-table"
        header={<Typography.Text type="secondary">{t('conflicts.hint')}</Typography.Text>}
        filters={[
          { type: 'select', name: 'status', testId: 'conflicts-status-filter', label: t('registry.field.status'), width: 160, options: STATUSES.map((s) => ({ value: s, label: tx(`registry.status.${s}`, s) })) },
        ]}
        refreshTestId="conflicts-refresh"
        errorTestId="conflicts-error"
        columns={[
          { ...nowrap, key: 'openedAt', title: t('conflicts.openedAt'), dataIndex: 'openedAt', render: (v: string) => formatTime(v, lang) },
          {
            ...nowrap,
            key: 'source',
            title: t('registry.source'),
            render: (_: unknown, r: Conflict) => `${tx(`conflicts.source.${r.source}`, r.source)}${r.sourceRef ? ` (${r.sourceRef})` : ''}`,
          },
          { key: 'versions', title: t('conflicts.versions'), render: (_: unknown, r: Conflict) => versions(r) },
          { ...nowrap, key: 'status', title: t('registry.field.status'), dataIndex: 'status', render: (v: string, r: Conflict) => <RegistryStatusTag status={v} testId={`conflict-status-${r.id}`} /> },
          {
            key: 'decision',
            title: t('conflicts.decision'),
            render: (_: unknown, r: Conflict) =>
              r.decision ? (
                <Flex vertical>
                  <span>{formatTime(r.decision.at, lang)}</span>
                  {r.decision.note && <Typography.Text type="secondary">{r.decision.note}</Typography.Text>}
                </Flex>
              ) : (
                '—'
              ),
          },
          ...(canResolve
            ? [
                {
                  ...nowrap,
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, r: Conflict) =>
                    r.status === 'open' ? (
                      <Space size={4}>
                        {DECISIONS.map((d) => (
                          <Button key={d.decision} size="small" danger={d.danger} onClick={() => decide(r, d.decision)} data-testid={`conflict-${d.testId}-${r.id}`}>
                            {t(d.label)}
                          </Button>
                        ))}
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <FormModal
        modal={resolveModal}
        title={deciding ? t(DECISIONS.find((d) => d.decision === deciding.decision)?.label ?? 'conflicts.decision') : t('conflicts.decision')}
        name="conflict-resolve"
        submitTestId="conflict-resolve-submit"
        forceRender
      >
        <Typography.Paragraph type="secondary">{deciding ? t(`conflicts.explain.${deciding.decision}`) : ''}</Typography.Paragraph>
        <Form.Item name="note" label={t('conflicts.note')} rules={[{ max: 200 }]}>
          <Input.TextArea data-testid="conflict-note" maxLength={200} rows={3} aria-label={t('conflicts.note')} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
