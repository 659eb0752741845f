/**
 * 订单状态 the order's state machine, which every step of a payment goes through. One rule keeps
 * every order in one clear state: every transition is a conditional UPDATE from the state it
 * expects, and anything that undoes a settlement first moves the order to `compensating`, so that a
 * callback, the job and a retry cannot both pay and reverse it (see compensation.ts).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { PayChannel } from '../../adapters/index.js';
import type { AppContext } from '../../kernel/context.js';
import { transaction } from '../../kernel/db/index.js';
import { DomainError, badRequest } from '../../kernel/errors/index.js';
import type * as settlement from '../settlement/index.js';
import { ORDER_EVENT } from './events.js';
import { orders, type OrderStatus, type PayChannelName, type WebhookEvent } from './schema.js';
import { orderView, type OrderRow } from './views.js';

export interface PaymentDeps {
  ctx: AppContext;
  /** the client of every channel offered (configured) */
  channels: Partial<Record<PayChannelName, PayChannel>>;
  /** where the channel sends its callbacks for this platform */
  notifyUrl: (channel: PayChannelName) => string;
  /** where a channel's cashier page sends the person back to: the order in the personal hall (我的支付) */
  hallUrl: (orderId: string) => string;
}

/** The client of the order's channel: every channel call of an order goes to the channel it was created for. */
export function channelOf(deps: PaymentDeps, order: Pick<OrderRow, 'payChannel'>): PayChannel {
  const channel = deps.channels[order.payChannel];
  // Offered when the order was created, no longer configured now.
  if (!channel) throw new DomainError('payment.channel_unavailable', 'upstream_failed', { reason: 'not_configured' });
  return channel;
}

/** Money moves here: every command takes an Idempotency-Key. */
export function requireKey(key: string | undefined): string {
  if (!key) throw badRequest('payment.idempotency_key_required', 'idempotency-key');
  return key;
}


export async function load(ctx: AppContext, id: string) {
  const [row] = await ctx.database.db.select().from(orders).where(eq(orders.id, id));
  return row;
}

/** The split of a (pre-)settlement: the fund, account and cash parts of the total. */
export const splitOf = (result: settlement.SettlementResult) => ({
  totalFen: result.medfee_sumamt,
  fundFen: result.fund_pay_sumamt,
  accountFen: result.acct_pay,
  cashFen: result.psn_cash_pay,
});

/** The states the institution is told of (机构回调); the others are steps on the way. */
const EVENT_OF: Partial<Record<OrderStatus, WebhookEvent>> = { paid: 'paid', failed: 'failed', closed: 'closed', refunded: 'refunded' };

/**
 * Moves the order from one of `from` to the new values; the row, or undefined when it was
 * elsewhere. An end state publishes its event in the same transaction, so the institution hears
 * of every end state exactly when it happened.
 */
export async function transition(ctx: AppContext, id: string, from: OrderStatus[], set: Partial<typeof orders.$inferInsert>) {
  const event = set.status ? EVENT_OF[set.status] : undefined;
  return transaction(ctx.database.db, async (tx) => {
    const [row] = await tx
      .update(orders)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(orders.id, id), inArray(orders.status, from)))
      .returning();
    if (row && event) await ctx.outbox.publish(tx, ORDER_EVENT, { event, appId: row.appId, orderId: row.id, order: orderView(row) });
    return row;
  });
}
