/**
 * 批量导入 HTTP routes: a CSV or Excel upload becomes a background job (imports.ts) whose progress
 * and row errors any node can answer for.
 */
import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../kernel/context.js';
import { DomainError } from '../../kernel/errors/index.js';
import type { App } from '../../kernel/http/app.js';
import { FileBody, Id, PageQuery } from '../../kernel/http/schemas.js';
import { localeFrom } from '../../kernel/i18n/index.js';
import { XLSX_CONTENT_TYPE, XlsxError, xlsxAsCsv, type ArchiveLimits } from '../../kernel/xlsx/index.js';
import { ImportJobPage, ImportJobView } from './contract.js';
import { IMPORT_DEFAULTS, SUPPORTED_CHARSETS, decodeText, errorReport, jobInScope, jobView, listJobs, receiveUpload, requeue } from './imports.js';
import { runtimeFor } from './runtime.js';
import { clerkOf, MANAGE, READ } from './routes.js';
import { pageView } from './views.js';

const IdParams = Type.Object({ id: Id });
const tags = ['registry'];
const CSV_STREAM = Symbol('registry.csv');

/** A CSV or Excel upload as the body: the stream itself, under a symbol so logs and the audit record never see it. */
interface CsvUpload {
  format: 'csv' | 'xlsx';
  [CSV_STREAM]: AsyncIterable<Uint8Array>;
}

