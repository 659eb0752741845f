import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../kernel/context.js';
import { requireActor, ACCOUNT_KINDS } from '../../kernel/http/auth.js';
import type { App } from '../../kernel/http/app.js';
import { rateLimit } from '../../kernel/http/rate-limit.js';
import { Body, CreditCode, Id, IdNumber, Literals, Mobile, NoContent, PageQuery, Password, PersonName, SmsCode } from '../../kernel/http/schemas.js';
import { authDeps } from './runtime.js';
import { authHistory, logout, logoutEverywhere, recordAuthEvent, rotateRefreshToken, type LoginContext, type RequestOrigin } from './sessions.js';
import { sendOtp, OTP_PURPOSES } from './otp.js';
import { passwordLogin, smsLogin } from './login.js';
import { certificateChallenge, certificateLogin, registerCertificate } from './certificates.js';
import { bind, listBindings, thirdPartyLogin, unbind } from './bindings.js';
import { consumeState, hallCallbackPath, isPendingState, startAuthorization } from './oauth-web.js';
import { livenessConfirmation, livenessStart, realNameVerification } from './verification.js';
import {
  AuthEventPage,
  BindingPage,
  BoundView,
  CertificateView,
  ChallengeView,
  LevelRaisedView,
  LivenessSessionView,
  OAuthStartView,
  OtpSentView,
  PasswordLoginView,
  RevokedView,
  THIRD_PARTIES,
  TokenPairView,
} from './contract.js';

const Provider = Literals(THIRD_PARTIES);
const ProviderCode = Type.String({ minLength: 1, maxLength: 256 });
const AccountKind = Type.Optional(Literals(ACCOUNT_KINDS));

