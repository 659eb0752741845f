/**
 * 网页授权登录 WeChat / Alipay login started in a browser: the platform's state is one-time,
 * short-lived, bound to the starting browser's verifier and to the provider; the callback passes a
 * code on to the hall only with a live state, and only to a path on its own origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { newPerson } from '../support/factories.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ seed: false });
});
afterAll(() => server?.close());

async function bound(provider: 'wechat' | 'alipay') {
  const person = await newPerson(server);
  const openId = `o_web_${Math.random().toString(36).slice(2)}`;
  expect((await server.api('POST', '/auth/bindings', { token: person.accessToken, body: { provider, code: server.fakes[provider].issueCode(openId) } })).status).toBe(201);
  return { person, openId };
}

const start = async (provider: 'wechat' | 'alipay') => {
  const res = await server.api('POST', `/auth/oauth/${provider}/authorize`);
  expect(res.status).toBe(200);
  return res.body as { authorizeUrl: string; state: string; verifier: string; expiresIn: number };
};

/** What the provider's page does on 同意: a code for the open id, back to redirect_uri with the state. */
async function consent(authorizeUrl: string, openId: string) {
  const url = new URL(authorizeUrl);
  const res = await fetch(`${url.origin}/oauth/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ redirect_uri: url.searchParams.get('redirect_uri')!, state: url.searchParams.get('state')!, openId, outcome: 'allow' }).toString(),
    redirect: 'manual',
  });
  expect(res.status).toBe(303);
  return new URL(res.headers.get('location')!);
}

describe('browser authorization (网页授权)', () => {
  it('starts at the provider with a state, calls back into the hall and logs in once with state and verifier', async () => {
    const { person, openId } = await bound('wechat');
    const started = await start('wechat');
    expect(started.expiresIn).toBe(300);
    const authorize = new URL(started.authorizeUrl);
    expect(authorize.origin).toBe(new URL(server.fakes.wechat.url).origin);
    expect(authorize.searchParams.get('state')).toBe(started.state);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${server.url}/api/v1/auth/oauth/wechat/callback`);
    expect(started.authorizeUrl).not.toContain(started.verifier);

    const callback = await consent(started.authorizeUrl, openId);
    expect(callback.toString().startsWith(`${server.url}/api/v1/auth/oauth/wechat/callback?`)).toBe(true);
    const toHall = await fetch(callback, { redirect: 'manual' });
    expect(toHall.status).toBe(303);
    const hall = toHall.headers.get('location')!;
    expect(hall.startsWith('/#/login?')).toBe(true); // a path: the same origin as the callback
    const params = new URLSearchParams(hall.slice('/#/login?'.length));
    expect(params.get('oauth')).toBe('wechat');
    expect(params.get('state')).toBe(started.state);

    const login = await server.api('POST', '/auth/login/third-party', { body: { provider: 'wechat', code: params.get('code'), state: started.state, verifier: started.verifier } });
    expect(login.status).toBe(200);
    const me = await server.api('GET', '/user/me', { token: login.body.accessToken });
    expect(me.body.id).toBe(person.accountId);

    // The state is spent: a second code with it is refused before the code is exchanged.
    const code = server.fakes.wechat.issueCode(openId);
    const reused = await server.api('POST', '/auth/login/third-party', { body: { provider: 'wechat', code, state: started.state, verifier: started.verifier } });
    expect(reused.status).toBe(400);
    expect(reused.body.code).toBe('auth.oauth_state_invalid');
    expect(reused.body.field).toBe('state');
    expect(server.fakes.wechat.codes.get(code)?.used).toBe(false);
  });

  it('refuses a wrong verifier, another provider’s state, an unknown or expired state, and spends the state on a refusal', async () => {
    const { openId } = await bound('alipay');
    const refuse = async (body: Record<string, unknown>) => {
      const res = await server.api('POST', '/auth/login/third-party', { body: { provider: 'alipay', code: server.fakes.alipay.issueCode(openId), ...body } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('auth.oauth_state_invalid');
    };

    const stolen = await start('alipay');
    await refuse({ state: stolen.state, verifier: 'not-this-browser' });
    await refuse({ state: stolen.state, verifier: stolen.verifier }); // the refusal spent it

    const noVerifier = await start('alipay');
    await refuse({ state: noVerifier.state });

    const wechats = await start('wechat');
    await refuse({ state: wechats.state, verifier: wechats.verifier });

    await refuse({ state: 'f'.repeat(32), verifier: 'x' });

    const expired = await start('alipay');
    await server.platform.ctx.cache.del(`oauth:state:${expired.state}`); // what the five minutes' TTL does
    await refuse({ state: expired.state, verifier: expired.verifier });

    // Two tabs racing with one state: one login.
    const raced = await start('alipay');
    const both = await Promise.all(
      [0, 1].map(() => server.api('POST', '/auth/login/third-party', { body: { provider: 'alipay', code: server.fakes.alipay.issueCode(openId), state: raced.state, verifier: raced.verifier } })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it('the callback withholds the code without a live state, and passes a refusal on', async () => {
    const { openId } = await bound('wechat');
    const code = server.fakes.wechat.issueCode(openId);
    const forged = await fetch(`${server.url}/api/v1/auth/oauth/wechat/callback?code=${code}&state=${'a'.repeat(32)}`, { redirect: 'manual' });
    expect(forged.status).toBe(303);
    expect(forged.headers.get('location')).toBe(`/#/login?oauth=wechat&error=state_invalid&state=${'a'.repeat(32)}`);

    const alipayState = (await start('alipay')).state;
    const crossed = await fetch(`${server.url}/api/v1/auth/oauth/wechat/callback?code=${code}&state=${alipayState}`, { redirect: 'manual' });
    expect(crossed.headers.get('location')).not.toContain(code);

    const started = await start('wechat');
    const denied = await fetch(`${server.url}/api/v1/auth/oauth/wechat/callback?error=access_denied&state=${started.state}`, { redirect: 'manual' });
    expect(denied.headers.get('location')).toBe(`/#/login?oauth=wechat&error=access_denied&state=${started.state}`);
    const odd = await fetch(`${server.url}/api/v1/auth/oauth/wechat/callback?error=${encodeURIComponent('<script>')}`, { redirect: 'manual' });
    expect(odd.headers.get('location')).toBe('/#/login?oauth=wechat&error=access_denied');
  });

  it('an open id bound to no account is a plain 404 naming the code', async () => {
    const started = await start('wechat');
    const res = await server.api('POST', '/auth/login/third-party', {
      body: { provider: 'wechat', code: server.fakes.wechat.issueCode(`o_nobody_${Date.now()}`), state: started.state, verifier: started.verifier },
    });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('auth.third_party_unbound');
    expect(res.body.field).toBe('code');
  });
});
