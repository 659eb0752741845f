/**
 * 收银台 the cashier: after the confirmation settled the fund and account parts, the person picks
 * the channel (WeChat Pay, Alipay, UnionPay, among those configured) for the cash part in the hall
 * and pays on that channel's payment page, which sends the browser back to the hall.
 *
 * The confirmation prepays with the order's channel (WeChat Pay unless the institution named
 * another), so the same channel answers with that prepay. Another channel is a switch: the trade at
 * the old channel is closed first (so only one channel can ever take the cash), then the order
 * names the new channel and is prepaid there. The order's row lock is held from the read to the
 * prepay id written, so two requests at once prepay once: the second finds the first's prepay.
 */
import { and, eq } from 'drizzle-orm';
import { isAdapterError } from '../../adapters/index.js';
import { transaction } from '../../kernel/db/index.js';
import { DomainError, conflict, notFound } from '../../kernel/errors/index.js';
import { closeAtChannel } from './compensation.js';
import type { OrderView } from './contract.js';
import type { PaymentDeps } from './order-state.js';
import { orders, PAY_CHANNELS, type PayChannelName } from './schema.js';
import { orderView, type OrderRow } from './views.js';

export interface CashierAnswer {
  order: OrderView;
  channel: PayChannelName;
  /** the channel's payment page; it sends the browser back to the order in the hall */
  cashierUrl: string;
}

/** The channels a person may pick at the cashier: those configured, in a fixed order. */
export const offeredChannels = (deps: PaymentDeps): PayChannelName[] => PAY_CHANNELS.filter((c) => deps.channels[c]);

/**
 * 去支付 the cashier page of `channel` for the person's `paying` order: its prepay when the order was
 * prepaid there, else a new prepay there (the old channel's trade closed first). Another person's
 * order is not found; an order not `paying` is a 409; a channel not offered a 422 naming `channel`.
 * A channel that declines the prepay leaves the order paying (another channel may be picked).
 */
export async function openCashier(deps: PaymentDeps, personId: string | null, id: string, channel: PayChannelName): Promise<CashierAnswer> {
  const { ctx } = deps;
  const client = deps.channels[channel];
  if (!client) throw new DomainError('payment.channel_not_offered', 'unprocessable', { channel }, 'channel');
  // A refusal found under the lock is thrown after the commit: a switch made before it (the old trade closed) stays.
  const { row, refused } = await transaction(ctx.database.db, async (tx): Promise<{ row: OrderRow; refused?: DomainError }> => {
    const [locked] = await tx.select().from(orders).where(eq(orders.id, id)).for('update');
    if (!locked || !personId || locked.personId !== personId) throw notFound('payment.not_found');
    if (locked.status !== 'paying') throw conflict('payment.order_not_payable', { status: locked.status }, 'id');
    if (locked.payChannel === channel && locked.prepayId) return { row: locked };
    let order = locked;
    if (order.payChannel !== channel) {
      // Closed where it was sent before it is sent anywhere else: a payment there meanwhile wins.
      const closed = await closeAtChannel(deps, order);
      if (closed === 'paid') throw conflict('payment.paid_at_channel', { channel: order.payChannel }, 'channel');
      if (closed === 'unknown') throw new DomainError('payment.channel_unavailable', 'upstream_failed', { reason: 'close' });
      [order] = await tx.update(orders).set({ payChannel: channel, prepayId: null, updatedAt: new Date() }).where(and(eq(orders.id, id), eq(orders.status, 'paying'))).returning();
    }
    try {
      const { prepayId } = await client.prepay({
        outTradeNo: order.id,
        amountFen: Number(order.cashFen),
        description: `医保移动支付 ${order.institutionCode} ${order.reference}`,
        notifyUrl: deps.notifyUrl(channel),
        expiresAt: order.expiresAt.toISOString(),
      });
      const [updated] = await tx.update(orders).set({ prepayId, updatedAt: new Date() }).where(eq(orders.id, id)).returning();
      return { row: updated };
    } catch (error) {
      if (!isAdapterError(error)) throw error;
      const refused =
        error.code === 'rejected'
          ? new DomainError('payment.cashier_declined', 'unprocessable', { channel }, 'channel')
          : new DomainError('payment.channel_unavailable', 'upstream_failed', { reason: error.code });
      return { row: order, refused };
    }
  });
  if (refused) throw refused;
  return { order: orderView(row), channel, cashierUrl: client.cashierUrl(row.prepayId!, deps.hallUrl(row.id)) };
}
