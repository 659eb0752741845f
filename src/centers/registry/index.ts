/**
 * 基本信息中心 basic information registry: the platform's one record of natural persons and legal
 * entities. Other centers (enrollment, collection, voucher, settlement) read it only through these
 * functions, or follow its events (`registry.events`: person_created, person_changed,
 * person_cancelled, entity_created, entity_changed, entity_cancelled; payload schemas in events.ts).
 * Event payloads carry no personal data; read the person for it.
 *
 * Identity numbers and credit codes are found in any case (a lower-case x or credit code is the
 * same identifier): the registry stores, indexes and compares them upper-case.
 */
import { sql } from 'drizzle-orm';
import { NATIONAL_SCOPE } from '../../kernel/actor/index.js';
import type { AppContext } from '../../kernel/context.js';
import type { RegionScope } from '../../kernel/actor/index.js';
import { arrayLiteral, transaction, type Db } from '../../kernel/db/index.js';
import { checkNewPerson, createPerson, findPersonRowByIdNumber, getPersonRow, personsByIds, type NewPerson } from './persons.js';
import { changeEntity, createEntity, findEntityRowByCreditCode, getEntityRow, type EntityChange, type NewEntity } from './entities.js';
import { cancellationOf } from './views.js';
import { persons } from './schema.js';
import type { Author, Entity, Person } from './service.js';
import type { CancelReason, EntityType, PersonCategory, Sex } from './rules.js';
import { runImport, storedUpload, sweepStaleJobs, type ImportJob, type RunOptions } from './imports.js';
import { runtimeFor } from './runtime.js';

export { PERSON_CATEGORIES, ENTITY_TYPES, CANCEL_REASONS, type PersonCategory, type EntityType, type CancelReason } from './rules.js';
/** Response schemas of the registry's records, for the service centers that show them (personal, unit). */
export { EntityView, InstitutionView, PersonView } from './contract.js';

/**
 * 定点医药机构 designated institutions: settlement, payment and bills take an institution's level and
 * agreement from here (`institutionInForce` on the visit date), never from the caller's request.
 */
export { institutionOf, institutionInForce, institutionNames, type DesignatedInstitution } from './institutions.js';
export { INSTITUTION_KINDS, INSTITUTION_LEVELS, AGREEMENT_STATUSES, type InstitutionKind } from './institution-rules.js';
export { seedInstitutionsDemo, DEMO_INSTITUTIONS } from './demo.js';

/** A person as another center sees it: decrypted, plain values (mask them before showing anyone). */
export interface RegistryPerson {
  id: string;
  idNumber: string;
  name: string;
  birthDate: string;
  sex: Sex;
  phone: string | null;
  regionCode: string;
  category: PersonCategory;
  status: 'active' | 'cancelled';
  cancellation: RegistryCancellation | null;
  version: number;
  updatedAt: string;
}

/** 注销 why, from when, and the clerk's note. */
export interface RegistryCancellation {
  reason: CancelReason;
  date: string;
  note: string | null;
}

export interface RegistryEntity {
  id: string;
  creditCode: string;
  name: string;
  type: EntityType;
  regionCode: string;
  legalRepresentative: { name: string; idNumber: string | null };
  status: 'active' | 'cancelled';
  cancellation: RegistryCancellation | null;
  version: number;
  updatedAt: string;
}

const toPerson = (ctx: AppContext, p: Person): RegistryPerson => ({
  id: p.id,
  idNumber: ctx.fields.decrypt(p.idNumberEnc),
  name: p.name,
  birthDate: p.birthDate,
  sex: p.sex,
  phone: p.phoneEnc ? ctx.fields.decrypt(p.phoneEnc) : null,
  regionCode: p.regionCode,
  category: p.category as PersonCategory,
  status: p.status,
  cancellation: cancellationOf(p),
  version: p.version,
  updatedAt: p.updatedAt.toISOString(),
});

const toEntity = (ctx: AppContext, e: Entity): RegistryEntity => ({
  id: e.id,
  creditCode: e.creditCode,
  name: e.name,
  type: e.type as EntityType,
  regionCode: e.regionCode,
  legalRepresentative: { name: e.legalRepName, idNumber: e.legalRepIdNumberEnc ? ctx.fields.decrypt(e.legalRepIdNumberEnc) : null },
  status: e.status,
  cancellation: cancellationOf(e),
  version: e.version,
  updatedAt: e.updatedAt.toISOString(),
});

/** The person with this platform id (`psn_…`), or null. Cancelled persons are returned, marked. */
export async function getPerson(ctx: AppContext, id: string): Promise<RegistryPerson | null> {
  const row = await getPersonRow(ctx.database.db, id);
  return row ? toPerson(ctx, row) : null;
}

/** The person registered under an identity number (looked up by blind index), or null. */
export async function findPersonByIdNumber(ctx: AppContext, idNumber: string): Promise<RegistryPerson | null> {
  const row = await findPersonRowByIdNumber(ctx, ctx.database.db, idNumber);
  return row ? toPerson(ctx, row) : null;
}

/** Many persons by id in one query, keyed by id; unknown ids are absent. */
export async function getPersons(ctx: AppContext, ids: Iterable<string>): Promise<Map<string, RegistryPerson>> {
  const rows = await personsByIds(ctx.database.db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, toPerson(ctx, row)]));
}

/**
 * Birth dates (`YYYY-MM-DD`) of many persons in one query, keyed by person id; unknown ids are
 * absent. For feeds that need ages of a page of insured persons (the collection center's receivables).
 */
