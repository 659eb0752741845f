/**
 * 参保中心 enrollment center: public API for other centers (the collection center reads who is
 * insured in a month; the personal and unit service centers act for a person or a unit agent).
 * Events, published in the writing transaction:
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
 *
 * Months are `YYYY-MM`. Payloads carry no personal data; read the person from the registry.
 *
 * The functions below take an `Actor`: a clerk over a region (`{ accountId, prefix }`), a unit
 * agent over one registry legal entity (`{ accountId, entityId }`), or a person over themselves
 * (`{ accountId, personId }`). Rows outside it read as not found.
 */
import type { AppContext } from '../../kernel/context.js';
import * as service from './service.js';


export {
  APPLICATION_KINDS,
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
export type { ActiveEnrollment, Actor, ApplicationInput, EntityActor, PersonActor, RegionActor } from './service.js';

// Acting for a unit agent or a person (the service centers) as for a clerk: same rules, narrower scope.
export const enrollUnit = service.enrollUnit;
export const listUnits = service.listUnits;
export const getUnit = service.getUnit;
export const listEmployments = service.listEmployments;
export const getEmployee = service.getEmployee;
export const addEmployee = service.addEmployee;
/** 增员 into the agent's unit enrollment of an insurance type (422 naming `insuranceType` when the unit has none). */
export const addEmployeeByType = service.addEmployeeByType;
export const changeEmployeeStatus = service.changeEmployeeStatus;
export const declareWage = service.declareWage;
/** A person's enrollments (with dated status changes and wage declarations) the actor sees. */
export const personEnrollments = service.personEmployments;
export const personHistory = service.personHistory;
export const listIdentities = service.listIdentities;

// 申请 a person's applications (flexible-worker or resident enrollment, flexible-worker suspension).
export const submitApplication = service.submitApplication;
export const listApplications = service.listApplications;
export const getApplication = service.getApplication;
export const withdrawApplication = service.withdrawApplication;

export interface ActiveEnrollmentQuery {
  /** the pooling region (6 digits); all regions when absent */
  regionCode?: string;
  /** only regions whose code starts with this (a clerk's scope: '4113' for 南阳) */
  regionPrefix?: string;
  insuranceType?: string;
  /** one person's enrollments only (the settlement center's lookup of a visit's person) */
  personId?: string;
  /** `YYYY-MM` */
  month: string;
  /** keyset cursor: the `next` of the previous page */
  after?: string;
  /** employments scanned per page (default 500, at most 5000) */
  limit?: number;
}

/**
 * One page of the enrollments of every kind (employee, flexible, resident) active (not suspended, not
 * removed) in a month, with the clamped base declared for the month's year (a flexible worker's
 * chosen base; none for residents), the identities held that month and the birth date.
 * Pass `next` as `after` until it is null; a page may hold fewer items than `limit`.
 */
export const activeEnrollmentsPage = (ctx: AppContext, query: ActiveEnrollmentQuery) => service.activeEnrollmentsPage(ctx, query);

/** Every enrollment active in a month, page by page. */
export async function* activeEnrollmentsFor(ctx: AppContext, query: Omit<ActiveEnrollmentQuery, 'after'>): AsyncGenerator<service.ActiveEnrollment> {
  let after: string | undefined;
  for (;;) {
    const page = await service.activeEnrollmentsPage(ctx, { ...query, after });
    yield* page.items;
    if (!page.next) return;
    after = page.next;
  }
}
/** The center's event topics: `enrollment.events.PERSON_ENROLLED` … */
export * as events from './events.js';
