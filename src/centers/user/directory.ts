/** The accounts as the auth center authenticates against them (its `AccountDirectory`), provided at start. */
import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { AccountKind, AuthLevel } from '../../kernel/http/auth.js';
import type * as auth from '../auth/index.js';
import { findLoginAccount, getAccount } from './accounts.js';
import { checkPassword } from './credentials.js';
import { forgetProfile } from './profile-cache.js';
import { accounts } from './schema.js';
import { activeUnitsOf, unitByCreditCode } from './units.js';

export function accountDirectory(ctx: AppContext): auth.AccountDirectory {
  const db = ctx.database.db;
  return {
    checkPassword: async (identifier, password, kind) => checkPassword(ctx, await findLoginAccount(ctx, identifier, kind), password),
    accountIdOf: async (identifier, kind) => (await findLoginAccount(ctx, identifier, kind))?.id ?? null,
    async sessionSubject(accountId, unitId) {
      const account = await getAccount(db, accountId);
      if (!account || account.status !== 'active') return null;
      const units = account.kind === 'unit_agent' ? await activeUnitsOf(db, accountId) : [];
      // An agent acts for a unit; one bound to none may not hold a session.
      if (account.kind === 'unit_agent' && !units.length) return null;
      return {
        id: account.id,
        kind: account.kind as AccountKind,
        authLevel: account.authLevel as AuthLevel,
        orgId: account.orgId,
        orgPath: account.orgPath,
        unitId: units.find((u) => u.id === unitId)?.id ?? units[0]?.id ?? null,
      };
    },
    identityOf: (accountId) => identityOf(ctx, accountId),
    raiseAuthLevel: (accountId, level) => raiseAuthLevel(ctx, accountId, level),
    async orgPathOf(accountId) {
      const account = await getAccount(db, accountId);
      return account ? { orgPath: account.orgPath } : null;
    },
    isActiveAgentOf: async (accountId, unitId) => (await activeUnitsOf(db, accountId)).some((u) => u.id === unitId),
    unitIdByCreditCode: async (creditCode) => (await unitByCreditCode(db, creditCode))?.id ?? null,
  };
}

/** Name, plain identity number and phone and the verification level: for the real-name provider, the registry's lookup and a first visit's declared record only. */
export async function identityOf(ctx: AppContext, accountId: string) {
  const account = await getAccount(ctx.database.db, accountId);
  if (!account) return null;
  return {
    name: account.name,
    idNumber: account.idNumberEnc ? ctx.fields.decrypt(account.idNumberEnc) : null,
    phone: account.phoneEnc ? ctx.fields.decrypt(account.phoneEnc) : null,
    authLevel: account.authLevel,
  };
}

/** 认证等级 levels only go up: a later real-name check must not undo a liveness pass. */
export async function raiseAuthLevel(ctx: AppContext, accountId: string, level: AuthLevel) {
  await ctx.database.db
    .update(accounts)
    .set({ authLevel: sql`greatest(${accounts.authLevel}, ${level})`, updatedAt: new Date() })
    .where(eq(accounts.id, accountId));
  await forgetProfile(ctx.cache, accountId);
}
