/** Persons' applications (参保申请, src/centers/enrollment): the labels, the status tag; shared by the person's and the clerk's pages. */
import { Descriptions, Flex, Tag, Typography } from 'antd';
import type { ItemOf } from '../../api';
import { formatTime } from '../../components/Tags';
import { yuan } from '../../components/format';
import { useInsuranceTypeLabels } from '../../components/insurance';
import { RegionName } from '../../components/RegionCascader';
import { useI18n } from '../../i18n';

type ClerkApplication = ItemOf<'/api/v1/enrollment/applications'>;
/** An application as the clerk (GET /enrollment/applications/{id}) and the person (GET /personal/applications/{id}) read it; only the clerk's names the applicant (masked). */
export type Application = Omit<ClerkApplication, 'applicant' | 'declared' | 'declaredEntity'> & {
  applicant?: ClerkApplication['applicant'];
  declared?: ClerkApplication['declared'];
  declaredEntity?: ClerkApplication['declaredEntity'];
};
export type ApplicationKind = Application['kind'];

/** src/centers/enrollment/rules.ts APPLICATION_KINDS (单位参保登记 last: a unit's first visit) */
export const APPLICATION_KINDS: ApplicationKind[] = ['flexible_enrollment', 'resident_enrollment', 'flexible_suspension', 'unit_enrollment'];
/** src/centers/enrollment/rules.ts PERSON_APPLICATION_KINDS: what a person applies for */
export const PERSON_APPLICATION_KINDS = ['flexible_enrollment', 'resident_enrollment', 'flexible_suspension'] as const satisfies readonly ApplicationKind[];
/** src/centers/enrollment/rules.ts APPLICATION_STATUSES */
export const APPLICATION_STATUSES: Application['status'][] = ['submitted', 'approved', 'rejected', 'withdrawn'];

const STATUS_COLORS: Record<string, string> = { submitted: 'processing', approved: 'green', rejected: 'red', withdrawn: 'default' };

export function ApplicationStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { tx } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {tx(`application.status.${status}`, status)}
    </Tag>
  );
}

/** Who applied, as far as the answer says (the masked name, declared on a first visit, else the person's id). */
export const applicantOf = (a: Application): string => a.applicant?.name ?? a.declared?.name ?? a.declaredEntity?.name ?? a.personId ?? '—';

/** 首次申办 the tag of an application that carries the applicant's registry record. */
export function FirstVisitTag({ application }: { application: Application }) {
  const { t } = useI18n();
  return application.declared || application.declaredEntity ? (
    <Tag color="gold" data-testid={`first-visit-${application.id}`}>
      {t('firstVisit.tag')}
    </Tag>
  ) : null;
}

/** 首次申办 the registry record the application carries, as the clerk confirms it (masked as the applicant's is). */
export function DeclaredDescriptions({ declared, registered }: { declared: NonNullable<Application['declared']>; registered: boolean }) {
  const { t } = useI18n();
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      data-testid="application-declared"
      title={t('firstVisit.declared')}
      extra={registered ? null : <Typography.Text type="secondary">{t('firstVisit.approveHint')}</Typography.Text>}
      items={[
        { key: 'name', label: t('field.name'), children: <span data-testid="application-declared-name">{declared.name}</span> },
        { key: 'idNumber', label: t('field.idNumber'), children: <span data-testid="application-declared-id-number">{declared.idNumber}</span> },
        { key: 'birthDate', label: t('registry.field.birthDate'), children: <span data-testid="application-declared-birth-date">{declared.birthDate}</span> },
        { key: 'sex', label: t('registry.field.sex'), children: t(`registry.sex.${declared.sex}`) },
        { key: 'phone', label: t('field.phone'), children: declared.phone ?? '—' },
        { key: 'regionCode', label: t('firstVisit.region'), children: <RegionName code={declared.regionCode} /> },
        { key: 'address', label: t('firstVisit.address'), children: <span data-testid="application-declared-address">{declared.address}</span> },
      ]}
    />
  );
}

