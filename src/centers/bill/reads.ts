/** The person's own bills and the channels' reads: a channel sees the bills it issued, and all of a person's once the person authorized it. */
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/index.js';
import { notFound } from '../../kernel/errors/index.js';
import * as voucher from '../voucher/index.js';
import type { BillView } from './contract.js';
import { bills } from './schema.js';
import { viewOf, views } from './views.js';

export interface PageInput {
  page: number;
  pageSize: number;
}

async function page(db: Db, where: SQL | undefined, input: PageInput) {
  const [{ total }] = await db.select({ total: count() }).from(bills).where(where);
  const rows = await db.select().from(bills).where(where).orderBy(desc(bills.issuedAt), desc(bills.id)).limit(input.pageSize).offset((input.page - 1) * input.pageSize);
  return { items: await views(db, rows), total, page: input.page, pageSize: input.pageSize };
}

/** 我的票据 the person's own bills, newest first; an account the registry does not know (`personId` null) has none. */
export async function listMine(ctx: AppContext, personId: string | null, input: PageInput) {
  if (!personId) return { items: [], total: 0, page: input.page, pageSize: input.pageSize };
  return page(ctx.database.db, eq(bills.personId, personId), input);
}

/** One of the person's own bills; anyone else's reads as not found. */
export async function getMine(ctx: AppContext, personId: string | null, billId: string): Promise<BillView> {
  const [row] = personId ? await ctx.database.db.select().from(bills).where(and(eq(bills.id, billId), eq(bills.personId, personId))) : [];
  if (!row) throw notFound('bill.not_found');
  return viewOf(ctx.database.db, row);
}

/** Whether the person authorized the channel in the e-voucher center (渠道授权), not revoked. */
const channelAuthorizedFor = (ctx: AppContext, appId: string, personId: string) => voucher.isChannelAuthorized(ctx, appId, personId);

/** A person's bills as a channel sees them: all of them when the person authorized the channel, else those it issued. */
export async function listForChannel(ctx: AppContext, channel: { appId: string }, personId: string, input: PageInput) {
  const all = await channelAuthorizedFor(ctx, channel.appId, personId);
  return page(ctx.database.db, all ? eq(bills.personId, personId) : and(eq(bills.personId, personId), eq(bills.issuerAppId, channel.appId)), input);
}

/** One bill a channel may see (it issued it, or the person authorized the channel); any other reads as not found. */
export async function getForChannel(ctx: AppContext, channel: { appId: string }, billId: string): Promise<BillView> {
  const [row] = await ctx.database.db.select().from(bills).where(eq(bills.id, billId));
  if (!row || (row.issuerAppId !== channel.appId && !(await channelAuthorizedFor(ctx, channel.appId, row.personId)))) throw notFound('bill.not_found');
  return viewOf(ctx.database.db, row);
}
