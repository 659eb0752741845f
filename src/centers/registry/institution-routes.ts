/**
 * 定点医药机构 HTTP routes for clerks, under /api/v1/registry/institutions: list, one, 新增, 变更
 * (optimistic, by version), history and 批量导入 (CSV or Excel, answered at once with row errors),
 * each within the regions the clerk's organization acts for. The domain functions are in
 * institutions.ts, the rules in institution-rules.ts.
 */
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../kernel/context.js';
import { transaction } from '../../kernel/db/index.js';
import { DomainError } from '../../kernel/errors/index.js';
import type { App } from '../../kernel/http/app.js';
import { Body, CreditCode, DateOnly, Literals, PageQuery, RegionCode, UPPER_CASE } from '../../kernel/http/schemas.js';
import { localeFrom } from '../../kernel/i18n/index.js';
import { XLSX_CONTENT_TYPE } from '../../kernel/xlsx/index.js';
import { HistoryPage, InstitutionChangedView, InstitutionImportView, InstitutionPage, InstitutionView } from './contract.js';
import { uploadedText } from './import-routes.js';
import { AGREEMENT_STATUS_CODES, INSTITUTION_KIND_CODES } from './institution-rules.js';
import {
  INSTITUTION_IMPORT_LIMITS,
  changeInstitution,
  createInstitution,
  forgetInstitutions,
  importInstitutions,
  institutionHistory,
  institutionInScope,
  institutionView,
  listInstitutions,
} from './institutions.js';
import { clerkOf, MANAGE, READ } from './routes.js';
import { historyView, pageView } from './views.js';
import './messages.js';

const tags = ['registry'];
/** Shaped loosely here: the rules check the letter, the pooling region and the digits, and say which is wrong. */
const Code = Type.String({ minLength: 1, maxLength: 20, [UPPER_CASE]: true, description: '定点医药机构编码 H (medical) / P (pharmacy) + 6-digit pooling region + 5 digits, e.g. H41130200746' });
const CodeParams = Type.Object({ code: Code });
const Kind = Literals(
  INSTITUTION_KIND_CODES,
  '机构类型 general_hospital 综合医院 / specialty_hospital 专科医院 / tcm_hospital 中医医院 / primary_care 基层医疗卫生机构 / clinic 诊所 (H) · retail_pharmacy 单体零售药店 / chain_pharmacy 连锁零售药店 (P)',
);
const Level = Type.Integer({ minimum: 0, maximum: 3, description: '医院等级 0 未定级 / 1 一级 / 2 二级 / 3 三级 (pharmacies 0)' });
const AgreementStatus = Literals(AGREEMENT_STATUS_CODES, '协议状态 active 有效 / suspended 暂停 / terminated 解除');
const Name = Type.String({ minLength: 2, maxLength: 100 });
const Address = Type.String({ maxLength: 200 });
const Version = Type.Integer({ minimum: 1, maximum: 2147483647, description: '所读取的版本；不一致时 409 the version read; a different current version is a 409' });

const IMPORT_DESCRIPTION =
  'Body: the file itself, `Content-Type: text/csv` (UTF-8, or `; charset=gb18030` for GBK) or `' + XLSX_CONTENT_TYPE + '` (first worksheet), ' +
  'up to 16 MiB. Header row with 机构编码/code, 机构名称/name, 机构类型/kind, 统一社会信用代码/creditCode, 医院等级/level (0–3 or 未定级/一级/二级/三级), ' +
  '协议开始日期/agreementFrom, 协议结束日期/agreementTo, optional 统筹区/regionCode, 协议状态/agreementStatus (有效/暂停/解除, default 有效), 地址/address. ' +
  'Valid rows are written (a known code is changed when a value differs); each bad row is listed with its row number, field and code.';

