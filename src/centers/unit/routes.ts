import { Type } from '@sinclair/typebox';
import type { CenterModule } from '../../kernel/context.js';
import { requireUser, type AuthRequirement } from '../../kernel/http/auth.js';
import { Body, Id, IdNumber, PageQuery, YearMonth } from '../../kernel/http/schemas.js';
import { EMPLOYEE_STATUSES } from '../enrollment/index.js';
import * as service from './service.js';
import './messages.js';

const literals = <T extends string>(values: readonly T[], description?: string) => Type.Union(values.map((v) => Type.Literal(v)), description ? { description } : {});
const InsuranceTypeCode = Type.String({ minLength: 2, maxLength: 20, pattern: '^[0-9A-Za-z_]+$', description: '险种代码, e.g. 310, 410' });
const IdParams = Type.Object({ id: Id });
const AGENT: AuthRequirement = { user: true, kinds: ['unit_agent'] };

export const unitCenter: CenterModule = {
  name: 'unit',
  async routes(app, ctx) {
    app.get('/info', {
      config: { auth: AGENT },
      schema: { tags: ['unit'], summary: '单位信息：基本信息与单位参保 my unit’s registry record and its enrollments' },
    }, async (request) => service.info(ctx, requireUser(request)));

    app.patch('/info', {
      config: { auth: AGENT },
      schema: {
        tags: ['unit'],
        summary: '单位信息变更（名称；留存变更历史；法定代表人变更到经办机构办理） change the unit’s name (history kept by the registry; the legal representative is changed at the agency)',
        body: Body({
          name: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
          version: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, description: '所读取的版本；不一致时 409 the version read; a different current version is a 409' })),
        }),
      },
    }, async (request) => service.changeInfo(ctx, requireUser(request), request.body));

    app.get('/employees', {
      config: { auth: AGENT },
      schema: {
        tags: ['unit'],
        summary: '参保职工 the unit’s employees (every insurance type)',
        querystring: Type.Object({ ...PageQuery, status: Type.Optional(literals(EMPLOYEE_STATUSES)), insuranceType: Type.Optional(InsuranceTypeCode) }),
      },
    }, async (request) => service.employees(ctx, requireUser(request), request.query));

    app.post('/employees', {
      config: { auth: AGENT },
      schema: {
        tags: ['unit'],
        summary: '增员 enrol a registered person in the unit’s insurance type from a month',
        body: Body({ idNumber: IdNumber, insuranceType: InsuranceTypeCode, fromMonth: YearMonth }),
      },
    }, async (request, reply) => reply.status(201).send(await service.addEmployee(ctx, requireUser(request), request.body)));

    app.get('/employees/:id', {
      config: { auth: AGENT },
      schema: { tags: ['unit'], summary: '职工参保详情 one employee: status changes and declared bases', params: IdParams },
    }, async (request) => service.employee(ctx, requireUser(request), request.params.id));

    app.post('/employees/:id/remove', {
      config: { auth: AGENT },
      schema: { tags: ['unit'], summary: '减员 remove an employee from a month', params: IdParams, body: Body({ month: YearMonth }) },
    }, async (request) => service.removeEmployee(ctx, requireUser(request), request.params.id, request.body.month));

    app.post('/employees/:id/wage-declarations', {
      config: { auth: AGENT },
      schema: {
        tags: ['unit'],
        summary: '缴费基数申报 declare an employee’s monthly wage for a year; the base is clamped by the policy in effect',
        params: IdParams,
        body: Body({
          year: Type.Integer({ minimum: 1990, maximum: 2100 }),
          monthlyWageFen: Type.Integer({ minimum: 0, maximum: 100_000_000, description: '月工资，分 (at most 1,000,000.00 yuan)' }),
        }),
      },
    }, async (request, reply) => reply.status(201).send(await service.declareWage(ctx, requireUser(request), request.params.id, request.body)));

    // ------------------------------------------------------------------ the collection center

    app.get('/bills', {
      config: { auth: AGENT },
      schema: {
        tags: ['unit'],
        summary: '单位缴费单 the unit’s bills (of a year), newest month first',
        querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })), ...PageQuery }),
      },
    }, async (request) => service.bills(ctx, requireUser(request), request.query));

    app.get('/bills/:id', {
      config: { auth: AGENT },
      schema: { tags: ['unit'], summary: '缴费单详情 one of the unit’s bills', params: IdParams },
    }, async (request) => service.bill(ctx, requireUser(request), request.params.id));

    const DOCUMENTS = {
      pdf: { type: 'application/pdf', summary: '缴费单 PDF the bill as PDF' },
      xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', summary: '缴费单 Excel the bill as an XLSX workbook' },
    } as const;
    for (const format of ['pdf', 'xlsx'] as const) {
      app.get(`/bills/:id/${format}`, {
        config: { auth: AGENT },
        schema: { tags: ['unit'], summary: DOCUMENTS[format].summary, params: IdParams },
      }, async (request, reply) => {
        const document = await service.billDocument(ctx, requireUser(request), request.params.id, format);
        return reply.type(DOCUMENTS[format].type).header('content-disposition', `attachment; filename="${request.params.id}.${format}"`).send(document);
      });
    }
  },
};
