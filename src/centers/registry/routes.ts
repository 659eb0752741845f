/**
 * 基本信息 HTTP routes for clerks: persons, legal entities and conflict cases (会商), each within the
 * regions the clerk's organization acts for. Thin handlers: the domain functions are in persons.ts,
 * entities.ts and conflicts.ts, what a clerk sees in views.ts, the answers' shapes in contract.ts.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../kernel/context.js';
import { transaction } from '../../kernel/db/index.js';
import { requireActor } from '../../kernel/http/auth.js';
import type { App } from '../../kernel/http/app.js';
import { forbidden } from '../../kernel/errors/index.js';
import { Body, CreditCode, DateOnly, Id, IdNumber, Literals, Mobile, PageQuery, PersonName, RegionCode } from '../../kernel/http/schemas.js';
import * as auth from '../auth/index.js';
import {
  CONFLICT_STATUSES,
  ConflictOpenedView,
  ConflictPage,
  ConflictView,
  EntityChangedView,
  EntityPage,
  EntityRevealView,
  EntityView,
  HistoryPage,
  PersonChangedView,
  PersonPage,
  PersonRevealView,
  PersonView,
  RECORD_STATUSES,
  ResolutionView,
} from './contract.js';
import { cancelPerson, changePerson, createPerson, listPersons, lookupPerson, personHistory, personInScope } from './persons.js';
import { cancelEntity, changeEntity, createEntity, entityHistory, entityInScope, listEntities } from './entities.js';
import { conflictInScope, listConflicts, resolveConflict } from './conflicts.js';
import { conflictOpenedView, conflictView, entityView, historyView, pageView, personView } from './views.js';
import { revealEntity, revealPerson } from './reveal.js';
import { authorOf } from './service.js';
import { CANCEL_REASON_CODES, DECISIONS, ENTITY_TYPE_CODES, PERSON_CATEGORY_CODES } from './rules.js';
import './messages.js';

const P = auth.PERMISSIONS;
export const READ = { user: true, permission: P.registryRead } as const;
export const MANAGE = { user: true, permission: P.registryManage } as const;
/** 显示完整信息 reading personal data in full: user.pii.read (and registry.read, checked by `revealerOf`) */
const REVEAL = { user: true, permission: P.piiRead } as const;

const Category = Literals(PERSON_CATEGORY_CODES, '人员类别 employee 在职职工 / retired 退休人员 / flexible 灵活就业人员 / unemployed 失业人员 / resident 城乡居民 / student 学生儿童');
const EntityType = Literals(ENTITY_TYPE_CODES, '单位类型 enterprise 企业 / public_institution 事业单位 / government 机关 / social_org 社会组织 / individual_business 个体工商户 / other');
const Status = Literals(RECORD_STATUSES);
const Version = Type.Integer({ minimum: 1, maximum: 2147483647, description: '所读取的版本；不一致时 409 the version read; a different current version is a 409' });
const EntityName = Type.String({ minLength: 2, maxLength: 100 });
const Cancellation = Body({
  reason: Literals(CANCEL_REASON_CODES, '注销原因 death / emigration / duplicate / dissolved / other'),
  date: DateOnly,
  note: Type.Optional(Type.String({ maxLength: 200 })),
});
const IdParams = Type.Object({ id: Id });
const Reveal = Body({ reason: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '查看原因 why (kept in the audit record)' })) });
const tags = ['registry'];

/** The clerk behind a request: who they are (for the history), which regions they act for, whether they see personal data in full. */
export async function clerkOf(request: FastifyRequest) {
  const actor = requireActor(request);
  return { author: authorOf(actor), scope: await actor.scope(), unmasked: actor.can(P.piiRead) };
}

/** A clerk asking for a record in full: user.pii.read (the route's requirement) and registry.read; the request's id and address go into the audit record. */
async function revealerOf(request: FastifyRequest) {
  const actor = requireActor(request);
  if (!actor.can(P.registryRead)) throw forbidden();
  return { scope: await actor.scope(), who: { author: authorOf(actor), requestId: request.id, ip: request.ip } };
}

