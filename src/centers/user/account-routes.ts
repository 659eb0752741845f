import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../kernel/context.js';
import type { App } from '../../kernel/http/app.js';
import { requireActor } from '../../kernel/http/auth.js';
import { Body, Id, IdNumber, Literals, Mobile, PageQuery, Password, PersonName } from '../../kernel/http/schemas.js';
import { PERMISSIONS } from '../auth/index.js';
import { accountOf, createStaffAccount, listAccounts, revealAccount, setLocked } from './administration.js';
import { AccountPage, AccountRevealView, AccountView, LockView } from './contract.js';
import { LoginName } from './routes.js';

const StaffKind = Literals(['institution_staff', 'agency_staff', 'expert', 'admin']);
const IdParams = Type.Object({ id: Id });

/** 账号管理 accounts in an administrator's scope: list, read, create staff, lock and unlock. */
export function accountRoutes(app: App, ctx: AppContext) {
  app.get('/accounts', {
    config: { auth: { user: true, permission: PERMISSIONS.accountsRead } },
    schema: {
      tags: ['user'],
      summary: '账号列表（本机构范围） accounts in scope',
      querystring: Type.Object({ ...PageQuery, kind: Type.Optional(Type.String({ maxLength: 30 })), q: Type.Optional(Type.String({ maxLength: 50 })) }),
      response: { 200: AccountPage },
    },
  }, async (request) => listAccounts(ctx, requireActor(request), request.query));

  app.get('/accounts/:id', {
    config: { auth: { user: true } },
    schema: { tags: ['user'], summary: '查看账号（本人或管理范围内） one account: self, or in an admin’s scope', params: IdParams, response: { 200: AccountView } },
  }, async (request) => accountOf(ctx, requireActor(request), request.params.id));

  app.post('/accounts/:id/reveal', {
    config: { auth: { user: true, permission: PERMISSIONS.piiRead } },
    schema: {
      tags: ['user'],
      summary: '显示完整信息（审计） an account’s name, identity number, phone and credit code in full; each reveal is audited',
      params: IdParams,
      body: Body({ reason: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '查看原因 why (kept in the audit record)' })) }),
      response: { 200: AccountRevealView },
    },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return revealAccount(ctx, requireActor(request), request.params.id, { reason: request.body.reason, requestId: request.id, ip: request.ip });
  });

  app.post('/accounts', {
    config: { auth: { user: true, permission: PERMISSIONS.accountsManage } },
    schema: {
      tags: ['user'],
      summary: '新增机构人员账号 create a staff account in scope',
      body: Body({ kind: StaffKind, loginName: LoginName, name: PersonName, phone: Mobile, idNumber: Type.Optional(IdNumber), orgId: Id, password: Password }),
      response: { 201: AccountView },
    },
  }, async (request, reply) => reply.status(201).send(await createStaffAccount(ctx, requireActor(request), request.body)));

  for (const action of ['lock', 'unlock'] as const) {
    app.post(`/accounts/:id/${action}`, {
      config: { auth: { user: true, permission: PERMISSIONS.accountsManage } },
      schema: { tags: ['user'], summary: action === 'lock' ? '锁定账号 lock an account' : '解锁账号 unlock an account', params: IdParams, response: { 200: LockView } },
    }, async (request) => setLocked(ctx, requireActor(request), request.params.id, action === 'lock'));
  }
}
