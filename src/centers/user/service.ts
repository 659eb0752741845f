import { and, count, desc, eq, inArray, like, ne, or, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { Db } from '../../kernel/db/index.js';
import { badRequest, conflict, forbidden, notFound } from '../../kernel/errors/index.js';
import type { AccountKind, AuthLevel, UserPrincipal } from '../../kernel/http/auth.js';
import { newId } from '../../kernel/ids/index.js';
import { maskCreditCode, maskIdNumber, maskName, maskPhone } from '../../kernel/crypto/index.js';
import { parseIdNumber } from '../../kernel/validation/identifiers.js';
import { accounts, credentials, unitAgents, units } from './schema.js';
import { decoyPasswordHash, hashPassword, passwordMatches, passwordWeakness } from './password.js';

export type UserDeps = Pick<AppContext, 'database' | 'fields' | 'outbox' | 'config'>;
type Account = typeof accounts.$inferSelect;

export interface AccountView {
  id: string;
  kind: AccountKind;
  loginName: string | null;
  name: string;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  status: Account['status'];
  authLevel: AuthLevel;
  orgId: string | null;
  enterpriseType: string | null;
  creditCode: string | null;
  units: Array<{ id: string; name: string; creditCode: string; role: 'manager' | 'agent' }>;
  createdAt: string;
}

/** Masked unless the viewer may read personal data in full (经办人员 with user.pii.read). */
export function toView(deps: UserDeps, account: Account, agentUnits: AccountView['units'] = [], unmasked = false): AccountView {
  const idNumber = account.idNumberEnc ? deps.fields.decrypt(account.idNumberEnc) : null;
  const phone = account.phoneEnc ? deps.fields.decrypt(account.phoneEnc) : null;
  return {
    id: account.id,
    kind: account.kind as AccountKind,
    loginName: account.loginName,
    name: unmasked ? account.name : maskName(account.name),
    idNumber: idNumber && !unmasked ? maskIdNumber(idNumber) : idNumber,
    phone: phone && !unmasked ? maskPhone(phone) : phone,
    email: account.email,
    address: account.address,
    status: account.status,
    authLevel: account.authLevel as AuthLevel,
    orgId: account.orgId,
    enterpriseType: account.enterpriseType,
    creditCode: account.creditCode ? (unmasked ? account.creditCode : maskCreditCode(account.creditCode)) : null,
    units: agentUnits.map((u) => ({ ...u, creditCode: unmasked ? u.creditCode : maskCreditCode(u.creditCode) })),
    createdAt: account.createdAt.toISOString(),
  };
}

export interface NewAccount {
  kind: AccountKind;
  name: string;
  password: string;
  idNumber?: string;
  phone?: string;
  loginName?: string;
  email?: string;
  orgId?: string | null;
  orgPath?: string | null;
  enterpriseType?: string;
  creditCode?: string;
}

/** Checks and inserts one account with its password; the caller owns the transaction. */
export async function insertAccount(deps: UserDeps, tx: Db, input: NewAccount): Promise<Account> {
  if (input.idNumber) {
    const parsed = parseIdNumber(input.idNumber);
    if (!parsed) throw badRequest('user.id_number_invalid', 'idNumber');
  }
  const weakness = passwordWeakness(input.password, [input.loginName, input.phone, input.idNumber]);
  if (weakness) throw badRequest(weakness, 'password');
  const idNumberIdx = input.idNumber ? deps.fields.blindIndex(input.idNumber, 'idNumber') : null;
  const phoneIdx = input.phone ? deps.fields.blindIndex(input.phone, 'phone') : null;
  // One live account per person per kind; the same person may also be a unit agent or staff.
  if (idNumberIdx && (await liveAccountWith(tx, input.kind, eq(accounts.idNumberIdx, idNumberIdx))))
    throw conflict('user.id_number_taken', {}, 'idNumber');
  if (phoneIdx && (await liveAccountWith(tx, input.kind, eq(accounts.phoneIdx, phoneIdx)))) throw conflict('user.phone_taken', {}, 'phone');
  if (input.loginName && (await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.loginName, input.loginName))).length)
    throw conflict('user.login_name_taken', {}, 'loginName');
  const id = newId('acc');
  const [account] = await tx
    .insert(accounts)
    .values({
      id,
      kind: input.kind,
      loginName: input.loginName ?? null,
      name: input.name,
      idNumberEnc: input.idNumber ? deps.fields.encrypt(input.idNumber) : null,
      idNumberIdx,
      phoneEnc: input.phone ? deps.fields.encrypt(input.phone) : null,
      phoneIdx,
      email: input.email ?? null,
      orgId: input.orgId ?? null,
      orgPath: input.orgPath ?? null,
      enterpriseType: input.enterpriseType ?? null,
      creditCode: input.creditCode ?? null,
    })
    .returning();
  await tx.insert(credentials).values({ accountId: id, passwordHash: await hashPassword(input.password) });
  await deps.outbox.publish(tx, 'user.account_registered', { accountId: id, kind: input.kind });
  return account;
}