export function personRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;

  app.post('/persons', {
    config: { auth: MANAGE },
    schema: {
      tags,
      summary: '新增自然人 register a person; an identity number on file with another name opens a conflict case (202)',
      body: Body({
        idNumber: IdNumber,
        name: PersonName,
        birthDate: Type.Optional(DateOnly),
        sex: Type.Optional(Literals(['male', 'female'] as const)),
        phone: Type.Optional(Mobile),
        regionCode: RegionCode,
        category: Category,
      }),
      response: { 201: PersonView, 202: ConflictOpenedView },
    },
  }, async (request, reply) => {
    const clerk = await clerkOf(request);
    const outcome = await transaction(db, (tx) => createPerson(ctx, tx, clerk.author, clerk.scope, request.body));
    if (outcome.kind === 'created') return reply.status(201).send(personView(ctx, outcome.person));
    return reply.status(202).send(conflictOpenedView(ctx, clerk.scope, outcome.conflict, clerk.unmasked));
  });

  app.get('/persons', {
    config: { auth: READ },
    schema: {
      tags,
      summary: '自然人列表（本辖区） persons in your region',
      querystring: Type.Object({
        ...PageQuery,
        regionCode: Type.Optional(RegionCode),
        status: Type.Optional(Status),
        category: Type.Optional(Category),
        name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
      }),
      response: { 200: PersonPage },
    },
  }, async (request) => {
    const clerk = await clerkOf(request);
    return pageView(await listPersons(db, clerk.scope, request.query), (p) => personView(ctx, p));
  });

  app.post('/persons/lookup', {
    config: { auth: READ },
    schema: { tags, summary: '按身份证号码查询（盲索引；号码不进入地址和日志） find a person by identity number', body: Body({ idNumber: IdNumber }), response: { 200: PersonView } },
  }, async (request) => {
    const clerk = await clerkOf(request);
    return personView(ctx, await lookupPerson(ctx, db, clerk.scope, request.body.idNumber));
  });

  app.get('/persons/:id', {
    config: { auth: READ },
    schema: { tags, summary: '查看自然人 one person', params: IdParams, response: { 200: PersonView } },
  }, async (request) => {
    const clerk = await clerkOf(request);
    return personView(ctx, await personInScope(db, clerk.scope, request.params.id));
  });

  app.post('/persons/:id/reveal', {
    config: { auth: REVEAL },
    schema: {
      tags,
      summary: '显示完整信息（审计） a person’s name, identity number, birth date and phone in full; each reveal is audited',
      params: IdParams,
      body: Reveal,
      response: { 200: PersonRevealView },
    },
  }, async (request, reply) => {
    const { scope, who } = await revealerOf(request);
    reply.header('cache-control', 'no-store');
    return revealPerson(ctx, scope, who, request.params.id, request.body.reason);
  });

  app.patch('/persons/:id', {
    config: { auth: MANAGE },
    schema: {
      tags,
      summary: '变更自然人信息；姓名变更转会商（202） change a person; a new name opens a conflict case (202)',
      params: IdParams,
      body: Body({ name: Type.Optional(PersonName), phone: Type.Optional(Mobile), regionCode: Type.Optional(RegionCode), category: Type.Optional(Category), version: Type.Optional(Version) }),
      response: { 200: PersonChangedView, 202: ConflictOpenedView },
    },
  }, async (request, reply) => {
    const clerk = await clerkOf(request);
    const outcome = await transaction(db, (tx) => changePerson(ctx, tx, clerk.author, clerk.scope, request.params.id, request.body));
    if (outcome.kind === 'conflict') return reply.status(202).send(conflictOpenedView(ctx, clerk.scope, outcome.conflict, clerk.unmasked));
    return { ...personView(ctx, outcome.person), changed: outcome.kind === 'changed' };
  });

  app.post('/persons/:id/cancel', {
    config: { auth: MANAGE },
    schema: { tags, summary: '注销自然人（如死亡） cancel a person’s record', params: IdParams, body: Cancellation, response: { 200: PersonView } },
  }, async (request) => {
    const clerk = await clerkOf(request);
    const person = await transaction(db, (tx) => cancelPerson(ctx, tx, clerk.author, clerk.scope, request.params.id, request.body));
    return personView(ctx, person);
  });

  app.get('/persons/:id/history', {
    config: { auth: READ },
    schema: {
      tags,
      summary: '自然人变更历史（脱敏，按时间先后） change history of a person (masked), oldest first',
      params: IdParams,
      querystring: Type.Object(PageQuery),
      response: { 200: HistoryPage },
    },
  }, async (request) => {
    const { scope } = await clerkOf(request);
    return pageView(await personHistory(db, scope, request.params.id, request.query), (h) => historyView(ctx, h));
  });
}

