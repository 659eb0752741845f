/**
 * 单位服务 HTTP routes: a unit agent's unit record, employees and, through the collection center,
 * bills. Thin handlers over service.ts; the answers' shapes are in contract.ts.
 */
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../kernel/context.js';
import { requireActor, type AuthRequirement } from '../../kernel/http/auth.js';
import type { App } from '../../kernel/http/app.js';
import { Body, FileBody, Id, IdNumber, Literals, Page, PageQuery, RegionCode, YearMonth } from '../../kernel/http/schemas.js';
import * as registry from '../registry/index.js';
import { XLSX_CONTENT_TYPE } from '../../kernel/xlsx/index.js';
import * as enrollment from '../enrollment/index.js';
import * as collection from '../collection/index.js';
import { BillPage, EmployeeDetailView, EmployeePage, EmployeeView, UnitEntityChangedView, UnitInfoView } from './contract.js';
import * as service from './service.js';
import './messages.js';

const InsuranceTypeCode = Type.String({ minLength: 2, maxLength: 20, pattern: '^[0-9A-Za-z_]+$', description: '险种代码, e.g. 310, 410' });
const IdParams = Type.Object({ id: Id });
const AGENT: AuthRequirement = { user: true, kinds: ['unit_agent'] };
const tags = ['unit'];

/** 单位类型 src/centers/registry/rules.ts ENTITY_TYPE_CODES */
const EntityType = Literals(Object.keys(registry.ENTITY_TYPES) as Array<keyof typeof registry.ENTITY_TYPES>, '单位类型');

export function unitRoutes(app: App, ctx: AppContext) {
  app.post('/applications', {
    config: { auth: { ...AGENT, level: 2 } },
    schema: {
      tags,
      summary: '单位首次申办：单位参保登记（携带单位信息登记） a unit the registry does not hold applies for unit enrollment, carrying its legal-entity record',
      description:
        'The unit’s managing agent, real-name verified: the record carries the unit’s name and credit code as registered, the agent as legal ' +
        'representative, and the type, region (one of GET /personal/regions’ agency regions) and address given here. The clerk of the region ' +
        'approves it: the legal entity is registered and the unit enrolled in insuranceType (one that admits employees) from fromMonth.',
      body: Body({ type: EntityType, regionCode: RegionCode, address: Type.String({ minLength: 1, maxLength: 200 }), insuranceType: InsuranceTypeCode, fromMonth: YearMonth }),
      response: { 201: enrollment.ApplicationView },
    },
  }, async (request, reply) => reply.status(201).send(await service.applyForEnrollment(ctx, requireActor(request), request.body)));

  app.get('/applications', {
    config: { auth: AGENT },
    schema: {
      tags,
      summary: '本单位的首次申办 the unit enrollment applications I made',
      querystring: Type.Object(PageQuery),
      response: { 200: Page(enrollment.ApplicationWithApplicantView) },
    },
  }, async (request) => service.applications(ctx, requireActor(request), request.query));

  app.get('/info', {
    config: { auth: AGENT },
    schema: { tags, summary: '单位信息：基本信息与单位参保 my unit’s registry record and its enrollments', response: { 200: UnitInfoView } },
  }, async (request) => service.info(ctx, requireActor(request)));

  app.patch('/info', {
    config: { auth: AGENT },
    schema: {
      tags,
      summary: '单位信息变更（名称；留存变更历史；法定代表人变更到经办机构办理） change the unit’s name (history kept by the registry; the legal representative is changed at the agency)',
      body: Body({
        name: Type.Optional(Type.String({ minLength: 2, maxLength: 100 })),
        version: Type.Optional(Type.Integer({ minimum: 1, maximum: 2147483647, description: '所读取的版本；不一致时 409 the version read; a different current version is a 409' })),
      }),
      response: { 200: UnitEntityChangedView },
    },
  }, async (request) => service.changeInfo(ctx, requireActor(request), request.body));

  app.get('/employees', {
    config: { auth: AGENT },
    schema: {
      tags,
      summary: '参保职工 the unit’s employees (every insurance type)',
      querystring: Type.Object({ ...PageQuery, status: Type.Optional(Literals(enrollment.EMPLOYEE_STATUSES)), insuranceType: Type.Optional(InsuranceTypeCode) }),
      response: { 200: EmployeePage },
    },
  }, async (request) => service.employees(ctx, requireActor(request), request.query));

  app.post('/employees', {
    config: { auth: AGENT },
    schema: {
      tags,
      summary: '增员 enrol a registered person in the unit’s insurance type from a month',
      body: Body({ idNumber: IdNumber, insuranceType: InsuranceTypeCode, fromMonth: YearMonth }),
      response: { 201: EmployeeView },
    },
  }, async (request, reply) => reply.status(201).send(await service.addEmployee(ctx, requireActor(request), request.body)));

  app.get('/employees/:id', {
    config: { auth: AGENT },
    schema: { tags, summary: '职工参保详情 one employee: status changes and declared bases', params: IdParams, response: { 200: EmployeeDetailView } },
  }, async (request) => service.employee(ctx, requireActor(request), request.params.id));

  app.post('/employees/:id/remove', {
    config: { auth: AGENT },
    schema: { tags, summary: '减员 remove an employee from a month', params: IdParams, body: Body({ month: YearMonth }), response: { 200: enrollment.EmploymentView } },
  }, async (request) => service.removeEmployee(ctx, requireActor(request), request.params.id, request.body.month));

  app.post('/employees/:id/wage-declarations', {
    config: { auth: AGENT },
    schema: {
      tags,
      summary: '缴费基数申报 declare an employee’s monthly wage for a year; the base is clamped by the policy in effect',
      params: IdParams,
      body: Body({
        year: Type.Integer({ minimum: 1990, maximum: 2100 }),
        monthlyWageFen: Type.Integer({ minimum: 0, maximum: 100_000_000, description: '月工资，分 (at most 1,000,000.00 yuan)' }),
      }),
      response: { 201: enrollment.WageDeclarationView },
    },
  }, async (request, reply) => reply.status(201).send(await service.declareWage(ctx, requireActor(request), request.params.id, request.body)));

  // ------------------------------------------------------------------ the collection center

  app.get('/bills', {
    config: { auth: AGENT },
    schema: {
      tags,
      summary: '单位缴费单 the unit’s bills (of a year), newest month first',
      querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })), ...PageQuery }),
      response: { 200: BillPage },
    },
  }, async (request) => service.bills(ctx, requireActor(request), request.query));

  app.get('/bills/:id', {
    config: { auth: AGENT },
    schema: { tags, summary: '缴费单详情 one of the unit’s bills', params: IdParams, response: { 200: collection.BillView } },
  }, async (request) => service.bill(ctx, requireActor(request), request.params.id));

  const DOCUMENTS = {
    pdf: { type: 'application/pdf', summary: '缴费单 PDF the bill as PDF' },
    xlsx: { type: XLSX_CONTENT_TYPE, summary: '缴费单 Excel the bill as an XLSX workbook' },
  } as const;
  for (const format of ['pdf', 'xlsx'] as const) {
    app.get(`/bills/:id/${format}`, {
      config: { auth: AGENT },
      schema: { tags, summary: DOCUMENTS[format].summary, params: IdParams, response: { 200: FileBody(DOCUMENTS[format].type) } },
    }, async (request, reply) => {
      const document = await service.billDocument(ctx, requireActor(request), request.params.id, format);
      return reply.type(DOCUMENTS[format].type).header('content-disposition', `attachment; filename="${request.params.id}.${format}"`).send(document);
    });
  }
}
