import { bigint, date, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { FeeLine, SettlementResult, VisitKind } from './calculator.js';

export const settlementSchema = pgSchema('settlement');

const fen = (name: string) => bigint(name, { mode: 'number' });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** settled: in force; reversed: 冲正, its accumulations and account debit given back. */
export type SettlementStatus = 'settled' | 'reversed';

/**
 * 结算记录 one settlement of a visit: what the institution sent (visit, fee lines), what the platform
 * found (person category, pooling region, policy version) and the full result with its explanations.
 * The reference is the institution's own (结算流水号), unique per institution.
 */
export const settlements = settlementSchema.table(
  'settlements',
  {
    id: text('id').primaryKey(),
    personId: text('person_id').notNull(),
    insuranceType: text('insurance_type').notNull(),
    /** 统筹区 the pooling region whose policy applied */
    poolingRegion: text('pooling_region').notNull(),
    institutionCode: text('institution_code').notNull(),
    reference: text('reference').notNull(),
    /** the channel app (the institution's system) that settled; only it may reverse */
    channelAppId: text('channel_app_id').notNull(),
    visitKind: text('visit_kind').$type<VisitKind>().notNull(),
    /** 医院等级 the registry's on the visit date: 0 未定级 (settled under the rows of level 1), 1–3 */
    institutionLevel: integer('institution_level').$type<0 | 1 | 2 | 3>().notNull(),
    visitDate: date('visit_date', { mode: 'string' }).notNull(),
    year: integer('year').notNull(),
    personCategory: text('person_category').notNull(),
    policyVersionId: text('policy_version_id').notNull(),
    lines: jsonb('lines').$type<FeeLine[]>().notNull(),
    result: jsonb('result').$type<SettlementResult>().notNull(),
    totalFen: fen('total_fen').notNull(),
    fundFen: fen('fund_fen').notNull(),
    accountFen: fen('account_fen').notNull(),
    cashFen: fen('cash_fen').notNull(),
    status: text('status').$type<SettlementStatus>().notNull().default('settled'),
    /** 授权 the person's consent it rests on: a settlement token (its verified code) or an order they confirmed */
    consentKind: text('consent_kind').$type<ConsentKind>(),
    /** the code id of a token, the order id of an order: one settlement per consent */
    consentRef: text('consent_ref'),
    createdAt: at('created_at').notNull().defaultNow(),
    reversedAt: at('reversed_at'),
  },
  (t) => [
    uniqueIndex('settlements_reference').on(t.institutionCode, t.reference),
    index('settlements_person').on(t.personId, t.createdAt),
    uniqueIndex('settlements_consent').on(t.consentKind, t.consentRef),
  ],
);

export type ConsentKind = 'token' | 'order';

/**
 * 风险事件 what a settlement's request claimed that the platform's facts contradict (a fee line's
 * class, self-pay share or price cap against the catalog, a code outside it): recorded for the
 * clerks of the pooling region; the figures always follow the facts.
 */
export const riskEvents = settlementSchema.table(
  'risk_events',
  {
    id: text('id').primaryKey(),
    rule: text('rule').notNull(),
    settlementId: text('settlement_id'),
    appId: text('app_id').notNull(),
    institutionCode: text('institution_code').notNull(),
    personId: text('person_id').notNull(),
    poolingRegion: text('pooling_region').notNull(),
    lineCode: text('line_code'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('risk_events_region').on(t.poolingRegion, t.createdAt), index('risk_events_settlement').on(t.settlementId)],
);

/**
 * 年度累计 what a person's settlements of an insurance type have borne in a calendar year: the
 * deductible and the pooled fund's payments. Settling locks the row, so concurrent settlements of
 * one person take turns and never share the same deductible or ceiling room.
 */
export const accumulations = settlementSchema.table(
  'accumulations',
  {
    personId: text('person_id').notNull(),
    insuranceType: text('insurance_type').notNull(),
    year: integer('year').notNull(),
    deductibleFen: fen('deductible_fen').notNull().default(0),
    fundPaidFen: fen('fund_paid_fen').notNull().default(0),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.insuranceType, t.year] })],
);
