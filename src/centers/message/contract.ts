/** The message center's requests and answers (TypeBox). */
import { Type, type Static } from '@sinclair/typebox';
import { Body, DateOnly, DateTime, Id, Literals, Nullable } from '../../kernel/http/schemas.js';
import { CATEGORIES, CHANNELS, MESSAGE_STATUSES, PLACEHOLDER_TYPES } from './rules.js';

const ChannelName = Literals(CHANNELS, '渠道 inbox 站内信, sms 短信, email 邮件, wechat 公众号, push App 推送');
const CategoryName = Literals(CATEGORIES, '类别');
const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[a-z][a-z0-9_.-]*$', description: '模板编码, e.g. payment.paid' });

/** 站内信 a message in the person's or unit agent's inbox */
export const InboxMessageView = Type.Object({
  id: Type.String(),
  category: CategoryName,
  subject: Type.String(),
  body: Type.String(),
  createdAt: DateTime,
  readAt: Nullable(DateTime),
});
export type InboxMessageView = Static<typeof InboxMessageView>;

export const UnreadCount = Type.Object({ count: Type.Integer({ minimum: 0 }) });

export const PreferencesView = Type.Object({
  categories: Type.Array(
    Type.Object({
      category: CategoryName,
      nameZh: Type.String(),
      nameEn: Type.String(),
      mandatory: Type.Boolean({ description: '必收 cannot be switched off' }),
      enabled: Type.Boolean(),
    }),
  ),
  quietHours: Type.Object({ start: Type.String({ description: 'HH:MM Beijing time' }), end: Type.String() }),
});
export type PreferencesView = Static<typeof PreferencesView>;

export const PreferencesInput = Body({
  categories: Type.Object(Object.fromEntries(CATEGORIES.map((c) => [c, Type.Optional(Type.Boolean())])), {
    additionalProperties: false,
    description: 'category → enabled; a mandatory category cannot be false',
  }),
});

const PlaceholderView = Type.Object({ name: Type.String({ minLength: 1, maxLength: 40 }), type: Literals(PLACEHOLDER_TYPES) }, { additionalProperties: false });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

export const TemplateInput = Body({
  code: Code,
  channel: ChannelName,
  category: CategoryName,
  placeholders: Type.Array(PlaceholderView, { maxItems: 20 }),
  subjectZh: Text(200),
  subjectEn: Text(200),
  bodyZh: Text(2000),
  bodyEn: Text(2000),
  providerTemplateId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
});
export type TemplateInput = Static<typeof TemplateInput>;

export const TemplateView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  channel: ChannelName,
  version: Type.Integer(),
  category: CategoryName,
  placeholders: Type.Array(PlaceholderView),
  subjectZh: Type.String(),
  subjectEn: Type.String(),
  bodyZh: Type.String(),
  bodyEn: Type.String(),
  providerTemplateId: Nullable(Type.String()),
  createdAt: DateTime,
});
export type TemplateView = Static<typeof TemplateView>;

export const RuleInput = Body({
  event: Type.String({ minLength: 1, maxLength: 64, description: '事件 a key from GET /events' }),
  templateCode: Code,
  channels: Type.Array(ChannelName, { minItems: 1, maxItems: 5, uniqueItems: true }),
  fallback: Type.Optional(Type.Boolean({ description: '逐级补发: in-site first, the others only while it stays unread' })),
  regionPrefix: Type.Optional(Type.String({ minLength: 2, maxLength: 6, pattern: '^(\\d{2}|\\d{4}|\\d{6})$', description: 'a province / city / county code prefix; left out: every region' })),
  enabled: Type.Optional(Type.Boolean()),
});
export type RuleInput = Static<typeof RuleInput>;

export const RuleChange = Body({
  channels: Type.Optional(Type.Array(ChannelName, { minItems: 1, maxItems: 5, uniqueItems: true })),
  fallback: Type.Optional(Type.Boolean()),
  enabled: Type.Optional(Type.Boolean()),
});
export type RuleChange = Static<typeof RuleChange>;

export const RuleView = Type.Object({
  id: Type.String(),
  event: Type.String(),
  eventNameZh: Type.String(),
  eventNameEn: Type.String(),
  templateCode: Type.String(),
  channels: Type.Array(ChannelName),
  fallback: Type.Boolean(),
  regionPrefix: Type.String(),
  enabled: Type.Boolean(),
  updatedAt: DateTime,
});
export type RuleView = Static<typeof RuleView>;

export const EventView = Type.Object({
  key: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  category: CategoryName,
  urgent: Type.Boolean(),
  placeholders: Type.Array(PlaceholderView),
});

/** 消息日志 a message as the console lists it: the recipient masked, the text left out */
export const LogEntryView = Type.Object({
  id: Type.String(),
  channel: ChannelName,
  templateCode: Type.String(),
  templateVersion: Type.Integer(),
  category: CategoryName,
  recipient: Nullable(Type.String({ description: 'masked address (138****0000), or null for in-site and push' })),
  accountName: Nullable(Type.String({ description: 'masked name of the recipient account' })),
  regionCode: Nullable(Type.String()),
  status: Literals(MESSAGE_STATUSES),
  attempts: Type.Integer(),
  failure: Nullable(Type.String()),
  notBefore: DateTime,
  createdAt: DateTime,
  completedAt: Nullable(DateTime),
});
export type LogEntryView = Static<typeof LogEntryView>;

export const LogQuery = Type.Object({
  channel: Type.Optional(ChannelName),
  status: Type.Optional(Literals(MESSAGE_STATUSES)),
  templateCode: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(DateOnly),
  to: Type.Optional(DateOnly),
});

export const StatsQuery = Type.Object({ from: DateOnly, to: DateOnly });
export const StatsView = Type.Object({
  days: Type.Array(Type.String(), { description: 'YYYY-MM-DD, Beijing time' }),
  channels: Type.Array(
    Type.Object({
      channel: ChannelName,
      sent: Type.Array(Type.Integer(), { description: 'per day: messages handed to the channel' }),
      delivered: Type.Array(Type.Integer()),
      failed: Type.Array(Type.Integer()),
    }),
  ),
});
export type StatsView = Static<typeof StatsView>;

export const SendInput = Body({
  templateCode: Code,
  personIds: Type.Array(Id, { minItems: 1, maxItems: 100, description: '基本信息 person ids; each person’s accounts receive it' }),
  params: Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]*$', maxLength: 40 }), Type.Union([Type.String({ maxLength: 500 }), Type.Number()]), {
    maxProperties: 20,
    additionalProperties: false,
    description: 'the template’s placeholders by name: text, dates as YYYY-MM-DD, money as integer fen',
  }),
  channels: Type.Optional(Type.Array(ChannelName, { minItems: 1, maxItems: 5, uniqueItems: true })),
  fallback: Type.Optional(Type.Boolean()),
});
export type SendInput = Static<typeof SendInput>;

export const SentView = Type.Object({
  messages: Type.Array(Type.Object({ id: Type.String(), channel: ChannelName, status: Literals(MESSAGE_STATUSES), notBefore: DateTime })),
});

/** 回执 a provider's delivery receipt (checked again, with its signature, by adapters/receipts.ts) */
export const ReceiptInput = Body({
  providerRef: Type.String({ minLength: 1, maxLength: 128 }),
  reference: Type.String({ minLength: 1, maxLength: 128 }),
  status: Literals(['delivered', 'temporary-failure', 'permanent-failure'] as const),
  at: Type.String({ format: 'date-time', maxLength: 40 }),
});
