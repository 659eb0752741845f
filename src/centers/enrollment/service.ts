/**
 * 参保中心 domain logic: unit enrollment, employees (add / suspend / resume / remove), wage
 * declarations clamped by the policy center's base rule, dated identities, and the change history.
 * Every write records a history row and publishes its event in the same transaction.
 */
import { and, asc, count, desc, eq, gt, inArray, like, lte, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/index.js';
import { AppError, badRequest, conflict, notFound } from '../../kernel/http/errors.js';
import { newId } from '../../kernel/ids/index.js';
import * as registry from '../registry/index.js';
import * as policy from '../policy/index.js';
import { employments, history, identities, statusChanges, unitEnrollments, wageDeclarations } from './schema.js';
import { identitiesAsOf, poolingRegionCandidates, statusInMonth, transition, type EmployeeAction, type EmployeeStatus, type IdentityCode } from './rules.js';

/** Who acts, and the region-code prefix their organization covers ('' national). */
export interface Actor {
  accountId: string;
  prefix: string;
}

export { regionPrefixOf } from '../auth/index.js';

const inScope = (actor: Actor, regionCode: string) => regionCode.startsWith(actor.prefix);
const regionFilter = (column: typeof employments.regionCode | typeof unitEnrollments.regionCode, actor: Actor): SQL | undefined =>
  actor.prefix ? like(column, `${actor.prefix}%`) : undefined;

type UnitRow = typeof unitEnrollments.$inferSelect;
type EmploymentRow = typeof employments.$inferSelect;
type IdentityRow = typeof identities.$inferSelect;
type WageRow = typeof wageDeclarations.$inferSelect;

const transaction = <T>(ctx: AppContext, work: (tx: Db) => Promise<T>) => ctx.database.db.transaction((t) => work(t as unknown as Db));

async function record(tx: Db, actor: Actor, action: string, ids: { entityId?: string | null; personId?: string | null }, detail: Record<string, unknown>) {
  await tx.insert(history).values({ entityId: ids.entityId ?? null, personId: ids.personId ?? null, action, detail, actorId: actor.accountId });
}

// ------------------------------------------------------------------------------------- views

export const unitView = (row: UnitRow) => ({
  id: row.id,
  entityId: row.entityId,
  insuranceType: row.insuranceType,
  regionCode: row.regionCode,
  fromMonth: policy.monthText(row.fromMonth),
  status: row.status,
  createdAt: row.createdAt.toISOString(),
});

export const wageView = (row: WageRow) => ({
  year: row.year,
  declaredFen: row.declaredFen,
  baseFen: row.baseFen,
  lowerFen: row.lowerFen,
  upperFen: row.upperFen,
  applied: row.applied,
  ruleCode: row.ruleCode,
  declaredAt: row.declaredAt.toISOString(),
});

export const employmentView = (row: EmploymentRow) => ({
  id: row.id,
  unitEnrollmentId: row.unitEnrollmentId,
  entityId: row.entityId,
  personId: row.personId,
  insuranceType: row.insuranceType,
  regionCode: row.regionCode,
  fromMonth: policy.monthText(row.fromMonth),
  status: row.status,
  updatedAt: row.updatedAt.toISOString(),
});

export const identityView = (row: IdentityRow) => ({ id: row.id, code: row.code, startDate: row.startDate, endDate: row.endDate, createdAt: row.createdAt.toISOString() });

// ------------------------------------------------------------------------------ unit enrollment

export async function enrollUnit(ctx: AppContext, actor: Actor, input: { entityId: string; insuranceType: string; fromMonth: string }) {
  const entity = await registry.getEntity(ctx, input.entityId);
  if (!entity || !inScope(actor, entity.regionCode)) throw notFound('enrollment.entity_not_found');
  if (entity.status !== 'active') throw new AppError('enrollment.entity_cancelled', 422, { field: 'entityId' }, 'entityId');
  if (!(await policy.insuranceTypeExists(ctx, input.insuranceType))) throw badRequest('enrollment.insurance_type_unknown', 'insuranceType', { insuranceType: input.insuranceType });
  const fromMonth = policy.monthKey(input.fromMonth, 'fromMonth');
  return transaction(ctx, async (tx) => {
    const [created] = await tx
      .insert(unitEnrollments)
      .values({ id: newId('uen'), entityId: entity.id, insuranceType: input.insuranceType, regionCode: entity.regionCode, fromMonth, createdBy: actor.accountId })
      .onConflictDoNothing()
      .returning();
    if (!created) throw conflict('enrollment.unit_already_enrolled', { insuranceType: input.insuranceType }, 'insuranceType');
    await record(tx, actor, 'unit_enrolled', { entityId: entity.id }, { unitEnrollmentId: created.id, insuranceType: created.insuranceType, fromMonth: input.fromMonth });
    await ctx.outbox.publish(tx, 'enrollment.unit_enrolled', { unitEnrollmentId: created.id, entityId: entity.id, insuranceType: created.insuranceType, regionCode: created.regionCode, fromMonth: input.fromMonth });
    return unitView(created);
  });
}

async function unitInScope(db: Db, actor: Actor, id: string): Promise<UnitRow> {
  const [row] = await db.select().from(unitEnrollments).where(eq(unitEnrollments.id, id));
  if (!row || !inScope(actor, row.regionCode)) throw notFound('enrollment.unit_not_found');
  return row;
}

export const getUnit = async (ctx: AppContext, actor: Actor, id: string) => unitView(await unitInScope(ctx.database.db, actor, id));

export async function listUnits(ctx: AppContext, actor: Actor, query: { page: number; pageSize: number; entityId?: string; insuranceType?: string }) {
  const where = and(
    regionFilter(unitEnrollments.regionCode, actor),
    query.entityId ? eq(unitEnrollments.entityId, query.entityId) : undefined,
    query.insuranceType ? eq(unitEnrollments.insuranceType, query.insuranceType) : undefined,
  );
  const db = ctx.database.db;
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(unitEnrollments).where(where).orderBy(asc(unitEnrollments.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(unitEnrollments).where(where),
  ]);
  return { items: rows.map(unitView), total, page: query.page, pageSize: query.pageSize };
}

export async function listEmployees(ctx: AppContext, actor: Actor, unitId: string, query: { page: number; pageSize: number; status?: EmployeeStatus }) {
  const db = ctx.database.db;
  await unitInScope(db, actor, unitId);
  const where = and(eq(employments.unitEnrollmentId, unitId), query.status ? eq(employments.status, query.status) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(employments).where(where).orderBy(asc(employments.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(employments).where(where),
  ]);
  return { items: rows.map(employmentView), total, page: query.page, pageSize: query.pageSize };
}

// ------------------------------------------------------------------------------------ employees

export async function addEmployee(ctx: AppContext, actor: Actor, unitId: string, input: { personId: string; fromMonth: string }) {
  const unit = await unitInScope(ctx.database.db, actor, unitId);
  if (unit.status !== 'active') throw new AppError('enrollment.unit_not_active', 409, {});
  const fromMonth = policy.monthKey(input.fromMonth, 'fromMonth');
  if (fromMonth < unit.fromMonth) throw badRequest('enrollment.before_unit_enrollment', 'fromMonth', { unitFrom: policy.monthText(unit.fromMonth) });
  const person = await registry.getPerson(ctx, input.personId);
  if (!person) throw notFound('enrollment.person_not_found');
  if (person.status !== 'active') throw new AppError('enrollment.person_cancelled', 422, { field: 'personId' }, 'personId');
  return transaction(ctx, async (tx) => {
    const [created] = await tx
      .insert(employments)
      .values({ id: newId('emp'), unitEnrollmentId: unit.id, entityId: unit.entityId, personId: person.id, insuranceType: unit.insuranceType, regionCode: unit.regionCode, fromMonth, status: 'active' })
      .onConflictDoNothing()
      .returning();
    if (!created) throw conflict('enrollment.person_already_enrolled', { insuranceType: unit.insuranceType }, 'personId');
    await tx.insert(statusChanges).values({ employmentId: created.id, month: fromMonth, status: 'active' });
    const detail = { employmentId: created.id, unitEnrollmentId: unit.id, insuranceType: unit.insuranceType, fromMonth: input.fromMonth };
    await record(tx, actor, 'person_enrolled', { entityId: unit.entityId, personId: person.id }, detail);
    await ctx.outbox.publish(tx, 'enrollment.person_enrolled', { ...detail, personId: person.id, entityId: unit.entityId, regionCode: unit.regionCode });
    return employmentView(created);
  });
}

async function employmentInScope(db: Db, actor: Actor, id: string, lock = false): Promise<EmploymentRow> {
  const query = db.select().from(employments).where(eq(employments.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !inScope(actor, row.regionCode)) throw notFound('enrollment.employee_not_found');
  return row;
}

export async function getEmployee(ctx: AppContext, actor: Actor, id: string) {
  const db = ctx.database.db;
  const row = await employmentInScope(db, actor, id);
  const [changes, wages] = await Promise.all([
    db.select().from(statusChanges).where(eq(statusChanges.employmentId, id)).orderBy(asc(statusChanges.id)),
    db.select().from(wageDeclarations).where(eq(wageDeclarations.employmentId, id)).orderBy(asc(wageDeclarations.year)),
  ]);
  return { ...employmentView(row), changes: changes.map((c) => ({ month: policy.monthText(c.month), status: c.status })), wages: wages.map(wageView) };
}

const EVENT_OF: Record<EmployeeAction, string> = { suspend: 'person_suspended', resume: 'person_resumed', remove: 'person_removed' };

export async function changeEmployeeStatus(ctx: AppContext, actor: Actor, id: string, action: EmployeeAction, month: string) {
  const key = policy.monthKey(month, 'month');
  return transaction(ctx, async (tx) => {
    const row = await employmentInScope(tx, actor, id, true);
    const changes = await tx.select().from(statusChanges).where(eq(statusChanges.employmentId, id)).orderBy(asc(statusChanges.id));
    const outcome = transition(changes, action, key);
    if (!outcome.ok) {
      if (outcome.reason === 'state') throw conflict('enrollment.status_invalid', { status: outcome.status, action });
      throw badRequest('enrollment.month_before_last', 'month', { lastMonth: policy.monthText(outcome.lastMonth) });
    }
    const [updated] = await tx.update(employments).set({ status: outcome.change.status, updatedAt: new Date() }).where(eq(employments.id, id)).returning();
    await tx.insert(statusChanges).values({ employmentId: id, month: key, status: outcome.change.status });
    const detail = { employmentId: id, insuranceType: row.insuranceType, month, status: outcome.change.status };
    await record(tx, actor, EVENT_OF[action], { entityId: row.entityId, personId: row.personId }, detail);
    await ctx.outbox.publish(tx, `enrollment.${EVENT_OF[action]}`, { ...detail, personId: row.personId, entityId: row.entityId, regionCode: row.regionCode });
    return employmentView(updated);
  });
}

// ------------------------------------------------------------------------------ wage declaration

export async function declareWage(ctx: AppContext, actor: Actor, id: string, input: { year: number; monthlyWageFen: number }) {
  const row = await employmentInScope(ctx.database.db, actor, id);
  if (!Number.isSafeInteger(input.monthlyWageFen) || input.monthlyWageFen < 0) throw badRequest('enrollment.wage_invalid', 'monthlyWageFen');
  if (input.year * 100 + 12 < row.fromMonth) throw badRequest('enrollment.year_before_enrollment', 'year', { fromMonth: policy.monthText(row.fromMonth) });
  // The base is set for the year; it is clamped by the rule in effect in the year's first enrolled month.
  const month = policy.monthText(Math.max(input.year * 100 + 1, row.fromMonth));
  const parameters = await baseParameters(ctx, row.regionCode, row.insuranceType, month);
  if (!parameters.baseRule) throw new AppError('enrollment.base_rule_missing', 422, { regionCode: row.regionCode, insuranceType: row.insuranceType, month });
  if (!parameters.wage) throw new AppError('enrollment.wage_missing', 422, { regionCode: parameters.regionCode, year: parameters.wageYear });
  const clamped = policy.clampBase(input.monthlyWageFen, parameters.wage.monthlyFen, parameters.baseRule);
  return transaction(ctx, async (tx) => {
    const values = {
      declaredFen: clamped.declaredFen,
      baseFen: clamped.baseFen,
      lowerFen: clamped.lowerFen,
      upperFen: clamped.upperFen,
      applied: clamped.applied,
      ruleCode: clamped.ruleCode,
      baseRuleId: parameters.baseRule!.id,
      wageVersionId: parameters.wage!.id,
      declaredBy: actor.accountId,
      declaredAt: new Date(),
    };
    const [saved] = await tx
      .insert(wageDeclarations)
      .values({ id: newId('wdc'), employmentId: id, personId: row.personId, year: input.year, ...values })
      .onConflictDoUpdate({ target: [wageDeclarations.employmentId, wageDeclarations.year], set: values })
      .returning();
    const detail = { employmentId: id, insuranceType: row.insuranceType, year: input.year, declaredFen: clamped.declaredFen, baseFen: clamped.baseFen, applied: clamped.applied, ruleCode: clamped.ruleCode };
    await record(tx, actor, 'base_declared', { entityId: row.entityId, personId: row.personId }, detail);
    await ctx.outbox.publish(tx, 'enrollment.base_declared', { ...detail, personId: row.personId, entityId: row.entityId, regionCode: row.regionCode });
    return wageView(saved);
  });
}

/** The parameters of the nearest pooling region with a base rule in effect (the last one tried when none has). */
async function baseParameters(ctx: AppContext, regionCode: string, insuranceType: string, month: string) {
  let parameters: policy.EffectiveParameters | null = null;
  for (const candidate of poolingRegionCandidates(regionCode)) {
    parameters = await policy.effectiveParameters(ctx, { regionCode: candidate, insuranceType, month });
    if (parameters.baseRule) return parameters;
  }
  return parameters!;
}

// ------------------------------------------------------------------------------------ identities

/** A person the actor may handle: registered in their region, or employed by a unit of their region. */
async function personInScope(ctx: AppContext, actor: Actor, personId: string) {
  const person = await registry.getPerson(ctx, personId);
  if (!person) throw notFound('enrollment.person_not_found');
  if (inScope(actor, person.regionCode)) return person;
  const [employed] = await ctx.database.db
    .select({ id: employments.id })
    .from(employments)
    .where(and(eq(employments.personId, personId), regionFilter(employments.regionCode, actor)))
    .limit(1);
  if (!employed) throw notFound('enrollment.person_not_found');
  return person;
}

export async function addIdentity(ctx: AppContext, actor: Actor, personId: string, input: { code: IdentityCode; startDate: string; endDate?: string }) {
  await personInScope(ctx, actor, personId);
  const endDate = input.endDate ?? null;
  if (endDate !== null && endDate < input.startDate) throw badRequest('enrollment.end_before_start', 'endDate');
  if (input.code === 'retired' && endDate !== null) throw badRequest('enrollment.retirement_open', 'endDate');
  return transaction(ctx, async (tx) => {
    const existing = await tx.select().from(identities).where(and(eq(identities.personId, personId), eq(identities.code, input.code))).for('update');
    const clash = existing.find((r) => (r.endDate === null || r.endDate >= input.startDate) && (endDate === null || r.startDate <= endDate));
    if (input.code === 'retired' && existing.length) throw conflict('enrollment.already_retired', { startDate: existing[0].startDate }, 'code');
    if (clash) throw conflict('enrollment.identity_overlap', { code: input.code, startDate: clash.startDate, endDate: clash.endDate ?? '' }, 'startDate');
    const [created] = await tx.insert(identities).values({ id: newId('idt'), personId, code: input.code, startDate: input.startDate, endDate, createdBy: actor.accountId }).returning();
    const detail = { identityId: created.id, code: input.code, startDate: input.startDate, endDate };
    await record(tx, actor, 'identity_added', { personId }, detail);
    await ctx.outbox.publish(tx, 'enrollment.identity_changed', { ...detail, personId });
    return identityView(created);
  });
}

export async function listIdentities(ctx: AppContext, actor: Actor, personId: string, month?: string) {
  await personInScope(ctx, actor, personId);
  const rows = await ctx.database.db.select().from(identities).where(eq(identities.personId, personId)).orderBy(asc(identities.startDate), asc(identities.id));
  const asOf = month ? identitiesAsOf(rows, policy.monthKey(month)) : null;
  return {
    items: rows.map(identityView),
    ...(month && asOf ? { month, asOf: asOf.map((r) => r.code), retired: asOf.some((r) => r.code === 'retired'), workStatus: asOf.some((r) => r.code === 'retired') ? 'retired' : 'employed' } : {}),
  };
}

export async function personEmployments(ctx: AppContext, actor: Actor, personId: string) {
  await personInScope(ctx, actor, personId);
  const rows = await ctx.database.db.select().from(employments).where(and(eq(employments.personId, personId), regionFilter(employments.regionCode, actor))).orderBy(asc(employments.id));
  return { items: rows.map(employmentView) };
}

// --------------------------------------------------------------------------------------- history

const historyView = (row: typeof history.$inferSelect) => ({ id: row.id, action: row.action, entityId: row.entityId, personId: row.personId, detail: row.detail, actorId: row.actorId, at: row.at.toISOString() });

async function historyPage(ctx: AppContext, where: SQL, query: { page: number; pageSize: number }) {
  const db = ctx.database.db;
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(history).where(where).orderBy(desc(history.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(history).where(where),
  ]);
  return { items: rows.map(historyView), total, page: query.page, pageSize: query.pageSize };
}

export async function personHistory(ctx: AppContext, actor: Actor, personId: string, query: { page: number; pageSize: number }) {
  await personInScope(ctx, actor, personId);
  return historyPage(ctx, eq(history.personId, personId), query);
}

export async function unitHistory(ctx: AppContext, actor: Actor, unitId: string, query: { page: number; pageSize: number }) {
  const unit = await unitInScope(ctx.database.db, actor, unitId);
  return historyPage(ctx, eq(history.entityId, unit.entityId), query);
}

// ------------------------------------------------------------------------- collection center feed

export interface ActiveEnrollment {
  employmentId: string;
  personId: string;
  entityId: string;
  unitEnrollmentId: string;
  insuranceType: string;
  regionCode: string;
  /** the declared base for the month's year, clamped; null when none was declared */
  baseFen: number | null;
  baseRuleCode: string | null;
  retired: boolean;
  identities: string[];
  birthDate: string;
}

/**
 * One page (keyset on the employment id) of the employments active in a month. A page scans `limit`
 * employments; it may hold fewer active ones. `next` is null after the last page.
 */
export async function activeEnrollmentsPage(ctx: AppContext, query: { regionCode?: string; insuranceType?: string; month: string; after?: string; limit?: number }) {
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
        query.insuranceType ? eq(employments.insuranceType, query.insuranceType) : undefined,
        query.after ? gt(employments.id, query.after) : undefined,
      ),
    )
    .orderBy(asc(employments.id))
    .limit(limit);
  if (!scanned.length) return { items: [] as ActiveEnrollment[], next: null };
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
