/**
 * The policy center's routes under /api/v1/policy: insurance types, drafts of each kind of version,
 * their review workflow, the version queries and the parameter lookup (catalogs: catalog-routes.ts).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../kernel/context.js';
import type { App } from '../../kernel/http/app.js';
import { requireActor } from '../../kernel/http/auth.js';
import { Body, Id, Literals, Page, PageQuery, RegionCode, YearMonth } from '../../kernel/http/schemas.js';
import * as auth from '../auth/index.js';
import { draftBaseRule, WAGE_YEAR_OFFSET_MIN } from './base-rules.js';
import { draftCollectionRule } from './collection-rules.js';
import { EffectiveParametersView, EnrollmentKindSchema, InsuranceTypeView, VersionDetailView, VersionView } from './contract.js';
import { changeInsuranceType, createInsuranceType, listInsuranceTypes } from './insurance-types.js';
import { effectiveParameters } from './parameters.js';
import { forgetParameters } from './parameters-cache.js';
import type { Maintainer } from './scope.js';
import { draftSettlementRule } from './settlement-rules.js';
import { DEDUCTIBLE_PERIODS, FLOWS, FUNDS, PAYERS, PERIODICITIES, POLICY_KINDS, POLICY_STATUSES, VISIT_KINDS } from './types.js';
import { getVersion, listVersions } from './versions.js';
import { draftWage } from './wages.js';
import { publishVersion, reviewVersion, voidVersion } from './workflow.js';
import './messages.js';

const TypeName = Type.String({ minLength: 1, maxLength: 50 });
const TypeNameEn = Type.String({ minLength: 1, maxLength: 100 });
const AdmittedKinds = Type.Array(EnrollmentKindSchema, { minItems: 1, maxItems: 3, uniqueItems: true, description: '该险种接受的参保类别 the enrollment kinds the type admits' });
const InsuranceTypeCode = Type.String({ minLength: 2, maxLength: 20, pattern: '^[0-9A-Za-z_]+$', description: '险种代码, e.g. 310, 390, 410, 510' });
const RuleCode = Type.String({ minLength: 1, maxLength: 30, pattern: '^[0-9A-Za-z_.-]+$', description: '规则编码, e.g. 1000101' });
const BaseKind = Type.String({
  minLength: 2,
  maxLength: 30,
  pattern: '^[a-z][a-z0-9_]*$',
  description: '基数种类, e.g. medical (职工医保缴费基数), account_allocation (个人账户划入基数)',
});
const CategoryCode = Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9A-Za-z_]+$', description: '人员类别' });
const Note = Type.String({ maxLength: 500 });
const PeriodFields = {
  effectiveFrom: YearMonth,
  effectiveTo: Type.Optional(YearMonth),
};

const Conditions = Type.Object(
  {
    ageAtMost: Type.Optional(Type.Integer({ minimum: 0, maximum: 150, description: '缴费月份年龄 ≤ N 时适用' })),
    ageAbove: Type.Optional(Type.Integer({ minimum: 0, maximum: 150, description: '缴费月份年龄 > N 时适用' })),
    retired: Type.Optional(Type.Boolean({ description: 'true 仅退休人员, false 仅在职人员' })),
    categories: Type.Optional(Type.Array(CategoryCode, { maxItems: 20, uniqueItems: true, description: '仅这些人员类别' })),
  },
  { additionalProperties: false },
);

const Share = Type.Object(
  {
    ruleCode: RuleCode,
    payer: Literals(PAYERS, '缴费主体 unit 单位 / person 个人 / fiscal 财政补助'),
    baseKind: BaseKind,
    ratePpm: Type.Integer({ minimum: 1, maximum: 300_000, description: '费率，百万分之一 (1000 = 0.1 %), at most 30 %' }),
    periodicity: Literals(PERIODICITIES, 'monthly 按月 / yearly 按年'),
    dueMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 12, description: '按年缴纳时的计征月份，默认 1 月' })),
    fund: Literals(FUNDS, 'pooled_fund 统筹基金 / personal_account 个人账户 / none'),
    flow: Literals(FLOWS, 'from: drawn from the fund (划转); to: paid into it'),
    conditions: Type.Optional(Conditions),
  },
  { additionalProperties: false },
);

const FenAmount = (description: string) => Type.Integer({ minimum: 0, maximum: 100_000_000_000, description });

/** 结算政策 one row: selectors (absent: any) and the parameters they select. */
const SettlementRow = Type.Object(
  {
    visitKind: Type.Optional(Literals(VISIT_KINDS, '就诊类型 outpatient 门诊 / inpatient 住院; absent: any')),
    institutionLevel: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)], { description: '医院等级 1–3; absent: any' })),
    personCategory: Type.Optional(Type.String({ minLength: 1, maxLength: 20, pattern: '^[0-9A-Za-z_]+$', description: '人员类别 employee / flexible / resident / retired; absent: any' })),
    deductibleFen: FenAmount('起付线，分'),
    deductiblePer: Literals(DEDUCTIBLE_PERIODS, 'visit 每次 / year 每年'),
    fundRatioBp: Type.Integer({ minimum: 0, maximum: 10_000, description: '统筹支付比例，万分之几 (8500 = 85 %)' }),
    ceilingFen: FenAmount('年度封顶线，分'),
    accountUsable: Type.Boolean({ description: '个人账户可否支付个人负担部分' }),
    ruleCodes: Type.Object(
      { deductible: RuleCode, fundRatio: RuleCode, ceiling: RuleCode, account: RuleCode },
      { additionalProperties: false, description: '各项数值的规则编码' },
    ),
    classBSelfPayBp: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 10_000, description: '乙类先行自付比例，万分之几 (1000 = 10 %); absent: each item’s ratio in the catalog' }),
    ),
  },
  { additionalProperties: false },
);

