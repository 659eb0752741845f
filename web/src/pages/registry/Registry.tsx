import { Alert, App, Button, Card, Descriptions, Drawer, Flex, Form, Input, Select, Space, Tabs, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, errorMessage, saveBlob, type BodyOf, type ItemOf, type ResponseOf } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { ListPage } from '../../components/ListPage';
import { usePagedList, useQuery } from '../../components/queries';
import { Reveal, useRevealed } from '../../components/Reveal';
import { formatTime } from '../../components/Tags';
import { upperCase, useRules } from '../../forms';
import { RegionCascader, RegionName } from '../../components/RegionCascader';
import { identityOf } from '../../validators';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { PERSON_CATEGORIES, RegistryStatusTag, useFieldLabel, useFieldValue, type Person } from './common';
import { nowrap } from '../../components/table';

type HistoryEntry = ItemOf<'/api/v1/registry/persons/{id}/history'>;
type PersonInFull = ResponseOf<'/api/v1/registry/persons/{id}/reveal', 'post'>;

/** 显示完整信息 one person's masked fields in full (audited by the server). */
const revealPerson = (id: string) => api.post('/api/v1/registry/persons/{id}/reveal', {}, { path: { id } });
type CreateBody = BodyOf<'/api/v1/registry/persons', 'post'>;

interface CreateForm {
  idNumber: string;
  name: string;
  phone?: string;
  regionCode: string;
  category: CreateBody['category'];
}

const PERSON_STATUSES: Person['status'][] = ['active', 'cancelled'];

export default function RegistryPage() {
  const { t } = useI18n();
  return (
    <Card title={<span data-testid="page-title">{t('registry.title')}</span>}>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'persons', label: <span data-testid="registry-tab-persons">{t('registry.persons')}</span>, children: <PersonsTab /> },
          { key: 'imports', label: <span data-testid="registry-tab-imports">{t('registry.imports')}</span>, children: <ImportsTab /> },
        ]}
      />
    </Card>
  );
}

// ---- persons ------------------------------------------------------------------------------------

