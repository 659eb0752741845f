/**
 * 消息推送 the worker every node runs: it claims due messages in one statement (FOR UPDATE SKIP
 * LOCKED, so two nodes never take the same one), holds each to the recipient's hourly rate, hands it
 * to its channel, and records the outcome. A provider reports delivery later with a signed receipt
 * (receipts.ts); a temporary failure is tried again after a doubling wait, a permanent one is not.
 *
 * Each attempt carries its own reference (`<message id>.<attempt>`), and providers treat a repeated
 * reference as the same message: a node that died after handing a message over leaves a claim that
 * runs out, and the node that takes it over repeats the same attempt, which the provider does not
 * deliver twice.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../../kernel/context.js';
import { isPermanentFailure } from '../../adapters/errors.js';
import { retryDelayMs } from './rules.js';
import { messages } from './schema.js';
import type { MessageRow } from './sending.js';

/** one channel's provider: hands a message over; `delivered` when handing over is delivery (SMTP) */
export type ChannelSender = (message: MessageRow, to: string | null, reference: string) => Promise<{ providerRef: string; delivered: boolean }>;
export type ChannelSenders = Partial<Record<MessageRow['channel'], ChannelSender>>;

/** how long a claim holds before another node may take the message over */
const CLAIM_SEC = 60;
const MAX_FAILURE = 300;

export const referenceOf = (message: Pick<MessageRow, 'id' | 'attempts'>) => `${message.id}.${message.attempts}`;
export function parseReference(reference: string): { id: string; attempt: number } | null {
  const match = /^(.+)\.(\d+)$/.exec(reference);
  return match ? { id: match[1], attempt: Number(match[2]) } : null;
}

const hourOf = (t: number) => Math.floor(t / 3600_000);

/** Sends what is due; how many messages it claimed. */
export async function sendDue(ctx: AppContext, senders: ChannelSenders, limit = 50): Promise<number> {
  const claimed = await ctx.database.rows<MessageRow & Record<string, unknown>>(sql`
    update message.messages m
       set status = 'sending',
           claimed_until = now() + make_interval(secs => ${CLAIM_SEC}),
           attempts = case when m.status = 'created' then m.attempts + 1 else m.attempts end
     where m.id in (
       select id from message.messages
        where (status = 'created' and not_before <= now())
           or (status = 'sending' and provider_ref is null and claimed_until < now())
        order by not_before
        limit ${limit}
        for update skip locked)
    returning m.id, m.account_id, m.channel, m.subject, m.body, m.payload, m.to_enc, m.urgent, m.attempts, m.template_code, m.locale, m.created_at`);
  const rows = claimed.map((r) => ({
    id: r.id as string,
    accountId: r.account_id as string,
    channel: r.channel as MessageRow['channel'],
    subject: r.subject as string,
    body: r.body as string,
    payload: r.payload as MessageRow['payload'],
    toEnc: r.to_enc as string | null,
    urgent: r.urgent as boolean,
    attempts: Number(r.attempts),
    templateCode: r.template_code as string,
    locale: r.locale as MessageRow['locale'],
  })) as unknown as MessageRow[];
  const handed = (await Promise.all(rows.map((message) => attempt(ctx, senders, message)))).filter((h) => h !== null);
  // what the providers accepted, recorded in one statement for the claim; a receipt may have come back
  // first: it set the status and the reference already, and this leaves such a message alone
  if (handed.length) {
    await ctx.database.rows(sql`
      update message.messages m
         set provider_ref = x.ref, sent_at = now(), claimed_until = null,
             status = case when x.delivered then 'delivered' else m.status end,
             completed_at = case when x.delivered then now() else m.completed_at end
        from jsonb_to_recordset(${JSON.stringify(handed)}::jsonb) as x(id text, attempts int, ref text, delivered boolean)
       where m.id = x.id and m.status = 'sending' and m.attempts = x.attempts and m.provider_ref is null`);
  }
  return rows.length;
}

/** One message to its provider: what the provider accepted, or null (held back by the rate, or failed: recorded here). */
async function attempt(ctx: AppContext, senders: ChannelSenders, message: MessageRow): Promise<{ id: string; attempts: number; ref: string; delivered: boolean } | null> {
  const db = ctx.database.db;
  const mine = and(eq(messages.id, message.id), eq(messages.status, 'sending'), eq(messages.attempts, message.attempts));
  // the recipient's hourly rate, counted atomically across nodes before sending: one over it waits for the next hour
  if (!message.urgent) {
    const hour = hourOf(Date.now());
    const count = await ctx.cache.incr(`message:rate:${message.accountId}:${hour}`, 3600_000);
    if (count > ctx.config.message.perRecipientPerHour) {
      await db
        .update(messages)
        .set({ status: 'created', attempts: message.attempts - 1, claimedUntil: null, notBefore: new Date((hour + 1) * 3600_000) })
        .where(mine);
      return null;
    }
  }
  const sender = senders[message.channel];
  const to = message.toEnc ? ctx.fields.decrypt(message.toEnc) : null;
  try {
    if (!sender) throw Object.assign(new Error(`no provider for ${message.channel}`), { permanent: true });
    const sent = await sender(message, to, referenceOf(message));
    return { id: message.id, attempts: message.attempts, ref: sent.providerRef, delivered: sent.delivered };
  } catch (error) {
    const failure = String((error as Error)?.message ?? error).slice(0, MAX_FAILURE);
    const permanent = isPermanentFailure(error) || (error as { permanent?: boolean })?.permanent === true;
    await db.update(messages).set(failed(ctx, message.attempts, permanent ? 'permanent-failure' : 'technical-failure', failure)).where(mine);
    return null;
  }
}

/**
 * What a failed attempt leaves: a permanent failure ends the message; any other is tried again after
 * the doubling wait until the attempts run out, and then ends with the status it failed with.
 */
export function failed(ctx: AppContext, attempts: number, status: 'permanent-failure' | 'temporary-failure' | 'technical-failure', failure: string) {
  const now = new Date();
  const { maxAttempts, retryBaseMs } = ctx.config.message;
  if (status === 'permanent-failure' || attempts >= maxAttempts) return { status, failure, claimedUntil: null, completedAt: now };
  return { status: 'created' as const, failure, claimedUntil: null, providerRef: null, notBefore: new Date(now.getTime() + retryDelayMs(retryBaseMs, attempts)) };
}
