/** 单位与经办人 units and their agents: a unit's first agent manages the others. */
import { and, count, eq, ne } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { conflict, forbidden, notFound } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { maskName, maskPhone } from '../../kernel/crypto/index.js';
import * as auth from '../auth/index.js';
import { accountView, insertAccount, standardIdNumber, type Account, type NewAccount } from './accounts.js';
import type { AgentUnitView, AgentView } from './contract.js';
import { AGENT_BOUND, AGENT_REVOKED, UNIT_REGISTERED } from './events.js';
import { forgetProfile } from './profile-cache.js';
import { accounts, unitAgents, units } from './schema.js';

export type NewAgent = Omit<NewAccount, 'kind'>;

/** 单位注册 a unit and its first agent, who manages the unit's other agents; the caller owns the transaction. */
export async function insertUnit(ctx: AppContext, tx: Db, input: { unitName: string; creditCode: string; agent: NewAgent }) {
  const existing = await tx.select({ id: units.id }).from(units).where(eq(units.creditCode, input.creditCode));
  if (existing.length) throw conflict('user.unit_exists', {}, 'creditCode');
  const unitId = newId('unit');
  const [unit] = await tx.insert(units).values({ id: unitId, creditCode: input.creditCode, name: input.unitName }).returning();
  const account = await insertAccount(ctx, tx, { ...input.agent, kind: 'unit_agent' });
  await tx.insert(unitAgents).values({ id: newId('ua'), unitId, accountId: account.id, role: 'manager' });
  await ctx.outbox.publish(tx, UNIT_REGISTERED, { unitId, creditCode: input.creditCode });
  return { unit, account };
}

/** The unit as its registration answers it, with the managing agent's account. */
export function registeredUnitView(ctx: AppContext, registered: Awaited<ReturnType<typeof insertUnit>>) {
  const unit = { id: registered.unit.id, name: registered.unit.name, creditCode: registered.unit.creditCode };
  return { unit, account: accountView(ctx.fields, registered.account, [{ ...unit, role: 'manager' }]) };
}

export async function activeUnitsOf(db: Db, accountId: string): Promise<AgentUnitView[]> {
  return db
    .select({ id: units.id, name: units.name, creditCode: units.creditCode, role: unitAgents.role })
    .from(unitAgents)
    .innerJoin(units, eq(units.id, unitAgents.unitId))
    .where(and(eq(unitAgents.accountId, accountId), eq(unitAgents.status, 'active')));
}

/** The active managing agent's account of a unit, if any. */
export async function unitManagerAccount(db: Db, unitId: string): Promise<Account | undefined> {
  const [row] = await db
    .select({ account: accounts })
    .from(unitAgents)
    .innerJoin(accounts, eq(accounts.id, unitAgents.accountId))
    .where(and(eq(unitAgents.unitId, unitId), eq(unitAgents.role, 'manager'), eq(unitAgents.status, 'active')))
    .limit(1);
  return row?.account;
}

export async function unitByCreditCode(db: Db, creditCode: string) {
  const [unit] = await db.select().from(units).where(and(eq(units.creditCode, creditCode), eq(units.status, 'active')));
  return unit;
}

/** The caller's binding to a unit, or forbidden: an agent acts only for units they are bound to. */
async function requireAgentOf(db: Db, accountId: string, unitId: string, role?: 'manager') {
  const [binding] = await db
    .select()
    .from(unitAgents)
    .where(and(eq(unitAgents.unitId, unitId), eq(unitAgents.accountId, accountId), eq(unitAgents.status, 'active')));
  if (!binding || (role && binding.role !== role)) throw forbidden('user.not_unit_agent');
  return binding;
}

/** 经办人列表 the unit's agents, past and present, oldest first; for its agents only. */
export async function unitAgentList(db: Db, fields: AppContext['fields'], caller: string, unitId: string, page: { page: number; pageSize: number }) {
  await requireAgentOf(db, caller, unitId);
  const where = eq(unitAgents.unitId, unitId);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ binding: unitAgents, name: accounts.name, phoneEnc: accounts.phoneEnc })
      .from(unitAgents)
      .innerJoin(accounts, eq(accounts.id, unitAgents.accountId))
      .where(where)
      .orderBy(unitAgents.createdAt, unitAgents.id)
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ total: count() }).from(unitAgents).where(where),
  ]);
  const items = rows.map(({ binding, name, phoneEnc }): AgentView => ({
    bindingId: binding.id,
    accountId: binding.accountId,
    name: maskName(name),
    phone: phoneEnc ? maskPhone(fields.decrypt(phoneEnc)) : null,
    role: binding.role,
    status: binding.status,
    createdAt: binding.createdAt.toISOString(),
  }));
  return { items, total: Number(total), ...page };
}

/** 新增经办人 the managing agent binds an agent; a person already an agent elsewhere keeps their one account. */
export async function addAgent(ctx: AppContext, manager: string, unitId: string, agent: NewAgent) {
  await requireAgentOf(ctx.database.db, manager, unitId, 'manager');
  const account = await transaction(ctx.database.db, async (tx) => {
    const [existing] = agent.idNumber
      ? await tx
          .select()
          .from(accounts)
          .where(
            and(eq(accounts.kind, 'unit_agent'), ne(accounts.status, 'deactivated'), eq(accounts.idNumberIdx, ctx.fields.blindIndex(standardIdNumber(agent.idNumber), 'idNumber'))),
          )
      : [];
    // An agent may serve several units with one account.
    const bound = existing ?? (await insertAccount(ctx, tx, { ...agent, kind: 'unit_agent' }));
    const already = await tx
      .select({ id: unitAgents.id })
      .from(unitAgents)
      .where(and(eq(unitAgents.unitId, unitId), eq(unitAgents.accountId, bound.id), eq(unitAgents.status, 'active')));
    if (already.length) throw conflict('user.agent_already_bound', {}, 'idNumber');
    await tx.insert(unitAgents).values({ id: newId('ua'), unitId, accountId: bound.id, role: 'agent' });
    await ctx.outbox.publish(tx, AGENT_BOUND, { unitId, accountId: bound.id });
    return bound;
  });
  await forgetProfile(ctx.cache, account.id);
  return accountView(ctx.fields, account);
}

/** 解除经办人 the managing agent revokes an agent (never the manager); the agent's sessions end at once. */
export async function revokeAgent(ctx: AppContext, manager: string, unitId: string, accountId: string) {
  await requireAgentOf(ctx.database.db, manager, unitId, 'manager');
  await transaction(ctx.database.db, async (tx) => {
    const revoked = await tx
      .update(unitAgents)
      .set({ status: 'revoked', revokedAt: new Date() })
      .where(and(eq(unitAgents.unitId, unitId), eq(unitAgents.accountId, accountId), eq(unitAgents.status, 'active'), eq(unitAgents.role, 'agent')))
      .returning({ id: unitAgents.id });
    if (!revoked.length) throw notFound('user.agent_not_found');
    await ctx.outbox.publish(tx, AGENT_REVOKED, { unitId, accountId });
  });
  await forgetProfile(ctx.cache, accountId);
  await auth.revokeAllSessions(ctx, accountId, 'agent_revoked');
}
