/**
 * What the policy center answers: one schema per view. The routes declare them as their responses
 * (fast-json-stringify writes only these fields) and the services' view functions return their
 * static types, so the compiler keeps the two in step. The shapes mirror the domain types of
 * types.ts and codes.ts, which the calculators and other centers use.
 */
import { Type, type Static, type TProperties, type TSchema } from '@sinclair/typebox';
import { DateTime, Literals, Nullable, Page } from '../../kernel/http/schemas.js';
import { CATALOG_CLASSES, CATALOG_KINDS, REASONS } from './codes.js';
import { DEDUCTIBLE_PERIODS, ENROLLMENT_KINDS, FLOWS, FUNDS, PAYERS, PERIODICITIES, POLICY_STATUSES, VISIT_KINDS, type PolicyKind } from './types.js';

/**
 * `YYYY-MM` and a 6-digit region code as patterns, not the request formats: a pattern is checked
 * the same everywhere (inside the unions below, which the serializer tells apart by validating, and
 * in event payloads).
 */
export const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: '月份 YYYY-MM' });
export const Region = Type.String({ pattern: '^\\d{6}$', description: '统筹区 6-digit region code' });
const Count = Type.Integer({ minimum: 0 });
/** 参保类别 employee / flexible / resident */
export const EnrollmentKindSchema = Literals(ENROLLMENT_KINDS, 'employee 单位职工 / flexible 灵活就业人员 / resident 城乡居民');
const RuleCode = Type.String({ description: '规则编码' });

// ------------------------------------------------------------------------------ insurance types

/** 险种 an insurance type. */
export const InsuranceTypeView = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    nameEn: Type.String(),
    enrollmentKinds: Type.Array(EnrollmentKindSchema, { description: '该险种接受的参保类别 the enrollment kinds the type admits: employee 单位职工, flexible 灵活就业, resident 城乡居民' }),
    createdAt: DateTime,
  },
  { description: '险种 an insurance type' },
);
export type InsuranceTypeView = Static<typeof InsuranceTypeView>;

// ------------------------------------------------------------------------------ policy versions

/** The header every version carries, whatever its kind. */
const header = <K extends PolicyKind, I extends TSchema>(kind: K, insuranceType: I) => ({
  id: Type.String(),
  kind: Type.Literal(kind),
  insuranceType,
  regionCode: Region,
  effectiveFrom: Month,
  effectiveTo: Nullable(Month),
  version: Type.Integer({ minimum: 1, description: '1, 2, … within its series (kind, insurance type, region)' }),
  status: Literals(POLICY_STATUSES),
});

/** 社平工资 */
const WAGE = { ...header('wage', Type.Null()), year: Type.Integer(), monthlyFen: Type.Integer({ description: '月平均工资，分 fen' }) };

/** 缴费基数规则 */
const BASE = {
  ...header('base', Type.String()),
  baseKind: Type.String(),
  lowerBoundBp: Type.Integer(),
  upperBoundBp: Type.Integer(),
  lowerRuleCode: RuleCode,
  upperRuleCode: RuleCode,
  wageYearOffset: Type.Integer(),
};

const ShareView = Type.Object({
  ruleCode: RuleCode,
  payer: Literals(PAYERS),
  baseKind: Type.String(),
  ratePpm: Type.Integer(),
  periodicity: Literals(PERIODICITIES),
  dueMonth: Nullable(Type.Integer()),
  fund: Literals(FUNDS),
  flow: Literals(FLOWS),
  conditions: Type.Object({
    ageAtMost: Type.Optional(Nullable(Type.Integer())),
    ageAbove: Type.Optional(Nullable(Type.Integer())),
    retired: Type.Optional(Nullable(Type.Boolean())),
    categories: Type.Optional(Nullable(Type.Array(Type.String()))),
  }),
});

/** 征缴规则 */
const COLLECTION = { ...header('collection', Type.String()), shares: Type.Array(ShareView) };

const SettlementRowView = Type.Object({
  visitKind: Type.Optional(Literals(VISIT_KINDS)),
  institutionLevel: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)])),
  personCategory: Type.Optional(Type.String()),
  deductibleFen: Type.Integer({ description: '起付线，分 fen' }),
  deductiblePer: Literals(DEDUCTIBLE_PERIODS),
  fundRatioBp: Type.Integer(),
  ceilingFen: Type.Integer({ description: '年度封顶线，分 fen' }),
  accountUsable: Type.Boolean(),
  ruleCodes: Type.Object({ deductible: RuleCode, fundRatio: RuleCode, ceiling: RuleCode, account: RuleCode }),
  classBSelfPayBp: Type.Optional(Type.Integer({ description: '乙类先行自付比例，万分之几 (1000 = 10 %); absent: the catalog entry’s' })),
});

/** 单品先行自付比例 a class B item's own share in this policy. */
const ItemRatioView = Type.Object({ code: Type.String({ description: '医保目录编码' }), selfPayBp: Type.Integer({ description: '先行自付比例，万分之几' }) });

/** 结算政策 */
const SETTLEMENT = {
  ...header('settlement', Type.String()),
  rows: Type.Array(SettlementRowView),
  itemRatios: Type.Array(ItemRatioView, { description: '单品乙类先行自付比例: before the rows’ share' }),
};

