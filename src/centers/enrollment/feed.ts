/**
 * The collection and settlement centers' feed: the enrollments of every kind active in a month, with
 * what their receivables and settlements need (the year's clamped base, identities, birth date).
 */
import { and, asc, eq, gt, inArray, like, lte } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import * as policy from '../policy/index.js';
import * as registry from '../registry/index.js';
import { identitiesAsOf, retiredAsOf, statusInMonth, type EnrollmentKind } from './rules.js';
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

/** What a settlement needs of a person's enrollment in a month: the kind, the pooling region, and whether retired. */
export interface SettlementStanding {
  kind: EnrollmentKind;
  regionCode: string;
  retired: boolean;
}

/**
 * The person's enrollment of the type active in the month (the first by id, as the feed orders
 * them), or null: one statement (a prepared one on PostgreSQL), the status changes and identities
 * carried along as JSON and judged by the same rules as the feed's.
 */
export async function settlementStanding(ctx: AppContext, query: { personId: string; insuranceType: string; month: string }): Promise<SettlementStanding | null> {
  const key = policy.monthKey(query.month);
  const rows = await ctx.database.prepared<{
    kind: EnrollmentKind;
    region_code: string;
    changes: { month: number; status: 'active' | 'suspended' | 'removed' }[];
    identities: { code: string; startDate: string; endDate: string | null }[];
  }>(STANDING, [query.personId, query.insuranceType, key]);
  const active = rows.find((row) => statusInMonth(row.changes, key) === 'active');
  if (!active) return null;
  return { kind: active.kind, regionCode: active.region_code, retired: retiredAsOf(active.identities, key) };
}

const STANDING = {
  name: 'enrollment_settlement_standing',
  text: `select e.kind, e.region_code,
           coalesce((select json_agg(json_build_object('month', c.month, 'status', c.status) order by c.id) from enrollment.status_changes c where c.employment_id = e.id), '[]') as changes,
           coalesce((select json_agg(json_build_object('code', i.code, 'startDate', i.start_date, 'endDate', i.end_date)) from enrollment.identities i where i.person_id = e.person_id), '[]') as identities
         from enrollment.employments e
         where e.person_id = $1 and e.insurance_type = $2 and e.from_month <= $3
         order by e.id
         limit 20`,
};
