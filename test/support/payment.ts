/**
 * The cast of the payment tests on a test server: a hospital's channel app (`voucher.verify`,
 * `payment.order`) whose system makes signed calls, an employer unit in 南阳, and payers — persons
 * employed there, verified to L3, the voucher activated and the hospital authorized.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { signRequest } from '../../src/adapters/index.js';
import { makeIdNumber } from '../../src/kernel/validation/identifiers.js';
import { loginStaff, newPerson, randomCreditCode, randomName } from './factories.js';
import type { TestServer } from './server.js';

import { INSTITUTION } from '../../scripts/domain-visit.js';

export { DOMAIN_LINES, FEE_CODES, INSTITUTION, VISIT_DATE } from '../../scripts/domain-visit.js';

export const VOUCHER_PASSWORD = '258147';

export interface Channel {
  appId: string;
  secret: string;
}
export interface Payer {
  personId: string;
  token: string;
}

export const idempotencyKey = () => `k-${randomInt(1e12)}`;

export function signedHeaders(app: Channel, method: string, path: string, raw = '') {
  return signRequest({ appId: app.appId, secret: app.secret, method, path: `/api/v1${path}`, body: raw }) as unknown as Record<string, string>;
}

/** A POST of the channel app's system, signed, with an Idempotency-Key when given. */
export function signedPost(server: TestServer, app: Channel, path: string, body: unknown, key?: string) {
  const raw = JSON.stringify(body);
  return server.api('POST', path, { raw, headers: { ...signedHeaders(app, 'POST', path, raw), ...(key ? { 'idempotency-key': key } : {}) } });
}

export const signedGet = (server: TestServer, app: Channel, path: string) => server.api('GET', path, { headers: signedHeaders(app, 'GET', path) });

/** A call that must answer `status`; its body. */
export async function must(server: TestServer, method: string, path: string, body: unknown, token: string, status = 201) {
  const response = await server.api(method, path, { token, body });
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
  return response.body;
}

export interface PaymentCast {
  /** 南阳's city admin (registers persons, enrols them) */
  admin: string;
  sysadmin: string;
  hospital: Channel;
  unitId: string;
}

/** The hospital's channel app and a unit of 南阳 insured for 310 since 2019-01; `unitName` tells the test's units apart. */
export async function paymentCast(server: TestServer, unitName: string): Promise<PaymentCast> {
  const admin = (await loginStaff(server, 'nanyang_admin')).accessToken;
  const sysadmin = (await loginStaff(server, 'sysadmin')).accessToken;
  // bound to the demo seed's 南阳市第一人民医院 (registry institution H41130200746)
  const hospital = await must(server, 'POST', '/auth/channels', { name: '南阳市第一人民医院HIS', capabilities: ['voucher.verify', 'payment.order'], institutionCode: INSTITUTION }, sysadmin);
  const entity = await must(server, 'POST', '/registry/entities', { creditCode: randomCreditCode(), name: `${unitName}${randomInt(1e6)}有限公司`, type: 'enterprise', regionCode: '411302', legalRepName: randomName() }, admin);
  const unit = await must(server, 'POST', '/enrollment/units', { entityId: entity.id, insuranceType: '310', fromMonth: '2019-01' }, admin);
  return { admin, sysadmin, hospital, unitId: unit.id };
}

