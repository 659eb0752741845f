import { Type } from '@sinclair/typebox';
import type { CenterModule } from '../../kernel/context.js';
import { DomainError, badRequest, notFound } from '../../kernel/errors/index.js';
import { requireUser } from '../../kernel/http/auth.js';
import { Body, CreditCode, Id, IdNumber, Mobile, PageQuery, Password, PersonName, SmsCode } from '../../kernel/http/schemas.js';
import * as auth from '../auth/index.js';
import * as service from './service.js';
import { maskName, maskPhone } from '../../kernel/crypto/index.js';
import { cachedProfileJson, forgetProfile } from './profile-cache.js';
import './messages.js';

const LoginName = Type.String({ minLength: 3, maxLength: 32, pattern: '^[A-Za-z][A-Za-z0-9_.-]*$' });
const StaffKind = Type.Union([Type.Literal('institution_staff'), Type.Literal('agency_staff'), Type.Literal('expert'), Type.Literal('admin')]);
const EnterpriseType = Type.Union([Type.Literal('pharma'), Type.Literal('consumable'), Type.Literal('delivery')], {
  description: '药企 pharma / 耗材企业 consumable / 配送企业 delivery',
});
const AgentInput = Body({ name: PersonName, idNumber: IdNumber, phone: Mobile, password: Password });

