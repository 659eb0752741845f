/**
 * The payment center's HTTP contract: what institutions, persons and clerks send, and the shapes it
 * answers with. The visit and fee lines of an order are the settlement center's, since the order is
 * settled through it.
 */
import { Type, type Static } from '@sinclair/typebox';
import { DateOnly, DateTime, Fen, Literals, Nullable, Page } from '../../kernel/http/schemas.js';
import * as settlement from '../settlement/index.js';
import { RECONCILIATION_KINDS, RESOLUTIONS } from './reconciliation-rules.js';
import { PAY_CHANNELS, type OrderStatus, type SettlementType, type WebhookEvent } from './schema.js';

export const MAX_FEN = 10_000_000_000;

/** 订单状态, in the order an order moves through them (see schema.ts). */
export const ORDER_STATUSES = ['created', 'settling', 'paying', 'paid', 'compensating', 'failed', 'closed', 'refunded'] as const satisfies readonly OrderStatus[];
/** 结算类型 ALL 医保+现金 / CASH 全现金 / HI 仅医保 */
export const SETTLEMENT_TYPES = ['ALL', 'CASH', 'HI'] as const satisfies readonly SettlementType[];
/** 机构回调事件 */
export const WEBHOOK_EVENTS = ['paid', 'failed', 'closed', 'refunded'] as const satisfies readonly WebhookEvent[];
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export const ITEM_STATUSES = ['open', 'resolved', 'matched'] as const;

// ------------------------------------------------------------------------------------ requests

export const OrderStatusName = Literals(ORDER_STATUSES, '订单状态');
export const ChannelName = Literals(PAY_CHANNELS, '支付渠道 wechat 微信支付 / alipay 支付宝 / unionpay 银联');
export const Day = Type.String({ format: 'date', minLength: 10, maxLength: 10, description: '对账日期（北京时间）YYYY-MM-DD' });

/** 下单 what the institution sends to create an order: the scanned code and the visit to settle. */
export const OrderInput = {
  code: Type.String({ minLength: 1, maxLength: 256, description: '电子凭证动态码 the QR code the institution scanned (verified and used up here)' }),
  deviceId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$', description: '扫码设备' })),
  insuranceType: settlement.InsuranceTypeCode,
  institutionCode: settlement.BoundInstitutionCode,
  visit: settlement.VisitInput,
  lines: settlement.FeeLines,
  settlementType: Literals(SETTLEMENT_TYPES, '结算类型 ALL 医保+现金 / CASH 全现金 / HI 仅医保'),
  orderReference: Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z_-]+$', description: '订单号 (unique per institution)' }),
  payChannel: Type.Optional(ChannelName),
};

// ----------------------------------------------------------------------------------- responses

/** 支付订单 an order as the institution and the person see it: the split, its state and the channel's references. */
export const OrderView = Type.Object({
  id: Type.String(),
  orderReference: Type.String({ description: '订单号 the institution’s own reference' }),
  status: OrderStatusName,
  settlementType: Literals(SETTLEMENT_TYPES),
  payChannel: ChannelName,
  personId: Type.String(),
  insuranceType: Type.String(),
  institutionCode: Type.String(),
  visit: settlement.VisitView,
  lines: Type.Array(settlement.FeeLineView),
  totalFen: Fen('总额'),
  fundFen: Fen('统筹基金'),
  accountFen: Fen('个人账户'),
  cashFen: Fen('现金'),
  refundedFen: Fen('已退'),
  settlementId: Nullable(Type.String()),
  prepayId: Nullable(Type.String()),
  transactionId: Nullable(Type.String({ description: '渠道交易号' })),
  failureCode: Nullable(Type.String({ description: 'why the order failed or closed (an error code)' })),
  expiresAt: DateTime,
  createdAt: DateTime,
  paidAt: Nullable(DateTime),
  endedAt: Nullable(DateTime),
});
export type OrderView = Static<typeof OrderView>;

/** 收银台 the channel's payment page for the cash part of the person's order. */
export const CashierView = Type.Object({
  order: OrderView,
  channel: ChannelName,
  cashierUrl: Type.String({ description: '渠道收银台 the channel’s payment page; it sends the browser back to the order in the hall' }),
});

/** The channels a person may pick at the cashier. */
export const CashierChannels = Type.Object({ channels: Type.Array(ChannelName, { description: '已开通的支付渠道, in display order' }) });

/** 退款 one refund of an order: the cash part back through the channel, the rest by reversing the settlement. */
export const RefundView = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  amountFen: Fen('退款金额'),
  cashFen: Fen('退回现金'),
  settlementFen: Fen('随冲正退回的统筹和个人账户'),
  reason: Type.String(),
  channelRefundId: Nullable(Type.String({ description: '渠道退款号, null until the channel accepted it' })),
  createdAt: DateTime,
});
export type RefundView = Static<typeof RefundView>;

