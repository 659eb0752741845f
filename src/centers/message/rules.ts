/**
 * The message center's rules as pure functions: what a template may say, how a message's text is
 * made from it for each channel, and when a message may go (quiet hours, fallback steps, retries).
 */
import { DomainError } from '../../kernel/errors/index.js';

/** 渠道 站内信, 短信, 邮件, 公众号模板消息, App 推送 */
export const CHANNELS = ['inbox', 'sms', 'email', 'wechat', 'push'] as const;
export type Channel = (typeof CHANNELS)[number];

/** the order a fallback cascade (逐级补发) follows after the in-site message */
export const FALLBACK_ORDER: readonly Channel[] = ['wechat', 'sms'];

/** 消息类别: what a person can switch off, except the mandatory ones */
export const CATEGORIES = ['security', 'payment', 'bill', 'application', 'collection', 'service', 'notice'] as const;
export type Category = (typeof CATEGORIES)[number];
/** 安全提醒 cannot be switched off: a person must learn that their password or phone changed */
export const MANDATORY_CATEGORIES: readonly Category[] = ['security'];

/** GOV.UK Notify's statuses, and `cancelled` for a fallback step the read in-site message made unneeded */
export const MESSAGE_STATUSES = ['created', 'sending', 'delivered', 'temporary-failure', 'permanent-failure', 'technical-failure', 'cancelled'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
export const FINAL_STATUSES: readonly MessageStatus[] = ['delivered', 'temporary-failure', 'permanent-failure', 'technical-failure', 'cancelled'];

/** 占位符类型: how a value is checked and written */
export const PLACEHOLDER_TYPES = ['text', 'money', 'date', 'datetime', 'number', 'code'] as const;
export type PlaceholderType = (typeof PLACEHOLDER_TYPES)[number];
export interface Placeholder {
  name: string;
  type: PlaceholderType;
}

const PLACEHOLDER_USE = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** the placeholder names a text uses, in order of first use */
export function placeholdersUsed(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER_USE)].map((m) => m[1]))];
}

export interface TemplateText {
  subjectZh: string;
  subjectEn: string;
  bodyZh: string;
  bodyEn: string;
}

/**
 * A template's texts use exactly the declared placeholders: one used but not declared is a 400 naming
 * the text; one declared but used in no text, a 400 naming the declaration.
 */
export function checkTemplate(placeholders: Placeholder[], text: TemplateText) {
  const declared = new Set<string>();
  placeholders.forEach((p, i) => {
    if (!NAME.test(p.name)) throw new DomainError('message.placeholder_name', 'invalid', { name: p.name }, `placeholders/${i}/name`);
    if (declared.has(p.name)) throw new DomainError('message.placeholder_twice', 'invalid', { name: p.name }, `placeholders/${i}/name`);
    declared.add(p.name);
  });
  const used = new Set<string>();
  for (const key of ['subjectZh', 'subjectEn', 'bodyZh', 'bodyEn'] as const) {
    for (const name of placeholdersUsed(text[key])) {
      if (!declared.has(name)) throw new DomainError('message.placeholder_undeclared', 'invalid', { name }, key);
      used.add(name);
    }
  }
  placeholders.forEach((p, i) => {
    if (!used.has(p.name)) throw new DomainError('message.placeholder_unused', 'invalid', { name: p.name }, `placeholders/${i}/name`);
  });
}

const VALUE_CHECKS: Record<PlaceholderType, (v: unknown) => boolean> = {
  text: (v) => typeof v === 'string' && v.length <= 500,
  /** integer fen */
  money: (v) => Number.isSafeInteger(v),
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  datetime: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v),
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  code: (v) => typeof v === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(v),
};

/**
 * A message's parameters fill exactly the template's placeholders, each of its type: a missing, extra
 * or ill-typed one is a 400 naming `params/<name>`.
 */
