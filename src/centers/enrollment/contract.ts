/**
 * What the enrollment center answers: one schema per view. The routes declare them as their
 * responses (fast-json-stringify writes only these fields) and the view functions (views.ts) return
 * their static types, so the compiler keeps the two in step. The personal and unit service centers
 * answer these views too, with a few fields of their own.
 */
import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, DateTime, Fen, Literals, Nullable, Page } from '../../kernel/http/schemas.js';
import { APPLICATION_KINDS, APPLICATION_STATUSES, EMPLOYEE_STATUSES, ENROLLMENT_KINDS } from './rules.js';

/**
 * `YYYY-MM` and a 6-digit region code as patterns, not the request formats: a pattern is checked the
 * same everywhere (inside nullable objects, which the serializer tells apart by validating, and in
 * event payloads, events.ts).
 */
export const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: '月份 YYYY-MM' });
export const Region = Type.String({ pattern: '^\\d{6}$', description: '行政区划代码 6-digit region code' });

/** 单位参保 a legal entity enrolled in an insurance type from a month. */
export const UnitEnrollmentView = Type.Object(
  {
    id: Type.String(),
    entityId: Type.String(),
    insuranceType: Type.String(),
    regionCode: Region,
    fromMonth: Month,
    status: Literals(['active', 'ended']),
    createdAt: DateTime,
  },
  { description: '单位参保 a unit enrollment' },
);
export type UnitEnrollmentView = Static<typeof UnitEnrollmentView>;

/** 人员参保 a person's enrollment in an insurance type: through a unit, as a flexible worker or as a resident. */
export const EmploymentView = Type.Object(
  {
    id: Type.String(),
    kind: Literals(ENROLLMENT_KINDS),
    unitEnrollmentId: Nullable(Type.String()),
    entityId: Nullable(Type.String()),
    personId: Type.String(),
    insuranceType: Type.String(),
    regionCode: Region,
    fromMonth: Month,
    status: Literals(EMPLOYEE_STATUSES),
    updatedAt: DateTime,
  },
  { description: '人员参保 an enrollment (employee, flexible worker, resident)' },
);
export type EmploymentView = Static<typeof EmploymentView>;

/** 状态变更 a status from a month on. */
export const StatusChangeView = Type.Object({ month: Month, status: Literals(EMPLOYEE_STATUSES) }, { description: '状态变更 a status from a month on' });
export type StatusChangeView = Static<typeof StatusChangeView>;

/** 缴费基数申报 a year's declared wage and the base it gave, clamped by the base rule in effect. */
export const WageDeclarationView = Type.Object(
  {
    year: Type.Integer(),
    declaredFen: Fen('申报工资 declared monthly wage'),
    baseFen: Fen('缴费基数 the base that applies'),
    lowerFen: Fen('下限 lower bound'),
    upperFen: Fen('上限 upper bound'),
    applied: Literals(['lower', 'upper', 'declared'], 'which one applied'),
    ruleCode: Nullable(Type.String({ description: 'the rule code of the bound that applied' })),
    declaredAt: DateTime,
  },
  { description: '缴费基数申报 a wage declaration' },
);
export type WageDeclarationView = Static<typeof WageDeclarationView>;

/** An enrollment with its dated status changes and its wage declarations by year. */
export const EmploymentDetailView = Type.Object(
  { ...EmploymentView.properties, changes: Type.Array(StatusChangeView), wages: Type.Array(WageDeclarationView) },
  { description: '参保详情 an enrollment with its status changes and wage declarations' },
);
export type EmploymentDetailView = Static<typeof EmploymentDetailView>;

/** 身份 a dated identity: 退休 retired, 低保, 特困, 重残, 建档立卡. */
export const IdentityView = Type.Object(
  { id: Type.String(), code: Type.String({ description: 'retired / dibao / tekun / severe_disability / poverty_registered' }), startDate: DateOnly, endDate: Nullable(DateOnly), createdAt: DateTime },
  { description: '身份 a dated identity' },
);
export type IdentityView = Static<typeof IdentityView>;

