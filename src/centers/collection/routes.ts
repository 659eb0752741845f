import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { and, eq } from 'drizzle-orm';
import type { AppContext, CenterModule } from '../../kernel/context.js';
import { DomainError, forbidden } from '../../kernel/errors/index.js';
import { requireUser, type UserPrincipal } from '../../kernel/http/auth.js';
import { Body, Id, PageQuery, RegionCode, YearMonth } from '../../kernel/http/schemas.js';
import { localeFrom } from '../../kernel/i18n/index.js';
import * as auth from '../auth/index.js';
import * as policy from '../policy/index.js';
import { bills } from './schema.js';
import { BILL_STATUSES, COLLECTION_MODES, FILE_KINDS, PAYMENT_STATUSES, RECEIVABLE_STATUSES, RECONCILIATION_KINDS, RESOLUTIONS, ROW_OUTCOMES, RUN_STATUSES, type FileKind } from './rules.js';
import { createRun, getRun, listProblems, listRuns, runView } from './runs.js';
import { workerFor } from './runtime.js';
import * as files from './payments.js';
import * as reconciliation from './reconciliation.js';
import * as account from './account.js';
import { billView } from './pools.js';
import { billContext, billPdfBuffer, billXlsxBuffer } from './documents.js';
import { page, regionScope, type Actor } from './service.js';
import './messages.js';

const literals = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
const InsuranceTypeCode = Type.String({ minLength: 2, maxLength: 20, pattern: '^[0-9A-Za-z_]+$', description: '险种代码, e.g. 310, 410' });
const IdParams = Type.Object({ id: Id });
const FILE_STREAM = Symbol('collection.file');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An uploaded file as the body: the stream itself, under a symbol so the audit record never sees it. */
interface Upload {
  format: 'csv' | 'xlsx';
  [FILE_STREAM]: AsyncIterable<Uint8Array>;
}

const ImportQuery = Type.Object({
  regionCode: RegionCode,
  fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});

const FILE_ROUTES: Array<{ path: string; kind: FileKind; summary: string; columns: string }> = [
  {
    path: '/imports/tax-payments',
    kind: 'tax_payments',
    summary: '税务全责：导入税务缴费明细 import the tax bureau’s payment detail (tax_full regions)',
    columns: '缴费主体代码/payerCode (统一社会信用代码 or 身份证号), 所属期/month (YYYY-MM or YYYYMM), 险种/insuranceType, 金额（分）/amountFen, 税票号码/voucherNo, 缴款日期/paidDate',
  },
  {
    path: '/imports/tax-results',
    kind: 'tax_results',
    summary: '税务半责：导入税务征收结果 import the tax bureau’s results for exported receivables (tax_half regions)',
    columns: '参考号/reference (from the export), 缴费状态/status (已缴 paid / 未缴 unpaid), 金额（分）/amountFen, 税票号码/voucherNo and 缴款日期/paidDate when paid',
  },
  {
    path: '/imports/bank-results',
    kind: 'bank_results',
    summary: '经办机构自收：导入银行代扣结果 import the bank’s withholding results (agency regions)',
    columns: '参考号/reference (from the withholding file), 扣款结果/result (成功 success / 失败 failure), 金额（分）/amountFen, 银行流水号/bankSerial and 扣款日期/paidDate on success, 失败原因/reason',
  },
];

