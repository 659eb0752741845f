import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOAuth, type FakeOAuth } from '../../../fakes/oauth/server.js';
import { rawRequest, signedHeaders } from '../../../fakes/shared/http-helpers.js';
import { AdapterError } from '../errors.js';
import { createOAuthClient, type OAuthClient } from './client.js';

const creds = { appId: 'yibao', secret: 'oauth-secret' };

describe('OAuth adapter against the fake WeChat provider', () => {
  let wechat: FakeOAuth;
  let client: OAuthClient;

  beforeAll(async () => {
    wechat = await startFakeOAuth({ provider: 'wechat', ...creds });
    client = createOAuthClient({ provider: 'wechat', baseUrl: wechat.url, ...creds });
  });
  afterAll(() => wechat.close());
  afterEach(() => {
    wechat.setLatency(0);
    wechat.tamperNextResponses(0);
  });

  it('exchanges a code minted with issueCode for the open id', async () => {
    const code = wechat.issueCode('o_wx_user_1');
    expect(await client.exchangeCode(code)).toEqual({ provider: 'wechat', openId: 'o_wx_user_1' });
  });

  it('exchanges a code minted over HTTP, including the union id', async () => {
    const minted = await rawRequest(wechat.url, 'POST', '/v1/oauth/codes', {
      body: { openId: 'o_wx_user_2', unionId: 'u_1' },
    });
    expect(minted.status).toBe(200);
    const { code } = minted.body as { code: string };
    expect(await client.exchangeCode(code)).toEqual({ provider: 'wechat', openId: 'o_wx_user_2', unionId: 'u_1' });
  });

  it('accepts a code only once', async () => {
    const code = wechat.issueCode('o_wx_user_3');
    await client.exchangeCode(code);
    const err = await client.exchangeCode(code).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdapterError);
    expect(err).toMatchObject({ party: 'oauth', code: 'rejected', status: 400, upstreamCode: 'invalid_code' });
  });

  it('rejects unknown codes', async () => {
    await expect(client.exchangeCode('made-up')).rejects.toMatchObject({ status: 400, upstreamCode: 'invalid_code' });
  });

  it('answers 401 to unsigned and replayed exchanges', async () => {
    const code = wechat.issueCode('o_wx_user_4');
    expect(await rawRequest(wechat.url, 'POST', '/v1/oauth/token', { body: { code } })).toMatchObject({
      status: 401,
      body: { code: 'missing' },
    });

    const { headers, bodyText } = signedHeaders(creds, 'POST', '/v1/oauth/token', { code });
    expect(await rawRequest(wechat.url, 'POST', '/v1/oauth/token', { body: bodyText, headers })).toMatchObject({
      status: 200,
      body: { openId: 'o_wx_user_4' },
    });
    const replay = await rawRequest(wechat.url, 'POST', '/v1/oauth/token', { body: bodyText, headers });
    expect(replay).toMatchObject({ status: 401, body: { code: 'replay' } });
  });

  it('throws bad_signature on a tampered response signature', async () => {
    wechat.tamperNextResponses();
    await expect(client.exchangeCode(wechat.issueCode('o_wx_user_5'))).rejects.toMatchObject({ code: 'bad_signature' });
  });

  it('throws timeout when the provider is slow', async () => {
    wechat.setLatency(500);
    const impatient = createOAuthClient({ provider: 'wechat', baseUrl: wechat.url, ...creds, timeoutMs: 50 });
    await expect(impatient.exchangeCode(wechat.issueCode('o_wx_user_6'))).rejects.toMatchObject({
      party: 'oauth',
      code: 'timeout',
    });
  });

  it('rejects expired codes', async () => {
    const shortLived = await startFakeOAuth({ provider: 'wechat', ...creds, codeTtlMs: 1 });
    try {
      const code = shortLived.issueCode('o_wx_user_7');
      await new Promise((r) => setTimeout(r, 10));
      const c = createOAuthClient({ provider: 'wechat', baseUrl: shortLived.url, ...creds });
      await expect(c.exchangeCode(code)).rejects.toMatchObject({ upstreamCode: 'invalid_code' });
    } finally {
      await shortLived.close();
    }
  });
});

describe('OAuth adapter against the fake Alipay provider', () => {
  let alipay: FakeOAuth;

  beforeAll(async () => {
    alipay = await startFakeOAuth({ provider: 'alipay', ...creds });
  });
  afterAll(() => alipay.close());

  it('exchanges codes for Alipay user ids', async () => {
    const client = createOAuthClient({ provider: 'alipay', baseUrl: alipay.url, ...creds });
    expect(await client.exchangeCode(alipay.issueCode('2088000000000001'))).toEqual({
      provider: 'alipay',
      openId: '2088000000000001',
    });
  });

  it('refuses identities from a provider other than the configured one', async () => {
    const misWired = createOAuthClient({ provider: 'wechat', baseUrl: alipay.url, ...creds });
    await expect(misWired.exchangeCode(alipay.issueCode('2088000000000002'))).rejects.toMatchObject({
      code: 'bad_response',
    });
  });
});