function PersonsTab() {
  const { t, lang } = useI18n();
  const rules = useRules();
  const { message, modal } = App.useApp();
  const { permissions } = useSession();
  const canManage = permissions.has('registry.manage');
  const fieldValue = useFieldValue();
  const list = usePagedList('/api/v1/registry/persons');
  const revealed = useRevealed(revealPerson);
  const [detailId, setDetailId] = useState<string | null>(null);
  const [lookupInput, setLookupInput] = useState('');
  const [lookingUp, setLookingUp] = useState(false);

  // POST, so the identity number stays out of addresses and logs
  const lookup = async (value: string) => {
    const idNumber = value.trim().toUpperCase();
    if (!idNumber) return;
    setLookingUp(true);
    try {
      const person = await api.post('/api/v1/registry/persons/lookup', { idNumber });
      setDetailId(person.id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setLookingUp(false);
    }
  };

  const createModal = useFormModal<CreateForm>(['idNumber', 'name', 'phone', 'regionCode', 'category'], async (v, { form, close }) => {
    // birth date and sex are the identity number's: the server derives them
    const body: CreateBody = {
      idNumber: v.idNumber.trim().toUpperCase(),
      name: v.name.trim(),
      regionCode: v.regionCode,
      category: v.category,
      ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
    };
    const answer = await api.post('/api/v1/registry/persons', body);
    close();
    form.resetFields();
    await list.reload();
    if ('conflict' in answer) {
      modal.warning({ title: t('registry.conflictOpened'), content: <span data-testid="registry-conflict-opened">{t('registry.conflictOpenedHint', { id: answer.conflict.id })}</span> });
    } else {
      message.success(t('registry.created'));
      setDetailId(answer.id);
    }
  });

  const openCreate = () => {
    createModal.form.resetFields();
    createModal.show();
  };

  const categoryOptions = PERSON_CATEGORIES.map((c) => ({ value: c, label: fieldValue('category', c) }));

  return (
    <>
      <ListPage
        list={list}
        testId="registry-persons-table"
        filters={[
          { type: 'search', name: 'name', testId: 'registry-name-filter', label: t('registry.filterName') },
          { type: 'select', name: 'category', testId: 'registry-category-filter', label: t('registry.field.category'), width: 150, options: categoryOptions },
          { type: 'select', name: 'status', testId: 'registry-status-filter', label: t('registry.field.status'), width: 120, options: PERSON_STATUSES.map((s) => ({ value: s, label: fieldValue('status', s) })) },
        ]}
        tools={
          <Input.Search
            data-testid="registry-id-lookup"
            aria-label={t('registry.lookup')}
            placeholder={t('registry.lookup')}
            enterButton={t('registry.lookupButton')}
            loading={lookingUp}
            style={{ width: 320, maxWidth: '100%' }}
            maxLength={18}
            autoComplete="off"
            value={lookupInput}
            onChange={(e) => setLookupInput(e.target.value)}
            onSearch={lookup}
          />
        }
        actions={
          canManage && (
            <Button type="primary" onClick={openCreate} data-testid="registry-person-create">
              {t('registry.createPerson')}
            </Button>
          )
        }
        errorTestId="registry-error"
        columns={[
          {
            ...nowrap,
            key: 'name',
            title: t('registry.field.name'),
            dataIndex: 'name',
            render: (v: string, r: Person) => <Reveal value={v} id={r.id} revealed={revealed} pick={(p: PersonInFull) => p.name} testId={`registry-name-${r.id}`} button />,
          },
          {
            ...nowrap,
            key: 'idNumber',
            title: t('registry.field.idNumber'),
            dataIndex: 'idNumber',
            render: (v: string, r: Person) => <Reveal value={v} id={r.id} revealed={revealed} pick={(p: PersonInFull) => p.idNumber} testId={`registry-id-number-${r.id}`} />,
          },
          { ...nowrap, key: 'sex', title: t('registry.field.sex'), dataIndex: 'sex', render: (v: string | null) => fieldValue('sex', v) },
          {
            ...nowrap,
            key: 'birthDate',
            title: t('registry.field.birthDate'),
            dataIndex: 'birthDate',
            render: (v: string, r: Person) => <Reveal value={v} id={r.id} revealed={revealed} pick={(p: PersonInFull) => p.birthDate} testId={`registry-birth-date-${r.id}`} />,
          },
          { ...nowrap, key: 'regionCode', title: t('registry.field.regionCode'), dataIndex: 'regionCode', render: (v: string) => <RegionName code={v} /> },
          { ...nowrap, key: 'category', title: t('registry.field.category'), dataIndex: 'category', render: (v: string) => fieldValue('category', v) },
          { ...nowrap, key: 'status', title: t('registry.field.status'), dataIndex: 'status', render: (v: string) => <RegistryStatusTag status={v} /> },
          { ...nowrap, key: 'updatedAt', title: t('registry.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatTime(v, lang) },
          {
            ...nowrap,
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, r: Person) => (
              <Typography.Link onClick={() => setDetailId(r.id)} data-testid={`registry-person-detail-${r.id}`}>
                {t('registry.detail')}
              </Typography.Link>
            ),
          },
        ]}
      />
      <FormModal modal={createModal} title={t('registry.createPerson')} name="registry-person" submitTestId="registry-person-submit" forceRender>
        <Form.Item name="idNumber" label={t('registry.field.idNumber')} rules={[rules.required('registry.field.idNumber'), rules.idNumber]} getValueFromEvent={upperCase}>
          <Input data-testid="registry-person-id-number" maxLength={18} autoComplete="off" aria-label={t('registry.field.idNumber')} />
        </Form.Item>
        <Form.Item name="name" label={t('registry.field.name')} rules={[rules.required('registry.field.name'), { max: 50 }]}>
          <Input data-testid="registry-person-name" maxLength={50} autoComplete="off" aria-label={t('registry.field.name')} />
        </Form.Item>
        <DerivedFromIdNumber />
        <Form.Item name="regionCode" label={t('registry.field.regionCode')} rules={[rules.requiredSelect('registry.field.regionCode'), rules.regionCode]}>
          <RegionCascader testId="registry-person-region" label={t('registry.field.regionCode')} />
        </Form.Item>
        <Form.Item name="category" label={t('registry.field.category')} rules={[rules.requiredSelect('registry.field.category')]}>
          <Select data-testid="registry-person-category" aria-label={t('registry.field.category')} options={categoryOptions} />
        </Form.Item>
        <Form.Item name="phone" label={t('registry.field.phone')} rules={[rules.phone]}>
          <Input data-testid="registry-person-phone" maxLength={11} autoComplete="off" aria-label={t('registry.field.phone')} />
        </Form.Item>
      </FormModal>
      <PersonDrawer id={detailId} onClose={() => setDetailId(null)} />
    </>
  );
}

/** 出生日期、性别 read from the identity number being typed: shown, never asked (the server derives them too). */
function DerivedFromIdNumber() {
  const { t } = useI18n();
  const fieldValue = useFieldValue();
  const idNumber = Form.useWatch<string | undefined>('idNumber');
  const derived = idNumber ? identityOf(idNumber) : null;
  return (
    <Form.Item label={`${t('registry.field.birthDate')} / ${t('registry.field.sex')}`} extra={t('registry.derivedHint')}>
      <Typography.Text data-testid="registry-person-derived" type={derived ? undefined : 'secondary'}>
        {derived ? `${derived.birthDate} · ${fieldValue('sex', derived.sex)}` : t('registry.derivedPending')}
      </Typography.Text>
    </Form.Item>
  );
}

function PersonDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Drawer open={id !== null} onClose={onClose} size={720} title={t('registry.personDetail')} destroyOnHidden>
      {id && <PersonDetail id={id} />}
    </Drawer>
  );
}