async function liveAccountWith(tx: Db, kind: string, match: SQL): Promise<boolean> {
  const rows = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.kind, kind), ne(accounts.status, 'deactivated'), match))
    .limit(1);
  return rows.length > 0;
}

/** 单位注册 a unit and its first agent, who manages the unit's other agents. */
export async function registerUnit(
  deps: UserDeps,
  tx: Db,
  input: { unitName: string; creditCode: string; agent: Omit<NewAccount, 'kind'> },
) {
  const existing = await tx.select().from(units).where(eq(units.creditCode, input.creditCode));
  if (existing.length) throw conflict('user.unit_exists', {}, 'creditCode');
  const unitId = newId('unit');
  const [unit] = await tx.insert(units).values({ id: unitId, creditCode: input.creditCode, name: input.unitName }).returning();
  const account = await insertAccount(deps, tx, { ...input.agent, kind: 'unit_agent' });
  await tx.insert(unitAgents).values({ id: newId('ua'), unitId, accountId: account.id, role: 'manager' });
  await deps.outbox.publish(tx, 'user.unit_registered', { unitId, creditCode: input.creditCode });
  return { unit, account };
}

export async function getAccount(db: Db, id: string): Promise<Account | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  return row;
}

/** The active managing agent's account of a unit, if any. */
export async function unitManagerAccount(db: Db, unitId: string): Promise<Account | undefined> {
  const [row] = await db
    .select({ account: accounts })
    .from(unitAgents)
    .innerJoin(accounts, eq(accounts.id, unitAgents.accountId))
    .where(and(eq(unitAgents.unitId, unitId), eq(unitAgents.role, 'manager'), eq(unitAgents.status, 'active')))
    .limit(1);
  return row?.account;
}

export async function activeUnitsOf(db: Db, accountId: string): Promise<AccountView['units']> {
  return db
    .select({ id: units.id, name: units.name, creditCode: units.creditCode, role: unitAgents.role })
    .from(unitAgents)
    .innerJoin(units, eq(units.id, unitAgents.unitId))
    .where(and(eq(unitAgents.accountId, accountId), eq(unitAgents.status, 'active')));
}

/**
 * Finds the live account a login identifier names: an identity number or phone (persons and agents,
 * by blind index) or a login name. With several kinds on one number the caller's `kind` decides,
 * else the person account.
 */
export async function findLoginAccount(deps: UserDeps, identifier: string, kind?: AccountKind): Promise<Account | undefined> {
  const value = identifier.trim();
  const match = parseIdNumber(value.toUpperCase())
    ? eq(accounts.idNumberIdx, deps.fields.blindIndex(value, 'idNumber'))
    : /^1[3-9]\d{9}$/.test(value)
      ? eq(accounts.phoneIdx, deps.fields.blindIndex(value, 'phone'))
      : eq(accounts.loginName, value);
  const rows = await deps.database.db
    .select()
    .from(accounts)
    .where(and(match, ne(accounts.status, 'deactivated'), kind ? eq(accounts.kind, kind) : undefined))
    .limit(10);
  if (rows.length <= 1) return rows[0];
  return rows.find((r) => r.kind === 'person') ?? rows[0];
}

export type PasswordCheck =
  | { ok: true; account: Account; passwordExpired: boolean }
  | { ok: false; reason: 'bad_credentials' | 'locked' | 'deactivated'; account?: Account; lockedUntil?: Date };

/**
 * 登录失败处理 checks a password with lockout: after maxFailedLogins consecutive failures the
 * account locks for lockoutSec. The counter update is atomic so parallel guesses cannot slip past.
 */
