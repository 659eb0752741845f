/**
 * Attempt limits under concurrency: a burst of SMS-code guesses, of password logins and of voucher
 * passwords costs as many attempts as it has requests (each is counted before it is compared), so the
 * right secret in the same burst does not get past the limit, nor does its success lift a lockout.
 * And the client's IP is the socket's unless the request comes through a configured proxy, so a
 * made-up X-Forwarded-For neither escapes the per-IP limits nor is written down as the caller's.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type ApiResponse, type TestServer } from '../support/server.js';
import { newPerson, PASSWORD, smsCode } from '../support/factories.js';
import { newPayer, paymentCast, VOUCHER_PASSWORD, type PaymentCast } from '../support/payment.js';

const MAX_FAILED_LOGINS = 5;
/** the five guesses a texted code allows (auth/otp.ts) */
const MAX_OTP_ATTEMPTS = 5;
const MAX_VOUCHER_FAILURES = 5;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { MAX_FAILED_LOGINS: String(MAX_FAILED_LOGINS), LOCKOUT_SEC: '900', VOUCHER_MAX_PASSWORD_FAILURES: String(MAX_VOUCHER_FAILURES) } });
}, 120_000);
afterAll(() => server?.close());

/**
 * Opens `n` keep-alive connections first, so that a burst after it reaches the server at once, as
 * from an attacker holding them open, rather than one connection set-up after another.
 */
const warmConnections = (target: TestServer, n: number) => Promise.all(Array.from({ length: n }, () => fetch(`${target.url}/healthz`).then((r) => r.text())));

const codesOf = (answers: ApiResponse[]) => answers.map((a) => (a.status === 200 || a.status === 204 ? 'ok' : String(a.body?.code)));
const count = (codes: string[], code: string) => codes.filter((c) => c === code).length;

describe('SMS login codes under a concurrent burst', () => {
  it('compares at most five guesses of one code: the right one among 61 at once does not log in after the fifth', async () => {
    const person = await newPerson(server);
    const code = await smsCode(server, person.phone, 'login');
    const wrong = code === '000000' ? '111111' : '000000';
    const guesses = Array.from({ length: 61 }, (_, i) => (i === 20 ? code : wrong));
    await warmConnections(server, guesses.length);
    const codes = codesOf(await Promise.all(guesses.map((c) => server.api('POST', '/auth/login/sms', { body: { phone: person.phone, code: c } }))));
    // Twenty guesses went before the right one: it came long after the fifth counted attempt.
    expect(codes[20]).not.toBe('ok');
    expect(count(codes, 'ok')).toBe(0);
    // Compared: the wrong guesses told how many are left (at most four) and the one that burnt the code.
    expect(count(codes, 'auth.otp_wrong')).toBeLessThanOrEqual(MAX_OTP_ATTEMPTS - 1);
    expect(count(codes, 'auth.otp_wrong') + count(codes, 'auth.otp_exhausted') + count(codes, 'auth.otp_expired')).toBe(61);
    // The code is spent: the right one alone does not log in either.
    const late = await server.api('POST', '/auth/login/sms', { body: { phone: person.phone, code } });
    expect(late.body.code).toBe('auth.otp_expired');
  });
});

describe('password lockout under a concurrent burst', () => {
  const login = (identifier: string, password: string) => server.api('POST', '/auth/login', { body: { identifier, password } });

  it('20 wrong passwords at once lock the account: the right one after them is refused', async () => {
    const person = await newPerson(server);
    await warmConnections(server, 20);
    const codes = codesOf(await Promise.all(Array.from({ length: 20 }, (_, i) => login(person.idNumber, `Wrong#Pass${i}`))));
    // Four wrong guesses were told so; the fifth and every later one found the account locked.
    expect(count(codes, 'auth.bad_credentials')).toBe(MAX_FAILED_LOGINS - 1);
    expect(count(codes, 'auth.account_locked')).toBe(20 - (MAX_FAILED_LOGINS - 1));
    const right = await login(person.idNumber, PASSWORD);
    expect(right.status).toBe(423);
    expect(right.body.code).toBe('auth.account_locked');
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(right.headers.get('retry-after'))).toBeLessThanOrEqual(900);
  });

  it('a mixed burst (20 wrong, the right one last) compares at most the limit and leaves the account locked', async () => {
    const person = await newPerson(server);
    const passwords = [...Array.from({ length: 20 }, (_, i) => `Wrong#Pass${i}`), PASSWORD];
    await warmConnections(server, passwords.length);
    const codes = codesOf(await Promise.all(passwords.map((p) => login(person.idNumber, p))));
    // Twenty attempts went before the right one: it came after the limit and is not even compared.
    expect(codes[20]).toBe('auth.account_locked');
    // Each attempt answered 200 or 401 was compared before the lockout; so was at most one 423
    // (the failure that reached the limit). Together they are at most the limit.
    expect(count(codes, 'ok') + count(codes, 'auth.bad_credentials')).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    expect(count(codes, 'ok') + count(codes, 'auth.bad_credentials') + count(codes, 'auth.account_locked')).toBe(21);
    // Whatever the right one answered in the burst, the 16 attempts beyond the limit locked the account.
    const after = await login(person.idNumber, PASSWORD);
    expect(after.status).toBe(423);
    expect(after.body.code).toBe('auth.account_locked');
  });
});

