/**
 * 电子凭证中心: vouchers from enrollment, activation at L3, password rules and lockout, channel
 * authorization, dynamic codes verified once (also under concurrency across two processes), family
 * members, scan-to-login, usage history and risk flags.
 */
import { createHash, randomInt } from 'node:crypto';
import argon2 from 'argon2';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, startSecondNode, startTestServer, type TestServer } from '../support/server.js';
import { loginStaff, newPerson, randomIdNumber, randomName } from '../support/factories.js';
import { signRequest } from '../../src/adapters/signing.js';
import { makeIdNumber } from '../../src/kernel/validation/identifiers.js';
import { maskName } from '../../src/kernel/crypto/index.js';

let server: TestServer;
let clerk: string;
let sysadmin: string;
let unitEnrollmentId: string;

beforeAll(async () => {
  server = await startTestServer();
  clerk = (await loginStaff(server, 'nanyang_clerk')).accessToken;
  sysadmin = (await loginStaff(server, 'sysadmin')).accessToken;
  const agent = { idNumber: randomIdNumber(), name: randomName() };
  const entity = await server.api('POST', '/registry/entities', {
    token: clerk,
    body: { creditCode: randomCreditCodeLike(), name: `凭证测试单位${randomInt(0, 1e6)}`, type: 'enterprise', regionCode: '411302', legalRepName: agent.name, legalRepIdNumber: agent.idNumber },
  });
  expect(entity.status, JSON.stringify(entity.body)).toBe(201);
  const unit = await server.api('POST', '/enrollment/units', { token: clerk, body: { entityId: entity.body.id, insuranceType: '410', fromMonth: '2019-01' } });
  expect(unit.status, JSON.stringify(unit.body)).toBe(201);
  unitEnrollmentId = unit.body.id;
});
afterAll(() => server?.close());

function randomCreditCodeLike() {
  // the factories' generator, inlined to avoid a unit account: a valid GB 32100 code
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = '91411300';
  for (let i = 0; i < 9; i++) body += alphabet[randomInt(0, alphabet.length)];
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body].reduce((s, c, i) => s + alphabet.indexOf(c) * weights[i], 0);
  return body + alphabet[(31 - (sum % 31)) % 31];
}

const dispatch = async () => {
  while ((await server.platform.ctx.outbox.dispatchOnce()) > 0);
};

interface Insured {
  personId: string;
  idNumber: string;
  name: string;
  birthDate: string;
  accountId: string;
  l2: string;
  l3: string;
}

