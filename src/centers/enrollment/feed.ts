/**
 * The collection and settlement centers' feed: the enrollments of every kind active in a month, with
 * what their receivables and settlements need (the year's clamped base, identities, birth date).
 */
import { and, asc, eq, gt, inArray, like, lte } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import * as policy from '../policy/index.js';
import * as registry from '../registry/index.js';
import { identitiesAsOf, statusInMonth, type EnrollmentKind } from './rules.js';
import { employments, identities, statusChanges, wageDeclarations } from './schema.js';

/** One enrollment active in the month asked for. */
export interface ActiveEnrollment {
  employmentId: string;
  /** employee (through a unit), flexible worker, resident */
  kind: EnrollmentKind;
  personId: string;
  /** the employer; null for flexible workers and residents */
  entityId: string | null;
  unitEnrollmentId: string | null;
  insuranceType: string;
  regionCode: string;
  /** the declared base for the month's year, clamped; null when none was declared (and for residents) */
  baseFen: number | null;
  baseRuleCode: string | null;
  retired: boolean;
  identities: string[];
  birthDate: string;
}

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
 * One page (keyset on the employment id) of the enrollments of every kind active in a month. A page
 * scans `limit` enrollments; it may hold fewer active ones. `next` is null after the last page.
 */
export async function activeEnrollmentsPage(ctx: AppContext, query: ActiveEnrollmentQuery): Promise<{ items: ActiveEnrollment[]; next: string | null }> {
  const db = ctx.database.db;
  const key = policy.monthKey(query.month);
  const limit = Math.min(Math.max(query.limit ?? 500, 1), 5000);
  const scanned = await db
    .select()
    .from(employments)
    .where(
      and(
        lte(employments.fromMonth, key),
        query.regionCode ? eq(employments.regionCode, query.regionCode) : undefined,
        query.regionPrefix ? like(employments.regionCode, `${query.regionPrefix}%`) : undefined,
        query.insuranceType ? eq(employments.insuranceType, query.insuranceType) : undefined,
        query.personId ? eq(employments.personId, query.personId) : undefined,
        query.after ? gt(employments.id, query.after) : undefined,
      ),
    )
    .orderBy(asc(employments.id))
    .limit(limit);
  if (!scanned.length) return { items: [], next: null };
  const ids = scanned.map((e) => e.id);
  const personIds = [...new Set(scanned.map((e) => e.personId))];
  const [changes, wages, identityRows] = await Promise.all([
    db.select().from(statusChanges).where(inArray(statusChanges.employmentId, ids)).orderBy(asc(statusChanges.id)),
    db.select().from(wageDeclarations).where(and(inArray(wageDeclarations.employmentId, ids), eq(wageDeclarations.year, Math.floor(key / 100)))),
    db.select().from(identities).where(inArray(identities.personId, personIds)),
  ]);
  const active = scanned.filter((e) => statusInMonth(changes.filter((c) => c.employmentId === e.id), key) === 'active');
  const births = await registry.birthDatesOf(ctx, active.map((e) => e.personId));
  const items = active.map((e): ActiveEnrollment => {
    const wage = wages.find((w) => w.employmentId === e.id);
    const held = identitiesAsOf(identityRows.filter((r) => r.personId === e.personId), key).map((r) => r.code);
    return {
      employmentId: e.id,
      kind: e.kind,
      personId: e.personId,
      entityId: e.entityId,
      unitEnrollmentId: e.unitEnrollmentId,
      insuranceType: e.insuranceType,
      regionCode: e.regionCode,
      baseFen: wage?.baseFen ?? null,
      baseRuleCode: wage?.ruleCode ?? null,
      retired: held.includes('retired'),
      identities: held,
      birthDate: births.get(e.personId) ?? '',
    };
  });
  return { items, next: scanned.length === limit ? scanned[scanned.length - 1].id : null };
}

/** Every enrollment active in a month, page by page. */
export async function* activeEnrollmentsFor(ctx: AppContext, query: Omit<ActiveEnrollmentQuery, 'after'>): AsyncGenerator<ActiveEnrollment> {
  let after: string | undefined;
  for (;;) {
    const page = await activeEnrollmentsPage(ctx, { ...query, after });
    yield* page.items;
    if (!page.next) return;
    after = page.next;
  }
}
