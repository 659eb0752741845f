/**
 * 基本信息中心 basic information registry: the platform's one record of natural persons and legal
 * entities. Other centers (enrollment, collection, voucher, settlement) read it only through these
 * functions, or follow its events:
 *
 *   registry.person_created   { personId, regionCode, category, birthDate, source, sourceRef? }
 *   registry.person_changed   { personId, fields, version, regionCode, category, source }
 *   registry.person_cancelled { personId, reason, date, regionCode }
 *   registry.entity_created   { entityId, creditCode, regionCode, type }
 *   registry.entity_changed   { entityId, fields, version, regionCode }
 *   registry.entity_cancelled { entityId, reason, date, regionCode }
 *
 * Event payloads carry no personal data; read the person for it.
 */
import { inArray } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import * as service from './service.js';
import { persons } from './schema.js';
import type { PersonCategory, Sex } from './rules.js';
import { runImport, storedUpload, sweepStaleJobs, type ImportJob, type RunOptions } from './imports.js';
import { runtimeFor } from './runtime.js';


export { PERSON_CATEGORIES, ENTITY_TYPES, CANCEL_REASONS, type PersonCategory, type EntityType, type CancelReason } from './rules.js';

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
  cancellation: { reason: string; date: string } | null;
  version: number;
  updatedAt: string;
}

export interface RegistryEntity {
  id: string;
  creditCode: string;
  name: string;
  type: string;
  regionCode: string;
  legalRepresentative: { name: string; idNumber: string | null };
  status: 'active' | 'cancelled';
  cancellation: { reason: string; date: string } | null;
  version: number;
  updatedAt: string;
}

const toPerson = (ctx: AppContext, p: service.Person): RegistryPerson => ({
  id: p.id,
  idNumber: ctx.fields.decrypt(p.idNumberEnc),
  name: p.name,
  birthDate: p.birthDate,
  sex: p.sex,
  phone: p.phoneEnc ? ctx.fields.decrypt(p.phoneEnc) : null,
  regionCode: p.regionCode,
  category: p.category as PersonCategory,
  status: p.status,
  cancellation: p.status === 'cancelled' ? { reason: p.cancelReason ?? 'other', date: p.cancelledOn ?? '' } : null,
  version: p.version,
  updatedAt: p.updatedAt.toISOString(),
});

const toEntity = (ctx: AppContext, e: service.Entity): RegistryEntity => ({
  id: e.id,
  creditCode: e.creditCode,
  name: e.name,
  type: e.type,
  regionCode: e.regionCode,
  legalRepresentative: { name: e.legalRepName, idNumber: e.legalRepIdNumberEnc ? ctx.fields.decrypt(e.legalRepIdNumberEnc) : null },
  status: e.status,
  cancellation: e.status === 'cancelled' ? { reason: e.cancelReason ?? 'other', date: e.cancelledOn ?? '' } : null,
  version: e.version,
  updatedAt: e.updatedAt.toISOString(),
});

/** The person with this platform id (`psn_…`), or null. Cancelled persons are returned, marked. */
export async function getPerson(ctx: AppContext, id: string): Promise<RegistryPerson | null> {
  const row = await service.getPersonRow(ctx.database.db, id);
  return row ? toPerson(ctx, row) : null;
}

/** The person registered under an identity number (looked up by blind index), or null. */
export async function findPersonByIdNumber(ctx: AppContext, idNumber: string): Promise<RegistryPerson | null> {
  const row = await service.findPersonRowByIdNumber(ctx, ctx.database.db, idNumber);
  return row ? toPerson(ctx, row) : null;
}

/** Many persons by id in one query, keyed by id; unknown ids are absent. */
export async function getPersons(ctx: AppContext, ids: Iterable<string>): Promise<Map<string, RegistryPerson>> {
  const rows = await service.personsByIds(ctx.database.db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, toPerson(ctx, row)]));
}

/**
 * Birth dates (`YYYY-MM-DD`) of many persons in one query, keyed by person id; unknown ids are
 * absent. For feeds that need ages of a page of insured persons (the collection center's receivables).
 */
export async function birthDatesOf(ctx: AppContext, personIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(personIds)];
  if (!ids.length) return new Map();
  const rows = await ctx.database.db.select({ id: persons.id, birthDate: persons.birthDate }).from(persons).where(inArray(persons.id, ids));
  return new Map(rows.map((r) => [r.id, r.birthDate]));
}

/**
 * Registers a person on behalf of a system actor (demo data, trusted feeds), nationally, with the
 * same checks, history and events as the route. An identity number on file with another name opens
 * a conflict case instead (`kind: 'conflict'`); with the same name it is a conflict DomainError.
 */
export async function registerPerson(ctx: AppContext, actor: { id: string; kind: string }, input: service.NewPerson) {
  const outcome = await ctx.database.db.transaction((tx) => service.createPerson(ctx, tx as unknown as Parameters<typeof service.createPerson>[1], actor, { prefix: '' }, input));
  return { kind: outcome.kind, person: toPerson(ctx, outcome.person) };
}

/** Registers a legal entity on behalf of a system actor, as `registerPerson` does; a known credit code is a conflict DomainError. */
export async function registerEntity(ctx: AppContext, actor: { id: string; kind: string }, input: service.NewEntity): Promise<RegistryEntity> {
  const entity = await ctx.database.db.transaction((tx) => service.createEntity(ctx, tx as unknown as Parameters<typeof service.createEntity>[1], actor, { prefix: '' }, input));
  return toEntity(ctx, entity);
}

/** The legal entity with this platform id (`ent_…`), or null. */
export async function getEntity(ctx: AppContext, id: string): Promise<RegistryEntity | null> {
  const row = await service.getEntityRow(ctx.database.db, id);
  return row ? toEntity(ctx, row) : null;
}

/** The legal entity registered under a unified social credit code, or null. */
export async function findEntityByCreditCode(ctx: AppContext, creditCode: string): Promise<RegistryEntity | null> {
  const row = await service.findEntityRowByCreditCode(ctx.database.db, creditCode);
  return row ? toEntity(ctx, row) : null;
}

/**
 * 单位信息变更 the fields of its own record a unit may change itself (单位网厅): its name and its legal
 * representative. Type and region stay with the agency (a region change moves the unit to other clerks).
 */
/**
 * What a unit may change about itself. The legal representative stays with the agency: the unit
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
  const allowed: service.EntityChange = { version: input.version };
  for (const field of UNIT_EDITABLE_ENTITY_FIELDS) if (input[field] !== undefined) allowed[field] = input[field];
  const outcome = await ctx.database.db.transaction((tx) =>
    service.changeEntity(ctx, tx as unknown as Parameters<typeof service.changeEntity>[1], { id: agent.accountId, kind: 'unit_agent' }, { prefix: '' }, entityId, allowed),
  );
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
  /** Marks jobs whose process stopped heartbeating (every node runs this every 30 s); returns their ids. */
  sweep: (ctx: AppContext) => sweepStaleJobs(ctx.database.db),
};
