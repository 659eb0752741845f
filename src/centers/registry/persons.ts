/**
 * 自然人 persons: 新增 create, 变更 change, 注销 cancel, their history, lists and lookups. A write takes
 * the caller's transaction so the change, its history row and its event commit together; an arrival
 * that disagrees with the record on identity opens a conflict case (conflicts.ts) instead.
 */
import { and, desc, count, eq, inArray } from 'drizzle-orm';
import type { RegionScope } from '../../kernel/actor/index.js';
import type { Db } from '../../kernel/db/index.js';
import { badRequest, conflict } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { PERSON_CANCELLED, PERSON_CHANGED, PERSON_CREATED, type ChangeSource } from './events.js';
import { fingerprintOf, openConflict, sameIdentity, versionOf } from './conflicts.js';
import { checkCancelDate, checkIdentity, isProblem, normalizeIdNumber, normalizeName, normalizePhone, parseCategory, type PersonCategory } from './rules.js';
import type { PersonRow } from './rows.js';
import { persons, type FieldChange } from './schema.js';
import {
  cancellationChanges,
  cancelledColumns,
  historyOf,
  inScope,
  pageOf,
  recordHistory,
  requireRegion,
  type Author,
  type Cancellation,
  type Conflict,
  type PageQuery,
  type Person,
  type RegistryDeps,
} from './service.js';
import { withinScope } from '../../kernel/actor/sql.js';

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

