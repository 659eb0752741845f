/** What the unit hall's pages share: the unit's record (src/centers/unit) and the refusals every page explains. */
import { Alert } from 'antd';
import { api, ApiError, type ResponseOf } from '../../api';
import { useI18n } from '../../i18n';

/** GET /unit/info: the unit, its registry entity and its enrollments */
export type UnitInfo = ResponseOf<'/api/v1/unit/info'>;
export type UnitEnrollment = UnitInfo['enrollments'][number];

// the unit's own record: one answer
export const loadUnitInfo = () => api.get('/api/v1/unit/info');

/**
 * Why a unit page shows nothing: the unit is not in the registry yet, its binding to this account is
 * not verified yet (the legal representative must register it and pass real-name verification), or
 * any other failure as the server said it.
 */
export function UnitError({ cause, error }: { cause: unknown; error: string | null }) {
  const { t } = useI18n();
  if (error === null) return null;
  if (cause instanceof ApiError && cause.code === 'unit.not_registered') {
    return <Alert type="info" showIcon data-testid="unit-not-registered" title={t('unit.notRegistered')} description={error} />;
  }
  if (cause instanceof ApiError && cause.code === 'unit.binding_unverified') {
    return <Alert type="warning" showIcon data-testid="unit-binding-unverified" title={t('unit.bindingUnverified')} description={error} />;
  }
  return <Alert type="error" showIcon data-testid="unit-error" title={error} />;
}