export function checkParams(placeholders: Placeholder[], params: Record<string, unknown>) {
  const declared = new Map(placeholders.map((p) => [p.name, p.type]));
  for (const p of placeholders) {
    if (!(p.name in params)) throw new DomainError('message.param_missing', 'invalid', { name: p.name }, `params/${p.name}`);
    if (!VALUE_CHECKS[p.type](params[p.name])) throw new DomainError('message.param_type', 'invalid', { name: p.name, type: p.type }, `params/${p.name}`);
  }
  for (const name of Object.keys(params)) {
    if (!declared.has(name)) throw new DomainError('message.param_extra', 'invalid', { name }, `params/${name}`);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const BEIJING_OFFSET_MS = 8 * 3600_000;

/** a value as a person reads it: ¥14,450.00 for 1445000 fen, a time in Beijing time */
export function formatValue(type: PlaceholderType, value: unknown, locale: 'zh-CN' | 'en'): string {
  switch (type) {
    case 'money': {
      const fen = value as number;
      const yuan = (Math.abs(fen) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      return `${fen < 0 ? '-' : ''}¥${yuan}`;
    }
    case 'datetime': {
      const t = new Date(Date.parse(value as string) + BEIJING_OFFSET_MS);
      const text = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`;
      return locale === 'en' ? `${text} (Beijing time)` : text;
    }
    case 'number':
      return String(value);
    default:
      return String(value);
  }
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/**
 * A value as a channel may carry it. Every channel: control characters and line breaks go (a value
 * cannot add lines to an SMS or headers to a mail), and a value that a spreadsheet would run as a
 * formula (= + - @ first) is quoted, since message logs and template-message records are exported.
 * E-mail HTML: escaped. The in-site message and the template message keep text (the page and the
 * WeChat client show it as text).
 */
export function escapeFor(channel: Channel | 'html', value: string): string {
  let text = value.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  if (/^[=+\-@]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
  return channel === 'html' ? escapeHtml(text) : text;
}

export interface Rendered {
  subject: string;
  body: string;
  /** e-mail: the HTML body; WeChat: the template message's fields */
  payload: Record<string, string> | null;
}

const fill = (text: string, values: Record<string, string>) => text.replace(PLACEHOLDER_USE, (_, name: string) => values[name] ?? '');

/** A message's text from its template, parameters checked first; each value escaped for the channel. */
export function render(template: TemplateText & { placeholders: Placeholder[] }, channel: Channel, params: Record<string, unknown>, locale: 'zh-CN' | 'en'): Rendered {
  checkParams(template.placeholders, params);
  const plain: Record<string, string> = {};
  const html: Record<string, string> = {};
  for (const p of template.placeholders) {
    const formatted = formatValue(p.type, params[p.name], locale);
    plain[p.name] = escapeFor(channel, formatted);
    html[p.name] = escapeFor('html', formatted);
  }
  const [subject, body] = locale === 'en' ? [template.subjectEn, template.bodyEn] : [template.subjectZh, template.bodyZh];
  const payload =
    channel === 'email'
      ? { html: `<!doctype html><html lang="${locale}"><body><p>${escapeHtml(body).replace(PLACEHOLDER_USE, (_, name: string) => html[name] ?? '').replace(/\n/g, '<br>')}</p></body></html>` }
      : channel === 'wechat'
        ? Object.fromEntries([['first', fill(subject, plain)], ...Object.entries(plain)])
        : null;
  return { subject: fill(subject, plain), body: fill(body, plain), payload };
}

/** 免打扰时段 22:00–08:00 Beijing time */
export interface QuietHours {
  startHour: number;
  endHour: number;
}
export const DEFAULT_QUIET_HOURS: QuietHours = { startHour: 22, endHour: 8 };

/** the channels quiet hours hold back: those that make a phone ring */
export const QUIET_CHANNELS: readonly Channel[] = ['sms', 'wechat', 'push'];

/**
 * When a message due at `due` may go: at once if urgent, if its channel does not ring, or outside
 * quiet hours; otherwise at the end of quiet hours (08:00 Beijing time).
 */
export function notBefore(due: Date, channel: Channel, urgent: boolean, quiet: QuietHours = DEFAULT_QUIET_HOURS): Date {
  if (urgent || !QUIET_CHANNELS.includes(channel)) return due;
  const beijing = new Date(due.getTime() + BEIJING_OFFSET_MS);
  const hour = beijing.getUTCHours();
  const inQuiet = quiet.startHour > quiet.endHour ? hour >= quiet.startHour || hour < quiet.endHour : hour >= quiet.startHour && hour < quiet.endHour;
  if (!inQuiet) return due;
  const end = new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate(), quiet.endHour) - BEIJING_OFFSET_MS);
  // before midnight the quiet hours end tomorrow morning
  return end.getTime() > due.getTime() ? end : new Date(end.getTime() + 24 * 3600_000);
}

/** the wait before retry `attempts + 1` after `attempts` failed ones: base, 2×, 4× … capped at an hour */
export const retryDelayMs = (baseMs: number, attempts: number) => Math.min(3600_000, baseMs * 2 ** Math.max(0, attempts - 1));

/**
 * A rule's channels as steps: without fallback every channel at once; with it, the in-site message at
 * once and the others (WeChat before SMS) one `stepMs` after another, each only if the in-site message
 * is still unread. A channel the recipient cannot be reached on (no phone, no WeChat) is left out.
 */
export function plan(channels: Channel[], fallback: boolean, reachable: (c: Channel) => boolean, stepMs: number): Array<{ channel: Channel; delayMs: number; unlessRead: boolean }> {
  const usable = channels.filter(reachable);
  if (!fallback || !usable.includes('inbox')) return usable.map((channel) => ({ channel, delayMs: 0, unlessRead: false }));
  const rest: Channel[] = usable.filter((c) => c !== 'inbox');
  const ordered = [...FALLBACK_ORDER.filter((c) => rest.includes(c)), ...rest.filter((c) => !FALLBACK_ORDER.includes(c))];
  return [{ channel: 'inbox', delayMs: 0, unlessRead: false }, ...ordered.map((channel, i) => ({ channel, delayMs: stepMs * (i + 1), unlessRead: true }))];
}
