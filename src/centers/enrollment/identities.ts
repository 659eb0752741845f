/** 身份 dated identities: retirement (open-ended from its date) and special identities with their own subsidies. */
import { and, asc, eq } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { transaction } from '../../kernel/db/index.js';
import { badRequest, conflict, forbidden } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import * as policy from '../policy/index.js';
import type { IdentitiesView } from './contract.js';
import { IDENTITY_CHANGED } from './events.js';
import { record } from './history.js';
import { identitiesAsOf, type IdentityCode } from './rules.js';
import { identities } from './schema.js';
import { isClerk, personInScope, type Actor } from './scope.js';
import { identityView } from './views.js';
import { wholePage } from '../../kernel/page/index.js';

/** 在职转退休 / 特殊身份 records an identity from a date (to a date); only a clerk of the person's region does. */
export async function addIdentity(ctx: AppContext, actor: Actor, personId: string, input: { code: IdentityCode; startDate: string; endDate?: string }) {
  // Identities decide subsidies: only the agency records them.
  if (!isClerk(actor)) throw forbidden();
  await personInScope(ctx, actor, personId);
  const endDate = input.endDate ?? null;
  if (endDate !== null && endDate < input.startDate) throw badRequest('enrollment.end_before_start', 'endDate');
  if (input.code === 'retired' && endDate !== null) throw badRequest('enrollment.retirement_open', 'endDate');
  return transaction(ctx.database.db, async (tx) => {
    const existing = await tx.select().from(identities).where(and(eq(identities.personId, personId), eq(identities.code, input.code))).for('update');
    const clash = existing.find((r) => (r.endDate === null || r.endDate >= input.startDate) && (endDate === null || r.startDate <= endDate));
    if (input.code === 'retired' && existing.length) throw conflict('enrollment.already_retired', { startDate: existing[0].startDate }, 'code');
    if (clash) throw conflict('enrollment.identity_overlap', { code: input.code, startDate: clash.startDate, endDate: clash.endDate ?? '' }, 'startDate');
    const [created] = await tx.insert(identities).values({ id: newId('idt'), personId, code: input.code, startDate: input.startDate, endDate, createdBy: actor.accountId }).returning();
    const detail = { identityId: created.id, code: input.code, startDate: input.startDate, endDate };
    await record(tx, actor, 'identity_added', { personId }, detail);
    await ctx.outbox.publish(tx, IDENTITY_CHANGED, { ...detail, personId });
    return identityView(created);
  });
}

/** 人员身份 a person's identities (one page: a person holds a few), and when asked for a month, those held then. */
export async function listIdentities(ctx: AppContext, actor: Actor, personId: string, month?: string): Promise<IdentitiesView> {
  await personInScope(ctx, actor, personId);
  const rows = await ctx.database.db.select().from(identities).where(eq(identities.personId, personId)).orderBy(asc(identities.startDate), asc(identities.id));
  const all = wholePage(rows.map(identityView));
  if (!month) return all;
  const asOf = identitiesAsOf(rows, policy.monthKey(month));
  const retired = asOf.some((r) => r.code === 'retired');
  return { ...all, month, asOf: asOf.map((r) => r.code), retired, workStatus: retired ? 'retired' : 'employed' };
}
