/**
 * 忘记密码 a forgotten password reset with a code texted to the account's phone (the fake SMS
 * gateway is the phone): what the holder of the phone may do, what someone without it learns
 * (nothing), and who must ask an administrator instead.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, DEMO_ORGS } from '../../src/demo-seed.js';
import { loginStaff, newPerson, PASSWORD, randomName, randomPhone, smsCode } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const NEW_PASSWORD = 'Forgot#Again7';
const reset = (body: Record<string, unknown>, headers: Record<string, string> = {}) => server.api('POST', '/user/password/reset', { body, headers });
const login = (identifier: string, password: string) => server.api('POST', '/auth/login', { body: { identifier, password } });

describe('忘记密码 reset by a code sent to the phone', () => {
  it('sets the new password, ends every session and a failure lockout, and the code works once', async () => {
    const person = await newPerson(server);
    // locked out by wrong guesses: the reset is the way back in
    for (let i = 0; i < server.platform.ctx.config.auth.maxFailedLogins; i++) expect([401, 423]).toContain((await login(person.idNumber, 'Wrong#Guess1')).status);
    expect((await login(person.idNumber, PASSWORD)).status).toBe(423);

    const code = await smsCode(server, person.phone, 'reset_password');
    // a password the rules refuse is refused before the code is spent (the same code then works)
    const weak = await reset({ phone: person.phone, smsCode: code, newPassword: 'password' });
    expect(weak.status).toBe(400);
    expect(weak.body.field).toBe('newPassword');
    const withPhone = await reset({ phone: person.phone, smsCode: code, newPassword: `Ab#${person.phone}` });
    expect(withPhone.body).toMatchObject({ code: 'user.password_personal', field: 'newPassword' });
    const wrong = await reset({ phone: person.phone, smsCode: code === '000000' ? '111111' : '000000', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'auth.otp_wrong', field: 'smsCode' });

    const done = await reset({ phone: person.phone, smsCode: code, newPassword: NEW_PASSWORD });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toEqual({ reset: true });
    expect((await server.api('GET', '/user/me', { token: person.accessToken })).status).toBe(401);
    expect((await login(person.idNumber, PASSWORD)).status).toBe(401);
    expect((await login(person.idNumber, NEW_PASSWORD)).status).toBe(200);
    const again = await reset({ phone: person.phone, smsCode: code, newPassword: 'Third#Time88' });
    expect(again.status).toBe(400);
    expect(again.body.field).toBe('smsCode');
    expect((await login(person.idNumber, NEW_PASSWORD)).status).toBe(200);
  });

  it('tells someone without the code nothing about the phone, and its holder that no account has it', async () => {
    const person = await newPerson(server);
    const stranger = randomPhone();
    const known = await reset({ phone: person.phone, smsCode: '123456', newPassword: NEW_PASSWORD });
    const unknown = await reset({ phone: stranger, smsCode: '123456', newPassword: NEW_PASSWORD });
    expect([known.status, known.body.code, known.body.field]).toEqual([unknown.status, unknown.body.code, unknown.body.field]);
    const code = await smsCode(server, stranger, 'reset_password');
    const none = await reset({ phone: stranger, smsCode: code, newPassword: NEW_PASSWORD }, { 'accept-language': 'en' });
    expect(none.status).toBe(404);
    expect(none.body).toMatchObject({ code: 'user.phone_unknown', field: 'phone', detail: 'No account whose password can be reset has this phone number' });
    expect((await login(person.idNumber, PASSWORD)).status).toBe(200);
  });

  it('leaves staff and administrators to an administrator, and an administrator’s lock in place', async () => {
    const province = (await loginStaff(server, 'province_admin')).accessToken;
    const phone = randomPhone();
    const loginName = `reset_admin${randomInt(1e6)}`;
    const staff = await server.api('POST', '/user/accounts', { token: province, body: { kind: 'admin', loginName, name: randomName(), phone, orgId: DEMO_ORGS.zhengzhou.id, password: PASSWORD } });
    expect(staff.status, JSON.stringify(staff.body)).toBe(201);
    expect((await server.api('POST', '/auth/grants', { token: province, body: { accountId: staff.body.id, roleId: BUILT_IN_ROLES.orgAdmin.id } })).status).toBe(201);
    const refused = await reset({ phone, smsCode: await smsCode(server, phone, 'reset_password'), newPassword: NEW_PASSWORD });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('user.reset_by_administrator');
    expect((await login(loginName, PASSWORD)).status).toBe(200);

    const person = await newPerson(server);
    // a lock the account's administrators put (a fixture: no route locks a person's account today)
    await server.platform.ctx.database.rows(sql`update "user".accounts set status = 'locked' where id = ${person.accountId}`);
    const stillLocked = await reset({ phone: person.phone, smsCode: await smsCode(server, person.phone, 'reset_password'), newPassword: NEW_PASSWORD });
    expect(stillLocked.status).toBe(403);
    expect(stillLocked.body.code).toBe('user.account_locked');
  });
});
