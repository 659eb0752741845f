/**
 * The collection and settlement centers' feed: the enrollments of every kind active in a month, with
 * what their receivables and settlements need (the year's clamped base, identities, birth date).
 */
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import * as policy from '../policy/index.js';
import * as registry from '../registry/index.js';
import { identitiesAsOf, retiredAsOf, statusInMonth, type DatedIdentity, type EnrollmentKind, type StatusChange } from './rules.js';

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
 *
 * One statement reads the page: each employment with its status changes, the year's declaration and
 * its person's identities (correlated by index, so a page costs the same wherever it is in the
 * table); the rules judge them here, and the registry gives the active persons' birth dates.
 */
export async function activeEnrollmentsPage(ctx: AppContext, query: ActiveEnrollmentQuery): Promise<{ items: ActiveEnrollment[]; next: string | null }> {
  const key = policy.monthKey(query.month);
  const limit = Math.min(Math.max(query.limit ?? 500, 1), 5000);
  const filters = [
    sql`e.from_month <= ${key}`,
    query.regionCode ? sql`e.region_code = ${query.regionCode}` : undefined,
    query.regionPrefix ? sql`e.region_code like ${`${query.regionPrefix}%`}` : undefined,
    query.insuranceType ? sql`e.insurance_type = ${query.insuranceType}` : undefined,
    query.personId ? sql`e.person_id = ${query.personId}` : undefined,
    query.after ? sql`e.id > ${query.after}` : undefined,
  ].filter((filter) => filter !== undefined);
  // The page is limited before the facts are joined: they are read for its rows only, by index.
  const scanned = await ctx.database.rows<PageRow>(sql`
    select e.id, e.kind, e.person_id, e.entity_id, e.unit_enrollment_id, e.insurance_type, e.region_code, w.base_fen, w.rule_code,
           ${sql.raw(CHANGES_OF_E)} as changes, ${sql.raw(IDENTITIES_OF_E)} as identities
      from (select e.id, e.kind, e.person_id, e.entity_id, e.unit_enrollment_id, e.insurance_type, e.region_code
              from enrollment.employments e
             where ${sql.join(filters, sql` and `)}
             order by e.id
             limit ${limit}) e
      left join lateral (select w.base_fen, w.rule_code from enrollment.wage_declarations w where w.employment_id = e.id and w.year = ${Math.floor(key / 100)}) w on true
     order by e.id`);
  if (!scanned.length) return { items: [], next: null };
  const active = scanned.filter((e) => statusInMonth(e.changes, key) === 'active');
  const births = await registry.birthDatesOf(ctx, active.map((e) => e.person_id));
  const items = active.map((e): ActiveEnrollment => {
    const held = identitiesAsOf(e.identities, key).map((r) => r.code);
    return {
      employmentId: e.id,
      kind: e.kind,
      personId: e.person_id,
      entityId: e.entity_id,
      unitEnrollmentId: e.unit_enrollment_id,
      insuranceType: e.insurance_type,
      regionCode: e.region_code,
      baseFen: e.base_fen === null ? null : Number(e.base_fen),
      baseRuleCode: e.rule_code,
      retired: held.includes('retired'),
      identities: held,
      birthDate: births.get(e.person_id) ?? '',
    };
  });
  return { items, next: scanned.length === limit ? scanned[scanned.length - 1].id : null };
}

/** What the rules judge an enrollment by, as the feed's statements carry it (JSON). */
interface JudgedFacts {
  /** in the order they were recorded (a later change of the same month wins) */
  changes: StatusChange[];
  identities: DatedIdentity[];
}

interface PageRow extends JudgedFacts {
  id: string;
  kind: EnrollmentKind;
  person_id: string;
  entity_id: string | null;
  unit_enrollment_id: string | null;
  insurance_type: string;
  region_code: string;
  /** null: nothing declared for the year */
  base_fen: number | string | null;
  rule_code: string | null;
}

/** The status changes of the employment `e`, in order, as JSON. */
const CHANGES_OF_E = `coalesce((select json_agg(json_build_object('month', c.month, 'status', c.status) order by c.id) from enrollment.status_changes c where c.employment_id = e.id), '[]')`;
/** Every dated identity of the employment `e`'s person, as JSON. */
const IDENTITIES_OF_E = `coalesce((select json_agg(json_build_object('code', i.code, 'startDate', i.start_date, 'endDate', i.end_date)) from enrollment.identities i where i.person_id = e.person_id), '[]')`;

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
  const rows = await ctx.database.prepared<JudgedFacts & { kind: EnrollmentKind; region_code: string }>(STANDING, [query.personId, query.insuranceType, key]);
  const active = rows.find((row) => statusInMonth(row.changes, key) === 'active');
  if (!active) return null;
  return { kind: active.kind, regionCode: active.region_code, retired: retiredAsOf(active.identities, key) };
}

const STANDING = {
  name: 'enrollment_settlement_standing',
  text: `select e.kind, e.region_code, ${CHANGES_OF_E} as changes, ${IDENTITIES_OF_E} as identities
         from enrollment.employments e
         where e.person_id = $1 and e.insurance_type = $2 and e.from_month <= $3
         order by e.id
         limit 20`,
};
