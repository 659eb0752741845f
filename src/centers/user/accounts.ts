/** 账号 accounts of every kind: the rows, their views, creating one, and finding one to log in. */
import { and, eq, ne, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import type { FieldCipher } from '../../kernel/crypto/index.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { badRequest, conflict, notFound } from '../../kernel/errors/index.js';
import type { AccountKind, AuthLevel } from '../../kernel/http/auth.js';
import { newId } from '../../kernel/ids/index.js';
import { maskCreditCode, maskIdNumber, maskName, maskPhone } from '../../kernel/crypto/index.js';
import { parseIdNumber } from '../../kernel/validation/identifiers.js';
import * as auth from '../auth/index.js';
import type { AccountView, AgentUnitView } from './contract.js';
import { ACCOUNT_REGISTERED } from './events.js';
import { accounts, credentials } from './schema.js';
import { hashPassword, passwordWeakness } from './password.js';

export type Account = typeof accounts.$inferSelect;

/**
 * 身份证号 in the standard's form (check character X upper case), as it is stored and blind-indexed.
 * Request schemas hand it over so already; a login identifier and the public API's input are raw.
 */
export const standardIdNumber = (value: string) => value.trim().toUpperCase();

/** Personal data masked for every viewer; in full only through a reveal (administration.ts, audited). */
export function accountView(fields: FieldCipher, account: Account, agentUnits: AgentUnitView[] = []): AccountView {
  const { idNumber, phone } = accountPii(fields, account);
  return {
    id: account.id,
    kind: account.kind as AccountKind,
    loginName: account.loginName,
    name: maskName(account.name),
    idNumber: idNumber && maskIdNumber(idNumber),
    phone: phone && maskPhone(phone),
    email: account.email,
    address: account.address,
    status: account.status,
    authLevel: account.authLevel as AuthLevel,
    orgId: account.orgId,
    enterpriseType: account.enterpriseType,
    creditCode: account.creditCode && maskCreditCode(account.creditCode),
    units: agentUnits.map((u) => ({ ...u, creditCode: maskCreditCode(u.creditCode) })),
    createdAt: account.createdAt.toISOString(),
  };
}

/** An account's personal data in full: what a reveal answers. */
export function accountPii(fields: FieldCipher, account: Account) {
  return {
    id: account.id,
    name: account.name,
    idNumber: account.idNumberEnc ? fields.decrypt(account.idNumberEnc) : null,
    phone: account.phoneEnc ? fields.decrypt(account.phoneEnc) : null,
    creditCode: account.creditCode,
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
export async function insertAccount(ctx: AppContext, tx: Db, input: NewAccount): Promise<Account> {
  const idNumber = input.idNumber ? standardIdNumber(input.idNumber) : null;
  if (idNumber && !parseIdNumber(idNumber)) throw badRequest('user.id_number_invalid', 'idNumber');
  const weakness = passwordWeakness(input.password, [input.loginName, input.phone, idNumber]);
  if (weakness) throw badRequest(weakness, 'password');
  const idNumberIdx = idNumber ? ctx.fields.blindIndex(idNumber, 'idNumber') : null;
  const phoneIdx = input.phone ? ctx.fields.blindIndex(input.phone, 'phone') : null;
  // One live account per person per kind; the same person may also be a unit agent or staff.
  if (idNumberIdx && (await liveAccountWith(tx, input.kind, eq(accounts.idNumberIdx, idNumberIdx)))) throw conflict('user.id_number_taken', {}, 'idNumber');
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
      idNumberEnc: idNumber ? ctx.fields.encrypt(idNumber) : null,
      idNumberIdx,
      phoneEnc: input.phone ? ctx.fields.encrypt(input.phone) : null,
      phoneIdx,
      email: input.email ?? null,
      orgId: input.orgId ?? null,
      orgPath: input.orgPath ?? null,
      enterpriseType: input.enterpriseType ?? null,
      creditCode: input.creditCode ?? null,
    })
    .returning();
  await tx.insert(credentials).values({ accountId: id, passwordHash: await hashPassword(input.password) });
  await ctx.outbox.publish(tx, ACCOUNT_REGISTERED, { accountId: id, kind: input.kind });
  return account;
}

/** A live (not deactivated) account of this kind matching, other than none. */
export async function liveAccountWith(tx: Db, kind: string, match: SQL | undefined): Promise<boolean> {
  const rows = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.kind, kind), ne(accounts.status, 'deactivated'), match))
    .limit(1);
  return rows.length > 0;
}

/**
 * Work proven by a one-time code sent to a phone (registration, a new phone number): the code is
 * consumed in the work's transaction, so a wrong code leaves nothing behind and failed work leaves
 * the code usable.
 */
export function provenByCode<T>(ctx: AppContext, proof: { phone: string; purpose: auth.OtpPurpose; code: string; field?: string }, work: (tx: Db) => Promise<T>): Promise<T> {
  return transaction(ctx.database.db, async (tx) => {
    const result = await work(tx);
    await auth.consumeOtp(ctx, proof.phone, proof.purpose, proof.code, proof.field);
    return result;
  });
}

export async function getAccount(db: Db, id: string): Promise<Account | undefined> {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
  return row;
}

export async function requireAccount(db: Db, id: string): Promise<Account> {
  const account = await getAccount(db, id);
  if (!account) throw notFound('user.account_not_found');
  return account;
}

/**
 * Finds the live account a login identifier names: an identity number or phone (persons and agents,
 * by blind index) or a login name. With several kinds on one number the caller's `kind` decides,
 * else the person account.
 */
export async function findLoginAccount(ctx: AppContext, identifier: string, kind?: AccountKind): Promise<Account | undefined> {
  const value = identifier.trim();
  const idNumber = standardIdNumber(value);
  const match = parseIdNumber(idNumber)
    ? eq(accounts.idNumberIdx, ctx.fields.blindIndex(idNumber, 'idNumber'))
    : /^1[3-9]\d{9}$/.test(value)
      ? eq(accounts.phoneIdx, ctx.fields.blindIndex(value, 'phone'))
      : eq(accounts.loginName, value);
  const rows = await ctx.database.db
    .select()
    .from(accounts)
    .where(and(match, ne(accounts.status, 'deactivated'), kind ? eq(accounts.kind, kind) : undefined))
    .limit(10);
  if (rows.length <= 1) return rows[0];
  return rows.find((r) => r.kind === 'person') ?? rows[0];
}
