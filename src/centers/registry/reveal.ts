/**
 * 显示完整信息 a reveal: every answer of the registry masks personal data (views.ts); a clerk holding
 * user.pii.read asks for one record's masked fields in full, within the regions they act for. Each
 * reveal leaves an audit record — who, which record, which fields and why, never the values — and
 * the values are answered only once that record is committed.
 */
import type { RegionScope } from '../../kernel/actor/index.js';
import type { AppContext } from '../../kernel/context.js';
import type { EntityRevealView, PersonRevealView } from './contract.js';
import { entityInScope } from './entities.js';
import { personInScope } from './persons.js';
import type { Author } from './service.js';

export type RevealDeps = Pick<AppContext, 'database' | 'fields' | 'audit'>;

/** Who asks, and the request they ask by (for the audit record). */
export interface Revealer {
  author: Author;
  requestId?: string;
  ip?: string;
}

/** Audit actions of the reveals. */
export const PERSON_REVEALED = 'registry.person.revealed';
export const ENTITY_REVEALED = 'registry.entity.revealed';

async function recordReveal(deps: RevealDeps, who: Revealer, action: string, target: string, fields: string[], reason?: string) {
  await deps.audit.record({
    actorId: who.author.id,
    actorKind: who.author.kind,
    action,
    target,
    requestId: who.requestId ?? null,
    ip: who.ip ?? null,
    detail: { fields, ...(reason ? { reason } : {}) },
  });
}

/** 自然人 a person in the clerk's regions with name, identity number, birth date and phone in full. */
export async function revealPerson(deps: RevealDeps, scope: RegionScope, who: Revealer, id: string, reason?: string): Promise<PersonRevealView> {
  const person = await personInScope(deps.database.db, scope, id);
  const phone = person.phoneEnc ? deps.fields.decrypt(person.phoneEnc) : null;
  const revealed = { id: person.id, name: person.name, idNumber: deps.fields.decrypt(person.idNumberEnc), birthDate: person.birthDate, phone };
  await recordReveal(deps, who, PERSON_REVEALED, person.id, ['name', 'idNumber', 'birthDate', ...(phone ? ['phone'] : [])], reason);
  return revealed;
}

/** 法人 a legal entity in the clerk's regions with its legal representative's name and identity number in full. */
export async function revealEntity(deps: RevealDeps, scope: RegionScope, who: Revealer, id: string, reason?: string): Promise<EntityRevealView> {
  const entity = await entityInScope(deps.database.db, scope, id);
  const repId = entity.legalRepIdNumberEnc ? deps.fields.decrypt(entity.legalRepIdNumberEnc) : null;
  await recordReveal(deps, who, ENTITY_REVEALED, entity.id, ['legalRepName', ...(repId ? ['legalRepIdNumber'] : [])], reason);
  return { id: entity.id, legalRepresentative: { name: entity.legalRepName, idNumber: repId } };
}
