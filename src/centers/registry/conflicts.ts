/**
 * 会商 conflict cases: a record arrived (a registration, a name change, an import row) for an
 * identity number already registered with another name or birth date. Both versions are kept;
 * the person changes only when a clerk of the record's region takes the incoming version.
 */
import { and, count, desc, eq } from 'drizzle-orm';
import type { RegionScope } from '../../kernel/actor/index.js';
import type { Db } from '../../kernel/db/index.js';
import { conflict } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { applyPersonChange, personInScope } from './persons.js';
import type { Decision, PersonCategory } from './rules.js';
import type { PersonRow } from './rows.js';
import { conflicts, type PersonVersion } from './schema.js';
import { inScope, pageOf, requireRegion, type Author, type Conflict, type PageQuery, type Person, type RegistryDeps } from './service.js';
import { withinScope } from '../../kernel/actor/sql.js';

/** The arrival names the same person: no name or birth date that differs from the record. */
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

const plainVersion = (deps: Pick<RegistryDeps, 'fields'>, version: PersonVersion): Partial<PersonRow> => ({
  name: version.name,
  birthDate: version.birthDate,
  phone: version.phoneEnc ? deps.fields.decrypt(version.phoneEnc) : undefined,
  regionCode: version.regionCode,
  category: version.category as PersonCategory | undefined,
});

/** Keyed fingerprint of an incoming version (plain values, so equal arrivals match whatever their encryption). */
export function fingerprintOf(deps: Pick<RegistryDeps, 'fields'>, personId: string, row: Partial<PersonRow>): string {
  const plain = [personId, row.name ?? '', row.birthDate ?? '', row.phone ?? '', row.regionCode ?? '', row.category ?? ''].join('\u001f');
  return deps.fields.blindIndex(plain, 'registryConflict');
}

/** Opens a case for an arrival; the same version already waiting for a decision is that case, not a second one. */
export async function openConflict(
  deps: RegistryDeps,
  tx: Db,
  input: { person: Person; incoming: PersonVersion; source: 'create' | 'change' | 'import'; sourceRef: string | null; author: Author; fingerprint?: string },
): Promise<Conflict> {
  const fingerprint = input.fingerprint ?? fingerprintOf(deps, input.person.id, plainVersion(deps, input.incoming));
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
      openedBy: input.author.id,
    })
    .onConflictDoNothing()
    .returning();
  if (opened) return opened;
  const [open] = await tx
    .select()
    .from(conflicts)
    .where(and(eq(conflicts.personId, input.person.id), eq(conflicts.fingerprint, fingerprint), eq(conflicts.status, 'open')));
  return open;
}

/** A case of the caller's regions (the record's region when it opened), or not found. */
export async function conflictInScope(db: Db, scope: RegionScope, id: string, lock = false): Promise<Conflict> {
  const query = db.select().from(conflicts).where(eq(conflicts.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return inScope(scope, row, 'registry.conflict_not_found');
}

/** 会商列表 cases of the caller's regions, newest first. */
export async function listConflicts(db: Db, scope: RegionScope, query: PageQuery & { status?: Conflict['status']; personId?: string }) {
  const where = and(
    withinScope(conflicts.regionCode, scope),
    query.status ? eq(conflicts.status, query.status) : undefined,
    query.personId ? eq(conflicts.personId, query.personId) : undefined,
  );
  return pageOf(
    query,
    (limit, offset) => db.select().from(conflicts).where(where).orderBy(desc(conflicts.id)).limit(limit).offset(offset),
    () => db.select({ total: count() }).from(conflicts).where(where),
  );
}

const DECIDED: Record<Decision, Conflict['status']> = { keep_existing: 'kept_existing', take_incoming: 'took_incoming', reject: 'rejected' };

/**
 * 会商处理 decides a case: keep the existing record, take the incoming version (its fields are merged
 * into the person, with history and event), or reject the arrival. Who, when and which is recorded.
 */
export async function resolveConflict(deps: RegistryDeps, tx: Db, author: Author, scope: RegionScope, id: string, decision: Decision, note?: string) {
  const found = await conflictInScope(tx, scope, id, true);
  if (found.status !== 'open') throw conflict('registry.conflict_decided', { status: found.status });
  let person: Person | null = null;
  if (decision === 'take_incoming') {
    const current = await personInScope(tx, scope, found.personId, true);
    if (current.status === 'cancelled') throw conflict('registry.person_cancelled');
    if (found.incoming.regionCode) requireRegion(scope, found.incoming.regionCode);
    person = (await applyPersonChange(deps, tx, author, current, found.incoming, { source: 'conflict', sourceRef: found.id })) ?? current;
  }
  const [decided] = await tx
    .update(conflicts)
    .set({ status: DECIDED[decision], decidedBy: author.id, decidedAt: new Date(), decisionNote: note ?? null })
    .where(eq(conflicts.id, id))
    .returning();
  return { conflict: decided, person };
}
