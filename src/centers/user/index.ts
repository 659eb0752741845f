/**
 * 用户中心 user center: public API for other centers.
 *
 * The user center calls the auth center (one-time codes, organizations, ending sessions) and provides
 * the auth center its accounts at start; the auth center never imports this one.
 *
 * Events (`events`), published in the writing transaction, payloads without personal data:
 *   user.account_registered { accountId, kind }      user.unit_registered { unitId, creditCode }
 *   user.agent_bound / agent_revoked { unitId, accountId }
 *   user.account_deactivated / password_changed / phone_changed { accountId }
 *   user.account_locked / account_unlocked { accountId, by }
 */
import type { AppContext } from '../../kernel/context.js';
import type { AuthLevel } from '../../kernel/http/auth.js';
import { transaction } from '../../kernel/db/index.js';
import { inArray } from 'drizzle-orm';
import { maskName } from '../../kernel/crypto/index.js';
import { accounts } from './schema.js';
import { findLoginAccount, insertAccount, type NewAccount } from './accounts.js';
import { activeUnitsOf, insertUnit, unitManagerAccount, type NewAgent } from './units.js';

export * as events from './events.js';
export { identityOf, raiseAuthLevel } from './directory.js';
export type { AccountView } from './contract.js';
export type { NewAccount } from './accounts.js';

/**
 * 消息收件人 for the message center: `personAccountIds(ctx, idNumber)` the person's active accounts;
 * `unitAgentAccountIds(ctx, creditCode)` the unit's active agents; `contactsOf(ctx, accountIds)`
 * each account's phone (decrypted), email, name, WeChat open id and locale.
 */
export { personAccountIds, unitAgentAccountIds, contactsOf, type Contact } from './recipients.js';

/**
 * The unit an agent acts for (id, name, unified social credit code, the agent's role), or null when
 * the account is no longer an active agent of it: service centers map it to the registry entity.
 */
export async function agentUnit(ctx: AppContext, accountId: string, unitId: string) {
  return (await activeUnitsOf(ctx.database.db, accountId)).find((u) => u.id === unitId) ?? null;
}

/**
 * The managing agent of a unit (the account that registered it): its verification level and plain
 * identity number, so a service can check the unit's binding against the registry's legal representative.
 */
export async function unitManager(ctx: AppContext, unitId: string) {
  const account = await unitManagerAccount(ctx.database.db, unitId);
  if (!account) return null;
  return { accountId: account.id, authLevel: account.authLevel as AuthLevel, idNumber: account.idNumberEnc ? ctx.fields.decrypt(account.idNumberEnc) : null };
}

/** Creates an account (bootstrap and demo data; HTTP registration proves the phone first). */
export function createAccount(ctx: AppContext, input: NewAccount) {
  return transaction(ctx.database.db, (tx) => insertAccount(ctx, tx, input));
}

/** Creates a unit with its managing agent (demo data). */
export function createUnitWithAgent(ctx: AppContext, input: { unitName: string; creditCode: string; agent: NewAgent }) {
  return transaction(ctx.database.db, (tx) => insertUnit(ctx, tx, input));
}

export const findAccountByLoginName = (ctx: AppContext, loginName: string) => findLoginAccount(ctx, loginName);

/**
 * Who the accounts are, for logs that name an actor (the audit log): the name masked as in every
 * list (张*), with the login name when the account has one ("张* (province_admin)"); ids of no
 * account are left out.
 */
export async function accountNames(ctx: Pick<AppContext, 'database'>, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return new Map();
  const rows = await ctx.database.db.select({ id: accounts.id, name: accounts.name, loginName: accounts.loginName }).from(accounts).where(inArray(accounts.id, wanted));
  return new Map(rows.map((r) => [r.id, r.loginName ? `${maskName(r.name)} (${r.loginName})` : maskName(r.name)]));
}