async function registryPerson(birthDate: string) {
  const idNumber = makeIdNumber('411302', birthDate, randomInt(0, 1000));
  const name = randomName();
  const created = await server.api('POST', '/registry/persons', { token: clerk, body: { idNumber, name, regionCode: '411302', category: 'employee' } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return { personId: created.body.id as string, idNumber, name, birthDate };
}

async function liveness(token: string) {
  const started = await server.api('POST', '/auth/liveness', { token, body: {} });
  expect(started.status).toBe(200);
  server.fakes.realName.performLiveness(started.body.bizToken, 'pass');
  const l3 = await server.api('POST', `/auth/liveness/${started.body.bizToken}/confirm`, { token });
  expect(l3.status).toBe(200);
  return l3.body.accessToken as string;
}

/** A registry person enrolled as an employee (410), with an account verified to L2 and then L3. */
async function insured(options: { enrol?: boolean; birthDate?: string } = {}): Promise<Insured> {
  const person = await registryPerson(options.birthDate ?? `19${randomInt(60, 99)}-0${randomInt(1, 9)}-1${randomInt(0, 9)}`);
  if (options.enrol !== false) {
    const added = await server.api('POST', `/enrollment/units/${unitEnrollmentId}/employees`, { token: clerk, body: { personId: person.personId, fromMonth: '2019-01' } });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  }
  const account = await newPerson(server, { idNumber: person.idNumber, name: person.name });
  server.fakes.realName.addPerson({ idNumber: person.idNumber, name: person.name });
  const l2 = await server.api('POST', '/auth/realname', { token: account.accessToken, body: { name: person.name, idNumber: person.idNumber } });
  expect(l2.status).toBe(200);
  return { ...person, accountId: account.accountId, l2: l2.body.accessToken, l3: await liveness(l2.body.accessToken) };
}

const PASSWORD = '258147';

async function activated(options: { enrol?: boolean } = {}) {
  const person = await insured(options);
  const response = await server.api('POST', '/voucher/activate', { token: person.l3, body: { password: PASSWORD } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return person;
}

async function registerChannel(capabilities = ['voucher.verify', 'voucher.authorization.read']) {
  const created = await server.api('POST', '/auth/channels', { token: sysadmin, body: { name: `测试医院${randomInt(0, 1e6)}`, capabilities } });
  expect(created.status).toBe(201);
  return created.body as { appId: string; secret: string };
}

function signed(app: { appId: string; secret: string }, path: string, body: unknown) {
  const raw = JSON.stringify(body);
  return { raw, headers: signRequest({ appId: app.appId, secret: app.secret, method: 'POST', path: `/api/v1${path}`, body: raw }) as unknown as Record<string, string> };
}

const verify = (app: { appId: string; secret: string }, code: string, deviceId?: string, api = server.api) =>
  api('POST', '/voucher/verify', signed(app, '/voucher/verify', { code, ...(deviceId ? { deviceId } : {}) }));

async function authorizedCode(person: Insured, app: { appId: string }, memberId?: string) {
  await server.api('POST', '/voucher/authorizations', { token: person.l3, body: { appId: app.appId } });
  const generated = await server.api('POST', '/voucher/codes', { token: person.l3, body: { channelAppId: app.appId, ...(memberId ? { memberId } : {}) } });
  expect(generated.status, JSON.stringify(generated.body)).toBe(201);
  return generated.body as { code: string; codeId: string; expiresAt: string; ttlSec: number };
}

const riskRules = async (codeId: string) =>
  (await server.platform.ctx.database.rows<{ rule: string }>(sql`select rule from voucher.risk_events where code_id = ${codeId}`)).map((r) => r.rule);

describe('vouchers from enrollment', () => {
  it('gives every enrolled person one inactive voucher, whatever the redeliveries', async () => {
    const person = await registryPerson('1980-05-05');
    await server.api('POST', `/enrollment/units/${unitEnrollmentId}/employees`, { token: clerk, body: { personId: person.personId, fromMonth: '2019-01' } });
    await dispatch();
    const rows = () => server.platform.ctx.database.rows<{ status: string; insurance: Record<string, { insuranceType: string }> }>(sql`select * from voucher.vouchers where person_id = ${person.personId}`);
    expect(await rows()).toHaveLength(1);
    expect((await rows())[0].status).toBe('inactive');
    expect(Object.values((await rows())[0].insurance).map((e) => e.insuranceType)).toEqual(['410']);
    // the event delivered again: still one voucher, unchanged
    await server.platform.ctx.database.rows(
      sql`update kernel.outbox_deliveries set status = 'pending' where subscriber = 'voucher:enrollment.person_enrolled'`,
    );
    await dispatch();
    expect(await rows()).toHaveLength(1);
  });

  it('has no voucher for a person never enrolled', async () => {
    const person = await insured({ enrol: false });
    const me = await server.api('GET', '/voucher/me', { token: person.l2 });
    expect(me.status).toBe(404);
    expect(me.body.code).toBe('voucher.not_found');
  });
});

describe('activation and the voucher password', () => {
  it('needs L3: refused at L2, then activated with a good password', async () => {
    const person = await insured();
    const atL2 = await server.api('POST', '/voucher/activate', { token: person.l2, body: { password: PASSWORD } });
    expect(atL2.status).toBe(403);
    expect(atL2.body.code).toBe('auth.level_required');
    const yymmdd = person.birthDate.slice(2).replaceAll('-', '');
    for (const [password, code] of [
      ['12345', 'voucher.password_format'],
      ['888888', 'voucher.password_repeated'],
      ['345678', 'voucher.password_sequential'],
      [yymmdd, 'voucher.password_birth_date'],
    ]) {
      const weak = await server.api('POST', '/voucher/activate', { token: person.l3, body: { password } });
      expect(weak.status, password).toBe(400);
      expect(weak.body).toMatchObject({ code, field: 'password' });
    }
    expect((await server.api('GET', '/voucher/me', { token: person.l3 })).body.status).toBe('inactive');
    const ok = await server.api('POST', '/voucher/activate', { token: person.l3, body: { password: PASSWORD } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'active', personId: person.personId, name: maskName(person.name), insuranceTypes: ['410'] });
    const again = await server.api('POST', '/voucher/activate', { token: person.l3, body: { password: '369258' } });
    expect(again.status).toBe(409);
    const stored = await server.platform.ctx.database.rows<{ password_hash: string }>(sql`select password_hash from voucher.vouchers where person_id = ${person.personId}`);
    // a keyed digest (HMAC-SM3, key outside the database), never the PIN nor a hash anyone could search
    expect(stored[0].password_hash).toMatch(/^hs1\$[\w-]{8}\$[\w-]{22}\$[\w-]{43}$/);
    expect(stored[0].password_hash).not.toContain(PASSWORD);
  });

  it('replaces an argon2id hash of before with the keyed digest on the next right PIN; a digest under a key not held cannot be checked', async () => {
    const person = await activated();
    const storedHash = async () =>
      (await server.platform.ctx.database.rows<{ password_hash: string }>(sql`select password_hash from voucher.vouchers where person_id = ${person.personId}`))[0].password_hash;
    const change = (oldPassword: string, newPassword: string) => server.api('POST', '/voucher/password', { token: person.l3, body: { oldPassword, newPassword } });
    const current = await storedHash();

    // as activated before PIN digests: an argon2id hash
    await server.platform.ctx.database.rows(sql`update voucher.vouchers set password_hash = ${await argon2.hash(PASSWORD, { type: argon2.argon2id })} where person_id = ${person.personId}`);
    expect(await storedHash()).toMatch(/^\$argon2id\$/);
    expect((await change('000111', '369258')).body.code).toBe('voucher.password_wrong');
    expect(await storedHash()).toMatch(/^\$argon2id\$/);
    // the right PIN passes (here: a change to the same PIN is refused after the check) and the hash is upgraded
    expect((await change(PASSWORD, PASSWORD)).body.code).toBe('voucher.password_same');
    expect(await storedHash()).toMatch(/^hs1\$/);

    // a digest under a key this node does not hold cannot be checked at all: the right PIN is refused
    const foreign = current.replace(/^hs1\$[\w-]{8}\$/, 'hs1$AAAAAAAA$');
    await server.platform.ctx.database.rows(sql`update voucher.vouchers set password_hash = ${foreign} where person_id = ${person.personId}`);
    expect((await change(PASSWORD, '369258')).body.code).toBe('voucher.password_wrong');
  });

  it('locks after repeated wrong passwords until a reset after a fresh liveness check', async () => {
    const person = await activated();
    const change = (oldPassword: string, newPassword = '369258', token = person.l3) => server.api('POST', '/voucher/password', { token, body: { oldPassword, newPassword } });
    const lockEvents = () =>
      server.platform.ctx.database.rows<{ payload: Record<string, unknown> }>(
        sql`select payload from kernel.outbox_events where topic = 'voucher.password_locked' and payload->>'personId' = ${person.personId} order by id`,
      );
    for (let i = 1; i < 5; i++) {
      const wrong = await change('000111');
      expect(wrong.status).toBe(400);
      expect(wrong.body).toMatchObject({ code: 'voucher.password_wrong', field: 'oldPassword' });
    }
    expect(await lockEvents()).toEqual([]);
    const lockedAt = Date.now();
    expect((await change('000111')).status).toBe(423);
    // locked: even the right password is refused
    const right = await change(PASSWORD);
    expect(right.status).toBe(423);
    expect(right.body.code).toBe('voucher.password_locked');
    expect((await server.api('GET', '/voucher/me', { token: person.l3 })).body.passwordLocked).toBe(true);
    // the attempt that locked it is announced (the message center warns the person), once: not the refusals after it
    const [voucherRow] = await server.platform.ctx.database.rows<{ id: string; region_code: string }>(sql`select id, region_code from voucher.vouchers where person_id = ${person.personId}`);
    const events = await lockEvents();
    expect(events).toEqual([{ payload: { voucherId: voucherRow.id, personId: person.personId, lockedUntil: expect.any(String), regionCode: voucherRow.region_code } }]);
    const until = Date.parse(String(events[0].payload.lockedUntil));
    const lockout = server.platform.ctx.config.voucher.passwordLockoutSec * 1000;
    expect(until).toBeGreaterThanOrEqual(lockedAt + lockout - 1000);
    expect(until).toBeLessThanOrEqual(Date.now() + lockout);

    // a reset needs L3 and a recent liveness check
    expect((await server.api('POST', '/voucher/password/reset', { token: person.l2, body: { newPassword: '147036' } })).status).toBe(403);
    await server.platform.ctx.database.rows(sql`update auth.verifications set completed_at = now() - interval '1 hour' where account_id = ${person.accountId} and kind = 'liveness'`);
    const stale = await server.api('POST', '/voucher/password/reset', { token: person.l3, body: { newPassword: '147036' } });
    expect(stale.status).toBe(403);
    expect(stale.body.code).toBe('voucher.liveness_stale');
    const fresh = await liveness(person.l2);
    expect((await server.api('POST', '/voucher/password/reset', { token: fresh, body: { newPassword: '147036' } })).status).toBe(204);
    expect((await server.api('POST', '/voucher/password', { token: fresh, body: { oldPassword: '147036', newPassword: '147036' } })).body.code).toBe('voucher.password_same');
    expect((await server.api('POST', '/voucher/password', { token: fresh, body: { oldPassword: '147036', newPassword: '392817' } })).status).toBe(204);

    // a new lockout after the reset is news again
    for (let i = 1; i < 5; i++) expect((await change('000111', '369258', fresh)).status).toBe(400);
    expect(await lockEvents()).toHaveLength(1);
    expect((await change('000111', '369258', fresh)).status).toBe(423);
    expect(await lockEvents()).toHaveLength(2);
  });
});

describe('channel authorization', () => {
  it('authorizes, answers the channel’s query, lists and revokes', async () => {
    const person = await activated();
    const app = await registerChannel();
    const query = () => server.api('POST', '/voucher/channel/authorization', signed(app, '/voucher/channel/authorization', { idNumber: person.idNumber }));
    expect((await query()).body).toMatchObject({ authorized: false });
    const unknown = await server.api('POST', '/voucher/authorizations', { token: person.l3, body: { appId: 'app_nonexistent' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'voucher.channel_unavailable', field: 'appId' });
    const granted = await server.api('POST', '/voucher/authorizations', { token: person.l3, body: { appId: app.appId } });
    expect(granted.status).toBe(201);
    expect((await query()).body).toMatchObject({ authorized: true });
    // A code now puts the holder in this node's memo; the revocation below must reach it.
    expect((await server.api('POST', '/voucher/codes', { token: person.l3, body: { channelAppId: app.appId } })).status).toBe(201);
    const list = await server.api('GET', '/voucher/authorizations', { token: person.l3 });
    expect(list.body.items.map((i: { appId: string }) => i.appId)).toEqual([app.appId]);
    expect((await server.api('DELETE', `/voucher/authorizations/${app.appId}`, { token: person.l3 })).status).toBe(204);
    expect((await query()).body).toMatchObject({ authorized: false });
    expect((await server.api('DELETE', `/voucher/authorizations/${app.appId}`, { token: person.l3 })).status).toBe(404);
    const refused = await server.api('POST', '/voucher/codes', { token: person.l3, body: { channelAppId: app.appId } });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'voucher.channel_not_authorized', field: 'channelAppId' });
  });

  it('offers the channel apps of the person’s region and national ones, and refuses any other', async () => {
    const person = await activated();
    const national = await registerChannel(['voucher.verify']);
    const noVerify = await registerChannel(['voucher.authorization.read']);
    const hospital = await server.api('POST', '/auth/channels', {
      token: sysadmin,
      body: { name: `南阳一院${randomInt(0, 1e6)}`, nameEn: 'Nanyang First People’s Hospital', capabilities: ['voucher.verify'], institutionCode: 'H41130200746' },
    });
    expect(hospital.status, JSON.stringify(hospital.body)).toBe(201);
    const pharmacy = await server.api('POST', '/auth/channels', { token: sysadmin, body: { name: `南阳药店${randomInt(0, 1e6)}`, capabilities: ['voucher.verify'], institutionCode: 'P41130200001' } });
    expect(pharmacy.status, JSON.stringify(pharmacy.body)).toBe(201);
    // 郑州's own app, and an app acting for a 郑州 institution: not for a person of 南阳; a disabled one neither
    const db = server.platform.ctx.database;
    const elsewhere = `app_zz${randomInt(0, 1e9)}`;
    const elsewhereInstitution = `app_zzh${randomInt(0, 1e9)}`;
    const disabled = `app_off${randomInt(0, 1e9)}`;
    await db.rows(sql`insert into auth.channel_apps (app_id, name, secret_enc, capabilities, org_id, institution_code, status) values
      (${elsewhere}, '郑州渠道', 'x', '["voucher.verify"]'::jsonb, 'org_zhengzhou', null, 'active'),
      (${elsewhereInstitution}, '郑州医院', 'x', '["voucher.verify"]'::jsonb, 'org_national', 'H41010200001', 'active'),
      (${disabled}, '停用渠道', 'x', '["voucher.verify"]'::jsonb, 'org_national', null, 'disabled')`);

    const available = await server.api('GET', '/voucher/channels/available', { token: person.l3 });
    expect(available.status, JSON.stringify(available.body)).toBe(200);
    const byId = new Map((available.body as Array<{ appId: string }>).map((c) => [c.appId, c]));
    expect(byId.get(national.appId)).toMatchObject({ kind: 'app', institution: null, nameEn: null, authorized: false });
    expect(byId.get(hospital.body.appId)).toMatchObject({
      name: hospital.body.name,
      nameEn: 'Nanyang First People’s Hospital',
      kind: 'hospital',
      institution: { code: 'H41130200746', name: '南阳市第一人民医院' },
    });
    expect(byId.get(pharmacy.body.appId)).toMatchObject({ kind: 'pharmacy', institution: { code: 'P41130200001' } });
    for (const absent of [noVerify.appId, elsewhere, elsewhereInstitution, disabled]) expect(byId.has(absent)).toBe(false);

    for (const refused of [disabled, 'app_nonexistent']) {
      const answer = await server.api('POST', '/voucher/authorizations', { token: person.l3, body: { appId: refused } });
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ code: 'voucher.channel_unavailable', field: 'appId' });
    }
    // not offered, but a person treated in Zhengzhou (异地就医) authorizes its hospital, and a system
    // that does not verify codes (a bill reader) may be authorized to act for them too
    for (const accepted of [elsewhereInstitution, noVerify.appId]) {
      expect((await server.api('POST', '/voucher/authorizations', { token: person.l3, body: { appId: accepted } })).status).toBe(201);
      expect((await server.api('DELETE', `/voucher/authorizations/${accepted}`, { token: person.l3 })).status).toBe(204);
    }
    const granted = await server.api('POST', '/voucher/authorizations', { token: person.l3, body: { appId: hospital.body.appId } });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({ name: hospital.body.name, nameEn: 'Nanyang First People’s Hospital' });
    const after = await server.api('GET', '/voucher/channels/available', { token: person.l3 });
    expect(after.body.find((c: { appId: string }) => c.appId === hospital.body.appId).authorized).toBe(true);
    expect((await server.api('GET', '/voucher/authorizations', { token: person.l3 })).body.items).toMatchObject([{ appId: hospital.body.appId, nameEn: 'Nanyang First People’s Hospital' }]);
  });

  it('refuses codes before activation', async () => {
    const person = await insured();
    const app = await registerChannel();
    expect((await server.api('POST', '/voucher/authorizations', { token: person.l3, body: { appId: app.appId } })).status).toBe(409);
    expect((await server.api('POST', '/voucher/codes', { token: person.l3, body: { channelAppId: app.appId } })).status).toBe(409);
  });
});

describe('dynamic codes', () => {
  it('verifies once for its channel: the insurance identity, then a second scan refused and flagged', async () => {
    const person = await activated();
    const app = await registerChannel();
    const { code, codeId, expiresAt, ttlSec } = await authorizedCode(person, app);
    expect(ttlSec).toBe(60);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(50_000);
    const first = await verify(app, code);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ credentialType: '01', personId: person.personId, name: maskName(person.name), insuranceTypes: ['410'], codeId });
    const second = await verify(app, code);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'voucher.code_used', field: 'code' });
    expect(await riskRules(codeId)).toEqual(['code_reused']);
  });

  it('refuses an expired code, another channel’s, a revoked channel, a forged one and an unregistered device', async () => {
    const person = await activated();
    const app = await registerChannel();
    const other = await registerChannel();

    const expired = await authorizedCode(person, app);
    await server.platform.ctx.database.rows(sql`update voucher.codes set expires_at = now() - interval '1 second' where id = ${expired.codeId}`);
    const late = await verify(app, expired.code);
    expect(late.status).toBe(410);
    expect(late.body.code).toBe('voucher.code_expired');

    const bound = await authorizedCode(person, app);
    const wrongChannel = await verify(other, bound.code);
    expect(wrongChannel.status).toBe(403);
    expect(wrongChannel.body.code).toBe('voucher.channel_not_authorized');
    expect(await riskRules(bound.codeId)).toEqual(['unauthorized_channel']);
    // the code is still good for its own channel
    expect((await verify(app, bound.code)).status).toBe(200);

    const revoked = await authorizedCode(person, app);
    await server.api('DELETE', `/voucher/authorizations/${app.appId}`, { token: person.l3 });
    expect((await verify(app, revoked.code)).status).toBe(403);
    expect(await riskRules(revoked.codeId)).toEqual(['unauthorized_channel']);

    const forged = `${bound.code.slice(0, -4)}AAAA` === bound.code ? `${bound.code.slice(0, -4)}BBBB` : `${bound.code.slice(0, -4)}AAAA`;
    const fake = await verify(app, forged);
    expect(fake.status).toBe(400);
    expect(fake.body.code).toBe('voucher.code_invalid');
    const typo = await verify(app, 'YBV1.not-a-code');
    expect(typo.status).toBe(400);
    const forgedFlags = await server.platform.ctx.database.rows<{ rule: string }>(sql`select rule from voucher.risk_events where app_id = ${app.appId} and code_id is null`);
    expect(forgedFlags.map((f) => f.rule)).toEqual(['forged_code']);

    const device = `POS-${randomInt(0, 1e6)}`;
    const registered = await server.api('POST', '/voucher/channel/devices', signed(app, '/voucher/channel/devices', { deviceId: device }));
    expect(registered.status).toBe(201);
    const withDevice = await authorizedCode(person, app);
    const unknownDevice = await verify(app, withDevice.code, 'POS-unknown');
    expect(unknownDevice.status).toBe(403);
    expect(unknownDevice.body).toMatchObject({ code: 'voucher.device_unregistered', field: 'deviceId' });
    expect(await riskRules(withDevice.codeId)).toEqual(['unregistered_device']);
    expect((await verify(app, withDevice.code, device)).status).toBe(200);

    // 风险事件 visible to the clerk of the region, not to a person
    const events = await server.api('GET', '/voucher/risk-events?pageSize=100', { token: clerk });
    expect(events.status).toBe(200);
    const rules = events.body.items.filter((e: { codeId: string }) => [bound.codeId, withDevice.codeId].includes(e.codeId)).map((e: { rule: string }) => e.rule);
    expect(rules.sort()).toEqual(['unauthorized_channel', 'unregistered_device']);
    expect((await server.api('GET', '/voucher/risk-events', { token: person.l3 })).status).toBe(403);
  });

  it('refuses and flags too many codes a minute', async () => {
    const person = await activated();
    const app = await registerChannel();
    const limits = server.platform.ctx.config.voucher;
    const saved = limits.codesPerMinute;
    limits.codesPerMinute = 3;
    // the counter is per clock minute: start well inside one
    const second = new Date().getSeconds();
    if (second >= 55) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    try {
      await authorizedCode(person, app);
      await authorizedCode(person, app);
      await authorizedCode(person, app);
      const fourth = await server.api('POST', '/voucher/codes', { token: person.l3, body: { channelAppId: app.appId } });
      expect(fourth.status).toBe(429);
      expect(fourth.body.code).toBe('voucher.too_many_codes');
    } finally {
      limits.codesPerMinute = saved;
    }
    const flags = await server.platform.ctx.database.rows<{ rule: string }>(
      sql`select r.rule from voucher.risk_events r join voucher.vouchers v on v.id = r.voucher_id where v.person_id = ${person.personId}`,
    );
    expect(flags.map((f) => f.rule)).toEqual(['too_many_codes']);
  });

  it('shows a person only their own codes and usage', async () => {
    const alice = await activated();
    const bob = await activated();
    const app = await registerChannel();
    const aliceCode = await authorizedCode(alice, app);
    await verify(app, aliceCode.code);
    const svg = await server.api('GET', `/voucher/codes/${aliceCode.codeId}/qr`, { token: alice.l3 });
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toContain('image/svg+xml');
    expect(String(svg.body)).toContain('<svg');
    expect((await server.api('GET', `/voucher/codes/${aliceCode.codeId}/qr`, { token: bob.l3 })).status).toBe(404);
    const aliceUsage = await server.api('GET', '/voucher/usage', { token: alice.l3 });
    expect(aliceUsage.body.items.map((i: { action: string; result: string }) => `${i.action}:${i.result}`)).toEqual(['verify:ok', 'generate:ok']);
    const bobUsage = await server.api('GET', '/voucher/usage', { token: bob.l3 });
    expect(bobUsage.body.total).toBe(0);
  });
});

