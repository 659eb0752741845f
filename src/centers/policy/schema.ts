import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { CatalogAction, CatalogClass, CatalogEntryData, CatalogKind } from './codes.js';
import type { DeductiblePeriod, EnrollmentKind, Flow, Fund, Payer, Periodicity, PolicyKind, PolicyStatus, SettlementVisitKind } from './types.js';

export const policySchema = pgSchema('policy');

/** 险种 insurance types: national codes (310, 390, 410, 510 …) or local ones, added as data. */
export const insuranceTypes = policySchema.table('insurance_types', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  /** the enrollment kinds the type admits: 310 employees and flexible workers, 390 residents */
  enrollmentKinds: text('enrollment_kinds').array().$type<EnrollmentKind[]>().notNull(),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/**
 * One version of a policy parameter: a social average wage, a contribution-base rule or a
 * collection rule, effective-dated and reviewed (draft → reviewed → published → voided). A series is
 * (kind, insurance type, region), written `kind:type:region` (`wage:*:411300` for wages); published
 * versions of one series never overlap. Months are yyyymm integers (201901).
 */
export const versions = policySchema.table(
  'versions',
  {
    id: text('id').primaryKey(),
    kind: text('kind').$type<PolicyKind>().notNull(),
    series: text('series').notNull(),
    insuranceType: text('insurance_type'),
    regionCode: text('region_code').notNull(),
    effectiveFrom: integer('effective_from').notNull(),
    effectiveTo: integer('effective_to'),
    version: integer('version').notNull(),
    status: text('status').$type<PolicyStatus>().notNull().default('draft'),
    note: text('note'),
    authorId: text('author_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    reviewerId: text('reviewer_id'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    publisherId: text('publisher_id'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    voiderId: text('voider_id'),
    voidedAt: timestamp('voided_at', { withTimezone: true, mode: 'date' }),
    voidReason: text('void_reason'),
  },
  (t) => [
    uniqueIndex('versions_series_version').on(t.series, t.version),
    // The parameter lookup: published versions of a few series around one month.
    index('versions_published').on(t.series, t.effectiveFrom).where(sql`status = 'published'`),
    index('versions_region_created').on(t.regionCode, t.createdAt),
  ],
);

/** 审核记录 what happened to a version, by whom, with the reviewer's or voider's words. */
export const versionEvents = policySchema.table(
  'version_events',
  {
    id: text('id').primaryKey(),
    versionId: text('version_id')
      .notNull()
      .references(() => versions.id),
    action: text('action').$type<'drafted' | 'reviewed' | 'published' | 'voided'>().notNull(),
    actorId: text('actor_id').notNull(),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('version_events_version').on(t.versionId, t.at)],
);

/** 社平工资 body of a wage version: the monthly social average wage of a region for a year. */
export const wages = policySchema.table('wages', {
  versionId: text('version_id')
    .primaryKey()
    .references(() => versions.id),
  year: integer('year').notNull(),
  monthlyFen: bigint('monthly_fen', { mode: 'number' }).notNull(),
});

/** 缴费基数规则 body of a base-rule version. Bounds in basis points of the monthly wage. */
export const baseRules = policySchema.table('base_rules', {
  versionId: text('version_id')
    .primaryKey()
    .references(() => versions.id),
  baseKind: text('base_kind').notNull(),
  lowerBoundBp: integer('lower_bound_bp').notNull(),
  upperBoundBp: integer('upper_bound_bp').notNull(),
  lowerRuleCode: text('lower_rule_code').notNull(),
  upperRuleCode: text('upper_rule_code').notNull(),
  wageYearOffset: integer('wage_year_offset').notNull().default(0),
});

/** 征缴规则 payer shares of a collection-rule version, in order. Rates in parts per million. */
export const collectionShares = policySchema.table(
  'collection_shares',
  {
    versionId: text('version_id')
      .notNull()
      .references(() => versions.id),
    position: integer('position').notNull(),
    ruleCode: text('rule_code').notNull(),
    payer: text('payer').$type<Payer>().notNull(),
    baseKind: text('base_kind').notNull(),
    ratePpm: integer('rate_ppm').notNull(),
    periodicity: text('periodicity').$type<Periodicity>().notNull(),
    dueMonth: integer('due_month'),
    fund: text('fund').$type<Fund>().notNull(),
    flow: text('flow').$type<Flow>().notNull(),
    ageAtMost: integer('age_at_most'),
    ageAbove: integer('age_above'),
    retired: boolean('retired'),
    categories: jsonb('categories').$type<string[]>(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.position] }), uniqueIndex('collection_shares_rule_code').on(t.versionId, t.ruleCode)],
);

