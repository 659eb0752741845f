/**
 * 消息创建 a send: the template's newest version per channel, the parameters checked against it, the
 * recipients' preferences and addresses, and one message row per recipient and channel, written in
 * the caller's transaction. The in-site message is delivered there and then; the others wait for the
 * worker (sending.ts → worker.ts), at the time quiet hours and the fallback cascade allow.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import { inTransaction, type AppContext } from '../../kernel/context.js';
import { type Db } from '../../kernel/db/index.js';
import { unprocessable } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { maskEmail, maskPhone } from '../../kernel/crypto/index.js';
import * as user from '../user/index.js';
import { MANDATORY_CATEGORIES, checkParams, notBefore, plan, render, type Category, type Channel } from './rules.js';
import { messages, optOuts, templates } from './schema.js';

export interface SendRequest {
  templateCode: string;
  accountIds: string[];
  params: Record<string, unknown>;
  /** the same key sends nothing twice (per recipient and channel) */
  idempotencyKey: string;
  /** the channels to use; default every channel the template has */
  channels?: Channel[];
  /** in-site first, the others only while it stays unread */
  fallback?: boolean;
  /** through quiet hours; security messages always are */
  urgent?: boolean;
  regionCode?: string | null;
}

export type TemplateRow = typeof templates.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;

/** the newest version of each channel's template of a code */
export async function currentTemplates(db: Db, code: string): Promise<Map<Channel, TemplateRow>> {
  const rows = await db.select().from(templates).where(eq(templates.code, code)).orderBy(desc(templates.version));
  const byChannel = new Map<Channel, TemplateRow>();
  for (const row of rows) if (!byChannel.has(row.channel)) byChannel.set(row.channel, row);
  return byChannel;
}

type Contact = Awaited<ReturnType<typeof user.contactsOf>> extends Map<string, infer C> ? C : never;

/** where a channel reaches an account, or null where it does not */
function addressOf(channel: Channel, contact: Contact | undefined): { to: string; masked: string } | null {
  switch (channel) {
    case 'inbox':
      return { to: '', masked: '' };
    case 'sms':
      return contact?.phone ? { to: contact.phone, masked: maskPhone(contact.phone) } : null;
    case 'email':
      return contact?.email ? { to: contact.email, masked: maskEmail(contact.email) } : null;
    case 'wechat':
      return contact?.wechatOpenId ? { to: contact.wechatOpenId, masked: `${contact.wechatOpenId.slice(0, 4)}****` } : null;
    case 'push':
      return { to: '', masked: '' };
  }
}

/** Writes the messages of a send in `tx`; what it created (an idempotent repeat creates none). */
export async function sendIn(ctx: AppContext, tx: Db, request: SendRequest): Promise<MessageRow[]> {
  const byChannel = await currentTemplates(tx, request.templateCode);
  if (!byChannel.size) throw unprocessable('message.template_unknown', { code: request.templateCode }, 'templateCode');
  const channels = request.channels ?? [...byChannel.keys()];
  channels.forEach((channel, i) => {
    if (!byChannel.has(channel)) throw unprocessable('message.channel_no_template', { channel, code: request.templateCode }, `channels/${i}`);
  });
  // a bad parameter is the sender's error whoever the recipients are
  for (const channel of channels) checkParams(byChannel.get(channel)!.placeholders, request.params);
  const category: Category = byChannel.get(channels[0])!.category;
  const urgent = request.urgent === true || MANDATORY_CATEGORIES.includes(category);
  const recipients = [...new Set(request.accountIds)];
  if (!recipients.length || !channels.length) return [];

  const optedOut = MANDATORY_CATEGORIES.includes(category)
    ? new Set<string>()
    : new Set((await tx.select({ accountId: optOuts.accountId }).from(optOuts).where(and(inArray(optOuts.accountId, recipients), eq(optOuts.category, category)))).map((r) => r.accountId));
  const contacts = await user.contactsOf(inTransaction(ctx, tx), recipients.filter((id) => !optedOut.has(id)));
  const now = new Date();
  const rows: Array<typeof messages.$inferInsert> = [];
  for (const accountId of recipients) {
    if (optedOut.has(accountId)) continue;
    const contact = contacts.get(accountId);
    const locale = contact?.locale ?? 'zh-CN';
    const steps = plan(channels, request.fallback === true, (c) => addressOf(c, contact) !== null, ctx.config.message.fallbackAfterSec * 1000);
    const inboxId = steps.some((s) => s.channel === 'inbox') ? newId('msg') : null;
    for (const step of steps) {
      const template = byChannel.get(step.channel)!;
      const address = addressOf(step.channel, contact)!;
      const text = render(template, step.channel, request.params, locale);
      const inbox = step.channel === 'inbox';
      rows.push({
        id: inbox ? inboxId! : newId('msg'),
        idempotencyKey: `${request.idempotencyKey}:${accountId}`,
        accountId,
        regionCode: request.regionCode ?? null,
        channel: step.channel,
        templateCode: template.code,
        templateVersion: template.version,
        category,
        urgent,
        locale,
        subject: text.subject,
        body: text.body,
        payload: text.payload,
        toEnc: address.to ? ctx.fields.encrypt(address.to) : null,
        toMasked: address.masked || null,
        status: inbox ? 'delivered' : 'created',
        completedAt: inbox ? now : null,
        notBefore: notBefore(new Date(now.getTime() + step.delayMs), step.channel, urgent, ctx.config.message.quietHours),
        unlessReadId: step.unlessRead ? inboxId : null,
      });
    }
  }
  if (!rows.length) return [];
  return tx.insert(messages).values(rows).onConflictDoNothing().returning();
}
