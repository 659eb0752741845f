/**
 * Fake 第三方登录 OAuth provider (微信 WeChat / 支付宝 Alipay style). In real
 * life the user authorises in the provider's app and comes back with a code;
 * here tests mint that code directly, then the platform exchanges it once.
 */
import { randomBytes } from 'node:crypto';
import {
  badRequest,
  startFakeServer,
  stringField,
  type FakeHandle,
  type FakeServerOptions,
} from '../shared/fake-server.js';

export type FakeOAuthProvider = 'wechat' | 'alipay';

export interface FakeOAuthOptions extends FakeServerOptions {
  provider: FakeOAuthProvider;
  /** Codes expire like WeChat's (5 minutes) unless told otherwise. */
  codeTtlMs?: number;
}

export interface IssuedCode {
  code: string;
  openId: string;
  unionId?: string;
  expiresAt: number;
  used: boolean;
}

export interface FakeOAuth extends FakeHandle {
  readonly provider: FakeOAuthProvider;
  /** Mint a one-time authorization code, as if the user had just authorised. */
  issueCode(openId: string, opts?: { unionId?: string }): string;
  readonly codes: ReadonlyMap<string, IssuedCode>;
}

const DEFAULT_CODE_TTL_MS = 5 * 60_000;

export async function startFakeOAuth(opts: FakeOAuthOptions): Promise<FakeOAuth> {
  const ttlMs = opts.codeTtlMs ?? DEFAULT_CODE_TTL_MS;
  const codes = new Map<string, IssuedCode>();

  const issueCode = (openId: string, extra: { unionId?: string } = {}): string => {
    const code = randomBytes(16).toString('hex');
    codes.set(code, {
      code,
      openId,
      ...(extra.unionId ? { unionId: extra.unionId } : {}),
      expiresAt: Date.now() + ttlMs,
      used: false,
    });
    return code;
  };

  const handle = await startFakeServer(opts, (r) => {
    // Test-only: stands in for the user authorising in the provider's app.
    r.open('POST', '/v1/oauth/codes', (_req, reply, body) => {
      const openId = stringField(body, 'openId');
      const unionId = stringField(body, 'unionId');
      if (!openId) return badRequest(reply, 'openId is required');
      return { code: issueCode(openId, unionId ? { unionId } : {}) };
    });

    r.signed('POST', '/v1/oauth/token', (_req, reply, body) => {
      const code = stringField(body, 'code');
      if (!code) return badRequest(reply, 'code is required');
      const issued = codes.get(code);
      // One error for unknown, used and expired codes, as real providers do (e.g. WeChat 40029/40163).
      if (!issued || issued.used || issued.expiresAt <= Date.now()) {
        return badRequest(reply, 'authorization code is invalid, used or expired', 'invalid_code');
      }
      issued.used = true;
      return {
        provider: opts.provider,
        openId: issued.openId,
        ...(issued.unionId ? { unionId: issued.unionId } : {}),
      };
    });
  });

  return { ...handle, provider: opts.provider, issueCode, codes };
}