/** Column values of a new person (encrypted identity number and phone, with blind indexes of their canonical forms). */
export function personValues(deps: Pick<RegistryDeps, 'fields'>, row: PersonRow, id = newId('psn')) {
  const idNumber = normalizeIdNumber(row.idNumber);
  return {
    id,
    idNumberEnc: deps.fields.encrypt(idNumber),
    idNumberIdx: deps.fields.blindIndex(idNumber, 'idNumber'),
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

export const personCreatedEvent = (id: string, row: Pick<PersonRow, 'regionCode' | 'category' | 'birthDate'>, source: ChangeSource, sourceRef?: string | null) => ({
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
export async function createPerson(deps: RegistryDeps, tx: Db, author: Author, scope: RegionScope, input: NewPerson): Promise<CreateOutcome> {
  const row = checkNewPerson(input);
  requireRegion(scope, row.regionCode);
  const values = personValues(deps, row);
  const [created] = await tx.insert(persons).values(values).onConflictDoNothing({ target: persons.idNumberIdx }).returning();
  if (created) {
    await recordHistory(tx, { subject: 'person', id: created.id, action: 'created', changes: creationChanges(deps, row), author, source: 'api' });
    await deps.outbox.publish(tx, PERSON_CREATED, personCreatedEvent(created.id, row, 'api'));
    return { kind: 'created', person: created };
  }
  const [existing] = await tx.select().from(persons).where(eq(persons.idNumberIdx, values.idNumberIdx)).for('update');
  if (sameIdentity(existing, row)) throw conflict('registry.person_exists', {}, 'idNumber');
  const opened = await openConflict(deps, tx, { person: existing, incoming: versionOf(deps, row), source: 'create', sourceRef: null, author });
  return { kind: 'conflict', conflict: opened, person: existing };
}

export async function getPersonRow(db: Db, id: string): Promise<Person | undefined> {
  const [row] = await db.select().from(persons).where(eq(persons.id, id));
  return row;
}

/** The person registered under an identity number, in any case and width (blind index of the canonical form). */
export async function findPersonRowByIdNumber(deps: Pick<RegistryDeps, 'fields'>, db: Db, idNumber: string): Promise<Person | undefined> {
  const [row] = await db.select().from(persons).where(eq(persons.idNumberIdx, deps.fields.blindIndex(normalizeIdNumber(idNumber), 'idNumber')));
  return row;
}

export async function personsByIds(db: Db, ids: string[]): Promise<Person[]> {
  if (!ids.length) return [];
  return db.select().from(persons).where(inArray(persons.id, ids));
}

/** A person the caller may see: out of scope reads as not found, so ids cannot be probed. */
export async function personInScope(db: Db, scope: RegionScope, id: string, lock = false): Promise<Person> {
  const query = db.select().from(persons).where(eq(persons.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return inScope(scope, row, 'registry.person_not_found');
}

/** 按身份证号码查询 a person in the caller's regions by identity number. */
export async function lookupPerson(deps: Pick<RegistryDeps, 'fields'>, db: Db, scope: RegionScope, idNumber: string): Promise<Person> {
  return inScope(scope, await findPersonRowByIdNumber(deps, db, idNumber), 'registry.person_not_found');
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
export async function changePerson(deps: RegistryDeps, tx: Db, author: Author, scope: RegionScope, id: string, input: PersonChange): Promise<ChangeOutcome> {
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
    const opened = await openConflict(deps, tx, { person, incoming, source: 'change', sourceRef: null, author, fingerprint: fingerprintOf(deps, person.id, proposed) });
    return { kind: 'conflict', conflict: opened, person };
  }
  const updated = await applyPersonChange(deps, tx, author, person, proposed, { source: 'api', sourceRef: null });
  return updated ? { kind: 'changed', person: updated } : { kind: 'unchanged', person };
}

/** Writes the fields that differ, with their history row and event; returns null when nothing differs. */
export async function applyPersonChange(
  deps: RegistryDeps,
  tx: Db,
  author: Author,
  person: Person,
  proposed: { name?: string; phone?: string | null; phoneEnc?: string | null; regionCode?: string; category?: string },
  origin: { source: ChangeSource; sourceRef: string | null },
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
  await recordHistory(tx, { subject: 'person', id: person.id, action: 'changed', changes, author, ...origin });
  await deps.outbox.publish(tx, PERSON_CHANGED, {
    personId: person.id,
    fields: changes.map((c) => c.field),
    version: updated.version,
    regionCode: updated.regionCode,
    category: updated.category as PersonCategory,
    source: origin.source,
  });
  return updated;
}

/** 注销 cancels a person's record (death, emigration, duplicate …); the record stays, marked. */
export async function cancelPerson(deps: RegistryDeps, tx: Db, author: Author, scope: RegionScope, id: string, input: Cancellation): Promise<Person> {
  const person = await personInScope(tx, scope, id, true);
  if (person.status === 'cancelled') throw conflict('registry.person_cancelled');
  const problem = checkCancelDate(input.date, person.birthDate);
  if (problem) throw badRequest(problem.code, problem.field);
  const [updated] = await tx
    .update(persons)
    .set(cancelledColumns(person.version, input))
    .where(eq(persons.id, id))
    .returning();
  await recordHistory(tx, { subject: 'person', id, action: 'cancelled', changes: cancellationChanges(person.status, input), author, source: 'api' });
  await deps.outbox.publish(tx, PERSON_CANCELLED, { personId: id, reason: input.reason, date: input.date, regionCode: person.regionCode });
  return updated;
}

export interface PersonFilters extends PageQuery {
  regionCode?: string;
  status?: 'active' | 'cancelled';
  category?: string;
  name?: string;
}

/** 自然人列表 persons in the caller's regions, newest first. */
export async function listPersons(db: Db, scope: RegionScope, query: PersonFilters) {
  const where = and(
    withinScope(persons.regionCode, scope),
    query.regionCode ? eq(persons.regionCode, query.regionCode) : undefined,
    query.status ? eq(persons.status, query.status) : undefined,
    query.category ? eq(persons.category, query.category) : undefined,
    query.name ? eq(persons.name, query.name) : undefined,
  );
  return pageOf(
    query,
    (limit, offset) => db.select().from(persons).where(where).orderBy(desc(persons.id)).limit(limit).offset(offset),
    () => db.select({ total: count() }).from(persons).where(where),
  );
}

/** 变更历史 of a person in the caller's regions. */
export async function personHistory(db: Db, scope: RegionScope, id: string, query: PageQuery) {
  const person = await personInScope(db, scope, id);
  return historyOf(db, person.id, query);
}