/** 单位首次申办 the legal-entity record a unit's application carries, as the clerk confirms it. */
export function DeclaredEntityDescriptions({ declared, registered }: { declared: NonNullable<Application['declaredEntity']>; registered: boolean }) {
  const { t, tx } = useI18n();
  return (
    <Descriptions
      bordered
      size="small"
      column={1}
      data-testid="application-declared-entity"
      title={t('firstVisit.declaredEntity')}
      extra={registered ? null : <Typography.Text type="secondary">{t('firstVisit.approveEntityHint')}</Typography.Text>}
      items={[
        { key: 'creditCode', label: t('field.creditCode'), children: <span data-testid="application-declared-credit-code">{declared.creditCode}</span> },
        { key: 'name', label: t('field.unitName'), children: declared.name },
        { key: 'type', label: t('unitInfo.type'), children: tx(`entityType.${declared.type}`, declared.type) },
        { key: 'legalRep', label: t('unitInfo.legalRepName'), children: declared.legalRepresentative.name },
        { key: 'legalRepId', label: t('unitInfo.legalRepIdNumber'), children: declared.legalRepresentative.idNumber },
        { key: 'regionCode', label: t('registry.field.regionCode'), children: <RegionName code={declared.regionCode} /> },
        { key: 'address', label: t('firstVisit.address'), children: declared.address },
      ]}
    />
  );
}

/** An application's fields as a description list. */
export function ApplicationDescriptions({ application: a, showApplicant = false }: { application: Application; showApplicant?: boolean }) {
  const { t, tx, lang } = useI18n();
  const types = useInsuranceTypeLabels();
  const descriptions = (
    <Descriptions
      bordered
      size="small"
      column={1}
      data-testid="application-detail"
      items={[
        { key: 'kind', label: t('application.kind'), children: tx(`application.kind.${a.kind}`, a.kind) },
        { key: 'status', label: t('application.status'), children: <ApplicationStatusTag status={a.status} testId="application-detail-status" /> },
        ...(showApplicant
          ? [
              { key: 'person', label: t('application.applicant'), children: <span data-testid="application-detail-person">{applicantOf(a)}</span> },
              ...(a.applicant ? [{ key: 'idNumber', label: t('field.idNumber'), children: a.applicant.idNumber }] : []),
            ]
          : []),
        { key: 'insuranceType', label: t('application.insuranceType'), children: types.label(a.insuranceType) },
        { key: 'regionCode', label: t('application.regionCode'), children: <RegionName code={a.regionCode} /> },
        { key: 'fromMonth', label: t(a.kind === 'flexible_suspension' ? 'application.suspendFrom' : 'application.fromMonth'), children: a.fromMonth },
        ...(a.monthlyBaseFen !== null ? [{ key: 'base', label: t('application.monthlyBase'), children: <span data-testid="application-detail-base">{yuan(a.monthlyBaseFen)}</span> }] : []),
        ...(a.reason ? [{ key: 'reason', label: t('application.reason'), children: a.reason }] : []),
        { key: 'submittedAt', label: t('application.submittedAt'), children: formatTime(a.submittedAt, lang) },
        ...(a.review
          ? [
              { key: 'reviewedAt', label: t('application.reviewedAt'), children: formatTime(a.review.at, lang) },
              { key: 'note', label: t('application.reviewNote'), children: <span data-testid="application-detail-note">{a.review.note || '—'}</span> },
            ]
          : []),
      ]}
    />
  );
  if (!a.declared && !a.declaredEntity) return descriptions;
  return (
    <Flex vertical gap={16}>
      {descriptions}
      {a.declared && <DeclaredDescriptions declared={a.declared} registered={a.personId !== null} />}
      {a.declaredEntity && <DeclaredEntityDescriptions declared={a.declaredEntity} registered={a.status === 'approved'} />}
    </Flex>
  );
}
