/**
 * 站内信 the in-site inbox of the signed-in account: a person's or a unit agent's own messages only;
 * another account's message is not found, never a hint that it exists. Reading a message cancels the
 * fallback steps still waiting on it (逐级补发: the person has seen it).
 */
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { transaction } from '../../kernel/db/index.js';
import { notFound } from '../../kernel/errors/index.js';
import { pageOf } from '../../kernel/page/index.js';
import type { InboxMessageView } from './contract.js';
import { messages } from './schema.js';

const mine = (accountId: string) => and(eq(messages.accountId, accountId), eq(messages.channel, 'inbox'));

const view = (row: typeof messages.$inferSelect): InboxMessageView => ({
  id: row.id,
  category: row.category,
  subject: row.subject,
  body: row.body,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

export async function inbox(ctx: AppContext, accountId: string, query: { page: number; pageSize: number; unread?: boolean }) {
  const where = and(mine(accountId), query.unread ? isNull(messages.readAt) : undefined);
  const [rows, [{ total }]] = await Promise.all([
    ctx.database.db.select().from(messages).where(where).orderBy(desc(messages.createdAt), desc(messages.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    ctx.database.db.select({ total: count() }).from(messages).where(where),
  ]);
  return pageOf(rows.map(view), total, query);
}

export async function unreadCount(ctx: AppContext, accountId: string): Promise<number> {
  const [{ n }] = await ctx.database.db.select({ n: count() }).from(messages).where(and(mine(accountId), isNull(messages.readAt)));
  return Number(n);
}

export async function inboxMessage(ctx: AppContext, accountId: string, id: string): Promise<InboxMessageView> {
  const [row] = await ctx.database.db.select().from(messages).where(and(mine(accountId), eq(messages.id, id)));
  if (!row) throw notFound('message.not_found');
  return view(row);
}

/** 标为已读 marks one message read (again: it stays as first read) and cancels its waiting fallbacks. */
export async function markRead(ctx: AppContext, accountId: string, id: string): Promise<InboxMessageView> {
  return transaction(ctx.database.db, async (tx) => {
    const [row] = await tx
      .update(messages)
      .set({ readAt: sql`coalesce(${messages.readAt}, now())` })
      .where(and(mine(accountId), eq(messages.id, id)))
      .returning();
    if (!row) throw notFound('message.not_found');
    await tx.update(messages).set({ status: 'cancelled', completedAt: new Date() }).where(and(eq(messages.unlessReadId, id), eq(messages.status, 'created')));
    return view(row);
  });
}

/** 全部已读 marks every unread message read; how many. */
export async function markAllRead(ctx: AppContext, accountId: string): Promise<number> {
  return transaction(ctx.database.db, async (tx) => {
    const read = await tx.update(messages).set({ readAt: new Date() }).where(and(mine(accountId), isNull(messages.readAt))).returning({ id: messages.id });
    if (read.length) {
      await tx.execute(sql`update message.messages set status = 'cancelled', completed_at = now()
        where status = 'created' and unless_read_id in (${sql.join(read.map((r) => sql`${r.id}`), sql`, `)})`);
    }
    return read.length;
  });
}
