/** What the personal hall's pages share: the shapes of src/centers/personal, the enrollment status tag, and the refusals every page explains. */
import { Alert, Button, Select, Tag } from 'antd';
import { ApiError } from '../../api';
import { yearOptions } from '../../components/format';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';

/** GET /personal/me: the registry record (masked), enrollments of every kind, identities */
export interface PersonalOverview {
  /** false when the registry holds no person with the account's identity number */
  registered: boolean;
  person: {
    id: string;
    name: string;
    idNumber: string;
    birthDate: string;
    sex: 'male' | 'female' | null;
    phone: string | null;
    regionCode: string;
    category: string;
    status: string;
  } | null;
  enrollments: {
    id: string;
    kind: 'employee' | 'flexible' | 'resident';
    insuranceType: string;
    regionCode: string;
    fromMonth: string;
    status: string;
    unit: { entityId: string; name: string | null } | null;
  }[];
  identities: Identity[];
}

export interface Identity {
  id: string;
  code: string;
  startDate: string;
  endDate: string | null;
}

/** GET /personal/enrollments: each enrollment with its dated status changes and declared bases */
export interface EnrollmentDetail {
  id: string;
  kind: 'employee' | 'flexible' | 'resident';
  entityId: string | null;
  unitName: string | null;
  insuranceType: string;
  regionCode: string;
  fromMonth: string;
  status: string;
  changes: { month: string; status: string }[];
  wages: { year: number; declaredFen: number; baseFen: number; lowerFen: number; upperFen: number; applied: string; ruleCode: string | null; declaredAt: string }[];
}

const STATUS_COLORS: Record<string, string> = { active: 'green', suspended: 'orange', removed: 'default' };

/** 参保状态 of an enrollment: 参保缴费 / 暂停缴费 / 终止参保. */
export function EnrollmentStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { tx } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {tx(`enrollment.status.${status}`, status)}
    </Tag>
  );
}

/**
 * Why a personal page shows nothing: not yet real-name verified (the personal APIs need L2, the
 * profile page raises it), not in the registry, or any other failure as the server said it.
 */
export function PersonalError({ cause, error }: { cause: unknown; error: string | null }) {
  const { t } = useI18n();
  if (error === null) return null;
  if (cause instanceof ApiError && cause.code === 'auth.level_required') {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="personal-verify-first"
        title={t('personal.verifyFirst')}
        description={error}
        action={
          <Button size="small" type="primary" onClick={() => navigate('/profile?tab=verify')} data-testid="personal-verify-go">
            {t('personal.verifyGo')}
          </Button>
        }
      />
    );
  }
  if (cause instanceof ApiError && cause.code === 'personal.not_registered') {
    return <Alert type="info" showIcon data-testid="personal-not-registered" title={t('personal.notRegistered')} description={error} />;
  }
  return <Alert type="error" showIcon data-testid="personal-error" title={error} />;
}

/** GET /personal/account items (and /personal/benefits): signed amounts, credits positive */
export interface AccountEntry {
  id: number;
  kind: string;
  amountFen: number;
  month: string;
  insuranceType: string | null;
  sourceRef: string;
  createdAt: string;
}

/** A year to look at: the last twelve, newest first; cleared means every year when `allowClear`. */
export function YearSelect({ value, onChange, allowClear = false, testId }: { value?: number; onChange: (year?: number) => void; allowClear?: boolean; testId: string }) {
  const { t } = useI18n();
  return (
    <Select<number>
      data-testid={testId}
      aria-label={t('personal.year')}
      placeholder={allowClear ? t('personal.allYears') : t('personal.year')}
      allowClear={allowClear}
      style={{ width: 140 }}
      value={value}
      onChange={(v?: number) => onChange(v ?? undefined)}
      options={yearOptions(12)}
    />
  );
}