export const userCenter: CenterModule = {
  name: 'user',
  async routes(app, ctx) {
    const db = ctx.database.db;
    /** 经办人员 holding user.pii.read see personal data unmasked; everyone else sees it masked. */
    const canReadPii = (request: Parameters<typeof requireUser>[0]) => auth.hasPermission(ctx, requireUser(request), auth.PERMISSIONS.piiRead);

    app.post('/persons/register', {
      config: { auth: { public: true } },
      schema: { tags: ['user'], summary: '个人注册 register an insured person', body: Body({ name: PersonName, idNumber: IdNumber, phone: Mobile, smsCode: SmsCode, password: Password }) },
    }, async (request, reply) => {
      const { smsCode, ...input } = request.body;
      const account = await db.transaction(async (tx) => {
        const created = await service.insertAccount(ctx, tx as never, { ...input, idNumber: input.idNumber, kind: 'person' });
        await auth.consumeOtp(ctx, input.phone, 'register', smsCode);
        return created;
      });
      return reply.status(201).send({ account: service.toView(ctx, account) });
    });

    app.post('/units/register', {
      config: { auth: { public: true } },
      schema: {
        tags: ['user'],
        summary: '单位注册（含首位经办人） register a unit with its first agent',
        body: Body({ unitName: Type.String({ minLength: 2, maxLength: 100 }), creditCode: CreditCode, agent: AgentInput, smsCode: SmsCode }),
      },
    }, async (request, reply) => {
      const { smsCode, agent, ...unitInput } = request.body;
      const result = await db.transaction(async (tx) => {
        const created = await service.registerUnit(ctx, tx as never, { ...unitInput, agent });
        await auth.consumeOtp(ctx, agent.phone, 'register', smsCode);
        return created;
      });
      return reply.status(201).send({
        unit: { id: result.unit.id, name: result.unit.name, creditCode: result.unit.creditCode },
        account: service.toView(ctx, result.account, [{ id: result.unit.id, name: result.unit.name, creditCode: result.unit.creditCode, role: 'manager' }]),
      });
    });

    app.post('/enterprises/register', {
      config: { auth: { public: true } },
      schema: {
        tags: ['user'],
        summary: '企业注册（药企、耗材、配送） register an enterprise',
        body: Body({ name: Type.String({ minLength: 2, maxLength: 100 }), creditCode: CreditCode, enterpriseType: EnterpriseType, loginName: LoginName, phone: Mobile, smsCode: SmsCode, password: Password }),
      },
    }, async (request, reply) => {
      const { smsCode, ...input } = request.body;
      const account = await db.transaction(async (tx) => {
        const created = await service.insertAccount(ctx, tx as never, { ...input, kind: 'enterprise' });
        await auth.consumeOtp(ctx, input.phone, 'register', smsCode);
        return created;
      });
      return reply.status(201).send({ account: service.toView(ctx, account) });
    });

    app.get('/me', { config: { auth: { user: true } }, schema: { tags: ['user'], summary: '本人资料 own profile (masked)' } }, async (request, reply) => {
      const principal = requireUser(request);
      const json = await cachedProfileJson(ctx.cache, principal.accountId, async () => {
        const account = await service.getAccount(db, principal.accountId);
        if (!account) throw notFound('user.account_not_found');
        const org = account.orgId ? await auth.getOrg(ctx, account.orgId) : null;
        return { ...service.toView(ctx, account, await service.activeUnitsOf(db, account.id)), org: org ? { id: org.id, name: org.name, regionCode: org.regionCode } : null };
      });
      return reply.type('application/json; charset=utf-8').send(json);
    });

    app.patch('/me', {
      config: { auth: { user: true } },
      schema: { tags: ['user'], summary: '修改本人资料 update own profile', body: Body({ email: Type.Optional(Type.String({ format: 'email', maxLength: 100 })), address: Type.Optional(Type.String({ maxLength: 200 })) }) },
    }, async (request) => {
      const principal = requireUser(request);
      const account = await service.updateProfile(db, principal.accountId, request.body);
      await forgetProfile(ctx.cache, principal.accountId);
      return service.toView(ctx, account);
    });

    app.post('/me/phone', {
      config: { auth: { user: true } },
      schema: { tags: ['user'], summary: '更换手机号（短信验证新号码） change phone', body: Body({ newPhone: Mobile, smsCode: SmsCode }) },
    }, async (request) => {
      const principal = requireUser(request);
      const account = await service.getAccount(db, principal.accountId);
      if (!account) throw notFound('user.account_not_found');
      await db.transaction(async (tx) => {
        await service.changePhone(ctx, tx as never, account, request.body.newPhone);
        await auth.consumeOtp(ctx, request.body.newPhone, 'change_phone', request.body.smsCode);
      });
      await forgetProfile(ctx.cache, account.id);
      return { phone: maskPhone(request.body.newPhone) };
    });

    app.post('/me/password', {
      config: { auth: { user: true } },
      schema: { tags: ['user'], summary: '修改密码（其他会话将被注销） change password; other sessions end', body: Body({ oldPassword: Password, newPassword: Password }) },
    }, async (request) => {
      const principal = requireUser(request);
      await db.transaction((tx) => service.changePassword(ctx, tx as never, principal.accountId, request.body.oldPassword, request.body.newPassword));
      await auth.revokeAllSessions(ctx, principal.accountId, 'password_changed');
      return { changed: true };
    });

    app.post('/me/deactivate', {
      config: { auth: { user: true } },
      schema: { tags: ['user'], summary: '注销账号 deactivate own account', body: Body({ password: Password }) },
    }, async (request) => {
      const principal = requireUser(request);
      const account = await service.getAccount(db, principal.accountId);
      const check = await service.checkPassword(ctx, account, request.body.password);
      if (!check.ok) throw new DomainError('auth.bad_credentials', 'unauthenticated', {}, 'password');
      await db.transaction((tx) => service.deactivate(ctx, tx as never, principal.accountId));
      await forgetProfile(ctx.cache, principal.accountId);
      await auth.revokeAllSessions(ctx, principal.accountId, 'deactivated');
      return { deactivated: true };
    });

    app.get('/accounts', {
      config: { auth: { user: true, permission: auth.PERMISSIONS.accountsRead } },
      schema: {
        tags: ['user'],
        summary: '账号列表（本机构范围） accounts in scope',
        querystring: Type.Object({ ...PageQuery, kind: Type.Optional(Type.String({ maxLength: 30 })), q: Type.Optional(Type.String({ maxLength: 50 })) }),
      },
    }, async (request) => {
      const principal = requireUser(request);
      const { rows, total } = await service.listAccounts(db, principal, request.query);
      const unmasked = await canReadPii(request);
      return { items: rows.map((a) => service.toView(ctx, a, [], unmasked)), total, page: request.query.page, pageSize: request.query.pageSize };
    });

    app.get('/accounts/:id', {
      config: { auth: { user: true } },
      schema: { tags: ['user'], summary: '查看账号（本人或管理范围内） one account: self, or in an admin’s scope', params: Type.Object({ id: Id }) },
    }, async (request) => {
      const principal = requireUser(request);
      const account = await service.getAccount(db, request.params.id);
      const self = account?.id === principal.accountId;
      // Anything not visible is "not found", so ids cannot be probed.
      if (!account || (!self && !(service.inScope(principal, account) && (await auth.hasPermission(ctx, principal, auth.PERMISSIONS.accountsRead))))) {
        throw notFound('user.account_not_found');
      }
      return service.toView(ctx, account, await service.activeUnitsOf(db, account.id), !self && (await canReadPii(request)));
    });

    app.post('/accounts', {
      config: { auth: { user: true, permission: auth.PERMISSIONS.accountsManage } },
      schema: {
        tags: ['user'],
        summary: '新增机构人员账号 create a staff account in scope',
        body: Body({ kind: StaffKind, loginName: LoginName, name: PersonName, phone: Mobile, idNumber: Type.Optional(IdNumber), orgId: Id, password: Password }),
      },
    }, async (request, reply) => {
      const principal = requireUser(request);
      const org = await auth.getOrg(ctx, request.body.orgId);
      if (!org) throw badRequest('auth.org_not_found', 'orgId');
      if (!auth.isWithin(org.path, principal.orgPath)) throw new DomainError('auth.out_of_scope', 'forbidden', {}, 'orgId');
      const account = await db.transaction((tx) => service.insertAccount(ctx, tx as never, { ...request.body, orgId: org.id, orgPath: org.path }));
      return reply.status(201).send(service.toView(ctx, account));
    });

    for (const action of ['lock', 'unlock'] as const) {
      app.post(`/accounts/:id/${action}`, {
        config: { auth: { user: true, permission: auth.PERMISSIONS.accountsManage } },
        schema: { tags: ['user'], summary: action === 'lock' ? '锁定账号 lock an account' : '解锁账号 unlock an account', params: Type.Object({ id: Id }) },
      }, async (request) => {
        const principal = requireUser(request);
        const account = await service.getAccount(db, request.params.id);
        if (!account || !service.inScope(principal, account) || account.id === principal.accountId) throw notFound('user.account_not_found');
        await service.setLocked(db, account.id, action === 'lock');
        await forgetProfile(ctx.cache, account.id);
        if (action === 'lock') await auth.revokeAllSessions(ctx, account.id, 'locked_by_admin');
        return { id: account.id, status: action === 'lock' ? 'locked' : 'active' };
      });
    }

    app.get('/units/:unitId/agents', {
      config: { auth: { user: true, kinds: ['unit_agent'] } },
      schema: { tags: ['user'], summary: '单位经办人列表 agents of a unit', params: Type.Object({ unitId: Id }) },
    }, async (request) => {
      const principal = requireUser(request);
      await service.requireAgentOf(db, principal.accountId, request.params.unitId);
      const rows = await service.unitAgentList(db, request.params.unitId);
      return rows.map(({ phoneEnc, ...r }) => ({ ...r, phone: phoneEnc ? maskPhone(ctx.fields.decrypt(phoneEnc)) : null, name: maskName(r.name), createdAt: r.createdAt.toISOString() }));
    });

    app.post('/units/:unitId/agents', {
      config: { auth: { user: true, kinds: ['unit_agent'] } },
      schema: { tags: ['user'], summary: '新增经办人（单位管理员） add an agent', params: Type.Object({ unitId: Id }), body: AgentInput },
    }, async (request, reply) => {
      const principal = requireUser(request);
      await service.requireAgentOf(db, principal.accountId, request.params.unitId, 'manager');
      const account = await db.transaction((tx) => service.addAgent(ctx, tx as never, request.params.unitId, request.body));
      await forgetProfile(ctx.cache, account.id);
      return reply.status(201).send(service.toView(ctx, account));
    });

    app.delete('/units/:unitId/agents/:accountId', {
      config: { auth: { user: true, kinds: ['unit_agent'] } },
      schema: { tags: ['user'], summary: '解除经办人 revoke an agent', params: Type.Object({ unitId: Id, accountId: Id }) },
    }, async (request, reply) => {
      const principal = requireUser(request);
      await service.requireAgentOf(db, principal.accountId, request.params.unitId, 'manager');
      await db.transaction((tx) => service.revokeAgent(ctx, tx as never, request.params.unitId, request.params.accountId));
      await forgetProfile(ctx.cache, request.params.accountId);
      await auth.revokeAllSessions(ctx, request.params.accountId, 'agent_revoked');
      return reply.status(204).send();
    });
  },
};
