/**
 * HTTP routes of the files the collection center exchanges with the tax bureau and banks, per the
 * pooling region's collection mode (征收模式): the modes, the imports (CSV or XLSX bodies, streamed),
 * the exports (CSV, streamed) and the payments the imports brought.
 */
import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../kernel/context.js';
import { DomainError } from '../../kernel/errors/index.js';
import { requireActor } from '../../kernel/http/auth.js';
import type { App } from '../../kernel/http/app.js';
import { Body, FileBody, Id, Literals, Page, PageQuery, RegionCode, YearMonth } from '../../kernel/http/schemas.js';
import * as auth from '../auth/index.js';
import { COLLECTION_MODES, FILE_KINDS, PAYMENT_STATUSES, ROW_OUTCOMES, type FileKind } from './rules.js';
import * as files from './payments.js';
import { FileRowView, ImportFileView, ImportResultView, PaymentView, SettingView } from './contract.js';
import { clerkOf, IdParams, locale, manage, read, scopeOf, XLSX } from './routes.js';

const FILE_STREAM = Symbol('collection.file');

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

const CSV_FILE = FileBody('text/csv', 'CSV, UTF-8 with a byte-order mark');

/** 征收模式 the pooling regions' collection modes. */
export function settingRoutes(app: App, ctx: AppContext) {
  app.put('/settings/:regionCode', {
    config: { auth: manage },
    schema: {
      tags: ['collection'],
      summary: '设置统筹区征收模式 set a pooling region’s collection mode',
      description: 'tax_full 税务全责 (the tax bureau collects and sends its detail), tax_half 税务半责 (we compute, the tax bureau collects), agency 经办机构自收 (we compute, banks withhold).',
      params: Type.Object({ regionCode: RegionCode }),
      body: Body({ mode: Literals(COLLECTION_MODES) }),
      response: { 200: SettingView },
    },
  }, async (request) => files.setMode(ctx, await clerkOf(request), request.params.regionCode, request.body.mode));

  app.get('/settings', {
    config: { auth: read },
    schema: { tags: ['collection'], summary: '征收模式（本辖区） collection modes in your region', querystring: Type.Object(PageQuery), response: { 200: Page(SettingView) } },
  }, async (request) => files.listSettings(ctx.database.db, await scopeOf(request), request.query));
}

/** Files in (imports), files out (exports), and the payments the files brought. */
export function fileRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;

  // Files (this center's routes only): the stream goes to the handler unread; its size is checked as it is read.
  app.addContentTypeParser(['text/csv', 'application/csv', XLSX], (request, payload, done) => {
    const length = Number(request.headers['content-length']);
    if (length > files.IMPORT_DEFAULTS.maxBytes) return done(new DomainError('request.body_too_large', 'too_large', { field: 'body' }, 'body'), undefined);
    const format = (request.headers['content-type'] ?? '').toLowerCase().startsWith(XLSX) ? 'xlsx' : 'csv';
    done(null, { format, [FILE_STREAM]: payload } satisfies Upload);
  });

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
        response: { 201: ImportResultView },
      },
    }, async (request, reply) => {
      const upload = request.body as Upload | undefined;
      const stream = upload?.[FILE_STREAM];
      if (!stream) throw new DomainError('collection.file_required', 'unsupported_media', { field: 'content-type' }, 'content-type');
      const charset = upload.format === 'csv' ? charsetOf(request) : undefined;
      const result = await files.importFile(
        ctx,
        await clerkOf(request),
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
      querystring: Type.Object({ ...PageQuery, kind: Type.Optional(Literals(FILE_KINDS)), regionCode: Type.Optional(RegionCode) }),
      response: { 200: Page(ImportFileView) },
    },
  }, async (request) => files.listFiles(db, await scopeOf(request), request.query, locale(request)));

  app.get('/imports/:id', {
    config: { auth: read },
    schema: { tags: ['collection'], summary: '导入文件：各类行数与金额 an imported file and its counts', params: IdParams, response: { 200: ImportFileView } },
  }, async (request) => files.fileView(await files.getFile(db, await scopeOf(request), request.params.id), locale(request)));

  app.get('/imports/:id/rows', {
    config: { auth: read },
    schema: {
      tags: ['collection'],
      summary: '文件逐行结果（错误含行号、字段、原因） what became of each row; errors name row, field and reason',
      params: IdParams,
      querystring: Type.Object({ ...PageQuery, outcome: Type.Optional(Literals(ROW_OUTCOMES)) }),
      response: { 200: Page(FileRowView) },
    },
  }, async (request) => {
    const file = await files.getFile(db, await scopeOf(request), request.params.id);
    return files.fileRows(db, file.id, request.query, locale(request));
  });

  const ExportQuery = Type.Object({ month: YearMonth, regionCode: RegionCode });
  app.get('/exports/tax-receivables', {
    config: { auth: manage },
    schema: {
      tags: ['collection'],
      summary: '税务半责：导出应收（CSV） the outstanding receivables sent to the tax bureau (tax_half regions)',
      description: 'One row per payer and insurance type with the reference the tax bureau’s results must quote. A person’s identity number and name are masked unless you may read personal data (user.pii.read).',
      querystring: ExportQuery,
      response: { 200: CSV_FILE },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const { month, regionCode } = await files.prepareExport(ctx, await actor.scope(), 'tax_receivables', request.query);
    const unmasked = actor.can(auth.PERMISSIONS.piiRead);
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
      response: { 200: CSV_FILE },
    },
  }, async (request, reply) => {
    const { month, regionCode } = await files.prepareExport(ctx, await scopeOf(request), 'bank_withholding', request.query);
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
        status: Type.Optional(Literals(PAYMENT_STATUSES)),
      }),
      response: { 200: Page(PaymentView) },
    },
  }, async (request) => files.listPayments(db, await scopeOf(request), request.query));
}

function charsetOf(request: FastifyRequest): 'utf-8' | 'gb18030' {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(request.headers['content-type'] ?? '');
  if (!match) return 'utf-8';
  const name = match[1].toLowerCase();
  if (['utf-8', 'utf8'].includes(name)) return 'utf-8';
  if (['gb18030', 'gbk', 'gb2312'].includes(name)) return 'gb18030';
  throw new DomainError('collection.charset_unsupported', 'invalid', { field: 'charset', charset: match[1].slice(0, 30) }, 'charset');
}
