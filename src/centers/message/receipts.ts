/**
 * 回执 a provider's signed delivery receipt: the attempt it names is delivered, or failed. A receipt
 * for an older attempt, or for a message already ended, changes nothing (providers repeat receipts).
 */
import { and, eq, or, isNull } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { messages } from './schema.js';
import { failed, parseReference } from './worker.js';
import type { Receipt } from '../../adapters/receipts.js';
import type { Channel } from './rules.js';

/** whether the receipt changed a message */
export async function applyReceipt(ctx: AppContext, channel: Channel, receipt: Receipt): Promise<boolean> {
  const ref = parseReference(receipt.reference);
  if (!ref) return false;
  const at = new Date(receipt.at);
  const when = Number.isNaN(at.getTime()) ? new Date() : at;
  const outcome =
    receipt.status === 'delivered'
      ? { status: 'delivered' as const, completedAt: when, claimedUntil: null, providerRef: receipt.providerRef }
      : failed(ctx, ref.attempt, receipt.status, `provider: ${receipt.status}`);
  const updated = await ctx.database.db
    .update(messages)
    .set(outcome)
    .where(
      and(
        eq(messages.id, ref.id),
        eq(messages.channel, channel),
        eq(messages.status, 'sending'),
        eq(messages.attempts, ref.attempt),
        or(isNull(messages.providerRef), eq(messages.providerRef, receipt.providerRef)),
      ),
    )
    .returning({ id: messages.id });
  return updated.length > 0;
}
