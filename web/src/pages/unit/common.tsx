/** What the unit hall's pages share: the shapes of src/centers/unit and the refusals every page explains. */
import { Alert } from 'antd';
import { ApiError } from '../../api';
import { useI18n } from '../../i18n';

/** src/centers/enrollment/service.ts unitView: the unit's enrollment in one insurance type */
export interface UnitEnrollment {
  id: string;
  entityId: string;
  insuranceType: string;
  regionCode: string;
  fromMonth: string;
  status: string;
  createdAt: string;
}

/** GET /unit/info */
export interface UnitInfo {
  unit: { id: string; name: string; role: string };
  entity: {
    id: string;
    creditCode: string;
    name: string;
    type: string;
    regionCode: string;
    legalRepresentative: { name: string; idNumber: string | null };
    status: string;
    cancellation: { reason: string; date: string; note: string | null } | null;
    version: number;
    updatedAt: string;
  };
  enrollments: UnitEnrollment[];
  editableFields: string[];
}

export interface WageDeclaration {
  year: number;
  declaredFen: number;
  baseFen: number;
  lowerFen: number;
  upperFen: number;
  applied: string;
  ruleCode: string | null;
  declaredAt: string;
}

/** GET /unit/employees items (the person masked) and GET /unit/employees/:id (with changes and wages) */
export interface Employee {
  id: string;
  kind: string;
  personId: string;
  person: { name: string; idNumber: string } | null;
  insuranceType: string;
  regionCode: string;
  fromMonth: string;
  status: string;
  updatedAt: string;
  changes?: { month: string; status: string }[];
  wages?: WageDeclaration[];
}

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