/** A person employed (310) by the cast's unit with `balanceFen` in the account, an activated voucher, and the hospital (or `apps`) authorized. */
export async function newPayer(server: TestServer, cast: PaymentCast, balanceFen = 0, apps: Channel[] = [cast.hospital]): Promise<Payer> {
  const idNumber = makeIdNumber('411302', `19${randomInt(60, 90)}-0${randomInt(1, 10)}-1${randomInt(0, 10)}`, randomInt(0, 1000));
  const name = randomName();
  const person = await must(server, 'POST', '/registry/persons', { idNumber, name, regionCode: '411302', category: 'employee' }, cast.admin);
  await must(server, 'POST', `/enrollment/units/${cast.unitId}/employees`, { personId: person.id, fromMonth: '2019-01' }, cast.admin);
  // A fixture standing in for a year of allocations (划入), as in the settlement tests.
  if (balanceFen) {
    await server.platform.ctx.database.rows(
      sql`insert into collection.account_entries (person_id, kind, amount_fen, month, insurance_type, source_ref) values (${person.id}, 'allocation', ${balanceFen}, 201901, '310', ${`test:${person.id}`})`,
    );
  }
  return { personId: person.id, token: await voucherHolder(server, { idNumber, name }, apps) };
}

/**
 * An enrolled registry person becomes a voucher holder: an account verified to L3, the voucher
 * activated with VOUCHER_PASSWORD, the apps authorized; their L3 access token.
 */
export async function voucherHolder(server: TestServer, person: { idNumber: string; name: string }, apps: Channel[]): Promise<string> {
  const { idNumber, name } = person;
  // The voucher learns the enrollment from its event.
  while ((await server.platform.ctx.outbox.dispatchOnce()) > 0);
  const account = await newPerson(server, { idNumber, name });
  server.fakes.realName.addPerson({ idNumber, name });
  const l2 = await must(server, 'POST', '/auth/realname', { name, idNumber }, account.accessToken, 200);
  const l3 = await passLiveness(server, l2.accessToken);
  await must(server, 'POST', '/voucher/activate', { password: VOUCHER_PASSWORD }, l3, 200);
  for (const app of apps) await must(server, 'POST', '/voucher/authorizations', { appId: app.appId }, l3);
  return l3;
}

/** 实人认证 the person passes liveness at the fake provider (who must know them); the session's L3 access token. */
export async function passLiveness(server: TestServer, token: string): Promise<string> {
  const started = await must(server, 'POST', '/auth/liveness', {}, token, 200);
  server.fakes.realName.performLiveness(started.bizToken, 'pass');
  return (await must(server, 'POST', `/auth/liveness/${started.bizToken}/confirm`, undefined, token, 200)).accessToken as string;
}

/** The person's dynamic QR code for the channel app. */
export async function voucherCode(server: TestServer, who: Pick<Payer, 'token'>, app: Channel) {
  return (await must(server, 'POST', '/voucher/codes', { channelAppId: app.appId }, who.token)).code as string;
}

/**
 * 核验 the app verifies a fresh code of the person (`POST /voucher/verify`): the identity and, for an
 * app bound to an institution, the settlement token (结算授权令牌) its settlement needs.
 */
export async function verify(server: TestServer, app: Channel, who: Pick<Payer, 'token'>) {
  const response = await signedPost(server, app, '/voucher/verify', { code: await voucherCode(server, who, app) });
  expect(response.status, `verify: ${JSON.stringify(response.body)}`).toBe(200);
  return response.body as { personId: string; codeId: string; settlementToken: string | null; settlementTokenExpiresAt: string | null };
}

/** The settlement token of a fresh code of the person, verified by the app. */
export const settlementToken = async (server: TestServer, app: Channel, who: Pick<Payer, 'token'>) => (await verify(server, app, who)).settlementToken as string;

/** The person confirms an order with the voucher password. */
export const confirmOrder = (server: TestServer, who: Payer, id: string, password = VOUCHER_PASSWORD, key = idempotencyKey()) =>
  server.api('POST', `/payment/orders/${id}/confirm`, { token: who.token, body: { password }, headers: { 'idempotency-key': key } });

/** The person's personal-account balance: the sum of the ledger's entries. */
export async function accountBalance(server: TestServer, personId: string) {
  const [row] = await server.platform.ctx.database.rows<{ fen: number }>(sql`select coalesce(sum(amount_fen), 0)::bigint as fen from collection.account_entries where person_id = ${personId}`);
  return Number(row.fen);
}
