/**
 * 消息中心 message center: the one place every center sends through (seed 000: 消息创建, 消息推送,
 * 消息配置, 消息日志). A center publishes its events, and the push rules (推送规则) turn them into
 * messages (events.ts lists the events followed); or it calls `send` with a template code. It never
 * calls a channel: templates, preferences, quiet hours, the fallback cascade, retries and receipts
 * are this center's.
 */
import type { AppContext } from '../../kernel/context.js';
import { transaction, type Db } from '../../kernel/db/index.js';
import { workerFor } from './runtime.js';
import { sendIn, type SendRequest } from './sending.js';
import './messages.js';

export { CATEGORIES, CHANNELS, MESSAGE_STATUSES, type Category, type Channel, type MessageStatus } from './rules.js';
export type { SendRequest } from './sending.js';

/** Sends a template to accounts, in its own transaction; the ids and channels of the messages created. */
export async function send(ctx: AppContext, request: SendRequest) {
  const rows = await transaction(ctx.database.db, (tx) => sendIn(ctx, tx, request));
  workerFor(ctx).kick();
  return rows.map((r) => ({ id: r.id, channel: r.channel, status: r.status }));
}

/** As `send`, in the caller's transaction: nothing is sent unless it commits. */
export const sendWithin = (ctx: AppContext, tx: Db, request: SendRequest) => sendIn(ctx, tx, request);
