import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginStaff, newPerson, PASSWORD, smsCode } from '../support/factories.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { MAX_FAILED_LOGINS: '3', LOCKOUT_SEC: '600' } });
});
afterAll(() => server?.close());

describe('password login and lockout', () => {
  it('logs in by identity number or phone, and records the history', async () => {
    const person = await newPerson(server);
    const byPhone = await server.api('POST', '/auth/login', { body: { identifier: person.phone, password: PASSWORD } });
    expect(byPhone.status).toBe(200);
    const history = await server.api('GET', '/auth/history', { token: person.accessToken });
    expect(history.status).toBe(200);
    expect(history.body.total).toBeGreaterThanOrEqual(2);
    expect(history.body.items[0]).toMatchObject({ method: 'password', channel: 'web', result: 'success', ip: '127.0.0.1' });
  });

  it('locks the account after repeated failures, even for the right password, and says until when', async () => {
    const person = await newPerson(server);
    for (let i = 0; i < 2; i++) {
      const wrong = await server.api('POST', '/auth/login', { body: { identifier: person.idNumber, password: 'Wrong#Pass1' } });
      expect(wrong.status).toBe(401);
      expect(wrong.body.code).toBe('auth.bad_credentials');
    }
    const third = await server.api('POST', '/auth/login', { body: { identifier: person.idNumber, password: 'Wrong#Pass1' } });
    expect(third.status).toBe(423);
    const right = await server.api('POST', '/auth/login', { body: { identifier: person.idNumber, password: PASSWORD }, headers: { 'accept-language': 'en' } });
    expect(right.status).toBe(423);
    expect(right.body.code).toBe('auth.account_locked');
    expect(right.body.detail).toMatch(/locked for 10 minutes \(until \d{4}-/);
    expect(right.headers.get("retry-after")).toMatch(/^\d+$/);
    const history = await server.api('GET', '/auth/history', { token: person.accessToken });
    expect(history.body.items.filter((i: { result: string }) => i.result === 'failure').length).toBeGreaterThanOrEqual(4);
  });

  it('answers an unknown account like a wrong password', async () => {
    const response = await server.api('POST', '/auth/login', { body: { identifier: 'nobody_here', password: 'Wrong#Pass1' } });
    expect(response.status).toBe(401);
    expect(response.body.code).toBe('auth.bad_credentials');
  });

  it('logs in with an SMS code once; the same code does not work twice', async () => {
    const person = await newPerson(server);
    const code = await smsCode(server, person.phone, 'login');
    const first = await server.api('POST', '/auth/login/sms', { body: { phone: person.phone, code } });
    expect(first.status).toBe(200);
    const again = await server.api('POST', '/auth/login/sms', { body: { phone: person.phone, code } });
    expect(again.status).toBe(400);
    expect(again.body.field).toBe('code');
  });

  it('a code sent for registration does not log in', async () => {
    const person = await newPerson(server);
    const code = await smsCode(server, person.phone, 'register');
    const response = await server.api('POST', '/auth/login/sms', { body: { phone: person.phone, code } });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('auth.otp_expired');
  });

  it('limits codes per phone and burns a code after five wrong guesses', async () => {
    const strict = await startTestServer({ env: { OTP_RESEND_SEC: '60' }, seed: false });
    try {
      const person = await newPerson(strict);
      const again = await strict.api('POST', '/auth/sms/send', { body: { phone: person.phone, purpose: 'login' } });
      expect(again.status).toBe(429);
      expect(again.headers.get('retry-after')).toBe('60');
    } finally {
      await strict.close();
    }
    const other = await newPerson(server);
    const code = await smsCode(server, other.phone, 'login');
    const wrong = code === '000000' ? '111111' : '000000';
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await server.api('POST', '/auth/login/sms', { body: { phone: other.phone, code: wrong } })).body.code);
    expect(answers).toEqual(['auth.otp_wrong', 'auth.otp_wrong', 'auth.otp_wrong', 'auth.otp_wrong', 'auth.otp_exhausted']);
    const late = await server.api('POST', '/auth/login/sms', { body: { phone: other.phone, code } });
    expect(late.body.code).toBe('auth.otp_expired');
  });
});

