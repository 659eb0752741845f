import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { CenterModule } from '../../kernel/context.js';
import { DomainError, badRequest, conflict, notFound } from '../../kernel/errors/index.js';
import { requireUser, ACCOUNT_KINDS } from '../../kernel/http/auth.js';
import { rateLimit } from '../../kernel/http/rate-limit.js';
import { Body, CreditCode, Id, IdNumber, Mobile, PageQuery, Password, PersonName, SmsCode } from '../../kernel/http/schemas.js';
import { newId } from '../../kernel/ids/index.js';
import { normalizeSm2PublicKey, sm2Verify } from '../../kernel/crypto/index.js';
import { createOAuthClient, createRealNameClient, createSmsClient, isAdapterError, type OAuthClient } from '../../adapters/index.js';
import * as users from '../user/index.js';
import { certificates, thirdPartyBindings } from './schema.js';
import { authHistory, revokeAllSessions, revokeSession, rotateRefreshToken, startSession, accessTokenFor, recordAuthEvent, type SessionDeps, type LoginContext } from './sessions.js';
import { consumeOtp, sendOtp, OTP_PURPOSES } from './otp.js';
import { authorityRoutes } from './authority-routes.js';
import { verifyRealName, startLiveness, confirmLiveness, providerFailure } from './verification.js';
import { tokenKeyOf } from './authenticator.js';
import './messages.js';

const CHALLENGE_TTL_MS = 120_000;

