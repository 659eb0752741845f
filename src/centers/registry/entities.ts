/**
 * 法人 / 单位 legal entities, one record per unified social credit code (stored upper-case, public, so
 * plain): 新增 create, 变更 change, 注销 cancel, their history, lists and lookups.
 */
import { and, count, desc, eq } from 'drizzle-orm';
import type { RegionScope } from '../../kernel/actor/index.js';
import type { Db } from '../../kernel/db/index.js';
import { badRequest, conflict } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { ENTITY_CANCELLED, ENTITY_CHANGED, ENTITY_CREATED } from './events.js';
import { canonicalIdentifier, checkCancelDate, checkIdentity, isProblem, normalizeCreditCode, normalizeName, type EntityType } from './rules.js';
import { entities, type FieldChange } from './schema.js';
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
  type Entity,
  type PageQuery,
  type RegistryDeps,
} from './service.js';
import { withinScope } from '../../kernel/actor/sql.js';

export interface NewEntity {
  creditCode: string;
  name: string;
  type: EntityType;
  regionCode: string;
  legalRepName: string;
  legalRepIdNumber?: string;
}

/** A legal representative's identity number, checked and canonical, for the field it came in. */
function legalRepIdNumberOf(value: string): string {
  const identity = checkIdentity({ idNumber: value });
  if (isProblem(identity)) throw badRequest(identity.code, 'legalRepIdNumber');
  return identity.idNumber;
}

function legalRepNameOf(value: string): string {
  const name = normalizeName(value);
  if (!name) throw badRequest('registry.name_invalid', 'legalRepName');
  return name;
}

/** 新增法人 registers a legal entity; a credit code on file (in any case) is a 409 naming it. */
export async function createEntity(deps: RegistryDeps, tx: Db, author: Author, scope: RegionScope, input: NewEntity): Promise<Entity> {
  const creditCode = normalizeCreditCode(input.creditCode);
  if (!creditCode) throw badRequest('registry.credit_code_invalid', 'creditCode');
  const legalRepName = legalRepNameOf(input.legalRepName);
  const legalRepIdNumber = input.legalRepIdNumber ? legalRepIdNumberOf(input.legalRepIdNumber) : null;
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
  await recordHistory(tx, { subject: 'entity', id: created.id, action: 'created', changes, author, source: 'api' });
  await deps.outbox.publish(tx, ENTITY_CREATED, { entityId: created.id, creditCode, regionCode: created.regionCode, type: input.type });
  return created;
}

/** An entity of the caller's regions, or not found. */
export async function entityInScope(db: Db, scope: RegionScope, id: string, lock = false): Promise<Entity> {
  const query = db.select().from(entities).where(eq(entities.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return inScope(scope, row, 'registry.entity_not_found');
}

export async function getEntityRow(db: Db, id: string): Promise<Entity | undefined> {
  const [row] = await db.select().from(entities).where(eq(entities.id, id));
  return row;
}

/** The entity registered under a credit code, given in any case. */
export async function findEntityRowByCreditCode(db: Db, creditCode: string): Promise<Entity | undefined> {
  const [row] = await db.select().from(entities).where(eq(entities.creditCode, canonicalIdentifier(creditCode)));
  return row;
}

export interface EntityChange {
  name?: string;
  type?: EntityType;
  regionCode?: string;
  legalRepName?: string;
  legalRepIdNumber?: string;
  /** the version the caller read; a different current version is a 409 */
  version?: number;
}

/** 变更法人信息 changes the fields that differ, with a history row and an event. */
export async function changeEntity(deps: RegistryDeps, tx: Db, author: Author, scope: RegionScope, id: string, input: EntityChange): Promise<{ kind: 'changed' | 'unchanged'; entity: Entity }> {
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
    const name = legalRepNameOf(input.legalRepName);
    if (name !== entity.legalRepName) {
      changes.push({ field: 'legalRepName', from: deps.fields.encrypt(entity.legalRepName), to: deps.fields.encrypt(name), sensitive: true });
      set.legalRepName = name;
    }
  }
  if (input.legalRepIdNumber !== undefined) {
    const idNumber = legalRepIdNumberOf(input.legalRepIdNumber);
    const current = entity.legalRepIdNumberEnc ? deps.fields.decrypt(entity.legalRepIdNumberEnc) : null;
    if (idNumber !== current) {
      const enc = deps.fields.encrypt(idNumber);
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
  await recordHistory(tx, { subject: 'entity', id, action: 'changed', changes, author, source: 'api' });
  await deps.outbox.publish(tx, ENTITY_CHANGED, { entityId: id, fields: changes.map((c) => c.field), version: updated.version, regionCode: updated.regionCode });
  return { kind: 'changed', entity: updated };
}

/** 注销法人 cancels a legal entity (dissolved …); the record stays, marked. */
export async function cancelEntity(deps: RegistryDeps, tx: Db, author: Author, scope: RegionScope, id: string, input: Cancellation): Promise<Entity> {
  const entity = await entityInScope(tx, scope, id, true);
  if (entity.status === 'cancelled') throw conflict('registry.entity_cancelled');
  const problem = checkCancelDate(input.date, null);
  if (problem) throw badRequest(problem.code, problem.field);
  const [updated] = await tx
    .update(entities)
    .set(cancelledColumns(entity.version, input))
    .where(eq(entities.id, id))
    .returning();
  await recordHistory(tx, { subject: 'entity', id, action: 'cancelled', changes: cancellationChanges(entity.status, input), author, source: 'api' });
  await deps.outbox.publish(tx, ENTITY_CANCELLED, { entityId: id, reason: input.reason, date: input.date, regionCode: entity.regionCode });
  return updated;
}

export interface EntityFilters extends PageQuery {
  regionCode?: string;
  status?: 'active' | 'cancelled';
  type?: string;
  creditCode?: string;
}

/** 法人列表 legal entities of the caller's regions, newest first; a credit code matches in any case. */
export async function listEntities(db: Db, scope: RegionScope, query: EntityFilters) {
  const where = and(
    withinScope(entities.regionCode, scope),
    query.regionCode ? eq(entities.regionCode, query.regionCode) : undefined,
    query.status ? eq(entities.status, query.status) : undefined,
    query.type ? eq(entities.type, query.type) : undefined,
    query.creditCode ? eq(entities.creditCode, canonicalIdentifier(query.creditCode)) : undefined,
  );
  return pageOf(
    query,
    (limit, offset) => db.select().from(entities).where(where).orderBy(desc(entities.id)).limit(limit).offset(offset),
    () => db.select({ total: count() }).from(entities).where(where),
  );
}

/** 变更历史 of a legal entity of the caller's regions. */
export async function entityHistory(db: Db, scope: RegionScope, id: string, query: PageQuery) {
  const entity = await entityInScope(db, scope, id);
  return historyOf(db, entity.id, query);
}