export async function birthDatesOf(ctx: AppContext, personIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(personIds)];
  if (!ids.length) return new Map();
  // One array parameter, not one per id: a page of the receivable run asks for thousands.
  const rows = await ctx.database.db
    .select({ id: persons.id, birthDate: persons.birthDate })
    .from(persons)
    .where(sql`${persons.id} = any(${arrayLiteral(ids)}::text[])`);
  return new Map(rows.map((r) => [r.id, r.birthDate]));
}

/**
 * Registers a person on behalf of a system actor (demo data, trusted feeds), nationally, with the
 * same checks, history and events as the route. An identity number on file with another name opens
 * a conflict case instead (`kind: 'conflict'`); with the same name it is a conflict DomainError.
 */
export async function registerPerson(ctx: AppContext, author: Author, input: NewPerson) {
  const outcome = await transaction(ctx.database.db, (tx) => createPerson(ctx, tx, author, NATIONAL_SCOPE, input));
  return { kind: outcome.kind, person: toPerson(ctx, outcome.person) };
}

/**
 * A person's record as the registry would take it, checked (a 400 naming the field): the identity
 * number valid, birth date and sex derived from it, the name and phone normalized.
 */
export function checkPerson(input: NewPerson) {
  return checkNewPerson(input);
}

/**
 * 新增 registers a person in the caller's transaction, as a clerk of `scope` (a region outside it is
 * not found), with the registry's history row and event committing with whatever else the
 * transaction does (首次申办: the enrollment approved with it). An identity number on file is a
 * conflict (409 `idNumber`), or opens a conflict case (`kind: 'conflict'`) when the name differs.
 */
export async function registerPersonIn(ctx: AppContext, tx: Db, author: Author, scope: RegionScope, input: NewPerson) {
  const outcome = await createPerson(ctx, tx, author, scope, input);
  return { kind: outcome.kind, person: toPerson(ctx, outcome.person) };
}

/**
 * 新增法人 registers a legal entity in the caller's transaction, as a clerk of `scope`, with the
 * registry's history row and event committing with the rest (单位首次申办: the unit enrollment
 * approved with it); a credit code on file is a 409 naming `creditCode`.
 */
export async function registerEntityIn(ctx: AppContext, tx: Db, author: Author, scope: RegionScope, input: NewEntity): Promise<RegistryEntity> {
  return toEntity(ctx, await createEntity(ctx, tx, author, scope, input));
}

/** Registers a legal entity on behalf of a system actor, as `registerPerson` does; a known credit code is a conflict DomainError. */
export async function registerEntity(ctx: AppContext, author: Author, input: NewEntity): Promise<RegistryEntity> {
  const entity = await transaction(ctx.database.db, (tx) => createEntity(ctx, tx, author, NATIONAL_SCOPE, input));
  return toEntity(ctx, entity);
}

/** The legal entity with this platform id (`ent_…`), or null. */
export async function getEntity(ctx: AppContext, id: string): Promise<RegistryEntity | null> {
  const row = await getEntityRow(ctx.database.db, id);
  return row ? toEntity(ctx, row) : null;
}

/** The legal entity registered under a unified social credit code, or null. */
export async function findEntityByCreditCode(ctx: AppContext, creditCode: string): Promise<RegistryEntity | null> {
  const row = await findEntityRowByCreditCode(ctx.database.db, creditCode);
  return row ? toEntity(ctx, row) : null;
}

/**
 * 单位信息变更 what a unit may change about its own record itself (单位网厅). Type and region stay with
 * the agency (a region change moves the unit to other clerks). The legal representative stays with the agency: the unit
 * service trusts an agent's binding to the entity because of who the legal representative is.
 */
export const UNIT_EDITABLE_ENTITY_FIELDS = ['name'] as const;

export interface UnitEntityChange {
  name?: string;
  /** the version read; a different current version is a 409 naming `version` */
  version?: number;
}

/**
 * A unit's agent changes their own entity's record: the same checks, history row (actor kind
 * `unit_agent`) and `registry.entity_changed` event as a clerk's change. The caller has established
 * that the agent acts for this entity.
 */
export async function changeEntityByUnit(ctx: AppContext, agent: { accountId: string }, entityId: string, input: UnitEntityChange): Promise<{ changed: boolean; entity: RegistryEntity }> {
  const allowed: EntityChange = { version: input.version };
  for (const field of UNIT_EDITABLE_ENTITY_FIELDS) if (input[field] !== undefined) allowed[field] = input[field];
  const outcome = await transaction(ctx.database.db, (tx) => changeEntity(ctx, tx, { id: agent.accountId, kind: 'unit_agent' }, NATIONAL_SCOPE, entityId, allowed));
  return { changed: outcome.kind === 'changed', entity: toEntity(ctx, outcome.entity) };
}

/**
 * Import job operations, for the platform's lifecycle and operators' tooling (and tests): the
 * routes and the command line use the same functions.
 */
export const importOperations = {
  /** Runs a queued upload job here and now (e.g. one another node left queued); settles when it ends. */
  run: (ctx: AppContext, jobId: string, options?: Omit<RunOptions, 'claimed'>): Promise<ImportJob> => runImport(ctx, jobId, storedUpload(ctx, jobId), options),
  /** Stops this process's runner: running jobs end after their batch, interrupted. Done on server close. */
  stopRunner: (ctx: AppContext) => runtimeFor(ctx).stop(),
  /** Marks jobs whose process stopped heartbeating (one node at a time does this every 30 s); returns their ids. */
  sweep: (ctx: AppContext) => sweepStaleJobs(ctx.database.db),
};

/** The center's event topics: `registry.events.PERSON_CREATED` … */
export * as events from './events.js';
