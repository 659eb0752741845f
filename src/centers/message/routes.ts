/**
 * 消息中心 routes under /api/v1/message: the signed-in account's inbox and preferences, the
 * console's templates, rules, log and figures, a clerk's notice to persons of their region, and the
 * providers' signed delivery receipts.
 */
import { Type } from '@sinclair/typebox';
import { parseSignedReceipt, ReceiptError } from '../../adapters/receipts.js';
import type { AppContext } from '../../kernel/context.js';
import { DomainError, badRequest } from '../../kernel/errors/index.js';
import type { App } from '../../kernel/http/app.js';
import { requireActor } from '../../kernel/http/auth.js';
import { Id, Literals, NoContent, Page, PageQuery } from '../../kernel/http/schemas.js';
import { IdempotencyHeaders, idempotent } from '../../kernel/idempotency/index.js';
import * as auth from '../auth/index.js';
import * as registry from '../registry/index.js';
import * as user from '../user/index.js';
import {
  EventView,
  InboxMessageView,
  LogEntryView,
  LogQuery,
  PreferencesInput,
  PreferencesView,
  ReceiptInput,
  RuleChange,
  RuleInput,
  RuleView,
  SendInput,
  SentView,
  StatsQuery,
  StatsView,
  TemplateInput,
  TemplateView,
  UnreadCount,
} from './contract.js';
import { changeRule, createRule, createTemplate, deliveryStats, eventViews, listRules, listTemplates, messageLog, templateVersions } from './admin.js';
import { inbox, inboxMessage, markAllRead, markRead, unreadCount } from './inbox.js';
import { preferences, setPreferences } from './preferences.js';
import { applyReceipt } from './receipts.js';
import { workerFor } from './runtime.js';
import { sendIn } from './sending.js';

const SIGNED_IN = { user: true } as const;
const READ = { user: true, permission: auth.PERMISSIONS.messageRead } as const;
const MANAGE = { user: true, permission: auth.PERMISSIONS.messageManage } as const;
const IdParams = Type.Object({ id: Id });
const TAGS = ['message'];
/** a receipt's nonce is remembered this long: longer than the signature's allowed clock skew */
const RECEIPT_NONCE_TTL_MS = 15 * 60_000;