describe('refresh tokens', () => {
  it('rotates, and a reused refresh token revokes the whole family', async () => {
    const person = await newPerson(server);
    const first = await server.api('POST', '/auth/token/refresh', { body: { refreshToken: person.refreshToken } });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(person.refreshToken);
    const reuse = await server.api('POST', '/auth/token/refresh', { body: { refreshToken: person.refreshToken } });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('auth.refresh_reused');
    // The thief's and the owner's newer tokens die with the family.
    const newer = await server.api('POST', '/auth/token/refresh', { body: { refreshToken: first.body.refreshToken } });
    expect(newer.status).toBe(401);
    const me = await server.api('GET', '/user/me', { token: first.body.accessToken });
    expect(me.status).toBe(401);
  });

  it('two racing refreshes with one token: exactly one wins', async () => {
    const person = await newPerson(server);
    const results = await Promise.all([1, 2].map(() => server.api('POST', '/auth/token/refresh', { body: { refreshToken: person.refreshToken } })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('logout ends the session at once; logout-all ends every session', async () => {
    const person = await newPerson(server);
    const second = await server.api('POST', '/auth/login', { body: { identifier: person.phone, password: PASSWORD } });
    expect((await server.api('POST', '/auth/logout', { token: person.accessToken })).status).toBe(204);
    expect((await server.api('GET', '/user/me', { token: person.accessToken })).status).toBe(401);
    expect((await server.api('GET', '/user/me', { token: second.body.accessToken })).status).toBe(200);
    const third = await server.api('POST', '/auth/login', { body: { identifier: person.phone, password: PASSWORD } });
    const all = await server.api('POST', '/auth/logout-all', { token: third.body.accessToken });
    expect(all.body.revoked).toBe(2);
    expect((await server.api('GET', '/user/me', { token: second.body.accessToken })).status).toBe(401);
    expect((await server.api('POST', '/auth/token/refresh', { body: { refreshToken: second.body.refreshToken } })).status).toBe(401);
  });

  it('refuses a forged or garbage access token', async () => {
    const person = await newPerson(server);
    const [v, body, mac] = person.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = `${v}.${Buffer.from(JSON.stringify({ ...claims, knd: 'admin', opa: '/org_national/' })).toString('base64url')}.${mac}`;
    expect((await server.api('GET', '/user/accounts', { token: forged })).status).toBe(401);
    expect((await server.api('GET', '/user/me', { token: 'nonsense' })).status).toBe(401);
    expect((await server.api('GET', '/user/me')).status).toBe(401);
  });
});

describe('idle timeout', () => {
  it('ends a session left idle past the timeout', async () => {
    const idle = await startTestServer({ env: { IDLE_TIMEOUT_SEC: '1' }, seed: false });
    try {
      const person = await newPerson(idle);
      expect((await idle.api('GET', '/user/me', { token: person.accessToken })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1500));
      const after = await idle.api('GET', '/user/me', { token: person.accessToken });
      expect(after.status).toBe(401);
      expect((await idle.api('POST', '/auth/token/refresh', { body: { refreshToken: person.refreshToken } })).status).toBe(401);
    } finally {
      await idle.close();
    }
  });
});

describe('a person sees only their own data', () => {
  it('cannot read another person by changing the id, nor list accounts', async () => {
    const alice = await newPerson(server);
    const bob = await newPerson(server);
    expect((await server.api('GET', `/user/accounts/${alice.accountId}`, { token: alice.accessToken })).status).toBe(200);
    const peek = await server.api('GET', `/user/accounts/${bob.accountId}`, { token: alice.accessToken });
    expect(peek.status).toBe(404);
    expect(JSON.stringify(peek.body)).not.toContain(bob.idNumber.slice(6, 14));
    expect((await server.api('GET', '/user/accounts', { token: alice.accessToken })).status).toBe(403);
    expect((await server.api('GET', '/auth/orgs', { token: alice.accessToken })).status).toBe(403);
  });

  it('shows identity number and phone masked to the person', async () => {
    const person = await newPerson(server);
    const me = await server.api('GET', '/user/me', { token: person.accessToken });
    expect(me.body.idNumber).toBe(`${person.idNumber.slice(0, 6)}********${person.idNumber.slice(14)}`);
    expect(me.body.phone).toBe(`${person.phone.slice(0, 3)}****${person.phone.slice(7)}`);
    expect(JSON.stringify(me.body)).not.toContain(person.idNumber);
  });
});

describe('personal data at rest', () => {
  it('keeps identity numbers and phones out of the table in plain text, yet finds them', async () => {
    const person = await newPerson(server);
    const rows = await server.platform.ctx.database.rows<Record<string, unknown>>(
      (await import('drizzle-orm')).sql`select * from "user".accounts where id = ${person.accountId}`,
    );
    expect(rows).toHaveLength(1);
    const dump = JSON.stringify(rows[0]);
    expect(dump).not.toContain(person.idNumber);
    expect(dump).not.toContain(person.idNumber.slice(0, 14));
    expect(dump).not.toContain(person.phone);
    expect((await server.api('POST', '/auth/login', { body: { identifier: person.idNumber, password: PASSWORD } })).status).toBe(200);
  });
});

describe('admin', () => {
  it('sees full personal data only with user.pii.read', async () => {
    const person = await newPerson(server);
    const admin = await loginStaff(server, 'sysadmin');
    // Persons belong to no org: out of every admin's scope.
    expect((await server.api('GET', `/user/accounts/${person.accountId}`, { token: admin.accessToken })).status).toBe(404);
  });
});
