/**
 * HTTP routes of the collection center for clerks (征缴经办): receivable runs, receivable lines, unit
 * bills and reconciliation. Files, exports, payments and collection modes are in file-routes.ts.
 * Every route acts within the regions of the clerk's organization: what lies outside reads as 404.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../kernel/context.js';
import { requireActor } from '../../kernel/http/auth.js';
import type { App } from '../../kernel/http/app.js';
import { Body, FileBody, Id, Literals, Page, PageQuery, RegionCode, YearMonth } from '../../kernel/http/schemas.js';
import { localeFrom } from '../../kernel/i18n/index.js';
import * as auth from '../auth/index.js';
import { BILL_STATUSES, RECEIVABLE_STATUSES, RECONCILIATION_KINDS, RESOLUTIONS, RUN_STATUSES } from './rules.js';
import { createRun, getRun, listProblems, listRuns, runView } from './runs.js';
import { workerFor } from './runtime.js';
import * as reconciliation from './reconciliation.js';
import * as account from './account.js';
import { billContext, billPdfBuffer, billXlsxBuffer } from './documents.js';
import type { Clerk } from './service.js';
import { ReceivableView, ReconciliationItemView, ReconciliationView, RegionBillView, RunProblemView, RunView } from './contract.js';
import './messages.js';

const P = auth.PERMISSIONS;
export const read = { user: true, permission: P.collectionRead } as const;
export const manage = { user: true, permission: P.collectionManage } as const;
export const InsuranceTypeCode = Type.String({ minLength: 2, maxLength: 20, pattern: '^[0-9A-Za-z_]+$', description: '险种代码, e.g. 310, 410' });
export const IdParams = Type.Object({ id: Id });
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const locale = (request: FastifyRequest) => localeFrom(request.headers['accept-language']);

/** The regions the signed-in clerk's organization acts for (403 `auth.no_org` without one). */
export const scopeOf = (request: FastifyRequest) => requireActor(request).scope();

/** The signed-in clerk: who, for what they create, and their scope. */
export async function clerkOf(request: FastifyRequest): Promise<Clerk> {
  const actor = requireActor(request);
  return { accountId: actor.accountId, scope: await actor.scope() };
}

/** 应收核定 runs and the receivable lines they write. */
export function runRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  const worker = workerFor(ctx);

  app.post('/runs', {
    config: { auth: manage },
    schema: {
      tags: ['collection'],
      summary: '应收核定：发起核定批次（后台处理，202） compute a month’s receivables in the background',
      description:
        '`regionCode` is the enrollments’ own region (exact, e.g. 411302); without it, every region of your jurisdiction. ' +
        'The same run still queued or running is answered instead of a second one. Follow it at GET /runs/{id}; persons that could not be computed at GET /runs/{id}/problems.',
      body: Body({ month: YearMonth, regionCode: Type.Optional(RegionCode), insuranceType: Type.Optional(InsuranceTypeCode) }),
      response: { 202: RunView },
    },
  }, async (request, reply) => {
    const { run } = await createRun(ctx, await clerkOf(request), request.body);
    worker.kick();
    return reply.status(202).header('location', `/api/v1/collection/runs/${run.id}`).send(runView(run, locale(request)));
  });

  app.get('/runs', {
    config: { auth: read },
    schema: {
      tags: ['collection'],
      summary: '核定批次列表（本辖区） receivable runs in your region',
      querystring: Type.Object({ ...PageQuery, month: Type.Optional(YearMonth), status: Type.Optional(Literals(RUN_STATUSES)) }),
      response: { 200: Page(RunView) },
    },
  }, async (request) => listRuns(db, await scopeOf(request), request.query, locale(request)));

  app.get('/runs/:id', {
    config: { auth: read },
    schema: { tags: ['collection'], summary: '核定进度：人数、明细数、按缴费主体合计 run progress and totals', params: IdParams, response: { 200: RunView } },
  }, async (request) => runView(await getRun(db, await scopeOf(request), request.params.id), locale(request)));

  app.get('/runs/:id/problems', {
    config: { auth: read },
    schema: {
      tags: ['collection'],
      summary: '无法核定的人员（缺少基数等） enrollments the run could not compute',
      params: IdParams,
      querystring: Type.Object(PageQuery),
      response: { 200: Page(RunProblemView) },
    },
  }, async (request) => {
    const run = await getRun(db, await scopeOf(request), request.params.id);
    return listProblems(db, run.id, request.query, locale(request));
  });

  app.get('/receivables', {
    config: { auth: read },
    schema: {
      tags: ['collection'],
      summary: '应收明细（本辖区） receivable lines in your region',
      querystring: Type.Object({
        ...PageQuery,
        month: Type.Optional(YearMonth),
        personId: Type.Optional(Id),
        entityId: Type.Optional(Id),
        insuranceType: Type.Optional(InsuranceTypeCode),
        status: Type.Optional(Literals(RECEIVABLE_STATUSES)),
        explain: Type.Optional(Type.Boolean({ description: '附计算说明 with the bilingual explanation of each line' })),
      }),
      response: { 200: Page(ReceivableView) },
    },
  }, async (request) => account.listReceivables(ctx, await scopeOf(request), request.query));
}

