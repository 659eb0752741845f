import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/http/app.js';
import type { AppContext } from '../../kernel/context.js';
import { badRequest, forbidden, notFound } from '../../kernel/errors/index.js';
import { requireChannel, requireUser } from '../../kernel/http/auth.js';
import { Body, Id, RegionCode } from '../../kernel/http/schemas.js';
import { localeFrom } from '../../kernel/i18n/index.js';
import * as users from '../user/index.js';
import { channelApps } from './schema.js';
import * as authority from './authority.js';
import { PERMISSIONS } from './resources.js';
import { CHANNEL_CAPABILITIES, registerChannel } from './channels.js';
import { authenticatorFor, tokenKeyOf } from './authenticator.js';
import { verifyAccessToken } from './tokens.js';
import { aliveKey } from './sessions.js';

/** 授权管理 organizations, roles, grants and channel applications: the administration side of the center. */
export async function authorityRoutes(app: App, ctx: AppContext) {
  const authenticator = authenticatorFor(ctx);
  const tokenKey = tokenKeyOf(ctx);

  app.get('/me/permissions', { config: { auth: { user: true } }, schema: { tags: ['auth'], summary: '本人权限与菜单 own permissions and menus' } }, async (request) => {
    const permissions = await authenticator.permissionsOf(requireUser(request));
    return { permissions: [...permissions].sort(), menus: authority.menusFor(permissions, localeFrom(request.headers['accept-language'])) };
  });

  app.get('/orgs', { config: { auth: { user: true, permission: PERMISSIONS.orgsRead } }, schema: { tags: ['auth'], summary: '组织机构树（本机构及下级） org tree in scope' } }, async (request) =>
    authority.orgTree(ctx.database.db, requireUser(request).orgPath ?? '/none/'),
  );

  app.post('/orgs', {
    config: { auth: { user: true, permission: PERMISSIONS.orgsManage } },
    schema: {
      tags: ['auth'],
      summary: '新增下级机构 add a child organization',
      body: Body({ parentId: Id, name: Type.String({ minLength: 1, maxLength: 100 }), level: Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('agency')]), regionCode: RegionCode }),
    },
  }, async (request, reply) => {
    const org = await authority.createOrg(ctx.database.db, requireUser(request), request.body);
    return reply.status(201).send({ id: org.id, parentId: org.parentId, name: org.name, level: org.level, regionCode: org.regionCode });
  });

  app.get('/resources', { config: { auth: { user: true, permission: PERMISSIONS.rolesRead } }, schema: { tags: ['auth'], summary: '资源树 resource tree' } }, async () => authority.resourceTree());

  app.get('/roles', { config: { auth: { user: true, permission: PERMISSIONS.rolesRead } }, schema: { tags: ['auth'], summary: '可见角色 roles in scope' } }, async (request) =>
    authority.visibleRoles(ctx.database.db, requireUser(request)),
  );

  app.post('/roles', {
    config: { auth: { user: true, permission: PERMISSIONS.rolesManage } },
    schema: {
      tags: ['auth'],
      summary: '新增角色 create a role',
      body: Body({
        code: Type.String({ minLength: 2, maxLength: 50, pattern: '^[a-z][a-z0-9_]*$' }),
        name: Type.String({ minLength: 1, maxLength: 50 }),
        kind: Type.Union([Type.Literal('business'), Type.Literal('admin')]),
        orgId: Id,
        permissions: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 200, uniqueItems: true }),
      }),
    },
  }, async (request, reply) => {
    const principal = requireUser(request);
    const role = await authority.createRole(ctx.database.db, principal, await authenticator.permissionsOf(principal), request.body);
    return reply.status(201).send({ id: role.id, code: role.code, name: role.name, kind: role.kind, orgId: role.orgId, permissions: role.permissions });
  });

  app.get('/grants', {
    config: { auth: { user: true, permission: PERMISSIONS.grantsManage } },
    schema: { tags: ['auth'], summary: '账号的角色 roles of an account', querystring: Type.Object({ accountId: Id }) },
  }, async (request) => {
    await inScopeAccount(ctx, requireUser(request), request.query.accountId);
    return authority.grantsOf(ctx.database.db, request.query.accountId);
  });

  app.post('/grants', {
    config: { auth: { user: true, permission: PERMISSIONS.grantsManage } },
    schema: { tags: ['auth'], summary: '授予角色 grant a role', body: Body({ accountId: Id, roleId: Id }) },
  }, async (request, reply) => {
    const principal = requireUser(request);
    const target = await users.accountScope(ctx, request.body.accountId);
    if (!target) throw badRequest('auth.account_not_found', 'accountId');
    const grant = await authority.grantRole(ctx.database.db, principal, await authenticator.permissionsOf(principal), target, request.body.roleId);
    authenticator.forget(request.body.accountId);
    return reply.status(201).send({ id: grant.id, accountId: grant.accountId, role: grant.role });
  });

  app.delete('/grants/:id', {
    config: { auth: { user: true, permission: PERMISSIONS.grantsManage } },
    schema: { tags: ['auth'], summary: '收回角色 revoke a grant', params: Type.Object({ id: Id }) },
  }, async (request, reply) => {
    const grant = await authority.findGrant(ctx.database.db, request.params.id);
    await inScopeAccount(ctx, requireUser(request), grant.accountId);
    await authority.deleteGrant(ctx.database.db, grant.id);
    authenticator.forget(grant.accountId);
    return reply.status(204).send();
  });

  app.get('/channels', { config: { auth: { user: true, permission: PERMISSIONS.channelsManage } }, schema: { tags: ['auth'], summary: '渠道应用 channel apps' } }, async (request) => {
    const principal = requireUser(request);
    const rows = await ctx.database.db.select().from(channelApps);
    const orgs = await Promise.all(rows.map((r) => authority.getOrg(ctx.database.db, r.orgId)));
    return rows
      .filter((_, i) => authority.within(orgs[i]?.path, principal.orgPath))
      .map((r) => ({ appId: r.appId, name: r.name, capabilities: r.capabilities, status: r.status, createdAt: r.createdAt.toISOString() }));
  });

  app.post('/channels', {
    config: { auth: { user: true, permission: PERMISSIONS.channelsManage } },
    schema: {
      tags: ['auth'],
      summary: '注册渠道应用（密钥只显示一次） register a channel app; the secret is shown once',
      body: Body({ name: Type.String({ minLength: 1, maxLength: 100 }), capabilities: Type.Array(Type.Union(CHANNEL_CAPABILITIES.map((c) => Type.Literal(c))), { minItems: 1, uniqueItems: true }) }),
    },
  }, async (request, reply) => {
    const principal = requireUser(request);
    if (!principal.orgId) throw forbidden();
    return reply.status(201).send(await registerChannel(ctx.database.db, ctx.fields, { ...request.body, orgId: principal.orgId }));
  });

  app.post('/channel/introspect', {
    config: { auth: { channel: 'auth.introspect' } },
    schema: { tags: ['channel'], summary: '渠道校验用户令牌（签名请求） a channel checks a user token (signed request)', body: Body({ accessToken: Type.String({ minLength: 1, maxLength: 4096 }) }) },
  }, async (request) => {
    requireChannel(request);
    const claims = verifyAccessToken(tokenKey, request.body.accessToken);
    if (!claims || !(await ctx.cache.get(aliveKey(claims.sid)))) return { active: false };
    return { active: true, accountId: claims.sub, kind: claims.knd, authLevel: claims.lvl, expiresAt: claims.exp };
  });
}

async function inScopeAccount(ctx: AppContext, admin: ReturnType<typeof requireUser>, accountId: string) {
  const target = await users.accountScope(ctx, accountId);
  if (!target) throw notFound('auth.account_not_found');
  if (!authority.within(target.orgPath, admin.orgPath)) throw forbidden('auth.out_of_scope');
  return target;
}

