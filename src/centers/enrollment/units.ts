/** 单位参保 unit enrollment: a registered legal entity enrolled in an insurance type from a month, and its employees. */
import { and, asc, count, eq } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { DomainError, conflict, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import * as policy from '../policy/index.js';
import * as registry from '../registry/index.js';
import { requireAdmitted } from './admitted.js';
import { UNIT_ENROLLED } from './events.js';
import { historyPage, record } from './history.js';
import type { EmployeeStatus } from './rules.js';
import { employments, history, unitEnrollments } from './schema.js';
import { sees, unitScope, type Actor } from './scope.js';
import { employmentView, unitView, type UnitRow } from './views.js';
import { pageOf } from '../../kernel/page/index.js';

/** 单位参保 enrols a registered, active legal entity the actor sees in an insurance type, once per type. */
export async function enrollUnit(ctx: AppContext, actor: Actor, input: { entityId: string; insuranceType: string; fromMonth: string }) {
  const entity = await registry.getEntity(ctx, input.entityId);
  if (!entity || !sees(actor, { regionCode: entity.regionCode, entityId: entity.id })) throw notFound('enrollment.entity_not_found');
  if (entity.status !== 'active') throw new DomainError('enrollment.entity_cancelled', 'unprocessable', { field: 'entityId' }, 'entityId');
  await requireAdmitted(ctx, input.insuranceType, 'employee');
  const fromMonth = policy.monthKey(input.fromMonth, 'fromMonth');
  return transaction(ctx.database.db, async (tx) => unitView(await insertUnitEnrollment(ctx, tx, actor, { entityId: entity.id, regionCode: entity.regionCode }, input.insuranceType, fromMonth)));
}

/** The unit enrollment, its history row and event, in the caller's transaction; once per (entity, type) while active (409 `insuranceType`). */
export async function insertUnitEnrollment(ctx: AppContext, tx: Db, actor: Pick<Actor, 'accountId'>, entity: { entityId: string; regionCode: string }, insuranceType: string, fromMonth: number) {
  const [created] = await tx
    .insert(unitEnrollments)
    .values({ id: newId('uen'), entityId: entity.entityId, insuranceType, regionCode: entity.regionCode, fromMonth, createdBy: actor.accountId })
    .onConflictDoNothing()
    .returning();
  if (!created) throw conflict('enrollment.unit_already_enrolled', { insuranceType }, 'insuranceType');
  const month = policy.monthText(fromMonth);
  await record(tx, actor, 'unit_enrolled', { entityId: entity.entityId }, { unitEnrollmentId: created.id, insuranceType, fromMonth: month });
  await ctx.outbox.publish(tx, UNIT_ENROLLED, { unitEnrollmentId: created.id, entityId: entity.entityId, insuranceType, regionCode: created.regionCode, fromMonth: month });
  return created;
}

/** A unit enrollment the actor sees; any other is not found. */
export async function unitInScope(db: Db, actor: Actor, id: string): Promise<UnitRow> {
  const [row] = await db.select().from(unitEnrollments).where(eq(unitEnrollments.id, id));
  if (!row || !sees(actor, row)) throw notFound('enrollment.unit_not_found');
  return row;
}

export const getUnit = async (ctx: AppContext, actor: Actor, id: string) => unitView(await unitInScope(ctx.database.db, actor, id));

/** 单位参保列表 the unit enrollments the actor sees, by id. */
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
  return pageOf(rows.map(unitView), total, query);
}

/** 单位职工 the employees enrolled through one unit enrollment, by id. */
export async function listEmployees(ctx: AppContext, actor: Actor, unitId: string, query: { page: number; pageSize: number; status?: EmployeeStatus }) {
  const db = ctx.database.db;
  await unitInScope(db, actor, unitId);
  const where = and(eq(employments.unitEnrollmentId, unitId), query.status ? eq(employments.status, query.status) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(employments).where(where).orderBy(asc(employments.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(employments).where(where),
  ]);
  return pageOf(rows.map(employmentView), total, query);
}

/** 单位变更记录 what happened through the unit's entity, newest first. */
export async function unitHistory(ctx: AppContext, actor: Actor, unitId: string, query: { page: number; pageSize: number }) {
  const unit = await unitInScope(ctx.database.db, actor, unitId);
  return historyPage(ctx, eq(history.entityId, unit.entityId), query);
}
