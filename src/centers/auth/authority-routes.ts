import { Type } from '@sinclair/typebox';
import type { App } from '../../kernel/http/app.js';
import type { AppContext } from '../../kernel/context.js';
import { requireActor, requireUser } from '../../kernel/http/auth.js';
import { Body, Id, Literals, NoContent, Nullable, PageQuery, RegionCode, UPPER_CASE } from '../../kernel/http/schemas.js';
import { localeFrom } from '../../kernel/i18n/index.js';
import * as authority from './authority.js';
import { PERMISSIONS } from './resources.js';
import { bindChannelInstitution, CHANNEL_CAPABILITIES, listChannels, registerChannel } from './channels.js';
import { authenticatorFor } from './authenticator.js';
import { authDeps } from './runtime.js';
import { introspect } from './sessions.js';
import {
  ChannelAppPage,
  ChannelAppView,
  GrantPage,
  GrantView,
  IntrospectionView,
  OrgTreePage,
  OrgView,
  PermissionsView,
  RegisteredChannelView,
  ResourceTreePage,
  RolePage,
  RoleView,
} from './contract.js';
import { wholePage } from '../../kernel/page/index.js';

/** 定点医药机构编码 as the registry keeps it (H / P + pooling region + 5 digits); whether one is registered is the registry's answer. */
const InstitutionCode = Type.String({ minLength: 12, maxLength: 12, pattern: '^[HPhp][0-9]{11}$', [UPPER_CASE]: true, description: '定点医药机构编码, e.g. H41130200746' });

