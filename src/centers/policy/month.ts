import { DomainError } from '../../kernel/errors/index.js';
import type { PolicyPeriod, PolicyStatus } from './types.js';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `2019-01` → 201901; a malformed month is a 400 naming `field`. */
export function monthKey(month: string, field = 'month'): number {
  const match = MONTH.exec(month);
  if (!match) throw new DomainError('policy.month_invalid', 'invalid', { field, month }, field);
  return Number(match[1]) * 100 + Number(match[2]);
}

/** 201901 → `2019-01` */
export function monthText(key: number): string {
  return `${String(Math.floor(key / 100)).padStart(4, '0')}-${String(key % 100).padStart(2, '0')}`;
}

/**
 * 缴费月份年龄 age in the contribution month, counted in whole months (年龄计算到月): a person
 * reaches age N in the month of their N-th birthday, whatever the day. Born 1979-06-15 → 39 in
 * 2019-01 … 2019-05, 40 from 2019-06.
 */
export function ageInMonth(birthDate: string, month: string): number {
  const birth = /^(\d{4})-(0[1-9]|1[0-2])(-\d{2})?$/.exec(birthDate);
  if (!birth) throw new DomainError('policy.birth_date_invalid', 'invalid', { field: 'birthDate' }, 'birthDate');
  const key = monthKey(month);
  const years = Math.floor(key / 100) - Number(birth[1]);
  return key % 100 < Number(birth[2]) ? years - 1 : years;
}

/** Whether a period covers a month (both ends inclusive; no end: open). */
export function covers(period: PolicyPeriod, month: string): boolean {
  const key = monthKey(month);
  return monthKey(period.effectiveFrom, 'effectiveFrom') <= key && (period.effectiveTo === null || key <= monthKey(period.effectiveTo, 'effectiveTo'));
}

/** Whether two periods share at least one month. */
export function overlaps(a: PolicyPeriod, b: PolicyPeriod): boolean {
  const end = (p: PolicyPeriod) => (p.effectiveTo === null ? Infinity : monthKey(p.effectiveTo, 'effectiveTo'));
  return monthKey(a.effectiveFrom, 'effectiveFrom') <= end(b) && monthKey(b.effectiveFrom, 'effectiveFrom') <= end(a);
}

/**
 * The one version that applies in a month: published and covering it. Drafts, reviewed and voided
 * versions never apply. Two published versions covering the same month cannot be published (the
 * center refuses the overlap); if handed such data anyway, this refuses to guess.
 */
export function effectiveVersion<T extends PolicyPeriod & { status: PolicyStatus; id: string }>(versions: T | readonly T[] | null | undefined, month: string): T | null {
  const list = versions === null || versions === undefined ? [] : Array.isArray(versions) ? (versions as readonly T[]) : [versions as T];
  const applicable = list.filter((v) => v.status === 'published' && covers(v, month));
  if (applicable.length > 1) throw new DomainError('policy.ambiguous', 'unprocessable', { month, ids: applicable.map((v) => v.id).join(', ') });
  return applicable[0] ?? null;
}
