/**
 * 消息收件人 who hears of a person's or a unit's affairs, and how to reach them: the message center
 * addresses accounts, and knows the person by identity number and the unit by credit code.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import * as auth from '../auth/index.js';
import { standardIdNumber } from './accounts.js';
import { accounts, unitAgents, units } from './schema.js';

/** How an account is reached: each channel's address, null where it has none. */
export interface Contact {
  phone: string | null;
  email: string | null;
  name: string | null;
  /** the open id of the WeChat account bound to it (第三方账号) */
  wechatOpenId: string | null;
  /** the language the account asked for; accounts keep none yet, so null (the platform's default) */
  locale: 'zh-CN' | 'en' | null;
}

/**
 * The active person accounts (`person` kind, status active: not locked, not deactivated) of the
 * identity number, by blind index; in any case of its check character.
 */
export async function personAccountIds(ctx: AppContext, idNumber: string): Promise<string[]> {
  const rows = await ctx.database.db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.idNumberIdx, ctx.fields.blindIndex(standardIdNumber(idNumber), 'idNumber')), eq(accounts.kind, 'person'), eq(accounts.status, 'active')))
    .orderBy(accounts.id);
  return rows.map((r) => r.id);
}

/**
 * The active agents (the manager among them) of the active unit registered under the credit code:
 * bindings not revoked, accounts active. None when the unit never registered on the platform.
 */
export async function unitAgentAccountIds(ctx: AppContext, creditCode: string): Promise<string[]> {
  const rows = await ctx.database.db
    .select({ id: accounts.id })
    .from(units)
    .innerJoin(unitAgents, and(eq(unitAgents.unitId, units.id), eq(unitAgents.status, 'active')))
    .innerJoin(accounts, and(eq(accounts.id, unitAgents.accountId), eq(accounts.status, 'active')))
    .where(and(eq(units.creditCode, creditCode.trim().toUpperCase()), eq(units.status, 'active')))
    .orderBy(accounts.id);
  return rows.map((r) => r.id);
}

/** Each account's addresses, the phone decrypted; ids of no account are absent. Two queries whatever the number. */
export async function contactsOf(ctx: AppContext, accountIds: readonly string[]): Promise<Map<string, Contact>> {
  const wanted = [...new Set(accountIds)];
  if (!wanted.length) return new Map();
  const [rows, openIds] = await Promise.all([
    ctx.database.db.select({ id: accounts.id, name: accounts.name, phoneEnc: accounts.phoneEnc, email: accounts.email }).from(accounts).where(inArray(accounts.id, wanted)),
    auth.openIdsOf(ctx, 'wechat', wanted),
  ]);
  return new Map(
    rows.map((r) => [
      r.id,
      { phone: r.phoneEnc ? ctx.fields.decrypt(r.phoneEnc) : null, email: r.email, name: r.name || null, wechatOpenId: openIds.get(r.id) ?? null, locale: null },
    ]),
  );
}
