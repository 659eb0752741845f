/**
 * 个人服务 HTTP routes: a real-name verified person's own record, enrollments, applications and,
 * through the collection center, account and contributions. Thin handlers over service.ts; the
 * answers' shapes are in contract.ts.
 */
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../kernel/context.js';
import { requireActor, type AuthRequirement } from '../../kernel/http/auth.js';
import type { App } from '../../kernel/http/app.js';
import { Body, Id, Literals, PageQuery, RegionCode, YearMonth } from '../../kernel/http/schemas.js';
import * as enrollment from '../enrollment/index.js';
import * as collection from '../collection/index.js';
import { ApplicationPage, BenefitPage, ContributionPage, EnrollmentHistoryPage, MyEnrollmentPage, OverviewView } from './contract.js';
import * as service from './service.js';
import './messages.js';

const InsuranceTypeCode = Type.String({ minLength: 2, maxLength: 20, pattern: '^[0-9A-Za-z_]+$', description: '险种代码, e.g. 310, 390' });
const IdParams = Type.Object({ id: Id });
const Year = Type.Integer({ minimum: 1990, maximum: 2100, description: '年度 calendar year' });
const YearPage = Type.Object({ year: Type.Optional(Year), ...PageQuery });
const tags = ['personal'];

/**
 * Persons only, and only once real-name verified (实名, L2): the person is found by the account's
 * identity number, which registration alone does not prove is theirs.
 */
const PERSON: AuthRequirement = { user: true, kinds: ['person'], level: 2 };

export function personalRoutes(app: App, ctx: AppContext) {
  app.get('/me', {
    config: { auth: PERSON },
    schema: {
      tags,
      summary: '个人信息：基本信息（脱敏）、各类参保及状态、身份 my registry record (masked), enrollments of every kind, identities',
      description: '`registered: false` when the registry holds no person with the account’s identity number (register at the agency).',
      response: { 200: OverviewView },
    },
  }, async (request) => service.overview(ctx, requireActor(request)));

  app.get('/enrollments', {
    config: { auth: PERSON },
    schema: { tags, summary: '个人参保信息（状态变更、缴费基数；一页全部） my enrollments with status changes and declared bases, all on one page', response: { 200: MyEnrollmentPage } },
  }, async (request) => service.enrollments(ctx, requireActor(request)));

  app.get('/enrollments/history', {
    config: { auth: PERSON },
    schema: { tags, summary: '参保变更记录 my enrollment history', querystring: Type.Object(PageQuery), response: { 200: EnrollmentHistoryPage } },
  }, async (request) => service.history(ctx, requireActor(request), request.query));

  app.post('/applications', {
    config: { auth: PERSON },
    schema: {
      tags,
      summary: '申请：灵活就业人员参保 / 城乡居民参保 / 灵活就业暂停缴费 apply: flexible-worker or resident enrollment, or suspension of flexible contributions',
      description:
        'flexible_enrollment needs insuranceType, regionCode, fromMonth and monthlyBaseFen (within the base rule’s bounds); resident_enrollment needs ' +
        'insuranceType, regionCode and fromMonth; flexible_suspension needs employmentId (your flexible enrollment), fromMonth and reason. ' +
        'A clerk of the region reviews it. A person the registry does not hold yet makes a first visit (首次申办): flexible or resident ' +
        'enrollment only, regionCode (the household region, one of GET /personal/regions) and address; the application carries the ' +
        'registry record (name and identity number from the verified account, birth date and sex from the identity number, the account’s phone), ' +
        'and approval registers the person.',
      body: Body({
        kind: Literals(enrollment.PERSON_APPLICATION_KINDS, 'flexible_enrollment 灵活就业人员参保 / resident_enrollment 城乡居民参保 / flexible_suspension 灵活就业暂停缴费'),
        insuranceType: Type.Optional(InsuranceTypeCode),
        regionCode: Type.Optional(RegionCode),
        fromMonth: YearMonth,
        monthlyBaseFen: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000, description: '所选月缴费基数，分 chosen monthly base in fen' })),
        employmentId: Type.Optional(Id),
        reason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        address: Type.Optional(Type.String({ maxLength: 200, description: '首次申办：联系地址 a first visit’s address' })),
      }),
      response: { 201: enrollment.ApplicationView },
    },
  }, async (request, reply) => reply.status(201).send(await service.submit(ctx, requireActor(request), request.body)));

  app.get('/regions', {
    config: { auth: PERSON },
    schema: {
      tags,
      summary: '参保地：可申请的统筹区及其经办机构 the regions one may apply in, each with its agency office',
      response: { 200: Type.Array(Type.Object({ regionCode: RegionCode, name: Type.String() })) },
    },
  }, async () => service.regions(ctx));

  app.get('/applications', {
    config: { auth: PERSON },
    schema: {
      tags,
      summary: '我的申请 my applications',
      querystring: Type.Object({ ...PageQuery, status: Type.Optional(Literals(enrollment.APPLICATION_STATUSES)), kind: Type.Optional(Literals(enrollment.APPLICATION_KINDS)) }),
      response: { 200: ApplicationPage },
    },
  }, async (request) => service.applications(ctx, requireActor(request), request.query));

  app.get('/applications/:id', {
    config: { auth: PERSON },
    schema: { tags, summary: '申请详情 one of my applications', params: IdParams, response: { 200: enrollment.ApplicationWithApplicantView } },
  }, async (request) => service.application(ctx, requireActor(request), request.params.id));

  app.post('/applications/:id/withdraw', {
    config: { auth: PERSON },
    schema: { tags, summary: '撤回（审核前） withdraw before review', params: IdParams, response: { 200: enrollment.ApplicationView } },
  }, async (request) => service.withdraw(ctx, requireActor(request), request.params.id));

  // ------------------------------------------------------------------ the collection center

  app.get('/account', {
    config: { auth: PERSON },
    schema: { tags, summary: '个人账户：余额与收支明细 my personal account: balance and entries (of a year)', querystring: YearPage, response: { 200: collection.PersonalAccountView } },
  }, async (request) => service.account(ctx, requireActor(request), request.query));

  app.get('/contributions', {
    config: { auth: PERSON },
    schema: { tags, summary: '缴费记录（含计算说明） my contribution lines, each explained', querystring: YearPage, response: { 200: ContributionPage } },
  }, async (request) => service.contributions(ctx, requireActor(request), request.query));

  app.get('/annual-statement', {
    config: { auth: PERSON },
    schema: {
      tags,
      summary: '年度缴费对账单 my statement of a year: months, totals, account movement',
      querystring: Type.Object({ year: Year }),
      response: { 200: collection.AnnualStatementView },
    },
  }, async (request) => service.annualStatement(ctx, requireActor(request), request.query.year));

  app.get('/benefits', {
    config: { auth: PERSON },
    schema: {
      tags,
      summary: '待遇享受 benefits received from my personal account',
      description:
        'The personal account’s outflows other than contribution deductions (e.g. account payments for medical bills). ' +
        'Empty until a settlement center books such payments: the platform has none yet.',
      querystring: YearPage,
      response: { 200: BenefitPage },
    },
  }, async (request) => service.benefits(ctx, requireActor(request), request.query));
}