/** A person's identities; asked for a month, also those held that month and the work status they give. */
export const IdentitiesView = Type.Object(
  {
    ...Page(IdentityView).properties,
    month: Type.Optional(Month),
    asOf: Type.Optional(Type.Array(Type.String(), { description: 'the codes held in the month' })),
    retired: Type.Optional(Type.Boolean()),
    workStatus: Type.Optional(Literals(['employed', 'retired'], '在职 / 退休 in the month')),
  },
  { description: '人员身份 a person’s identities' },
);
export type IdentitiesView = Static<typeof IdentitiesView>;

/** 变更记录 one change: what, through which unit, to whom, by whom, when. */
export const HistoryView = Type.Object(
  {
    id: Type.Integer(),
    action: Type.String({ description: 'unit_enrolled, person_enrolled, person_suspended, …, application_approved' }),
    entityId: Nullable(Type.String()),
    personId: Nullable(Type.String()),
    detail: Type.Record(Type.String(), Type.Unknown()),
    actorId: Type.String(),
    at: DateTime,
  },
  { description: '变更记录 a change' },
);
export type HistoryView = Static<typeof HistoryView>;

/** 申请 a person's application and, once decided, the clerk's review. */
export const ApplicationView = Type.Object(
  {
    id: Type.String(),
    kind: Literals(APPLICATION_KINDS),
    personId: Nullable(Type.String({ description: 'null until approval for a first visit (首次申办): the registry did not hold the applicant' })),
    insuranceType: Type.String(),
    regionCode: Region,
    fromMonth: Month,
    monthlyBaseFen: Nullable(Fen('灵活就业人员所选缴费基数 the flexible worker’s chosen base')),
    employmentId: Nullable(Type.String({ description: 'the enrollment suspended, or created on approval (a unit enrollment `uen_…` for unit_enrollment)' })),
    reason: Nullable(Type.String()),
    status: Literals(APPLICATION_STATUSES),
    review: Nullable(Type.Object({ by: Nullable(Type.String()), at: DateTime, note: Nullable(Type.String()) })),
    submittedAt: DateTime,
    updatedAt: DateTime,
  },
  { description: '申请 an application' },
);
export type ApplicationView = Static<typeof ApplicationView>;

/**
 * 首次申办 the registry record a first visit's applicant declared (name and identity number from
 * their real-name verified account, masked; birth date and sex derived from the identity number),
 * which approval creates in the registry.
 */
export const DeclaredPersonView = Type.Object(
  {
    name: Type.String(),
    idNumber: Type.String(),
    birthDate: DateOnly,
    sex: Literals(['male', 'female']),
    phone: Nullable(Type.String()),
    regionCode: Region,
    address: Type.String(),
  },
  { description: '首次申办携带的人员信息登记 the declared registry record, masked' },
);
export type DeclaredPersonView = Static<typeof DeclaredPersonView>;

/**
 * 单位首次申办 the legal-entity record a unit's application carries (the unit's name and credit code
 * as registered with the platform, the legal representative from its managing agent's verified
 * account, masked), which approval registers.
 */
export const DeclaredEntityView = Type.Object(
  {
    creditCode: Type.String(),
    name: Type.String(),
    type: Type.String({ description: '单位类型 enterprise / public_institution / …' }),
    regionCode: Region,
    address: Type.String(),
    legalRepresentative: Type.Object({ name: Type.String(), idNumber: Type.String() }, { description: '法定代表人（脱敏）' }),
  },
  { description: '单位首次申办携带的单位信息登记 the declared legal entity, its representative masked' },
);

/** An application with who applied, masked, for the clerk's queue. */
export const ApplicationWithApplicantView = Type.Object(
  {
    ...ApplicationView.properties,
    applicant: Nullable(Type.Object({ name: Type.String(), idNumber: Type.String(), regionCode: Region }, { description: '申请人（脱敏） the applicant, masked' })),
    declared: Nullable(DeclaredPersonView),
    declaredEntity: Nullable(DeclaredEntityView),
  },
  { description: '申请 an application, with the applicant' },
);
export type ApplicationWithApplicantView = Static<typeof ApplicationWithApplicantView>;