export function institutionRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;

  app.get('/institutions', {
    config: { auth: READ },
    schema: {
      tags,
      summary: '定点医药机构列表（本辖区） designated institutions in your region',
      querystring: Type.Object({
        ...PageQuery,
        q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: '名称的一部分或编码的开头 part of the name or the start of the code' })),
        regionCode: Type.Optional(RegionCode),
        level: Type.Optional(Level),
        kind: Type.Optional(Kind),
        agreementStatus: Type.Optional(AgreementStatus),
      }),
      response: { 200: InstitutionPage },
    },
  }, async (request) => pageView(await listInstitutions(db, (await clerkOf(request)).scope, request.query), institutionView));

  app.get('/institutions/:code', {
    config: { auth: READ },
    schema: { tags, summary: '查看定点医药机构 one designated institution', params: CodeParams, response: { 200: InstitutionView } },
  }, async (request) => institutionView(await institutionInScope(db, (await clerkOf(request)).scope, request.params.code)));

  app.post('/institutions', {
    config: { auth: MANAGE },
    schema: {
      tags,
      summary: '新增定点医药机构 register a designated institution',
      body: Body({
        code: Code,
        name: Name,
        kind: Kind,
        creditCode: CreditCode,
        regionCode: Type.Optional(RegionCode),
        level: Level,
        agreementStatus: Type.Optional(AgreementStatus),
        agreementFrom: DateOnly,
        agreementTo: DateOnly,
        address: Type.Optional(Address),
      }),
      response: { 201: InstitutionView },
    },
  }, async (request, reply) => {
    const clerk = await clerkOf(request);
    const created = await transaction(db, (tx) => createInstitution(tx, clerk.author, clerk.scope, request.body));
    await forgetInstitutions(ctx);
    return reply.status(201).send(institutionView(created));
  });

  app.patch('/institutions/:code', {
    config: { auth: MANAGE },
    schema: {
      tags,
      summary: '变更定点医药机构（等级、协议续签 / 暂停 / 解除…） change a designated institution: level, agreement …',
      params: CodeParams,
      body: Body({
        name: Type.Optional(Name),
        kind: Type.Optional(Kind),
        creditCode: Type.Optional(CreditCode),
        level: Type.Optional(Level),
        agreementStatus: Type.Optional(AgreementStatus),
        agreementFrom: Type.Optional(DateOnly),
        agreementTo: Type.Optional(DateOnly),
        address: Type.Optional(Address),
        version: Version,
      }),
      response: { 200: InstitutionChangedView },
    },
  }, async (request) => {
    const clerk = await clerkOf(request);
    const outcome = await transaction(db, (tx) => changeInstitution(tx, clerk.author, clerk.scope, request.params.code, request.body));
    await forgetInstitutions(ctx);
    return { ...institutionView(outcome.institution), changed: outcome.kind === 'changed' };
  });

  app.get('/institutions/:code/history', {
    config: { auth: READ },
    schema: {
      tags,
      summary: '定点医药机构变更历史（按时间先后） change history of a designated institution, oldest first',
      params: CodeParams,
      querystring: Type.Object(PageQuery),
      response: { 200: HistoryPage },
    },
  }, async (request) => pageView(await institutionHistory(db, (await clerkOf(request)).scope, request.params.code, request.query), (h) => historyView(ctx, h)));

  app.post('/institutions/imports', {
    // The upload parsers of import-routes.ts read the stream; it is counted against the limit as it is read.
    config: { auth: MANAGE },
    schema: { tags, summary: '批量导入定点医药机构（CSV / Excel） import designated institutions from a CSV or Excel file', description: IMPORT_DESCRIPTION, response: { 200: InstitutionImportView } },
  }, async (request) => {
    const text = uploadedText(request, INSTITUTION_IMPORT_LIMITS.maxBytes, ctx.config.uploads);
    if (!text) throw new DomainError('registry.import_csv_required', 'unsupported_media', { field: 'content-type' }, 'content-type');
    const clerk = await clerkOf(request);
    // Even a failed import may have committed its earlier parts: forgotten either way.
    const result = await importInstitutions(db, clerk.author, clerk.scope, text, localeFrom(request.headers['accept-language'])).finally(() => forgetInstitutions(ctx));
    // What the audit record keeps of the body: the counts, not the file.
    (request as { body: unknown }).body = { rows: result.rows, created: result.created, changed: result.changed, errorCount: result.errorCount };
    return result;
  });
}
