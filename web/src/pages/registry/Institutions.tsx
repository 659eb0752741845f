/**
 * 定点医药机构 the designated medical institutions and pharmacies of the clerk's region: the list with
 * its filters, 新增 / 变更 (by version: a change made meanwhile is refused and the list reloads), and
 * 批量导入 from CSV or Excel with each refused row shown (row number, field, reason).
 */
import { Alert, App, Button, Card, Flex, Form, Input, Select, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api, ApiError, errorMessage, type BodyOf, type ItemOf, type ResponseOf } from '../../api';
import { FormModal, useFormModal } from '../../components/FormModal';
import { ListPage } from '../../components/ListPage';
import { usePagedList } from '../../components/queries';
import { nowrap } from '../../components/table';
import { formatTime } from '../../components/Tags';
import { upperCase, useRules } from '../../forms';
import { useI18n } from '../../i18n';
import { useSession } from '../../session';
import { ResponsiveTable } from '../../components/ResponsiveTable';

export type Institution = ItemOf<'/api/v1/registry/institutions'>;
type CreateBody = BodyOf<'/api/v1/registry/institutions', 'post'>;
type ImportResult = ResponseOf<'/api/v1/registry/institutions/imports', 'post'>;

/** src/centers/registry/institution-rules.ts: H codes take the medical kinds, P codes the pharmacies */
const MEDICAL_KINDS: Institution['kind'][] = ['general_hospital', 'specialty_hospital', 'tcm_hospital', 'primary_care', 'clinic'];
const PHARMACY_KINDS: Institution['kind'][] = ['retail_pharmacy', 'chain_pharmacy'];
const LEVELS = [0, 1, 2, 3] as const;
const AGREEMENT_STATUSES: Institution['agreementStatus'][] = ['active', 'suspended', 'terminated'];
const STATUS_COLORS: Record<Institution['agreementStatus'], string> = { active: 'green', suspended: 'orange', terminated: 'default' };
const CODE_PATTERN = /^[HP]\d{11}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface InstitutionForm {
  code: string;
  name: string;
  kind: Institution['kind'];
  creditCode: string;
  level: Institution['level'];
  agreementStatus: Institution['agreementStatus'];
  agreementFrom: string;
  agreementTo: string;
  address?: string;
}

const FIELDS = ['code', 'name', 'kind', 'creditCode', 'regionCode', 'level', 'agreementStatus', 'agreementFrom', 'agreementTo', 'address'];

/** The calendar day in China, as the server judges agreements. */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export function useInstitutionLabels() {
  const { t, tx } = useI18n();
  return {
    kind: (k: string) => tx(`institutions.kind.${k}`, k),
    level: (l: number) => tx(`institutions.level.${l}`, String(l)),
    status: (s: string) => tx(`institutions.status.${s}`, s),
    field: (f: string) => tx(`institutions.field.${f}`, f),
    t,
  };
}

export function AgreementTag({ institution, testId }: { institution: Pick<Institution, 'agreementStatus' | 'agreementFrom' | 'agreementTo'>; testId?: string }) {
  const labels = useInstitutionLabels();
  const today = chinaToday();
  const outside = institution.agreementStatus === 'active' && (today < institution.agreementFrom || today > institution.agreementTo);
  return (
    <Tag color={outside ? 'red' : STATUS_COLORS[institution.agreementStatus]} data-testid={testId} data-status={institution.agreementStatus}>
      {outside ? labels.t('institutions.outsidePeriod') : labels.status(institution.agreementStatus)}
    </Tag>
  );
}

