/** The enrollment center's events: what other centers (e-voucher, collection, messages) follow. */
import { Type } from '@sinclair/typebox';
import { defineTopic } from '../../kernel/outbox/index.js';
import { Literals, Nullable } from '../../kernel/http/schemas.js';
// A month as a pattern: the outbox checks payloads with TypeBox, which knows no request format such as `year-month`.
import { Month } from './contract.js';
import { APPLICATION_KINDS, APPLICATION_STATUSES, EMPLOYEE_STATUSES, ENROLLMENT_KINDS } from './rules.js';

/** 参保单位 a unit enrolled in an insurance type */
export const UNIT_ENROLLED = defineTopic(
  'enrollment.unit_enrolled',
  Type.Object({ unitEnrollmentId: Type.String(), entityId: Type.String(), insuranceType: Type.String(), regionCode: Type.String(), fromMonth: Month }),
);

/** The facts every change of one person's enrollment (an employment) carries. */
const employment = {
  employmentId: Type.String(),
  personId: Type.String(),
  entityId: Nullable(Type.String()),
  insuranceType: Type.String(),
  regionCode: Type.String(),
};

/** 人员参保 a person enrolled (by a unit, or on their own as a flexible worker or resident) */
export const PERSON_ENROLLED = defineTopic(
  'enrollment.person_enrolled',
  Type.Object({ ...employment, kind: Literals(ENROLLMENT_KINDS), unitEnrollmentId: Nullable(Type.String()), fromMonth: Month }),
);

const statusChange = Type.Object({ ...employment, kind: Literals(ENROLLMENT_KINDS), month: Month, status: Literals(EMPLOYEE_STATUSES) });
/** 暂停缴费 suspended from a month */
export const PERSON_SUSPENDED = defineTopic('enrollment.person_suspended', statusChange);
/** 恢复缴费 resumed from a month */
export const PERSON_RESUMED = defineTopic('enrollment.person_resumed', statusChange);
/** 减员 / 终止参保 removed from a month */
export const PERSON_REMOVED = defineTopic('enrollment.person_removed', statusChange);

/** 缴费基数申报 a wage declared for a year, clamped by the base rule */
export const BASE_DECLARED = defineTopic(
  'enrollment.base_declared',
  Type.Object({
    ...employment,
    year: Type.Integer(),
    declaredFen: Type.Integer(),
    baseFen: Type.Integer(),
    applied: Type.String(),
    ruleCode: Nullable(Type.String()),
  }),
);

/** 特殊身份 a special identity (retired, 低保 …) recorded for a person */
export const IDENTITY_CHANGED = defineTopic(
  'enrollment.identity_changed',
  Type.Object({ personId: Type.String(), identityId: Type.String(), code: Type.String(), startDate: Type.String(), endDate: Nullable(Type.String()) }),
);

const application = Type.Object({
  applicationId: Type.String(),
  /** null while a first visit's applicant is not in the registry (until approval creates them) */
  personId: Nullable(Type.String()),
  kind: Literals(APPLICATION_KINDS),
  insuranceType: Type.String(),
  regionCode: Type.String(),
  status: Literals(APPLICATION_STATUSES),
});
/** 申请 a person's application submitted, approved, rejected or withdrawn */
export const APPLICATION_SUBMITTED = defineTopic('enrollment.application_submitted', application);
export const APPLICATION_APPROVED = defineTopic('enrollment.application_approved', application);
export const APPLICATION_REJECTED = defineTopic('enrollment.application_rejected', application);
export const APPLICATION_WITHDRAWN = defineTopic('enrollment.application_withdrawn', application);

/** The topics that change one employment's status, by the action that changes it. */
export const STATUS_TOPICS = { suspend: PERSON_SUSPENDED, resume: PERSON_RESUMED, remove: PERSON_REMOVED } as const;
