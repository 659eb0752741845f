/**
 * What a clerk sees of the registry: personal data (names, identity numbers, phones, a birth date's
 * month and day) masked for every viewer; a clerk holding `user.pii.read` asks for one record in full
 * through a reveal (reveal.ts, audited). Conflict cases show both versions' names to such a clerk, as
 * the names are what the case decides. History is always masked: the stored values stay encrypted in
 * full for an audit.
 */
import type { RegionScope } from '../../kernel/actor/index.js';
import { maskCreditCode, maskIdNumber, maskName, maskPhone } from '../../kernel/crypto/index.js';
import type { ConflictOpenedView, ConflictView, EntityView, HistoryEntryView, PersonView } from './contract.js';
import type { CancelReason, EntityType, PersonCategory } from './rules.js';
import type { PersonVersion } from './schema.js';
import type { Conflict, Entity, HistoryRow, Person, RegistryDeps } from './service.js';

type Fields = Pick<RegistryDeps, 'fields'>;

/** A page of rows as a page of their views. */
export const pageView = <T, V>(found: { items: T[]; total: number; page: number; pageSize: number }, view: (row: T) => V) => ({ ...found, items: found.items.map(view) });

/** 注销 the reason, date and note of a cancelled record; null while it is active. */
export const cancellationOf = (row: Pick<Person | Entity, 'status' | 'cancelReason' | 'cancelledOn' | 'cancelNote'>) =>
  row.status === 'cancelled' ? { reason: (row.cancelReason ?? 'other') as CancelReason, date: row.cancelledOn ?? '', note: row.cancelNote } : null;

export function personView(deps: Fields, person: Person): PersonView {
  const phone = person.phoneEnc ? deps.fields.decrypt(person.phoneEnc) : null;
  return {
    id: person.id,
    idNumber: maskIdNumber(deps.fields.decrypt(person.idNumberEnc)),
    name: maskName(person.name),
    birthDate: `${person.birthDate.slice(0, 4)}-**-**`,
    sex: person.sex,
    phone: phone && maskPhone(phone),
    regionCode: person.regionCode,
    category: person.category as PersonCategory,
    status: person.status,
    cancellation: cancellationOf(person),
    version: person.version,
    createdAt: person.createdAt.toISOString(),
    updatedAt: person.updatedAt.toISOString(),
  };
}

export function entityView(deps: Fields, entity: Entity): EntityView {
  const repId = entity.legalRepIdNumberEnc ? deps.fields.decrypt(entity.legalRepIdNumberEnc) : null;
  return {
    id: entity.id,
    creditCode: entity.creditCode,
    name: entity.name,
    type: entity.type as EntityType,
    regionCode: entity.regionCode,
    legalRepresentative: {
      name: maskName(entity.legalRepName),
      idNumber: repId && maskIdNumber(repId),
    },
    status: entity.status,
    cancellation: cancellationOf(entity),
    version: entity.version,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

const MASKS: Record<string, (v: string) => string> = {
  name: maskName,
  phone: maskPhone,
  idNumber: maskIdNumber,
  legalRepName: maskName,
  legalRepIdNumber: maskIdNumber,
};

export function historyView(deps: Fields, row: HistoryRow): HistoryEntryView {
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

export function conflictView(deps: Fields, row: Conflict, unmasked: boolean): ConflictView {
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

/** A case the caller's request opened; its detail only when the record is in the caller's regions. */
export function conflictOpenedView(deps: Fields, scope: RegionScope, found: Conflict, unmasked: boolean): ConflictOpenedView {
  return { status: 'conflict', conflict: scope.covers(found.regionCode) ? conflictView(deps, found, unmasked) : { id: found.id, status: found.status } };
}