/** 订单详情 an order with its refunds, oldest first. */
export const OrderDetailView = Type.Object({ ...OrderView.properties, refunds: Type.Array(RefundView) });
export type OrderDetailView = Static<typeof OrderDetailView>;

/** A refund recorded, and the order as it left it. */
export const RefundResultView = Type.Object({ refund: RefundView, order: OrderView });
export type RefundResultView = Static<typeof RefundResultView>;

export const OrderPage = Page(OrderView);
/** 我的支付订单 the person's orders, each with its institution's name */
export const MyOrderPage = Page(Type.Composite([OrderView, Type.Object({ institutionName: Nullable(Type.String({ description: '定点医药机构名称 (null: not in the registry)' })) })]));

/** 支付结果通知应答 the answer a WeChat-Pay-style channel expects. */
export const NotifyAck = Type.Object({ code: Type.Literal('SUCCESS') });
/** The plain-text answer the form-style channels expect (`success`, `ok`). */
export const NotifyText = Type.String({ description: 'text/plain acknowledgement' });

/** 回调地址 the app's webhook URL. */
export const WebhookView = Type.Object({ url: Type.String(), createdAt: DateTime, updatedAt: DateTime });
export type WebhookView = Static<typeof WebhookView>;

/** 回调投递 one order event sent (or being sent) to the institution, with its attempts. */
export const DeliveryView = Type.Object({
  id: Type.String(),
  event: Literals(WEBHOOK_EVENTS),
  orderId: Type.String(),
  status: Literals(DELIVERY_STATUSES, 'pending 待投递 / delivered 已送达 / failed 已放弃'),
  attempts: Type.Integer(),
  nextAttemptAt: Nullable(DateTime),
  lastUrl: Nullable(Type.String()),
  lastStatus: Nullable(Type.Integer({ description: 'HTTP status of the last attempt; null when it got no answer' })),
  lastError: Nullable(Type.String()),
  createdAt: DateTime,
  deliveredAt: Nullable(DateTime),
});
export type DeliveryView = Static<typeof DeliveryView>;
export const DeliveryPage = Page(DeliveryView);

/** 对账汇总 one day's reconciliation of one channel, counted within the clerk's region. */
export const ReconciliationView = Type.Object({
  id: Type.String(),
  date: DateOnly,
  channel: Type.String({ description: '支付渠道' }),
  runs: Type.Integer(),
  counts: Type.Object({ match: Type.Integer(), amount_mismatch: Type.Integer(), missing_on_platform: Type.Integer(), missing_at_channel: Type.Integer() }),
  items: Type.Object({ open: Type.Integer(), resolved: Type.Integer() }),
  createdBy: Type.String(),
  createdAt: DateTime,
  lastRunBy: Type.String(),
  lastRunAt: DateTime,
});
export type ReconciliationView = Static<typeof ReconciliationView>;
export const ReconciliationPage = Page(ReconciliationView);

/** 日终对账 the day's reports, one per channel offered. */
export const ReconciliationDayView = Type.Object({ date: DateOnly, reports: Type.Array(ReconciliationView) });
export type ReconciliationDayView = Static<typeof ReconciliationDayView>;

/** 对账明细 one compared payment or refund. */
export const ReconciliationItemView = Type.Object({
  id: Type.String(),
  reconciliationId: Type.String(),
  channel: Type.String({ description: '支付渠道 of the report the item belongs to' }),
  kind: Literals(RECONCILIATION_KINDS, 'match 一致 / amount_mismatch 金额不符 / missing_on_platform 平台无记录 / missing_at_channel 渠道无记录'),
  type: Literals(['pay', 'refund'] as const),
  regionCode: Type.String(),
  institutionCode: Nullable(Type.String()),
  /** in the list, from the registry */
  institutionName: Type.Optional(Nullable(Type.String({ description: '机构名称 the registry’s name of the institution (in the list)' }))),
  orderId: Type.String(),
  refundId: Nullable(Type.String()),
  channelRef: Nullable(Type.String()),
  platformFen: Nullable(Type.Integer()),
  channelFen: Nullable(Type.Integer()),
  differenceFen: Nullable(Type.Integer({ description: 'channel − platform' })),
  status: Literals(ITEM_STATUSES, 'open 待处理 / resolved 已处理 / matched 一致'),
  resolution: Nullable(Literals(RESOLUTIONS)),
  note: Nullable(Type.String()),
  resolvedBy: Nullable(Type.String()),
  resolvedAt: Nullable(DateTime),
});
export type ReconciliationItemView = Static<typeof ReconciliationItemView>;
export const ReconciliationItemPage = Page(ReconciliationItemView);
