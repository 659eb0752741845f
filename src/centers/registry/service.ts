/**
 * 基本信息 domain logic: persons and legal entities, their history, and conflict cases (会商).
 * Plain functions over a database handle; a write takes the caller's transaction so the change,
 * its history row and its outbox event commit together.
 */
import { and, count, desc, eq, inArray, like, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/index.js';
import { DomainError, badRequest, conflict, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { maskCreditCode, maskIdNumber, maskName, maskPhone } from '../../kernel/crypto/index.js';
import {
  checkCancelDate,
  checkIdentity,
  isProblem,
  normalizeCreditCode,
  normalizeIdNumber,
  normalizeName,
  normalizePhone,
  parseCategory,
  regionWithin,
  type CancelReason,
  type EntityType,
  type PersonCategory,
} from './rules.js';
import type { PersonRow } from './rows.js';
import { conflicts, entities, history, persons, type FieldChange, type PersonVersion } from './schema.js';

export type RegistryDeps = Pick<AppContext, 'database' | 'fields' | 'outbox'>;
export type Person = typeof persons.$inferSelect;
export type Entity = typeof entities.$inferSelect;
export type Conflict = typeof conflicts.$inferSelect;
export type HistoryRow = typeof history.$inferSelect;

/** Who makes a change: an account, or the command-line importer / system. */
export interface Actor {
  id: string | null;
  kind: string;
}

/** Region-code prefix the caller owns; '' is national. */
export interface Scope {
  prefix: string;
}

const inScope = (scope: Scope, regionCode: string) => regionWithin(regionCode, scope.prefix);
const regionFilter = (column: typeof persons.regionCode | typeof entities.regionCode | typeof conflicts.regionCode, scope: Scope) =>
  scope.prefix ? like(column, `${scope.prefix}%`) : undefined;

function requireRegion(scope: Scope, regionCode: string, field = 'regionCode') {
  if (!inScope(scope, regionCode)) throw new DomainError('registry.region_out_of_scope', 'forbidden', { field }, field);
}

// ---------------------------------------------------------------------------------------------
// Persons

export interface NewPerson {
  idNumber: string;
  name: string;
  birthDate?: string;
  sex?: string;
  phone?: string;
  regionCode: string;
  category: string;
}

/** Checks a person as the API receives it; a field that disagrees with the identity number is a 400 naming it. */
export function checkNewPerson(input: NewPerson, today: Date = new Date()): PersonRow {
  const identity = checkIdentity({ idNumber: input.idNumber, birthDate: input.birthDate, sex: input.sex }, today);
  if (isProblem(identity)) throw badRequest(identity.code, identity.field);
  const name = normalizeName(input.name);
  if (!name) throw badRequest('registry.name_invalid', 'name');
  const phone = input.phone ? normalizePhone(input.phone) : null;
  if (input.phone && !phone) throw badRequest('registry.phone_invalid', 'phone');
  const category = parseCategory(input.category);
  if (!category) throw badRequest('registry.category_invalid', 'category');
  return { ...identity, name, phone, regionCode: input.regionCode, category };
}

/** Column values of a new person (encrypted identity number and phone, with blind indexes). */
export function personValues(deps: Pick<RegistryDeps, 'fields'>, row: PersonRow, id = newId('psn')) {
  return {
    id,
    idNumberEnc: deps.fields.encrypt(row.idNumber),
    idNumberIdx: deps.fields.blindIndex(row.idNumber, 'idNumber'),
    name: row.name,
    birthDate: row.birthDate,
    sex: row.sex,
    phoneEnc: row.phone ? deps.fields.encrypt(row.phone) : null,
    phoneIdx: row.phone ? deps.fields.blindIndex(row.phone, 'phone') : null,
    regionCode: row.regionCode,
    category: row.category,
  };
}

/** The history entry of a creation: every field from nothing to its first value. */
export function creationChanges(deps: Pick<RegistryDeps, 'fields'>, row: PersonRow): FieldChange[] {
  const changes: FieldChange[] = [
    { field: 'name', from: null, to: deps.fields.encrypt(row.name), sensitive: true },
    { field: 'birthDate', from: null, to: row.birthDate },
    { field: 'sex', from: null, to: row.sex },
    { field: 'regionCode', from: null, to: row.regionCode },
    { field: 'category', from: null, to: row.category },
  ];
  if (row.phone) changes.splice(3, 0, { field: 'phone', from: null, to: deps.fields.encrypt(row.phone), sensitive: true });
  return changes;
}

export const personCreatedEvent = (id: string, row: Pick<PersonRow, 'regionCode' | 'category' | 'birthDate'>, source: string, sourceRef?: string | null) => ({
  personId: id,
  regionCode: row.regionCode,
  category: row.category,
  birthDate: row.birthDate,
  source,
  ...(sourceRef ? { sourceRef } : {}),
});

export type CreateOutcome = { kind: 'created'; person: Person } | { kind: 'conflict'; conflict: Conflict; person: Person };

/**
 * 新增 registers a person. An identity number already registered with the same name and birth date
 * is a 409; with a different name or birth date it is not overwritten: a conflict case opens.
 */
export async function createPerson(deps: RegistryDeps, tx: Db, actor: Actor, scope: Scope, input: NewPerson): Promise<CreateOutcome> {
  const row = checkNewPerson(input);
  requireRegion(scope, row.regionCode);
  const values = personValues(deps, row);
  const [created] = await tx.insert(persons).values(values).onConflictDoNothing({ target: persons.idNumberIdx }).returning();
  if (created) {
    await tx.insert(history).values({ subjectType: 'person', subjectId: created.id, action: 'created', changes: creationChanges(deps, row), actorId: actor.id, actorKind: actor.kind, source: 'api' });
    await deps.outbox.publish(tx, 'registry.person_created', personCreatedEvent(created.id, row, 'api'));
    return { kind: 'created', person: created };
  }
  const [existing] = await tx.select().from(persons).where(eq(persons.idNumberIdx, values.idNumberIdx)).for('update');
  if (sameIdentity(existing, row)) throw conflict('registry.person_exists', {}, 'idNumber');
  const opened = await openConflict(deps, tx, { person: existing, incoming: versionOf(deps, row), source: 'create', sourceRef: null, actor });
  return { kind: 'conflict', conflict: opened, person: existing };
}

export const sameIdentity = (person: Pick<Person, 'name' | 'birthDate'>, incoming: { name?: string; birthDate?: string }) =>
  (incoming.name === undefined || person.name === incoming.name) && (incoming.birthDate === undefined || person.birthDate === incoming.birthDate);

/** A person's data as a conflict case keeps it (phone encrypted). */
export function versionOf(deps: Pick<RegistryDeps, 'fields'>, row: Partial<PersonRow>): PersonVersion {
  const version: PersonVersion = {};
  if (row.name !== undefined) version.name = row.name;
  if (row.birthDate !== undefined) version.birthDate = row.birthDate;
  if (row.sex !== undefined) version.sex = row.sex;
  if (row.phone !== undefined) version.phoneEnc = row.phone ? deps.fields.encrypt(row.phone) : null;
  if (row.regionCode !== undefined) version.regionCode = row.regionCode;
  if (row.category !== undefined) version.category = row.category;
  return version;
}

const existingVersion = (person: Person): PersonVersion => ({
  name: person.name,
  birthDate: person.birthDate,
  sex: person.sex,
  phoneEnc: person.phoneEnc,
  regionCode: person.regionCode,
  category: person.category,
});

/** Keyed fingerprint of an incoming version (plain values, so equal arrivals match whatever their encryption). */
export function fingerprintOf(deps: Pick<RegistryDeps, 'fields'>, personId: string, row: Partial<PersonRow>): string {
  const plain = [personId, row.name ?? '', row.birthDate ?? '', row.phone ?? '', row.regionCode ?? '', row.category ?? ''].join('\u001f');
  return deps.fields.blindIndex(plain, 'registryConflict');
}

export async function getPersonRow(db: Db, id: string): Promise<Person | undefined> {
  const [row] = await db.select().from(persons).where(eq(persons.id, id));
  return row;
}

export async function findPersonRowByIdNumber(deps: Pick<RegistryDeps, 'fields'>, db: Db, idNumber: string): Promise<Person | undefined> {
  const [row] = await db.select().from(persons).where(eq(persons.idNumberIdx, deps.fields.blindIndex(normalizeIdNumber(idNumber), 'idNumber')));
  return row;
}

/** A person the caller may see: out of scope reads as not found, so ids cannot be probed. */
export async function personInScope(db: Db, scope: Scope, id: string, lock = false): Promise<Person> {
  const query = db.select().from(persons).where(eq(persons.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !inScope(scope, row.regionCode)) throw notFound('registry.person_not_found');
  return row;
}

export interface PersonChange {
  name?: string;
  phone?: string;
  regionCode?: string;
  category?: string;
  /** the version the caller read; a different current version is a 409 */
  version?: number;
}

export type ChangeOutcome = { kind: 'changed' | 'unchanged'; person: Person } | { kind: 'conflict'; conflict: Conflict; person: Person };

/**
 * 变更 changes a person. A new name touches identity: it is not applied but opens a conflict case
 * holding the current and the proposed version, for a clerk to decide.
 */
export async function changePerson(deps: RegistryDeps, tx: Db, actor: Actor, scope: Scope, id: string, input: PersonChange): Promise<ChangeOutcome> {
  const person = await personInScope(tx, scope, id, true);
  if (person.status === 'cancelled') throw conflict('registry.person_cancelled');
  if (input.version !== undefined && input.version !== person.version) throw conflict('registry.version_mismatch', { current: person.version }, 'version');
  const proposed: Partial<PersonRow> = {};
  if (input.name !== undefined) {
    const name = normalizeName(input.name);
    if (!name) throw badRequest('registry.name_invalid', 'name');
    proposed.name = name;
  }
  if (input.phone !== undefined) {
    const phone = normalizePhone(input.phone);
    if (!phone) throw badRequest('registry.phone_invalid', 'phone');
    proposed.phone = phone;
  }
  if (input.regionCode !== undefined) {
    requireRegion(scope, input.regionCode);
    proposed.regionCode = input.regionCode;
  }
  if (input.category !== undefined) {
    const category = parseCategory(input.category);
    if (!category) throw badRequest('registry.category_invalid', 'category');
    proposed.category = category;
  }
  if (proposed.name !== undefined && proposed.name !== person.name) {
    const incoming = versionOf(deps, proposed);
    const opened = await openConflict(deps, tx, { person, incoming, source: 'change', sourceRef: null, actor, fingerprint: fingerprintOf(deps, person.id, proposed) });
    return { kind: 'conflict', conflict: opened, person };
  }
  const updated = await applyPersonChange(deps, tx, actor, person, proposed, { source: 'api', sourceRef: null });
  return updated ? { kind: 'changed', person: updated } : { kind: 'unchanged', person };
}

/** Writes the fields that differ, with their history row and event; returns null when nothing differs. */
async function applyPersonChange(
  deps: RegistryDeps,
  tx: Db,
  actor: Actor,
  person: Person,
  proposed: { name?: string; phone?: string | null; phoneEnc?: string | null; regionCode?: string; category?: string },
  origin: { source: string; sourceRef: string | null },
): Promise<Person | null> {
  const changes: FieldChange[] = [];
  const set: Partial<typeof persons.$inferInsert> = {};
  if (proposed.name !== undefined && proposed.name !== person.name) {
    changes.push({ field: 'name', from: deps.fields.encrypt(person.name), to: deps.fields.encrypt(proposed.name), sensitive: true });
    set.name = proposed.name;
  }
  const currentPhone = person.phoneEnc ? deps.fields.decrypt(person.phoneEnc) : null;
  const newPhone = proposed.phoneEnc !== undefined ? (proposed.phoneEnc ? deps.fields.decrypt(proposed.phoneEnc) : null) : proposed.phone;
  if (newPhone !== undefined && newPhone !== null && newPhone !== currentPhone) {
    changes.push({ field: 'phone', from: person.phoneEnc ? deps.fields.encrypt(currentPhone!) : null, to: deps.fields.encrypt(newPhone), sensitive: true });
    set.phoneEnc = deps.fields.encrypt(newPhone);
    set.phoneIdx = deps.fields.blindIndex(newPhone, 'phone');
  }
  if (proposed.regionCode !== undefined && proposed.regionCode !== person.regionCode) {
    changes.push({ field: 'regionCode', from: person.regionCode, to: proposed.regionCode });
    set.regionCode = proposed.regionCode;
  }
  if (proposed.category !== undefined && proposed.category !== person.category) {
    changes.push({ field: 'category', from: person.category, to: proposed.category });
    set.category = proposed.category;
  }
  if (!changes.length) return null;
  const [updated] = await tx
    .update(persons)
    .set({ ...set, version: person.version + 1, updatedAt: new Date() })
    .where(eq(persons.id, person.id))
    .returning();
  await tx.insert(history).values({ subjectType: 'person', subjectId: person.id, action: 'changed', changes, actorId: actor.id, actorKind: actor.kind, ...origin });
  await deps.outbox.publish(tx, 'registry.person_changed', {
    personId: person.id,
    fields: changes.map((c) => c.field),
    version: updated.version,
    regionCode: updated.regionCode,
    category: updated.category,
    source: origin.source,
  });
  return updated;
}

export interface Cancellation {
  reason: CancelReason;
  date: string;
  note?: string;
}

/** 注销 cancels a person's record (death, emigration, duplicate …); the record stays, marked. */
export async function cancelPerson(deps: RegistryDeps, tx: Db, actor: Actor, scope: Scope, id: string, input: Cancellation): Promise<Person> {
  const person = await personInScope(tx, scope, id, true);
  if (person.status === 'cancelled') throw conflict('registry.person_cancelled');
  const problem = checkCancelDate(input.date, person.birthDate);
  if (problem) throw badRequest(problem.code, problem.field);
  const [updated] = await tx
    .update(persons)
    .set({ status: 'cancelled', cancelReason: input.reason, cancelledOn: input.date, cancelNote: input.note ?? null, version: person.version + 1, updatedAt: new Date() })
    .where(eq(persons.id, id))
    .returning();
  const changes: FieldChange[] = [
    { field: 'status', from: person.status, to: 'cancelled' },
    { field: 'cancelReason', from: null, to: input.reason },
    { field: 'cancelledOn', from: null, to: input.date },
  ];
  await tx.insert(history).values({ subjectType: 'person', subjectId: id, action: 'cancelled', changes, actorId: actor.id, actorKind: actor.kind, source: 'api' });
  await deps.outbox.publish(tx, 'registry.person_cancelled', { personId: id, reason: input.reason, date: input.date, regionCode: person.regionCode });
  return updated;
}

export interface PersonFilters {
  page: number;
  pageSize: number;
  regionCode?: string;
  status?: 'active' | 'cancelled';
  category?: string;
  name?: string;
}

export async function listPersons(db: Db, scope: Scope, query: PersonFilters) {
  const where = and(
    regionFilter(persons.regionCode, scope),
    query.regionCode ? eq(persons.regionCode, query.regionCode) : undefined,
    query.status ? eq(persons.status, query.status) : undefined,
    query.category ? eq(persons.category, query.category) : undefined,
    query.name ? eq(persons.name, query.name) : undefined,
  );
  return page(db, persons, where, desc(persons.id), query);
}

async function page<T extends typeof persons | typeof entities>(db: Db, table: T, where: SQL | undefined, order: SQL, query: { page: number; pageSize: number }) {
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(table as typeof persons)
      .where(where)
      .orderBy(order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(table as typeof persons).where(where),
  ]);
  return { rows: rows as unknown as Array<T['$inferSelect']>, total: Number(total) };
}

export async function historyOf(db: Db, subjectId: string): Promise<HistoryRow[]> {
  return db.select().from(history).where(eq(history.subjectId, subjectId)).orderBy(history.id);
}

// ---------------------------------------------------------------------------------------------
// Conflict cases (会商)

export async function openConflict(
  deps: RegistryDeps,
  tx: Db,
  input: { person: Person; incoming: PersonVersion; source: 'create' | 'change' | 'import'; sourceRef: string | null; actor: Actor; fingerprint?: string },
): Promise<Conflict> {
  const plain = plainVersion(deps, input.incoming);
  const fingerprint = input.fingerprint ?? fingerprintOf(deps, input.person.id, plain);
  const [opened] = await tx
    .insert(conflicts)
    .values({
      id: newId('cfl'),
      personId: input.person.id,
      regionCode: input.person.regionCode,
      fingerprint,
      existing: existingVersion(input.person),
      incoming: input.incoming,
      source: input.source,
      sourceRef: input.sourceRef,
      openedBy: input.actor.id,
    })
    .onConflictDoNothing()
    .returning();
  if (opened) return opened;
  // The same version already waits for a decision: one case is enough.
  const [open] = await tx
    .select()
    .from(conflicts)
    .where(and(eq(conflicts.personId, input.person.id), eq(conflicts.fingerprint, fingerprint), eq(conflicts.status, 'open')));
  return open;
}

const plainVersion = (deps: Pick<RegistryDeps, 'fields'>, version: PersonVersion): Partial<PersonRow> => ({
  name: version.name,
  birthDate: version.birthDate,
  phone: version.phoneEnc ? deps.fields.decrypt(version.phoneEnc) : undefined,
  regionCode: version.regionCode,
  category: version.category as PersonCategory | undefined,
});

export async function conflictInScope(db: Db, scope: Scope, id: string, lock = false): Promise<Conflict> {
  const query = db.select().from(conflicts).where(eq(conflicts.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !inScope(scope, row.regionCode)) throw notFound('registry.conflict_not_found');
  return row;
}

export async function listConflicts(db: Db, scope: Scope, query: { page: number; pageSize: number; status?: Conflict['status']; personId?: string }) {
  const where = and(
    regionFilter(conflicts.regionCode, scope),
    query.status ? eq(conflicts.status, query.status) : undefined,
    query.personId ? eq(conflicts.personId, query.personId) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(conflicts)
      .where(where)
      .orderBy(desc(conflicts.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(conflicts).where(where),
  ]);
  return { rows, total: Number(total) };
}

export type Decision = 'keep_existing' | 'take_incoming' | 'reject';
const DECIDED: Record<Decision, Conflict['status']> = { keep_existing: 'kept_existing', take_incoming: 'took_incoming', reject: 'rejected' };

/**
 * 会商处理 decides a case: keep the existing record, take the incoming version (its fields are merged
 * into the person, with history and event), or reject the arrival. Who, when and which is recorded.
 */
export async function resolveConflict(deps: RegistryDeps, tx: Db, actor: Actor, scope: Scope, id: string, decision: Decision, note?: string) {
  const found = await conflictInScope(tx, scope, id, true);
  if (found.status !== 'open') throw conflict('registry.conflict_decided', { status: found.status });
  let person: Person | null = null;
  if (decision === 'take_incoming') {
    const current = await personInScope(tx, scope, found.personId, true);
    if (current.status === 'cancelled') throw conflict('registry.person_cancelled');
    if (found.incoming.regionCode) requireRegion(scope, found.incoming.regionCode);
    person = (await applyPersonChange(deps, tx, actor, current, found.incoming, { source: 'conflict', sourceRef: found.id })) ?? current;
  }
  const [decided] = await tx
    .update(conflicts)
    .set({ status: DECIDED[decision], decidedBy: actor.id, decidedAt: new Date(), decisionNote: note ?? null })
    .where(eq(conflicts.id, id))
    .returning();
  return { conflict: decided, person };
}

// ---------------------------------------------------------------------------------------------
// Legal entities

export interface NewEntity {
  creditCode: string;
  name: string;
  type: EntityType;
  regionCode: string;
  legalRepName: string;
  legalRepIdNumber?: string;
}

export async function createEntity(deps: RegistryDeps, tx: Db, actor: Actor, scope: Scope, input: NewEntity): Promise<Entity> {
  const creditCode = normalizeCreditCode(input.creditCode);
  if (!creditCode) throw badRequest('registry.credit_code_invalid', 'creditCode');
  const legalRepName = normalizeName(input.legalRepName);
  if (!legalRepName) throw badRequest('registry.name_invalid', 'legalRepName');
  let legalRepIdNumber: string | null = null;
  if (input.legalRepIdNumber) {
    const identity = checkIdentity({ idNumber: input.legalRepIdNumber });
    if (isProblem(identity)) throw badRequest(identity.code, 'legalRepIdNumber');
    legalRepIdNumber = identity.idNumber;
  }
  requireRegion(scope, input.regionCode);
  const [created] = await tx
    .insert(entities)
    .values({
      id: newId('ent'),
      creditCode,
      name: input.name.trim(),
      type: input.type,
      regionCode: input.regionCode,
      legalRepName,
      legalRepIdNumberEnc: legalRepIdNumber ? deps.fields.encrypt(legalRepIdNumber) : null,
    })
    .onConflictDoNothing({ target: entities.creditCode })
    .returning();
  if (!created) throw conflict('registry.entity_exists', {}, 'creditCode');
  const changes: FieldChange[] = [
    { field: 'name', from: null, to: created.name },
    { field: 'type', from: null, to: created.type },
    { field: 'regionCode', from: null, to: created.regionCode },
    { field: 'legalRepName', from: null, to: deps.fields.encrypt(legalRepName), sensitive: true },
  ];
  if (legalRepIdNumber) changes.push({ field: 'legalRepIdNumber', from: null, to: created.legalRepIdNumberEnc, sensitive: true });
  await tx.insert(history).values({ subjectType: 'entity', subjectId: created.id, action: 'created', changes, actorId: actor.id, actorKind: actor.kind, source: 'api' });
  await deps.outbox.publish(tx, 'registry.entity_created', { entityId: created.id, creditCode, regionCode: created.regionCode, type: created.type });
  return created;
}

export async function entityInScope(db: Db, scope: Scope, id: string, lock = false): Promise<Entity> {
  const query = db.select().from(entities).where(eq(entities.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !inScope(scope, row.regionCode)) throw notFound('registry.entity_not_found');
  return row;
}

export async function getEntityRow(db: Db, id: string): Promise<Entity | undefined> {
  const [row] = await db.select().from(entities).where(eq(entities.id, id));
  return row;
}

export async function findEntityRowByCreditCode(db: Db, creditCode: string): Promise<Entity | undefined> {
  const [row] = await db.select().from(entities).where(eq(entities.creditCode, creditCode.normalize('NFKC').trim().toUpperCase()));
  return row;
}

export interface EntityChange {
  name?: string;
  type?: EntityType;
  regionCode?: string;
  legalRepName?: string;
  legalRepIdNumber?: string;
  version?: number;
}

export async function changeEntity(deps: RegistryDeps, tx: Db, actor: Actor, scope: Scope, id: string, input: EntityChange): Promise<{ kind: 'changed' | 'unchanged'; entity: Entity }> {
  const entity = await entityInScope(tx, scope, id, true);
  if (entity.status === 'cancelled') throw conflict('registry.entity_cancelled');
  if (input.version !== undefined && input.version !== entity.version) throw conflict('registry.version_mismatch', { current: entity.version }, 'version');
  const changes: FieldChange[] = [];
  const set: Partial<typeof entities.$inferInsert> = {};
  if (input.name !== undefined && input.name.trim() !== entity.name) {
    changes.push({ field: 'name', from: entity.name, to: input.name.trim() });
    set.name = input.name.trim();
  }
  if (input.type !== undefined && input.type !== entity.type) {
    changes.push({ field: 'type', from: entity.type, to: input.type });
    set.type = input.type;
  }
  if (input.regionCode !== undefined && input.regionCode !== entity.regionCode) {
    requireRegion(scope, input.regionCode);
    changes.push({ field: 'regionCode', from: entity.regionCode, to: input.regionCode });
    set.regionCode = input.regionCode;
  }
  if (input.legalRepName !== undefined) {
    const name = normalizeName(input.legalRepName);
    if (!name) throw badRequest('registry.name_invalid', 'legalRepName');
    if (name !== entity.legalRepName) {
      changes.push({ field: 'legalRepName', from: deps.fields.encrypt(entity.legalRepName), to: deps.fields.encrypt(name), sensitive: true });
      set.legalRepName = name;
    }
  }
  if (input.legalRepIdNumber !== undefined) {
    const identity = checkIdentity({ idNumber: input.legalRepIdNumber });
    if (isProblem(identity)) throw badRequest(identity.code, 'legalRepIdNumber');
    const current = entity.legalRepIdNumberEnc ? deps.fields.decrypt(entity.legalRepIdNumberEnc) : null;
    if (identity.idNumber !== current) {
      const enc = deps.fields.encrypt(identity.idNumber);
      changes.push({ field: 'legalRepIdNumber', from: entity.legalRepIdNumberEnc, to: enc, sensitive: true });
      set.legalRepIdNumberEnc = enc;
    }
  }
  if (!changes.length) return { kind: 'unchanged', entity };
  const [updated] = await tx
    .update(entities)
    .set({ ...set, version: entity.version + 1, updatedAt: new Date() })
    .where(eq(entities.id, id))
    .returning();
  await tx.insert(history).values({ subjectType: 'entity', subjectId: id, action: 'changed', changes, actorId: actor.id, actorKind: actor.kind, source: 'api' });
  await deps.outbox.publish(tx, 'registry.entity_changed', { entityId: id, fields: changes.map((c) => c.field), version: updated.version, regionCode: updated.regionCode });
  return { kind: 'changed', entity: updated };
}

export async function cancelEntity(deps: RegistryDeps, tx: Db, actor: Actor, scope: Scope, id: string, input: Cancellation): Promise<Entity> {
  const entity = await entityInScope(tx, scope, id, true);
  if (entity.status === 'cancelled') throw conflict('registry.entity_cancelled');
  const problem = checkCancelDate(input.date, null);
  if (problem) throw badRequest(problem.code, problem.field);
  const [updated] = await tx
    .update(entities)
    .set({ status: 'cancelled', cancelReason: input.reason, cancelledOn: input.date, cancelNote: input.note ?? null, version: entity.version + 1, updatedAt: new Date() })
    .where(eq(entities.id, id))
    .returning();
  const changes: FieldChange[] = [
    { field: 'status', from: entity.status, to: 'cancelled' },
    { field: 'cancelReason', from: null, to: input.reason },
    { field: 'cancelledOn', from: null, to: input.date },
  ];
  await tx.insert(history).values({ subjectType: 'entity', subjectId: id, action: 'cancelled', changes, actorId: actor.id, actorKind: actor.kind, source: 'api' });
  await deps.outbox.publish(tx, 'registry.entity_cancelled', { entityId: id, reason: input.reason, date: input.date, regionCode: entity.regionCode });
  return updated;
}

export async function listEntities(db: Db, scope: Scope, query: { page: number; pageSize: number; regionCode?: string; status?: 'active' | 'cancelled'; type?: string; creditCode?: string }) {
  const where = and(
    regionFilter(entities.regionCode, scope),
    query.regionCode ? eq(entities.regionCode, query.regionCode) : undefined,
    query.status ? eq(entities.status, query.status) : undefined,
    query.type ? eq(entities.type, query.type) : undefined,
    query.creditCode ? eq(entities.creditCode, query.creditCode.toUpperCase()) : undefined,
  );
  return page(db, entities, where, desc(entities.id), query);
}

// ---------------------------------------------------------------------------------------------
// Presentation: personal data masked unless the viewer may read it in full

const MASKS: Record<string, (v: string) => string> = {
  name: maskName,
  phone: maskPhone,
  idNumber: maskIdNumber,
  legalRepName: maskName,
  legalRepIdNumber: maskIdNumber,
};

export function personView(deps: Pick<RegistryDeps, 'fields'>, person: Person, unmasked: boolean) {
  const idNumber = deps.fields.decrypt(person.idNumberEnc);
  const phone = person.phoneEnc ? deps.fields.decrypt(person.phoneEnc) : null;
  return {
    id: person.id,
    idNumber: unmasked ? idNumber : maskIdNumber(idNumber),
    name: unmasked ? person.name : maskName(person.name),
    birthDate: unmasked ? person.birthDate : `${person.birthDate.slice(0, 4)}-**-**`,
    sex: person.sex,
    phone: phone && !unmasked ? maskPhone(phone) : phone,
    regionCode: person.regionCode,
    category: person.category,
    status: person.status,
    cancellation: person.status === 'cancelled' ? { reason: person.cancelReason, date: person.cancelledOn, note: person.cancelNote } : null,
    version: person.version,
    createdAt: person.createdAt.toISOString(),
    updatedAt: person.updatedAt.toISOString(),
  };
}

export function entityView(deps: Pick<RegistryDeps, 'fields'>, entity: Entity, unmasked: boolean) {
  const repId = entity.legalRepIdNumberEnc ? deps.fields.decrypt(entity.legalRepIdNumberEnc) : null;
  return {
    id: entity.id,
    creditCode: entity.creditCode,
    name: entity.name,
    type: entity.type,
    regionCode: entity.regionCode,
    legalRepresentative: {
      name: unmasked ? entity.legalRepName : maskName(entity.legalRepName),
      idNumber: repId && !unmasked ? maskIdNumber(repId) : repId,
    },
    status: entity.status,
    cancellation: entity.status === 'cancelled' ? { reason: entity.cancelReason, date: entity.cancelledOn, note: entity.cancelNote } : null,
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

/** History is always shown masked; the stored values stay encrypted in full for an audit. */
export function historyView(deps: Pick<RegistryDeps, 'fields'>, row: HistoryRow) {
  const show = (field: string, value: string | null, sensitive?: boolean) => {
    if (value === null || !sensitive) return value;
    const plain = deps.fields.decrypt(value);
    return (MASKS[field] ?? ((v: string) => maskCreditCode(v)))(plain);
  };
  return {
    id: row.id,
    action: row.action,
    at: row.at.toISOString(),
    actor: { id: row.actorId, kind: row.actorKind },
    source: row.source,
    sourceRef: row.sourceRef,
    changes: row.changes.map((c) => ({ field: c.field, from: show(c.field, c.from, c.sensitive), to: show(c.field, c.to, c.sensitive) })),
  };
}

export function conflictView(deps: Pick<RegistryDeps, 'fields'>, row: Conflict, unmasked: boolean) {
  const version = (v: PersonVersion) => {
    const phone = v.phoneEnc ? deps.fields.decrypt(v.phoneEnc) : v.phoneEnc === null ? null : undefined;
    return {
      ...(v.name !== undefined ? { name: unmasked ? v.name : maskName(v.name) } : {}),
      ...(v.birthDate !== undefined ? { birthDate: v.birthDate } : {}),
      ...(v.sex !== undefined ? { sex: v.sex } : {}),
      ...(phone !== undefined ? { phone: phone && !unmasked ? maskPhone(phone) : phone } : {}),
      ...(v.regionCode !== undefined ? { regionCode: v.regionCode } : {}),
      ...(v.category !== undefined ? { category: v.category } : {}),
    };
  };
  return {
    id: row.id,
    personId: row.personId,
    status: row.status,
    source: row.source,
    sourceRef: row.sourceRef,
    existing: version(row.existing),
    incoming: version(row.incoming),
    differences: (['name', 'birthDate', 'sex', 'regionCode', 'category'] as const).filter((f) => row.incoming[f] !== undefined && row.incoming[f] !== row.existing[f]),
    openedBy: row.openedBy,
    openedAt: row.openedAt.toISOString(),
    decision: row.decidedAt ? { status: row.status, by: row.decidedBy, at: row.decidedAt.toISOString(), note: row.decisionNote } : null,
  };
}

export async function personsByIds(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(persons).where(inArray(persons.id, ids));
}
