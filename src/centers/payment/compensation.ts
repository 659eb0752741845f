/**
 * 补偿 undoing a payment that cannot complete: the channel order closed first (so a late payment is
 * refused by the channel instead of arriving after the settlement was reversed), then the
 * settlement reversed, then the order ended. Every step is idempotent, so the job finishes what a
 * crash interrupted.
 */
import { CHANNEL_CODES, isAdapterError } from '../../adapters/index.js';
import type { AppContext } from '../../kernel/context.js';
import { DomainError } from '../../kernel/errors/index.js';
import { channelOf, transition, type PaymentDeps } from './order-state.js';
import { reverseOnce, settleOrder } from './order-settlement.js';
import type { OrderStatus } from './schema.js';
import type { OrderRow } from './views.js';

/** Closes the order at its channel: `paid` when the channel says it was paid meanwhile, `unknown` when it did not answer. */
export async function closeAtChannel(deps: PaymentDeps, order: OrderRow): Promise<'closed' | 'paid' | 'unknown'> {
  try {
    await channelOf(deps, order).close(order.id);
    return 'closed';
  } catch (error) {
    if (isAdapterError(error) && error.upstreamCode === CHANNEL_CODES.orderPaid) return 'paid';
    deps.ctx.log.warn({ err: error, orderId: order.id }, 'payment channel close failed');
    return 'unknown';
  }
}

/**
 * 补偿 reverses what succeeded (the settlement) and ends the order in `final`. Claims the order
 * first (`compensating`), so a concurrent callback cannot mark it paid meanwhile; a crash after the
 * claim is finished by the job (the reversal is idempotent on the order's key).
 */
export async function compensate(ctx: AppContext, order: OrderRow, from: OrderStatus[], final: 'failed' | 'closed', failureCode: string) {
  const claimed = await transition(ctx, order.id, from, { status: 'compensating', failureCode });
  if (!claimed) return;
  await finishCompensation(ctx, claimed, final);
}

/**
 * A compensating order claimed from `settling` may have been settled before the claim, or by the
 * job after it, with a crash before the settlement was recorded on the order: the settlement key
 * answers whether it settled (and settles if not, so that what is reversed is certain). A refusal
 * settled nothing.
 */
export async function withSettlement(ctx: AppContext, order: OrderRow): Promise<OrderRow> {
  if (order.settlementId || order.settlementType === 'CASH') return order;
  let settled;
  try {
    settled = await settleOrder(ctx, order);
  } catch (error) {
    if (error instanceof DomainError) return order;
    throw error;
  }
  return (await transition(ctx, order.id, ['compensating'], { settlementId: settled.id })) ?? order;
}

export async function finishCompensation(ctx: AppContext, order: OrderRow, final: 'failed' | 'closed') {
  if (order.settlementId) await reverseOnce(ctx, order);
  await transition(ctx, order.id, ['compensating'], { status: final, endedAt: new Date() });
}
