import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { FeeLine, VisitView } from '../settlement/index.js';
import type { RecordType, ReconciliationKind, Resolution } from './reconciliation-rules.js';

export const paymentSchema = pgSchema('payment');

const fen = (name: string) => bigint(name, { mode: 'number' });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 结算类型 ALL: fund + account + cash; HI: fund + account only (no cash); CASH: all in cash, no settlement. */
export type SettlementType = 'ALL' | 'CASH' | 'HI';

/** 支付渠道 the cash part's channel: WeChat Pay 微信支付, Alipay 支付宝, UnionPay 银联 (each in its own wire style). */
export const PAY_CHANNELS = ['wechat', 'alipay', 'unionpay'] as const;
export type PayChannelName = (typeof PAY_CHANNELS)[number];

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
    /** 支付渠道 where the cash part is paid: every channel call of the order goes there */
    payChannel: text('pay_channel').$type<PayChannelName>().notNull().default('wechat'),
    /** 就诊 the visit, with the registry's level of the institution on the visit date (never the institution's claim) */
    visit: jsonb('visit').$type<VisitView>().notNull(),
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
    // 对账 reads a day's payments
    index('orders_paid_idx').on(t.paidAt),
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
  (t) => [
    index('refunds_order_idx').on(t.orderId),
    index('refunds_created_idx').on(t.createdAt),
    // The job's pass looks for refunds the channel has not confirmed: few among many.
    index('refunds_unfinished_idx').on(t.createdAt).where(sql`${t.channelRefundId} is null and ${t.cashFen} > 0`),
  ],
);

/**
 * 对账 the daily reconciliation of one channel's statement, one per (date, channel): a clerk runs
 * it for their region, and a re-run replaces that region's open items (resolved ones stay).
 */
export const reconciliations = paymentSchema.table(
  'reconciliations',
  {
    id: text('id').primaryKey(),
    /** 对账日期 the Beijing-time day, YYYY-MM-DD */
    date: text('date').notNull(),
    channel: text('channel').notNull(),
    runs: integer('runs').notNull().default(1),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    lastRunBy: text('last_run_by').notNull(),
    lastRunAt: at('last_run_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('reconciliations_date_channel_uq').on(t.date, t.channel)],
);

/**
 * 对账明细 one compared payment or refund: a match, or a difference a clerk decides once. The
 * region is the institution's (`''` when the platform holds no such order: national clerks only).
 */
export const reconciliationItems = paymentSchema.table(
  'reconciliation_items',
  {
    id: text('id').primaryKey(),
    reconciliationId: text('reconciliation_id').notNull(),
    /** pay:<order id> or refund:<channel refund id>: what a re-run recognizes a resolved item by */
    key: text('key').notNull(),
    kind: text('kind').$type<ReconciliationKind>().notNull(),
    type: text('type').$type<RecordType>().notNull(),
    regionCode: text('region_code').notNull(),
    institutionCode: text('institution_code'),
    orderId: text('order_id').notNull(),
    refundId: text('refund_id'),
    channelRef: text('channel_ref'),
    platformFen: fen('platform_fen'),
    channelFen: fen('channel_fen'),
    /** open: to be decided; resolved: decided; matched: nothing to decide */
    status: text('status').$type<'open' | 'resolved' | 'matched'>().notNull(),
    resolution: text('resolution').$type<Resolution>(),
    note: text('note'),
    resolvedBy: text('resolved_by'),
    resolvedAt: at('resolved_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reconciliation_items_key_uq').on(t.reconciliationId, t.key),
    index('reconciliation_items_of').on(t.reconciliationId, t.status, t.kind, t.id),
  ],
);

/** 机构回调事件 what the institution is told of an order: paid, failed, closed, refunded (partly or wholly). */
export type WebhookEvent = 'paid' | 'failed' | 'closed' | 'refunded';

/** 回调地址 the URL an institution's channel app receives order events at (one per app). */
export const webhooks = paymentSchema.table('webhooks', {
  appId: text('app_id').primaryKey(),
  url: text('url').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/**
 * 回调投递 one order event to send an institution, retried with exponential backoff: made from the
 * outbox event (once per event), worked by the center's job; the history the institution reads.
 */
export const webhookDeliveries = paymentSchema.table(
  'webhook_deliveries',
  {
    id: text('id').primaryKey(),
    /** the outbox event it comes from: a redelivered event makes no second delivery */
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    appId: text('app_id').notNull(),
    event: text('event').$type<WebhookEvent>().notNull(),
    orderId: text('order_id').notNull(),
    /** the exact JSON sent (and signed) every attempt */
    body: text('body').notNull(),
    status: text('status').$type<'pending' | 'delivered' | 'failed'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: at('next_attempt_at').notNull().defaultNow(),
    lastUrl: text('last_url'),
    /** HTTP status of the last attempt, null when it got no answer */
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: at('created_at').notNull().defaultNow(),
    deliveredAt: at('delivered_at'),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_event_uq').on(t.eventId),
    index('webhook_deliveries_due').on(t.status, t.nextAttemptAt),
    index('webhook_deliveries_app').on(t.appId, t.createdAt),
  ],
);
