import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgSchema, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { FeeLine, VisitInput } from '../settlement/index.js';

export const paymentSchema = pgSchema('payment');

const fen = (name: string) => bigint(name, { mode: 'number' });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 结算类型 ALL: fund + account + cash; HI: fund + account only (no cash); CASH: all in cash, no settlement. */
export type SettlementType = 'ALL' | 'CASH' | 'HI';

/**
 * created: pre-settled, waiting for the person's confirmation; settling: confirmed, the fund and
 * account parts being settled; paying: the cash part asked of the channel; paid: every part done;
 * compensating: a part failed after the settlement, which is being reversed; failed: refused or
 * declined, settlement reversed; closed: timed out, settlement (if any) reversed; refunded: wholly
 * refunded.
 */
export type OrderStatus = 'created' | 'settling' | 'paying' | 'paid' | 'compensating' | 'failed' | 'closed' | 'refunded';

/**
 * 支付订单 one hybrid payment of a visit, created by the institution's channel app after it verified
 * the person's e-voucher code. The split is the pre-settlement's until the settlement replaces it.
 */
export const orders = paymentSchema.table(
  'orders',
  {
    id: text('id').primaryKey(),
    /** the institution's channel app: only it reads, refunds the order */
    appId: text('app_id').notNull(),
    /** 订单号 the institution's own reference, unique per app */
    reference: text('reference').notNull(),
    personId: text('person_id').notNull(),
    insuranceType: text('insurance_type').notNull(),
    institutionCode: text('institution_code').notNull(),
    settlementType: text('settlement_type').$type<SettlementType>().notNull(),
    visit: jsonb('visit').$type<VisitInput>().notNull(),
    lines: jsonb('lines').$type<FeeLine[]>().notNull(),
    status: text('status').$type<OrderStatus>().notNull(),
    totalFen: fen('total_fen').notNull(),
    /** 统筹 fund part (every fund together) */
    fundFen: fen('fund_fen').notNull(),
    /** 个账 personal-account part */
    accountFen: fen('account_fen').notNull(),
    /** 现金 cash part, through the payment channel */
    cashFen: fen('cash_fen').notNull(),
    refundedFen: fen('refunded_fen').notNull().default(0),
    settlementId: text('settlement_id'),
    prepayId: text('prepay_id'),
    transactionId: text('transaction_id'),
    failureCode: text('failure_code'),
    expiresAt: at('expires_at').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    paidAt: at('paid_at'),
    endedAt: at('ended_at'),
  },
  (t) => [
    uniqueIndex('orders_app_reference_uq').on(t.appId, t.reference),
    index('orders_person_idx').on(t.personId, t.createdAt),
    index('orders_open_idx').on(t.status, t.expiresAt),
    // The optimistic refund check relies on this holding whatever the code does.
    check('orders_refund_within_total', sql`${t.refundedFen} >= 0 and ${t.refundedFen} <= ${t.totalFen}`),
  ],
);

/** 退款 one refund of an order: how much came back from cash, and whether the settlement was reversed. */
export const refunds = paymentSchema.table(
  'refunds',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id').notNull(),
    amountFen: fen('amount_fen').notNull(),
    cashFen: fen('cash_fen').notNull(),
    /** fund + account given back by reversing the settlement (a full refund only) */
    settlementFen: fen('settlement_fen').notNull(),
    reason: text('reason').notNull(),
    channelRefundId: text('channel_refund_id'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('refunds_order_idx').on(t.orderId)],
);
