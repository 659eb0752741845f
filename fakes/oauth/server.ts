/**
 * Fake 第三方登录 OAuth provider (微信 WeChat / 支付宝 Alipay style). In real
 * life the user authorises in the provider's app and comes back with a code:
 * here on the fake's phone-width authorization page (GET /oauth/authorize, 同意
 * Allow / 拒绝 Deny, the open id to act as in a field), or tests mint the code
 * directly; the platform then exchanges it once.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  badRequest,
  startFakeServer,
  stringField,
  type FakeHandle,
  type FakeServerOptions,
  type RouteRegistrar,
} from '../shared/fake-server.js';

export type FakeOAuthProvider = 'wechat' | 'alipay';

export interface FakeOAuthOptions extends FakeServerOptions {
  provider: FakeOAuthProvider;
  /** Codes expire like WeChat's (5 minutes) unless told otherwise. */
  codeTtlMs?: number;
  /** The open id the authorization page offers (the user signed in to the provider's app); the person may change it. */
  defaultOpenId?: string;
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

    registerAuthorizePage(r, opts.provider, issueCode, opts.defaultOpenId);
  });

  return { ...handle, provider: opts.provider, issueCode, codes };
}

const NAMES: Record<FakeOAuthProvider, string> = { wechat: '微信 WeChat', alipay: '支付宝 Alipay' };

/**
 * 网页授权 the provider's authorization page: `GET /oauth/authorize?app_id&redirect_uri&state`
 * shows who asks and the account to use; 同意 Allow sends the browser to `redirect_uri` with a fresh
 * code and the state, 拒绝 Deny with `error=access_denied` and the state. `redirect_uri` must be an
 * http(s) URL without credentials, or the page refuses to send anyone anywhere.
 */
function registerAuthorizePage(r: RouteRegistrar, provider: FakeOAuthProvider, issueCode: (openId: string) => string, defaultOpenId?: string) {
  const html = (reply: FastifyReply, status: number, body: string) => reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(authorizePage(NAMES[provider], body));
  const invalid = (reply: FastifyReply) => html(reply, 400, '<p data-testid="oauth-error">回调地址无效 Invalid redirect_uri</p>');

  r.open('GET', '/oauth/authorize', (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const back = redirectUriOf(q.redirect_uri);
    if (!back) return invalid(reply);
    const state = typeof q.state === 'string' ? q.state.slice(0, 128) : '';
    const app = typeof q.app_id === 'string' ? q.app_id.slice(0, 64) : '';
    const openId = defaultOpenId ?? `o${randomBytes(8).toString('hex')}`;
    return html(
      reply,
      200,
      `<p class="who">应用 <b data-testid="oauth-app">${escapeHtml(app)}</b> 申请使用你的${escapeHtml(NAMES[provider])}账号登录<br>${escapeHtml(app)} asks to log you in with this account</p>
<p class="where">${escapeHtml(new URL(back).origin)}</p>
<form method="post" action="/oauth/authorize">
  <label>账号 open id <input name="openId" value="${escapeHtml(openId)}" maxlength="64" required data-testid="oauth-openid"></label>
  <input type="hidden" name="redirect_uri" value="${escapeHtml(back)}">
  <input type="hidden" name="state" value="${escapeHtml(state)}">
  <button type="submit" name="outcome" value="allow" class="allow" data-testid="oauth-allow">同意 Allow</button>
  <button type="submit" name="outcome" value="deny" data-testid="oauth-deny">拒绝 Deny</button>
</form>`,
    );
  });

  r.open('POST', '/oauth/authorize', (req: FastifyRequest, reply, body) => {
    const back = redirectUriOf(stringField(body, 'redirect_uri'));
    if (!back) return invalid(reply);
    const outcome = stringField(body, 'outcome');
    const openId = stringField(body, 'openId')?.trim();
    if (outcome !== 'allow' && outcome !== 'deny') return html(reply, 400, '<p data-testid="oauth-error">outcome: allow | deny</p>');
    if (outcome === 'allow' && !openId) return html(reply, 400, '<p data-testid="oauth-error">请填写账号 open id is required</p>');
    const url = new URL(back);
    if (outcome === 'allow') url.searchParams.set('code', issueCode(openId!));
    else url.searchParams.set('error', 'access_denied');
    const state = stringField(body, 'state');
    if (state) url.searchParams.set('state', state);
    return reply.redirect(url.toString(), 303);
  });
}

/** The redirect URI when it is an http(s) URL without credentials; else null. */
export function redirectUriOf(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password ? url.toString() : null;
  } catch {
    return null;
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function authorizePage(name: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(name)} 授权登录 Authorize</title>
<style>body{font-family:system-ui,sans-serif;margin:0;padding:24px 16px;max-width:480px;margin-inline:auto;color:#222}h1{font-size:18px;font-weight:600}
.who{font-size:16px;line-height:1.6}.where{color:#555;word-break:break-all}form{display:flex;flex-direction:column;gap:12px;margin-top:24px}
label{display:flex;flex-direction:column;gap:6px;color:#444}input{font-size:16px;min-height:44px;padding:0 10px;border:1px solid #bbb;border-radius:8px}
button{display:block;box-sizing:border-box;width:100%;min-height:48px;font-size:17px;border-radius:8px;border:1px solid #ccc;background:#fff;color:#222}
button.allow{background:#07c160;border-color:#07c160;color:#fff}</style></head>
<body><h1>${escapeHtml(name)} · 授权登录 Authorize</h1>${body}</body></html>`;
}