/** 单位缴费单 the units' bills of the clerk's regions, as JSON, PDF and XLSX. */
export function billRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;

  app.get('/bills', {
    config: { auth: read },
    schema: {
      tags: ['collection'],
      summary: '单位缴费单（本辖区） unit bills in your region',
      querystring: Type.Object({ ...PageQuery, month: Type.Optional(YearMonth), entityId: Type.Optional(Id), status: Type.Optional(Literals(BILL_STATUSES)) }),
      response: { 200: Page(RegionBillView) },
    },
  }, async (request) => account.listRegionBills(ctx, await scopeOf(request), request.query));

  app.get('/bills/:id', {
    config: { auth: read },
    schema: { tags: ['collection'], summary: '缴费单详情 one bill', params: IdParams, response: { 200: RegionBillView } },
  }, async (request) => account.getRegionBill(ctx, await scopeOf(request), request.params.id));

  app.get('/bills/:id/pdf', {
    config: { auth: read },
    schema: { tags: ['collection'], summary: '缴费单 PDF the bill as a PDF', params: IdParams, response: { 200: FileBody('application/pdf', '缴费单 PDF') } },
  }, async (request, reply) => {
    const bill = await account.regionBill(db, await scopeOf(request), request.params.id);
    const pdf = await billPdfBuffer(await billContext(ctx, bill, await account.billLines(db, bill)));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${bill.number}.pdf"`).send(pdf);
  });

  app.get('/bills/:id/xlsx', {
    config: { auth: read },
    schema: { tags: ['collection'], summary: '缴费单 Excel the bill as an XLSX workbook', params: IdParams, response: { 200: FileBody(XLSX, '缴费单 Excel') } },
  }, async (request, reply) => {
    const bill = await account.regionBill(db, await scopeOf(request), request.params.id);
    const xlsx = await billXlsxBuffer(await billContext(ctx, bill, await account.billLines(db, bill)));
    return reply.type(XLSX).header('content-disposition', `attachment; filename="${bill.number}.xlsx"`).send(xlsx);
  });
}

/** 对账 reconciliations of a pooling region's month and the decisions on their mismatches. */
export function reconciliationRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;

  app.post('/reconciliations', {
    config: { auth: manage },
    schema: {
      tags: ['collection'],
      summary: '对账：应收、到账与文件行逐户比对 reconcile a region’s month: receivables, payments and file rows per payer',
      body: Body({ month: YearMonth, regionCode: RegionCode }),
      response: { 201: ReconciliationView },
    },
  }, async (request, reply) => reply.status(201).send(await reconciliation.reconcile(ctx, await clerkOf(request), request.body)));

  app.get('/reconciliations', {
    config: { auth: read },
    schema: {
      tags: ['collection'],
      summary: '对账记录（本辖区） the reconciliations of your region, newest first',
      querystring: Type.Object({ ...PageQuery, month: Type.Optional(YearMonth), regionCode: Type.Optional(RegionCode) }),
      response: { 200: Page(ReconciliationView) },
    },
  }, async (request) => reconciliation.listReconciliations(db, await scopeOf(request), request.query));

  app.get('/reconciliations/:id', {
    config: { auth: read },
    schema: { tags: ['collection'], summary: '对账结果汇总 a reconciliation’s summary', params: IdParams, response: { 200: ReconciliationView } },
  }, async (request) => reconciliation.getReconciliation(db, await scopeOf(request), request.params.id));

  app.get('/reconciliations/:id/items', {
    config: { auth: read },
    schema: {
      tags: ['collection'],
      summary: '对账差异 the mismatches found',
      params: IdParams,
      querystring: Type.Object({ ...PageQuery, status: Type.Optional(Literals(['open', 'resolved'] as const)), kind: Type.Optional(Literals(RECONCILIATION_KINDS)) }),
      response: { 200: Page(ReconciliationItemView) },
    },
  }, async (request) => reconciliation.listItems(db, await scopeOf(request), request.params.id, request.query));

  app.post('/reconciliation-items/:id/resolve', {
    config: { auth: manage },
    schema: {
      tags: ['collection'],
      summary: '处理对账差异（记录处理决定） decide a mismatch; the decision is recorded',
      params: IdParams,
      body: Body({
        resolution: Literals(RESOLUTIONS, 'chase_payment 追缴 / refund 退费 / carry_forward 结转下期 / write_off 核销 / confirmed 确认无误'),
        note: Type.Optional(Type.String({ maxLength: 500 })),
      }),
      response: { 200: ReconciliationItemView },
    },
  }, async (request) => reconciliation.resolveItem(ctx, await clerkOf(request), request.params.id, request.body));
}
