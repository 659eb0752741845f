import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../kernel/context.js';
import type { App } from '../../kernel/http/app.js';
import { DomainError } from '../../kernel/errors/index.js';
import { requireActor } from '../../kernel/http/auth.js';
import { Literals, Page, PageQuery } from '../../kernel/http/schemas.js';
import { localeFrom } from '../../kernel/i18n/index.js';
import * as auth from '../auth/index.js';
import * as catalog from './catalog.js';
import { forgetPublishedCatalogs } from './catalog-in-force.js';
import { CATALOG_KINDS } from './codes.js';
import { CatalogChangesView, CatalogEntryView, CatalogImportView, CatalogVersionView } from './contract.js';
import './messages.js';

const CSV_STREAM = Symbol('policy.catalog.csv');

/** A CSV upload as the body: the stream itself, under a symbol so logs and the audit record never see it. */
interface CsvUpload {
  format: 'csv';
  [CSV_STREAM]: AsyncIterable<Uint8Array>;
}

const Kind = Literals(
  CATALOG_KINDS,
  '目录类别 drug-western 西药 / drug-chinese-patent 中成药 / consumable 医用耗材 / service-item 医疗服务项目 / diagnosis 诊断 (ICD-10 医保版)',
);
const KindParams = Type.Object({ kind: Kind });
const Code = Type.String({ minLength: 1, maxLength: 30, pattern: '^[0-9A-Za-z.]+$', description: '医保编码, e.g. XA01ABD075A002010100483, I10.x00' });

const IMPORT_DESCRIPTION =
  'Body: the CSV file itself, `Content-Type: text/csv` (UTF-8, or `; charset=gb18030` for GBK), up to 16 MiB. Header row with ' +
  '编码/code, 名称/name, 开始日期/validFrom, 类别/class (甲类/乙类/丙类 or A/B/C; not for diagnoses), optional 规格/specification, ' +
  '自付比例/selfPayRatio (乙类: 10% or 0.1), 限价/priceCap (yuan, 2 decimals), 结束日期/validTo, 操作/action (blank to add or change, 删除/remove to remove). ' +
  'Other columns are ignored. Valid rows are staged for the next version; the answer lists each bad row (row, field, reason).';

/** Catalog routes under /api/v1/policy/catalogs, registered from the policy center's `routes()`. */
export function catalogRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  const { policyManage, policyReview } = auth.PERMISSIONS;

  // CSV uploads (this center's routes only): the stream goes to the handler unread; its size is checked as it is read.
  app.addContentTypeParser(['text/csv', 'application/csv'], (request, payload, done) => {
    const length = Number(request.headers['content-length']);
    if (length > (request.routeOptions.bodyLimit ?? catalog.CATALOG_LIMITS.maxBytes)) {
      return done(new DomainError('request.body_too_large', 'too_large', { field: 'body' }, 'body'), undefined);
    }
    done(null, { format: 'csv', [CSV_STREAM]: payload } satisfies CsvUpload);
  });

  app.post('/catalogs/:kind/imports', {
    bodyLimit: catalog.CATALOG_LIMITS.maxBytes,
    config: { auth: { user: true, permission: policyManage } },
    schema: {
      tags: ['policy'],
      summary: '导入医保目录（CSV，暂存待发布） import a catalog file into the staging area',
      description: IMPORT_DESCRIPTION,
      params: KindParams,
      response: { 200: CatalogImportView },
    },
  }, async (request) => {
    const stream = (request.body as CsvUpload | undefined)?.[CSV_STREAM];
    if (!stream) throw new DomainError('policy.catalog_csv_required', 'unsupported_media', { field: 'content-type' }, 'content-type');
    const text = catalog.decodeCatalogText(stream, charsetOf(request), request.routeOptions.bodyLimit ?? catalog.CATALOG_LIMITS.maxBytes);
    const result = await catalog.importCatalog(db, request.params.kind, requireActor(request).accountId, text, localeFrom(request.headers['accept-language']));
    // the audit record keeps the counts, not the file
    (request as { body: unknown }).body = { format: 'csv', rows: result.rows, staged: result.staged, errorCount: result.errorCount };
    return result;
  });

  app.post('/catalogs/:kind/publish', {
    config: { auth: { user: true, permission: policyReview } },
    schema: {
      tags: ['policy'],
      summary: '发布暂存的目录变更为新版本（导入人以外） publish staged changes as the next version (not by who staged them)',
      params: KindParams,
      response: { 200: CatalogVersionView },
    },
  }, async (request) => {
    const published = await catalog.publishCatalog(db, request.params.kind, requireActor(request).accountId);
    // which version is in force today changed: every node looks again
    await forgetPublishedCatalogs(ctx);
    return published;
  });

  app.get('/catalogs/:kind/entries/:code', {
    config: { auth: { user: true } },
    schema: {
      tags: ['policy'],
      summary: '按编码查询目录条目 a current catalog entry by code',
      params: Type.Object({ kind: Kind, code: Code }),
      response: { 200: CatalogEntryView },
    },
  }, async (request) => catalog.getEntry(db, request.params.kind, request.params.code));

  app.get('/catalogs/:kind/entries', {
    config: { auth: { user: true } },
    schema: {
      tags: ['policy'],
      summary: '按名称检索目录 search current entries by name fragment',
      params: KindParams,
      querystring: Type.Object({ ...PageQuery, q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: '名称片段, e.g. 阿莫西林' })) }),
      response: { 200: Page(CatalogEntryView) },
    },
  }, async (request) => catalog.searchEntries(db, request.params.kind, request.query));

  app.get('/catalogs/:kind/changes', {
    config: { auth: { user: true } },
    schema: {
      tags: ['policy'],
      summary: '目录变更（某版本之后） what the versions after `since` added, changed and removed',
      params: KindParams,
      querystring: Type.Object({ ...PageQuery, since: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0, description: '已同步到的版本号；0 为全部' }) }),
      response: { 200: CatalogChangesView },
    },
  }, async (request) => catalog.listChanges(db, request.params.kind, request.query));
}

function charsetOf(request: FastifyRequest): 'utf-8' | 'gb18030' {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(request.headers['content-type'] ?? '');
  if (!match) return 'utf-8';
  const charset = catalog.CATALOG_CHARSETS[match[1].toLowerCase()];
  if (!charset) throw new DomainError('policy.catalog_charset', 'invalid', { field: 'charset', charset: match[1].slice(0, 30) }, 'charset');
  return charset;
}
