import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { newPerson, newUnit, PASSWORD, randomIdNumber, randomName, randomPhone, smsCode } from '../support/factories.js';
import { generateSm2KeyPair, sm2Sign } from '../../src/kernel/crypto/index.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
});
afterAll(() => server?.close());

describe('real-name (L2) and real-person (L3) verification', () => {
  it('raises the level through the provider, and the new token carries it', async () => {
    const person = await newPerson(server);
    server.fakes.realName.addPerson({ idNumber: person.idNumber, name: person.name });
    const l2 = await server.api('POST', '/auth/realname', { token: person.accessToken, body: { name: person.name, idNumber: person.idNumber } });
    expect(l2.status).toBe(200);
    expect(l2.body.authLevel).toBe(2);
    const started = await server.api('POST', '/auth/liveness', { token: l2.body.accessToken, body: {} });
    expect(started.status).toBe(200);
    expect(started.body.url).toContain(server.realNameUrl);
    const early = await server.api('POST', `/auth/liveness/${started.body.bizToken}/confirm`, { token: l2.body.accessToken });
    expect(early.body.code).toBe('auth.liveness_pending');
    server.fakes.realName.performLiveness(started.body.bizToken, 'pass');
    const l3 = await server.api('POST', `/auth/liveness/${started.body.bizToken}/confirm`, { token: l2.body.accessToken });
    expect(l3.status).toBe(200);
    const me = await server.api('GET', '/user/me', { token: l3.body.accessToken });
    expect(me.body.authLevel).toBe(3);
    const history = await server.api('GET', '/auth/history', { token: l3.body.accessToken });
    expect(history.body.items.map((i: { method: string }) => i.method)).toEqual(expect.arrayContaining(['realname', 'liveness']));
  });

  it('refuses a name the registry does not know, and someone else’s identity', async () => {
    const person = await newPerson(server);
    const unknown = await server.api('POST', '/auth/realname', { token: person.accessToken, body: { name: person.name, idNumber: person.idNumber } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('auth.realname_mismatch');
    const other = randomIdNumber();
    server.fakes.realName.addPerson({ idNumber: other, name: '路人甲' });
    const notOwn = await server.api('POST', '/auth/realname', { token: person.accessToken, body: { name: '路人甲', idNumber: other } });
    expect(notOwn.status).toBe(400);
    expect(notOwn.body.field).toBe('idNumber');
  });

  it('needs L2 before liveness, and a failed face check leaves the level', async () => {
    const person = await newPerson(server);
    expect((await server.api('POST', '/auth/liveness', { token: person.accessToken, body: {} })).status).toBe(403);
    server.fakes.realName.addPerson({ idNumber: person.idNumber, name: person.name });
    const l2 = await server.api('POST', '/auth/realname', { token: person.accessToken, body: { name: person.name, idNumber: person.idNumber } });
    const started = await server.api('POST', '/auth/liveness', { token: l2.body.accessToken, body: {} });
    server.fakes.realName.performLiveness(started.body.bizToken, 'fail');
    const failed = await server.api('POST', `/auth/liveness/${started.body.bizToken}/confirm`, { token: l2.body.accessToken });
    expect(failed.status).toBe(422);
    expect((await server.api('GET', '/user/me', { token: l2.body.accessToken })).body.authLevel).toBe(2);
  });

  it('maps a provider outage to 502/504, never 500', async () => {
    const person = await newPerson(server);
    server.fakes.realName.addPerson({ idNumber: person.idNumber, name: person.name });
    server.fakes.realName.tamperNextResponses(1);
    const tampered = await server.api('POST', '/auth/realname', { token: person.accessToken, body: { name: person.name, idNumber: person.idNumber } });
    expect(tampered.status).toBe(502);
    expect(tampered.body.code).toBe('auth.provider_unavailable');
  });
});

describe('certificate login (数字证书)', () => {
  it('logs a unit agent in with an SM2 signature over a one-time nonce', async () => {
    const unit = await newUnit(server);
    const keys = generateSm2KeyPair();
    expect((await server.api('POST', '/auth/certificates', { token: unit.agent.accessToken, body: { publicKey: keys.publicKey } })).status).toBe(201);
    const challenge = await server.api('POST', '/auth/cert/challenge', { body: { creditCode: unit.creditCode } });
    expect(challenge.status).toBe(200);
    const signature = sm2Sign(challenge.body.nonce, keys.privateKey);
    const login = await server.api('POST', '/auth/login/cert', { body: { challengeId: challenge.body.challengeId, signature } });
    expect(login.status).toBe(200);
    const me = await server.api('GET', '/user/me', { token: login.body.accessToken });
    expect(me.body.units.map((u: { id: string }) => u.id)).toContain(unit.unitId);
    // The challenge is single-use.
    expect((await server.api('POST', '/auth/login/cert', { body: { challengeId: challenge.body.challengeId, signature } })).status).toBe(400);
  });

  it('refuses a signature by another key', async () => {
    const unit = await newUnit(server);
    await server.api('POST', '/auth/certificates', { token: unit.agent.accessToken, body: { publicKey: generateSm2KeyPair().publicKey } });
    const challenge = await server.api('POST', '/auth/cert/challenge', { body: { creditCode: unit.creditCode } });
    const forged = sm2Sign(challenge.body.nonce, generateSm2KeyPair().privateKey);
    const login = await server.api('POST', '/auth/login/cert', { body: { challengeId: challenge.body.challengeId, signature: forged } });
    expect(login.status).toBe(401);
    expect(login.body.code).toBe('auth.cert_signature_invalid');
  });

  it('refuses a key that is not a point on the curve', async () => {
    const unit = await newUnit(server);
    const bad = await server.api('POST', '/auth/certificates', { token: unit.agent.accessToken, body: { publicKey: '04' + '11'.repeat(64) } });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('publicKey');
  });
});

describe('third-party binding (微信 / 支付宝)', () => {
  it('binds an open id, then logs in with a fresh code; one open id binds one account', async () => {
    const person = await newPerson(server);
    const openId = `o_${Date.now()}`;
    const bind = await server.api('POST', '/auth/bindings', { token: person.accessToken, body: { provider: 'wechat', code: server.fakes.wechat.issueCode(openId) } });
    expect(bind.status).toBe(201);
    const login = await server.api('POST', '/auth/login/third-party', { body: { provider: 'wechat', code: server.fakes.wechat.issueCode(openId) } });
    expect(login.status).toBe(200);
    const other = await newPerson(server);
    const steal = await server.api('POST', '/auth/bindings', { token: other.accessToken, body: { provider: 'wechat', code: server.fakes.wechat.issueCode(openId) } });
    expect(steal.status).toBe(409);
    const used = await server.api('POST', '/auth/login/third-party', { body: { provider: 'wechat', code: 'never-issued' } });
    expect(used.status).toBe(400);
    expect(used.body.field).toBe('code');
    const unbound = await server.api('POST', '/auth/login/third-party', { body: { provider: 'alipay', code: server.fakes.alipay.issueCode(openId) } });
    expect(unbound.status).toBe(404);
  });
});

describe('unit agents (单位经办人)', () => {
  it('the managing agent adds and revokes agents; a revoked agent is logged out', async () => {
    const unit = await newUnit(server);
    const agent = { name: randomName(), idNumber: randomIdNumber(), phone: randomPhone(), password: PASSWORD };
    const added = await server.api('POST', `/user/units/${unit.unitId}/agents`, { token: unit.agent.accessToken, body: agent });
    expect(added.status).toBe(201);
    const login = await server.api('POST', '/auth/login', { body: { identifier: agent.phone, password: PASSWORD, kind: 'unit_agent' } });
    expect(login.status).toBe(200);
    // A plain agent cannot manage the others.
    const extra = { name: randomName(), idNumber: randomIdNumber(), phone: randomPhone(), password: PASSWORD };
    expect((await server.api('POST', `/user/units/${unit.unitId}/agents`, { token: login.body.accessToken, body: extra })).status).toBe(403);
    const list = await server.api('GET', `/user/units/${unit.unitId}/agents`, { token: unit.agent.accessToken });
    expect(list.body.total).toBe(2);
    expect(list.body.items[1].phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect((await server.api('DELETE', `/user/units/${unit.unitId}/agents/${added.body.id}`, { token: unit.agent.accessToken })).status).toBe(204);
    expect((await server.api('GET', '/user/me', { token: login.body.accessToken })).status).toBe(401);
    const again = await server.api('POST', '/auth/login', { body: { identifier: agent.phone, password: PASSWORD, kind: 'unit_agent' } });
    expect(again.status).toBe(403);
  });

  it('an agent of one unit cannot see another unit', async () => {
    const a = await newUnit(server);
    const b = await newUnit(server);
    expect((await server.api('GET', `/user/units/${b.unitId}/agents`, { token: a.agent.accessToken })).status).toBe(403);
  });

  it('refuses a second registration of the same credit code', async () => {
    const unit = await newUnit(server);
    const agent = { idNumber: randomIdNumber(), phone: randomPhone(), name: randomName(), password: PASSWORD };
    const code = await smsCode(server, agent.phone, 'register');
    const again = await server.api('POST', '/user/units/register', { body: { unitName: '重复单位有限公司', creditCode: unit.creditCode, agent, smsCode: code } });
    expect(again.status).toBe(409);
    expect(again.body.field).toBe('creditCode');
  });
});

describe('profile changes', () => {
  it('shows a change to the profile at once (the cached view is dropped)', async () => {
    const person = await newPerson(server);
    expect((await server.api('GET', '/user/me', { token: person.accessToken })).body.email).toBeNull();
    expect((await server.api('PATCH', '/user/me', { token: person.accessToken, body: { email: 'zhang@example.cn', address: '南阳市宛城区' } })).status).toBe(200);
    expect((await server.api('GET', '/user/me', { token: person.accessToken })).body).toMatchObject({ email: 'zhang@example.cn', address: '南阳市宛城区' });
    const newPhone = randomPhone();
    await server.api('POST', '/user/me/phone', { token: person.accessToken, body: { newPhone, smsCode: await smsCode(server, newPhone, 'change_phone') } });
    expect((await server.api('GET', '/user/me', { token: person.accessToken })).body.phone).toBe(`${newPhone.slice(0, 3)}****${newPhone.slice(7)}`);
  });

  it('changes the phone with a code sent to the new number', async () => {
    const person = await newPerson(server);
    const newPhone = randomPhone();
    const code = await smsCode(server, newPhone, 'change_phone');
    const changed = await server.api('POST', '/user/me/phone', { token: person.accessToken, body: { newPhone, smsCode: code } });
    expect(changed.status).toBe(200);
    expect((await server.api('POST', '/auth/login', { body: { identifier: newPhone, password: PASSWORD } })).status).toBe(200);
    expect((await server.api('POST', '/auth/login', { body: { identifier: person.phone, password: PASSWORD } })).status).toBe(401);
  });

  it('changing the password ends other sessions and enforces complexity', async () => {
    const person = await newPerson(server);
    const weak = await server.api('POST', '/user/me/password', { token: person.accessToken, body: { oldPassword: PASSWORD, newPassword: 'password' } });
    expect(weak.status).toBe(400);
    expect(weak.body.field).toBe('newPassword');
    const changed = await server.api('POST', '/user/me/password', { token: person.accessToken, body: { oldPassword: PASSWORD, newPassword: 'Another#Pass9' } });
    expect(changed.status).toBe(200);
    expect((await server.api('GET', '/user/me', { token: person.accessToken })).status).toBe(401);
    expect((await server.api('POST', '/auth/login', { body: { identifier: person.phone, password: 'Another#Pass9' } })).status).toBe(200);
  });

  it('deactivation ends sessions and frees the identity number for a new registration', async () => {
    const person = await newPerson(server);
    expect((await server.api('POST', '/user/me/deactivate', { token: person.accessToken, body: { password: PASSWORD } })).status).toBe(200);
    expect((await server.api('GET', '/user/me', { token: person.accessToken })).status).toBe(401);
    expect((await server.api('POST', '/auth/login', { body: { identifier: person.idNumber, password: PASSWORD } })).status).toBe(401);
    const again = await newPerson(server, { idNumber: person.idNumber });
    expect(again.accountId).not.toBe(person.accountId);
  });

  it('refuses a duplicate identity number for a live account', async () => {
    const person = await newPerson(server);
    await expect(newPerson(server, { idNumber: person.idNumber })).rejects.toThrow(/409/);
  });
});

describe('enterprise accounts (药企 / 耗材企业 / 配送企业)', () => {
  it('registers with a valid credit code and logs in by login name', async () => {
    const phone = randomPhone();
    const code = await smsCode(server, phone, 'register');
    const { randomCreditCode } = await import('../support/factories.js');
    const creditCode = randomCreditCode();
    const loginName = `pharma${Date.now()}`;
    const registered = await server.api('POST', '/user/enterprises/register', {
      body: { name: '南阳示范药业有限公司', creditCode, enterpriseType: 'pharma', loginName, phone, smsCode: code, password: PASSWORD },
    });
    expect(registered.status).toBe(201);
    expect(registered.body.account).toMatchObject({ kind: 'enterprise', enterpriseType: 'pharma', creditCode: `${creditCode.slice(0, 4)}**********${creditCode.slice(14)}` });
    expect((await server.api('POST', '/auth/login', { body: { identifier: loginName, password: PASSWORD } })).status).toBe(200);
    const badCode = await server.api('POST', '/user/enterprises/register', {
      body: { name: '某公司', creditCode: '91350100M000100Y44', enterpriseType: 'delivery', loginName: `x${Date.now()}`, phone: randomPhone(), smsCode: '123456', password: PASSWORD },
    });
    expect(badCode.status).toBe(400);
    expect(badCode.body.field).toBe('creditCode');
  });
});
