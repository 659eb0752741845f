/** 密码 passwords: checking one with the failure lockout, and changing one. */
import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { DomainError, badRequest, forbidden, notFound } from '../../kernel/errors/index.js';
import type { AccountKind } from '../../kernel/http/auth.js';
import * as auth from '../auth/index.js';
import { findLoginAccount, requireAccount, type Account } from './accounts.js';
import { PASSWORD_CHANGED } from './events.js';
import { credentials } from './schema.js';
import { decoyPasswordHash, hashPassword, passwordMatches, passwordWeakness } from './password.js';

/**
 * 登录失败处理 checks a password with lockout: after maxFailedLogins consecutive failures the
 * account locks for lockoutSec. Each attempt is counted before the password is compared, in one
 * conditional UPDATE, so that N concurrent guesses take N places in the count: only those within the
 * limit are compared, a locked account compares none, and a burst never gets past the lockout.
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
  const { maxFailedLogins: max, lockoutSec } = ctx.config.auth;
  const mine = eq(credentials.accountId, account.id);
  // A lockout that has ended starts the count afresh; one in force takes no attempt at all.
  const lockoutEnded = sql`${credentials.lockedUntil} is not null and ${credentials.lockedUntil} <= ${now}`;
  const [claim] = await db
    .update(credentials)
    .set({
      failedAttempts: sql`case when ${lockoutEnded} then 1 else ${credentials.failedAttempts} + 1 end`,
      lockedUntil: sql`case when ${lockoutEnded} then null else ${credentials.lockedUntil} end`,
    })
    .where(and(mine, or(isNull(credentials.lockedUntil), lte(credentials.lockedUntil, now))))
    .returning({ attempt: credentials.failedAttempts, passwordHash: credentials.passwordHash, passwordChangedAt: credentials.passwordChangedAt });
  if (!claim) {
    const [credential] = await db.select({ lockedUntil: credentials.lockedUntil }).from(credentials).where(mine);
    return credential?.lockedUntil ? failed('locked', credential.lockedUntil) : failed('bad_credentials');
  }
  // The attempt that reaches the limit locks the account when it fails, and so does any attempt beyond
  // it (uncompared), in case that one is still being compared; a lockout in force is not extended.
  const lockOut = async () => {
    const [row] = await db
      .update(credentials)
      .set({ lockedUntil: sql`case when ${credentials.lockedUntil} > ${now} then ${credentials.lockedUntil} else ${new Date(now.getTime() + lockoutSec * 1000)} end` })
      .where(and(mine, gte(credentials.failedAttempts, max)))
      .returning({ lockedUntil: credentials.lockedUntil });
    return row?.lockedUntil ? failed('locked', row.lockedUntil) : failed('bad_credentials');
  };
  if (claim.attempt > max) return lockOut();
  if (await passwordMatches(claim.passwordHash, password)) {
    // The count starts over only if no attempt was counted after this one: a wrong guess racing
    // with the right password still counts, and a lockout it caused stays.
    await db.update(credentials).set({ failedAttempts: 0 }).where(and(mine, eq(credentials.failedAttempts, claim.attempt), isNull(credentials.lockedUntil)));
    const maxAgeMs = ctx.config.auth.passwordMaxAgeDays * 86400_000;
    return { ok: true, accountId: account.id, passwordExpired: now.getTime() - claim.passwordChangedAt.getTime() > maxAgeMs };
  }
  if (claim.attempt >= max) return lockOut();
  return failed('bad_credentials');
}

/** 修改密码 with the current one; the new one must be strong and new. Every session of the account ends, this one too. */
export async function changePassword(ctx: AppContext, accountId: string, oldPassword: string, newPassword: string) {
  await transaction(ctx.database.db, async (tx) => {
    const account = await requireAccount(tx, accountId);
    const [credential] = await tx.select().from(credentials).where(eq(credentials.accountId, accountId));
    if (!credential || !(await passwordMatches(credential.passwordHash, oldPassword))) throw badRequest('user.old_password_wrong', 'oldPassword');
    await replacePassword(ctx, tx, account, credential.passwordHash, newPassword);
  });
  // After the commit, before the answer: a token taken with the old password is refused from now on.
  await auth.revokeAllSessions(ctx, accountId, 'password_changed');
  return { changed: true as const };
}

/**
 * The new password in place of the one hashed as `currentHash`: it must differ from it and be strong
 * (nor hold the account's phone, identity number or login name). A failure lockout ends with it.
 */
async function replacePassword(ctx: AppContext, tx: Db, account: Account, currentHash: string, newPassword: string) {
  if (await passwordMatches(currentHash, newPassword)) throw badRequest('user.password_reused', 'newPassword');
  const phone = account.phoneEnc ? ctx.fields.decrypt(account.phoneEnc) : null;
  const idNumber = account.idNumberEnc ? ctx.fields.decrypt(account.idNumberEnc) : null;
  const weakness = passwordWeakness(newPassword, [account.loginName, phone, idNumber]);
  if (weakness) throw badRequest(weakness, 'newPassword');
  await tx
    .update(credentials)
    .set({ passwordHash: await hashPassword(newPassword), passwordChangedAt: new Date(), failedAttempts: 0, lockedUntil: null })
    .where(eq(credentials.accountId, account.id));
  await ctx.outbox.publish(tx, PASSWORD_CHANGED, { accountId: account.id });
}

/** Kinds that reset their own password with a code sent to their phone; staff and administrators are reset by an administrator. */
const SELF_RESET_KINDS: readonly string[] = ['person', 'unit_agent', 'enterprise'] satisfies AccountKind[];

/**
 * 忘记密码 resets a password with a one-time code sent to the account's phone (purpose
 * `reset_password`). The code is checked before anything is said about the phone, so only its holder
 * learns whether an account has it; the rules a password can be judged by without the account are
 * judged before the code is spent. The account is the one the phone logs into (`kind` chooses where
 * a phone has several). A failure lockout ends; an administrator's lock does not. Every session ends.
 */
export async function resetPassword(ctx: AppContext, input: { phone: string; smsCode: string; newPassword: string; kind?: AccountKind }) {
  const early = passwordWeakness(input.newPassword, [input.phone]);
  if (early) throw badRequest(early, 'newPassword');
  await auth.consumeOtp(ctx, input.phone, 'reset_password', input.smsCode, 'smsCode');
  const account = await findLoginAccount(ctx, input.phone, input.kind);
  if (!account) throw new DomainError('user.phone_unknown', 'not_found', {}, 'phone');
  if (!SELF_RESET_KINDS.includes(account.kind)) throw forbidden('user.reset_by_administrator');
  if (account.status === 'locked') throw forbidden('user.account_locked');
  await transaction(ctx.database.db, async (tx) => {
    const [credential] = await tx.select().from(credentials).where(eq(credentials.accountId, account.id)).for('update');
    if (!credential) throw notFound('user.account_not_found');
    await replacePassword(ctx, tx, account, credential.passwordHash, input.newPassword);
  });
  await auth.revokeAllSessions(ctx, account.id, 'password_reset');
  return { reset: true as const };
}
