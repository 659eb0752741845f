/**
 * 退款规则 the refund rule of a hybrid payment, in fen. A partial refund returns cash only, up to
 * the cash part not yet refunded; the fund and personal-account parts go back only with the refund
 * of everything left, which reverses the settlement whole (a settlement cannot be reversed in part).
 * The conditional UPDATE in the service enforces the same bounds atomically; this says why a
 * refund is refused and how an accepted one splits.
 */
export interface PaidOrder {
  totalFen: number;
  cashFen: number;
  /** 已退金额 refunded so far */
  refundedFen: number;
}

export type RefundDecision =
  | { ok: true; cashFen: number; settlementFen: number; reversesSettlement: boolean }
  | { ok: false; reason: 'exceeds'; refundableFen: number }
  | { ok: false; reason: 'partial_settlement'; cashRefundableFen: number };

export function refundSplit(order: PaidOrder, amountFen: number): RefundDecision {
  const refundableFen = order.totalFen - order.refundedFen;
  if (amountFen > refundableFen) return { ok: false, reason: 'exceeds', refundableFen };
  const cashRefundableFen = Math.max(0, order.cashFen - order.refundedFen);
  const whole = amountFen === refundableFen;
  if (amountFen > cashRefundableFen && !whole) return { ok: false, reason: 'partial_settlement', cashRefundableFen };
  const cashFen = Math.min(amountFen, cashRefundableFen);
  return { ok: true, cashFen, settlementFen: amountFen - cashFen, reversesSettlement: whole && order.totalFen > order.cashFen };
}
