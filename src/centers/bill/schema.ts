import { sql } from 'drizzle-orm';
import { bigint, date, index, jsonb, pgSchema, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { BillItem, BillKind, VisitType } from './rules.js';

export const billSchema = pgSchema('bill');

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const fen = (name: string) => bigint(name, { mode: 'number' });

/**
 * 电子票据 a medical e-bill, normal (蓝字) or red-letter (红字, voiding an original). The issuing
 * channel app is the institution's system: it alone voids its bills and reads them without the
 * person's authorization. Keyed by the person for sharding (queries go by person or by code+number).
 */
export const bills = billSchema.table(
  'bills',
  {
    id: text('id').primaryKey(),
    kind: text('kind').$type<BillKind>().notNull(),
    /** 票据代码 (8 digits) and 票据号码 (10 digits) from the finance bureau */
    billCode: text('bill_code').notNull(),
    billNumber: text('bill_number').notNull(),
    /** 校验码 */
    checkCode: text('check_code').notNull(),
    issuedAt: at('issued_at').notNull(),
    /** the Beijing date of issuedAt, as printed and as verifiers type it */
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    issuerAppId: text('issuer_app_id').notNull(),
    institutionCode: text('institution_code').notNull(),
    institutionName: text('institution_name').notNull(),
    /** registry person (`psn_…`) */
    personId: text('person_id').notNull(),
    /** masked at intake: the platform never keeps the payer's full name on a bill */
    payerName: text('payer_name').notNull(),
    /** SM4-encrypted; the bill prints it masked */
    insuranceIdEnc: text('insurance_id_enc').notNull(),
    insuranceIdMasked: text('insurance_id_masked').notNull(),
    visitType: text('visit_type').$type<VisitType>().notNull(),
    /** 结算流水号 the settlement / order the bill is for (the original's, on a red-letter bill) */
    settlementRef: text('settlement_ref').notNull(),
    /** the platform's settlement (`stl_…`) or cash order (`pay_…`) the bill was checked against */
    settlementId: text('settlement_id'),
    items: jsonb('items').$type<BillItem[]>().notNull(),
    totalFen: fen('total_fen').notNull(),
    fundPayFen: fen('fund_pay_fen').notNull(),
    accountPayFen: fen('account_pay_fen').notNull(),
    cashPayFen: fen('cash_pay_fen').notNull(),
    /** SM2 (DER, hex) over canonicalBillText */
    signature: text('signature').notNull(),
    /** SM3 of the issuing request, to tell a replay from a different request with the same key */
    requestHash: text('request_hash'),
    idempotencyKey: text('idempotency_key'),
    status: text('status').$type<'issued' | 'voided'>().notNull().default('issued'),
    voidedAt: at('voided_at'),
    voidReason: text('void_reason'),
    /** on a voided original: its red-letter bill; on a red-letter bill: the original */
    redBillId: text('red_bill_id'),
    originalBillId: text('original_bill_id'),
    /** 已报销 marked used for reimbursement, by which channel app */
    usedAt: at('used_at'),
    usedBy: text('used_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('bills_code_number').on(t.billCode, t.billNumber),
    uniqueIndex('bills_settlement').on(t.issuerAppId, t.settlementRef).where(sql`${t.kind} = 'normal'`),
    // One bill per settlement, whichever app asks.
    uniqueIndex('bills_settlement_id').on(t.settlementId).where(sql`${t.kind} = 'normal'`),
    uniqueIndex('bills_idempotency').on(t.issuerAppId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
    index('bills_person').on(t.personId, t.issuedAt),
    index('bills_issuer_person').on(t.issuerAppId, t.personId, t.issuedAt),
  ],
);

export type BillRow = typeof bills.$inferSelect;
