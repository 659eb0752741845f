import { sql } from 'drizzle-orm';
import { bigint, bigserial, date, index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ApplicationKind, ApplicationStatus, EnrollmentKind } from './rules.js';

/**
 * 首次申办 the registry record an applicant the registry does not hold yet declares with their
 * application (a person: name and identity number from the real-name verified account, birth date
 * and sex derived from it; identity number and phone encrypted as the registry keeps them). The clerk
 * confirms it with the application; approval creates the registry record.
 */
export type DeclaredPerson = {
  subject: 'person';
  name: string;
  idNumberEnc: string;
  birthDate: string;
  sex: 'male' | 'female';
  phoneEnc: string | null;
  /** 户籍所在地 the household region, chosen from the pooling regions */
  regionCode: string;
  address: string;
};

/**
 * 单位首次申办 the legal-entity record a unit the registry does not hold declares with its
 * 单位参保登记 application: name and credit code from the unit's registration, the legal
 * representative from its managing agent's real-name verified account (identity number encrypted).
 */
export type DeclaredEntity = {
  subject: 'entity';
  creditCode: string;
  name: string;
  type: string;
  regionCode: string;
  address: string;
  legalRepName: string;
  legalRepIdNumberEnc: string;
};

export const enrollmentSchema = pgSchema('enrollment');

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 单位参保 a legal entity (registry `ent_…`) enrolled in an insurance type from a month. One active
 * enrollment per (entity, type). The entity's region is copied here for scoping (no cross-schema joins).
 */
export const unitEnrollments = enrollmentSchema.table(
  'unit_enrollments',
  {
    id: text('id').primaryKey(),
    entityId: text('entity_id').notNull(),
    insuranceType: text('insurance_type').notNull(),
    regionCode: text('region_code').notNull(),
    /** yyyymm */
    fromMonth: integer('from_month').notNull(),
    status: text('status').$type<'active' | 'ended'>().notNull().default('active'),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('unit_enrollments_active').on(t.entityId, t.insuranceType).where(sql`${t.status} = 'active'`),
    index('unit_enrollments_region').on(t.regionCode, t.id),
  ],
);

/**
 * 人员参保 a person (registry `psn_…`) enrolled in an insurance type: an employee through a unit's
 * enrollment, or a flexible worker or resident on their own (no unit, no entity). A person holds at
 * most one enrollment per insurance type that is not removed, whatever its kind (partial unique index).
 */
export const employments = enrollmentSchema.table(
  'employments',
  {
    id: text('id').primaryKey(),
    kind: text('kind').$type<EnrollmentKind>().notNull().default('employee'),
    /** null for flexible workers and residents */
    unitEnrollmentId: text('unit_enrollment_id'),
    entityId: text('entity_id'),
    personId: text('person_id').notNull(),
    insuranceType: text('insurance_type').notNull(),
    regionCode: text('region_code').notNull(),
    fromMonth: integer('from_month').notNull(),
    /** the current status (the latest change); the dated changes are in `status_changes` */
    status: text('status').$type<'active' | 'suspended' | 'removed'>().notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('employments_person_type_held').on(t.personId, t.insuranceType).where(sql`${t.status} <> 'removed'`),
    index('employments_unit').on(t.unitEnrollmentId, t.id),
    index('employments_person').on(t.personId),
    index('employments_region').on(t.regionCode, t.id),
    index('employments_entity').on(t.entityId, t.id),
  ],
);

/** 状态变更 an employee's status from a month on (enrolled, suspended, resumed, removed). */
export const statusChanges = enrollmentSchema.table(
  'status_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    employmentId: text('employment_id').notNull(),
    month: integer('month').notNull(),
    status: text('status').$type<'active' | 'suspended' | 'removed'>().notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('status_changes_employment').on(t.employmentId, t.id)],
);

/** 缴费基数申报 a declared monthly wage for a year and the contribution base it gave. */
export const wageDeclarations = enrollmentSchema.table(
  'wage_declarations',
  {
    id: text('id').primaryKey(),
    employmentId: text('employment_id').notNull(),
    personId: text('person_id').notNull(),
    year: integer('year').notNull(),
    declaredFen: bigint('declared_fen', { mode: 'number' }).notNull(),
    baseFen: bigint('base_fen', { mode: 'number' }).notNull(),
    lowerFen: bigint('lower_fen', { mode: 'number' }).notNull(),
    upperFen: bigint('upper_fen', { mode: 'number' }).notNull(),
    applied: text('applied').$type<'lower' | 'upper' | 'declared'>().notNull(),
    /** the rule code of the bound that applied; null when the declared wage stands */
    ruleCode: text('rule_code'),
    /** the policy versions used */
    baseRuleId: text('base_rule_id').notNull(),
    wageVersionId: text('wage_version_id').notNull(),
    declaredBy: text('declared_by').notNull(),
    declaredAt: at('declared_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('wage_declarations_year').on(t.employmentId, t.year)],
);

/** 身份 dated identities of a person: 退休 (open-ended from its date) and special identities. */
export const identities = enrollmentSchema.table(
  'identities',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    code: text('code').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('identities_person').on(t.personId, t.startDate)],
);

/** 变更记录 every change: who, when, what; per person and per unit. */
export const history = enrollmentSchema.table(
  'history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entityId: text('entity_id'),
    personId: text('person_id'),
    action: text('action').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    actorId: text('actor_id').notNull(),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('history_entity').on(t.entityId, t.id), index('history_person').on(t.personId, t.id)],
);

/**
 * 申请 a person's own application, reviewed by a clerk of its region: to enrol as a flexible worker
 * (with the monthly base they chose) or as a resident, or to suspend their flexible enrollment.
 * Approval creates (or suspends) the enrollment in the same transaction.
 */
export const applications = enrollmentSchema.table(
  'applications',
  {
    id: text('id').primaryKey(),
    kind: text('kind').$type<ApplicationKind>().notNull(),
    /** null until approval when the applicant is not in the registry yet (首次申办: see `declared`) */
    personId: text('person_id'),
    /** the account that submitted it (the person's own) */
    accountId: text('account_id').notNull(),
    insuranceType: text('insurance_type').notNull(),
    /** where it is reviewed: the chosen region, or the suspended enrollment's region */
    regionCode: text('region_code').notNull(),
    /** yyyymm: enrolled from, or suspended from */
    fromMonth: integer('from_month').notNull(),
    /** flexible enrollment: the monthly contribution base chosen, in fen */
    monthlyBaseFen: bigint('monthly_base_fen', { mode: 'number' }),
    /** suspension: the enrollment to suspend; enrollment: the enrollment created on approval */
    employmentId: text('employment_id'),
    reason: text('reason'),
    /** 首次申办 the registry record the applicant declared, when the registry did not hold them */
    declared: jsonb('declared').$type<DeclaredPerson | DeclaredEntity>(),
    /**
     * what one may not apply for twice while pending: `enroll:<insurance type>` (flexible and resident
     * alike) or `suspend:<employment id>`
     */
    subject: text('subject').notNull(),
    status: text('status').$type<ApplicationStatus>().notNull().default('submitted'),
    reviewNote: text('review_note'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: at('reviewed_at'),
    submittedAt: at('submitted_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('applications_pending_once').on(t.personId, t.subject).where(sql`${t.status} = 'submitted'`),
    // a first visit has no person yet: the account applying is who may not apply twice
    uniqueIndex('applications_pending_once_declared').on(t.accountId, t.subject).where(sql`${t.status} = 'submitted' and ${t.personId} is null`),
    index('applications_person').on(t.personId, t.id),
    index('applications_region_status').on(t.regionCode, t.status, t.id),
  ],
);