/**
 * 结算政策 rows of a settlement-policy version, in order: selectors (null matches anything) and the
 * parameters they select. Ratios in basis points, money in fen.
 */
export const settlementRules = policySchema.table(
  'settlement_rules',
  {
    versionId: text('version_id')
      .notNull()
      .references(() => versions.id),
    position: integer('position').notNull(),
    visitKind: text('visit_kind').$type<SettlementVisitKind>(),
    institutionLevel: integer('institution_level').$type<1 | 2 | 3>(),
    personCategory: text('person_category'),
    deductibleFen: bigint('deductible_fen', { mode: 'number' }).notNull(),
    deductiblePer: text('deductible_per').$type<DeductiblePeriod>().notNull(),
    fundRatioBp: integer('fund_ratio_bp').notNull(),
    ceilingFen: bigint('ceiling_fen', { mode: 'number' }).notNull(),
    accountUsable: boolean('account_usable').notNull(),
    deductibleRuleCode: text('deductible_rule_code').notNull(),
    fundRatioRuleCode: text('fund_ratio_rule_code').notNull(),
    ceilingRuleCode: text('ceiling_rule_code').notNull(),
    accountRuleCode: text('account_rule_code').notNull(),
    /** 乙类先行自付比例 the pooling region's share a class B item's allowed amount is self-paid first, basis points; null: the catalog's */
    classBSelfPayBp: integer('class_b_self_pay_bp'),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.position] })],
);

/** 乙类先行自付比例 of single items, where a settlement-policy version sets one apart from its rows' share. */
export const settlementItemRatios = policySchema.table(
  'settlement_item_ratios',
  {
    versionId: text('version_id')
      .notNull()
      .references(() => versions.id),
    /** 医保目录编码 */
    code: text('code').notNull(),
    selfPayBp: integer('self_pay_bp').notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.code] })],
);

// ---------------------------------------------------------------------------------------------
// 医保目录 catalogs: national/provincial lists imported from files, published in numbered versions per kind.

/** The published catalog: one row per (kind, code) ever published; `removedIn` set once a version removes it. */
export const catalogEntries = policySchema.table(
  'catalog_entries',
  {
    kind: text('kind').$type<CatalogKind>().notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    specification: text('specification'),
    class: text('class').$type<CatalogClass>(),
    /** 乙类自付比例, parts per million (0 for 甲类, 1,000,000 for 丙类); null for diagnoses */
    selfPayPpm: integer('self_pay_ppm'),
    /** 限价 / 支付标准, fen */
    priceCapFen: bigint('price_cap_fen', { mode: 'number' }),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to'),
    /** the version that last added or changed the entry */
    version: integer('version').notNull(),
    removedIn: integer('removed_in'),
  },
  // Name search is ILIKE '%…%' over one kind (thousands of rows): a scan of the kind's rows, by the key.
  (t) => [primaryKey({ columns: [t.kind, t.code] })],
);

/** Changes imported but not yet published (the next version's contents): one per (kind, code), the last import wins. */
export const catalogStaged = policySchema.table(
  'catalog_staged',
  {
    kind: text('kind').$type<CatalogKind>().notNull(),
    code: text('code').notNull(),
    action: text('action').$type<CatalogAction>().notNull(),
    /** the entry's data for an upsert; null for a removal */
    entry: jsonb('entry').$type<CatalogEntryData>(),
    stagedBy: text('staged_by').notNull(),
    stagedAt: timestamp('staged_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.code] })],
);

/** One published catalog version of a kind (1, 2, …) and who published it. */
export const catalogVersions = policySchema.table(
  'catalog_versions',
  {
    kind: text('kind').$type<CatalogKind>().notNull(),
    version: integer('version').notNull(),
    added: integer('added').notNull(),
    changed: integer('changed').notNull(),
    removed: integer('removed').notNull(),
    publishedBy: text('published_by').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.version] })],
);

/** What one version did to one entry; `entry` is the data after an add or change, before a removal. */
export const catalogChanges = policySchema.table(
  'catalog_changes',
  {
    kind: text('kind').$type<CatalogKind>().notNull(),
    version: integer('version').notNull(),
    code: text('code').notNull(),
    action: text('action').$type<'added' | 'changed' | 'removed'>().notNull(),
    entry: jsonb('entry').$type<CatalogEntryData>().notNull(),
    stagedBy: text('staged_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.version, t.code] })],
);
