/**
 * 参保中心 enrollment center: public API for other centers (the collection center reads who is
 * insured in a month; the personal and unit service centers act for a person or a unit agent).
 * Events (`events.PERSON_ENROLLED` …, typed payloads, published in the writing transaction):
 *
 *   enrollment.unit_enrolled     { unitEnrollmentId, entityId, insuranceType, regionCode, fromMonth }
 *   enrollment.person_enrolled   { employmentId, kind, unitEnrollmentId, personId, entityId, insuranceType, regionCode, fromMonth }
 *                                (unitEnrollmentId and entityId are null for flexible workers and residents)
 *   enrollment.person_suspended / person_resumed / person_removed
 *                                { employmentId, kind, personId, entityId, insuranceType, regionCode, month, status }
 *   enrollment.base_declared     { employmentId, personId, entityId, insuranceType, regionCode, year, declaredFen, baseFen, applied, ruleCode }
 *   enrollment.identity_changed  { identityId, personId, code, startDate, endDate }
 *   enrollment.application_submitted / application_approved / application_rejected / application_withdrawn
 *                                { applicationId, personId, kind, insuranceType, regionCode, status }
 *                                (personId null for a first visit's application until it is approved)
 *
 * Months are `YYYY-MM`. Payloads carry no personal data; read the person from the registry.
 *
 * The functions below take an `Actor`: a clerk over their organization's regions (`{ accountId,
 * scope }`, the kernel's RegionScope), a unit agent over one registry legal entity (`{ accountId,
 * entityId }`), or a person over themselves (`{ accountId, personId }`). Rows outside it read as
 * not found.
 */
export {
  APPLICATION_KINDS,
  PERSON_APPLICATION_KINDS,
  APPLICATION_STATUSES,
  EMPLOYEE_STATUSES,
  ENROLLMENT_KINDS,
  IDENTITY_CODES,
  type ApplicationKind,
  type ApplicationStatus,
  type EmployeeStatus,
  type EnrollmentKind,
  type IdentityCode,
} from './rules.js';
export type { Actor, EntityActor, PersonActor, RegionActor } from './scope.js';
export type { ApplicationInput, Applicant, FirstVisitInput, UnitFirstVisitInput, VerifiedIdentity } from './applications.js';
/** The views the routes answer, for the service centers that answer them too. */
export {
  ApplicationView,
  ApplicationWithApplicantView,
  EmploymentDetailView,
  EmploymentView,
  HistoryView,
  IdentitiesView,
  IdentityView,
  UnitEnrollmentView,
  WageDeclarationView,
} from './contract.js';

// Acting for a unit agent or a person (the service centers) as for a clerk: same rules, narrower scope.
export { enrollUnit, listUnits, getUnit } from './units.js';
export {
  listEmployments,
  getEmployee,
  addEmployee,
  /** 增员 into the agent's unit enrollment of an insurance type (422 naming `insuranceType` when the unit has none). */
  addEmployeeByType,
  changeEmployeeStatus,
  /** A person's enrollments (with dated status changes and wage declarations) the actor sees, as one page. */
  personEmployments as personEnrollments,
} from './employees.js';
export { declareWage } from './wages.js';
export { personHistory } from './history.js';
export { listIdentities } from './identities.js';

// 申请 a person's applications (flexible-worker or resident enrollment, flexible-worker suspension).
export { submitApplication, listApplications, getApplication, withdrawApplication } from './applications.js';
/**
 * 首次申办 a real-name verified person the registry does not hold applies (flexible-worker or resident
 * enrollment) carrying their declared registry record; approval creates the registry person with the
 * enrollment, in one transaction.
 */
export { submitFirstVisit } from './applications.js';
/**
 * 单位首次申办 a unit the registry does not hold applies for 单位参保登记 through its managing agent,
 * carrying the legal-entity record; approval registers the entity and enrols the unit in one transaction.
 */
export { submitUnitFirstVisit } from './applications.js';

/**
 * The enrollments of every kind (employee, flexible, resident) active (not suspended, not removed) in
 * a month, with the clamped base declared for the month's year (a flexible worker's chosen base; none
 * for residents), the identities held that month and the birth date: one page (`activeEnrollmentsPage`,
 * pass `next` as `after` until it is null; a page may hold fewer items than `limit`) or all of them
 * (`activeEnrollmentsFor`).
 */
export { activeEnrollmentsPage, activeEnrollmentsFor, type ActiveEnrollment, type ActiveEnrollmentQuery } from './feed.js';
/** 结算参保状态 a person's enrollment of a type active in a month, as a settlement needs it (kind, region, retired), in one statement; null when none. */
export { settlementStanding, type SettlementStanding } from './feed.js';

/** The center's event topics: `enrollment.events.PERSON_ENROLLED` … */
export * as events from './events.js';

/** Enrollments registered by Beijing day of a month, in a scope (the analysis center's charts). */
export { enrollmentsByDay } from './figures.js';