export async function checkPassword(deps: UserDeps, account: Account | undefined, password: string, now = new Date()): Promise<PasswordCheck> {
  if (!account) {
    await passwordMatches(await decoyPasswordHash(), password);
    return { ok: false, reason: 'bad_credentials' };
  }
  if (account.status === 'deactivated') return { ok: false, reason: 'deactivated', account };
  const [credential] = await deps.database.db.select().from(credentials).where(eq(credentials.accountId, account.id));
  if (!credential) return { ok: false, reason: 'bad_credentials', account };
  if (account.status === 'locked' || (credential.lockedUntil && credential.lockedUntil > now)) {
    return { ok: false, reason: 'locked', account, lockedUntil: credential.lockedUntil ?? undefined };
  }
  if (await passwordMatches(credential.passwordHash, password)) {
    if (credential.failedAttempts > 0) {
      await deps.database.db.update(credentials).set({ failedAttempts: 0, lockedUntil: null }).where(eq(credentials.accountId, account.id));
    }
    const maxAgeMs = deps.config.auth.passwordMaxAgeDays * 86400_000;
    return { ok: true, account, passwordExpired: now.getTime() - credential.passwordChangedAt.getTime() > maxAgeMs };
  }
  const { maxFailedLogins, lockoutSec } = deps.config.auth;
  const [updated] = await deps.database.db
    .update(credentials)
    .set({
      failedAttempts: sql`case when ${credentials.failedAttempts} + 1 >= ${maxFailedLogins} then 0 else ${credentials.failedAttempts} + 1 end`,
      lockedUntil: sql`case when ${credentials.failedAttempts} + 1 >= ${maxFailedLogins} then ${new Date(now.getTime() + lockoutSec * 1000)} else ${credentials.lockedUntil} end`,
    })
    .where(eq(credentials.accountId, account.id))
    .returning({ lockedUntil: credentials.lockedUntil });
  if (updated?.lockedUntil && updated.lockedUntil > now) return { ok: false, reason: 'locked', account, lockedUntil: updated.lockedUntil };
  return { ok: false, reason: 'bad_credentials', account };
}

export async function changePassword(deps: UserDeps, tx: Db, accountId: string, oldPassword: string, newPassword: string) {
  const account = await getAccount(tx, accountId);
  if (!account) throw notFound();
  const [credential] = await tx.select().from(credentials).where(eq(credentials.accountId, accountId));
  if (!credential || !(await passwordMatches(credential.passwordHash, oldPassword))) throw badRequest('user.old_password_wrong', 'oldPassword');
  if (await passwordMatches(credential.passwordHash, newPassword)) throw badRequest('user.password_reused', 'newPassword');
  const phone = account.phoneEnc ? deps.fields.decrypt(account.phoneEnc) : null;
  const idNumber = account.idNumberEnc ? deps.fields.decrypt(account.idNumberEnc) : null;
  const weakness = passwordWeakness(newPassword, [account.loginName, phone, idNumber]);
  if (weakness) throw badRequest(weakness, 'newPassword');
  await tx
    .update(credentials)
    .set({ passwordHash: await hashPassword(newPassword), passwordChangedAt: new Date(), failedAttempts: 0, lockedUntil: null })
    .where(eq(credentials.accountId, accountId));
}

export async function changePhone(deps: UserDeps, tx: Db, account: Account, newPhone: string) {
  const phoneIdx = deps.fields.blindIndex(newPhone, 'phone');
  if (await liveAccountWith(tx, account.kind, and(eq(accounts.phoneIdx, phoneIdx), ne(accounts.id, account.id))!))
    throw conflict('user.phone_taken', {}, 'newPhone');
  await tx.update(accounts).set({ phoneEnc: deps.fields.encrypt(newPhone), phoneIdx, updatedAt: new Date() }).where(eq(accounts.id, account.id));
}

export async function deactivate(deps: UserDeps, tx: Db, accountId: string) {
  await tx.update(accounts).set({ status: 'deactivated', deactivatedAt: new Date(), updatedAt: new Date() }).where(eq(accounts.id, accountId));
  await tx
    .update(unitAgents)
    .set({ status: 'revoked', revokedAt: new Date() })
    .where(and(eq(unitAgents.accountId, accountId), eq(unitAgents.status, 'active')));
  await deps.outbox.publish(tx, 'user.account_deactivated', { accountId });
}

export async function setAuthLevel(db: Db, accountId: string, level: AuthLevel) {
  // Levels only go up: a later real-name check must not undo a liveness pass.
  await db
    .update(accounts)
    .set({ authLevel: sql`greatest(${accounts.authLevel}, ${level})`, updatedAt: new Date() })
    .where(eq(accounts.id, accountId));
}

export async function setLocked(db: Db, accountId: string, locked: boolean) {
  await db
    .update(accounts)
    .set({ status: locked ? 'locked' : 'active', updatedAt: new Date() })
    .where(and(eq(accounts.id, accountId), ne(accounts.status, 'deactivated')));
  if (!locked) await db.update(credentials).set({ failedAttempts: 0, lockedUntil: null }).where(eq(credentials.accountId, accountId));
}

