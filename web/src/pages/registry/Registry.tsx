import { Alert, App, Button, Card, Descriptions, Drawer, Flex, Form, Input, Select, Space, Table, Tabs, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, errorMessage, saveBlob, type Page } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { usePagedQuery, useQuery } from '../../components/queries';
import { formatTime } from '../../components/Tags';
import { upperCase, useRules } from '../../forms';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { PERSON_CATEGORIES, RegistryStatusTag, useFieldLabel, useFieldValue, type Conflict, type Person } from './common';
import { nowrap } from '../../components/table';

interface HistoryEntry {
  id: number;
  action: string;
  at: string;
  actor: { id: string | null; kind: string };
  source: string;
  sourceRef: string | null;
  changes: { field: string; from: string | null; to: string | null }[];
}

interface CreateForm {
  idNumber: string;
  name: string;
  birthDate?: string;
  sex?: 'male' | 'female';
  phone?: string;
  regionCode: string;
  category: string;
}

/** POST /registry/persons: 201 the person, 202 a conflict case (the number is on file with another name) */
type Created = Person | { status: 'conflict'; conflict: Pick<Conflict, 'id' | 'status'> };


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
  const [nameInput, setNameInput] = useState('');
  const [filters, setFilters] = useState<{ name: string; category?: string; status?: string }>({ name: '' });
  const { items, loading, error, reload, setPage, pagination } = usePagedQuery(
    useCallback(
      (page: number, pageSize: number) =>
        api.get<Page<Person>>('/registry/persons', { query: { page, pageSize, name: filters.name.trim(), category: filters.category, status: filters.status } }),
      [filters],
    ),
  );
  const [detailId, setDetailId] = useState<string | null>(null);
  const [lookupInput, setLookupInput] = useState('');
  const [lookingUp, setLookingUp] = useState(false);

  const filter = (next: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...next }));
    setPage(1);
  };

  // POST, so the identity number stays out of addresses and logs
  const lookup = async (value: string) => {
    const idNumber = value.trim().toUpperCase();
    if (!idNumber) return;
    setLookingUp(true);
    try {
      const person = await api.post<Person>('/registry/persons/lookup', { idNumber });
      setDetailId(person.id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setLookingUp(false);
    }
  };

  const createModal = useFormModal<CreateForm>(['idNumber', 'name', 'birthDate', 'sex', 'phone', 'regionCode', 'category'], async (v, { form, close }) => {
    const body = {
      idNumber: v.idNumber.trim().toUpperCase(),
      name: v.name.trim(),
      regionCode: v.regionCode.trim(),
      category: v.category,
      ...(v.birthDate?.trim() ? { birthDate: v.birthDate.trim() } : {}),
      ...(v.sex ? { sex: v.sex } : {}),
      ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
    };
    const answer = await api.post<Created>('/registry/persons', body);
    close();
    form.resetFields();
    await reload();
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
    <Flex vertical gap={16}>
      <Flex wrap gap={12} justify="space-between">
        <Space wrap>
          <Input.Search
            data-testid="registry-name-filter"
            aria-label={t('registry.filterName')}
            placeholder={t('registry.filterName')}
            allowClear
            style={{ width: 200 }}
            value={nameInput}
            onChange={(e) => setNameInput(e.target.value)}
            onSearch={(v) => filter({ name: v })}
          />
          <Select
            data-testid="registry-category-filter"
            aria-label={t('registry.field.category')}
            placeholder={t('registry.field.category')}
            allowClear
            style={{ width: 150 }}
            options={categoryOptions}
            value={filters.category}
            onChange={(v?: string) => filter({ category: v })}
          />
          <Select
            data-testid="registry-status-filter"
            aria-label={t('registry.field.status')}
            placeholder={t('registry.field.status')}
            allowClear
            style={{ width: 120 }}
            options={['active', 'cancelled'].map((s) => ({ value: s, label: fieldValue('status', s) }))}
            value={filters.status}
            onChange={(v?: string) => filter({ status: v })}
          />
          <Input.Search
            data-testid="registry-id-lookup"
            aria-label={t('registry.lookup')}
            placeholder={t('registry.lookup')}
            enterButton={t('registry.lookupButton')}
            loading={lookingUp}
            style={{ width: 320 }}
            maxLength={18}
            autoComplete="off"
            value={lookupInput}
            onChange={(e) => setLookupInput(e.target.value)}
            onSearch={lookup}
          />
        </Space>
        {canManage && (
          <Button type="primary" onClick={openCreate} data-testid="registry-person-create">
            {t('registry.createPerson')}
          </Button>
        )}
      </Flex>
      {error !== null && <Alert type="error" showIcon title={error} data-testid="registry-error" />}
      <Table<Person>
        data-testid="registry-persons-table"
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={items}
        pagination={pagination}
        scroll={{ x: 'max-content' }}
        columns={[
          { ...nowrap, key: 'name', title: t('registry.field.name'), dataIndex: 'name' },
          { ...nowrap, key: 'idNumber', title: t('registry.field.idNumber'), dataIndex: 'idNumber' },
          { ...nowrap, key: 'sex', title: t('registry.field.sex'), dataIndex: 'sex', render: (v: string | null) => fieldValue('sex', v) },
          { ...nowrap, key: 'birthDate', title: t('registry.field.birthDate'), dataIndex: 'birthDate' },
          { ...nowrap, key: 'regionCode', title: t('registry.field.regionCode'), dataIndex: 'regionCode' },
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
        <Form.Item name="regionCode" label={t('registry.field.regionCode')} rules={[rules.required('registry.field.regionCode'), rules.regionCode]}>
          <Input data-testid="registry-person-region" maxLength={6} autoComplete="off" aria-label={t('registry.field.regionCode')} />
        </Form.Item>
        <Form.Item name="category" label={t('registry.field.category')} rules={[rules.requiredSelect('registry.field.category')]}>
          <Select data-testid="registry-person-category" aria-label={t('registry.field.category')} options={categoryOptions} />
        </Form.Item>
        <Form.Item name="birthDate" label={t('registry.field.birthDate')} extra={t('registry.birthDateHint')} rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: t('registry.dateFormat') }]}>
          <Input data-testid="registry-person-birth-date" maxLength={10} placeholder="YYYY-MM-DD" autoComplete="off" aria-label={t('registry.field.birthDate')} />
        </Form.Item>
        <Form.Item name="sex" label={t('registry.field.sex')}>
          <Select
            data-testid="registry-person-sex"
            aria-label={t('registry.field.sex')}
            allowClear
            options={['male', 'female'].map((s) => ({ value: s, label: fieldValue('sex', s) }))}
          />
        </Form.Item>
        <Form.Item name="phone" label={t('registry.field.phone')} rules={[rules.phone]}>
          <Input data-testid="registry-person-phone" maxLength={11} autoComplete="off" aria-label={t('registry.field.phone')} />
        </Form.Item>
      </FormModal>
      <PersonDrawer id={detailId} onClose={() => setDetailId(null)} />
    </Flex>
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
  const load = useCallback(
    async () => {
      const [person, history] = await Promise.all([api.get<Person>(`/registry/persons/${id}`), api.get<HistoryEntry[]>(`/registry/persons/${id}/history`)]);
      return { person, history };
    },
    [id],
  );
  const { data, loading, error } = useQuery<{ person: Person; history: HistoryEntry[] } | null>(load, null);
  if (error !== null) return <Alert type="error" showIcon title={error} data-testid="registry-person-error" />;
  if (!data) return <Typography.Text type="secondary">{loading ? t('app.loading') : ''}</Typography.Text>;
  const { person, history } = data;
  const show = (field: keyof Person) => ({ key: field, label: fieldLabel(field), children: <span data-testid={`registry-detail-${field}`}>{fieldValue(field, person[field])}</span> });
  return (
    <Flex vertical gap={16} data-testid="registry-person-detail">
      <Typography.Text type="secondary">{t('registry.maskedHint')}</Typography.Text>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          show('name'),
          show('idNumber'),
          show('birthDate'),
          show('sex'),
          show('phone'),
          show('regionCode'),
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
      <Table<HistoryEntry>
        data-testid="registry-history-table"
        rowKey="id"
        size="small"
        dataSource={history}
        pagination={false}
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

interface ImportJob {
  id: string;
  status: 'receiving' | 'queued' | 'running' | 'completed' | 'failed' | 'interrupted';
  source: string;
  fileName: string | null;
  bytes: number;
  rows: { read: number; committed: number; unchanged: number; failed: number; conflicts: number };
  error: { code: string; message: string } | null;
  createdAt: string;
  finishedAt: string | null;
}

const UNDER_WAY = new Set(['receiving', 'queued', 'running']);

function ImportsTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { permissions } = useSession();
  const canManage = permissions.has('registry.manage');
  const { items, loading, error, reload, pagination } = usePagedQuery(
    useCallback((page: number, pageSize: number) => api.get<Page<ImportJob>>('/registry/imports', { query: { page, pageSize } }), []),
  );
  const [job, setJob] = useState<ImportJob | null>(null);
  const [uploading, setUploading] = useState(false);

  // follow the job until it is done
  const jobId = job?.id;
  const underWay = job ? UNDER_WAY.has(job.status) : false;
  useEffect(() => {
    if (!jobId || !underWay) return undefined;
    const timer = setInterval(() => {
      api
        .get<ImportJob>(`/registry/imports/${jobId}`)
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
      setJob(await api.upload<ImportJob>('/registry/imports', file, 'text/csv', { query: { fileName: file.name.slice(0, 200) } }));
      await reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };

  const downloadErrors = async (id: string) => {
    try {
      saveBlob(await api.download(`/registry/imports/${id}/errors.csv`), `${id}-errors.csv`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.detail : errorMessage(e));
    }
  };

  const rowsText = (j: ImportJob) =>
    t('registry.importRows', { read: j.rows.read, committed: j.rows.committed, unchanged: j.rows.unchanged, failed: j.rows.failed, conflicts: j.rows.conflicts });

  return (
    <Flex vertical gap={16}>
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
      {error !== null && <Alert type="error" showIcon title={error} data-testid="registry-imports-error" />}
      <Table<ImportJob>
        data-testid="registry-imports-table"
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={pagination}
        scroll={{ x: 'max-content' }}
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
    </Flex>
  );
}
