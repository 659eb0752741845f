/**
 * 账号管理 account administration. An administrator or clerk acts on the accounts of their
 * organization's subtree (the auth center's org-path scoping); persons, unit agents and enterprises
 * belong to no organization and lie outside every scope. An account outside the scope is not found.
 */
import { and, count, desc, eq, like, ne, or } from 'drizzle-orm';
import type { Actor } from '../../kernel/actor/index.js';
import type { AppContext } from '../../kernel/context.js';
import { transaction } from '../../kernel/db/index.js';
import { DomainError, badRequest, forbidden, notFound } from '../../kernel/errors/index.js';
import * as auth from '../auth/index.js';
import { accountPii, accountView, getAccount, insertAccount, type Account, type NewAccount } from './accounts.js';
import type { AccountRevealView } from './contract.js';
import { ACCOUNT_LOCKED, ACCOUNT_UNLOCKED } from './events.js';
import { forgetProfile } from './profile-cache.js';
import { accounts, credentials } from './schema.js';
import { activeUnitsOf } from './units.js';

type Viewer = Pick<Actor, 'accountId' | 'kind' | 'orgPath' | 'can'>;

const inScope = (viewer: Viewer, account: Pick<Account, 'orgPath'>) => auth.isWithin(account.orgPath, viewer.orgPath);

/** 账号列表 the accounts in the viewer's scope, newest first, by kind and a name or login name fragment. */
export async function listAccounts(ctx: AppContext, viewer: Viewer, query: { page: number; pageSize: number; kind?: string; q?: string }) {
  if (!viewer.orgPath) throw forbidden('auth.no_org');
  const where = and(
    auth.orgPathWithin(accounts.orgPath, viewer.orgPath),
    query.kind ? eq(accounts.kind, query.kind) : undefined,
    query.q ? or(like(accounts.loginName, `%${query.q}%`), like(accounts.name, `%${query.q}%`)) : undefined,
  );
  const db = ctx.database.db;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(accounts)
      .where(where)
      .orderBy(desc(accounts.createdAt), accounts.id)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(accounts).where(where),
  ]);
  return { items: rows.map((a) => accountView(ctx.fields, a)), total: Number(total), page: query.page, pageSize: query.pageSize };
}

/** An account the viewer may read: one's own, or one in scope for a viewer who may read accounts. Anything else is not found, so ids cannot be probed. */
async function readableAccount(ctx: Pick<AppContext, 'database'>, viewer: Viewer, accountId: string): Promise<Account> {
  const account = await getAccount(ctx.database.db, accountId);
  const self = account?.id === viewer.accountId;
  if (!account || (!self && !(inScope(viewer, account) && viewer.can(auth.PERMISSIONS.accountsRead)))) throw notFound('user.account_not_found');
  return account;
}

/** One account, its personal data masked. */
export async function accountOf(ctx: AppContext, viewer: Viewer, accountId: string) {
  const account = await readableAccount(ctx, viewer, accountId);
  return accountView(ctx.fields, account, await activeUnitsOf(ctx.database.db, account.id));
}

/** Audit action of a reveal. */
export const ACCOUNT_REVEALED = 'user.account.revealed';

/**
 * 显示完整信息 one readable account's name, identity number, phone and credit code in full, for a viewer
 * holding user.pii.read. The audit record (who, which account, which fields and why; never the values)
 * is committed before the values are answered.
 */
export async function revealAccount(
  ctx: Pick<AppContext, 'database' | 'fields' | 'audit'>,
  viewer: Viewer,
  accountId: string,
  request: { reason?: string; requestId?: string; ip?: string } = {},
): Promise<AccountRevealView> {
  if (!viewer.can(auth.PERMISSIONS.piiRead)) throw forbidden();
  const revealed = accountPii(ctx.fields, await readableAccount(ctx, viewer, accountId));
  const fields = (['name', 'idNumber', 'phone', 'creditCode'] as const).filter((f) => revealed[f] !== null);
  await ctx.audit.record({
    actorId: viewer.accountId,
    actorKind: viewer.kind,
    action: ACCOUNT_REVEALED,
    target: accountId,
    requestId: request.requestId ?? null,
    ip: request.ip ?? null,
    detail: { fields, ...(request.reason ? { reason: request.reason } : {}) },
  });
  return revealed;
}

/** 新增机构人员账号 a staff or admin account in an organization within the creator's scope. */
export async function createStaffAccount(ctx: AppContext, creator: Viewer, input: Omit<NewAccount, 'orgId' | 'orgPath'> & { orgId: string }) {
  const org = await auth.getOrg(ctx, input.orgId);
  if (!org) throw badRequest('auth.org_not_found', 'orgId');
  if (!auth.isWithin(org.path, creator.orgPath)) throw new DomainError('auth.out_of_scope', 'forbidden', {}, 'orgId');
  const account = await transaction(ctx.database.db, (tx) => insertAccount(ctx, tx, { ...input, orgId: org.id, orgPath: org.path }));
  return accountView(ctx.fields, account);
}

/** 锁定 / 解锁 an account in scope, never one's own; a lock ends the account's sessions at once, an unlock clears the failure count. */
export async function setLocked(ctx: AppContext, admin: Viewer, accountId: string, locked: boolean) {
  const account = await getAccount(ctx.database.db, accountId);
  if (!account || account.id === admin.accountId || !inScope(admin, account)) throw notFound('user.account_not_found');
  await transaction(ctx.database.db, async (tx) => {
    await tx
      .update(accounts)
      .set({ status: locked ? 'locked' : 'active', updatedAt: new Date() })
      .where(and(eq(accounts.id, accountId), ne(accounts.status, 'deactivated')));
    if (!locked) await tx.update(credentials).set({ failedAttempts: 0, lockedUntil: null }).where(eq(credentials.accountId, accountId));
    await ctx.outbox.publish(tx, locked ? ACCOUNT_LOCKED : ACCOUNT_UNLOCKED, { accountId, by: admin.accountId });
  });
  await forgetProfile(ctx.cache, accountId);
  if (locked) await auth.revokeAllSessions(ctx, accountId, 'locked_by_admin');
  return { id: accountId, status: locked ? ('locked' as const) : ('active' as const) };
}
