/**
 * 支付结果通知 what the payment channel says of an order's cash part, from its signed callback or
 * from the re-sync job asking it: paid, or declined (the settlement compensated), or not yet.
 */
import type { ChannelTrade } from '../../adapters/index.js';
import { DomainError, notFound } from '../../kernel/errors/index.js';
import { compensate } from './compensation.js';
import { load, transition, type PaymentDeps } from './order-state.js';
import type { PayChannelName } from './schema.js';
import type { OrderRow } from './views.js';

/** What the channel says of a paying order, applied: paid, compensated, or (not paid yet) left alone. */
export async function applyTrade(deps: PaymentDeps, order: OrderRow, trade: Pick<ChannelTrade, 'tradeState' | 'amountFen' | 'transactionId'>) {
  const { ctx } = deps;
  if (trade.tradeState === 'SUCCESS' || trade.tradeState === 'REFUND') {
    if (trade.amountFen !== Number(order.cashFen)) {
      ctx.log.error({ orderId: order.id, notified: trade.amountFen, cashFen: order.cashFen }, 'payment channel amount differs from the order');
      throw new DomainError('payment.notify_amount', 'invalid', {}, 'amountFen');
    }
    const paid = await transition(ctx, order.id, ['paying'], { status: 'paid', transactionId: trade.transactionId ?? null, paidAt: new Date(), endedAt: new Date() });
    if (!paid && order.status !== 'paid') ctx.log.error({ orderId: order.id, status: order.status }, 'payment channel reports a payment of an order no longer paying');
    return;
  }
  if (trade.tradeState === 'PAYERROR' || trade.tradeState === 'CLOSED') {
    await compensate(ctx, order, ['paying'], 'failed', 'payment.channel_declined');
  }
}

/** 支付结果通知 a channel's callback, already signature-checked: applies it, idempotently. */
export async function handleNotification(deps: PaymentDeps, channel: PayChannelName, trade: ChannelTrade) {
  const order = await load(deps.ctx, trade.outTradeNo);
  // A channel speaks only of the orders sent to it.
  if (!order || order.payChannel !== channel) throw notFound('payment.not_found');
  await applyTrade(deps, order, trade);
  return { code: 'SUCCESS' as const };
}
