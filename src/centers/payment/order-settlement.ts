/**
 * The order's settlement through the settlement center: made once and reversed once whatever the
 * retries, the job and the crashes, by keys derived from the order (the settlement center's
 * Idempotency-Key, per the institution's channel app).
 */
import type { AppContext } from '../../kernel/context.js';
import { DomainError } from '../../kernel/errors/index.js';
import * as settlement from '../settlement/index.js';
import type { OrderRow } from './views.js';

const settleKey = (orderId: string) => `payment:${orderId}:settle`;
const reverseKey = (orderId: string) => `payment:${orderId}:reverse`;

/**
 * The settlement of the order (fund and account parts), made once whatever the retries. The consent
 * is the order itself: only an order the person confirmed with the voucher password gets here
 * (`settling` and later, from the confirmation or the job finishing one). The institution and its
 * level are the order's, which took them from the app's binding and the registry.
 */
export async function settleOrder(ctx: AppContext, order: OrderRow): Promise<settlement.SettlementView> {
  // A confirmation's batch settles without this key: the order's consent finds what it made.
  const made = await settlement.settlementOfOrder(ctx, order.id);
  if (made) return made;
  const { settlement: settled } = await settlement.settleVisit(
    ctx,
    { appId: order.appId },
    {
      personId: order.personId,
      insuranceType: order.insuranceType,
      institutionCode: order.institutionCode,
      visit: order.visit,
      lines: order.lines,
      settlementReference: order.id,
    },
    { kind: 'order', orderId: order.id },
    settleKey(order.id),
  );
  return settled;
}

/** 冲正 the order's settlement reversed, once: a reversal already made elsewhere is as good. */
export async function reverseOnce(ctx: AppContext, order: OrderRow) {
  try {
    await settlement.reverseSettlement(ctx, { appId: order.appId }, order.settlementId!, reverseKey(order.id));
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'settlement.already_reversed')) throw error;
  }
}
