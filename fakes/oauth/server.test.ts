import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOAuthClient } from '../../src/adapters/oauth/client.js';
import { startFakeOAuth, type FakeOAuth } from './server.js';

const creds = { appId: 'yibao', secret: 'oauth-secret' };
const back = 'https://yibao.example/api/v1/auth/oauth/wechat/callback';

/** The browser-facing side of the fake: the authorization page an e2e test clicks through. */
describe('fake OAuth provider authorization page', () => {
  let fake: FakeOAuth;
  const client = () => createOAuthClient({ provider: 'wechat', baseUrl: fake.url, ...creds });
  const post = (fields: Record<string, string>) =>
    fetch(`${fake.url}/oauth/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });

  beforeAll(async () => {
    fake = await startFakeOAuth({ ...creds, provider: 'wechat', defaultOpenId: 'o_preset' });
  });
  afterAll(() => fake.close());

  it('serves a phone-width page naming the app, with the preset open id, 同意 and 拒绝', async () => {
    const res = await fetch(client().authorizeUrl(back, 'abc123'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('name="viewport" content="width=device-width');
    expect(html).toContain('data-testid="oauth-app">yibao<');
    expect(html).toContain('value="o_preset" maxlength="64" required data-testid="oauth-openid"');
    expect(html).toContain(`name="redirect_uri" value="${back}"`);
    expect(html).toContain('name="state" value="abc123"');
    expect(html).toMatch(/data-testid="oauth-allow">同意/);
    expect(html).toMatch(/data-testid="oauth-deny">拒绝/);
  });

  it('同意 redirects back with a code for the open id and the state; the code is exchanged once', async () => {
    const res = await post({ redirect_uri: `${back}?keep=1`, state: 'abc123', openId: 'o_someone', outcome: 'allow' });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(back);
    expect(location.searchParams.get('keep')).toBe('1');
    expect(location.searchParams.get('state')).toBe('abc123');
    const code = location.searchParams.get('code')!;
    expect(await client().exchangeCode(code)).toEqual({ provider: 'wechat', openId: 'o_someone' });
    await expect(client().exchangeCode(code)).rejects.toMatchObject({ code: 'rejected' });
  });

  it('拒绝 redirects back with error=access_denied and the state, and no code', async () => {
    const before = fake.codes.size;
    const res = await post({ redirect_uri: back, state: 'abc123', openId: 'o_someone', outcome: 'deny' });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('abc123');
    expect(location.searchParams.has('code')).toBe(false);
    expect(fake.codes.size).toBe(before);
  });

  it('refuses to send anyone to a redirect_uri that is not a plain http(s) URL', async () => {
    for (const bad of ['javascript:alert(1)', '/relative', 'https://user:pw@yibao.example/cb', '']) {
      const page = await fetch(`${fake.url}/oauth/authorize?app_id=yibao&state=s&redirect_uri=${encodeURIComponent(bad)}`);
      expect(page.status).toBe(400);
      const posted = await post({ redirect_uri: bad, state: 's', openId: 'o', outcome: 'allow' });
      expect(posted.status).toBe(400);
      expect(posted.headers.get('location')).toBeNull();
    }
  });
});