export default function InstitutionsPage() {
  const { t, lang } = useI18n();
  const labels = useInstitutionLabels();
  const rules = useRules();
  const { message } = App.useApp();
  const { permissions } = useSession();
  const canManage = permissions.has('registry.manage');
  const list = usePagedList('/api/v1/registry/institutions');
  const [editing, setEditing] = useState<Institution | null>(null);
  const [uploading, setUploading] = useState(false);
  const [imported, setImported] = useState<{ fileName: string; result: ImportResult } | null>(null);

  const modal = useFormModal<InstitutionForm>(FIELDS, async (v, { form, close }) => {
    const common = {
      name: v.name.trim(),
      kind: v.kind,
      creditCode: v.creditCode.trim().toUpperCase(),
      level: v.level,
      agreementStatus: v.agreementStatus,
      agreementFrom: v.agreementFrom.trim(),
      agreementTo: v.agreementTo.trim(),
      address: v.address?.trim() ?? '',
    };
    try {
      if (editing) {
        await api.patch('/api/v1/registry/institutions/{code}', { ...common, version: editing.version }, { path: { code: editing.code } });
      } else {
        const body: CreateBody = { code: v.code.trim().toUpperCase(), ...common };
        await api.post('/api/v1/registry/institutions', body);
      }
    } catch (e) {
      // changed meanwhile: show the current record before the clerk tries again
      if (e instanceof ApiError && e.code === 'registry.version_mismatch') {
        close();
        await list.reload();
      }
      throw e;
    }
    close();
    form.resetFields();
    message.success(t(editing ? 'institutions.saved' : 'institutions.created'));
    await list.reload();
  });

  const openCreate = () => {
    setEditing(null);
    modal.form.resetFields();
    modal.form.setFieldsValue({ agreementStatus: 'active', level: 0 });
    modal.show();
  };
  const openEdit = (institution: Institution) => {
    setEditing(institution);
    modal.form.resetFields();
    modal.form.setFieldsValue({ ...institution });
    modal.show();
  };

  const upload = async (file: File) => {
    setUploading(true);
    try {
      const excel = file.name.toLowerCase().endsWith('.xlsx');
      const result = await api.upload('/api/v1/registry/institutions/imports', file, excel ? XLSX : 'text/csv');
      setImported({ fileName: file.name, result });
      await list.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };

  const code = Form.useWatch('code', modal.form) as string | undefined;
  const letter = editing ? editing.code[0] : code?.[0];
  const kinds = letter === 'P' ? PHARMACY_KINDS : letter === 'H' ? MEDICAL_KINDS : [...MEDICAL_KINDS, ...PHARMACY_KINDS];

  return (
    <Card title={<span data-testid="page-title">{t('institutions.title')}</span>}>
      <ListPage
        list={list}
        testId="institutions-table"
        rowKey="code"
        header={<Typography.Text type="secondary">{t('institutions.hint')}</Typography.Text>}
        filters={[
          { type: 'search', name: 'q', testId: 'institutions-q-filter', label: t('institutions.filterQ'), maxLength: 50, width: 220 },
          { type: 'select', name: 'level', testId: 'institutions-level-filter', label: labels.field('level'), width: 120, options: LEVELS.map((l) => ({ value: l, label: labels.level(l) })) },
          {
            type: 'select',
            name: 'kind',
            testId: 'institutions-kind-filter',
            label: labels.field('kind'),
            width: 160,
            options: [...MEDICAL_KINDS, ...PHARMACY_KINDS].map((k) => ({ value: k, label: labels.kind(k) })),
          },
          {
            type: 'select',
            name: 'agreementStatus',
            testId: 'institutions-status-filter',
            label: labels.field('agreementStatus'),
            width: 150,
            options: AGREEMENT_STATUSES.map((s) => ({ value: s, label: labels.status(s) })),
          },
        ]}
        actions={
          canManage && (
            <Space wrap>
              <Upload
                accept=".csv,.xlsx,text/csv"
                showUploadList={false}
                maxCount={1}
                beforeUpload={(file) => {
                  void upload(file);
                  return false;
                }}
              >
                <Button loading={uploading} data-testid="institutions-import">
                  {t('institutions.import')}
                </Button>
              </Upload>
              <Button type="primary" onClick={openCreate} data-testid="institutions-create">
                {t('institutions.create')}
              </Button>
            </Space>
          )
        }
        above={imported && <ImportOutcome fileName={imported.fileName} result={imported.result} onClose={() => setImported(null)} />}
        errorTestId="institutions-error"
        columns={[
          { ...nowrap, key: 'code', title: labels.field('code'), dataIndex: 'code', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
          { key: 'name', title: labels.field('name'), dataIndex: 'name' },
          { ...nowrap, key: 'kind', title: labels.field('kind'), dataIndex: 'kind', render: (v: string) => labels.kind(v) },
          { ...nowrap, key: 'level', title: labels.field('level'), dataIndex: 'level', render: (v: number) => labels.level(v) },
          { ...nowrap, key: 'regionCode', title: labels.field('regionCode'), dataIndex: 'regionCode' },
          {
            ...nowrap,
            key: 'agreement',
            title: t('institutions.agreement'),
            render: (_: unknown, r: Institution) => (
              <Space size={4}>
                <AgreementTag institution={r} testId={`institutions-status-${r.code}`} />
                <span>
                  {r.agreementFrom} ~ {r.agreementTo}
                </span>
              </Space>
            ),
          },
          { ...nowrap, key: 'updatedAt', title: t('institutions.updatedAt'), dataIndex: 'updatedAt', render: (v: string) => formatTime(v, lang) },
          ...(canManage
            ? [
                {
                  ...nowrap,
                  key: 'actions',
                  title: t('common.actions'),
                  render: (_: unknown, r: Institution) => (
                    <Typography.Link onClick={() => openEdit(r)} data-testid={`institutions-edit-${r.code}`}>
                      {t('institutions.edit')}
                    </Typography.Link>
                  ),
                },
              ]
            : []),
        ]}
      />
      <FormModal
        modal={modal}
        title={editing ? `${t('institutions.edit')} ${editing.code}` : t('institutions.create')}
        name="institution"
        submitTestId="institution-submit"
        forceRender
      >
        <Form.Item
          name="code"
          label={labels.field('code')}
          extra={editing ? undefined : t('institutions.codeHint')}
          getValueFromEvent={upperCase}
          rules={editing ? [] : [{ required: true, whitespace: true, message: t('common.required', { label: labels.field('code') }) }, { pattern: CODE_PATTERN, message: t('institutions.codeFormat') }]}
        >
          <Input data-testid="institution-code" maxLength={12} autoComplete="off" disabled={editing !== null} aria-label={labels.field('code')} placeholder="H41130200746" />
        </Form.Item>
        <Form.Item name="name" label={labels.field('name')} rules={[{ required: true, whitespace: true, message: t('common.required', { label: labels.field('name') }) }, { min: 2, max: 100 }]}>
          <Input data-testid="institution-name" maxLength={100} autoComplete="off" aria-label={labels.field('name')} />
        </Form.Item>
        <Form.Item name="kind" label={labels.field('kind')} rules={[{ required: true, message: t('common.requiredSelect', { label: labels.field('kind') }) }]}>
          <Select data-testid="institution-kind" aria-label={labels.field('kind')} options={kinds.map((k) => ({ value: k, label: labels.kind(k) }))} />
        </Form.Item>
        <Form.Item
          name="level"
          label={labels.field('level')}
          extra={letter === 'P' ? t('institutions.pharmacyLevel') : undefined}
          rules={[{ required: true, message: t('common.requiredSelect', { label: labels.field('level') }) }]}
        >
          <Select data-testid="institution-level" aria-label={labels.field('level')} options={(letter === 'P' ? [0] : LEVELS).map((l) => ({ value: l, label: labels.level(l) }))} />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={labels.field('creditCode')}
          getValueFromEvent={upperCase}
          rules={[{ required: true, whitespace: true, message: t('common.required', { label: labels.field('creditCode') }) }, rules.creditCode]}
        >
          <Input data-testid="institution-credit-code" maxLength={18} autoComplete="off" aria-label={labels.field('creditCode')} />
        </Form.Item>
        <Form.Item name="agreementStatus" label={labels.field('agreementStatus')} rules={[{ required: true }]}>
          <Select data-testid="institution-status" aria-label={labels.field('agreementStatus')} options={AGREEMENT_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="agreementFrom"
            label={labels.field('agreementFrom')}
            style={{ flex: '1 1 140px' }}
            rules={[{ required: true, message: t('common.required', { label: labels.field('agreementFrom') }) }, { pattern: DATE_PATTERN, message: t('registry.dateFormat') }]}
          >
            <Input data-testid="institution-from" maxLength={10} placeholder="YYYY-MM-DD" autoComplete="off" aria-label={labels.field('agreementFrom')} />
          </Form.Item>
          <Form.Item
            name="agreementTo"
            label={labels.field('agreementTo')}
            style={{ flex: '1 1 140px' }}
            dependencies={['agreementFrom']}
            rules={[
              { required: true, message: t('common.required', { label: labels.field('agreementTo') }) },
              { pattern: DATE_PATTERN, message: t('registry.dateFormat') },
              ({ getFieldValue }) => ({
                validator: (_rule, value?: string) => {
                  const from = getFieldValue('agreementFrom') as string | undefined;
                  return !value || !from || from <= value ? Promise.resolve() : Promise.reject(new Error(t('institutions.periodInvalid')));
                },
              }),
            ]}
          >
            <Input data-testid="institution-to" maxLength={10} placeholder="YYYY-MM-DD" autoComplete="off" aria-label={labels.field('agreementTo')} />
          </Form.Item>
        </Flex>
        <Form.Item name="address" label={labels.field('address')} rules={[{ max: 200 }]}>
          <Input data-testid="institution-address" maxLength={200} autoComplete="off" aria-label={labels.field('address')} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

/** What an import wrote, and each refused row (row number, field, reason). */
function ImportOutcome({ fileName, result, onClose }: { fileName: string; result: ImportResult; onClose: () => void }) {
  const { t } = useI18n();
  const labels = useInstitutionLabels();
  return (
    <Card
      size="small"
      data-testid="institutions-import-result"
      title={`${t('institutions.importResult')} ${fileName}`}
      extra={
        <Typography.Link onClick={onClose} data-testid="institutions-import-close">
          {t('institutions.close')}
        </Typography.Link>
      }
    >
      <Flex vertical gap={8}>
        <span data-testid="institutions-import-counts">
          {t('institutions.importCounts', { rows: result.rows, created: result.created, changed: result.changed, unchanged: result.unchanged, failed: result.errorCount })}
        </span>
        {result.errorCount > 0 && (
          <>
            <Alert type="warning" showIcon title={t('institutions.importErrors', { count: result.errorCount })} />
            <ResponsiveTable
              data-testid="institutions-import-errors"
              size="small"
              rowKey={(e) => `${e.row}:${e.field}:${e.code}`}
              pagination={result.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
              scroll={{ x: 'max-content' }}
              dataSource={result.errors}
              columns={[
                { ...nowrap, key: 'row', title: t('institutions.row'), dataIndex: 'row' },
                { ...nowrap, key: 'field', title: t('institutions.column'), dataIndex: 'field', render: (v: string) => labels.field(v) },
                { key: 'message', title: t('institutions.reason'), dataIndex: 'message' },
              ]}
            />
          </>
        )}
      </Flex>
    </Card>
  );
}
