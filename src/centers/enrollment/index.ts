/**
 * 参保中心 enrollment center: public API for other centers (the collection center reads who is
 * insured in a month). Events, published in the writing transaction:
 *
 *   enrollment.unit_enrolled     { unitEnrollmentId, entityId, insuranceType, regionCode, fromMonth }
 *   enrollment.person_enrolled   { employmentId, unitEnrollmentId, personId, entityId, insuranceType, regionCode, fromMonth }
 *   enrollment.person_suspended / person_resumed / person_removed
 *                                { employmentId, personId, entityId, insuranceType, regionCode, month, status }
 *   enrollment.base_declared     { employmentId, personId, entityId, insuranceType, regionCode, year, declaredFen, baseFen, applied, ruleCode }
 *   enrollment.identity_changed  { identityId, personId, code, startDate, endDate }
 *
 * Months are `YYYY-MM`. Payloads carry no personal data; read the person from the registry.
 */
import type { AppContext } from '../../kernel/context.js';
import * as service from './service.js';

export { enrollmentCenter } from './routes.js';
export { EMPLOYEE_STATUSES, IDENTITY_CODES, type EmployeeStatus, type IdentityCode } from './rules.js';
export type { ActiveEnrollment } from './service.js';

export interface ActiveEnrollmentQuery {
  /** the pooling region (6 digits); all regions when absent */
  regionCode?: string;
  insuranceType?: string;
  /** `YYYY-MM` */
  month: string;
  /** keyset cursor: the `next` of the previous page */
  after?: string;
  /** employments scanned per page (default 500, at most 5000) */
  limit?: number;
}

/**
 * One page of the employee enrollments active (not suspended, not removed) in a month, with the
 * clamped base declared for the month's year, the identities held that month and the birth date.
 * Pass `next` as `after` until it is null; a page may hold fewer items than `limit`.
 */
export const activeEnrollmentsPage = (ctx: AppContext, query: ActiveEnrollmentQuery) => service.activeEnrollmentsPage(ctx, query);

/** Every employee enrollment active in a month, page by page. */
export async function* activeEnrollmentsFor(ctx: AppContext, query: Omit<ActiveEnrollmentQuery, 'after'>): AsyncGenerator<service.ActiveEnrollment> {
  let after: string | undefined;
  for (;;) {
    const page = await service.activeEnrollmentsPage(ctx, { ...query, after });
    yield* page.items;
    if (!page.next) return;
    after = page.next;
  }
}