/** A 1×1 PNG, a minimal PDF and a JPEG header: what the evidence upload accepts. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

async function uploadEvidence(token: string, content: Buffer, contentType: string) {
  const response = await fetch(`${server.url}/api/v1/voucher/evidence`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, body: new Uint8Array(content) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as { id: string; code?: string; field?: string; sha256?: string; sizeBytes?: number; contentType?: string } };
}

const readEvidence = (token: string, id: string) => fetch(`${server.url}/api/v1/voucher/evidence/${id}`, { headers: { authorization: `Bearer ${token}` } });

describe('evidence files', () => {
  it('keeps a JPEG, PNG or PDF by its first bytes, up to 5 MB, for its uploader and the clerks of their region', async () => {
    const person = await activated();
    const png = await uploadEvidence(person.l3, PNG, 'image/png');
    expect(png.status, JSON.stringify(png.body)).toBe(201);
    expect(png.body).toMatchObject({ contentType: 'image/png', sizeBytes: PNG.length, sha256: createHash('sha256').update(PNG).digest('hex') });
    expect((await uploadEvidence(person.l3, PDF, 'application/pdf')).status).toBe(201);
    expect((await uploadEvidence(person.l3, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64)]), 'image/jpeg')).status).toBe(201);

    // what the bytes are decides, not what the request says
    const lying = await uploadEvidence(person.l3, Buffer.from('<html><script>alert(1)</script></html>'), 'image/png');
    expect([lying.status, lying.body.code, lying.body.field]).toEqual([422, 'voucher.evidence_type', 'body']);
    const mislabelled = await uploadEvidence(person.l3, PNG, 'image/jpeg');
    expect([mislabelled.status, mislabelled.body.field]).toEqual([422, 'body']);
    expect((await uploadEvidence(person.l3, PNG, 'image/gif')).status).toBe(415);
    const tooLarge = await uploadEvidence(person.l3, Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), 'image/png');
    expect(tooLarge.status).toBe(413);

    const own = await readEvidence(person.l3, png.body.id);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await own.arrayBuffer()).equals(PNG)).toBe(true);
    // another person, whoever they are, does not see that it exists
    const stranger = await activated();
    const refused = await readEvidence(stranger.l3, png.body.id);
    expect(refused.status).toBe(404);
    expect((await readEvidence(stranger.l3, 'vev_nonexistent')).status).toBe(404);
    // the clerk of 南阳 (registry.read) reads those of the region
    const byClerk = await readEvidence(clerk, png.body.id);
    expect(byClerk.status).toBe(200);
    expect(Buffer.from(await byClerk.arrayBuffer()).equals(PNG)).toBe(true);

    // the audit record keeps what was stored, never the file
    const [record] = await server.platform.ctx.database.rows<{ detail: { body: Record<string, unknown> } }>(
      sql`select detail from audit.records where action = 'POST /api/v1/voucher/evidence' and actor_id = ${person.accountId} and status = 201 order by id limit 1`,
    );
    expect(record.detail.body).toEqual({ contentType: 'image/png', sizeBytes: PNG.length, sha256: png.body.sha256 });
  });
});

describe('family members', () => {
  it('adds a child under 16 on evidence, whose code the guardian shows', async () => {
    const guardian = await activated();
    const app = await registerChannel();
    const child = await registryPerson('2015-07-01');
    const noEvidence = await server.api('POST', '/voucher/family/children', { token: guardian.l3, body: { idNumber: child.idNumber, name: child.name } });
    expect(noEvidence.status).toBe(400);
    // a reference typed in, or another person's upload, is no evidence
    const typed = await server.api('POST', '/voucher/family/children', { token: guardian.l3, body: { idNumber: child.idNumber, name: child.name, evidenceRef: 'att_hukou_1' } });
    expect(typed.status).toBe(422);
    expect(typed.body).toMatchObject({ code: 'voucher.evidence_not_found', field: 'evidenceRef' });
    const someoneElse = await activated();
    const theirs = await uploadEvidence(someoneElse.l3, PNG, 'image/png');
    const othersUpload = await server.api('POST', '/voucher/family/children', { token: guardian.l3, body: { idNumber: child.idNumber, name: child.name, evidenceRef: theirs.body.id } });
    expect([othersUpload.status, othersUpload.body.field]).toEqual([422, 'evidenceRef']);
    const evidence = await uploadEvidence(guardian.l3, PNG, 'image/png');
    expect(evidence.status, JSON.stringify(evidence.body)).toBe(201);
    const evidenceRef = evidence.body.id;
    const wrongName = await server.api('POST', '/voucher/family/children', { token: guardian.l3, body: { idNumber: child.idNumber, name: '路人甲', evidenceRef } });
    expect(wrongName.status).toBe(422);
    const older = await registryPerson('2000-01-01');
    const tooOld = await server.api('POST', '/voucher/family/children', { token: guardian.l3, body: { idNumber: older.idNumber, name: older.name, evidenceRef } });
    expect(tooOld.status).toBe(422);
    expect(tooOld.body.code).toBe('voucher.child_too_old');
    const added = await server.api('POST', '/voucher/family/children', { token: guardian.l3, body: { idNumber: child.idNumber, name: child.name, evidenceRef } });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({ kind: 'child', name: maskName(child.name), evidenceId: evidenceRef });
    expect((await server.api('GET', '/voucher/family', { token: guardian.l3 })).body.items).toMatchObject([{ id: added.body.id, evidenceId: evidenceRef }]);
    expect((await server.api('POST', '/voucher/family/children', { token: guardian.l3, body: { idNumber: child.idNumber, name: child.name, evidenceRef } })).status).toBe(409);

    const code = await authorizedCode(guardian, app, added.body.id);
    const verified = await verify(app, code.code);
    expect(verified.status).toBe(200);
    expect(verified.body.personId).toBe(child.personId);
    // another holder cannot use the link
    const stranger = await activated();
    await server.api('POST', '/voucher/authorizations', { token: stranger.l3, body: { appId: app.appId } });
    const notMine = await server.api('POST', '/voucher/codes', { token: stranger.l3, body: { channelAppId: app.appId, memberId: added.body.id } });
    expect(notMine.status).toBe(404);
    expect(notMine.body.field).toBe('memberId');
  });

  it('adds an adult only after the adult consents at L3', async () => {
    const holder = await activated();
    const adult = await insured();
    const invited = await server.api('POST', '/voucher/family/invitations', { token: holder.l3, body: { idNumber: adult.idNumber, name: adult.name } });
    expect(invited.status).toBe(201);
    expect((await server.api('GET', '/voucher/family', { token: holder.l3 })).body.items).toHaveLength(0);
    const incoming = await server.api('GET', '/voucher/family/invitations', { token: adult.l2 });
    expect(incoming.body.items.map((i: { id: string }) => i.id)).toEqual([invited.body.id]);
    const atL2 = await server.api('POST', `/voucher/family/invitations/${invited.body.id}/accept`, { token: adult.l2 });
    expect(atL2.status).toBe(403);
    // someone else cannot accept it
    const other = await insured();
    expect((await server.api('POST', `/voucher/family/invitations/${invited.body.id}/accept`, { token: other.l3 })).status).toBe(404);
    const accepted = await server.api('POST', `/voucher/family/invitations/${invited.body.id}/accept`, { token: adult.l3 });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    const family = await server.api('GET', '/voucher/family', { token: holder.l3 });
    expect(family.body.items).toMatchObject([{ kind: 'adult', name: maskName(adult.name), insuranceTypes: ['410'] }]);
    expect((await server.api('DELETE', `/voucher/family/${family.body.items[0].id}`, { token: holder.l3 })).status).toBe(204);
    expect((await server.api('GET', '/voucher/family', { token: holder.l3 })).body.items).toHaveLength(0);
  });
});

describe('scan-to-login (扫码登录)', () => {
  it('gives the web page tokens once, after the holder confirms', async () => {
    const holder = await activated();
    const created = await server.api('POST', '/voucher/login-sessions');
    expect(created.status).toBe(201);
    const { id, code, pollToken } = created.body;
    expect(code).toContain(id);
    const poll = (token = pollToken) => server.api('GET', `/voucher/login-sessions/${id}`, { headers: { 'x-poll-token': token } });
    expect((await poll()).body).toEqual({ status: 'pending' });
    expect((await poll('wrong')).status).toBe(403);
    // a person without an active voucher cannot confirm
    const inactive = await insured();
    expect((await server.api('POST', `/voucher/login-sessions/${id}/confirm`, { token: inactive.l3 })).status).toBe(409);
    expect((await server.api('POST', `/voucher/login-sessions/${id}/confirm`, { token: holder.l3 })).status).toBe(200);
    expect((await server.api('POST', `/voucher/login-sessions/${id}/confirm`, { token: holder.l3 })).status).toBe(409);
    const done = await poll();
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('confirmed');
    const me = await server.api('GET', '/user/me', { token: done.body.tokens.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(holder.accountId);
    expect((await poll()).status).toBe(404);
    const history = await server.api('GET', '/auth/history', { token: done.body.tokens.accessToken });
    expect(history.body.items[0]).toMatchObject({ method: 'qr', result: 'success' });
    const usage = await server.api('GET', '/voucher/usage', { token: holder.l3 });
    expect(usage.body.items[0]).toMatchObject({ action: 'login', result: 'ok' });
  });
});

describe('concurrency across two processes', () => {
  // A second process needs a database and a cache both can reach: PostgreSQL and Redis. PGlite is
  // one in-process connection, so there is no second process to race against.
  it.skipIf(process.env.TEST_DB === 'pglite')('lets exactly one of 1,000 concurrent verifications of a code succeed', { timeout: 120_000 }, async () => {
    expect(server.databaseUrl).toBeTruthy();
    const person = await activated();
    const app = await registerChannel();
    const { code, codeId } = await authorizedCode(person, app);
    const { ctx } = server.platform;
    const node = await startSecondNode(server);
    try {
      const second = apiClient(`${node.url}/api/v1`);
      const requests = Array.from({ length: 1000 }, (_, i) => verify(app, code, undefined, i % 2 ? second : server.api));
      const statuses = (await Promise.all(requests)).map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(999);
      const [row] = await ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from voucher.usage where code_id = ${codeId} and action = 'verify' and result = 'ok'`);
      expect(row.n).toBe(1);

      // The second node memoized the holder while generating; a revocation on this node reaches its memo (broadcast).
      expect((await second('POST', '/voucher/codes', { token: person.l3, body: { channelAppId: app.appId } })).status).toBe(201);
      expect((await server.api('DELETE', `/voucher/authorizations/${app.appId}`, { token: person.l3 })).status).toBe(204);
      let refused = 0;
      for (let i = 0; i < 50 && refused !== 403; i++) {
        refused = (await second('POST', '/voucher/codes', { token: person.l3, body: { channelAppId: app.appId } })).status;
        if (refused !== 403) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(refused).toBe(403);
    } finally {
      await node.stop();
    }
  });
});