export function importRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  const runtime = runtimeFor(ctx);
  const locale = (request: FastifyRequest) => localeFrom(request.headers['accept-language']);

  // CSV and Excel uploads (this center's routes only): the stream goes to the handler unread; its size is checked as it is read.
  const upload = (format: CsvUpload['format']) => (request: FastifyRequest, payload: AsyncIterable<Uint8Array>, done: (error: Error | null, body?: unknown) => void) => {
    const length = Number(request.headers['content-length']);
    if (length > IMPORT_DEFAULTS.maxBytes) return done(new DomainError('request.body_too_large', 'too_large', { field: 'body' }, 'body'), undefined);
    done(null, { format, [CSV_STREAM]: payload } satisfies CsvUpload);
  };
  app.addContentTypeParser(['text/csv', 'application/csv'], upload('csv'));
  app.addContentTypeParser(XLSX_CONTENT_TYPE, upload('xlsx'));

  app.post('/imports', {
    // No route bodyLimit: the CSV parser streams and counts (64 MiB); a JSON body keeps the global 1 MiB.
    config: { auth: MANAGE },
    schema: {
      tags,
      summary: '批量导入自然人（CSV / Excel，后台处理，202） import persons from a CSV or Excel file, as a background job',
      description:
        'Body: the CSV file itself, `Content-Type: text/csv` (UTF-8, or `; charset=gb18030` for GBK), or an Excel file ' +
        '(`Content-Type: ' + XLSX_CONTENT_TYPE + '`, first worksheet, identity numbers as text cells), up to 64 MiB. Header row with ' +
        '身份证号/idNumber, 姓名/name, 区划/regionCode, 人员类别/category, optional 手机号/phone, 出生日期/birthDate, 性别/sex. ' +
        'Answers 202 with the job; follow it at GET /imports/{id}, row errors at GET /imports/{id}/errors.csv.',
      querystring: Type.Object({ fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
      response: { 202: ImportJobView },
    },
  }, async (request, reply) => {
    const upload = request.body as CsvUpload | undefined;
    const raw = upload?.[CSV_STREAM];
    if (!raw) throw new DomainError('registry.import_csv_required', 'unsupported_media', { field: 'content-type' }, 'content-type');
    const clerk = await clerkOf(request);
    const excel = upload.format === 'xlsx';
    const stream = excel ? utf8(xlsxAsCsv(raw, ctx.config.uploads)) : raw;
    const charset = excel ? 'utf-8' : charsetOf(request);
    const job = await receiveUpload(ctx, { body: stream, charset, fileName: request.query.fileName ?? null, scopePrefix: clerk.scope.prefix, author: clerk.author });
    // What the audit record keeps of the body: the job, not the file.
    (request as { body: unknown }).body = { format: upload.format, jobId: job.id, bytes: job.bytes };
    runtime.start(job.id);
    return reply.status(202).header('location', `/api/v1/registry/imports/${job.id}`).send(jobView(job, locale(request)));
  });

  app.get('/imports', {
    config: { auth: READ },
    schema: { tags, summary: '导入任务列表（本辖区） import jobs in your region', querystring: Type.Object(PageQuery), response: { 200: ImportJobPage } },
  }, async (request) => {
    const { scope } = await clerkOf(request);
    return pageView(await listJobs(db, scope, request.query), (job) => jobView(job, locale(request)));
  });

  app.get('/imports/:id', {
    config: { auth: READ },
    schema: { tags, summary: '导入进度：已读、已入库、未变、失败、会商 import progress', params: IdParams, response: { 200: ImportJobView } },
  }, async (request) => jobView(await jobInScope(db, (await clerkOf(request)).scope, request.params.id), locale(request)));

  app.get('/imports/:id/errors.csv', {
    config: { auth: READ },
    schema: {
      tags,
      summary: '导入错误报告（CSV：行号、字段、原因） row errors as CSV',
      params: IdParams,
      response: { 200: FileBody('text/csv', '导入错误报告 row, line, field, code, message (UTF-8 with BOM)') },
    },
  }, async (request, reply) => {
    const job = await jobInScope(db, (await clerkOf(request)).scope, request.params.id);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${job.id}-errors.csv"`)
      .send(Readable.from(errorReport(db, job.id, locale(request))));
  });

  app.post('/imports/:id/resume', {
    config: { auth: MANAGE },
    schema: { tags, summary: '继续中断的导入（从检查点起） resume an interrupted import after its checkpoint', params: IdParams, response: { 202: ImportJobView } },
  }, async (request, reply) => {
    const job = await requeue(db, await jobInScope(db, (await clerkOf(request)).scope, request.params.id));
    runtime.start(job.id);
    return reply.status(202).send(jobView(job, locale(request)));
  });
}

/**
 * An upload's text for an importer that reads it within the request (定点医药机构): CSV decoded in
 * its charset, Excel's first worksheet as CSV, at most `maxBytes` of the file (413 beyond); null
 * when the body is not a CSV or Excel upload. An Excel file is inflated within `archiveLimits`. The
 * caller puts what the audit record keeps in place of the body (the file never reaches it).
 */
export function uploadedText(request: FastifyRequest, maxBytes: number, archiveLimits: ArchiveLimits): AsyncIterable<string> | null {
  const upload = request.body as CsvUpload | undefined;
  const raw = upload?.[CSV_STREAM];
  if (!raw) return null;
  let total = 0;
  const count = (n: number) => {
    total += n;
    if (total > maxBytes) throw new DomainError('request.body_too_large', 'too_large', { field: 'body' }, 'body');
  };
  const bytes = upload.format === 'xlsx' ? utf8(xlsxAsCsv(counted(raw, count), archiveLimits)) : counted(raw, count);
  (request as { body: unknown }).body = { format: upload.format };
  return decodeText(bytes, upload.format === 'xlsx' ? 'utf-8' : charsetOf(request));
}

async function* counted(bytes: AsyncIterable<Uint8Array>, count: (n: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of bytes) {
    count(chunk.byteLength);
    yield chunk;
  }
}

/** The CSV text of an Excel upload as UTF-8 bytes; a file that is not .xlsx is a 400 on the body. */
async function* utf8(text: AsyncIterable<string>): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of text) yield Buffer.from(chunk);
  } catch (error) {
    if (error instanceof XlsxError) throw new DomainError('registry.import_xlsx_invalid', 'invalid', { field: 'body' }, 'body');
    throw error;
  }
}

function charsetOf(request: FastifyRequest): 'utf-8' | 'gb18030' {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(request.headers['content-type'] ?? '');
  if (!match) return 'utf-8';
  const charset = SUPPORTED_CHARSETS[match[1].toLowerCase()];
  if (!charset) throw new DomainError('registry.import_charset', 'invalid', { field: 'charset', charset: match[1].slice(0, 30) }, 'charset');
  return charset;
}
