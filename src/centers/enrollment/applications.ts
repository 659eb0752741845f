/**
 * 申请 a person's own applications: to enrol as a flexible worker (灵活就业人员参保, with the base
 * they choose) or as a resident (城乡居民参保), or to suspend their flexible enrollment (暂停缴费).
 * A clerk of the application's region reviews it; approval creates (or suspends) the enrollment in
 * the same transaction.
 */
import { and, asc, count, desc, eq, ne } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { DomainError, badRequest, conflict, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { maskIdNumber, maskName } from '../../kernel/crypto/index.js';
import * as policy from '../policy/index.js';
import * as registry from '../registry/index.js';
import type { ApplicationWithApplicantView } from './contract.js';
import { APPLICATION_APPROVED, APPLICATION_REJECTED, APPLICATION_SUBMITTED, APPLICATION_WITHDRAWN } from './events.js';
import { applyStatusChange, employmentInScope, insertEnrollment } from './employees.js';
import { record } from './history.js';
import { requireAdmitted } from './admitted.js';
import { baseWithin, ENROLLMENT_KIND_OF, missingApplicationField, transition, yuan, type ApplicationFields, type ApplicationKind, type ApplicationStatus } from './rules.js';
import { applications, employments, statusChanges } from './schema.js';
import { applicationScope, sees, type Actor, type PersonActor, type RegionActor } from './scope.js';
import { applicationView, type ApplicationRow } from './views.js';
import { boundingParameters, saveWageDeclaration, type Clamp } from './wages.js';
import { pageOf } from '../../kernel/page/index.js';

export interface ApplicationInput extends ApplicationFields {
  kind: ApplicationKind;
  /** `YYYY-MM`: enrolled from, or suspended from */
  fromMonth: string;
}

/** The topic of each state an application reaches. */
const TOPIC_OF = { submitted: APPLICATION_SUBMITTED, approved: APPLICATION_APPROVED, rejected: APPLICATION_REJECTED, withdrawn: APPLICATION_WITHDRAWN } as const;

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
    await requireAdmitted(ctx, insuranceType, ENROLLMENT_KIND_OF[input.kind]!);
    const held = await heldEnrollment(db, person.id, insuranceType);
    if (held) throw conflict('enrollment.already_enrolled', { insuranceType, kind: held.kind, status: held.status }, 'insuranceType');
    if (input.kind === 'flexible_enrollment') await checkChosenBase(ctx, input.regionCode!, insuranceType, input.fromMonth, input.monthlyBaseFen!);
    target = { insuranceType, regionCode: input.regionCode!, employmentId: null, subject: `enroll:${insuranceType}` };
  }
  return transaction(db, async (tx) => {
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
    await noteApplication(ctx, tx, actor, created);
    return applicationView(created);
  });
}

/** Records the application's new state in the history and publishes its event. */
async function noteApplication(ctx: AppContext, tx: Db, actor: Actor, row: ApplicationRow) {
  const detail = { applicationId: row.id, kind: row.kind, insuranceType: row.insuranceType, fromMonth: policy.monthText(row.fromMonth), ...(row.reviewNote ? { note: row.reviewNote } : {}) };
  await record(tx, actor, `application_${row.status}`, { personId: row.personId }, detail);
  await ctx.outbox.publish(tx, TOPIC_OF[row.status], { applicationId: row.id, personId: row.personId, kind: row.kind, insuranceType: row.insuranceType, regionCode: row.regionCode, status: row.status });
}

/** An application the actor sees (a clerk: of their region; a person: their own); any other is not found. */
async function applicationInScope(db: Db, actor: Actor, id: string, lock = false): Promise<ApplicationRow> {
  const query = db.select().from(applications).where(eq(applications.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !sees(actor, { regionCode: row.regionCode, entityId: null, personId: row.personId })) throw notFound('enrollment.application_not_found');
  return row;
}

/** Applications with who applied (name and identity number masked), one registry read per page. */
async function withApplicants(ctx: AppContext, rows: ApplicationRow[]): Promise<ApplicationWithApplicantView[]> {
  const persons = await registry.getPersons(ctx, rows.map((r) => r.personId));
  return rows.map((row) => {
    const person = persons.get(row.personId);
    return { ...applicationView(row), applicant: person ? { name: maskName(person.name), idNumber: maskIdNumber(person.idNumber), regionCode: person.regionCode } : null };
  });
}

/** 申请详情 one application with its applicant. */
export const getApplication = async (ctx: AppContext, actor: Actor, id: string) => (await withApplicants(ctx, [await applicationInScope(ctx.database.db, actor, id)]))[0];

/** 申请列表 the applications the actor sees, newest first, with their applicants. */
export async function listApplications(ctx: AppContext, actor: Actor, query: { page: number; pageSize: number; status?: ApplicationStatus; kind?: ApplicationKind }) {
  const db = ctx.database.db;
  const where = and(applicationScope(actor), query.status ? eq(applications.status, query.status) : undefined, query.kind ? eq(applications.kind, query.kind) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(applications).where(where).orderBy(desc(applications.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(applications).where(where),
  ]);
  return pageOf(await withApplicants(ctx, rows), total, query);
}

const requireSubmitted = (row: ApplicationRow) => {
  if (row.status !== 'submitted') throw conflict('enrollment.application_decided', { status: row.status });
};

/** 撤回 the person withdraws their application before a clerk decides it. */
export async function withdrawApplication(ctx: AppContext, actor: PersonActor, id: string) {
  return transaction(ctx.database.db, async (tx) => {
    const row = await applicationInScope(tx, actor, id, true);
    requireSubmitted(row);
    const [updated] = await tx.update(applications).set({ status: 'withdrawn', updatedAt: new Date() }).where(eq(applications.id, id)).returning();
    await noteApplication(ctx, tx, actor, updated);
    return applicationView(updated);
  });
}

/** 不予受理 a clerk of the application's region rejects it, saying why. */
export async function rejectApplication(ctx: AppContext, actor: RegionActor, id: string, note: string) {
  if (!note.trim()) throw badRequest('enrollment.field_required', 'note', { field: 'note' });
  return transaction(ctx.database.db, async (tx) => {
    const row = await applicationInScope(tx, actor, id, true);
    requireSubmitted(row);
    const now = new Date();
    const [updated] = await tx
      .update(applications)
      .set({ status: 'rejected', reviewNote: note.trim(), reviewedBy: actor.accountId, reviewedAt: now, updatedAt: now })
      .where(eq(applications.id, id))
      .returning();
    await noteApplication(ctx, tx, actor, updated);
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
    // The type may have stopped admitting the kind since the application was made.
    await requireAdmitted(ctx, peek.insuranceType, enrollmentKind);
    const person = await registry.getPerson(ctx, peek.personId);
    if (!person || person.status !== 'active') throw new DomainError('enrollment.person_cancelled', 'unprocessable', {});
    if (enrollmentKind === 'flexible') {
      const parameters = await boundingParameters(ctx, peek.regionCode, peek.insuranceType, policy.monthText(peek.fromMonth));
      clamp = { parameters, clamped: policy.clampBase(peek.monthlyBaseFen ?? 0, parameters.wage.monthlyFen, parameters.baseRule) };
    }
  }
  return transaction(ctx.database.db, async (tx) => {
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
    await noteApplication(ctx, tx, actor, updated);
    return applicationView(updated);
  });
}