export const collectionCenter: CenterModule = {
  name: 'collection',
  async routes(app, ctx) {
    const db = ctx.database.db;
    const worker = workerFor(ctx);
    app.addHook('onClose', async () => worker.stop());

    const P = auth.PERMISSIONS;
    const read = { user: true, permission: P.collectionRead } as const;
    const manage = { user: true, permission: P.collectionManage } as const;
    const actor = (request: FastifyRequest) => actorOf(ctx, requireUser(request));
    const locale = (request: FastifyRequest) => localeFrom(request.headers['accept-language']);

    // Files (this center's routes only): the stream goes to the handler unread; its size is checked as it is read.
    app.addContentTypeParser(['text/csv', 'application/csv', XLSX], (request, payload, done) => {
      const length = Number(request.headers['content-length']);
      if (length > files.IMPORT_DEFAULTS.maxBytes) return done(new DomainError('request.body_too_large', 'too_large', { field: 'body' }, 'body'), undefined);
      const format = (request.headers['content-type'] ?? '').toLowerCase().startsWith(XLSX) ? 'xlsx' : 'csv';
      done(null, { format, [FILE_STREAM]: payload } satisfies Upload);
    });

    // ------------------------------------------------------------------------------------ runs

    app.post('/runs', {
      config: { auth: manage },
      schema: {
        tags: ['collection'],
        summary: '应收核定：发起核定批次（后台处理，202） compute a month’s receivables in the background',
        description:
          '`regionCode` is the enrollments’ own region (exact, e.g. 411302); without it, every region of your jurisdiction. ' +
          'The same run still queued or running is answered instead of a second one. Follow it at GET /runs/{id}; persons that could not be computed at GET /runs/{id}/problems.',
        body: Body({ month: YearMonth, regionCode: Type.Optional(RegionCode), insuranceType: Type.Optional(InsuranceTypeCode) }),
      },
    }, async (request, reply) => {
      const { run } = await createRun(ctx, await actor(request), request.body);
      worker.kick();
      return reply.status(202).header('location', `/api/v1/collection/runs/${run.id}`).send(runView(run, locale(request)));
    });

    app.get('/runs', {
      config: { auth: read },
      schema: {
        tags: ['collection'],
        summary: '核定批次列表（本辖区） receivable runs in your region',
        querystring: Type.Object({ ...PageQuery, month: Type.Optional(YearMonth), status: Type.Optional(literals(RUN_STATUSES)) }),
      },
    }, async (request) => {
      const { rows, total } = await listRuns(db, await actor(request), request.query);
      return page(rows.map((r) => runView(r, locale(request))), total, request.query);
    });

    app.get('/runs/:id', {
      config: { auth: read },
      schema: { tags: ['collection'], summary: '核定进度：人数、明细数、按缴费主体合计 run progress and totals', params: IdParams },
    }, async (request) => runView(await getRun(db, await actor(request), request.params.id), locale(request)));

    app.get('/runs/:id/problems', {
      config: { auth: read },
      schema: { tags: ['collection'], summary: '无法核定的人员（缺少基数等） enrollments the run could not compute', params: IdParams, querystring: Type.Object(PageQuery) },
    }, async (request) => {
      const run = await getRun(db, await actor(request), request.params.id);
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
          status: Type.Optional(literals(RECEIVABLE_STATUSES)),
          explain: Type.Optional(Type.Boolean({ description: '附计算说明 with the bilingual explanation of each line' })),
        }),
      },
    }, async (request) => account.listReceivables(ctx, await actor(request), request.query));

    // ----------------------------------------------------------------------------------- bills

    app.get('/bills', {
      config: { auth: read },
      schema: {
        tags: ['collection'],
        summary: '单位缴费单（本辖区） unit bills in your region',
        querystring: Type.Object({ ...PageQuery, month: Type.Optional(YearMonth), entityId: Type.Optional(Id), status: Type.Optional(literals(BILL_STATUSES)) }),
      },
    }, async (request) => {
      const a = await actor(request);
      const q = request.query;
      const where = and(
        regionScope(bills.regionCode, a.prefix),
        q.month ? eq(bills.month, policy.monthKey(q.month, 'month')) : undefined,
        q.entityId ? eq(bills.entityId, q.entityId) : undefined,
        q.status ? eq(bills.status, q.status) : undefined,
      );
      const found = await account.listBills(db, where, q);
      return { ...found, items: await account.withUnitNames(ctx, found.items) };
    });

    app.get('/bills/:id', {
      config: { auth: read },
      schema: { tags: ['collection'], summary: '缴费单详情 one bill', params: IdParams },
    }, async (request) => (await account.withUnitNames(ctx, [billView(await account.regionBill(db, await actor(request), request.params.id))]))[0]);

    app.get('/bills/:id/pdf', {
      config: { auth: read },
      schema: { tags: ['collection'], summary: '缴费单 PDF the bill as a PDF', params: IdParams },
    }, async (request, reply) => {
      const bill = await account.regionBill(db, await actor(request), request.params.id);
      const pdf = await billPdfBuffer(await billContext(ctx, bill, await account.billLines(db, bill)));
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${bill.number}.pdf"`).send(pdf);
    });

    app.get('/bills/:id/xlsx', {
      config: { auth: read },
      schema: { tags: ['collection'], summary: '缴费单 Excel the bill as an XLSX workbook', params: IdParams },
    }, async (request, reply) => {
      const bill = await account.regionBill(db, await actor(request), request.params.id);
      const xlsx = await billXlsxBuffer(await billContext(ctx, bill, await account.billLines(db, bill)));
      return reply.type(XLSX).header('content-disposition', `attachment; filename="${bill.number}.xlsx"`).send(xlsx);
    });

    // -------------------------------------------------------------------------------- settings

    app.put('/settings/:regionCode', {
      config: { auth: manage },
      schema: {
        tags: ['collection'],
        summary: '设置统筹区征收模式 set a pooling region’s collection mode',
        description: 'tax_full 税务全责 (the tax bureau collects and sends its detail), tax_half 税务半责 (we compute, the tax bureau collects), agency 经办机构自收 (we compute, banks withhold).',
        params: Type.Object({ regionCode: RegionCode }),
        body: Body({ mode: literals(COLLECTION_MODES) }),
      },
    }, async (request) => files.setMode(ctx, await actor(request), request.params.regionCode, request.body.mode));

    app.get('/settings', {
      config: { auth: read },
      schema: { tags: ['collection'], summary: '征收模式（本辖区） collection modes in your region' },
    }, async (request) => files.listSettings(ctx, await actor(request)));

    // ------------------------------------------------------------------------- files, payments

    for (const route of FILE_ROUTES) {
      app.post(route.path, {
        config: { auth: manage },
        schema: {
          tags: ['collection'],
          summary: route.summary,
          description:
            `Body: the file itself, \`Content-Type: text/csv\` (UTF-8, or \`; charset=gb18030\`) or \`${XLSX}\` (first sheet), up to 64 MiB. ` +
            `Header row with ${route.columns}. Rows are committed in batches; a bad row is reported (row, field, reason) and the others are kept. ` +
            'A row already imported (same voucher or serial, same content) changes nothing. All rows at GET /imports/{id}/rows.',
          querystring: ImportQuery,
        },
      }, async (request, reply) => {
        const upload = request.body as Upload | undefined;
        const stream = upload?.[FILE_STREAM];
        if (!stream) throw new DomainError('collection.file_required', 'unsupported_media', { field: 'content-type' }, 'content-type');
        const charset = upload.format === 'csv' ? charsetOf(request) : undefined;
        const result = await files.importFile(
          ctx,
          await actor(request),
          { kind: route.kind, regionCode: request.query.regionCode, format: upload.format, charset, body: stream, fileName: request.query.fileName ?? null },
          locale(request),
        );
        (request as { body: unknown }).body = { format: upload.format, fileId: result.id };
        return reply.status(201).send(result);
      });
    }

    app.get('/imports', {
      config: { auth: read },
      schema: {
        tags: ['collection'],
        summary: '导入文件列表（本辖区） imported files in your region',
        querystring: Type.Object({ ...PageQuery, kind: Type.Optional(literals(FILE_KINDS)), regionCode: Type.Optional(RegionCode) }),
      },
    }, async (request) => {
      const { rows, total } = await files.listFiles(db, await actor(request), request.query);
      return page(rows.map((f) => files.fileView(f, locale(request))), total, request.query);
    });

    app.get('/imports/:id', {
      config: { auth: read },
      schema: { tags: ['collection'], summary: '导入文件：各类行数与金额 an imported file and its counts', params: IdParams },
    }, async (request) => files.fileView(await files.getFile(db, await actor(request), request.params.id), locale(request)));

    app.get('/imports/:id/rows', {
      config: { auth: read },
      schema: {
        tags: ['collection'],
        summary: '文件逐行结果（错误含行号、字段、原因） what became of each row; errors name row, field and reason',
        params: IdParams,
        querystring: Type.Object({ ...PageQuery, outcome: Type.Optional(literals(ROW_OUTCOMES)) }),
      },
    }, async (request) => {
      const file = await files.getFile(db, await actor(request), request.params.id);
      return files.fileRows(db, file.id, request.query, locale(request));
    });

    const ExportQuery = Type.Object({ month: YearMonth, regionCode: RegionCode });
    app.get('/exports/tax-receivables', {
      config: { auth: manage },
      schema: {
        tags: ['collection'],
        summary: '税务半责：导出应收（CSV） the outstanding receivables sent to the tax bureau (tax_half regions)',
        description: 'One row per payer and insurance type with the reference the tax bureau’s results must quote.',
        querystring: ExportQuery,
      },
    }, async (request, reply) => {
      const principal = requireUser(request);
      const { month, regionCode } = await files.prepareExport(ctx, await actorOf(ctx, principal), 'tax_receivables', request.query);
      const unmasked = await auth.hasPermission(ctx, principal, P.piiRead);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="tax-receivables-${regionCode}-${month}.csv"`)
        .send(Readable.from(files.taxReceivablesCsv(ctx, month, regionCode, unmasked, locale(request))));
    });

    app.get('/exports/bank-withholding', {
      config: { auth: manage },
      schema: {
        tags: ['collection'],
        summary: '经办机构自收：导出银行代扣文件（CSV） the bank withholding file (agency regions)',
        description: 'One row per payer and insurance type: reference, payer key (no account numbers), amount in fen.',
        querystring: ExportQuery,
      },
    }, async (request, reply) => {
      const { month, regionCode } = await files.prepareExport(ctx, await actor(request), 'bank_withholding', request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="bank-withholding-${regionCode}-${month}.csv"`)
        .send(Readable.from(files.bankWithholdingCsv(ctx, month, regionCode, locale(request))));
    });

    app.get('/payments', {
      config: { auth: read },
      schema: {
        tags: ['collection'],
        summary: '到账记录（本辖区） payments that arrived, in your region',
        querystring: Type.Object({
          ...PageQuery,
          month: Type.Optional(YearMonth),
          regionCode: Type.Optional(RegionCode),
          payerKey: Type.Optional(Id),
          status: Type.Optional(literals(PAYMENT_STATUSES)),
        }),
      },
    }, async (request) => files.listPayments(db, await actor(request), request.query));

    // -------------------------------------------------------------------------- reconciliation

    app.post('/reconciliations', {
      config: { auth: manage },
      schema: {
        tags: ['collection'],
        summary: '对账：应收、到账与文件行逐户比对 reconcile a region’s month: receivables, payments and file rows per payer',
        body: Body({ month: YearMonth, regionCode: RegionCode }),
      },
    }, async (request, reply) => reply.status(201).send(await reconciliation.reconcile(ctx, await actor(request), request.body)));

    app.get('/reconciliations', {
      config: { auth: read },
      schema: {
        tags: ['collection'],
        summary: '对账记录（本辖区） the reconciliations of your region, newest first',
        querystring: Type.Object({ ...PageQuery, month: Type.Optional(YearMonth), regionCode: Type.Optional(RegionCode) }),
      },
    }, async (request) => reconciliation.listReconciliations(db, await actor(request), request.query));

    app.get('/reconciliations/:id', {
      config: { auth: read },
      schema: { tags: ['collection'], summary: '对账结果汇总 a reconciliation’s summary', params: IdParams },
    }, async (request) => reconciliation.getReconciliation(db, await actor(request), request.params.id));

    app.get('/reconciliations/:id/items', {
      config: { auth: read },
      schema: {
        tags: ['collection'],
        summary: '对账差异 the mismatches found',
        params: IdParams,
        querystring: Type.Object({ ...PageQuery, status: Type.Optional(literals(['open', 'resolved'] as const)), kind: Type.Optional(literals(RECONCILIATION_KINDS)) }),
      },
    }, async (request) => reconciliation.listItems(db, await actor(request), request.params.id, request.query));

    app.post('/reconciliation-items/:id/resolve', {
      config: { auth: manage },
      schema: {
        tags: ['collection'],
        summary: '处理对账差异（记录处理决定） decide a mismatch; the decision is recorded',
        params: IdParams,
        body: Body({
          resolution: literals(RESOLUTIONS, 'chase_payment 追缴 / refund 退费 / carry_forward 结转下期 / write_off 核销 / confirmed 确认无误'),
          note: Type.Optional(Type.String({ maxLength: 500 })),
        }),
      },
    }, async (request) => reconciliation.resolveItem(ctx, await actor(request), request.params.id, request.body));
  },

  async start(ctx) {
    workerFor(ctx).start();
  },
};

/** Clerks act within their organization's region (as the other core centers scope them). */
export async function actorOf(ctx: AppContext, principal: UserPrincipal): Promise<Actor> {
  const org = principal.orgId ? await auth.getOrg(ctx, principal.orgId) : null;
  if (!org) throw forbidden('collection.no_org');
  return { accountId: principal.accountId, prefix: auth.regionPrefixOf(org) };
}

function charsetOf(request: FastifyRequest): 'utf-8' | 'gb18030' {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(request.headers['content-type'] ?? '');
  if (!match) return 'utf-8';
  const name = match[1].toLowerCase();
  if (['utf-8', 'utf8'].includes(name)) return 'utf-8';
  if (['gb18030', 'gbk', 'gb2312'].includes(name)) return 'gb18030';
  throw new DomainError('collection.charset_unsupported', 'invalid', { field: 'charset', charset: match[1].slice(0, 30) }, 'charset');
}
