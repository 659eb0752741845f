/** 注册 self-registration of persons, enterprises and units, each proven by a code sent to the phone. */
import type { AppContext } from '../../kernel/context.js';
import { accountView, insertAccount, provenByCode, type NewAccount } from './accounts.js';
import { insertUnit, registeredUnitView, type NewAgent } from './units.js';

/** 个人注册 an insured person, who logs in by identity number or phone. */
export function registerPerson(ctx: AppContext, { smsCode, ...person }: { name: string; idNumber: string; phone: string; password: string; smsCode: string }) {
  return registerAccount(ctx, smsCode, { ...person, kind: 'person' });
}

/** 企业注册 a pharmaceutical, consumables or delivery enterprise, which logs in by login name. */
export function registerEnterprise(
  ctx: AppContext,
  { smsCode, ...enterprise }: { name: string; creditCode: string; enterpriseType: string; loginName: string; phone: string; password: string; smsCode: string },
) {
  return registerAccount(ctx, smsCode, { ...enterprise, kind: 'enterprise' });
}

async function registerAccount(ctx: AppContext, smsCode: string, input: NewAccount & { phone: string }) {
  const account = await provenByCode(ctx, { phone: input.phone, purpose: 'register', code: smsCode }, (tx) => insertAccount(ctx, tx, input));
  return { account: accountView(ctx.fields, account) };
}

/** 单位注册 a unit with its first agent, whose phone receives the code. */
export async function registerUnit(ctx: AppContext, { smsCode, ...unit }: { unitName: string; creditCode: string; agent: NewAgent & { phone: string }; smsCode: string }) {
  const registered = await provenByCode(ctx, { phone: unit.agent.phone, purpose: 'register', code: smsCode }, (tx) => insertUnit(ctx, tx, unit));
  return registeredUnitView(ctx, registered);
}