/** The four kinds of version, each with `extra` fields, told apart by `kind`. */
const versionUnion = <E extends TProperties>(extra: E, description: string) =>
  Type.Union(
    [Type.Object({ ...WAGE, ...extra }), Type.Object({ ...BASE, ...extra }), Type.Object({ ...COLLECTION, ...extra }), Type.Object({ ...SETTLEMENT, ...extra })],
    { description },
  );

/** Who wrote, reviewed, published or voided a version, and when. */
const AUDIT = {
  note: Nullable(Type.String()),
  authorId: Type.String(),
  createdAt: DateTime,
  reviewerId: Nullable(Type.String()),
  reviewedAt: Nullable(DateTime),
  publisherId: Nullable(Type.String()),
  publishedAt: Nullable(DateTime),
  voiderId: Nullable(Type.String()),
  voidedAt: Nullable(DateTime),
  voidReason: Nullable(Type.String()),
};

export const WageVersionData = Type.Object(WAGE, { description: '社平工资 a social average wage' });
export const BaseRuleData = Type.Object(BASE, { description: '缴费基数规则 a contribution-base rule' });
export const CollectionRuleData = Type.Object(COLLECTION, { description: '征缴规则 a collection rule' });
export const SettlementRuleData = Type.Object(SETTLEMENT, { description: '结算政策 a settlement policy' });

/** 政策版本 a version: its policy data and its workflow (编制 → 审核 → 发布 → 作废). */
export const VersionView = versionUnion(AUDIT, '政策版本 a policy version and who wrote, reviewed, published or voided it');
export type VersionView = Static<typeof VersionView>;

const VersionEventView = Type.Object({
  action: Literals(['drafted', 'reviewed', 'published', 'voided']),
  actorId: Type.String(),
  comment: Nullable(Type.String()),
  at: DateTime,
});

const SeriesMemberView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  status: Literals(POLICY_STATUSES),
  effectiveFrom: Month,
  effectiveTo: Nullable(Month),
  createdAt: DateTime,
});

/** One version with its history (审核记录) and the other versions of its series, newest first. */
export const VersionDetailView = versionUnion(
  { ...AUDIT, events: Type.Array(VersionEventView), series: Type.Array(SeriesMemberView) },
  '政策版本详情 a policy version with its history and its series',
);
export type VersionDetailView = Static<typeof VersionDetailView>;

/** 生效参数 the published rules and wage in effect for a region, insurance type and month. */
export const EffectiveParametersView = Type.Object(
  {
    regionCode: Region,
    insuranceType: Type.String(),
    month: Month,
    baseRule: Nullable(BaseRuleData),
    collectionRule: Nullable(CollectionRuleData),
    settlementRule: Nullable(SettlementRuleData),
    wage: Nullable(WageVersionData),
    wageYear: Type.Integer({ description: 'the year of the wage the base rule bounds this month with' }),
  },
  { description: '生效政策参数 the rules and wage in effect' },
);

// ------------------------------------------------------------------------------------- catalogs

const EntryData = {
  code: Type.String(),
  name: Type.String(),
  specification: Nullable(Type.String()),
  class: Nullable(Literals(CATALOG_CLASSES)),
  selfPayPpm: Nullable(Type.Integer({ description: '乙类自付比例，百万分之几' })),
  priceCapFen: Nullable(Type.Integer({ description: '限价，分 fen' })),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
};

/** 目录条目 a current catalog entry and the version that last added or changed it. */
export const CatalogEntryView = Type.Object({ kind: Literals(CATALOG_KINDS), ...EntryData, version: Type.Integer() }, { description: '目录条目 a catalog entry' });
export type CatalogEntryView = Static<typeof CatalogEntryView>;

/** 目录版本 what one published version of a kind's catalog did, and who published it. */
export const CatalogVersionView = Type.Object(
  { kind: Literals(CATALOG_KINDS), version: Type.Integer(), added: Count, changed: Count, removed: Count, publishedBy: Type.String(), publishedAt: DateTime },
  { description: '目录版本 a published catalog version' },
);
export type CatalogVersionView = Static<typeof CatalogVersionView>;

/** 导入结果 a catalog import: rows read, staged and pending, and the bad rows by row and field. */
export const CatalogImportView = Type.Object(
  {
    kind: Literals(CATALOG_KINDS),
    rows: Count,
    staged: Count,
    pending: Count,
    errorCount: Count,
    errors: Type.Array(Type.Object({ row: Type.Integer(), field: Type.String(), reason: Literals(REASONS), message: Type.String() })),
  },
  { description: '目录导入结果 what an import staged, and the rows it refused' },
);
export type CatalogImportView = Static<typeof CatalogImportView>;

const CatalogChangeView = Type.Object({
  version: Type.Integer(),
  action: Literals(['added', 'changed', 'removed']),
  code: Type.String(),
  entry: Type.Object(EntryData, { description: 'the data after an add or change, before a removal' }),
});

/** 目录变更 a page of the changes after a version (by version, then code), with the versions' summaries. */
export const CatalogChangesView = Type.Object(
  {
    ...Page(CatalogChangeView).properties,
    kind: Literals(CATALOG_KINDS),
    since: Type.Integer(),
    latestVersion: Type.Integer(),
    versions: Type.Array(CatalogVersionView),
  },
  { description: '目录变更 the changes after a version' },
);
export type CatalogChangesView = Static<typeof CatalogChangesView>;
