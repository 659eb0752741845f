import { Type } from '@sinclair/typebox';
import type { AppContext, CenterModule } from '../../kernel/context.js';
import { forbidden } from '../../kernel/errors/index.js';
import { requireUser, type UserPrincipal } from '../../kernel/http/auth.js';
import { Body, Id, PageQuery, YearMonth } from '../../kernel/http/schemas.js';
import * as auth from '../auth/index.js';
import * as service from './service.js';
import { APPLICATION_KINDS, APPLICATION_STATUSES, EMPLOYEE_STATUSES, IDENTITY_CODES, type EmployeeAction } from './rules.js';
import './messages.js';

const literals = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
const InsuranceTypeCode = Type.String({ minLength: 2, maxLength: 20, pattern: '^[0-9A-Za-z_]+$', description: '险种代码, e.g. 310, 410' });
const DateString = Type.String({ format: 'date', minLength: 10, maxLength: 10, description: 'YYYY-MM-DD' });
const IdParams = Type.Object({ id: Id });
const MonthBody = Body({ month: YearMonth });

export const enrollmentCenter: CenterModule = {
  name: 'enrollment',
  async routes(app, ctx) {
    const P = auth.PERMISSIONS;
    const read = { user: true, permission: P.enrollmentRead } as const;
    const manage = { user: true, permission: P.enrollmentManage } as const;
    const review = { user: true, permission: P.enrollmentReview } as const;
    const actor = (request: Parameters<typeof requireUser>[0]) => actorOf(ctx, requireUser(request));

    // ------------------------------------------------------------------------- unit enrollment

    app.post('/units', {
      config: { auth: manage },
      schema: {
        tags: ['enrollment'],
        summary: '单位参保 enrol a registered legal entity in an insurance type from a month',
        body: Body({ entityId: Id, insuranceType: InsuranceTypeCode, fromMonth: YearMonth }),
      },
    }, async (request, reply) => reply.status(201).send(await service.enrollUnit(ctx, await actor(request), request.body)));

    app.get('/units', {
      config: { auth: read },
      schema: {
        tags: ['enrollment'],
        summary: '单位参保列表（本辖区） unit enrollments in your region',
        querystring: Type.Object({ ...PageQuery, entityId: Type.Optional(Id), insuranceType: Type.Optional(InsuranceTypeCode) }),
      },
    }, async (request) => service.listUnits(ctx, await actor(request), request.query));

    app.get('/units/:id', {
      config: { auth: read },
      schema: { tags: ['enrollment'], summary: '单位参保详情 one unit enrollment', params: IdParams },
    }, async (request) => service.getUnit(ctx, await actor(request), request.params.id));

    app.get('/units/:id/employees', {
      config: { auth: read },
      schema: {
        tags: ['enrollment'],
        summary: '单位职工 employees enrolled through a unit',
        params: IdParams,
        querystring: Type.Object({ ...PageQuery, status: Type.Optional(literals(EMPLOYEE_STATUSES)) }),
      },
    }, async (request) => service.listEmployees(ctx, await actor(request), request.params.id, request.query));

    app.post('/units/:id/employees', {
      config: { auth: manage },
      schema: {
        tags: ['enrollment'],
        summary: '职工增员 add a registered person to a unit enrollment from a month',
        params: IdParams,
        body: Body({ personId: Id, fromMonth: YearMonth }),
      },
    }, async (request, reply) => reply.status(201).send(await service.addEmployee(ctx, await actor(request), request.params.id, request.body)));

    app.get('/units/:id/history', {
      config: { auth: read },
      schema: { tags: ['enrollment'], summary: '单位变更记录 the unit’s change history', params: IdParams, querystring: Type.Object(PageQuery) },
    }, async (request) => service.unitHistory(ctx, await actor(request), request.params.id, request.query));

    // ------------------------------------------------------------------------------- employees

    app.get('/employees/:id', {
      config: { auth: read },
      schema: { tags: ['enrollment'], summary: '职工参保详情（状态变更、基数申报） one employee enrollment', params: IdParams },
    }, async (request) => service.getEmployee(ctx, await actor(request), request.params.id));

    const statusRoute = (action: EmployeeAction, summary: string) =>
      app.post(`/employees/:id/${action}`, {
        config: { auth: manage },
        schema: { tags: ['enrollment'], summary, params: IdParams, body: MonthBody },
      }, async (request) => service.changeEmployeeStatus(ctx, await actor(request), request.params.id, action, request.body.month));
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
      },
    }, async (request, reply) => reply.status(201).send(await service.declareWage(ctx, await actor(request), request.params.id, request.body)));

    // --------------------------------------------------------------------------------- persons

    app.get('/persons/:id/employments', {
      config: { auth: read },
      schema: { tags: ['enrollment'], summary: '人员参保记录（本辖区） a person’s employee enrollments', params: IdParams },
    }, async (request) => service.personEmployments(ctx, await actor(request), request.params.id));

    app.post('/persons/:id/retirement', {
      config: { auth: manage },
      schema: { tags: ['enrollment'], summary: '在职转退休 retirement from a date', params: IdParams, body: Body({ date: DateString }) },
    }, async (request, reply) =>
      reply.status(201).send(await service.addIdentity(ctx, await actor(request), request.params.id, { code: 'retired', startDate: request.body.date })));

    app.post('/persons/:id/identities', {
      config: { auth: manage },
      schema: {
        tags: ['enrollment'],
        summary: '特殊身份 a dated identity (低保 dibao / 特困 tekun / 重残 severe_disability / 建档立卡 poverty_registered)',
        params: IdParams,
        body: Body({ code: literals(IDENTITY_CODES.filter((c) => c !== 'retired')), startDate: DateString, endDate: Type.Optional(DateString) }),
      },
    }, async (request, reply) => reply.status(201).send(await service.addIdentity(ctx, await actor(request), request.params.id, request.body)));

    app.get('/persons/:id/identities', {
      config: { auth: read },
      schema: {
        tags: ['enrollment'],
        summary: '人员身份（可按月查询） identities, and those held as of a month',
        params: IdParams,
        querystring: Type.Object({ month: Type.Optional(YearMonth) }),
      },
    }, async (request) => service.listIdentities(ctx, await actor(request), request.params.id, request.query.month));

    app.get('/persons/:id/history', {
      config: { auth: read },
      schema: { tags: ['enrollment'], summary: '人员参保变更记录 the person’s change history', params: IdParams, querystring: Type.Object(PageQuery) },
    }, async (request) => service.personHistory(ctx, await actor(request), request.params.id, request.query));

    // ---------------------------------------------------------------------------- applications

    app.get('/applications', {
      config: { auth: read },
      schema: {
        tags: ['enrollment'],
        summary: '个人参保申请（本辖区） persons’ applications to review in your region',
        querystring: Type.Object({ ...PageQuery, status: Type.Optional(literals(APPLICATION_STATUSES)), kind: Type.Optional(literals(APPLICATION_KINDS)) }),
      },
    }, async (request) => service.listApplications(ctx, await actor(request), request.query));

    app.get('/applications/:id', {
      config: { auth: read },
      schema: { tags: ['enrollment'], summary: '申请详情 one application', params: IdParams },
    }, async (request) => service.getApplication(ctx, await actor(request), request.params.id));

    app.post('/applications/:id/approve', {
      config: { auth: review },
      schema: {
        tags: ['enrollment'],
        summary: '审核通过：参保（灵活就业按所选基数申报）或暂停缴费，同一事务 approve: the enrollment is created (or suspended) with it',
        params: IdParams,
        body: Body({ note: Type.Optional(Type.String({ maxLength: 200 })) }),
      },
    }, async (request) => service.approveApplication(ctx, await actor(request), request.params.id, request.body.note));

    app.post('/applications/:id/reject', {
      config: { auth: review },
      schema: {
        tags: ['enrollment'],
        summary: '不予通过（须说明理由） reject, saying why',
        params: IdParams,
        body: Body({ note: Type.String({ minLength: 1, maxLength: 200 }) }),
      },
    }, async (request) => service.rejectApplication(ctx, await actor(request), request.params.id, request.body.note));
  },
};

/** Clerks act within their organization's region (as the registry scopes them). */
async function actorOf(ctx: AppContext, principal: UserPrincipal): Promise<service.RegionActor> {
  const org = principal.orgId ? await auth.getOrg(ctx, principal.orgId) : null;
  if (!org) throw forbidden('enrollment.no_org');
  return { accountId: principal.accountId, prefix: service.regionPrefixOf(org) };
}
