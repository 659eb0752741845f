/**
 * 参保中心 domain logic: unit enrollment, employees (add / suspend / resume / remove), flexible
 * workers and residents enrolled on their own through applications (申请) a clerk reviews, wage
 * declarations clamped by the policy center's base rule, dated identities, and the change history.
 * Every write records a history row and publishes its event in the same transaction.
 */
import { and, asc, count, desc, eq, gt, inArray, like, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/index.js';
import { DomainError, badRequest, conflict, forbidden, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { maskIdNumber, maskName } from '../../kernel/crypto/index.js';
import * as registry from '../registry/index.js';
import * as policy from '../policy/index.js';
import { applications, employments, history, identities, statusChanges, unitEnrollments, wageDeclarations } from './schema.js';
import {
  baseWithin,
  ENROLLMENT_KIND_OF,
  identitiesAsOf,
  missingApplicationField,
  poolingRegionCandidates,
  statusInMonth,
  transition,
  yuan,
  type ApplicationFields,
  type ApplicationKind,
  type ApplicationStatus,
  type EmployeeAction,
  type EmployeeStatus,
  type EnrollmentKind,
  type IdentityCode,
} from './rules.js';

/** A clerk: acts within the region-code prefix their organization covers ('' national). */
export interface RegionActor {
  accountId: string;
  prefix: string;
}

/** A unit agent: acts for one registry legal entity (`ent_…`), wherever it is. */
export interface EntityActor {
  accountId: string;
  entityId: string;
}

/** An insured person: acts for themselves (registry `psn_…`). */
export interface PersonActor {
  accountId: string;
  personId: string;
}

/** Who acts, and over what. Anything outside it reads as not found, so ids cannot be probed. */
export type Actor = RegionActor | EntityActor | PersonActor;

export { regionPrefixOf } from '../auth/index.js';

const isClerk = (actor: Actor): actor is RegionActor => 'prefix' in actor;

/** Whether the actor may see a row: a clerk their region's, an agent their entity's, a person their own. */
function sees(actor: Actor, row: { regionCode: string; entityId: string | null; personId?: string }): boolean {
  if ('prefix' in actor) return row.regionCode.startsWith(actor.prefix);
  if ('entityId' in actor) return row.entityId === actor.entityId;
  return row.personId === actor.personId;
}

const NOTHING = sql`false`;

function employmentScope(actor: Actor): SQL | undefined {
  if ('prefix' in actor) return actor.prefix ? like(employments.regionCode, `${actor.prefix}%`) : undefined;
  if ('entityId' in actor) return eq(employments.entityId, actor.entityId);
  return eq(employments.personId, actor.personId);
}

function unitScope(actor: Actor): SQL | undefined {
  if ('prefix' in actor) return actor.prefix ? like(unitEnrollments.regionCode, `${actor.prefix}%`) : undefined;
  if ('entityId' in actor) return eq(unitEnrollments.entityId, actor.entityId);
  return NOTHING;
}

function applicationScope(actor: Actor): SQL | undefined {
  if ('prefix' in actor) return actor.prefix ? like(applications.regionCode, `${actor.prefix}%`) : undefined;
  if ('personId' in actor) return eq(applications.personId, actor.personId);
  return NOTHING;
}

type UnitRow = typeof unitEnrollments.$inferSelect;
type EmploymentRow = typeof employments.$inferSelect;
type IdentityRow = typeof identities.$inferSelect;
type WageRow = typeof wageDeclarations.$inferSelect;
type ApplicationRow = typeof applications.$inferSelect;

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
  kind: row.kind,
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
  if (!entity || !sees(actor, { regionCode: entity.regionCode, entityId: entity.id })) throw notFound('enrollment.entity_not_found');
  if (entity.status !== 'active') throw new DomainError('enrollment.entity_cancelled', 'unprocessable', { field: 'entityId' }, 'entityId');
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
  if (!row || !sees(actor, row)) throw notFound('enrollment.unit_not_found');
  return row;
}

export const getUnit = async (ctx: AppContext, actor: Actor, id: string) => unitView(await unitInScope(ctx.database.db, actor, id));

export async function listUnits(ctx: AppContext, actor: Actor, query: { page: number; pageSize: number; entityId?: string; insuranceType?: string }) {
  const where = and(
    unitScope(actor),
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

/** The enrollments the actor sees (a unit agent: their entity's employees, across its unit enrollments). */
export async function listEmployments(ctx: AppContext, actor: Actor, query: { page: number; pageSize: number; status?: EmployeeStatus; insuranceType?: string }) {
  const db = ctx.database.db;
  const where = and(employmentScope(actor), query.status ? eq(employments.status, query.status) : undefined, query.insuranceType ? eq(employments.insuranceType, query.insuranceType) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(employments).where(where).orderBy(asc(employments.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(employments).where(where),
  ]);
  return { items: rows.map(employmentView), total, page: query.page, pageSize: query.pageSize };
}

// ------------------------------------------------------------------------------------ employees

type NewEnrollment = Omit<typeof employments.$inferInsert, 'id' | 'status' | 'createdAt' | 'updatedAt'> & { kind: EnrollmentKind };

/**
 * Inserts an active enrollment from its first month, with its status change, history row and event.
 * A person already holding the insurance type (any kind, not removed) is a 409 naming `field`.
 */
async function insertEnrollment(ctx: AppContext, tx: Db, actor: Actor, values: NewEnrollment, field: string): Promise<EmploymentRow> {
  const [created] = await tx
    .insert(employments)
    .values({ ...values, id: newId('emp'), status: 'active' })
    .onConflictDoNothing()
    .returning();
  if (!created) throw conflict('enrollment.person_already_enrolled', { insuranceType: values.insuranceType }, field);
  await tx.insert(statusChanges).values({ employmentId: created.id, month: created.fromMonth, status: 'active' });
  const detail = { employmentId: created.id, kind: created.kind, unitEnrollmentId: created.unitEnrollmentId, insuranceType: created.insuranceType, fromMonth: policy.monthText(created.fromMonth) };
  await record(tx, actor, 'person_enrolled', { entityId: created.entityId, personId: created.personId }, detail);
  await ctx.outbox.publish(tx, 'enrollment.person_enrolled', { ...detail, personId: created.personId, entityId: created.entityId, regionCode: created.regionCode });
  return created;
}

export async function addEmployee(ctx: AppContext, actor: Actor, unitId: string, input: { personId: string; fromMonth: string }) {
  const unit = await unitInScope(ctx.database.db, actor, unitId);
  if (unit.status !== 'active') throw new DomainError('enrollment.unit_not_active', 'conflict', {});
  const fromMonth = policy.monthKey(input.fromMonth, 'fromMonth');
  if (fromMonth < unit.fromMonth) throw badRequest('enrollment.before_unit_enrollment', 'fromMonth', { unitFrom: policy.monthText(unit.fromMonth) });
  const person = await registry.getPerson(ctx, input.personId);
  if (!person) throw notFound('enrollment.person_not_found');
  if (person.status !== 'active') throw new DomainError('enrollment.person_cancelled', 'unprocessable', { field: 'personId' }, 'personId');
  return transaction(ctx, async (tx) => {
    const created = await insertEnrollment(
      ctx,
      tx,
      actor,
      { kind: 'employee', unitEnrollmentId: unit.id, entityId: unit.entityId, personId: person.id, insuranceType: unit.insuranceType, regionCode: unit.regionCode, fromMonth },
      'personId',
    );
    return employmentView(created);
  });
}

/**
 * 增员 by a unit agent: adds a person to their entity's active enrollment in an insurance type.
 * A type the unit is not enrolled in is a 422 naming `insuranceType`.
 */
export async function addEmployeeByType(ctx: AppContext, actor: EntityActor, input: { personId: string; insuranceType: string; fromMonth: string }) {
  const [unit] = await ctx.database.db
    .select()
    .from(unitEnrollments)
    .where(and(eq(unitEnrollments.entityId, actor.entityId), eq(unitEnrollments.insuranceType, input.insuranceType), eq(unitEnrollments.status, 'active')));
  if (!unit) throw new DomainError('enrollment.unit_not_enrolled', 'unprocessable', { field: 'insuranceType', insuranceType: input.insuranceType }, 'insuranceType');
  return addEmployee(ctx, actor, unit.id, { personId: input.personId, fromMonth: input.fromMonth });
}

async function employmentInScope(db: Db, actor: Actor, id: string, lock = false): Promise<EmploymentRow> {
  const query = db.select().from(employments).where(eq(employments.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !sees(actor, row)) throw notFound('enrollment.employee_not_found');
  return row;
}

const changeView = (c: typeof statusChanges.$inferSelect) => ({ month: policy.monthText(c.month), status: c.status });

export async function getEmployee(ctx: AppContext, actor: Actor, id: string) {
  const db = ctx.database.db;
  const row = await employmentInScope(db, actor, id);
  const [changes, wages] = await Promise.all([
    db.select().from(statusChanges).where(eq(statusChanges.employmentId, id)).orderBy(asc(statusChanges.id)),
    db.select().from(wageDeclarations).where(eq(wageDeclarations.employmentId, id)).orderBy(asc(wageDeclarations.year)),
  ]);
  return { ...employmentView(row), changes: changes.map(changeView), wages: wages.map(wageView) };
}

const EVENT_OF: Record<EmployeeAction, string> = { suspend: 'person_suspended', resume: 'person_resumed', remove: 'person_removed' };

/**
 * Applies a status change to a locked enrollment, with its history row and event. A month before the
 * last change is a 400 naming `monthField`, or a 409 when the month was not the caller's input
 * (approving an application whose enrollment changed meanwhile).
 */
async function applyStatusChange(ctx: AppContext, tx: Db, actor: Actor, row: EmploymentRow, action: EmployeeAction, key: number, monthField: string | null): Promise<EmploymentRow> {
  const changes = await tx.select().from(statusChanges).where(eq(statusChanges.employmentId, row.id)).orderBy(asc(statusChanges.id));
  const outcome = transition(changes, action, key);
  if (!outcome.ok) {
    if (outcome.reason === 'state') throw conflict('enrollment.status_invalid', { status: outcome.status, action });
    const params = { lastMonth: policy.monthText(outcome.lastMonth) };
    throw monthField ? badRequest('enrollment.month_before_last', monthField, params) : conflict('enrollment.month_before_last', params);
  }
  const [updated] = await tx.update(employments).set({ status: outcome.change.status, updatedAt: new Date() }).where(eq(employments.id, row.id)).returning();
  await tx.insert(statusChanges).values({ employmentId: row.id, month: key, status: outcome.change.status });
  const detail = { employmentId: row.id, kind: row.kind, insuranceType: row.insuranceType, month: policy.monthText(key), status: outcome.change.status };
  await record(tx, actor, EVENT_OF[action], { entityId: row.entityId, personId: row.personId }, detail);
  await ctx.outbox.publish(tx, `enrollment.${EVENT_OF[action]}`, { ...detail, personId: row.personId, entityId: row.entityId, regionCode: row.regionCode });
  return updated;
}

export async function changeEmployeeStatus(ctx: AppContext, actor: Actor, id: string, action: EmployeeAction, month: string) {
  const key = policy.monthKey(month, 'month');
  return transaction(ctx, async (tx) => employmentView(await applyStatusChange(ctx, tx, actor, await employmentInScope(tx, actor, id, true), action, key, 'month')));
}

// ------------------------------------------------------------------------------ wage declaration

type Clamp = { clamped: policy.ClampedBase; parameters: policy.EffectiveParameters & { baseRule: NonNullable<policy.EffectiveParameters['baseRule']>; wage: NonNullable<policy.EffectiveParameters['wage']> } };

/** The base rule and wage bounding an enrollment's base in a month; 422 when the policy has none. */
async function boundingParameters(ctx: AppContext, regionCode: string, insuranceType: string, month: string): Promise<Clamp['parameters']> {
  const parameters = await baseParameters(ctx, regionCode, insuranceType, month);
  if (!parameters.baseRule) throw new DomainError('enrollment.base_rule_missing', 'unprocessable', { regionCode, insuranceType, month });
  if (!parameters.wage) throw new DomainError('enrollment.wage_missing', 'unprocessable', { regionCode: parameters.regionCode, year: parameters.wageYear });
  return parameters as Clamp['parameters'];
}

/** Stores (or replaces) the year's declaration with its history row and event. */
async function saveWageDeclaration(ctx: AppContext, tx: Db, actor: Actor, row: EmploymentRow, year: number, { clamped, parameters }: Clamp): Promise<WageRow> {
  const values = {
    declaredFen: clamped.declaredFen,
    baseFen: clamped.baseFen,
    lowerFen: clamped.lowerFen,
    upperFen: clamped.upperFen,
    applied: clamped.applied,
    ruleCode: clamped.ruleCode,
    baseRuleId: parameters.baseRule.id,
    wageVersionId: parameters.wage.id,
    declaredBy: actor.accountId,
    declaredAt: new Date(),
  };
  const [saved] = await tx
    .insert(wageDeclarations)
    .values({ id: newId('wdc'), employmentId: row.id, personId: row.personId, year, ...values })
    .onConflictDoUpdate({ target: [wageDeclarations.employmentId, wageDeclarations.year], set: values })
    .returning();
  const detail = { employmentId: row.id, insuranceType: row.insuranceType, year, declaredFen: clamped.declaredFen, baseFen: clamped.baseFen, applied: clamped.applied, ruleCode: clamped.ruleCode };
  await record(tx, actor, 'base_declared', { entityId: row.entityId, personId: row.personId }, detail);
  await ctx.outbox.publish(tx, 'enrollment.base_declared', { ...detail, personId: row.personId, entityId: row.entityId, regionCode: row.regionCode });
  return saved;
}

export async function declareWage(ctx: AppContext, actor: Actor, id: string, input: { year: number; monthlyWageFen: number }) {
  const row = await employmentInScope(ctx.database.db, actor, id);
  if (!Number.isSafeInteger(input.monthlyWageFen) || input.monthlyWageFen < 0) throw badRequest('enrollment.wage_invalid', 'monthlyWageFen');
  // Residents pay the region's flat contribution (缴费标准); there is no base to declare.
  if (row.kind === 'resident') throw new DomainError('enrollment.resident_no_base', 'unprocessable', {});
  if (input.year * 100 + 12 < row.fromMonth) throw badRequest('enrollment.year_before_enrollment', 'year', { fromMonth: policy.monthText(row.fromMonth) });
  // The base is set for the year; it is clamped by the rule in effect in the year's first enrolled month.
  const month = policy.monthText(Math.max(input.year * 100 + 1, row.fromMonth));
  const parameters = await boundingParameters(ctx, row.regionCode, row.insuranceType, month);
  const clamped = policy.clampBase(input.monthlyWageFen, parameters.wage.monthlyFen, parameters.baseRule);
  return transaction(ctx, async (tx) => wageView(await saveWageDeclaration(ctx, tx, actor, row, input.year, { clamped, parameters })));
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

/**
 * A person the actor may handle: a clerk one registered in their region or enrolled there, a unit
 * agent one their entity employs or employed, a person themselves.
 */
async function personInScope(ctx: AppContext, actor: Actor, personId: string) {
  if ('personId' in actor && actor.personId !== personId) throw notFound('enrollment.person_not_found');
  const person = await registry.getPerson(ctx, personId);
  if (!person) throw notFound('enrollment.person_not_found');
  if ('personId' in actor) return person;
  if (isClerk(actor) && person.regionCode.startsWith(actor.prefix)) return person;
  const [employed] = await ctx.database.db
    .select({ id: employments.id })
    .from(employments)
    .where(and(eq(employments.personId, personId), employmentScope(actor)))
    .limit(1);
  if (!employed) throw notFound('enrollment.person_not_found');
  return person;
}

export async function addIdentity(ctx: AppContext, actor: Actor, personId: string, input: { code: IdentityCode; startDate: string; endDate?: string }) {
  // Identities decide subsidies: only the agency records them.
  if (!isClerk(actor)) throw forbidden();
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

/** A person's enrollments the actor sees, each with its dated status changes and wage declarations. */
export async function personEmployments(ctx: AppContext, actor: Actor, personId: string) {
  await personInScope(ctx, actor, personId);
  const db = ctx.database.db;
  const rows = await db.select().from(employments).where(and(eq(employments.personId, personId), employmentScope(actor))).orderBy(asc(employments.id));
  if (!rows.length) return { items: [] };
  const ids = rows.map((r) => r.id);
  const [changes, wages] = await Promise.all([
    db.select().from(statusChanges).where(inArray(statusChanges.employmentId, ids)).orderBy(asc(statusChanges.id)),
    db.select().from(wageDeclarations).where(inArray(wageDeclarations.employmentId, ids)).orderBy(asc(wageDeclarations.year)),
  ]);
  return {
    items: rows.map((r) => ({
      ...employmentView(r),
      changes: changes.filter((c) => c.employmentId === r.id).map(changeView),
      wages: wages.filter((w) => w.employmentId === r.id).map(wageView),
    })),
  };
}

// --------------------------------------------------------------------------------------- history

const historyView = (row: typeof history.$inferSelect) => ({ id: row.id, action: row.action, entityId: row.entityId, personId: row.personId, detail: row.detail, actorId: row.actorId, at: row.at.toISOString() });

async function historyPage(ctx: AppContext, where: SQL | undefined, query: { page: number; pageSize: number }) {
  const db = ctx.database.db;
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(history).where(where).orderBy(desc(history.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(history).where(where),
  ]);
  return { items: rows.map(historyView), total, page: query.page, pageSize: query.pageSize };
}

/** A person's change history; a unit agent sees only what happened through their entity. */
export async function personHistory(ctx: AppContext, actor: Actor, personId: string, query: { page: number; pageSize: number }) {
  await personInScope(ctx, actor, personId);
  return historyPage(ctx, and(eq(history.personId, personId), 'entityId' in actor ? eq(history.entityId, actor.entityId) : undefined), query);
}

export async function unitHistory(ctx: AppContext, actor: Actor, unitId: string, query: { page: number; pageSize: number }) {
  const unit = await unitInScope(ctx.database.db, actor, unitId);
  return historyPage(ctx, eq(history.entityId, unit.entityId), query);
}

// ---------------------------------------------------------------------------------- applications

export const applicationView = (row: ApplicationRow) => ({
  id: row.id,
  kind: row.kind,
  personId: row.personId,
  insuranceType: row.insuranceType,
  regionCode: row.regionCode,
  fromMonth: policy.monthText(row.fromMonth),
  monthlyBaseFen: row.monthlyBaseFen,
  employmentId: row.employmentId,
  reason: row.reason,
  status: row.status,
  review: row.reviewedAt ? { by: row.reviewedBy, at: row.reviewedAt.toISOString(), note: row.reviewNote } : null,
  submittedAt: row.submittedAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export interface ApplicationInput extends ApplicationFields {
  kind: ApplicationKind;
  /** `YYYY-MM`: enrolled from, or suspended from */
  fromMonth: string;
}

/** The person's enrollment in a type that is not removed (any kind), if any. */
async function heldEnrollment(db: Db, personId: string, insuranceType: string) {
  const [held] = await db
    .select()
    .from(employments)
    .where(and(eq(employments.personId, personId), eq(employments.insuranceType, insuranceType), ne(employments.status, 'removed')))
    .limit(1);
  return held;
}

/** The flexible worker's chosen base checked against the bounds in effect in their first month. */
async function checkChosenBase(ctx: AppContext, regionCode: string, insuranceType: string, month: string, baseFen: number) {
  const parameters = await boundingParameters(ctx, regionCode, insuranceType, month);
  const bounds = policy.baseBounds(parameters.wage.monthlyFen, parameters.baseRule);
  if (!baseWithin(baseFen, bounds)) throw badRequest('enrollment.base_out_of_bounds', 'monthlyBaseFen', { lower: yuan(bounds.lowerFen), upper: yuan(bounds.upperFen), ...bounds });
  return parameters;
}

/**
 * 申请 a person applies for themselves: to enrol as a flexible worker or a resident (not while
 * enrolled in the type, nor with the same application pending), or to suspend their flexible
 * enrollment from a month. What is checked here is checked again on approval.
 */
export async function submitApplication(ctx: AppContext, actor: PersonActor, input: ApplicationInput) {
  const missing = missingApplicationField(input.kind, input);
  if (missing) throw badRequest('enrollment.field_required', missing, { field: missing });
  const fromMonth = policy.monthKey(input.fromMonth, 'fromMonth');
  const person = await registry.getPerson(ctx, actor.personId);
  if (!person) throw notFound('enrollment.person_not_found');
  if (person.status !== 'active') throw new DomainError('enrollment.person_cancelled', 'unprocessable', {});
  const db = ctx.database.db;
  let target: Pick<ApplicationRow, 'insuranceType' | 'regionCode' | 'subject'> & { employmentId: string | null };
  if (input.kind === 'flexible_suspension') {
    const row = await employmentInScope(db, actor, input.employmentId!);
    if (row.kind !== 'flexible') throw conflict('enrollment.not_flexible', {}, 'employmentId');
    const changes = await db.select().from(statusChanges).where(eq(statusChanges.employmentId, row.id)).orderBy(asc(statusChanges.id));
    const outcome = transition(changes, 'suspend', fromMonth);
    if (!outcome.ok && outcome.reason === 'state') throw conflict('enrollment.status_invalid', { status: outcome.status, action: 'suspend' }, 'employmentId');
    if (!outcome.ok && outcome.reason === 'month') throw badRequest('enrollment.month_before_last', 'fromMonth', { lastMonth: policy.monthText(outcome.lastMonth) });
    target = { insuranceType: row.insuranceType, regionCode: row.regionCode, employmentId: row.id, subject: `suspend:${row.id}` };
  } else {
    const insuranceType = input.insuranceType!;
    if (!(await policy.insuranceTypeExists(ctx, insuranceType))) throw badRequest('enrollment.insurance_type_unknown', 'insuranceType', { insuranceType });
    const held = await heldEnrollment(db, person.id, insuranceType);
    if (held) throw conflict('enrollment.already_enrolled', { insuranceType, kind: held.kind, status: held.status }, 'insuranceType');
    if (input.kind === 'flexible_enrollment') await checkChosenBase(ctx, input.regionCode!, insuranceType, input.fromMonth, input.monthlyBaseFen!);
    target = { insuranceType, regionCode: input.regionCode!, employmentId: null, subject: `enroll:${insuranceType}` };
  }
  return transaction(ctx, async (tx) => {
    const [created] = await tx
      .insert(applications)
      .values({
        id: newId('apl'),
        kind: input.kind,
        personId: person.id,
        accountId: actor.accountId,
        ...target,
        fromMonth,
        monthlyBaseFen: input.kind === 'flexible_enrollment' ? input.monthlyBaseFen! : null,
        reason: input.kind === 'flexible_suspension' ? input.reason!.trim() : null,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) throw conflict('enrollment.application_pending', {}, input.kind === 'flexible_suspension' ? 'employmentId' : 'insuranceType');
    await noteApplication(ctx, tx, actor, created, 'submitted');
    return applicationView(created);
  });
}

async function noteApplication(ctx: AppContext, tx: Db, actor: Actor, row: ApplicationRow, what: 'submitted' | ApplicationStatus) {
  const detail = { applicationId: row.id, kind: row.kind, insuranceType: row.insuranceType, fromMonth: policy.monthText(row.fromMonth), ...(row.reviewNote ? { note: row.reviewNote } : {}) };
  await record(tx, actor, `application_${what}`, { personId: row.personId }, detail);
  await ctx.outbox.publish(tx, `enrollment.application_${what}`, { applicationId: row.id, personId: row.personId, kind: row.kind, insuranceType: row.insuranceType, regionCode: row.regionCode, status: row.status });
}

async function applicationInScope(db: Db, actor: Actor, id: string, lock = false): Promise<ApplicationRow> {
  const query = db.select().from(applications).where(eq(applications.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !sees(actor, { regionCode: row.regionCode, entityId: null, personId: row.personId })) throw notFound('enrollment.application_not_found');
  return row;
}

/** Applications with who applied (name and identity number masked), one registry read per page. */
async function withApplicants(ctx: AppContext, rows: ApplicationRow[]) {
  const persons = await registry.getPersons(ctx, rows.map((r) => r.personId));
  return rows.map((row) => {
    const person = persons.get(row.personId);
    return { ...applicationView(row), applicant: person ? { name: maskName(person.name), idNumber: maskIdNumber(person.idNumber), regionCode: person.regionCode } : null };
  });
}

export const getApplication = async (ctx: AppContext, actor: Actor, id: string) => (await withApplicants(ctx, [await applicationInScope(ctx.database.db, actor, id)]))[0];

export async function listApplications(ctx: AppContext, actor: Actor, query: { page: number; pageSize: number; status?: ApplicationStatus; kind?: ApplicationKind }) {
  const db = ctx.database.db;
  const where = and(applicationScope(actor), query.status ? eq(applications.status, query.status) : undefined, query.kind ? eq(applications.kind, query.kind) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(applications).where(where).orderBy(desc(applications.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(applications).where(where),
  ]);
  return { items: await withApplicants(ctx, rows), total, page: query.page, pageSize: query.pageSize };
}

const requireSubmitted = (row: ApplicationRow) => {
  if (row.status !== 'submitted') throw conflict('enrollment.application_decided', { status: row.status });
};

/** 撤回 the person withdraws their application before a clerk decides it. */
export async function withdrawApplication(ctx: AppContext, actor: PersonActor, id: string) {
  return transaction(ctx, async (tx) => {
    const row = await applicationInScope(tx, actor, id, true);
    requireSubmitted(row);
    const [updated] = await tx.update(applications).set({ status: 'withdrawn', updatedAt: new Date() }).where(eq(applications.id, id)).returning();
    await noteApplication(ctx, tx, actor, updated, 'withdrawn');
    return applicationView(updated);
  });
}

/** 不予受理 a clerk of the application's region rejects it, saying why. */
export async function rejectApplication(ctx: AppContext, actor: RegionActor, id: string, note: string) {
  if (!note.trim()) throw badRequest('enrollment.field_required', 'note', { field: 'note' });
  return transaction(ctx, async (tx) => {
    const row = await applicationInScope(tx, actor, id, true);
    requireSubmitted(row);
    const now = new Date();
    const [updated] = await tx
      .update(applications)
      .set({ status: 'rejected', reviewNote: note.trim(), reviewedBy: actor.accountId, reviewedAt: now, updatedAt: now })
      .where(eq(applications.id, id))
      .returning();
    await noteApplication(ctx, tx, actor, updated, 'rejected');
    return applicationView(updated);
  });
}

/**
 * 审核通过 a clerk of the application's region approves it. In the same transaction: an enrollment
 * is created from the month applied for (a flexible worker's chosen base becomes the year's wage
 * declaration), or the flexible enrollment is suspended from that month.
 */
export async function approveApplication(ctx: AppContext, actor: RegionActor, id: string, note?: string) {
  // Policy and registry reads happen before the transaction; the rows they guard are re-checked in it.
  const peek = await applicationInScope(ctx.database.db, actor, id);
  requireSubmitted(peek);
  const enrollmentKind = ENROLLMENT_KIND_OF[peek.kind];
  let clamp: Clamp | null = null;
  if (enrollmentKind) {
    const person = await registry.getPerson(ctx, peek.personId);
    if (!person || person.status !== 'active') throw new DomainError('enrollment.person_cancelled', 'unprocessable', {});
    if (enrollmentKind === 'flexible') {
      const parameters = await boundingParameters(ctx, peek.regionCode, peek.insuranceType, policy.monthText(peek.fromMonth));
      clamp = { parameters, clamped: policy.clampBase(peek.monthlyBaseFen ?? 0, parameters.wage.monthlyFen, parameters.baseRule) };
    }
  }
  return transaction(ctx, async (tx) => {
    const row = await applicationInScope(tx, actor, id, true);
    requireSubmitted(row);
    let employmentId: string;
    if (enrollmentKind) {
      const created = await insertEnrollment(
        ctx,
        tx,
        actor,
        { kind: enrollmentKind, unitEnrollmentId: null, entityId: null, personId: row.personId, insuranceType: row.insuranceType, regionCode: row.regionCode, fromMonth: row.fromMonth },
        'insuranceType',
      );
      if (clamp) await saveWageDeclaration(ctx, tx, actor, created, Math.floor(row.fromMonth / 100), clamp);
      employmentId = created.id;
    } else {
      const [target] = await tx.select().from(employments).where(eq(employments.id, row.employmentId!)).for('update');
      if (!target) throw notFound('enrollment.employee_not_found');
      await applyStatusChange(ctx, tx, actor, target, 'suspend', row.fromMonth, null);
      employmentId = target.id;
    }
    const now = new Date();
    const [updated] = await tx
      .update(applications)
      .set({ status: 'approved', employmentId, reviewNote: note?.trim() || null, reviewedBy: actor.accountId, reviewedAt: now, updatedAt: now })
      .where(eq(applications.id, id))
      .returning();
    await noteApplication(ctx, tx, actor, updated, 'approved');
    return applicationView(updated);
  });
}

// ------------------------------------------------------------------------- collection center feed

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

/**
 * One page (keyset on the employment id) of the enrollments of every kind active in a month. A page
 * scans `limit` enrollments; it may hold fewer active ones. `next` is null after the last page.
 */
export async function activeEnrollmentsPage(ctx: AppContext, query: { regionCode?: string; regionPrefix?: string; insuranceType?: string; personId?: string; month: string; after?: string; limit?: number }) {
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
