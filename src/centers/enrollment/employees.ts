/**
 * 人员参保 a person's enrollments: employees added to a unit (增员), suspended (暂停), resumed (恢复)
 * and removed (减员), each from a month; flexible workers and residents are enrolled through
 * applications (applications.ts) by the same insertion.
 */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { DomainError, badRequest, conflict, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import * as policy from '../policy/index.js';
import * as registry from '../registry/index.js';
import type { EmploymentDetailView } from './contract.js';
import { PERSON_ENROLLED, STATUS_TOPICS } from './events.js';
import { record } from './history.js';
import { transition, type EmployeeAction, type EmployeeStatus, type EnrollmentKind } from './rules.js';
import { employments, statusChanges, unitEnrollments, wageDeclarations } from './schema.js';
import { employmentScope, personInScope, sees, type Actor, type EntityActor } from './scope.js';
import { unitInScope } from './units.js';
import { changeView, employmentView, wageView, type EmploymentRow } from './views.js';
import { pageOf, wholePage } from '../../kernel/page/index.js';

type NewEnrollment = Omit<typeof employments.$inferInsert, 'id' | 'status' | 'createdAt' | 'updatedAt'> & { kind: EnrollmentKind };

/**
 * Inserts an active enrollment from its first month, with its status change, history row and event.
 * A person already holding the insurance type (any kind, not removed) is a 409 naming `field`.
 */
export async function insertEnrollment(ctx: AppContext, tx: Db, actor: Actor, values: NewEnrollment, field: string): Promise<EmploymentRow> {
  const [created] = await tx
    .insert(employments)
    .values({ ...values, id: newId('emp'), status: 'active' })
    .onConflictDoNothing()
    .returning();
  if (!created) throw conflict('enrollment.person_already_enrolled', { insuranceType: values.insuranceType }, field);
  await tx.insert(statusChanges).values({ employmentId: created.id, month: created.fromMonth, status: 'active' });
  const detail = { employmentId: created.id, kind: created.kind, unitEnrollmentId: created.unitEnrollmentId, insuranceType: created.insuranceType, fromMonth: policy.monthText(created.fromMonth) };
  await record(tx, actor, 'person_enrolled', { entityId: created.entityId, personId: created.personId }, detail);
  await ctx.outbox.publish(tx, PERSON_ENROLLED, { ...detail, personId: created.personId, entityId: created.entityId, regionCode: created.regionCode });
  return created;
}

/** 增员 adds a registered, active person to a unit enrollment from a month (not before the unit's). */
export async function addEmployee(ctx: AppContext, actor: Actor, unitId: string, input: { personId: string; fromMonth: string }) {
  const unit = await unitInScope(ctx.database.db, actor, unitId);
  if (unit.status !== 'active') throw conflict('enrollment.unit_not_active');
  const fromMonth = policy.monthKey(input.fromMonth, 'fromMonth');
  if (fromMonth < unit.fromMonth) throw badRequest('enrollment.before_unit_enrollment', 'fromMonth', { unitFrom: policy.monthText(unit.fromMonth) });
  const person = await registry.getPerson(ctx, input.personId);
  if (!person) throw notFound('enrollment.person_not_found');
  if (person.status !== 'active') throw new DomainError('enrollment.person_cancelled', 'unprocessable', { field: 'personId' }, 'personId');
  return transaction(ctx.database.db, async (tx) => {
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

/** An enrollment the actor sees (locked for update when asked); any other is not found. */
export async function employmentInScope(db: Db, actor: Actor, id: string, lock = false): Promise<EmploymentRow> {
  const query = db.select().from(employments).where(eq(employments.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !sees(actor, row)) throw notFound('enrollment.employee_not_found');
  return row;
}

/** Enrollments with their dated status changes and wage declarations, two queries for all of them. */
async function withDetail(db: Db, rows: EmploymentRow[]): Promise<EmploymentDetailView[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [changes, wages] = await Promise.all([
    db.select().from(statusChanges).where(inArray(statusChanges.employmentId, ids)).orderBy(asc(statusChanges.id)),
    db.select().from(wageDeclarations).where(inArray(wageDeclarations.employmentId, ids)).orderBy(asc(wageDeclarations.year)),
  ]);
  return rows.map((r) => ({
    ...employmentView(r),
    changes: changes.filter((c) => c.employmentId === r.id).map(changeView),
    wages: wages.filter((w) => w.employmentId === r.id).map(wageView),
  }));
}

/** 职工参保详情 one enrollment with its status changes and wage declarations. */
export async function getEmployee(ctx: AppContext, actor: Actor, id: string): Promise<EmploymentDetailView> {
  const db = ctx.database.db;
  const [detail] = await withDetail(db, [await employmentInScope(db, actor, id)]);
  return detail;
}

/** The enrollments the actor sees (a unit agent: their entity's employees, across its unit enrollments), by id. */
export async function listEmployments(ctx: AppContext, actor: Actor, query: { page: number; pageSize: number; status?: EmployeeStatus; insuranceType?: string }) {
  const db = ctx.database.db;
  const where = and(employmentScope(actor), query.status ? eq(employments.status, query.status) : undefined, query.insuranceType ? eq(employments.insuranceType, query.insuranceType) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(employments).where(where).orderBy(asc(employments.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(employments).where(where),
  ]);
  return pageOf(rows.map(employmentView), total, query);
}

/** 人员参保记录 a person's enrollments the actor sees, each with its dated status changes and wage declarations (a short list, one page). */
export async function personEmployments(ctx: AppContext, actor: Actor, personId: string) {
  await personInScope(ctx, actor, personId);
  const db = ctx.database.db;
  const rows = await db.select().from(employments).where(and(eq(employments.personId, personId), employmentScope(actor))).orderBy(asc(employments.id));
  return wholePage(await withDetail(db, rows));
}

/**
 * Applies a status change to a locked enrollment, with its history row and event. A month before the
 * last change is a 400 naming `monthField`, or a 409 when the month was not the caller's input
 * (approving an application whose enrollment changed meanwhile).
 */
export async function applyStatusChange(ctx: AppContext, tx: Db, actor: Actor, row: EmploymentRow, action: EmployeeAction, key: number, monthField: string | null): Promise<EmploymentRow> {
  const changes = await tx.select().from(statusChanges).where(eq(statusChanges.employmentId, row.id)).orderBy(asc(statusChanges.id));
  const outcome = transition(changes, action, key);
  if (!outcome.ok) {
    if (outcome.reason === 'state') throw conflict('enrollment.status_invalid', { status: outcome.status, action });
    const params = { lastMonth: policy.monthText(outcome.lastMonth) };
    throw monthField ? badRequest('enrollment.month_before_last', monthField, params) : conflict('enrollment.month_before_last', params);
  }
  const [updated] = await tx.update(employments).set({ status: outcome.change.status, updatedAt: new Date() }).where(eq(employments.id, row.id)).returning();
  await tx.insert(statusChanges).values({ employmentId: row.id, month: key, status: outcome.change.status });
  const topic = STATUS_TOPICS[action];
  const detail = { employmentId: row.id, kind: row.kind, insuranceType: row.insuranceType, month: policy.monthText(key), status: outcome.change.status };
  // the history names the change as its event does: person_suspended, person_resumed, person_removed
  await record(tx, actor, topic.name.slice('enrollment.'.length), { entityId: row.entityId, personId: row.personId }, detail);
  await ctx.outbox.publish(tx, topic, { ...detail, personId: row.personId, entityId: row.entityId, regionCode: row.regionCode });
  return updated;
}

/** 暂停 / 恢复 / 减员 an enrollment from a month. */
export async function changeEmployeeStatus(ctx: AppContext, actor: Actor, id: string, action: EmployeeAction, month: string) {
  const key = policy.monthKey(month, 'month');
  return transaction(ctx.database.db, async (tx) => employmentView(await applyStatusChange(ctx, tx, actor, await employmentInScope(tx, actor, id, true), action, key, 'month')));
}
