import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../kernel/context.js';
import type { App } from '../../kernel/http/app.js';
import { requireActor, requireChannel } from '../../kernel/http/auth.js';
import { Body, Id, PageQuery } from '../../kernel/http/schemas.js';
import { IdempotencyHeaders } from '../../kernel/idempotency/index.js';
import { SETTLE_CAPABILITY } from './capabilities.js';
import { MySettlementPage, PreSettlementView, SettlementReference, SettlementView, VisitFields } from './contract.js';
import * as service from './service.js';

const CHANNEL = { channel: SETTLE_CAPABILITY } as const;

/** The settlement routes: the institutions' signed calls, and the person's own settlements. */
export function settlementRoutes(app: App, ctx: AppContext) {
  app.post('/pre-settlements', {
    config: { auth: CHANNEL },
    schema: {
      tags: ['settlement'],
      summary:
        '预结算 pre-settlement: the figures a settlement would give now, each with its rule; writes nothing (institution bound to the app, signed request, the settlement token of the person’s verified code)',
      body: Body({ ...VisitFields, settlementReference: Type.Optional(SettlementReference) }),
      response: { 200: PreSettlementView },
    },
  }, async (request) => service.preSettleForChannel(ctx, requireChannel(request), request.body));

  app.post('/settlements', {
    config: { auth: CHANNEL },
    schema: {
      tags: ['settlement'],
      summary:
        '结算 settle a visit: funds, personal account and cash, year-to-date accumulations (institution bound to the app, signed request, the settlement token of the person’s verified code: one settlement per token; Idempotency-Key)',
      headers: IdempotencyHeaders,
      body: Body({ ...VisitFields, settlementReference: SettlementReference }),
      response: { 201: SettlementView },
    },
  }, async (request, reply) => {
    const { settlement, replayed } = await service.settleForChannel(ctx, requireChannel(request), request.body, request.headers['idempotency-key']);
    return reply.status(201).header('idempotent-replayed', String(replayed)).send(settlement);
  });

  app.post('/settlements/:id/reversal', {
    config: { auth: CHANNEL },
    schema: {
      tags: ['settlement'],
      summary: '冲正 reverse a settlement once: accumulations and the personal-account payment given back (the settling institution; Idempotency-Key)',
      headers: IdempotencyHeaders,
      params: Type.Object({ id: Id }),
      body: Type.Optional(Body({ reason: Type.Optional(Type.String({ maxLength: 200, description: '冲正原因' })) })),
      response: { 200: SettlementView },
    },
  }, async (request, reply) => {
    const { settlement, replayed } = await service.reverseSettlement(ctx, requireChannel(request), request.params.id, request.headers['idempotency-key']);
    return reply.status(200).header('idempotent-replayed', String(replayed)).send(settlement);
  });

  app.get('/mine', {
    config: { auth: { user: true, kinds: ['person'], level: 2 } },
    schema: {
      tags: ['settlement'],
      summary: '我的结算记录 the person’s own settlements, each figure with the rule that produced it',
      querystring: Type.Object({ ...PageQuery, year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })) }),
      response: { 200: MySettlementPage },
    },
  }, async (request) => service.mySettlements(ctx, await requireActor(request).personId(), request.query));
}
