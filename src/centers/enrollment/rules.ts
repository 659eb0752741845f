/**
 * 参保规则 pure rules of the enrollment center: employee status by month, and identities as of a
 * month. Months are `yyyymm` integers (201901) inside, `YYYY-MM` text at the edges.
 */
import type { EnrollmentKind } from '../policy/index.js';

/** 参保类别 employee / flexible / resident: the policy center's list, since which an insurance type admits is policy data. */
export { ENROLLMENT_KINDS, type EnrollmentKind } from '../policy/index.js';

/** 参保状态 an employee's status in a month: 参保缴费 active, 暂停 suspended, 减员 removed. */
export const EMPLOYEE_STATUSES = ['active', 'suspended', 'removed'] as const;
export type EmployeeStatus = (typeof EMPLOYEE_STATUSES)[number];

export const EMPLOYEE_ACTIONS = ['suspend', 'resume', 'remove'] as const;
export type EmployeeAction = (typeof EMPLOYEE_ACTIONS)[number];

/** One status change, effective from a month. */
export interface StatusChange {
  month: number;
  status: EmployeeStatus;
}

const TARGET: Record<EmployeeAction, { from: readonly EmployeeStatus[]; to: EmployeeStatus }> = {
  suspend: { from: ['active'], to: 'suspended' },
  resume: { from: ['suspended'], to: 'active' },
  remove: { from: ['active', 'suspended'], to: 'removed' },
};

/** The status in a month: the latest change effective by then; null before the first (not yet enrolled). */
export function statusInMonth(changes: readonly StatusChange[], month: number): EmployeeStatus | null {
  let found: StatusChange | null = null;
  for (const change of changes) if (change.month <= month && (!found || change.month >= found.month)) found = change;
  return found?.status ?? null;
}

export type TransitionRefusal = { reason: 'state'; status: EmployeeStatus } | { reason: 'month'; lastMonth: number };

/**
 * Whether an action may take effect from a month, given the changes so far (in order): the current
 * status must allow it, and it may not take effect before the last change (history is never rewritten).
 * A change in the same month as the last one is allowed (e.g. suspended and resumed within a month).
 */
export function transition(changes: readonly StatusChange[], action: EmployeeAction, month: number): { ok: true; change: StatusChange } | ({ ok: false } & TransitionRefusal) {
  const last = changes.reduce<StatusChange | null>((a, c) => (!a || c.month >= a.month ? c : a), null);
  const current = last?.status ?? 'removed';
  if (!TARGET[action].from.includes(current)) return { ok: false, reason: 'state', status: current };
  if (last && month < last.month) return { ok: false, reason: 'month', lastMonth: last.month };
  return { ok: true, change: { month, status: TARGET[action].to } };
}

/** 身份 identities: 退休 retired, and special identities with their own subsidies. */
export const IDENTITY_CODES = ['retired', 'dibao', 'tekun', 'severe_disability', 'poverty_registered'] as const;
/** 退休 / 低保 / 特困 / 重残 / 建档立卡 */
export type IdentityCode = (typeof IDENTITY_CODES)[number];
export const SPECIAL_IDENTITY_CODES = IDENTITY_CODES.filter((c) => c !== 'retired') as Exclude<IdentityCode, 'retired'>[];

export interface DatedIdentity {
  code: string;
  /** `YYYY-MM-DD` */
  startDate: string;
  /** `YYYY-MM-DD`, inclusive; null: open */
  endDate: string | null;
}

/** `2019-03-15` → 201903 */
export const monthOfDate = (date: string) => Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7));

/**
 * The identities held in a month (按月认定): one holds an identity in every month its dates touch,
 * from the month of the start date to the month of the end date. Sorted by code, each once.
 */
export function identitiesAsOf<T extends DatedIdentity>(rows: readonly T[], month: number): T[] {
  const held = new Map<string, T>();
  for (const row of rows) {
    if (monthOfDate(row.startDate) > month) continue;
    if (row.endDate !== null && monthOfDate(row.endDate) < month) continue;
    const seen = held.get(row.code);
    if (!seen || row.startDate > seen.startDate) held.set(row.code, row);
  }
  return [...held.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** 在职 / 退休 as of a month. */
export const retiredAsOf = (rows: readonly DatedIdentity[], month: number) => identitiesAsOf(rows, month).some((r) => r.code === 'retired');

/**
 * 申请 what a person may apply for: 灵活就业人员参保 / 城乡居民参保 / 灵活就业暂停缴费; and what a unit
 * the registry does not hold yet applies for: 单位参保登记 (its managing agent, carrying the legal-entity record).
 */
export const APPLICATION_KINDS = ['flexible_enrollment', 'resident_enrollment', 'flexible_suspension', 'unit_enrollment'] as const;
/** what a person applies for themselves */
export const PERSON_APPLICATION_KINDS = ['flexible_enrollment', 'resident_enrollment', 'flexible_suspension'] as const satisfies readonly ApplicationKind[];
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];
/** submitted → approved | rejected by a clerk, or withdrawn by the person before review */
export const APPLICATION_STATUSES = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export interface ApplicationFields {
  insuranceType?: string;
  regionCode?: string;
  monthlyBaseFen?: number;
  employmentId?: string;
  reason?: string;
}

const REQUIRED: Record<ApplicationKind, ReadonlyArray<keyof ApplicationFields>> = {
  flexible_enrollment: ['insuranceType', 'regionCode', 'monthlyBaseFen'],
  resident_enrollment: ['insuranceType', 'regionCode'],
  flexible_suspension: ['employmentId', 'reason'],
  unit_enrollment: ['insuranceType', 'regionCode'],
};

/** The first field an application of this kind needs and lacks (blank text counts as missing), or null. */
export function missingApplicationField(kind: ApplicationKind, fields: ApplicationFields): keyof ApplicationFields | null {
  for (const name of REQUIRED[kind]) {
    const value = fields[name];
    if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) return name;
  }
  return null;
}

/** The enrollment kind an approved enrollment application creates. */
export const ENROLLMENT_KIND_OF: Partial<Record<ApplicationKind, EnrollmentKind>> = { flexible_enrollment: 'flexible', resident_enrollment: 'resident' };

/**
 * A flexible worker chooses their base within the bounds (both inclusive), not clamped: a base
 * outside them is refused, so the person pays what they chose or learns why not.
 */
export const baseWithin = (baseFen: number, bounds: { lowerFen: number; upperFen: number }) => baseFen >= bounds.lowerFen && baseFen <= bounds.upperFen;

/** 120000 → "1200.00" (kernel money text) */
export { plainYuan as yuan } from '../../kernel/money/index.js';
