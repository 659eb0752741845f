import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../kernel/context.js';
import type { App } from '../../kernel/http/app.js';
import { requireActor } from '../../kernel/http/auth.js';
import { Id, NoContent, PageQuery } from '../../kernel/http/schemas.js';
import { addAgent, revokeAgent, unitAgentList } from './units.js';
import { AccountView, AgentPage } from './contract.js';
import { AgentInput } from './routes.js';

const UnitParams = Type.Object({ unitId: Id });

/** 单位经办人 a unit's agents, managed by its managing agent. */
export function agentRoutes(app: App, ctx: AppContext) {
  app.get('/units/:unitId/agents', {
    config: { auth: { user: true, kinds: ['unit_agent'] } },
    schema: { tags: ['user'], summary: '单位经办人列表 agents of a unit', params: UnitParams, querystring: Type.Object(PageQuery), response: { 200: AgentPage } },
  }, async (request) => unitAgentList(ctx.database.db, ctx.fields, requireActor(request).accountId, request.params.unitId, request.query));

  app.post('/units/:unitId/agents', {
    config: { auth: { user: true, kinds: ['unit_agent'] } },
    schema: { tags: ['user'], summary: '新增经办人（单位管理员） add an agent', params: UnitParams, body: AgentInput, response: { 201: AccountView } },
  }, async (request, reply) => reply.status(201).send(await addAgent(ctx, requireActor(request).accountId, request.params.unitId, request.body)));

  app.delete('/units/:unitId/agents/:accountId', {
    config: { auth: { user: true, kinds: ['unit_agent'] } },
    schema: { tags: ['user'], summary: '解除经办人 revoke an agent', params: Type.Object({ unitId: Id, accountId: Id }), response: { 204: NoContent } },
  }, async (request, reply) => {
    await revokeAgent(ctx, requireActor(request).accountId, request.params.unitId, request.params.accountId);
    return reply.status(204).send(null);
  });
}