/** 统一认证: one-time codes, every login method, sessions, third-party bindings and verification. */
export function authRoutes(app: App, ctx: AppContext) {
  const deps = authDeps(ctx);
  const loginLimit = (request: FastifyRequest) => rateLimit(ctx.cache, `login:${request.ip}`, ctx.config.auth.loginPerIpPerMinute, 60_000);

  app.post('/sms/send', {
    config: { auth: { public: true } },
    schema: { tags: ['auth'], summary: '发送短信验证码 send a one-time code', body: Body({ phone: Mobile, purpose: Literals(OTP_PURPOSES) }), response: { 202: OtpSentView } },
  }, async (request, reply) => {
    await rateLimit(ctx.cache, `sms:${request.ip}`, ctx.config.auth.smsPerIpPerHour, 3600_000);
    const { phone, purpose } = request.body;
    await sendOtp(deps.otp, phone, ctx.fields.blindIndex(phone, 'phone'), purpose);
    return reply.status(202).send({ sent: true, ttlSec: ctx.config.auth.otpTtlSec });
  });

  app.post('/login', {
    config: { auth: { public: true } },
    schema: {
      tags: ['auth'],
      summary: '密码登录 password login',
      body: Body({ identifier: Type.String({ minLength: 1, maxLength: 64 }), password: Password, kind: AccountKind }),
      response: { 200: PasswordLoginView },
    },
  }, async (request) => {
    await loginLimit(request);
    return passwordLogin(deps, request.body, loginContext(request, 'password'));
  });

  app.post('/login/sms', {
    config: { auth: { public: true } },
    schema: { tags: ['auth'], summary: '短信验证码登录 SMS code login', body: Body({ phone: Mobile, code: SmsCode, kind: AccountKind }), response: { 200: TokenPairView } },
  }, async (request) => {
    await loginLimit(request);
    return smsLogin(deps, request.body, loginContext(request, 'sms'));
  });

  app.post('/certificates', {
    config: { auth: { user: true, kinds: ['unit_agent'] } },
    schema: {
      tags: ['auth'],
      summary: '登记单位 SM2 数字证书公钥 register an SM2 public key',
      body: Body({ publicKey: Type.String({ minLength: 64, maxLength: 1024 }) }),
      response: { 201: CertificateView },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    // The route admits unit agents only, and an agent's session always acts for a unit.
    return reply.status(201).send(await registerCertificate(ctx.database.db, { accountId: actor.accountId, unitId: actor.unitId! }, request.body.publicKey));
  });

  app.post('/cert/challenge', {
    config: { auth: { public: true } },
    schema: { tags: ['auth'], summary: '证书登录挑战 certificate login challenge', body: Body({ creditCode: CreditCode }), response: { 200: ChallengeView } },
  }, async (request) => {
    await loginLimit(request);
    return certificateChallenge(deps, request.body.creditCode);
  });

  app.post('/login/cert', {
    config: { auth: { public: true } },
    schema: {
      tags: ['auth'],
      summary: '数字证书登录 certificate login: SM2 signature (DER hex, signer id 1234567812345678) over the nonce',
      body: Body({ challengeId: Id, signature: Type.String({ minLength: 16, maxLength: 512, pattern: '^[0-9a-fA-F]+$' }) }),
      response: { 200: TokenPairView },
    },
  }, async (request) => {
    await loginLimit(request);
    return certificateLogin(deps, request.body, loginContext(request, 'certificate'));
  });

  app.post('/login/third-party', {
    config: { auth: { public: true } },
    schema: {
      tags: ['auth'],
      summary: '第三方账号登录 WeChat / Alipay login; a browser that started at /oauth/{provider}/authorize gives its state and verifier',
      body: Body({
        provider: Provider,
        code: ProviderCode,
        state: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
        verifier: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
      }),
      response: { 200: TokenPairView },
    },
  }, async (request) => {
    await loginLimit(request);
    const { provider, code, state, verifier } = request.body;
    const login = loginContext(request, 'third_party');
    if (state !== undefined || verifier !== undefined) {
      await consumeState(ctx.cache, provider, state ?? '', verifier).catch(async (error: unknown) => {
        await recordAuthEvent(ctx.database.db, { ...login, accountId: null, result: 'failure', reason: 'oauth_state_invalid' });
        throw error;
      });
    }
    return thirdPartyLogin(deps, provider, code, login);
  });

  app.post('/oauth/:provider/authorize', {
    config: { auth: { public: true } },
    schema: {
      tags: ['auth'],
      summary: '发起网页授权 start a WeChat / Alipay authorization in this browser (state valid 5 minutes, once)',
      params: Type.Object({ provider: Provider }),
      response: { 200: OAuthStartView },
    },
  }, async (request) => {
    await loginLimit(request);
    const { provider } = request.params;
    return startAuthorization(ctx.cache, deps.oauth[provider], `${publicBaseUrl(ctx, request)}/api/v1/auth/oauth/${provider}/callback`);
  });

  app.get('/oauth/:provider/callback', {
    config: { auth: { public: true } },
    schema: {
      tags: ['auth'],
      summary: '网页授权回调 the provider sends the browser here; it goes on to the hall’s login page (the code only with a live state)',
      params: Type.Object({ provider: Provider }),
      querystring: Type.Object({
        code: Type.Optional(Type.String({ maxLength: 256 })),
        state: Type.Optional(Type.String({ maxLength: 128 })),
        error: Type.Optional(Type.String({ maxLength: 128 })),
      }),
      response: { 303: Type.Null({ description: 'See Other: the hall’s login page on this origin (Location)' }) },
    },
  }, async (request, reply) => {
    const { provider } = request.params;
    const { code, state, error } = request.query;
    const live = !error && !!code && !!state && (await isPendingState(ctx.cache, provider, state));
    // A path, not an address: the browser stays on the origin it called back on.
    return reply.header('cache-control', 'no-store').redirect(hallCallbackPath(provider, { code, state, error }, live), 303);
  });

  app.get('/bindings', {
    config: { auth: { user: true } },
    schema: { tags: ['auth'], summary: '第三方账号绑定列表 own third-party bindings', response: { 200: BindingPage } },
  }, async (request) => listBindings(ctx.database.db, requireActor(request).accountId));

  app.post('/bindings', {
    config: { auth: { user: true } },
    schema: { tags: ['auth'], summary: '绑定第三方账号 bind WeChat / Alipay', body: Body({ provider: Provider, code: ProviderCode }), response: { 201: BoundView } },
  }, async (request, reply) => reply.status(201).send(await bind(deps, requireActor(request).accountId, request.body.provider, request.body.code)));

  app.delete('/bindings/:provider', {
    config: { auth: { user: true } },
    schema: { tags: ['auth'], summary: '解除第三方绑定 unbind', params: Type.Object({ provider: Provider }), response: { 204: NoContent } },
  }, async (request, reply) => {
    await unbind(ctx.database.db, requireActor(request).accountId, request.params.provider);
    return reply.status(204).send(null);
  });

  app.post('/token/refresh', {
    config: { auth: { public: true } },
    schema: {
      tags: ['auth'],
      summary: '刷新令牌（轮换） rotate the refresh token',
      body: Body({ refreshToken: Type.String({ minLength: 1, maxLength: 200 }) }),
      response: { 200: TokenPairView },
    },
  }, async (request) => rotateRefreshToken(deps, request.body.refreshToken, (id) => deps.accounts.sessionSubject(id), request.ip));

  app.post('/logout', { config: { auth: { user: true } }, schema: { tags: ['auth'], summary: '退出登录 log out', response: { 204: NoContent } } }, async (request, reply) => {
    await logout(deps, requireActor(request), originOf(request));
    return reply.status(204).send(null);
  });

  app.post('/logout-all', {
    config: { auth: { user: true } },
    schema: { tags: ['auth'], summary: '退出所有设备 log out everywhere', response: { 200: RevokedView } },
  }, async (request) => ({ revoked: await logoutEverywhere(deps, requireActor(request).accountId, originOf(request)) }));

  app.get('/history', {
    config: { auth: { user: true } },
    schema: { tags: ['auth'], summary: '本人登录与认证记录 own login history', querystring: Type.Object(PageQuery), response: { 200: AuthEventPage } },
  }, async (request) => authHistory(ctx.database.db, requireActor(request).accountId, request.query.page, request.query.pageSize));

  app.post('/realname', {
    config: { auth: { user: true } },
    schema: { tags: ['auth'], summary: '实名认证 (L2) real-name verification', body: Body({ name: PersonName, idNumber: IdNumber }), response: { 200: LevelRaisedView } },
  }, async (request) => {
    const actor = requireActor(request);
    await rateLimit(ctx.cache, `realname:${actor.accountId}`, 5, 3600_000);
    return realNameVerification(deps, actor, request.body, originOf(request));
  });

  app.post('/liveness', {
    config: { auth: { user: true } },
    schema: {
      tags: ['auth'],
      summary: '发起实人认证 (L3) start a liveness check',
      body: Body({ returnUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 500 })) }),
      response: { 200: LivenessSessionView },
    },
  }, async (request) => {
    const actor = requireActor(request);
    await rateLimit(ctx.cache, `liveness:${actor.accountId}`, 10, 3600_000);
    return livenessStart(deps, actor, request.body.returnUrl);
  });

  app.post('/liveness/:bizToken/confirm', {
    config: { auth: { user: true } },
    schema: { tags: ['auth'], summary: '确认实人认证结果 confirm the liveness result', params: Type.Object({ bizToken: Id }), response: { 200: LevelRaisedView } },
  }, async (request) => livenessConfirmation(deps, requireActor(request), request.params.bizToken, originOf(request)));
}

/** The channel a request says it comes from (`X-Channel`: web, app, kiosk …), and its address. */
function originOf(request: FastifyRequest): RequestOrigin {
  const header = request.headers['x-channel'];
  return { channel: typeof header === 'string' && /^[a-z_]{1,20}$/.test(header) ? header : 'web', ip: request.ip };
}

/** The platform's public base URL when configured, else the origin this request came to. */
function publicBaseUrl(ctx: AppContext, request: FastifyRequest): string {
  const configured = ctx.config.payment.notifyBaseUrl;
  return configured ? configured.replace(/\/+$/, '') : `${request.protocol}://${request.host}`;
}

const loginContext = (request: FastifyRequest, method: LoginContext['method']): LoginContext => ({ method, ...originOf(request) });
