import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../kernel/context.js';
import type { App } from '../../kernel/http/app.js';
import { requireActor, type AuthRequirement } from '../../kernel/http/auth.js';
import { Body, Id, Literals, PageQuery } from '../../kernel/http/schemas.js';
import * as auth from '../auth/index.js';
import { ChannelName, Day, ITEM_STATUSES, ReconciliationDayView, ReconciliationItemPage, ReconciliationItemView, ReconciliationPage, ReconciliationView } from './contract.js';
import * as reconciliation from './reconciliation.js';
import { RECONCILIATION_KINDS, RESOLUTIONS } from './reconciliation-rules.js';
import { depsFor } from './runtime.js';

const RECONCILE: AuthRequirement = { user: true, permission: auth.PERMISSIONS.paymentReconcile };

/** The regions the clerk's organization acts for (403 `auth.no_org` for an account with none). */
const scopeOf = (request: FastifyRequest) => requireActor(request).scope();

/** 对账 the clerks' daily reconciliation of the payment channels, within their regions. */
export function reconciliationRoutes(app: App, ctx: AppContext) {
  const deps = depsFor(ctx);
  const db = ctx.database.db;

  app.post('/reconciliations', {
    config: { auth: RECONCILE },
    schema: {
      tags: ['payment'],
      summary: '对账 reconcile a day’s channel statement with the platform’s payments and refunds, for your region; a re-run replaces the open items and keeps the decided ones',
      body: Body({ date: Day, channel: ChannelName }),
      response: { 201: ReconciliationView },
    },
  }, async (request, reply) => reply.status(201).send(await reconciliation.reconcile(deps, requireActor(request), request.body)));

  app.post('/reconciliations/daily', {
    config: { auth: RECONCILE },
    schema: {
      tags: ['payment'],
      summary: '日终对账 reconcile a day for every payment channel offered, one report each (as `POST /reconciliations`), for your region',
      body: Body({ date: Day }),
      response: { 201: ReconciliationDayView },
    },
  }, async (request, reply) => reply.status(201).send(await reconciliation.reconcileDay(deps, requireActor(request), request.body)));

  app.get('/reconciliations', {
    config: { auth: RECONCILE },
    schema: {
      tags: ['payment'],
      summary: '对账记录 the reconciliations, newest day first, counted for your region',
      querystring: Type.Object({ ...PageQuery, date: Type.Optional(Day), channel: Type.Optional(ChannelName) }),
      response: { 200: ReconciliationPage },
    },
  }, async (request) => reconciliation.listReconciliations(db, await scopeOf(request), request.query));

  app.get('/reconciliations/:id', {
    config: { auth: RECONCILE },
    schema: { tags: ['payment'], summary: '对账汇总 one reconciliation, counted for your region', params: Type.Object({ id: Id }), response: { 200: ReconciliationView } },
  }, async (request) => reconciliation.getReconciliation(db, await scopeOf(request), request.params.id));

  app.get('/reconciliations/:id/items', {
    config: { auth: RECONCILE },
    schema: {
      tags: ['payment'],
      summary: '对账明细 the compared payments and refunds of your region',
      params: Type.Object({ id: Id }),
      querystring: Type.Object({
        ...PageQuery,
        status: Type.Optional(Literals(ITEM_STATUSES, 'open 待处理 / resolved 已处理 / matched 一致')),
        kind: Type.Optional(Literals(RECONCILIATION_KINDS, 'match 一致 / amount_mismatch 金额不符 / missing_on_platform 平台无记录 / missing_at_channel 渠道无记录')),
      }),
      response: { 200: ReconciliationItemPage },
    },
  }, async (request) => reconciliation.listItems(ctx, await scopeOf(request), request.params.id, request.query));

  app.post('/reconciliation-items/:id/resolve', {
    config: { auth: RECONCILE },
    schema: {
      tags: ['payment'],
      summary: '处理对账差异 decide an open item once; the decision is recorded (an item outside your region is not found)',
      params: Type.Object({ id: Id }),
      body: Body({
        resolution: Literals(RESOLUTIONS, 'confirmed 确认无误 / book_on_platform 平台补记 / refund_payer 原路退回 / channel_adjust 渠道调账 / write_off 核销'),
        note: Type.Optional(Type.String({ maxLength: 500, description: '处理说明' })),
      }),
      response: { 200: ReconciliationItemView },
    },
  }, async (request) => reconciliation.resolveItem(ctx, requireActor(request), request.params.id, request.body));
}
