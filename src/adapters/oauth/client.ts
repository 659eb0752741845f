/**
 * 第三方登录 third-party OAuth adapter (WeChat 微信 / Alipay 支付宝 style):
 * exchanges a one-time authorization code for the user's open id.
 */
import { Type } from '@sinclair/typebox';
import { AdapterError } from '../errors.js';
import { callSigned, joinUrl, type PartyConfig } from '../http.js';

export type OAuthProvider = 'wechat' | 'alipay';

export interface OAuthClientConfig extends PartyConfig {
  provider: OAuthProvider;
}

const TokenResponse = Type.Object({
  provider: Type.Union([Type.Literal('wechat'), Type.Literal('alipay')]),
  openId: Type.String({ minLength: 1 }),
  unionId: Type.Optional(Type.String({ minLength: 1 })),
});

export interface OAuthIdentity {
  provider: OAuthProvider;
  /** Stable per (provider app, user); the key to bind to a platform account. */
  openId: string;
  /** Stable across the provider's apps of one developer, when the provider discloses it. */
  unionId?: string;
}

export interface OAuthClient {
  readonly provider: OAuthProvider;
  /** Codes are single-use: a second exchange fails with AdapterError code 'rejected'. */
  exchangeCode(code: string): Promise<OAuthIdentity>;
  /**
   * The provider's authorization page (网页授权) for a browser: the user consents there and is sent to
   * `redirectUri` with `code` and `state` (or `error=access_denied` and `state`).
   */
  authorizeUrl(redirectUri: string, state: string): string;
}

export function createOAuthClient(config: OAuthClientConfig): OAuthClient {
  return {
    provider: config.provider,
    authorizeUrl(redirectUri, state) {
      const url = joinUrl(config.baseUrl, '/oauth/authorize');
      url.searchParams.set('app_id', config.appId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('state', state);
      return url.toString();
    },
    async exchangeCode(code) {
      const body = await callSigned({
        party: 'oauth',
        config,
        method: 'POST',
        path: '/v1/oauth/token',
        body: { code },
        responseSchema: TokenResponse,
      });
      // Guards against wiring the WeChat client to the Alipay endpoint: open ids
      // from the wrong provider would bind accounts to the wrong identity space.
      if (body.provider !== config.provider) {
        throw new AdapterError({
          party: 'oauth',
          code: 'bad_response',
          status: 200,
          message: `oauth: expected provider ${config.provider}, got ${body.provider}`,
        });
      }
      return body.unionId === undefined
        ? { provider: body.provider, openId: body.openId }
        : { provider: body.provider, openId: body.openId, unionId: body.unionId };
    },
  };
}
