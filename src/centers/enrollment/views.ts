/** The rows of the enrollment center as its contract (contract.ts) shows them. */
import { monthText } from '../policy/index.js';
import type { ApplicationView, EmploymentView, HistoryView, IdentityView, StatusChangeView, UnitEnrollmentView, WageDeclarationView } from './contract.js';
import type { applications, employments, history, identities, statusChanges, unitEnrollments, wageDeclarations } from './schema.js';

export type UnitRow = typeof unitEnrollments.$inferSelect;
export type EmploymentRow = typeof employments.$inferSelect;
export type IdentityRow = typeof identities.$inferSelect;
export type WageRow = typeof wageDeclarations.$inferSelect;
export type ApplicationRow = typeof applications.$inferSelect;

export const unitView = (row: UnitRow): UnitEnrollmentView => ({
  id: row.id,
  entityId: row.entityId,
  insuranceType: row.insuranceType,
  regionCode: row.regionCode,
  fromMonth: monthText(row.fromMonth),
  status: row.status,
  createdAt: row.createdAt.toISOString(),
});

export const employmentView = (row: EmploymentRow): EmploymentView => ({
  id: row.id,
  kind: row.kind,
  unitEnrollmentId: row.unitEnrollmentId,
  entityId: row.entityId,
  personId: row.personId,
  insuranceType: row.insuranceType,
  regionCode: row.regionCode,
  fromMonth: monthText(row.fromMonth),
  status: row.status,
  updatedAt: row.updatedAt.toISOString(),
});

export const changeView = (c: typeof statusChanges.$inferSelect): StatusChangeView => ({ month: monthText(c.month), status: c.status });

export const wageView = (row: WageRow): WageDeclarationView => ({
  year: row.year,
  declaredFen: row.declaredFen,
  baseFen: row.baseFen,
  lowerFen: row.lowerFen,
  upperFen: row.upperFen,
  applied: row.applied,
  ruleCode: row.ruleCode,
  declaredAt: row.declaredAt.toISOString(),
});

export const identityView = (row: IdentityRow): IdentityView => ({ id: row.id, code: row.code, startDate: row.startDate, endDate: row.endDate, createdAt: row.createdAt.toISOString() });

export const historyView = (row: typeof history.$inferSelect): HistoryView => ({
  id: row.id,
  action: row.action,
  entityId: row.entityId,
  personId: row.personId,
  detail: row.detail,
  actorId: row.actorId,
  at: row.at.toISOString(),
});

export const applicationView = (row: ApplicationRow): ApplicationView => ({
  id: row.id,
  kind: row.kind,
  personId: row.personId,
  insuranceType: row.insuranceType,
  regionCode: row.regionCode,
  fromMonth: monthText(row.fromMonth),
  monthlyBaseFen: row.monthlyBaseFen,
  employmentId: row.employmentId,
  reason: row.reason,
  status: row.status,
  review: row.reviewedAt ? { by: row.reviewedBy, at: row.reviewedAt.toISOString(), note: row.reviewNote } : null,
  submittedAt: row.submittedAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
