/** What the personal hall's pages share: the answers of src/centers/personal, the enrollment status tag, and the refusals every page explains. */
import { Alert, Button, Flex, Tag } from 'antd';
import { ApiError, type ItemOf, type ResponseOf } from '../../api';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';

/** GET /personal/me: the registry record (masked), enrollments of every kind, identities */
export type PersonalOverview = ResponseOf<'/api/v1/personal/me'>;
export type Identity = PersonalOverview['identities'][number];
/** GET /personal/enrollments: each enrollment with its dated status changes and declared bases */
export type EnrollmentDetail = ItemOf<'/api/v1/personal/enrollments'>;

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

/** Not in the registry yet: what a first visit (首次申办) is, and the way to make one. */
export function NotRegistered() {
  const { t } = useI18n();
  return (
    <Alert
      type="info"
      showIcon
      data-testid="personal-not-registered"
      title={t('personal.notRegistered')}
      description={
        // the button under the text, not beside it: a phone keeps the text's width
        <Flex vertical gap={8} align="start">
          <span>{t('firstVisit.howTo')}</span>
          <Button type="primary" onClick={() => navigate('/personal/applications')} data-testid="personal-first-visit-go">
            {t('firstVisit.go')}
          </Button>
        </Flex>
      }
    />
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
  if (cause instanceof ApiError && cause.code === 'personal.not_registered') return <NotRegistered />;
  return <Alert type="error" showIcon data-testid="personal-error" title={error} />;
}
