/**
 * 申请 a person's own applications: to enrol as a flexible worker (灵活就业人员参保, with the base
 * they choose) or as a resident (城乡居民参保), or to suspend their flexible enrollment (暂停缴费).
 * A clerk of the application's region reviews it; approval creates (or suspends) the enrollment in
 * the same transaction. 首次申办 a person the registry does not hold yet applies carrying their
 * declared registry record; approval creates the registry person too, in that transaction.
 */
import { and, asc, count, desc, eq, ne, or, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { DomainError, badRequest, conflict, forbidden, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { maskIdNumber, maskName, maskPhone } from '../../kernel/crypto/index.js';
import * as policy from '../policy/index.js';
import * as registry from '../registry/index.js';
import type { ApplicationWithApplicantView } from './contract.js';
import { APPLICATION_APPROVED, APPLICATION_REJECTED, APPLICATION_SUBMITTED, APPLICATION_WITHDRAWN } from './events.js';
import { applyStatusChange, employmentInScope, insertEnrollment } from './employees.js';
import { record } from './history.js';
import { requireAdmitted } from './admitted.js';
import { baseWithin, ENROLLMENT_KIND_OF, missingApplicationField, transition, yuan, type ApplicationFields, type ApplicationKind, type ApplicationStatus } from './rules.js';
import { applications, employments, statusChanges, type DeclaredEntity, type DeclaredPerson } from './schema.js';
import { insertUnitEnrollment } from './units.js';
import type { Actor, PersonActor, RegionActor } from './scope.js';
import { withinScope } from '../../kernel/actor/sql.js';
import { applicationView, type ApplicationRow } from './views.js';
import { boundingParameters, saveWageDeclaration, type Clamp } from './wages.js';
import { pageOf } from '../../kernel/page/index.js';

export interface ApplicationInput extends ApplicationFields {
  kind: ApplicationKind;
  /** `YYYY-MM`: enrolled from, or suspended from */
  fromMonth: string;
}

/**
 * Who applies: a person in the registry, or (首次申办) a real-name verified account the registry
 * does not hold yet (`personId` null), which sees the applications it made.
 */
export interface Applicant {
  accountId: string;
  personId: string | null;
}

/** What the real-name verified account says of the person (never what a form says). */
export interface VerifiedIdentity {
  name: string;
  idNumber: string;
  phone: string | null;
}

/** 首次申办 an enrollment application and what the platform does not know of the person: where their household is and their address. */
export interface FirstVisitInput extends ApplicationInput {
  /** 户籍所在地 the household region; the application is reviewed there, and the enrollment is there */
  regionCode?: string;
  /** 联系地址 */
  address?: string;
}

/** The registry category a first visit's person is registered in, by what they apply for. */
const CATEGORY_OF = { flexible_enrollment: 'flexible', resident_enrollment: 'resident' } as const;

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
  if (input.kind === 'unit_enrollment') throw new DomainError('enrollment.unit_kind', 'unprocessable', {}, 'kind');
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

/**
 * 首次申办 a real-name verified person the registry does not hold applies to enrol as a flexible
 * worker or a resident, carrying the registry record the clerk confirms on approval: name and
 * identity number from the verified account, birth date and sex derived from the identity number,
 * the household region (reviewed and enrolled there) and address declared. The same checks as
 * `submitApplication`; one such application per insurance type may be pending.
 */
export async function submitFirstVisit(ctx: AppContext, applicant: { accountId: string }, identity: VerifiedIdentity, input: FirstVisitInput) {
  if (input.kind === 'unit_enrollment') throw new DomainError('enrollment.unit_kind', 'unprocessable', {}, 'kind');
  if (input.kind === 'flexible_suspension') throw new DomainError('enrollment.first_visit_kind', 'unprocessable', {}, 'kind');
  const missing = missingApplicationField(input.kind, input) ?? (input.address?.trim() ? null : 'address');
  if (missing) throw badRequest('enrollment.field_required', missing, { field: missing });
  const address = input.address!.trim();
  if (address.length > 200) throw badRequest('enrollment.address_too_long', 'address');
  const fromMonth = policy.monthKey(input.fromMonth, 'fromMonth');
  const regionCode = input.regionCode!;
  const person = registry.checkPerson({ idNumber: identity.idNumber, name: identity.name, phone: identity.phone ?? undefined, regionCode, category: CATEGORY_OF[input.kind] });
  const insuranceType = input.insuranceType!;
  await requireAdmitted(ctx, insuranceType, ENROLLMENT_KIND_OF[input.kind]!);
  if (input.kind === 'flexible_enrollment') await checkChosenBase(ctx, regionCode, insuranceType, input.fromMonth, input.monthlyBaseFen!);
  const declared: DeclaredPerson = {
    subject: 'person',
    name: person.name,
    idNumberEnc: ctx.fields.encrypt(person.idNumber),
    birthDate: person.birthDate,
    sex: person.sex,
    phoneEnc: person.phone ? ctx.fields.encrypt(person.phone) : null,
    regionCode,
    address,
  };
  return transaction(ctx.database.db, async (tx) => {
    const [created] = await tx
      .insert(applications)
      .values({
        id: newId('apl'),
        kind: input.kind,
        personId: null,
        accountId: applicant.accountId,
        insuranceType,
        regionCode,
        employmentId: null,
        subject: `enroll:${insuranceType}`,
        fromMonth,
        monthlyBaseFen: input.kind === 'flexible_enrollment' ? input.monthlyBaseFen! : null,
        declared,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) throw conflict('enrollment.application_pending', {}, 'insuranceType');
    await noteApplication(ctx, tx, applicant, created);
    return applicationView(created);
  });
}

/** 单位首次申办: what the unit's managing agent declares besides what the platform knows of the unit. */
export interface UnitFirstVisitInput {
  /** 单位类型 */
  type: string;
  /** where the unit is registered and enrolled (one of the agency offices' regions) */
  regionCode?: string;
  address?: string;
  insuranceType?: string;
  fromMonth: string;
}

/**
 * 单位首次申办 a unit the registry does not hold applies for 单位参保登记 through its managing agent,
 * carrying the legal-entity record the clerk confirms on approval: name and credit code from the
 * unit's registration, the legal representative from the agent's real-name verified account (so the
 * unit's binding is verified once registered), the type, region and address declared. The insurance
 * type must admit employees; one such application per type may be pending.
 */
export async function submitUnitFirstVisit(
  ctx: AppContext,
  applicant: { accountId: string },
  unit: { creditCode: string; name: string },
  legalRep: { name: string; idNumber: string },
  input: UnitFirstVisitInput,
) {
  const missing = missingApplicationField('unit_enrollment', input) ?? (input.address?.trim() ? null : 'address');
  if (missing) throw badRequest('enrollment.field_required', missing, { field: missing });
  const address = input.address!.trim();
  if (address.length > 200) throw badRequest('enrollment.address_too_long', 'address');
  const fromMonth = policy.monthKey(input.fromMonth, 'fromMonth');
  const insuranceType = input.insuranceType!;
  await requireAdmitted(ctx, insuranceType, 'employee');
  const declared: DeclaredEntity = {
    subject: 'entity',
    creditCode: unit.creditCode,
    name: unit.name,
    type: input.type,
    regionCode: input.regionCode!,
    address,
    legalRepName: legalRep.name,
    legalRepIdNumberEnc: ctx.fields.encrypt(legalRep.idNumber),
  };
  return transaction(ctx.database.db, async (tx) => {
    const [created] = await tx
      .insert(applications)
      .values({ id: newId('apl'), kind: 'unit_enrollment', personId: null, accountId: applicant.accountId, insuranceType, regionCode: declared.regionCode, subject: `unit:${insuranceType}`, fromMonth, declared })
      .onConflictDoNothing()
      .returning();
    if (!created) throw conflict('enrollment.application_pending', {}, 'insuranceType');
    await noteApplication(ctx, tx, applicant, created);
    return applicationView(created);
  });
}

/** Records the application's new state in the history and publishes its event. */
async function noteApplication(ctx: AppContext, tx: Db, actor: Pick<Actor, 'accountId'>, row: ApplicationRow) {
  const detail = { applicationId: row.id, kind: row.kind, insuranceType: row.insuranceType, fromMonth: policy.monthText(row.fromMonth), ...(row.reviewNote ? { note: row.reviewNote } : {}) };
  await record(tx, actor, `application_${row.status}`, { personId: row.personId }, detail);
  await ctx.outbox.publish(tx, TOPIC_OF[row.status], { applicationId: row.id, personId: row.personId, kind: row.kind, insuranceType: row.insuranceType, regionCode: row.regionCode, status: row.status });
}

/** Who may see applications: a clerk (of their region) or an applicant (their own). */
type Reader = RegionActor | Applicant;

/** Whether the reader sees the application: a clerk of its region; the person it is for, or the account that made it. */
function seesApplication(reader: Reader, row: ApplicationRow): boolean {
  if ('scope' in reader) return reader.scope.covers(row.regionCode);
  return row.accountId === reader.accountId || (reader.personId !== null && row.personId === reader.personId);
}

function applicationScope(reader: Reader): SQL | undefined {
  if ('scope' in reader) return withinScope(applications.regionCode, reader.scope);
  const own = eq(applications.accountId, reader.accountId);
  return reader.personId ? or(eq(applications.personId, reader.personId), own) : own;
}

/** An application the reader sees; any other is not found. */
async function applicationInScope(db: Db, reader: Reader, id: string, lock = false): Promise<ApplicationRow> {
  const query = db.select().from(applications).where(eq(applications.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !seesApplication(reader, row)) throw notFound('enrollment.application_not_found');
  return row;
}

/** The declared record as the review shows it: name and identity number masked, as the applicant's are. */
function declaredView(ctx: AppContext, declared: DeclaredPerson) {
  const phone = declared.phoneEnc ? ctx.fields.decrypt(declared.phoneEnc) : null;
  return {
    name: maskName(declared.name),
    idNumber: maskIdNumber(ctx.fields.decrypt(declared.idNumberEnc)),
    birthDate: declared.birthDate,
    sex: declared.sex,
    phone: phone ? maskPhone(phone) : null,
    regionCode: declared.regionCode,
    address: declared.address,
  };
}

/** Applications with who applied (name and identity number masked), one registry read per page. */
/** A unit's declared record as the review shows it: the legal representative masked, the unit's name and credit code public. */
function declaredEntityView(ctx: AppContext, declared: DeclaredEntity) {
  return {
    creditCode: declared.creditCode,
    name: declared.name,
    type: declared.type,
    regionCode: declared.regionCode,
    address: declared.address,
    legalRepresentative: { name: maskName(declared.legalRepName), idNumber: maskIdNumber(ctx.fields.decrypt(declared.legalRepIdNumberEnc)) },
  };
}

async function withApplicants(ctx: AppContext, rows: ApplicationRow[]): Promise<ApplicationWithApplicantView[]> {
  const persons = await registry.getPersons(ctx, rows.flatMap((r) => (r.personId ? [r.personId] : [])));
  return rows.map((row) => {
    const person = row.personId ? persons.get(row.personId) : undefined;
    return {
      ...applicationView(row),
      applicant: person ? { name: maskName(person.name), idNumber: maskIdNumber(person.idNumber), regionCode: person.regionCode } : null,
      declared: row.declared?.subject === 'person' ? declaredView(ctx, row.declared) : null,
      declaredEntity: row.declared?.subject === 'entity' ? declaredEntityView(ctx, row.declared) : null,
    };
  });
}

/** 申请详情 one application with its applicant. */
export const getApplication = async (ctx: AppContext, actor: Reader, id: string) => (await withApplicants(ctx, [await applicationInScope(ctx.database.db, actor, id)]))[0];

/** 申请列表 the applications the actor sees, newest first, with their applicants. */
export async function listApplications(ctx: AppContext, actor: Reader, query: { page: number; pageSize: number; status?: ApplicationStatus; kind?: ApplicationKind }) {
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
export async function withdrawApplication(ctx: AppContext, actor: Applicant, id: string) {
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
 * declaration), or the flexible enrollment is suspended from that month. A first visit's declared
 * record becomes the registry's person in it too (the clerk must also maintain the registry).
 */
export async function approveApplication(ctx: AppContext, actor: RegionActor, id: string, note?: string, options: { mayRegister?: boolean } = {}) {
  // Policy and registry reads happen before the transaction; the rows they guard are re-checked in it.
  const peek = await applicationInScope(ctx.database.db, actor, id);
  requireSubmitted(peek);
  if (peek.personId === null && !options.mayRegister) throw forbidden('enrollment.registry_manage_required');
  if (peek.declared?.subject === 'entity') return approveUnitApplication(ctx, actor, peek, note);
  const enrollmentKind = ENROLLMENT_KIND_OF[peek.kind];
  let clamp: Clamp | null = null;
  // 首次申办: the registry is asked first (优先使用本地数据): a person registered meanwhile under the
  // identity number is the one enrolled, when the name agrees; otherwise the declared record is created.
  let known: registry.RegistryPerson | null = null;
  if (peek.personId === null && peek.declared?.subject === 'person') {
    known = await registry.findPersonByIdNumber(ctx, ctx.fields.decrypt(peek.declared.idNumberEnc));
    if (known && known.name !== peek.declared.name) throw conflict('enrollment.declared_differs', {}, 'declared');
  }
  if (enrollmentKind) {
    // The type may have stopped admitting the kind since the application was made.
    await requireAdmitted(ctx, peek.insuranceType, enrollmentKind);
    const person = peek.personId ? await registry.getPerson(ctx, peek.personId) : known;
    if (person ? person.status !== 'active' : !peek.declared) throw new DomainError('enrollment.person_cancelled', 'unprocessable', {});
    if (enrollmentKind === 'flexible') {
      const parameters = await boundingParameters(ctx, peek.regionCode, peek.insuranceType, policy.monthText(peek.fromMonth));
      clamp = { parameters, clamped: policy.clampBase(peek.monthlyBaseFen ?? 0, parameters.wage.monthlyFen, parameters.baseRule) };
    }
  }
  return transaction(ctx.database.db, async (tx) => {
    const row = await applicationInScope(tx, actor, id, true);
    requireSubmitted(row);
    const personId = row.personId ?? known?.id ?? (await registerDeclared(ctx, tx, actor, row));
    let employmentId: string;
    if (enrollmentKind) {
      const created = await insertEnrollment(
        ctx,
        tx,
        actor,
        { kind: enrollmentKind, unitEnrollmentId: null, entityId: null, personId, insuranceType: row.insuranceType, regionCode: row.regionCode, fromMonth: row.fromMonth },
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
      .set({ status: 'approved', personId, employmentId, reviewNote: note?.trim() || null, reviewedBy: actor.accountId, reviewedAt: now, updatedAt: now })
      .where(eq(applications.id, id))
      .returning();
    await noteApplication(ctx, tx, actor, updated);
    return applicationView(updated);
  });
}

/**
 * 首次申办 the declared record becomes the registry's person, in the approving transaction, as the
 * clerk's own registration would be (their region only, the registry's history and event); an
 * identity number on file meanwhile under another name is a 409 and nothing is created.
 */
async function registerDeclared(ctx: AppContext, tx: Db, actor: RegionActor, row: ApplicationRow): Promise<string> {
  const declared = row.declared;
  if (declared?.subject !== 'person') throw notFound('enrollment.person_not_found');
  const category = CATEGORY_OF[row.kind as keyof typeof CATEGORY_OF] ?? 'resident';
  const outcome = await registry.registerPersonIn(ctx, tx, { id: actor.accountId, kind: 'agency_staff' }, actor.scope, {
    idNumber: ctx.fields.decrypt(declared.idNumberEnc),
    name: declared.name,
    phone: declared.phoneEnc ? ctx.fields.decrypt(declared.phoneEnc) : undefined,
    regionCode: declared.regionCode,
    category,
  });
  if (outcome.kind !== 'created') throw conflict('enrollment.declared_differs', {}, 'declared');
  await record(tx, actor, 'person_registered', { personId: outcome.person.id }, { applicationId: row.id, regionCode: declared.regionCode, category });
  return outcome.person.id;
}

/**
 * 单位首次申办 approved: the declared legal entity is registered (the registry's history and event,
 * the clerk's region only) and enrolled in the type from the month applied for, with the
 * application's decision, in one transaction. The registry is asked first: a credit code registered
 * meanwhile is a 409 naming `declared` (the agent's unit is registered: it enrols as any unit does).
 */
async function approveUnitApplication(ctx: AppContext, actor: RegionActor, peek: ApplicationRow, note?: string) {
  const declared = peek.declared as DeclaredEntity;
  if (await registry.findEntityByCreditCode(ctx, declared.creditCode)) throw conflict('enrollment.entity_registered', {}, 'declared');
  await requireAdmitted(ctx, peek.insuranceType, 'employee');
  return transaction(ctx.database.db, async (tx) => {
    const row = await applicationInScope(tx, actor, peek.id, true);
    requireSubmitted(row);
    const entity = await registry.registerEntityIn(ctx, tx, { id: actor.accountId, kind: 'agency_staff' }, actor.scope, {
      creditCode: declared.creditCode,
      name: declared.name,
      type: declared.type as registry.EntityType,
      regionCode: declared.regionCode,
      legalRepName: declared.legalRepName,
      legalRepIdNumber: ctx.fields.decrypt(declared.legalRepIdNumberEnc),
    });
    await record(tx, actor, 'entity_registered', { entityId: entity.id }, { applicationId: row.id, regionCode: declared.regionCode });
    const unit = await insertUnitEnrollment(ctx, tx, actor, { entityId: entity.id, regionCode: entity.regionCode }, row.insuranceType, row.fromMonth);
    const now = new Date();
    const [updated] = await tx
      .update(applications)
      .set({ status: 'approved', employmentId: unit.id, reviewNote: note?.trim() || null, reviewedBy: actor.accountId, reviewedAt: now, updatedAt: now })
      .where(eq(applications.id, row.id))
      .returning();
    await noteApplication(ctx, tx, actor, updated);
    return applicationView(updated);
  });
}
