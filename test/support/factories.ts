import { randomInt } from 'node:crypto';
import { makeCreditCode, makeIdNumber } from '../../src/kernel/validation/identifiers.js';
import type { TestServer } from './server.js';
import { BUILT_IN_ROLES, DEMO, DEMO_ORGS } from '../../src/demo-seed.js';

export const PASSWORD = 'Test#Pass2026';

export function randomIdNumber(region = '411302'): string {
  const year = 1950 + randomInt(0, 55);
  const date = `${year}-${String(randomInt(1, 13)).padStart(2, '0')}-${String(randomInt(1, 29)).padStart(2, '0')}`;
  return makeIdNumber(region, date, randomInt(0, 1000));
}

export const randomPhone = () => `13${randomInt(5, 10)}${String(randomInt(0, 1e8)).padStart(8, '0')}`;

export function randomCreditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '91411300';
  for (let i = 0; i < 9; i++) body += alphabet[randomInt(0, alphabet.length)];
  return makeCreditCode(body);
}

const NAMES = ['王芳', '李伟', '张敏', '刘洋', '陈静', '杨磊', '赵丽', '黄强'];
export const randomName = () => NAMES[randomInt(0, NAMES.length)] + NAMES[randomInt(0, NAMES.length)].slice(1);

/** Asks the platform to text a code, then reads it from the fake SMS gateway, as a person would from the phone. */
export async function smsCode(server: TestServer, phone: string, purpose: 'register' | 'login' | 'change_phone' | 'reset_password'): Promise<string> {
  const sent = await server.api('POST', '/auth/sms/send', { body: { phone, purpose } });
  if (sent.status !== 202) throw new Error(`sms send failed: ${sent.status} ${JSON.stringify(sent.body)}`);
  // the newest code: the message center's texts (a password changed, a payment) reach the phone too
  const latest = server.fakes.sms.inbox(phone).find((m) => typeof (m.params as Record<string, string>).code === 'string');
  if (!latest) throw new Error(`no code reached ${phone}`);
  return String((latest.params as Record<string, string>).code);
}

export interface TestUser {
  accountId: string;
  idNumber: string;
  phone: string;
  name: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

async function login(server: TestServer, identifier: string, password: string, kind?: string) {
  const response = await server.api('POST', '/auth/login', { body: { identifier, password, ...(kind ? { kind } : {}) } });
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { accessToken: string; refreshToken: string };
}

/** Registers an insured person through the API (SMS code and all) and logs them in. */
export async function newPerson(server: TestServer, overrides: Partial<Pick<TestUser, 'idNumber' | 'phone' | 'name'>> = {}): Promise<TestUser> {
  const person = { idNumber: randomIdNumber(), phone: randomPhone(), name: randomName(), ...overrides };
  const code = await smsCode(server, person.phone, 'register');
  const registered = await server.api('POST', '/user/persons/register', { body: { ...person, smsCode: code, password: PASSWORD } });
  if (registered.status !== 201) throw new Error(`register failed: ${registered.status} ${JSON.stringify(registered.body)}`);
  const tokens = await login(server, person.idNumber, PASSWORD);
  return { accountId: registered.body.account.id, ...person, password: PASSWORD, ...tokens };
}

/** Registers a unit with its managing agent and logs the agent in. */
export async function newUnit(server: TestServer) {
  const agent = { idNumber: randomIdNumber(), phone: randomPhone(), name: randomName(), password: PASSWORD };
  const unit = { unitName: `测试单位${randomInt(0, 1e6)}有限公司`, creditCode: randomCreditCode() };
  const code = await smsCode(server, agent.phone, 'register');
  const registered = await server.api('POST', '/user/units/register', { body: { ...unit, agent, smsCode: code } });
  if (registered.status !== 201) throw new Error(`unit register failed: ${registered.status} ${JSON.stringify(registered.body)}`);
  const tokens = await login(server, agent.phone, PASSWORD, 'unit_agent');
  return { unitId: registered.body.unit.id as string, ...unit, agent: { accountId: registered.body.account.id as string, ...agent, ...tokens } };
}

/**
 * A 郑州 (region prefix 4101) administrator, made by the province administrator: someone of another
 * region, for the scope checks; their access token.
 */
export async function zhengzhouAdmin(server: TestServer): Promise<string> {
  const province = (await loginStaff(server, 'province_admin')).accessToken;
  const loginName = `zz_admin${randomInt(0, 1e9)}`;
  const account = await server.api('POST', '/user/accounts', {
    token: province,
    body: { kind: 'admin', loginName, name: randomName(), phone: randomPhone(), orgId: DEMO_ORGS.zhengzhou.id, password: PASSWORD },
  });
  if (account.status !== 201) throw new Error(`zhengzhou admin: ${account.status} ${JSON.stringify(account.body)}`);
  const granted = await server.api('POST', '/auth/grants', { token: province, body: { accountId: account.body.id, roleId: BUILT_IN_ROLES.orgAdmin.id } });
  if (granted.status !== 201) throw new Error(`zhengzhou admin grant: ${granted.status} ${JSON.stringify(granted.body)}`);
  return (await login(server, loginName, PASSWORD)).accessToken;
}

/** Logs in one of the seeded staff accounts (sysadmin, province_admin, nanyang_admin, nanyang_clerk). */
export async function loginStaff(server: TestServer, loginName: string) {
  return login(server, loginName, DEMO.adminPassword);
}
