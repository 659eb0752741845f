/**
 * The enrollment center's routes under /api/v1/enrollment, for clerks of a region: unit enrollment,
 * employees, wage declarations, persons' identities and history, and the review of applications.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../kernel/context.js';
import type { App } from '../../kernel/http/app.js';
import { requireActor } from '../../kernel/http/auth.js';
import { Body, DateOnly, Id, Literals, Page, PageQuery, YearMonth } from '../../kernel/http/schemas.js';
import * as auth from '../auth/index.js';
import { approveApplication, getApplication, listApplications, rejectApplication } from './applications.js';
import {
  ApplicationView,
  ApplicationWithApplicantView,
  EmploymentDetailView,
  EmploymentView,
  HistoryView,
  IdentitiesView,
  IdentityView,
  UnitEnrollmentView,
  WageDeclarationView,
} from './contract.js';
import { addEmployee, changeEmployeeStatus, getEmployee, personEmployments } from './employees.js';
import { personHistory } from './history.js';
import { addIdentity, listIdentities } from './identities.js';
import { APPLICATION_KINDS, APPLICATION_STATUSES, EMPLOYEE_STATUSES, SPECIAL_IDENTITY_CODES, type EmployeeAction } from './rules.js';
import type { RegionActor } from './scope.js';
import { enrollUnit, getUnit, listEmployees, listUnits, unitHistory } from './units.js';
import { declareWage } from './wages.js';
import './messages.js';

const InsuranceTypeCode = Type.String({ minLength: 2, maxLength: 20, pattern: '^[0-9A-Za-z_]+$', description: '险种代码, e.g. 310, 410' });
const IdParams = Type.Object({ id: Id });
const MonthBody = Body({ month: YearMonth });

/** The caller as a clerk: who acts, and the regions their organization acts for. */
async function clerkOf(request: FastifyRequest): Promise<RegionActor> {
  const actor = requireActor(request);
  return { accountId: actor.accountId, scope: await actor.scope() };
}

