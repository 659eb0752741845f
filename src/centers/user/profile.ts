/** 本人资料 the own account: profile, contact details, phone number and deactivation. */
import { and, eq, ne } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { transaction } from '../../kernel/db/index.js';
import { DomainError, conflict, notFound } from '../../kernel/errors/index.js';
import { maskPhone } from '../../kernel/crypto/index.js';
import * as auth from '../auth/index.js';
import { accountView, getAccount, liveAccountWith, provenByCode, requireAccount } from './accounts.js';
import type { ProfileView } from './contract.js';
import { checkPassword } from './credentials.js';
import { ACCOUNT_DEACTIVATED, PHONE_CHANGED } from './events.js';
import { forgetProfile } from './profile-cache.js';
import { accounts, unitAgents } from './schema.js';
import { activeUnitsOf } from './units.js';

/** The own account, masked, with its units and organization. */
export async function profileView(ctx: AppContext, accountId: string): Promise<ProfileView> {
  const account = await requireAccount(ctx.database.db, accountId);
  const org = account.orgId ? await auth.getOrg(ctx, account.orgId) : null;
  return {
    ...accountView(ctx.fields, account, await activeUnitsOf(ctx.database.db, account.id)),
    org: org ? { id: org.id, name: org.name, regionCode: org.regionCode } : null,
  };
}

export async function updateProfile(ctx: AppContext, accountId: string, changes: { email?: string; address?: string }) {
  const [account] = await ctx.database.db
    .update(accounts)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(accounts.id, accountId))
    .returning();
  if (!account) throw notFound('user.account_not_found');
  await forgetProfile(ctx.cache, accountId);
  return accountView(ctx.fields, account);
}

/** 更换手机号 to a number proven by a code sent to it, and not in use by a live account of the same kind. */
export async function changePhone(ctx: AppContext, accountId: string, newPhone: string, smsCode: string) {
  const account = await requireAccount(ctx.database.db, accountId);
  await provenByCode(ctx, { phone: newPhone, purpose: 'change_phone', code: smsCode }, async (tx) => {
    const phoneIdx = ctx.fields.blindIndex(newPhone, 'phone');
    if (await liveAccountWith(tx, account.kind, and(eq(accounts.phoneIdx, phoneIdx), ne(accounts.id, account.id)))) throw conflict('user.phone_taken', {}, 'newPhone');
    await tx.update(accounts).set({ phoneEnc: ctx.fields.encrypt(newPhone), phoneIdx, updatedAt: new Date() }).where(eq(accounts.id, account.id));
    await ctx.outbox.publish(tx, PHONE_CHANGED, { accountId: account.id });
  });
  await forgetProfile(ctx.cache, account.id);
  return { phone: maskPhone(newPhone) };
}

/**
 * 注销账号 the owner deactivates the account with its password: its unit bindings end, every session
 * ends, and the identity number is free for a new registration.
 */
export async function deactivate(ctx: AppContext, accountId: string, password: string) {
  const check = await checkPassword(ctx, await getAccount(ctx.database.db, accountId), password);
  if (!check.ok) throw new DomainError('auth.bad_credentials', 'unauthenticated', {}, 'password');
  await transaction(ctx.database.db, async (tx) => {
    await tx.update(accounts).set({ status: 'deactivated', deactivatedAt: new Date(), updatedAt: new Date() }).where(eq(accounts.id, accountId));
    await tx
      .update(unitAgents)
      .set({ status: 'revoked', revokedAt: new Date() })
      .where(and(eq(unitAgents.accountId, accountId), eq(unitAgents.status, 'active')));
    await ctx.outbox.publish(tx, ACCOUNT_DEACTIVATED, { accountId });
  });
  await forgetProfile(ctx.cache, accountId);
  await auth.revokeAllSessions(ctx, accountId, 'deactivated');
  return { deactivated: true as const };
}