/** 授权管理 organizations, roles, grants and channel applications: the administration side of the center. */
export function authorityRoutes(app: App, ctx: AppContext) {
  const authenticator = authenticatorFor(ctx);
  const deps = authDeps(ctx);
  const db = ctx.database.db;

  app.get('/me/permissions', {
    config: { auth: { user: true } },
    schema: { tags: ['auth'], summary: '本人权限与菜单 own permissions and menus', response: { 200: PermissionsView } },
  }, async (request) => {
    const permissions = await authenticator.permissionsOf(requireUser(request));
    return { permissions: [...permissions].sort(), menus: authority.menusFor(permissions, localeFrom(request.headers['accept-language'])) };
  });

  app.get('/orgs', {
    config: { auth: { user: true, permission: PERMISSIONS.orgsRead } },
    schema: { tags: ['auth'], summary: '组织机构树（本机构及下级） org tree in scope, its root as the one item', response: { 200: OrgTreePage } },
  }, async (request) => wholePage(await authority.orgTree(db, requireActor(request))));

  app.post('/orgs', {
    config: { auth: { user: true, permission: PERMISSIONS.orgsManage } },
    schema: {
      tags: ['auth'],
      summary: '新增下级机构 add a child organization',
      body: Body({ parentId: Id, name: Type.String({ minLength: 1, maxLength: 100 }), level: Literals(['province', 'city', 'agency']), regionCode: RegionCode }),
      response: { 201: OrgView },
    },
  }, async (request, reply) => reply.status(201).send(await authority.createOrg(db, requireActor(request), request.body)));

  app.get('/resources', {
    config: { auth: { user: true, permission: PERMISSIONS.rolesRead } },
    schema: { tags: ['auth'], summary: '资源树 resource tree, its subsystems as the items', response: { 200: ResourceTreePage } },
  }, async () => wholePage(authority.resourceTree()));

  app.get('/roles', {
    config: { auth: { user: true, permission: PERMISSIONS.rolesRead } },
    schema: { tags: ['auth'], summary: '可见角色 roles in scope', querystring: Type.Object(PageQuery), response: { 200: RolePage } },
  }, async (request) => authority.visibleRoles(db, requireActor(request), request.query));

  app.post('/roles', {
    config: { auth: { user: true, permission: PERMISSIONS.rolesManage } },
    schema: {
      tags: ['auth'],
      summary: '新增角色 create a role',
      body: Body({
        code: Type.String({ minLength: 2, maxLength: 50, pattern: '^[a-z][a-z0-9_]*$' }),
        name: Type.String({ minLength: 1, maxLength: 50 }),
        kind: Literals(['business', 'admin']),
        orgId: Id,
        permissions: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 200, uniqueItems: true }),
      }),
      response: { 201: RoleView },
    },
  }, async (request, reply) => reply.status(201).send(await authority.createRole(db, requireActor(request), request.body)));

  app.get('/grants', {
    config: { auth: { user: true, permission: PERMISSIONS.grantsManage } },
    schema: { tags: ['auth'], summary: '账号的角色 roles of an account', querystring: Type.Object({ accountId: Id }), response: { 200: GrantPage } },
  }, async (request) => wholePage(await authority.grantsOf(db, deps.accounts, requireActor(request), request.query.accountId)));

  app.post('/grants', {
    config: { auth: { user: true, permission: PERMISSIONS.grantsManage } },
    schema: { tags: ['auth'], summary: '授予角色 grant a role', body: Body({ accountId: Id, roleId: Id }), response: { 201: GrantView } },
  }, async (request, reply) => {
    const grant = await authority.grantRole(db, deps.accounts, requireActor(request), request.body);
    authenticator.forget(grant.accountId);
    return reply.status(201).send(grant);
  });

  app.delete('/grants/:id', {
    config: { auth: { user: true, permission: PERMISSIONS.grantsManage } },
    schema: { tags: ['auth'], summary: '收回角色 revoke a grant', params: Type.Object({ id: Id }), response: { 204: NoContent } },
  }, async (request, reply) => {
    authenticator.forget(await authority.revokeGrant(db, deps.accounts, requireActor(request), request.params.id));
    return reply.status(204).send(null);
  });

  app.get('/channels', {
    config: { auth: { user: true, permission: PERMISSIONS.channelsManage } },
    schema: { tags: ['auth'], summary: '渠道应用 channel apps in scope', querystring: Type.Object(PageQuery), response: { 200: ChannelAppPage } },
  }, async (request) => listChannels(db, requireActor(request), request.query));

  app.post('/channels', {
    config: { auth: { user: true, permission: PERMISSIONS.channelsManage } },
    schema: {
      tags: ['auth'],
      summary: '注册渠道应用（密钥只显示一次） register a channel app; the secret is shown once',
      body: Body({
        name: Type.String({ minLength: 1, maxLength: 100 }),
        nameEn: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'English display name' })),
        capabilities: Type.Array(Literals(CHANNEL_CAPABILITIES), { minItems: 1, uniqueItems: true }),
        institutionCode: Type.Optional(InstitutionCode),
      }),
      response: { 201: RegisteredChannelView },
    },
  }, async (request, reply) => reply.status(201).send(await registerChannel(ctx, requireActor(request), request.body)));

  app.put('/channels/:appId/institution', {
    config: { auth: { user: true, permission: PERMISSIONS.channelsManage } },
    schema: {
      tags: ['auth'],
      summary: '绑定定点医药机构（null 解除绑定） bind a channel app to a designated institution; null unbinds',
      params: Type.Object({ appId: Id }),
      body: Body({ institutionCode: Nullable(InstitutionCode) }),
      response: { 200: ChannelAppView },
    },
  }, async (request) => bindChannelInstitution(ctx, requireActor(request), request.params.appId, request.body.institutionCode));

  app.post('/channel/introspect', {
    config: { auth: { channel: 'auth.introspect' } },
    schema: {
      tags: ['channel'],
      summary: '渠道校验用户令牌（签名请求） a channel checks a user token (signed request)',
      body: Body({ accessToken: Type.String({ minLength: 1, maxLength: 4096 }) }),
      response: { 200: IntrospectionView },
    },
  }, async (request) => introspect(deps, request.body.accessToken));
}
