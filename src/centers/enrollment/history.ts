/** 变更记录 the change history: every write records who did what, per person and per unit. */
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/index.js';
import { history } from './schema.js';
import { personInScope, type Actor } from './scope.js';
import { historyView } from './views.js';
import { pageOf } from '../../kernel/page/index.js';

/** Records a change in the writing transaction. */
export async function record(tx: Db, actor: Pick<Actor, 'accountId'>, action: string, ids: { entityId?: string | null; personId?: string | null }, detail: Record<string, unknown>) {
  await tx.insert(history).values({ entityId: ids.entityId ?? null, personId: ids.personId ?? null, action, detail, actorId: actor.accountId });
}

/** A page of changes, newest first. */
export async function historyPage(ctx: AppContext, where: SQL | undefined, query: { page: number; pageSize: number }) {
  const db = ctx.database.db;
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(history).where(where).orderBy(desc(history.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(history).where(where),
  ]);
  return pageOf(rows.map(historyView), total, query);
}

/** A person's change history; a unit agent sees only what happened through their entity. */
export async function personHistory(ctx: AppContext, actor: Actor, personId: string, query: { page: number; pageSize: number }) {
  await personInScope(ctx, actor, personId);
  return historyPage(ctx, and(eq(history.personId, personId), 'entityId' in actor ? eq(history.entityId, actor.entityId) : undefined), query);
}
