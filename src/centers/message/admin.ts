/**
 * 消息配置 and 消息日志 the console's side: templates (a change is a new version), push rules, the
 * events rules can follow, the message log with recipients masked, and delivery figures per day.
 * Templates and rules are the platform's (one set for every region, rules narrowed by region prefix);
 * the log and the figures show the caller's regions only.
 */
import { and, asc, count, desc, eq, gte, lt, max, sql } from 'drizzle-orm';
import type { RegionScope } from '../../kernel/actor/index.js';
import { withinScope } from '../../kernel/actor/sql.js';
import type { AppContext } from '../../kernel/context.js';
import { transaction } from '../../kernel/db/index.js';
import { beijingDay } from '../../kernel/db/days.js';
import { DomainError, notFound, unprocessable } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { pageOf } from '../../kernel/page/index.js';
import * as user from '../user/index.js';
import type { LogEntryView, RuleChange, RuleInput, RuleView, StatsView, TemplateInput, TemplateView } from './contract.js';
import { MESSAGE_EVENTS, messageEvent } from './events.js';
import { CHANNELS, checkTemplate, type Channel } from './rules.js';
import { messages, rules, templates } from './schema.js';
import { currentTemplates } from './sending.js';

const templateView = (row: typeof templates.$inferSelect): TemplateView => ({
  id: row.id,
  code: row.code,
  channel: row.channel,
  version: row.version,
  category: row.category,
  placeholders: row.placeholders,
  subjectZh: row.subjectZh,
  subjectEn: row.subjectEn,
  bodyZh: row.bodyZh,
  bodyEn: row.bodyEn,
  providerTemplateId: row.providerTemplateId,
  createdAt: row.createdAt.toISOString(),
});

/** the newest version of every template */
export async function listTemplates(ctx: AppContext): Promise<TemplateView[]> {
  const rows = await ctx.database.db.execute(sql`select distinct on (code, channel) id from message.templates order by code, channel, version desc`);
  const ids = (rows as unknown as { rows: Array<{ id: string }> }).rows.map((r) => r.id);
  if (!ids.length) return [];
  const found = await ctx.database.db.select().from(templates).where(sql`${templates.id} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`).orderBy(asc(templates.code), asc(templates.channel));
  return found.map(templateView);
}

export async function templateVersions(ctx: AppContext, code: string): Promise<TemplateView[]> {
  const rows = await ctx.database.db.select().from(templates).where(eq(templates.code, code)).orderBy(asc(templates.channel), desc(templates.version));
  if (!rows.length) throw notFound('message.template_not_found');
  return rows.map(templateView);
}

/**
 * 新建模板 / 新版本 a template of a code and channel, as the next version. Its placeholders must be
 * the ones every other channel of the code declares (a rule's parameters fill them all), and its
 * category theirs.
 */
