import { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { count, desc, like } from 'drizzle-orm';
import type { AppContext, CenterModule } from '../../kernel/context.js';
import { DomainError, forbidden, notFound } from '../../kernel/errors/index.js';
import { requireUser, type UserPrincipal } from '../../kernel/http/auth.js';
import { Body, CreditCode, Id, IdNumber, Mobile, PageQuery, PersonName, RegionCode } from '../../kernel/http/schemas.js';
import { localeFrom } from '../../kernel/i18n/index.js';
import { XLSX_CONTENT_TYPE, XlsxError, xlsxAsCsv } from '../../kernel/xlsx/index.js';
import type { Db } from '../../kernel/db/index.js';
import * as auth from '../auth/index.js';
import * as service from './service.js';
import * as imports from './imports.js';
import { importJobs } from './schema.js';
import { runtimeFor } from './runtime.js';
import { CANCEL_REASON_CODES, ENTITY_TYPE_CODES, PERSON_CATEGORY_CODES, regionPrefixOf } from './rules.js';
import './messages.js';

const literals = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
const Category = literals(PERSON_CATEGORY_CODES, '人员类别 employee 在职职工 / retired 退休人员 / flexible 灵活就业人员 / unemployed 失业人员 / resident 城乡居民 / student 学生儿童');
const EntityType = literals(ENTITY_TYPE_CODES, '单位类型 enterprise 企业 / public_institution 事业单位 / government 机关 / social_org 社会组织 / individual_business 个体工商户 / other');
const Status = literals(['active', 'cancelled'] as const);
const DateString = Type.String({ format: 'date', minLength: 10, maxLength: 10, description: 'YYYY-MM-DD' });
const Version = Type.Integer({ minimum: 1, maximum: 2147483647, description: '所读取的版本；不一致时 409 the version read; a different current version is a 409' });
const EntityName = Type.String({ minLength: 2, maxLength: 100 });
const Cancellation = Body({
  reason: literals(CANCEL_REASON_CODES, '注销原因 death / emigration / duplicate / dissolved / other'),
  date: DateString,
  note: Type.Optional(Type.String({ maxLength: 200 })),
});
const IdParams = Type.Object({ id: Id });
const CSV_STREAM = Symbol('registry.csv');

/** A CSV or Excel upload as the body: the stream itself, under a symbol so logs and the audit record never see it. */
interface CsvUpload {
  format: 'csv' | 'xlsx';
  [CSV_STREAM]: AsyncIterable<Uint8Array>;
}

export const registryCenter: CenterModule = {
  name: 'registry',
  async routes(app, ctx) {
    const db = ctx.database.db;
    const runtime = runtimeFor(ctx);
    app.addHook('onClose', async () => runtime.stop());

    const P = auth.PERMISSIONS;
    const read = { user: true, permission: P.registryRead } as const;
    const manage = { user: true, permission: P.registryManage } as const;
    const actorOf = (principal: UserPrincipal): service.Actor => ({ id: principal.accountId, kind: principal.kind });
    const unmasked = (principal: UserPrincipal) => auth.hasPermission(ctx, principal, P.piiRead);
    const tx = <T>(work: (tx: Db) => Promise<T>) => db.transaction((t) => work(t as unknown as Db));

    // CSV and Excel uploads (this center's routes only): the stream goes to the handler unread; its size is checked as it is read.
    const upload = (format: CsvUpload['format']) => (request: FastifyRequest, payload: AsyncIterable<Uint8Array>, done: (error: Error | null, body?: unknown) => void) => {
      const length = Number(request.headers['content-length']);
      if (length > imports.IMPORT_DEFAULTS.maxBytes) return done(new DomainError('request.body_too_large', 'too_large', { field: 'body' }, 'body'), undefined);
      done(null, { format, [CSV_STREAM]: payload } satisfies CsvUpload);
    };
    app.addContentTypeParser(['text/csv', 'application/csv'], upload('csv'));
    app.addContentTypeParser(XLSX_CONTENT_TYPE, upload('xlsx'));

    // ------------------------------------------------------------------------------- persons

    app.post('/persons', {
      config: { auth: manage },
      schema: {
        tags: ['registry'],
        summary: '新增自然人 register a person; an identity number on file with another name opens a conflict case (202)',
        body: Body({
          idNumber: IdNumber,
          name: PersonName,
          birthDate: Type.Optional(DateString),
          sex: Type.Optional(literals(['male', 'female'] as const)),
          phone: Type.Optional(Mobile),
          regionCode: RegionCode,
          category: Category,
        }),
      },
    }, async (request, reply) => {
      const principal = requireUser(request);
      const scope = await scopeOf(ctx, principal);
      const outcome = await tx((t) => service.createPerson(ctx, t, actorOf(principal), scope, request.body));
      const full = await unmasked(principal);
      if (outcome.kind === 'created') return reply.status(201).send(service.personView(ctx, outcome.person, full));
      return reply.status(202).send(conflictAnswer(ctx, scope, outcome.conflict, full));
    });

    app.get('/persons', {
      config: { auth: read },
      schema: {
        tags: ['registry'],
        summary: '自然人列表（本辖区） persons in your region',
        querystring: Type.Object({
          ...PageQuery,
          regionCode: Type.Optional(RegionCode),
          status: Type.Optional(Status),
          category: Type.Optional(Category),
          name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
        }),
      },
    }, async (request) => {
      const principal = requireUser(request);
      const { rows, total } = await service.listPersons(db, await scopeOf(ctx, principal), request.query);
      const full = await unmasked(principal);
      return { items: rows.map((p) => service.personView(ctx, p, full)), total, page: request.query.page, pageSize: request.query.pageSize };
    });

    app.post('/persons/lookup', {
      config: { auth: read },
      schema: { tags: ['registry'], summary: '按身份证号码查询（盲索引；号码不进入地址和日志） find a person by identity number', body: Body({ idNumber: IdNumber }) },
    }, async (request) => {
      const principal = requireUser(request);
      const scope = await scopeOf(ctx, principal);
      const person = await service.findPersonRowByIdNumber(ctx, db, request.body.idNumber);
      if (!person || !person.regionCode.startsWith(scope.prefix)) throw notFound('registry.person_not_found');
      return service.personView(ctx, person, await unmasked(principal));
    });

    app.get('/persons/:id', {
      config: { auth: read },
      schema: { tags: ['registry'], summary: '查看自然人 one person', params: IdParams },
    }, async (request) => {
      const principal = requireUser(request);
      const person = await service.personInScope(db, await scopeOf(ctx, principal), request.params.id);
      return service.personView(ctx, person, await unmasked(principal));
    });

    app.patch('/persons/:id', {
      config: { auth: manage },
      schema: {
        tags: ['registry'],
        summary: '变更自然人信息；姓名变更转会商（202） change a person; a new name opens a conflict case (202)',
        params: IdParams,
        body: Body({ name: Type.Optional(PersonName), phone: Type.Optional(Mobile), regionCode: Type.Optional(RegionCode), category: Type.Optional(Category), version: Type.Optional(Version) }),
      },
    }, async (request, reply) => {
      const principal = requireUser(request);
      const scope = await scopeOf(ctx, principal);
      const outcome = await tx((t) => service.changePerson(ctx, t, actorOf(principal), scope, request.params.id, request.body));
      const full = await unmasked(principal);
      if (outcome.kind === 'conflict') return reply.status(202).send(conflictAnswer(ctx, scope, outcome.conflict, full));
      return { ...service.personView(ctx, outcome.person, full), changed: outcome.kind === 'changed' };
    });

    app.post('/persons/:id/cancel', {
      config: { auth: manage },
      schema: { tags: ['registry'], summary: '注销自然人（如死亡） cancel a person’s record', params: IdParams, body: Cancellation },
    }, async (request) => {
      const principal = requireUser(request);
      const scope = await scopeOf(ctx, principal);
      const person = await tx((t) => service.cancelPerson(ctx, t, actorOf(principal), scope, request.params.id, request.body));
      return service.personView(ctx, person, await unmasked(principal));
    });

    app.get('/persons/:id/history', {
      config: { auth: read },
      schema: { tags: ['registry'], summary: '自然人变更历史（脱敏） change history of a person (masked)', params: IdParams },
    }, async (request) => {
      const principal = requireUser(request);
      const person = await service.personInScope(db, await scopeOf(ctx, principal), request.params.id);
      return (await service.historyOf(db, person.id)).map((h) => service.historyView(ctx, h));
    });

    // ------------------------------------------------------------------------------- entities

    app.post('/entities', {
      config: { auth: manage },
      schema: {
        tags: ['registry'],
        summary: '新增法人 / 单位 register a legal entity',
        body: Body({ creditCode: CreditCode, name: EntityName, type: EntityType, regionCode: RegionCode, legalRepName: PersonName, legalRepIdNumber: Type.Optional(IdNumber) }),
      },
    }, async (request, reply) => {
      const principal = requireUser(request);
      const scope = await scopeOf(ctx, principal);
      const entity = await tx((t) => service.createEntity(ctx, t, actorOf(principal), scope, request.body));
      return reply.status(201).send(service.entityView(ctx, entity, await unmasked(principal)));
    });

    app.get('/entities', {
      config: { auth: read },
      schema: {
        tags: ['registry'],
        summary: '法人列表（本辖区；可按统一社会信用代码查询） legal entities in your region',
        querystring: Type.Object({ ...PageQuery, regionCode: Type.Optional(RegionCode), status: Type.Optional(Status), type: Type.Optional(EntityType), creditCode: Type.Optional(CreditCode) }),
      },
    }, async (request) => {
      const principal = requireUser(request);
      const { rows, total } = await service.listEntities(db, await scopeOf(ctx, principal), request.query);
      const full = await unmasked(principal);
      return { items: rows.map((e) => service.entityView(ctx, e, full)), total, page: request.query.page, pageSize: request.query.pageSize };
    });

    app.get('/entities/:id', {
      config: { auth: read },
      schema: { tags: ['registry'], summary: '查看法人 one legal entity', params: IdParams },
    }, async (request) => {
      const principal = requireUser(request);
      const entity = await service.entityInScope(db, await scopeOf(ctx, principal), request.params.id);
      return service.entityView(ctx, entity, await unmasked(principal));
    });

    app.patch('/entities/:id', {
      config: { auth: manage },
      schema: {
        tags: ['registry'],
        summary: '变更法人信息 change a legal entity',
        params: IdParams,
        body: Body({
          name: Type.Optional(EntityName),
          type: Type.Optional(EntityType),
          regionCode: Type.Optional(RegionCode),
          legalRepName: Type.Optional(PersonName),
          legalRepIdNumber: Type.Optional(IdNumber),
          version: Type.Optional(Version),
        }),
      },
    }, async (request) => {
      const principal = requireUser(request);
      const scope = await scopeOf(ctx, principal);
      const outcome = await tx((t) => service.changeEntity(ctx, t, actorOf(principal), scope, request.params.id, request.body));
      return { ...service.entityView(ctx, outcome.entity, await unmasked(principal)), changed: outcome.kind === 'changed' };
    });

    app.post('/entities/:id/cancel', {
      config: { auth: manage },
      schema: { tags: ['registry'], summary: '注销法人 cancel a legal entity', params: IdParams, body: Cancellation },
    }, async (request) => {
      const principal = requireUser(request);
      const scope = await scopeOf(ctx, principal);
      const entity = await tx((t) => service.cancelEntity(ctx, t, actorOf(principal), scope, request.params.id, request.body));
      return service.entityView(ctx, entity, await unmasked(principal));
    });

    app.get('/entities/:id/history', {
      config: { auth: read },
      schema: { tags: ['registry'], summary: '法人变更历史（脱敏） change history of a legal entity (masked)', params: IdParams },
    }, async (request) => {
      const principal = requireUser(request);
      const entity = await service.entityInScope(db, await scopeOf(ctx, principal), request.params.id);
      return (await service.historyOf(db, entity.id)).map((h) => service.historyView(ctx, h));
    });

    // ------------------------------------------------------------------------------- conflicts (会商)

    app.get('/conflicts', {
      config: { auth: read },
      schema: {
        tags: ['registry'],
        summary: '会商列表（本辖区） conflict cases in your region',
        querystring: Type.Object({ ...PageQuery, status: Type.Optional(literals(['open', 'kept_existing', 'took_incoming', 'rejected'] as const)), personId: Type.Optional(Id) }),
      },
    }, async (request) => {
      const principal = requireUser(request);
      const { rows, total } = await service.listConflicts(db, await scopeOf(ctx, principal), request.query);
      const full = await unmasked(principal);
      return { items: rows.map((c) => service.conflictView(ctx, c, full)), total, page: request.query.page, pageSize: request.query.pageSize };
    });

    app.get('/conflicts/:id', {
      config: { auth: read },
      schema: { tags: ['registry'], summary: '查看会商 one conflict case: both versions and the source', params: IdParams },
    }, async (request) => {
      const principal = requireUser(request);
      const found = await service.conflictInScope(db, await scopeOf(ctx, principal), request.params.id);
      return service.conflictView(ctx, found, await unmasked(principal));
    });

    app.post('/conflicts/:id/resolve', {
      config: { auth: { user: true, permission: P.registryConflictsResolve } },
      schema: {
        tags: ['registry'],
        summary: '会商处理：保留原记录 / 采用新信息 / 驳回 decide a conflict case',
        params: IdParams,
        body: Body({ decision: literals(['keep_existing', 'take_incoming', 'reject'] as const), note: Type.Optional(Type.String({ maxLength: 200 })) }),
      },
    }, async (request) => {
      const principal = requireUser(request);
      const scope = await scopeOf(ctx, principal);
      const result = await tx((t) => service.resolveConflict(ctx, t, actorOf(principal), scope, request.params.id, request.body.decision, request.body.note));
      const full = await unmasked(principal);
      return { conflict: service.conflictView(ctx, result.conflict, full), person: result.person ? service.personView(ctx, result.person, full) : null };
    });

    // ------------------------------------------------------------------------------- imports

    app.post('/imports', {
      // No route bodyLimit: the CSV parser streams and counts (64 MiB); a JSON body keeps the global 1 MiB.
      config: { auth: manage },
      schema: {
        tags: ['registry'],
        summary: '批量导入自然人（CSV / Excel，后台处理，202） import persons from a CSV or Excel file, as a background job',
        description:
          'Body: the CSV file itself, `Content-Type: text/csv` (UTF-8, or `; charset=gb18030` for GBK), or an Excel file ' +
          '(`Content-Type: ' + XLSX_CONTENT_TYPE + '`, first worksheet, identity numbers as text cells), up to 64 MiB. Header row with ' +
          '身份证号/idNumber, 姓名/name, 区划/regionCode, 人员类别/category, optional 手机号/phone, 出生日期/birthDate, 性别/sex. ' +
          'Answers 202 with the job; follow it at GET /imports/{id}, row errors at GET /imports/{id}/errors.csv.',
        querystring: Type.Object({ fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }),
      },
    }, async (request, reply) => {
      const principal = requireUser(request);
      const upload = request.body as CsvUpload | undefined;
      const raw = upload?.[CSV_STREAM];
      if (!raw) throw new DomainError('registry.import_csv_required', 'unsupported_media', { field: 'content-type' }, 'content-type');
      const scope = await scopeOf(ctx, principal);
      const excel = upload.format === 'xlsx';
      const stream = excel ? utf8(xlsxAsCsv(raw)) : raw;
      const charset = excel ? 'utf-8' : charsetOf(request);
      const job = await imports.receiveUpload(ctx, { body: stream, charset, fileName: request.query.fileName ?? null, scopePrefix: scope.prefix, actor: actorOf(principal) });
      (request as { body: unknown }).body = { format: upload.format, jobId: job.id, bytes: job.bytes };
      runtime.start(job.id);
      return reply.status(202).header('location', `/api/v1/registry/imports/${job.id}`).send(imports.jobView(job, localeFrom(request.headers['accept-language'])));
    });

    app.get('/imports', {
      config: { auth: read },
      schema: { tags: ['registry'], summary: '导入任务列表（本辖区） import jobs in your region', querystring: Type.Object(PageQuery) },
    }, async (request) => {
      const scope = await scopeOf(ctx, requireUser(request));
      const where = scope.prefix ? like(importJobs.scopePrefix, `${scope.prefix}%`) : undefined;
      const [rows, [{ total }]] = await Promise.all([
        db.select().from(importJobs).where(where).orderBy(desc(importJobs.id)).limit(request.query.pageSize).offset((request.query.page - 1) * request.query.pageSize),
        db.select({ total: count() }).from(importJobs).where(where),
      ]);
      const locale = localeFrom(request.headers['accept-language']);
      return { items: rows.map((j) => imports.jobView(j, locale)), total: Number(total), page: request.query.page, pageSize: request.query.pageSize };
    });

    const jobInScope = async (request: FastifyRequest, id: string) => {
      const scope = await scopeOf(ctx, requireUser(request));
      const job = await imports.getJob(db, id);
      if (!job || !job.scopePrefix.startsWith(scope.prefix)) throw notFound('registry.import_not_found');
      return job;
    };

    app.get('/imports/:id', {
      config: { auth: read },
      schema: { tags: ['registry'], summary: '导入进度：已读、已入库、未变、失败、会商 import progress', params: IdParams },
    }, async (request) => imports.jobView(await jobInScope(request, request.params.id), localeFrom(request.headers['accept-language'])));

    app.get('/imports/:id/errors.csv', {
      config: { auth: read },
      schema: { tags: ['registry'], summary: '导入错误报告（CSV：行号、字段、原因） row errors as CSV', params: IdParams },
    }, async (request, reply) => {
      const job = await jobInScope(request, request.params.id);
      const locale = localeFrom(request.headers['accept-language']);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${job.id}-errors.csv"`)
        .send(Readable.from(imports.errorReport(db, job.id, locale)));
    });

    app.post('/imports/:id/resume', {
      config: { auth: manage },
      schema: { tags: ['registry'], summary: '继续中断的导入（从检查点起） resume an interrupted import after its checkpoint', params: IdParams },
    }, async (request, reply) => {
      const job = await imports.requeue(db, await jobInScope(request, request.params.id));
      runtime.start(job.id);
      return reply.status(202).send(imports.jobView(job, localeFrom(request.headers['accept-language'])));
    });
  },

  async start(ctx) {
    runtimeFor(ctx).startSweep();
  },
};

/** The caller's region prefix, from their organization (auth center): national '', province 2 digits, city 4. */
export async function scopeOf(ctx: AppContext, principal: UserPrincipal): Promise<service.Scope> {
  const org = principal.orgId ? await auth.getOrg(ctx, principal.orgId) : null;
  if (!org) throw forbidden('registry.no_org');
  return { prefix: regionPrefixOf(org) };
}

/** A conflict case opened by the caller's request; its detail only when the record is in the caller's region. */
function conflictAnswer(ctx: AppContext, scope: service.Scope, found: service.Conflict, unmasked: boolean) {
  const visible = found.regionCode.startsWith(scope.prefix);
  return { status: 'conflict', conflict: visible ? service.conflictView(ctx, found, unmasked) : { id: found.id, status: found.status } };
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
  const charset = imports.SUPPORTED_CHARSETS[match[1].toLowerCase()];
  if (!charset) throw new DomainError('registry.import_charset', 'invalid', { field: 'charset', charset: match[1].slice(0, 30) }, 'charset');
  return charset;
}
