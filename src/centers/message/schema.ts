import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Category, Channel, MessageStatus, Placeholder } from './rules.js';

export const messageSchema = pgSchema('message');

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 消息模板 a template of one channel, versioned: a change is a new version, and every message records
 * the version it was rendered from. Placeholders are declared with a type, and a message must fill
 * exactly them.
 */
export const templates = messageSchema.table(
  'templates',
  {
    id: text('id').primaryKey(),
    /** what the template is for, e.g. `payment.paid`; one code has a template per channel */
    code: text('code').notNull(),
    channel: text('channel').$type<Channel>().notNull(),
    version: integer('version').notNull(),
    category: text('category').$type<Category>().notNull(),
    placeholders: jsonb('placeholders').$type<Placeholder[]>().notNull(),
    subjectZh: text('subject_zh').notNull(),
    subjectEn: text('subject_en').notNull(),
    bodyZh: text('body_zh').notNull(),
    bodyEn: text('body_en').notNull(),
    /** the provider's own template id (公众号模板 id, 短信模板报备号), where the channel needs one */
    providerTemplateId: text('provider_template_id'),
    createdBy: text('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('templates_code_channel_version').on(t.code, t.channel, t.version)],
);

/**
 * 推送规则 which business event sends which template, over which channels, in which regions.
 * `fallback`: the in-site message goes first and the other channels follow in order only while it
 * stays unread (逐级补发).
 */
export const rules = messageSchema.table(
  'rules',
  {
    id: text('id').primaryKey(),
    event: text('event').notNull(),
    templateCode: text('template_code').notNull(),
    channels: text('channels').array().$type<Channel[]>().notNull(),
    fallback: boolean('fallback').notNull().default(false),
    /** '' every region; 2 digits a province, 4 a city, 6 a county */
    regionPrefix: text('region_prefix').notNull().default(''),
    enabled: boolean('enabled').notNull().default(true),
    updatedBy: text('updated_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [index('rules_event').on(t.event)],
);

/**
 * 消息 one message to one account over one channel. The recipient's address is kept encrypted (the
 * worker needs it) and masked (the log shows it); the text is rendered when the message is created,
 * so a later template version changes nothing already sent.
 */
export const messages = messageSchema.table(
  'messages',
  {
    id: text('id').primaryKey(),
    /** at most one message per key and channel: an event delivered twice, a retried API call */
    idempotencyKey: text('idempotency_key').notNull(),
    accountId: text('account_id').notNull(),
    regionCode: text('region_code'),
    channel: text('channel').$type<Channel>().notNull(),
    templateCode: text('template_code').notNull(),
    templateVersion: integer('template_version').notNull(),
    category: text('category').$type<Category>().notNull(),
    urgent: boolean('urgent').notNull().default(false),
    locale: text('locale').$type<'zh-CN' | 'en'>().notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** the channel's rendering of the parameters (an e-mail's escaped HTML, a template message's fields) */
    payload: jsonb('payload').$type<Record<string, string>>(),
    toEnc: text('to_enc'),
    toMasked: text('to_masked'),
    status: text('status').$type<MessageStatus>().notNull(),
    /** not sent before (quiet hours, a fallback step's wait, a retry's backoff, the recipient's rate) */
    notBefore: at('not_before').notNull().defaultNow(),
    /** a fallback step: cancelled when this in-site message has been read by `notBefore` */
    unlessReadId: text('unless_read_id'),
    attempts: integer('attempts').notNull().default(0),
    /** a node's claim on a message it is sending; another node takes it over only after this passes */
    claimedUntil: at('claimed_until'),
    providerRef: text('provider_ref'),
    failure: text('failure'),
    createdAt: at('created_at').notNull().defaultNow(),
    sentAt: at('sent_at'),
    /** delivered, or the final failure */
    completedAt: at('completed_at'),
    readAt: at('read_at'),
  },
  (t) => [
    uniqueIndex('messages_idempotency').on(t.idempotencyKey, t.channel),
    // the worker's look for due messages reads only the few not yet ended
    index('messages_due').on(t.notBefore).where(sql`status in ('created', 'sending')`),
    index('messages_inbox').on(t.accountId, t.channel, t.createdAt),
    index('messages_created').on(t.createdAt),
  ],
);

/** 消息偏好 a category an account switched off (mandatory categories are never stored here). */
export const optOuts = messageSchema.table(
  'opt_outs',
  {
    accountId: text('account_id').notNull(),
    category: text('category').$type<Category>().notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('opt_outs_account_category').on(t.accountId, t.category)],
);