export function messageRoutes(app: App, ctx: AppContext) {
  // ------------------------------------------------------------------ inbox (person, unit agent, staff)

  app.get('/inbox', {
    config: { auth: SIGNED_IN },
    schema: {
      tags: TAGS,
      summary: '站内信 my messages, newest first (unread only with unread=true)',
      querystring: Type.Object({ ...PageQuery, unread: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: Page(InboxMessageView) },
    },
  }, async (request) => inbox(ctx, requireActor(request).accountId, request.query));

  app.get('/inbox/unread-count', {
    config: { auth: SIGNED_IN },
    schema: { tags: TAGS, summary: '未读数 how many of my messages are unread (the bell)', response: { 200: UnreadCount } },
  }, async (request) => ({ count: await unreadCount(ctx, requireActor(request).accountId) }));

  app.get('/inbox/:id', {
    config: { auth: SIGNED_IN },
    schema: { tags: TAGS, summary: '一条站内信 one of my messages (another account’s is not found)', params: IdParams, response: { 200: InboxMessageView } },
  }, async (request) => inboxMessage(ctx, requireActor(request).accountId, request.params.id));

  app.post('/inbox/:id/read', {
    config: { auth: SIGNED_IN },
    schema: { tags: TAGS, summary: '标为已读 mark one of my messages read (its SMS / WeChat fallbacks are not sent then)', params: IdParams, response: { 200: InboxMessageView } },
  }, async (request) => markRead(ctx, requireActor(request).accountId, request.params.id));

  app.post('/inbox/read-all', {
    config: { auth: SIGNED_IN },
    schema: { tags: TAGS, summary: '全部已读 mark all my messages read', response: { 200: Type.Object({ read: Type.Integer() }) } },
  }, async (request) => ({ read: await markAllRead(ctx, requireActor(request).accountId) }));

  app.get('/preferences', {
    config: { auth: SIGNED_IN },
    schema: { tags: TAGS, summary: '消息偏好 which categories I receive, and the quiet hours', response: { 200: PreferencesView } },
  }, async (request) => preferences(ctx, requireActor(request).accountId));

  app.put('/preferences', {
    config: { auth: SIGNED_IN },
    schema: { tags: TAGS, summary: '设置消息偏好 switch categories on or off (security alerts stay on)', body: PreferencesInput, response: { 200: PreferencesView } },
  }, async (request) => setPreferences(ctx, requireActor(request).accountId, request.body));

  // ------------------------------------------------------------------------------ console

  app.get('/templates', {
    config: { auth: READ },
    schema: { tags: TAGS, summary: '消息模板 the newest version of every template', response: { 200: Type.Array(TemplateView) } },
  }, async () => listTemplates(ctx));

  app.get('/templates/:code/versions', {
    config: { auth: READ },
    schema: { tags: TAGS, summary: '模板版本 every version of a template code, newest first per channel', params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) }), response: { 200: Type.Array(TemplateView) } },
  }, async (request) => templateVersions(ctx, request.params.code));

  app.post('/templates', {
    config: { auth: MANAGE },
    schema: { tags: TAGS, summary: '新建模板 / 新版本 a template, or the next version of one (placeholders declared with types, each used)', body: TemplateInput, response: { 201: TemplateView } },
  }, async (request, reply) => reply.code(201).send(await createTemplate(ctx, requireActor(request).accountId, request.body)));

  app.get('/events', {
    config: { auth: READ },
    schema: { tags: TAGS, summary: '消息事件 the business events a rule can send on, with the parameters they give', response: { 200: Type.Array(EventView) } },
  }, async () => eventViews());

  app.get('/rules', {
    config: { auth: READ },
    schema: { tags: TAGS, summary: '推送规则', response: { 200: Type.Array(RuleView) } },
  }, async () => listRules(ctx));

  app.post('/rules', {
    config: { auth: MANAGE },
    schema: { tags: TAGS, summary: '新建推送规则 an event sends a template over channels, in a region', body: RuleInput, response: { 201: RuleView } },
  }, async (request, reply) => reply.code(201).send(await createRule(ctx, requireActor(request).accountId, request.body)));

  app.patch('/rules/:id', {
    config: { auth: MANAGE },
    schema: { tags: TAGS, summary: '修改推送规则 channels, fallback, on / off', params: IdParams, body: RuleChange, response: { 200: RuleView } },
  }, async (request) => changeRule(ctx, requireActor(request).accountId, request.params.id, request.body));

  app.get('/log', {
    config: { auth: READ },
    schema: {
      tags: TAGS,
      summary: '消息日志 messages of your regions, newest first, recipients masked',
      querystring: Type.Object({ ...PageQuery, ...LogQuery.properties }, { additionalProperties: false }),
      response: { 200: Page(LogEntryView) },
    },
  }, async (request) => messageLog(ctx, await requireActor(request).scope(), request.query));

  app.get('/stats', {
    config: { auth: READ },
    schema: { tags: TAGS, summary: '发送统计 per day and channel: sent, delivered, failed (your regions)', querystring: StatsQuery, response: { 200: StatsView } },
  }, async (request) => deliveryStats(ctx, await requireActor(request).scope(), request.query));

  app.post('/messages', {
    config: { auth: { user: true, permission: auth.PERMISSIONS.messageSend } },
    schema: {
      tags: TAGS,
      summary: '发送通知 a template to persons of your region (their accounts); Idempotency-Key required',
      headers: IdempotencyHeaders,
      body: SendInput,
      response: { 201: SentView },
    },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const key = request.headers['idempotency-key'];
    if (!key) throw badRequest('message.idempotency_key_required', 'idempotency-key');
    const scope = await actor.scope();
    const body = request.body;
    const answer = await idempotent(
      ctx.database,
      { scope: `message:${actor.accountId}:send`, key, request: body },
      async () => {
        const persons = await registry.getPersons(ctx, body.personIds);
        const accountIds: string[] = [];
        let regionCode: string | null = null;
        for (const [i, id] of body.personIds.entries()) {
          const person = persons.get(id);
          if (!person || !scope.covers(person.regionCode)) throw new DomainError('message.person_not_found', 'unprocessable', { id }, `personIds/${i}`);
          regionCode ??= person.regionCode;
          accountIds.push(...(await user.personAccountIds(ctx, person.idNumber)));
        }
        return { accountIds, regionCode };
      },
      async (tx, { accountIds, regionCode }) => {
        const rows = await sendIn(ctx, tx, { templateCode: body.templateCode, accountIds, params: body.params, idempotencyKey: `api:${actor.accountId}:${key}`, channels: body.channels, fallback: body.fallback, regionCode });
        return { messages: rows.map((r) => ({ id: r.id, channel: r.channel, status: r.status, notBefore: r.notBefore.toISOString() })) };
      },
    );
    workerFor(ctx).kick();
    return reply.code(201).send(answer.result);
  });

  // ------------------------------------------------------------------------------ providers

  const secrets = {
    sms: () => ({ appId: ctx.config.providers.smsAppId, secret: ctx.config.providers.smsSecret }),
    wechat: () => ({ appId: ctx.config.providers.wechatMpAppId, secret: ctx.config.providers.wechatMpSecret }),
    push: () => ({ appId: ctx.config.providers.pushAppId, secret: ctx.config.providers.pushSecret }),
  };
  app.post('/receipts/:channel', {
    config: { auth: { public: true } },
    schema: {
      tags: TAGS,
      summary: '回执 a provider’s delivery receipt: public, but signed with the provider’s key (HMAC-SM3, timestamp and nonce; a replay is refused)',
      params: Type.Object({ channel: Literals(['sms', 'wechat', 'push'] as const) }),
      body: ReceiptInput,
      response: { 204: NoContent },
    },
  }, async (request, reply) => {
    const channel = request.params.channel;
    const receipt = await parseSignedReceipt({
      ...secrets[channel](),
      method: request.method,
      path: request.url,
      headers: request.headers as Record<string, string>,
      rawBody: request.rawBody ?? '',
      nonceSeen: async (appId, nonce) => !(await ctx.cache.setIfAbsent(`message:receipt:${appId}:${nonce}`, '1', RECEIPT_NONCE_TTL_MS)),
    }).catch((error: unknown) => {
      if (!(error instanceof ReceiptError)) throw error;
      throw error.reason === 'invalid_body' ? badRequest('message.receipt_body', error.field) : new DomainError('message.receipt_signature', 'unauthenticated', { reason: error.reason });
    });
    await applyReceipt(ctx, channel, receipt);
    return reply.code(204).send(null);
  });
}
