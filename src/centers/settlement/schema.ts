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
    institutionLevel: integer('institution_level').$type<1 | 2 | 3>().notNull(),
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
    createdAt: at('created_at').notNull().defaultNow(),
    reversedAt: at('reversed_at'),
  },
  (t) => [uniqueIndex('settlements_reference').on(t.institutionCode, t.reference), index('settlements_person').on(t.personId, t.createdAt)],
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
