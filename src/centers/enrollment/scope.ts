/**
 * Who acts on enrollments, and over what: a clerk over their organization's regions, a unit agent
 * over one legal entity, a person over themselves. Anything outside reads as not found, so ids
 * cannot be probed.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { RegionScope } from '../../kernel/actor/index.js';
import type { AppContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/index.js';
import * as registry from '../registry/index.js';
import { employments, unitEnrollments } from './schema.js';
import { withinScope } from '../../kernel/actor/sql.js';

/** A clerk: who acts (recorded on what they change) and the regions their organization acts for. */
export interface RegionActor {
  accountId: string;
  scope: RegionScope;
}

/** A unit agent: acts for one registry legal entity (`ent_…`), wherever it is. */
export interface EntityActor {
  accountId: string;
  entityId: string;
}

/** An insured person: acts for themselves (registry `psn_…`). */
export interface PersonActor {
  accountId: string;
  personId: string;
}

/** Who acts, and over what. */
export type Actor = RegionActor | EntityActor | PersonActor;

export const isClerk = (actor: Actor): actor is RegionActor => 'scope' in actor;

/** Whether the actor may see a row: a clerk their region's, an agent their entity's, a person their own. */
export function sees(actor: Actor, row: { regionCode: string; entityId: string | null; personId?: string }): boolean {
  if ('scope' in actor) return actor.scope.covers(row.regionCode);
  if ('entityId' in actor) return row.entityId === actor.entityId;
  return row.personId === actor.personId;
}

const NOTHING = sql`false`;

/** The rows of a region-code column within a clerk's scope (no condition for a national scope). */

export function employmentScope(actor: Actor): SQL | undefined {
  if ('scope' in actor) return withinScope(employments.regionCode, actor.scope);
  if ('entityId' in actor) return eq(employments.entityId, actor.entityId);
  return eq(employments.personId, actor.personId);
}

export function unitScope(actor: Actor): SQL | undefined {
  if ('scope' in actor) return withinScope(unitEnrollments.regionCode, actor.scope);
  if ('entityId' in actor) return eq(unitEnrollments.entityId, actor.entityId);
  return NOTHING;
}

/**
 * A person the actor may handle: a clerk one registered in their region or enrolled there, a unit
 * agent one their entity employs or employed, a person themselves.
 */
export async function personInScope(ctx: AppContext, actor: Actor, personId: string) {
  if ('personId' in actor && actor.personId !== personId) throw notFound('enrollment.person_not_found');
  const person = await registry.getPerson(ctx, personId);
  if (!person) throw notFound('enrollment.person_not_found');
  if ('personId' in actor) return person;
  if (isClerk(actor) && actor.scope.covers(person.regionCode)) return person;
  const [employed] = await ctx.database.db
    .select({ id: employments.id })
    .from(employments)
    .where(and(eq(employments.personId, personId), employmentScope(actor)))
    .limit(1);
  if (!employed) throw notFound('enrollment.person_not_found');
  return person;
}
