/** 密码 passwords: checking one with the failure lockout, and changing one. */
import { eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { transaction } from '../../kernel/db/index.js';
import { badRequest } from '../../kernel/errors/index.js';
import * as auth from '../auth/index.js';
import { requireAccount, type Account } from './accounts.js';
import { PASSWORD_CHANGED } from './events.js';
import { credentials } from './schema.js';
import { decoyPasswordHash, hashPassword, passwordMatches, passwordWeakness } from './password.js';

/**
 * 登录失败处理 checks a password with lockout: after maxFailedLogins consecutive failures the
 * account locks for lockoutSec. The counter update is atomic so parallel guesses cannot slip past.
 * A missing account costs the same time as a wrong password, so timing does not tell which accounts exist.
 */
export async function checkPassword(ctx: AppContext, account: Account | undefined, password: string, now = new Date()): Promise<auth.PasswordCheck> {
  if (!account) {
    await passwordMatches(await decoyPasswordHash(), password);
    return { ok: false, reason: 'bad_credentials', accountId: null, lockedUntil: null };
  }
  const failed = (reason: 'bad_credentials' | 'locked' | 'deactivated', lockedUntil: Date | null = null) => ({ ok: false as const, reason, accountId: account.id, lockedUntil });
  if (account.status === 'deactivated') return failed('deactivated');
  // Locked by an administrator: no end time, whatever an earlier failure lockout left behind.
  if (account.status === 'locked') return failed('locked');
  const db = ctx.database.db;
  const [credential] = await db.select().from(credentials).where(eq(credentials.accountId, account.id));
  if (!credential) return failed('bad_credentials');
  if (credential.lockedUntil && credential.lockedUntil > now) return failed('locked', credential.lockedUntil);
  if (await passwordMatches(credential.passwordHash, password)) {
    if (credential.failedAttempts > 0) await db.update(credentials).set({ failedAttempts: 0, lockedUntil: null }).where(eq(credentials.accountId, account.id));
    const maxAgeMs = ctx.config.auth.passwordMaxAgeDays * 86400_000;
    return { ok: true, accountId: account.id, passwordExpired: now.getTime() - credential.passwordChangedAt.getTime() > maxAgeMs };
  }
  const { maxFailedLogins, lockoutSec } = ctx.config.auth;
  const [updated] = await db
    .update(credentials)
    .set({
      failedAttempts: sql`case when ${credentials.failedAttempts} + 1 >= ${maxFailedLogins} then 0 else ${credentials.failedAttempts} + 1 end`,
      lockedUntil: sql`case when ${credentials.failedAttempts} + 1 >= ${maxFailedLogins} then ${new Date(now.getTime() + lockoutSec * 1000)} else ${credentials.lockedUntil} end`,
    })
    .where(eq(credentials.accountId, account.id))
    .returning({ lockedUntil: credentials.lockedUntil });
  if (updated?.lockedUntil && updated.lockedUntil > now) return failed('locked', updated.lockedUntil);
  return failed('bad_credentials');
}

/** 修改密码 with the current one; the new one must be strong and new. Every session of the account ends, this one too. */
export async function changePassword(ctx: AppContext, accountId: string, oldPassword: string, newPassword: string) {
  await transaction(ctx.database.db, async (tx) => {
    const account = await requireAccount(tx, accountId);
    const [credential] = await tx.select().from(credentials).where(eq(credentials.accountId, accountId));
    if (!credential || !(await passwordMatches(credential.passwordHash, oldPassword))) throw badRequest('user.old_password_wrong', 'oldPassword');
    if (await passwordMatches(credential.passwordHash, newPassword)) throw badRequest('user.password_reused', 'newPassword');
    const phone = account.phoneEnc ? ctx.fields.decrypt(account.phoneEnc) : null;
    const idNumber = account.idNumberEnc ? ctx.fields.decrypt(account.idNumberEnc) : null;
    const weakness = passwordWeakness(newPassword, [account.loginName, phone, idNumber]);
    if (weakness) throw badRequest(weakness, 'newPassword');
    await tx
      .update(credentials)
      .set({ passwordHash: await hashPassword(newPassword), passwordChangedAt: new Date(), failedAttempts: 0, lockedUntil: null })
      .where(eq(credentials.accountId, accountId));
    await ctx.outbox.publish(tx, PASSWORD_CHANGED, { accountId });
  });
  // After the commit, before the answer: a token taken with the old password is refused from now on.
  await auth.revokeAllSessions(ctx, accountId, 'password_changed');
  return { changed: true as const };
}
