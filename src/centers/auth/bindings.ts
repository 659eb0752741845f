/** 第三方账号 WeChat and Alipay accounts bound to a platform account, and logging in with them. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../kernel/db/index.js';
import { DomainError, conflict } from '../../kernel/errors/index.js';
import { isAdapterError, type OAuthClient } from '../../adapters/index.js';
import type { BindingView, ThirdParty } from './contract.js';
import type { AuthDeps } from './runtime.js';
import { issueSession } from './login.js';
import type { LoginContext } from './sessions.js';
import { thirdPartyBindings } from './schema.js';
import { providerFailure } from './verification.js';
import { wholePage } from '../../kernel/page/index.js';

/** The open id behind a one-time authorization code from the provider. */
async function openIdOf(client: OAuthClient, code: string): Promise<string> {
  try {
    return (await client.exchangeCode(code)).openId;
  } catch (error) {
    if (isAdapterError(error) && error.code === 'rejected') throw new DomainError('auth.third_party_rejected', 'invalid', {}, 'code');
    return providerFailure(error);
  }
}

/** An account has at most one binding per provider: the list is answered whole. */
export async function listBindings(db: Db, accountId: string) {
  const rows = await db.select().from(thirdPartyBindings).where(eq(thirdPartyBindings.accountId, accountId));
  return wholePage(rows.map(bindingView));
}

function bindingView(row: typeof thirdPartyBindings.$inferSelect): BindingView {
  return { provider: row.provider, openId: `${row.openId.slice(0, 4)}****`, createdAt: row.createdAt.toISOString() };
}

/** The open ids the accounts have bound at a provider, by account id; an account with none is absent. */
export async function openIdsOf(db: Db, provider: ThirdParty, accountIds: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(accountIds)];
  if (!wanted.length) return new Map();
  const rows = await db
    .select({ accountId: thirdPartyBindings.accountId, openId: thirdPartyBindings.openId })
    .from(thirdPartyBindings)
    .where(and(eq(thirdPartyBindings.provider, provider), inArray(thirdPartyBindings.accountId, wanted)));
  return new Map(rows.map((r) => [r.accountId, r.openId]));
}

/** Binds the provider account behind `code`; one open id binds one platform account. */
export async function bind(deps: AuthDeps, accountId: string, provider: ThirdParty, code: string) {
  const openId = await openIdOf(deps.oauth[provider], code);
  const inserted = await deps.database.db.insert(thirdPartyBindings).values({ accountId, provider, openId }).onConflictDoNothing().returning();
  if (!inserted.length) throw conflict('auth.third_party_taken', {}, 'code');
  return { provider, bound: true as const };
}

export async function unbind(db: Db, accountId: string, provider: ThirdParty) {
  await db.delete(thirdPartyBindings).where(and(eq(thirdPartyBindings.accountId, accountId), eq(thirdPartyBindings.provider, provider)));
}

/** 第三方账号登录 a session for the account bound to the provider account behind `code`. */
export async function thirdPartyLogin(deps: AuthDeps, provider: ThirdParty, code: string, login: LoginContext) {
  const openId = await openIdOf(deps.oauth[provider], code);
  const [binding] = await deps.database.db
    .select()
    .from(thirdPartyBindings)
    .where(and(eq(thirdPartyBindings.provider, provider), eq(thirdPartyBindings.openId, openId)));
  if (!binding) throw new DomainError('auth.third_party_unbound', 'not_found', {}, 'code');
  return issueSession(deps, binding.accountId, login);
}