describe('voucher password under a concurrent burst', () => {
  let cast: PaymentCast;
  beforeAll(async () => {
    cast = await paymentCast(server, '凭证密码并发');
  });

  it('15 wrong passwords and the right one at once: the lockout holds, and the right one does not lift it', async () => {
    const payer = await newPayer(server, cast);
    const change = (oldPassword: string) => server.api('POST', '/voucher/password', { token: payer.token, body: { oldPassword, newPassword: '369147' } });
    const passwords = [...Array.from({ length: 15 }, (_, i) => String(470_000 + i)), VOUCHER_PASSWORD];
    await warmConnections(server, passwords.length);
    const answers = await Promise.all(passwords.map(change));
    const codes = codesOf(answers);
    // Compared before the lockout: the right one if it passed and the wrong ones told how many are left.
    expect(count(codes, 'ok') + count(codes, 'voucher.password_wrong')).toBeLessThanOrEqual(MAX_VOUCHER_FAILURES);
    expect(count(codes, 'ok') + count(codes, 'voucher.password_wrong') + count(codes, 'voucher.password_locked')).toBe(16);
    const remaining = answers.filter((a) => a.body?.code === 'voucher.password_wrong').map((a) => Number(/\d+/.exec(a.body.detail)![0]));
    expect(new Set(remaining).size).toBe(remaining.length);
    // Still locked, for the old password and for the new one alike, and the voucher says so.
    for (const password of [VOUCHER_PASSWORD, '369147']) {
      const alone = await change(password);
      expect(alone.status).toBe(423);
      expect(alone.body.code).toBe('voucher.password_locked');
      expect(Number(alone.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect((await server.api('GET', '/voucher/me', { token: payer.token })).body.passwordLocked).toBe(true);
  });
});

describe('client IP behind proxies', () => {
  const forged = () => `198.51.${randomInt(0, 256)}.${randomInt(1, 255)}`;

  /** The IP the login history and the audit log wrote down for a password login sent with `X-Forwarded-For`. */
  async function recordedIps(target: TestServer, xForwardedFor: string) {
    const person = await newPerson(target);
    const login = await target.api('POST', '/auth/login', { body: { identifier: person.idNumber, password: PASSWORD }, headers: { 'x-forwarded-for': xForwardedFor } });
    expect(login.status).toBe(200);
    const history = await target.api('GET', '/auth/history', { token: login.body.accessToken });
    await target.platform.ctx.audit.flush();
    const [audit] = await target.platform.ctx.database.rows<{ ip: string | null }>(sql`select ip from audit.records where request_id = ${login.headers.get('x-request-id')}`);
    return { history: history.body.items[0].ip as string, audit: audit?.ip };
  }

  /** 12 password logins of an unknown account, each from a different made-up forwarded address. */
  const spoofedBurst = (target: TestServer) =>
    Promise.all(Array.from({ length: 12 }, () => target.api('POST', '/auth/login', { body: { identifier: 'nobody_here', password: 'Wrong#Pass1' }, headers: { 'x-forwarded-for': forged() } })));

  // A per-IP limit of five logins a minute; one server believes no proxy (the default), one believes 127.0.0.1.
  let direct: TestServer;
  let proxied: TestServer;
  beforeAll(async () => {
    [direct, proxied] = await Promise.all([
      startTestServer({ env: { LOGIN_PER_IP_PER_MINUTE: '5' }, seed: false }),
      startTestServer({ env: { LOGIN_PER_IP_PER_MINUTE: '5', TRUSTED_PROXIES: '127.0.0.1' }, seed: false }),
    ]);
    // Two more platforms, each with its own PGlite to migrate on that path.
  }, 180_000);
  afterAll(() => Promise.all([direct?.close(), proxied?.close()]));

  it('by default believes no X-Forwarded-For: the per-IP limit holds and the socket address is recorded', async () => {
    expect(await recordedIps(direct, '203.0.113.7')).toEqual({ history: '127.0.0.1', audit: '127.0.0.1' });
    // 12 logins fall into at most two one-minute windows, so one of them holds more than five.
    const statuses = (await spoofedBurst(direct)).map((a) => a.status);
    expect(statuses).toContain(429);
  });

  it('believes X-Forwarded-For from a configured proxy (TRUSTED_PROXIES)', async () => {
    expect(await recordedIps(proxied, '203.0.113.7')).toEqual({ history: '203.0.113.7', audit: '203.0.113.7' });
    // Behind the proxy every client has its own limit.
    const statuses = (await spoofedBurst(proxied)).map((a) => a.status);
    expect(statuses.every((s) => s === 401)).toBe(true);
    // The client is the address the proxy appended last, not what the client itself put in front.
    expect(await recordedIps(proxied, '10.9.8.7, 203.0.113.9')).toMatchObject({ history: '203.0.113.9' });
  });
});
