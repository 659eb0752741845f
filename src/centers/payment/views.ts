/** The payment center's rows as its contract shows them. */
import type { OrderView, RefundView } from './contract.js';
import type { orders, refunds } from './schema.js';

export type OrderRow = typeof orders.$inferSelect;
export type RefundRow = typeof refunds.$inferSelect;

export const orderView = (row: OrderRow): OrderView => ({
  id: row.id,
  orderReference: row.reference,
  status: row.status,
  settlementType: row.settlementType,
  payChannel: row.payChannel,
  personId: row.personId,
  insuranceType: row.insuranceType,
  institutionCode: row.institutionCode,
  visit: row.visit,
  lines: row.lines,
  totalFen: Number(row.totalFen),
  fundFen: Number(row.fundFen),
  accountFen: Number(row.accountFen),
  cashFen: Number(row.cashFen),
  refundedFen: Number(row.refundedFen),
  settlementId: row.settlementId,
  prepayId: row.prepayId,
  transactionId: row.transactionId,
  failureCode: row.failureCode,
  expiresAt: row.expiresAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
  paidAt: row.paidAt?.toISOString() ?? null,
  endedAt: row.endedAt?.toISOString() ?? null,
});

export const refundView = (row: RefundRow): RefundView => ({
  id: row.id,
  orderId: row.orderId,
  amountFen: Number(row.amountFen),
  cashFen: Number(row.cashFen),
  settlementFen: Number(row.settlementFen),
  reason: row.reason,
  channelRefundId: row.channelRefundId,
  createdAt: row.createdAt.toISOString(),
});
