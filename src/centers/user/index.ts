/** 用户中心 user center: public API for other centers. */
import type { AppContext } from '../../kernel/context.js';
import type { AccountKind, AuthLevel } from '../../kernel/http/auth.js';
import * as service from './service.js';
import { forgetProfile } from './profile-cache.js';


export type { AccountView } from './service.js';

export interface SessionSubject {
  id: string;
  kind: AccountKind;
  authLevel: AuthLevel;
  orgId: string | null;
  orgPath: string | null;
  unitId: string | null;
}

export type LoginAccount = NonNullable<Awaited<ReturnType<typeof service.findLoginAccount>>>;

export const findLoginAccount = (ctx: AppContext, identifier: string, kind?: AccountKind) => service.findLoginAccount(ctx, identifier, kind);

export const checkPassword = (ctx: AppContext, account: LoginAccount | undefined, password: string) => service.checkPassword(ctx, account, password);

/** The facts a session carries, or null when the account may not hold a session (deactivated, locked). */
export async function loadSessionSubject(ctx: AppContext, accountId: string, unitId?: string): Promise<SessionSubject | null> {
  const account = await service.getAccount(ctx.database.db, accountId);
  if (!account || account.status !== 'active') return null;
  const units = account.kind === 'unit_agent' ? await service.activeUnitsOf(ctx.database.db, accountId) : [];
  if (account.kind === 'unit_agent' && !units.length) return null;
  return {
    id: account.id,
    kind: account.kind as AccountKind,
    authLevel: account.authLevel as AuthLevel,
    orgId: account.orgId,
    orgPath: account.orgPath,
    unitId: (unitId && units.find((u) => u.id === unitId)?.id) || units[0]?.id || null,
  };
}

/** Name and plain identity number, for the real-name provider only. */
export async function identityOf(ctx: AppContext, accountId: string) {
  const account = await service.getAccount(ctx.database.db, accountId);
  if (!account) return null;
  return { name: account.name, idNumber: account.idNumberEnc ? ctx.fields.decrypt(account.idNumberEnc) : null };
}

export async function raiseAuthLevel(ctx: AppContext, accountId: string, level: AuthLevel) {
  await service.setAuthLevel(ctx.database.db, accountId, level);
  await forgetProfile(ctx.cache, accountId);
}

/** Where an account sits in the org tree, for delegated administration. */
export async function accountScope(ctx: AppContext, accountId: string) {
  const account = await service.getAccount(ctx.database.db, accountId);
  return account ? { accountId: account.id, orgPath: account.orgPath, kind: account.kind as AccountKind } : null;
}

export async function isActiveAgentOf(ctx: AppContext, accountId: string, unitId: string) {
  return (await service.activeUnitsOf(ctx.database.db, accountId)).some((u) => u.id === unitId);
}

/**
 * The unit an agent acts for (id, name, unified social credit code, the agent's role), or null when
 * the account is no longer an active agent of it: service centers map it to the registry entity.
 */
export async function agentUnit(ctx: AppContext, accountId: string, unitId: string) {
  return (await service.activeUnitsOf(ctx.database.db, accountId)).find((u) => u.id === unitId) ?? null;
}

/**
 * The managing agent of a unit (the account that registered it): its verification level and plain
 * identity number, so a service can check the unit's binding against the registry's legal representative.
 */
export async function unitManager(ctx: AppContext, unitId: string) {
  const account = await service.unitManagerAccount(ctx.database.db, unitId);
  if (!account) return null;
  return { accountId: account.id, authLevel: account.authLevel as AuthLevel, idNumber: account.idNumberEnc ? ctx.fields.decrypt(account.idNumberEnc) : null };
}

export async function unitIdByCreditCode(ctx: AppContext, creditCode: string) {
  return service.unitByCreditCode(ctx.database.db, creditCode);
}


/** Creates an account (bootstrap and demo data; HTTP registration goes through the routes). */
export async function createAccount(ctx: AppContext, input: service.NewAccount) {
  return ctx.database.db.transaction((tx) => service.insertAccount(ctx, tx as never, input));
}

export async function createUnitWithAgent(ctx: AppContext, input: Parameters<typeof service.registerUnit>[2]) {
  return ctx.database.db.transaction((tx) => service.registerUnit(ctx, tx as never, input));
}

export async function findAccountByLoginName(ctx: AppContext, loginName: string) {
  return service.findLoginAccount(ctx, loginName);
}