/** 统一认证中心: registration of codes, every login method, sessions and verification; administration is in authority-routes.ts. */
export const authCenter: CenterModule = {
  name: 'auth',
  async routes(app, ctx) {
    const tokenKey = tokenKeyOf(ctx);
    const deps: SessionDeps = { ...ctx, tokenKey };
    const providers = ctx.config.providers;
    const realName = createRealNameClient({ baseUrl: ctx.providerUrls.realName, appId: providers.realNameAppId, secret: providers.realNameSecret });
    const sms = createSmsClient({ baseUrl: ctx.providerUrls.sms, appId: providers.smsAppId, secret: providers.smsSecret });
    const oauth: Record<'wechat' | 'alipay', OAuthClient> = {
      wechat: createOAuthClient({ provider: 'wechat', baseUrl: ctx.providerUrls.wechat, appId: providers.oauthAppId, secret: providers.oauthSecret }),
      alipay: createOAuthClient({ provider: 'alipay', baseUrl: ctx.providerUrls.alipay, appId: providers.oauthAppId, secret: providers.oauthSecret }),
    };
    const otpDeps = {
      cache: ctx.cache,
      ttlSec: ctx.config.auth.otpTtlSec,
      resendSec: ctx.config.auth.otpResendSec,
      send: async (phone: string, code: string, purpose: string) => {
        await sms.send(phone, 'verification_code', { code, purpose, minutes: String(Math.round(ctx.config.auth.otpTtlSec / 60)) }).catch((error) => {
          if (isAdapterError(error)) throw new DomainError('auth.sms_failed', 'upstream_failed', {}, 'phone');
          throw error;
        });
      },
    };
    const loginContext = (request: FastifyRequest, method: LoginContext['method']): LoginContext => ({
      method,
      channel: channelOf(request),
      ip: request.ip,
    });
    const issue = async (accountId: string, login: LoginContext) => {
      const subject = await users.loadSessionSubject(ctx, accountId);
      if (!subject) throw new DomainError('auth.account_disabled', 'forbidden');
      return startSession(deps, subject, login);
    };
    const freshAccessToken = async (request: FastifyRequest) => {
      const principal = requireUser(request);
      const subject = await users.loadSessionSubject(ctx, principal.accountId, principal.unitId ?? undefined);
      if (!subject) throw new DomainError('auth.account_disabled', 'forbidden');
      return accessTokenFor(deps, subject, principal.sessionId);
    };
    const loginLimit = (request: FastifyRequest) => rateLimit(ctx.cache, `login:${request.ip}`, ctx.config.auth.loginPerIpPerMinute, 60_000);

    app.post('/sms/send', {
      config: { auth: { public: true } },
      schema: { tags: ['auth'], summary: '发送短信验证码 send a one-time code', body: Body({ phone: Mobile, purpose: Type.Union(OTP_PURPOSES.map((p) => Type.Literal(p))) }) },
    }, async (request, reply) => {
      await rateLimit(ctx.cache, `sms:${request.ip}`, ctx.config.auth.smsPerIpPerHour, 3600_000);
      const { phone, purpose } = request.body;
      await sendOtp(otpDeps, phone, ctx.fields.blindIndex(phone, 'phone'), purpose);
      return reply.status(202).send({ sent: true, ttlSec: ctx.config.auth.otpTtlSec });
    });

    app.post('/login', {
      config: { auth: { public: true } },
      schema: {
        tags: ['auth'],
        summary: '密码登录 password login',
        body: Body({ identifier: Type.String({ minLength: 1, maxLength: 64 }), password: Password, kind: Type.Optional(Type.Union(ACCOUNT_KINDS.map((k) => Type.Literal(k)))) }),
      },
    }, async (request) => {
      await loginLimit(request);
      const { identifier, password, kind } = request.body;
      const account = await users.findLoginAccount(ctx, identifier, kind);
      const check = await users.checkPassword(ctx, account, password);
      const login = loginContext(request, 'password');
      if (!check.ok) {
        await recordAuthEvent(ctx.database.db, { accountId: check.account?.id ?? null, method: 'password', channel: login.channel, ip: login.ip, result: 'failure', reason: check.reason });
        // Locked by an administrator (no end time) is a different thing from a failure lockout.
        if (check.reason === 'locked' && !check.lockedUntil) throw new DomainError('auth.account_disabled', 'forbidden');
        if (check.reason === 'locked') {
          const retryAfterSec = check.lockedUntil ? Math.max(1, Math.ceil((check.lockedUntil.getTime() - Date.now()) / 1000)) : ctx.config.auth.lockoutSec;
          const until = check.lockedUntil ? check.lockedUntil.toISOString() : '-';
          throw new DomainError('auth.account_locked', 'locked', { until, minutes: Math.ceil(retryAfterSec / 60), retryAfterSec });
        }
        throw new DomainError('auth.bad_credentials', 'unauthenticated', {}, 'password');
      }
      const tokens = await issue(check.account.id, login);
      return { ...tokens, passwordExpired: check.passwordExpired };
    });

    app.post('/login/sms', {
      config: { auth: { public: true } },
      schema: { tags: ['auth'], summary: '短信验证码登录 SMS code login', body: Body({ phone: Mobile, code: SmsCode, kind: Type.Optional(Type.Union(ACCOUNT_KINDS.map((k) => Type.Literal(k)))) }) },
    }, async (request) => {
      await loginLimit(request);
      const { phone, code, kind } = request.body;
      await consumeOtp(ctx.cache, ctx.fields.blindIndex(phone, 'phone'), 'login', code, 'code');
      const account = await users.findLoginAccount(ctx, phone, kind);
      if (!account) throw new DomainError('auth.phone_unknown', 'not_found', {}, 'phone');
      return issue(account.id, loginContext(request, 'sms'));
    });

    app.post('/certificates', {
      config: { auth: { user: true, kinds: ['unit_agent'] } },
      schema: { tags: ['auth'], summary: '登记单位 SM2 数字证书公钥 register an SM2 public key', body: Body({ publicKey: Type.String({ minLength: 64, maxLength: 1024 }) }) },
    }, async (request, reply) => {
      const principal = requireUser(request);
      let publicKey: string;
      try {
        publicKey = normalizeSm2PublicKey(request.body.publicKey);
      } catch {
        throw badRequest('auth.cert_key_invalid', 'publicKey');
      }
      const id = newId('cert');
      await ctx.database.db.insert(certificates).values({ id, accountId: principal.accountId, unitId: principal.unitId!, publicKey });
      return reply.status(201).send({ id, unitId: principal.unitId });
    });

    app.post('/cert/challenge', {
      config: { auth: { public: true } },
      schema: { tags: ['auth'], summary: '证书登录挑战 certificate login challenge', body: Body({ creditCode: CreditCode }) },
    }, async (request) => {
      await loginLimit(request);
      const unit = await users.unitIdByCreditCode(ctx, request.body.creditCode);
      if (!unit) throw new DomainError('auth.cert_unknown_unit', 'not_found', {}, 'creditCode');
      const challengeId = newId('chl');
      const nonce = randomBytes(32).toString('hex');
      await ctx.cache.set(`chl:${challengeId}`, JSON.stringify({ unitId: unit.id, nonce }), CHALLENGE_TTL_MS);
      return { challengeId, nonce, expiresIn: CHALLENGE_TTL_MS / 1000 };
    });

    app.post('/login/cert', {
      config: { auth: { public: true } },
      schema: {
        tags: ['auth'],
        summary: '数字证书登录 certificate login: SM2 signature (DER hex, signer id 1234567812345678) over the nonce',
        body: Body({ challengeId: Id, signature: Type.String({ minLength: 16, maxLength: 512, pattern: '^[0-9a-fA-F]+$' }) }),
      },
    }, async (request) => {
      await loginLimit(request);
      const stored = await ctx.cache.get(`chl:${request.body.challengeId}`);
      // A challenge is single-use, whatever the outcome.
      await ctx.cache.del(`chl:${request.body.challengeId}`);
      if (!stored) throw new DomainError('auth.cert_challenge_expired', 'invalid', {}, 'challengeId');
      const { unitId, nonce } = JSON.parse(stored) as { unitId: string; nonce: string };
      const keys = await ctx.database.db.select().from(certificates).where(and(eq(certificates.unitId, unitId), eq(certificates.status, 'active')));
      const match = keys.find((k) => sm2Verify(nonce, request.body.signature, k.publicKey));
      const login = loginContext(request, 'certificate');
      if (!match || !(await users.isActiveAgentOf(ctx, match.accountId, unitId))) {
        await recordAuthEvent(ctx.database.db, { accountId: match?.accountId ?? null, method: 'certificate', channel: login.channel, ip: login.ip, result: 'failure', reason: 'bad_signature' });
        throw new DomainError('auth.cert_signature_invalid', 'unauthenticated', {}, 'signature');
      }
      const subject = await users.loadSessionSubject(ctx, match.accountId, unitId);
      if (!subject) throw new DomainError('auth.account_disabled', 'forbidden');
      return startSession(deps, subject, login);
    });

    app.post('/login/third-party', {
      config: { auth: { public: true } },
      schema: { tags: ['auth'], summary: '第三方账号登录 WeChat / Alipay login', body: Body({ provider: Type.Union([Type.Literal('wechat'), Type.Literal('alipay')]), code: Type.String({ minLength: 1, maxLength: 256 }) }) },
    }, async (request) => {
      await loginLimit(request);
      const identity = await exchange(oauth[request.body.provider], request.body.code);
      const [binding] = await ctx.database.db
        .select()
        .from(thirdPartyBindings)
        .where(and(eq(thirdPartyBindings.provider, request.body.provider), eq(thirdPartyBindings.openId, identity.openId)));
      if (!binding) throw new DomainError('auth.third_party_unbound', 'not_found', {}, 'code');
      return issue(binding.accountId, loginContext(request, 'third_party'));
    });

    app.get('/bindings', { config: { auth: { user: true } }, schema: { tags: ['auth'], summary: '第三方账号绑定列表' } }, async (request) => {
      const principal = requireUser(request);
      const rows = await ctx.database.db.select().from(thirdPartyBindings).where(eq(thirdPartyBindings.accountId, principal.accountId));
      return rows.map((r) => ({ provider: r.provider, openId: `${r.openId.slice(0, 4)}****`, createdAt: r.createdAt.toISOString() }));
    });

    app.post('/bindings', {
      config: { auth: { user: true } },
      schema: { tags: ['auth'], summary: '绑定第三方账号 bind WeChat / Alipay', body: Body({ provider: Type.Union([Type.Literal('wechat'), Type.Literal('alipay')]), code: Type.String({ minLength: 1, maxLength: 256 }) }) },
    }, async (request, reply) => {
      const principal = requireUser(request);
      const identity = await exchange(oauth[request.body.provider], request.body.code);
      const inserted = await ctx.database.db
        .insert(thirdPartyBindings)
        .values({ accountId: principal.accountId, provider: request.body.provider, openId: identity.openId })
        .onConflictDoNothing()
        .returning();
      if (!inserted.length) throw conflict('auth.third_party_taken', {}, 'code');
      return reply.status(201).send({ provider: request.body.provider, bound: true });
    });

    app.delete('/bindings/:provider', {
      config: { auth: { user: true } },
      schema: { tags: ['auth'], summary: '解除第三方绑定', params: Type.Object({ provider: Type.Union([Type.Literal('wechat'), Type.Literal('alipay')]) }) },
    }, async (request, reply) => {
      const principal = requireUser(request);
      await ctx.database.db.delete(thirdPartyBindings).where(and(eq(thirdPartyBindings.accountId, principal.accountId), eq(thirdPartyBindings.provider, request.params.provider)));
      return reply.status(204).send();
    });

    app.post('/token/refresh', {
      config: { auth: { public: true } },
      schema: { tags: ['auth'], summary: '刷新令牌（轮换） rotate the refresh token', body: Body({ refreshToken: Type.String({ minLength: 1, maxLength: 200 }) }) },
    }, async (request) => rotateRefreshToken(deps, request.body.refreshToken, (id) => users.loadSessionSubject(ctx, id), request.ip));

    app.post('/logout', { config: { auth: { user: true } }, schema: { tags: ['auth'], summary: '退出登录 log out' } }, async (request, reply) => {
      const principal = requireUser(request);
      await revokeSession(ctx, principal.sessionId, 'logout');
      await recordAuthEvent(ctx.database.db, { accountId: principal.accountId, method: 'logout', channel: channelOf(request), ip: request.ip, result: 'success' });
      return reply.status(204).send();
    });

    app.post('/logout-all', { config: { auth: { user: true } }, schema: { tags: ['auth'], summary: '退出所有设备 log out everywhere' } }, async (request) => {
      const principal = requireUser(request);
      const revoked = await revokeAllSessions(ctx, principal.accountId, 'logout_all');
      await recordAuthEvent(ctx.database.db, { accountId: principal.accountId, method: 'logout', channel: channelOf(request), ip: request.ip, result: 'success', reason: 'everywhere' });
      return { revoked };
    });

    app.get('/history', {
      config: { auth: { user: true } },
      schema: { tags: ['auth'], summary: '本人登录与认证记录 own login history', querystring: Type.Object(PageQuery) },
    }, async (request) => authHistory(ctx.database.db, requireUser(request).accountId, request.query.page, request.query.pageSize));

    app.post('/realname', {
      config: { auth: { user: true } },
      schema: { tags: ['auth'], summary: '实名认证 (L2) real-name verification', body: Body({ name: PersonName, idNumber: IdNumber }) },
    }, async (request) => {
      const principal = requireUser(request);
      await rateLimit(ctx.cache, `realname:${principal.accountId}`, 5, 3600_000);
      const onFile = await users.identityOf(ctx, principal.accountId);
      if (!onFile) throw notFound('auth.account_not_found');
      const event = { accountId: principal.accountId, method: 'realname', channel: channelOf(request), ip: request.ip };
      try {
        await verifyRealName(ctx.database.db, realName, principal.accountId, request.body, onFile);
      } catch (error) {
        await recordAuthEvent(ctx.database.db, { ...event, result: 'failure', reason: error instanceof DomainError ? error.code : 'error' });
        throw error;
      }
      await users.raiseAuthLevel(ctx, principal.accountId, 2);
      await recordAuthEvent(ctx.database.db, { ...event, result: 'success' });
      return { authLevel: Math.max(2, principal.authLevel), accessToken: await freshAccessToken(request) };
    });

    app.post('/liveness', {
      config: { auth: { user: true } },
      schema: { tags: ['auth'], summary: '发起实人认证 (L3) start a liveness check', body: Body({ returnUrl: Type.Optional(Type.String({ format: 'uri', maxLength: 500 })) }) },
    }, async (request) => {
      const principal = requireUser(request);
      if (principal.authLevel < 2) throw new DomainError('auth.realname_required', 'forbidden');
      await rateLimit(ctx.cache, `liveness:${principal.accountId}`, 10, 3600_000);
      const onFile = await users.identityOf(ctx, principal.accountId);
      if (!onFile?.idNumber) throw new DomainError('auth.realname_required', 'forbidden');
      return startLiveness(ctx.database.db, realName, principal.accountId, { name: onFile.name, idNumber: onFile.idNumber }, request.body.returnUrl);
    });

    app.post('/liveness/:bizToken/confirm', {
      config: { auth: { user: true } },
      schema: { tags: ['auth'], summary: '确认实人认证结果 confirm the liveness result', params: Type.Object({ bizToken: Id }) },
    }, async (request) => {
      const principal = requireUser(request);
      const onFile = await users.identityOf(ctx, principal.accountId);
      const event = { accountId: principal.accountId, method: 'liveness', channel: channelOf(request), ip: request.ip };
      try {
        await confirmLiveness(ctx.database.db, realName, principal.accountId, request.params.bizToken, onFile?.idNumber ?? null);
      } catch (error) {
        if (error instanceof DomainError && error.code !== 'auth.liveness_pending') {
          await recordAuthEvent(ctx.database.db, { ...event, result: 'failure', reason: error.code });
        }
        throw error;
      }
      await users.raiseAuthLevel(ctx, principal.accountId, 3);
      await recordAuthEvent(ctx.database.db, { ...event, result: 'success' });
      return { authLevel: 3, accessToken: await freshAccessToken(request) };
    });

    await authorityRoutes(app, ctx);
  },
};

function channelOf(request: FastifyRequest): string {
  const header = request.headers['x-channel'];
  return typeof header === 'string' && /^[a-z_]{1,20}$/.test(header) ? header : 'web';
}

async function exchange(client: OAuthClient, code: string) {
  try {
    return await client.exchangeCode(code);
  } catch (error) {
    if (isAdapterError(error) && error.code === 'rejected') throw new DomainError('auth.third_party_rejected', 'invalid', {}, 'code');
    return providerFailure(error);
  }
}