/** An admin or clerk sees accounts inside their organization's subtree; persons and agents have no org. */
export function inScope(viewer: UserPrincipal, account: Pick<Account, 'id' | 'orgPath'>): boolean {
  if (viewer.accountId === account.id) return true;
  return Boolean(viewer.orgPath && account.orgPath && account.orgPath.startsWith(viewer.orgPath));
}

export async function listAccounts(
  db: Db,
  viewer: UserPrincipal,
  query: { page: number; pageSize: number; kind?: string; q?: string },
) {
  if (!viewer.orgPath) throw forbidden();
  const where = and(
    like(accounts.orgPath, `${viewer.orgPath}%`),
    query.kind ? eq(accounts.kind, query.kind) : undefined,
    query.q ? or(like(accounts.loginName, `%${query.q}%`), like(accounts.name, `%${query.q}%`)) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(accounts)
      .where(where)
      .orderBy(desc(accounts.createdAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(accounts).where(where),
  ]);
  return { rows, total: Number(total) };
}

export async function unitAgentList(db: Db, unitId: string) {
  return db
    .select({ bindingId: unitAgents.id, accountId: accounts.id, name: accounts.name, phoneEnc: accounts.phoneEnc, role: unitAgents.role, status: unitAgents.status, createdAt: unitAgents.createdAt })
    .from(unitAgents)
    .innerJoin(accounts, eq(accounts.id, unitAgents.accountId))
    .where(eq(unitAgents.unitId, unitId))
    .orderBy(unitAgents.createdAt);
}

/** The caller's binding to a unit, or a 403: an agent acts only for units they are bound to. */
export async function requireAgentOf(db: Db, accountId: string, unitId: string, role?: 'manager') {
  const [binding] = await db
    .select()
    .from(unitAgents)
    .where(and(eq(unitAgents.unitId, unitId), eq(unitAgents.accountId, accountId), eq(unitAgents.status, 'active')));
  if (!binding || (role && binding.role !== role)) throw forbidden('user.not_unit_agent');
  return binding;
}

export async function addAgent(deps: UserDeps, tx: Db, unitId: string, agent: Omit<NewAccount, 'kind'>) {
  const existing = agent.idNumber
    ? (
        await tx
          .select()
          .from(accounts)
          .where(
            and(eq(accounts.kind, 'unit_agent'), ne(accounts.status, 'deactivated'), eq(accounts.idNumberIdx, deps.fields.blindIndex(agent.idNumber, 'idNumber'))),
          )
      )[0]
    : undefined;
  // An agent may serve several units with one account.
  const account = existing ?? (await insertAccount(deps, tx, { ...agent, kind: 'unit_agent' }));
  const bound = await tx
    .select()
    .from(unitAgents)
    .where(and(eq(unitAgents.unitId, unitId), eq(unitAgents.accountId, account.id), eq(unitAgents.status, 'active')));
  if (bound.length) throw conflict('user.agent_already_bound', {}, 'idNumber');
  await tx.insert(unitAgents).values({ id: newId('ua'), unitId, accountId: account.id, role: 'agent' });
  await deps.outbox.publish(tx, 'user.agent_bound', { unitId, accountId: account.id });
  return account;
}

export async function revokeAgent(deps: UserDeps, tx: Db, unitId: string, accountId: string) {
  const result = await tx
    .update(unitAgents)
    .set({ status: 'revoked', revokedAt: new Date() })
    .where(and(eq(unitAgents.unitId, unitId), eq(unitAgents.accountId, accountId), eq(unitAgents.status, 'active'), eq(unitAgents.role, 'agent')))
    .returning({ id: unitAgents.id });
  if (!result.length) throw notFound('user.agent_not_found');
  await deps.outbox.publish(tx, 'user.agent_revoked', { unitId, accountId });
}

export async function accountsByIds(db: Db, ids: string[]) {
  if (!ids.length) return [];
  return db.select().from(accounts).where(inArray(accounts.id, ids));
}


export async function unitByCreditCode(db: Db, creditCode: string) {
  const [unit] = await db.select().from(units).where(and(eq(units.creditCode, creditCode), eq(units.status, 'active')));
  return unit;
}

export async function updateProfile(db: Db, accountId: string, changes: { email?: string; address?: string }) {
  const [account] = await db
    .update(accounts)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(accounts.id, accountId))
    .returning();
  if (!account) throw notFound('user.account_not_found');
  return account;
}