export async function createTemplate(ctx: AppContext, accountId: string | null, input: TemplateInput): Promise<TemplateView> {
  checkTemplate(input.placeholders, input);
  return transaction(ctx.database.db, async (tx) => {
    // one version number at a time per code and channel
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`message.template:${input.code}:${input.channel}`}))`);
    const others = [...(await currentTemplates(tx, input.code)).values()].filter((t) => t.channel !== input.channel);
    if (others.length) {
      const names = (list: Array<{ name: string; type: string }>) => list.map((p) => `${p.name}:${p.type}`).sort().join(',');
      if (names(others[0].placeholders) !== names(input.placeholders)) throw unprocessable('message.placeholders_differ', { channel: others[0].channel }, 'placeholders');
      if (others[0].category !== input.category) throw unprocessable('message.category_differs', { category: others[0].category }, 'category');
    }
    const [{ latest }] = await tx.select({ latest: max(templates.version) }).from(templates).where(and(eq(templates.code, input.code), eq(templates.channel, input.channel)));
    const [row] = await tx
      .insert(templates)
      .values({ id: newId('mtp'), ...input, providerTemplateId: input.providerTemplateId ?? null, version: (latest ?? 0) + 1, createdBy: accountId })
      .returning();
    return templateView(row);
  });
}

const ruleView = (row: typeof rules.$inferSelect): RuleView => {
  const event = messageEvent(row.event);
  return {
    id: row.id,
    event: row.event,
    eventNameZh: event?.nameZh ?? row.event,
    eventNameEn: event?.nameEn ?? row.event,
    templateCode: row.templateCode,
    channels: row.channels,
    fallback: row.fallback,
    regionPrefix: row.regionPrefix,
    enabled: row.enabled,
    updatedAt: row.updatedAt.toISOString(),
  };
};

export async function listRules(ctx: AppContext): Promise<RuleView[]> {
  return (await ctx.database.db.select().from(rules).orderBy(asc(rules.event), asc(rules.regionPrefix), asc(rules.createdAt))).map(ruleView);
}

/** A rule's template must exist on each of its channels and take the event's parameters. */
async function checkRule(ctx: AppContext, event: string, templateCode: string, channels: Channel[]) {
  const bound = messageEvent(event);
  if (!bound) throw unprocessable('message.event_unknown', { event }, 'event');
  const byChannel = await currentTemplates(ctx.database.db, templateCode);
  if (!byChannel.size) throw unprocessable('message.template_unknown', { code: templateCode }, 'templateCode');
  channels.forEach((channel, i) => {
    const template = byChannel.get(channel);
    if (!template) throw unprocessable('message.channel_no_template', { channel, code: templateCode }, `channels/${i}`);
    const declared = new Set(bound.placeholders.map((p) => p.name));
    const missing = template.placeholders.find((p) => !declared.has(p.name));
    if (missing) throw unprocessable('message.placeholder_not_in_event', { name: missing.name, event }, 'templateCode');
  });
}

export async function createRule(ctx: AppContext, accountId: string, input: RuleInput): Promise<RuleView> {
  await checkRule(ctx, input.event, input.templateCode, input.channels);
  const [row] = await ctx.database.db
    .insert(rules)
    .values({ id: newId('mrl'), event: input.event, templateCode: input.templateCode, channels: input.channels, fallback: input.fallback ?? false, regionPrefix: input.regionPrefix ?? '', enabled: input.enabled ?? true, updatedBy: accountId })
    .returning();
  return ruleView(row);
}

export async function changeRule(ctx: AppContext, accountId: string, id: string, input: RuleChange): Promise<RuleView> {
  const [existing] = await ctx.database.db.select().from(rules).where(eq(rules.id, id));
  if (!existing) throw notFound('message.rule_not_found');
  if (input.channels) await checkRule(ctx, existing.event, existing.templateCode, input.channels);
  const [row] = await ctx.database.db
    .update(rules)
    .set({ ...(input.channels ? { channels: input.channels } : {}), ...(input.fallback !== undefined ? { fallback: input.fallback } : {}), ...(input.enabled !== undefined ? { enabled: input.enabled } : {}), updatedBy: accountId, updatedAt: new Date() })
    .where(eq(rules.id, id))
    .returning();
  return ruleView(row);
}

export const eventViews = () => MESSAGE_EVENTS.map(({ key, nameZh, nameEn, category, urgent, placeholders }) => ({ key, nameZh, nameEn, category, urgent, placeholders }));

const BEIJING_MS = 8 * 3600_000;
/** a Beijing calendar day's first instant */
const dayStart = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - BEIJING_MS);
const nextDay = (day: string) => new Date(dayStart(day).getTime() + 24 * 3600_000);

function scoped(scope: RegionScope, query: { channel?: Channel; status?: string; templateCode?: string; from?: string; to?: string }) {
  return and(
    withinScope(messages.regionCode, scope),
    query.channel ? eq(messages.channel, query.channel) : undefined,
    query.status ? eq(messages.status, query.status as (typeof messages.$inferSelect)['status']) : undefined,
    query.templateCode ? eq(messages.templateCode, query.templateCode) : undefined,
    query.from ? gte(messages.createdAt, dayStart(query.from)) : undefined,
    query.to ? lt(messages.createdAt, nextDay(query.to)) : undefined,
  );
}

/**
 * 消息日志 newest first: masked addresses and names, never the text (it may carry what the person
 * alone should read). A clerk sees the messages of their regions; messages of no region (security
 * alerts to an account) only a national administrator.
 */
export async function messageLog(ctx: AppContext, scope: RegionScope, query: Parameters<typeof scoped>[1] & { page: number; pageSize: number }) {
  if (query.from && query.to && query.from > query.to) throw new DomainError('message.range_reversed', 'invalid', {}, 'from');
  const where = scoped(scope, query);
  const [rows, [{ total }]] = await Promise.all([
    ctx.database.db.select().from(messages).where(where).orderBy(desc(messages.createdAt), desc(messages.id)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    ctx.database.db.select({ total: count() }).from(messages).where(where),
  ]);
  const names = await user.accountNames(ctx, rows.map((r) => r.accountId));
  const items: LogEntryView[] = rows.map((row) => ({
    id: row.id,
    channel: row.channel,
    templateCode: row.templateCode,
    templateVersion: row.templateVersion,
    category: row.category,
    recipient: row.toMasked,
    accountName: names.get(row.accountId) ?? null,
    regionCode: row.regionCode,
    status: row.status,
    attempts: row.attempts,
    failure: row.failure,
    notBefore: row.notBefore.toISOString(),
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
  }));
  return pageOf(items, total, query);
}

const MAX_STATS_DAYS = 92;

/** 发送统计 per Beijing day and channel: handed over (sent), delivered, failed. */
export async function deliveryStats(ctx: AppContext, scope: RegionScope, query: { from: string; to: string }): Promise<StatsView> {
  if (query.from > query.to) throw new DomainError('message.range_reversed', 'invalid', {}, 'from');
  const days: string[] = [];
  for (let t = dayStart(query.from).getTime(); t < nextDay(query.to).getTime(); t += 24 * 3600_000) days.push(new Date(t + BEIJING_MS).toISOString().slice(0, 10));
  if (days.length > MAX_STATS_DAYS) throw new DomainError('message.range_too_long', 'invalid', { max: MAX_STATS_DAYS }, 'to');
  const day = beijingDay(messages.createdAt);
  const rows = await ctx.database.db
    .select({
      day,
      channel: messages.channel,
      sent: sql<number>`count(*) filter (where ${messages.status} not in ('created', 'cancelled'))`,
      delivered: sql<number>`count(*) filter (where ${messages.status} = 'delivered')`,
      failed: sql<number>`count(*) filter (where ${messages.status} in ('temporary-failure', 'permanent-failure', 'technical-failure'))`,
    })
    .from(messages)
    .where(scoped(scope, query))
    .groupBy(day, messages.channel);
  const index = new Map(days.map((d, i) => [d, i]));
  return {
    days,
    channels: CHANNELS.map((channel) => {
      const figures = { channel, sent: days.map(() => 0), delivered: days.map(() => 0), failed: days.map(() => 0) };
      for (const row of rows.filter((r) => r.channel === channel)) {
        const i = index.get(row.day);
        if (i === undefined) continue;
        figures.sent[i] = Number(row.sent);
        figures.delivered[i] = Number(row.delivered);
        figures.failed[i] = Number(row.failed);
      }
      return figures;
    }),
  };
}