export function entityRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;

  app.post('/entities', {
    config: { auth: MANAGE },
    schema: {
      tags,
      summary: '新增法人 / 单位 register a legal entity',
      body: Body({ creditCode: CreditCode, name: EntityName, type: EntityType, regionCode: RegionCode, legalRepName: PersonName, legalRepIdNumber: Type.Optional(IdNumber) }),
      response: { 201: EntityView },
    },
  }, async (request, reply) => {
    const clerk = await clerkOf(request);
    const entity = await transaction(db, (tx) => createEntity(ctx, tx, clerk.author, clerk.scope, request.body));
    return reply.status(201).send(entityView(ctx, entity));
  });

  app.get('/entities', {
    config: { auth: READ },
    schema: {
      tags,
      summary: '法人列表（本辖区；可按统一社会信用代码查询） legal entities in your region',
      querystring: Type.Object({ ...PageQuery, regionCode: Type.Optional(RegionCode), status: Type.Optional(Status), type: Type.Optional(EntityType), creditCode: Type.Optional(CreditCode) }),
      response: { 200: EntityPage },
    },
  }, async (request) => {
    const clerk = await clerkOf(request);
    return pageView(await listEntities(db, clerk.scope, request.query), (e) => entityView(ctx, e));
  });

  app.get('/entities/:id', {
    config: { auth: READ },
    schema: { tags, summary: '查看法人 one legal entity', params: IdParams, response: { 200: EntityView } },
  }, async (request) => {
    const clerk = await clerkOf(request);
    return entityView(ctx, await entityInScope(db, clerk.scope, request.params.id));
  });

  app.post('/entities/:id/reveal', {
    config: { auth: REVEAL },
    schema: {
      tags,
      summary: '显示法定代表人完整信息（审计） a legal representative’s name and identity number in full; each reveal is audited',
      params: IdParams,
      body: Reveal,
      response: { 200: EntityRevealView },
    },
  }, async (request, reply) => {
    const { scope, who } = await revealerOf(request);
    reply.header('cache-control', 'no-store');
    return revealEntity(ctx, scope, who, request.params.id, request.body.reason);
  });

  app.patch('/entities/:id', {
    config: { auth: MANAGE },
    schema: {
      tags,
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
      response: { 200: EntityChangedView },
    },
  }, async (request) => {
    const clerk = await clerkOf(request);
    const outcome = await transaction(db, (tx) => changeEntity(ctx, tx, clerk.author, clerk.scope, request.params.id, request.body));
    return { ...entityView(ctx, outcome.entity), changed: outcome.kind === 'changed' };
  });

  app.post('/entities/:id/cancel', {
    config: { auth: MANAGE },
    schema: { tags, summary: '注销法人 cancel a legal entity', params: IdParams, body: Cancellation, response: { 200: EntityView } },
  }, async (request) => {
    const clerk = await clerkOf(request);
    const entity = await transaction(db, (tx) => cancelEntity(ctx, tx, clerk.author, clerk.scope, request.params.id, request.body));
    return entityView(ctx, entity);
  });

  app.get('/entities/:id/history', {
    config: { auth: READ },
    schema: {
      tags,
      summary: '法人变更历史（脱敏，按时间先后） change history of a legal entity (masked), oldest first',
      params: IdParams,
      querystring: Type.Object(PageQuery),
      response: { 200: HistoryPage },
    },
  }, async (request) => {
    const { scope } = await clerkOf(request);
    return pageView(await entityHistory(db, scope, request.params.id, request.query), (h) => historyView(ctx, h));
  });
}

export function conflictRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;

  app.get('/conflicts', {
    config: { auth: READ },
    schema: {
      tags,
      summary: '会商列表（本辖区） conflict cases in your region',
      querystring: Type.Object({ ...PageQuery, status: Type.Optional(Literals(CONFLICT_STATUSES)), personId: Type.Optional(Id) }),
      response: { 200: ConflictPage },
    },
  }, async (request) => {
    const clerk = await clerkOf(request);
    return pageView(await listConflicts(db, clerk.scope, request.query), (c) => conflictView(ctx, c, clerk.unmasked));
  });

  app.get('/conflicts/:id', {
    config: { auth: READ },
    schema: { tags, summary: '查看会商 one conflict case: both versions and the source', params: IdParams, response: { 200: ConflictView } },
  }, async (request) => {
    const clerk = await clerkOf(request);
    return conflictView(ctx, await conflictInScope(db, clerk.scope, request.params.id), clerk.unmasked);
  });

  app.post('/conflicts/:id/resolve', {
    config: { auth: { user: true, permission: P.registryConflictsResolve } },
    schema: {
      tags,
      summary: '会商处理：保留原记录 / 采用新信息 / 驳回 decide a conflict case',
      params: IdParams,
      body: Body({ decision: Literals(DECISIONS, 'keep_existing 保留原记录 / take_incoming 采用新信息 / reject 驳回'), note: Type.Optional(Type.String({ maxLength: 200 })) }),
      response: { 200: ResolutionView },
    },
  }, async (request) => {
    const clerk = await clerkOf(request);
    const result = await transaction(db, (tx) => resolveConflict(ctx, tx, clerk.author, clerk.scope, request.params.id, request.body.decision, request.body.note));
    return { conflict: conflictView(ctx, result.conflict, clerk.unmasked), person: result.person ? personView(ctx, result.person) : null };
  });
}