function PersonDetail({ id }: { id: string }) {
  const { t, tx, lang } = useI18n();
  const fieldLabel = useFieldLabel();
  const fieldValue = useFieldValue();
  const { data: person, loading, error } = useQuery(
    useCallback(() => api.get('/api/v1/registry/persons/{id}', { path: { id } }), [id]),
    null,
  );
  const history = usePagedList('/api/v1/registry/persons/{id}/history', { path: { id } });
  const revealed = useRevealed(revealPerson);
  if (error !== null) return <Alert type="error" showIcon title={error} data-testid="registry-person-error" />;
  if (!person) return <Typography.Text type="secondary">{loading ? t('app.loading') : ''}</Typography.Text>;
  const show = (field: keyof Person) => ({ key: field, label: fieldLabel(field), children: <span data-testid={`registry-detail-${field}`}>{fieldValue(field, person[field])}</span> });
  /** a masked field, in full once revealed; the eye button on the name reveals them all */
  const masked = (field: 'name' | 'idNumber' | 'birthDate' | 'phone') => ({
    key: field,
    label: fieldLabel(field),
    children: <Reveal value={person[field]} id={person.id} revealed={revealed} pick={(p: PersonInFull) => p[field]} testId={`registry-detail-${field}`} button={field === 'name'} />,
  });
  return (
    <Flex vertical gap={16} data-testid="registry-person-detail">
      <Typography.Text type="secondary">{t('registry.maskedHint')}</Typography.Text>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          masked('name'),
          masked('idNumber'),
          masked('birthDate'),
          show('sex'),
          masked('phone'),
          { key: 'regionCode', label: fieldLabel('regionCode'), children: <RegionName code={person.regionCode} testId="registry-detail-regionCode" /> },
          show('category'),
          { key: 'status', label: fieldLabel('status'), children: <RegistryStatusTag status={person.status} testId="registry-detail-status" /> },
          ...(person.cancellation
            ? [{ key: 'cancellation', label: t('registry.cancellation'), children: `${person.cancellation.date} ${tx(`registry.cancelReason.${person.cancellation.reason}`, person.cancellation.reason)} ${person.cancellation.note ?? ''}` }]
            : []),
          { key: 'version', label: t('registry.version'), children: person.version },
          { key: 'createdAt', label: t('registry.createdAt'), children: formatTime(person.createdAt, lang) },
          { key: 'updatedAt', label: t('registry.updatedAt'), children: formatTime(person.updatedAt, lang) },
        ]}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('registry.history')}
      </Typography.Title>
      <ListPage
        list={history}
        testId="registry-history-table"
        size="small"
        columns={[
          { ...nowrap, key: 'at', title: t('registry.historyAt'), dataIndex: 'at', render: (v: string) => formatTime(v, lang) },
          { ...nowrap, key: 'action', title: t('registry.historyAction'), dataIndex: 'action', render: (v: string) => tx(`registry.action.${v}`, v) },
          {
            ...nowrap,
            key: 'source',
            title: t('registry.source'),
            render: (_: unknown, r: HistoryEntry) => `${tx(`registry.source.${r.source}`, r.source)}${r.sourceRef ? ` (${r.sourceRef})` : ''}`,
          },
          {
            key: 'changes',
            title: t('registry.changes'),
            dataIndex: 'changes',
            render: (changes: HistoryEntry['changes']) => (
              <Flex vertical>
                {changes.map((c) => (
                  <span key={c.field}>
                    {fieldLabel(c.field)}: {c.from === null ? '' : `${fieldValue(c.field, c.from)} → `}
                    {fieldValue(c.field, c.to)}
                  </span>
                ))}
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}

// ---- CSV imports --------------------------------------------------------------------------------

type ImportJob = ResponseOf<'/api/v1/registry/imports/{id}'>;

const UNDER_WAY: ReadonlySet<string> = new Set<ImportJob['status']>(['receiving', 'queued', 'running']);

function ImportsTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { permissions } = useSession();
  const canManage = permissions.has('registry.manage');
  const list = usePagedList('/api/v1/registry/imports');
  const { reload } = list;
  const [job, setJob] = useState<ImportJob | null>(null);
  const [uploading, setUploading] = useState(false);

  // follow the job until it is done
  const jobId = job?.id;
  const underWay = job ? UNDER_WAY.has(job.status) : false;
  useEffect(() => {
    if (!jobId || !underWay) return undefined;
    const timer = setInterval(() => {
      api
        .get('/api/v1/registry/imports/{id}', { path: { id: jobId } })
        .then((next) => {
          setJob(next);
          if (!UNDER_WAY.has(next.status)) void reload();
        })
        .catch(() => undefined);
    }, 1000);
    return () => clearInterval(timer);
  }, [jobId, underWay, reload]);

  const upload = async (file: File) => {
    setUploading(true);
    try {
      setJob(await api.upload('/api/v1/registry/imports', file, 'text/csv', { query: { fileName: file.name.slice(0, 200) } }));
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };

  const downloadErrors = async (id: string) => {
    try {
      saveBlob(await api.download('/api/v1/registry/imports/{id}/errors.csv', { path: { id } }), `${id}-errors.csv`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.detail : errorMessage(e));
    }
  };

  const rowsText = (j: ImportJob) =>
    t('registry.importRows', { read: j.rows.read, committed: j.rows.committed, unchanged: j.rows.unchanged, failed: j.rows.failed, conflicts: j.rows.conflicts });

  return (
    <ListPage
      list={list}
      testId="registry-imports-table"
      size="small"
      header={
        <>
          <Typography.Text type="secondary">{t('registry.importHint')}</Typography.Text>
          {canManage && (
            <div data-testid="registry-import-upload">
              <Upload
                accept=".csv,text/csv"
                showUploadList={false}
                maxCount={1}
                beforeUpload={(file) => {
                  void upload(file);
                  return false;
                }}
              >
                <Button type="primary" loading={uploading} data-testid="registry-import-button">
                  {t('registry.importUpload')}
                </Button>
              </Upload>
            </div>
          )}
          {job && (
            <Card size="small" data-testid="registry-import-job" title={`${t('registry.importJob')} ${job.fileName ?? job.id}`}>
              <Flex vertical gap={8}>
                <Space>
                  <RegistryStatusTag status={job.status} testId="registry-import-status" />
                  <span data-testid="registry-import-rows">{rowsText(job)}</span>
                </Space>
                {job.error && <Alert type="error" showIcon title={job.error.message} data-testid="registry-import-error" />}
                {!underWay && job.rows.failed > 0 && (
                  <Button onClick={() => void downloadErrors(job.id)} data-testid="registry-import-errors" style={{ alignSelf: 'flex-start' }}>
                    {t('registry.importErrors')}
                  </Button>
                )}
              </Flex>
            </Card>
          )}
        </>
      }
      errorTestId="registry-imports-error"
      columns={[
        { ...nowrap, key: 'createdAt', title: t('registry.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, lang) },
        { ...nowrap, key: 'fileName', title: t('registry.fileName'), dataIndex: 'fileName', render: (v: string | null) => v ?? '—' },
        { ...nowrap, key: 'status', title: t('registry.field.status'), dataIndex: 'status', render: (v: string) => <RegistryStatusTag status={v} /> },
        { key: 'rows', title: t('registry.importProgress'), render: (_: unknown, r: ImportJob) => rowsText(r) },
        {
          ...nowrap,
          key: 'actions',
          title: t('common.actions'),
          render: (_: unknown, r: ImportJob) =>
            r.rows.failed > 0 ? (
              <Typography.Link onClick={() => void downloadErrors(r.id)} data-testid={`registry-import-errors-${r.id}`}>
                {t('registry.importErrors')}
              </Typography.Link>
            ) : null,
        },
      ]}
    />
  );
}
