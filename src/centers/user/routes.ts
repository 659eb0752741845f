import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../kernel/context.js';
import type { App } from '../../kernel/http/app.js';
import { requireActor } from '../../kernel/http/auth.js';
import { Body, CreditCode, IdNumber, Literals, Mobile, Password, PersonName, SmsCode } from '../../kernel/http/schemas.js';
import { registerEnterprise, registerPerson, registerUnit } from './registration.js';
import { changePhone, deactivate, profileView, updateProfile } from './profile.js';
import { changePassword, resetPassword } from './credentials.js';
import { rateLimit } from '../../kernel/http/rate-limit.js';
import { ACCOUNT_KINDS } from '../../kernel/http/auth.js';
import { cachedProfileJson } from './profile-cache.js';
import { AccountView, DeactivatedView, PasswordChangedView, PasswordResetView, PhoneChangedView, ProfileView, RegisteredUnitView, RegisteredView } from './contract.js';

export const LoginName = Type.String({ minLength: 3, maxLength: 32, pattern: '^[A-Za-z][A-Za-z0-9_.-]*$' });
export const AgentInput = Body({ name: PersonName, idNumber: IdNumber, phone: Mobile, password: Password });
const EnterpriseType = Literals(['pharma', 'consumable', 'delivery'], '药企 pharma / 耗材企业 consumable / 配送企业 delivery');

/** 用户中心 self-service: registration of persons, units and enterprises, and the own account. */
export function userRoutes(app: App, ctx: AppContext) {
  app.post('/persons/register', {
    config: { auth: { public: true } },
    schema: {
      tags: ['user'],
      summary: '个人注册 register an insured person',
      body: Body({ name: PersonName, idNumber: IdNumber, phone: Mobile, smsCode: SmsCode, password: Password }),
      response: { 201: RegisteredView },
    },
  }, async (request, reply) => reply.status(201).send(await registerPerson(ctx, request.body)));

  app.post('/units/register', {
    config: { auth: { public: true } },
    schema: {
      tags: ['user'],
      summary: '单位注册（含首位经办人） register a unit with its first agent',
      body: Body({ unitName: Type.String({ minLength: 2, maxLength: 100 }), creditCode: CreditCode, agent: AgentInput, smsCode: SmsCode }),
      response: { 201: RegisteredUnitView },
    },
  }, async (request, reply) => reply.status(201).send(await registerUnit(ctx, request.body)));

  app.post('/enterprises/register', {
    config: { auth: { public: true } },
    schema: {
      tags: ['user'],
      summary: '企业注册（药企、耗材、配送） register an enterprise',
      body: Body({
        name: Type.String({ minLength: 2, maxLength: 100 }),
        creditCode: CreditCode,
        enterpriseType: EnterpriseType,
        loginName: LoginName,
        phone: Mobile,
        smsCode: SmsCode,
        password: Password,
      }),
      response: { 201: RegisteredView },
    },
  }, async (request, reply) => reply.status(201).send(await registerEnterprise(ctx, request.body)));

  app.get('/me', { config: { auth: { user: true } }, schema: { tags: ['user'], summary: '本人资料 own profile (masked)', response: { 200: ProfileView } } }, async (request, reply) => {
    const { accountId } = requireActor(request);
    // Kept serialized by this route's schema, so the cached text is what the route would answer.
    const json = await cachedProfileJson(ctx.cache, accountId, async () => String(reply.serialize(await profileView(ctx, accountId))));
    // Already JSON: Fastify sends a string as it is.
    return reply.type('application/json; charset=utf-8').send(json as unknown as ProfileView);
  });

  app.patch('/me', {
    config: { auth: { user: true } },
    schema: {
      tags: ['user'],
      summary: '修改本人资料 update own profile',
      body: Body({ email: Type.Optional(Type.String({ format: 'email', maxLength: 100 })), address: Type.Optional(Type.String({ maxLength: 200 })) }),
      response: { 200: AccountView },
    },
  }, async (request) => updateProfile(ctx, requireActor(request).accountId, request.body));

  app.post('/me/phone', {
    config: { auth: { user: true } },
    schema: { tags: ['user'], summary: '更换手机号（短信验证新号码） change phone', body: Body({ newPhone: Mobile, smsCode: SmsCode }), response: { 200: PhoneChangedView } },
  }, async (request) => changePhone(ctx, requireActor(request).accountId, request.body.newPhone, request.body.smsCode));

  app.post('/me/password', {
    config: { auth: { user: true } },
    schema: {
      tags: ['user'],
      summary: '修改密码（所有会话将被注销，含本会话） change password; every session ends, this one too',
      body: Body({ oldPassword: Password, newPassword: Password }),
      response: { 200: PasswordChangedView },
    },
  }, async (request) => changePassword(ctx, requireActor(request).accountId, request.body.oldPassword, request.body.newPassword));

  app.post('/password/reset', {
    config: { auth: { public: true } },
    schema: {
      tags: ['user'],
      summary: '忘记密码：凭发到手机的验证码（purpose reset_password）重置密码，所有会话结束 reset a forgotten password with a code sent to the phone; every session ends',
      body: Body({ phone: Mobile, smsCode: SmsCode, newPassword: Password, kind: Type.Optional(Literals(ACCOUNT_KINDS)) }),
      response: { 200: PasswordResetView },
    },
  }, async (request) => {
    await rateLimit(ctx.cache, `password-reset:${request.ip}`, ctx.config.auth.loginPerIpPerMinute, 60_000);
    return resetPassword(ctx, request.body);
  });

  app.post('/me/deactivate', {
    config: { auth: { user: true } },
    schema: { tags: ['user'], summary: '注销账号 deactivate own account', body: Body({ password: Password }), response: { 200: DeactivatedView } },
  }, async (request) => deactivate(ctx, requireActor(request).accountId, request.body.password));
}
