/**
 * Preparing what a browser test needs through the public API, as the other parties would have done
 * it beforehand (a clerk registering a person, a unit agent registering their unit): plain fetch
 * against the platform under test, SMS codes from the fake gateway's inbox.
 */
import { signRequest } from '../../src/adapters/signing.js';
import { makeCreditCode, makeIdNumber } from '../../src/kernel/validation/identifiers.js';
import { INSTITUTION } from '../../scripts/domain-visit.js';
import { newPerson, newUnit, smsCode, SYSTEM_ADMIN, type Target } from './support.js';

/** The seeded clerk of the Nanyang Wancheng agency (src/demo-seed.ts): registry, enrollment and collection of 4113xx. */
export const NANYANG_CLERK = { loginName: 'nanyang_clerk', password: 'Admin@12345' } as const;

export interface Answer<T = any> {
  status: number;
  body: T;
}

/** One JSON request; the answer's status and parsed body, whatever the status. */
export async function call<T = any>(target: Target, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${target.url}/api/v1${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** A channel app's system calling the platform: the POST signed with the app's secret (HMAC-SM3, timestamp, nonce); the answer, whatever the status. */
export async function signedPost<T = any>(target: Target, app: { appId: string; secret: string }, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const raw = JSON.stringify(body);
  const signed = signRequest({ appId: app.appId, secret: app.secret, method: 'POST', path: `/api/v1${path}`, body: raw });
  const res = await fetch(`${target.url}/api/v1${path}`, { method: 'POST', headers: { ...signed, ...headers, 'content-type': 'application/json' }, body: raw });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** As `call`, but anything but `expected` throws with the server's answer in the message. */
export async function must<T = any>(target: Target, method: string, path: string, expected: number, options: { token?: string; body?: unknown } = {}): Promise<T> {
  const answer = await call<T>(target, method, path, options);
  if (answer.status !== expected) throw new Error(`${method} ${path}: ${answer.status} (expected ${expected}) ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function logInApi(target: Target, identifier: string, password: string, kind?: string): Promise<string> {
  const body = await must<{ accessToken: string }>(target, 'POST', '/auth/login', 200, { body: { identifier, password, ...(kind ? { kind } : {}) } });
  return body.accessToken;
}

async function registerCode(target: Target, phone: string): Promise<string> {
  const since = Date.now() - 1000;
  await must(target, 'POST', '/auth/sms/send', 202, { body: { phone, purpose: 'register' } });
  return smsCode(target.smsInboxUrl, phone, since);
}

const rand = (n: number) => Math.floor(Math.random() * n);

/** A person of Nanyang Wancheng (411302) no test has used, with a birth date in the 1980s (aged under 40 in 2019). */
export function nanyangPerson() {
  const birth = `198${rand(10)}${String(1 + rand(12)).padStart(2, '0')}${String(1 + rand(28)).padStart(2, '0')}`;
  return { ...newPerson(), idNumber: makeIdNumber('411302', birth, rand(1000)) };
}

/** The clerk registers the person in the registry (基本信息) of their region. */
export async function registerInRegistry(target: Target, clerkToken: string, person: { idNumber: string; name: string }, category = 'flexible'): Promise<{ id: string }> {
  return must(target, 'POST', '/registry/persons', 201, { token: clerkToken, body: { idNumber: person.idNumber, name: person.name, regionCode: '411302', category } });
}

/**
 * The person registers an account (SMS code and all) and passes real-name verification (L2, which
 * the personal hall needs); the fake provider is told the person exists first.
 */
export async function personAccount(target: Target, person: ReturnType<typeof newPerson>): Promise<void> {
  const code = await registerCode(target, person.phone);
  await must(target, 'POST', '/user/persons/register', 201, { body: { name: person.name, idNumber: person.idNumber, phone: person.phone, smsCode: code, password: person.password } });
  target.addRealPerson({ name: person.name, idNumber: person.idNumber });
  const token = await logInApi(target, person.idNumber, person.password);
  await must(target, 'POST', '/auth/realname', 200, { token, body: { name: person.name, idNumber: person.idNumber } });
}

/**
 * A unit of Nanyang as it registers online: its agent (an account) registers it, is its legal
 * representative and is real-name verified; the registry does not hold it yet.
 */
export async function registeredUnit(target: Target) {
  const unit = { ...newUnit(), creditCode: nanyangCreditCode() };
  const agent = newPerson();
  const code = await registerCode(target, agent.phone);
  await must(target, 'POST', '/user/units/register', 201, {
    body: { unitName: unit.name, creditCode: unit.creditCode, agent: { name: agent.name, idNumber: agent.idNumber, phone: agent.phone, password: agent.password }, smsCode: code },
  });
  target.addRealPerson({ name: agent.name, idNumber: agent.idNumber });
  const token = await logInApi(target, agent.phone, agent.password, 'unit_agent');
  await must(target, 'POST', '/auth/realname', 200, { token, body: { name: agent.name, idNumber: agent.idNumber } });
  return { ...unit, agent };
}

/**
 * A unit of Nanyang as the agency knows it: registered online (registeredUnit), registered in the
 * registry with the agent as legal representative and enrolled in `insuranceType` from `fromMonth`
 * by the clerk.
 */
export async function enrolledUnit(target: Target, clerkToken: string, insuranceType: string, fromMonth: string) {
  const unit = await registeredUnit(target);
  const entity = await must<{ id: string }>(target, 'POST', '/registry/entities', 201, {
    token: clerkToken,
    body: { creditCode: unit.creditCode, name: unit.name, type: 'enterprise', regionCode: '411302', legalRepName: unit.agent.name, legalRepIdNumber: unit.agent.idNumber },
  });
  await must(target, 'POST', '/enrollment/units', 201, { token: clerkToken, body: { entityId: entity.id, insuranceType, fromMonth } });
  return { ...unit, entityId: entity.id };
}

/** the 31 characters of a unified social credit code (GB 32100) */
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A credit code registered in Nanyang Wancheng (411302). */
const nanyangCreditCode = () => makeCreditCode(`91411302${Array.from({ length: 9 }, () => CREDIT_ALPHABET[rand(CREDIT_ALPHABET.length)]).join('')}`);

/**
 * An employee of a Nanyang unit insured in 310 from 2019-01, in the registry, with a real-name
 * verified account (the payment and bill tests' payer); their registry id.
 */
export async function insuredEmployee(target: Target, person: ReturnType<typeof newPerson>): Promise<string> {
  const clerk = await logInApi(target, NANYANG_CLERK.loginName, NANYANG_CLERK.password);
  const personId = (await registerInRegistry(target, clerk, person, 'employee')).id;
  const unit = await enrolledUnit(target, clerk, '310', '2019-01');
  const [employing] = (await must<{ items: Array<{ id: string }> }>(target, 'GET', `/enrollment/units?entityId=${unit.entityId}`, 200, { token: clerk })).items;
  await must(target, 'POST', `/enrollment/units/${employing.id}/employees`, 201, { token: clerk, body: { personId, fromMonth: '2019-01' } });
  await personAccount(target, person);
  return personId;
}

/** The hospital's system (南阳市第一人民医院HIS), registered by the system administrator, bound to the registry's institution. */
export async function hospitalApp(target: Target, capabilities: string[]): Promise<{ appId: string; secret: string }> {
  const admin = await logInApi(target, SYSTEM_ADMIN.loginName, SYSTEM_ADMIN.password);
  return must(target, 'POST', '/auth/channels', 201, { token: admin, body: { name: '南阳市第一人民医院HIS', capabilities, institutionCode: INSTITUTION } });
}