/** 单品乙类先行自付比例 a class B item with a share of its own, before the rows' share. */
const ItemRatio = Type.Object(
  {
    code: Type.String({ minLength: 15, maxLength: 23, pattern: '^[A-Z0-9]+$', description: '医保目录编码 (X… 23, Z… 20, C… 20, 15-digit service item)' }),
    selfPayBp: Type.Integer({ minimum: 0, maximum: 10_000, description: '先行自付比例，万分之几' }),
  },
  { additionalProperties: false },
);

const VersionParams = Type.Object({ id: Id });

/** The caller as a maintainer of policy: who acts, and the regions their organization acts for. */
async function maintainerOf(request: FastifyRequest): Promise<Maintainer> {
  const actor = requireActor(request);
  return { accountId: actor.accountId, scope: await actor.scope() };
}

export function policyRoutes(app: App, ctx: AppContext) {
  const db = ctx.database.db;
  const { policyRead, policyManage, policyReview } = auth.PERMISSIONS;

  // ---------------------------------------------------------------------------- insurance types

  app.get('/insurance-types', {
    // names every hall shows (persons, unit agents, clerks): public data, any signed-in account
    config: { auth: { user: true } },
    schema: { tags: ['policy'], summary: '险种列表（任何已登录账户） insurance types, for any signed-in account', response: { 200: Page(InsuranceTypeView) } },
  }, async () => listInsuranceTypes(db));

  app.post('/insurance-types', {
    config: { auth: { user: true, permission: policyManage } },
    schema: {
      tags: ['policy'],
      summary: '新增险种 add an insurance type (data, no code)',
      body: Body({ code: InsuranceTypeCode, name: TypeName, nameEn: TypeNameEn, enrollmentKinds: AdmittedKinds }),
      response: { 201: InsuranceTypeView },
    },
  }, async (request, reply) => reply.status(201).send(await createInsuranceType(db, requireActor(request).accountId, request.body)));

  app.patch('/insurance-types/:code', {
    config: { auth: { user: true, permission: policyManage } },
    schema: {
      tags: ['policy'],
      summary: '修改险种名称或其接受的参保类别 rename an insurance type or change the enrollment kinds it admits (existing enrollments stay)',
      params: Type.Object({ code: InsuranceTypeCode }),
      body: Type.Object({ name: Type.Optional(TypeName), nameEn: Type.Optional(TypeNameEn), enrollmentKinds: Type.Optional(AdmittedKinds) }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: InsuranceTypeView },
    },
  }, async (request) => changeInsuranceType(db, request.params.code, request.body));

  // --------------------------------------------------------------------------------- drafts (编制)

  app.post('/wages', {
    config: { auth: { user: true, permission: policyManage } },
    schema: {
      tags: ['policy'],
      summary: '编制社平工资 draft a social average wage (monthly, per region and year)',
      body: Body({
        regionCode: RegionCode,
        year: Type.Integer({ minimum: 1990, maximum: 2100 }),
        monthlyFen: Type.Integer({ minimum: 10_000, maximum: 10_000_000, description: '月平均工资，分 (100.00 – 100,000.00 yuan)' }),
        note: Type.Optional(Note),
      }),
      response: { 201: VersionView },
    },
  }, async (request, reply) => reply.status(201).send(await draftWage(ctx, await maintainerOf(request), request.body)));

  app.post('/base-rules', {
    config: { auth: { user: true, permission: policyManage } },
    schema: {
      tags: ['policy'],
      summary: '编制缴费基数规则 draft a contribution-base rule',
      body: Body({
        insuranceType: InsuranceTypeCode,
        regionCode: RegionCode,
        ...PeriodFields,
        baseKind: BaseKind,
        lowerBoundBp: Type.Integer({ minimum: 0, maximum: 10_000, description: '下限，社平工资的万分之几 (6000 = 60 %)' }),
        upperBoundBp: Type.Integer({ minimum: 10_000, maximum: 100_000, description: '上限，社平工资的万分之几 (30000 = 300 %)' }),
        lowerRuleCode: RuleCode,
        upperRuleCode: RuleCode,
        wageYearOffset: Type.Optional(Type.Integer({ minimum: WAGE_YEAR_OFFSET_MIN, maximum: 0, description: '0: 当年社平工资; -1: 上年' })),
        note: Type.Optional(Note),
      }),
      response: { 201: VersionView },
    },
  }, async (request, reply) => reply.status(201).send(await draftBaseRule(ctx, await maintainerOf(request), request.body)));

  app.post('/collection-rules', {
    config: { auth: { user: true, permission: policyManage } },
    schema: {
      tags: ['policy'],
      summary: '编制征缴规则 draft a collection rule (payer shares)',
      body: Body({
        insuranceType: InsuranceTypeCode,
        regionCode: RegionCode,
        ...PeriodFields,
        shares: Type.Array(Share, { minItems: 1, maxItems: 20 }),
        note: Type.Optional(Note),
      }),
      response: { 201: VersionView },
    },
  }, async (request, reply) => reply.status(201).send(await draftCollectionRule(ctx, await maintainerOf(request), request.body)));

  app.post('/settlement-rules', {
    config: { auth: { user: true, permission: policyManage } },
    schema: {
      tags: ['policy'],
      summary:
        '编制结算政策 draft a settlement policy (deductible, fund ratio, ceiling, account use and class B self-pay share by visit kind, level and person category; per-item class B shares)',
      body: Body({
        insuranceType: InsuranceTypeCode,
        regionCode: RegionCode,
        ...PeriodFields,
        rows: Type.Array(SettlementRow, { minItems: 1, maxItems: 100 }),
        itemRatios: Type.Optional(Type.Array(ItemRatio, { maxItems: 5_000, description: '单品乙类先行自付比例' })),
        note: Type.Optional(Note),
      }),
      response: { 201: VersionView },
    },
  }, async (request, reply) => reply.status(201).send(await draftSettlementRule(ctx, await maintainerOf(request), request.body)));

  // ------------------------------------------------------------------------------------ versions

  app.get('/versions', {
    config: { auth: { user: true, permission: policyRead } },
    schema: {
      tags: ['policy'],
      summary: '政策版本查询 policy versions (filters, paginated)',
      querystring: Type.Object({
        ...PageQuery,
        kind: Type.Optional(Literals(POLICY_KINDS)),
        insuranceType: Type.Optional(InsuranceTypeCode),
        regionCode: Type.Optional(RegionCode),
        status: Type.Optional(Literals(POLICY_STATUSES)),
        month: Type.Optional(YearMonth),
      }),
      response: { 200: Page(VersionView) },
    },
  }, async (request) => listVersions(db, request.query));

  app.get('/versions/:id', {
    config: { auth: { user: true, permission: policyRead } },
    schema: { tags: ['policy'], summary: '政策版本详情与审核记录 one version with its history', params: VersionParams, response: { 200: VersionDetailView } },
  }, async (request) => getVersion(db, request.params.id));

  app.post('/versions/:id/review', {
    config: { auth: { user: true, permission: policyReview } },
    schema: {
      tags: ['policy'],
      summary: '审核（编制人以外） review a draft (not its author)',
      params: VersionParams,
      body: Body({ comment: Type.Optional(Note) }),
      response: { 200: VersionView },
    },
  }, async (request) => reviewVersion(ctx, await maintainerOf(request), request.params.id, request.body.comment));

  app.post('/versions/:id/publish', {
    config: { auth: { user: true, permission: policyReview } },
    schema: { tags: ['policy'], summary: '发布（有效期不得与已发布版本重叠） publish a reviewed version', params: VersionParams, response: { 200: VersionView } },
  }, async (request) => {
    const version = await publishVersion(ctx, await maintainerOf(request), request.params.id);
    await forgetParameters(ctx);
    return version;
  });

  app.post('/versions/:id/void', {
    config: { auth: { user: true, permission: policyManage } },
    schema: {
      tags: ['policy'],
      summary: '作废 void a version',
      params: VersionParams,
      body: Body({ reason: Type.String({ minLength: 2, maxLength: 500 }) }),
      response: { 200: VersionView },
    },
  }, async (request) => {
    const version = await voidVersion(ctx, await maintainerOf(request), request.params.id, request.body.reason);
    await forgetParameters(ctx);
    return version;
  });

  // ---------------------------------------------------------------------------------- parameters

  app.get('/parameters', {
    config: { auth: { user: true, permission: policyRead } },
    schema: {
      tags: ['policy'],
      summary: '生效政策参数 the published base rule, collection rule, settlement policy and wage in effect',
      querystring: Type.Object({ regionCode: RegionCode, insuranceType: InsuranceTypeCode, month: YearMonth }),
      response: { 200: EffectiveParametersView },
    },
  }, async (request) => effectiveParameters(ctx, request.query));
}