export function enrollmentRoutes(app: App, ctx: AppContext) {
  const P = auth.PERMISSIONS;
  const read = { user: true, permission: P.enrollmentRead } as const;
  const manage = { user: true, permission: P.enrollmentManage } as const;
  const review = { user: true, permission: P.enrollmentReview } as const;

  // ------------------------------------------------------------------------- unit enrollment

  app.post('/units', {
    config: { auth: manage },
    schema: {
      tags: ['enrollment'],
      summary: '单位参保 enrol a registered legal entity in an insurance type from a month',
      body: Body({ entityId: Id, insuranceType: InsuranceTypeCode, fromMonth: YearMonth }),
      response: { 201: UnitEnrollmentView },
    },
  }, async (request, reply) => reply.status(201).send(await enrollUnit(ctx, await clerkOf(request), request.body)));

  app.get('/units', {
    config: { auth: read },
    schema: {
      tags: ['enrollment'],
      summary: '单位参保列表（本辖区） unit enrollments in your region',
      querystring: Type.Object({ ...PageQuery, entityId: Type.Optional(Id), insuranceType: Type.Optional(InsuranceTypeCode) }),
      response: { 200: Page(UnitEnrollmentView) },
    },
  }, async (request) => listUnits(ctx, await clerkOf(request), request.query));

  app.get('/units/:id', {
    config: { auth: read },
    schema: { tags: ['enrollment'], summary: '单位参保详情 one unit enrollment', params: IdParams, response: { 200: UnitEnrollmentView } },
  }, async (request) => getUnit(ctx, await clerkOf(request), request.params.id));

  app.get('/units/:id/employees', {
    config: { auth: read },
    schema: {
      tags: ['enrollment'],
      summary: '单位职工 employees enrolled through a unit',
      params: IdParams,
      querystring: Type.Object({ ...PageQuery, status: Type.Optional(Literals(EMPLOYEE_STATUSES)) }),
      response: { 200: Page(EmploymentView) },
    },
  }, async (request) => listEmployees(ctx, await clerkOf(request), request.params.id, request.query));

  app.post('/units/:id/employees', {
    config: { auth: manage },
    schema: {
      tags: ['enrollment'],
      summary: '职工增员 add a registered person to a unit enrollment from a month',
      params: IdParams,
      body: Body({ personId: Id, fromMonth: YearMonth }),
      response: { 201: EmploymentView },
    },
  }, async (request, reply) => reply.status(201).send(await addEmployee(ctx, await clerkOf(request), request.params.id, request.body)));

  app.get('/units/:id/history', {
    config: { auth: read },
    schema: { tags: ['enrollment'], summary: '单位变更记录 the unit’s change history', params: IdParams, querystring: Type.Object(PageQuery), response: { 200: Page(HistoryView) } },
  }, async (request) => unitHistory(ctx, await clerkOf(request), request.params.id, request.query));

  // ------------------------------------------------------------------------------- employees

  app.get('/employees/:id', {
    config: { auth: read },
    schema: { tags: ['enrollment'], summary: '职工参保详情（状态变更、基数申报） one employee enrollment', params: IdParams, response: { 200: EmploymentDetailView } },
  }, async (request) => getEmployee(ctx, await clerkOf(request), request.params.id));

  const statusRoute = (action: EmployeeAction, summary: string) =>
    app.post(`/employees/:id/${action}`, {
      config: { auth: manage },
      schema: { tags: ['enrollment'], summary, params: IdParams, body: MonthBody, response: { 200: EmploymentView } },
    }, async (request) => changeEmployeeStatus(ctx, await clerkOf(request), request.params.id, action, request.body.month));
  statusRoute('suspend', '暂停参保 suspend from a month');
  statusRoute('resume', '恢复参保 resume from a month');
  statusRoute('remove', '减员 remove from a month');

  app.post('/employees/:id/wage-declarations', {
    config: { auth: manage },
    schema: {
      tags: ['enrollment'],
      summary: '缴费基数申报 declare the monthly wage for a year; the base is clamped by the policy in effect',
      params: IdParams,
      body: Body({
        year: Type.Integer({ minimum: 1990, maximum: 2100 }),
        monthlyWageFen: Type.Integer({ minimum: 0, maximum: 100_000_000, description: '月工资，分 (at most 1,000,000.00 yuan)' }),
      }),
      response: { 201: WageDeclarationView },
    },
  }, async (request, reply) => reply.status(201).send(await declareWage(ctx, await clerkOf(request), request.params.id, request.body)));

  // --------------------------------------------------------------------------------- persons

  app.get('/persons/:id/employments', {
    config: { auth: read },
    schema: { tags: ['enrollment'], summary: '人员参保记录（本辖区） a person’s enrollments', params: IdParams, response: { 200: Page(EmploymentDetailView) } },
  }, async (request) => personEmployments(ctx, await clerkOf(request), request.params.id));

  app.post('/persons/:id/retirement', {
    config: { auth: manage },
    schema: { tags: ['enrollment'], summary: '在职转退休 retirement from a date', params: IdParams, body: Body({ date: DateOnly }), response: { 201: IdentityView } },
  }, async (request, reply) =>
    reply.status(201).send(await addIdentity(ctx, await clerkOf(request), request.params.id, { code: 'retired', startDate: request.body.date })));

  app.post('/persons/:id/identities', {
    config: { auth: manage },
    schema: {
      tags: ['enrollment'],
      summary: '特殊身份 a dated identity (低保 dibao / 特困 tekun / 重残 severe_disability / 建档立卡 poverty_registered)',
      params: IdParams,
      body: Body({ code: Literals(SPECIAL_IDENTITY_CODES), startDate: DateOnly, endDate: Type.Optional(DateOnly) }),
      response: { 201: IdentityView },
    },
  }, async (request, reply) => reply.status(201).send(await addIdentity(ctx, await clerkOf(request), request.params.id, request.body)));

  app.get('/persons/:id/identities', {
    config: { auth: read },
    schema: {
      tags: ['enrollment'],
      summary: '人员身份（可按月查询） identities, and those held as of a month',
      params: IdParams,
      querystring: Type.Object({ month: Type.Optional(YearMonth) }),
      response: { 200: IdentitiesView },
    },
  }, async (request) => listIdentities(ctx, await clerkOf(request), request.params.id, request.query.month));

  app.get('/persons/:id/history', {
    config: { auth: read },
    schema: { tags: ['enrollment'], summary: '人员参保变更记录 the person’s change history', params: IdParams, querystring: Type.Object(PageQuery), response: { 200: Page(HistoryView) } },
  }, async (request) => personHistory(ctx, await clerkOf(request), request.params.id, request.query));

  // ---------------------------------------------------------------------------- applications

  app.get('/applications', {
    config: { auth: read },
    schema: {
      tags: ['enrollment'],
      summary: '个人参保申请（本辖区） persons’ applications to review in your region',
      querystring: Type.Object({ ...PageQuery, status: Type.Optional(Literals(APPLICATION_STATUSES)), kind: Type.Optional(Literals(APPLICATION_KINDS)) }),
      response: { 200: Page(ApplicationWithApplicantView) },
    },
  }, async (request) => listApplications(ctx, await clerkOf(request), request.query));

  app.get('/applications/:id', {
    config: { auth: read },
    schema: { tags: ['enrollment'], summary: '申请详情 one application', params: IdParams, response: { 200: ApplicationWithApplicantView } },
  }, async (request) => getApplication(ctx, await clerkOf(request), request.params.id));

  app.post('/applications/:id/approve', {
    config: { auth: review },
    schema: {
      tags: ['enrollment'],
      summary: '审核通过：参保（灵活就业按所选基数申报）或暂停缴费，同一事务 approve: the enrollment is created (or suspended) with it',
      description: 'A first visit (首次申办, `declared` set) also registers the declared person in the registry, in the same transaction: that needs registry.manage too.',
      params: IdParams,
      body: Body({ note: Type.Optional(Type.String({ maxLength: 200 })) }),
      response: { 200: ApplicationView },
    },
  }, async (request) =>
    approveApplication(ctx, await clerkOf(request), request.params.id, request.body.note, { mayRegister: requireActor(request).can(P.registryManage) }));

  app.post('/applications/:id/reject', {
    config: { auth: review },
    schema: {
      tags: ['enrollment'],
      summary: '不予通过（须说明理由） reject, saying why',
      params: IdParams,
      body: Body({ note: Type.String({ minLength: 1, maxLength: 200 }) }),
      response: { 200: ApplicationView },
    },
  }, async (request) => rejectApplication(ctx, await clerkOf(request), request.params.id, request.body.note));
}
