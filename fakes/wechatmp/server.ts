/**
 * Fake 微信公众号 WeChat official account (MP) platform, its 模板消息 template-message API: signed
 * sends to a follower's openId, idempotent on the sender's reference, with a signed delivery receipt
 * POSTed to the send's callbackUrl (as the MP platform reports TEMPLATESENDJOBFINISH). Keeps what
 * reached each follower in an inbox tests and the dev server's users can read back.
 */
import type { FastifyRequest } from 'fastify';
import { badRequest, field, startFakeServer, stringField, type FakeHandle, type FakeServerOptions } from '../shared/fake-server.js';
import { createDeliveryBook, withDeliveryControls, isCallbackUrl, isStringRecord, type DeliveryControls } from '../shared/delivery.js';

export interface WechatMpMessage {
  providerRef: string;
  reference: string;
  openId: string;
  templateId: string;
  data: Record<string, string>;
  deliveredAt: number;
}

export interface FakeWechatMpOptions extends FakeServerOptions {
  /** how long the follower's WeChat takes to receive before the receipt is sent; defaults to 20 ms */
  receiptDelayMs?: number;
}

type Content = { templateId: string; data: Record<string, string> };

export interface FakeWechatMp extends FakeHandle, DeliveryControls<Content> {
  /** Template messages that reached this follower, newest first (same as GET /v1/wechatmp/inbox). */
  inbox(openId: string): WechatMpMessage[];
  /** This openId stops following the account: sends to it answer 400 `user_not_followed` (a permanent failure). */
  unfollow(openId: string): void;
}

// openIds are opaque per-account ids; the real ones are 28 characters of this alphabet.
const OPEN_ID_RE = /^[A-Za-z0-9_-]{6,64}$/;

export async function startFakeWechatMp(opts: FakeWechatMpOptions): Promise<FakeWechatMp> {
  const delivered: WechatMpMessage[] = [];
  const unfollowed = new Set<string>();
  const book = createDeliveryBook<Content>({
    appId: opts.appId,
    secret: opts.secret,
    receiptDelayMs: opts.receiptDelayMs,
    onSettled: (m) => {
      if (m.status === 'delivered') delivered.push({ providerRef: m.providerRef, reference: m.reference, openId: m.recipient, ...m.content, deliveredAt: m.settledAt! });
    },
  });
  const inbox = (openId: string) => delivered.filter((m) => m.openId === openId).reverse();

  const handle = await startFakeServer(opts, (r) => {
    r.signed('POST', '/v1/wechatmp/messages', (_req, reply, body) => {
      const openId = stringField(body, 'openId');
      const templateId = stringField(body, 'templateId');
      const data = field(body, 'data');
      const reference = stringField(body, 'reference');
      const callbackUrl = field(body, 'callbackUrl');
      if (!openId || !OPEN_ID_RE.test(openId)) return badRequest(reply, 'openId is not an openId of this account', 'invalid_openid');
      if (!templateId) return badRequest(reply, 'templateId is required', 'invalid_template');
      if (!isStringRecord(data)) return badRequest(reply, 'data must map the template keywords to strings', 'invalid_data');
      if (!reference || reference.length > 128) return badRequest(reply, 'reference is required, at most 128 characters', 'invalid_reference');
      if (callbackUrl !== undefined && !isCallbackUrl(callbackUrl)) return badRequest(reply, 'callbackUrl must be an http(s) URL', 'invalid_callback_url');
      // 43004 require subscribe: the person no longer follows the account.
      if (unfollowed.has(openId)) return badRequest(reply, 'the user does not follow this account', 'user_not_followed');
      if (book.failing()) return reply.code(503).send({ code: 'system_busy', message: 'simulated failure' });
      const { message } = book.accept({ recipient: openId, reference, callbackUrl, content: { templateId, data } });
      return { providerRef: message.providerRef };
    });

    // Test-only: stands in for "look at the follower's WeChat".
    r.open('GET', '/v1/wechatmp/inbox', (req: FastifyRequest, reply) => {
      const openId = (req.query as Record<string, unknown>).openId;
      if (typeof openId !== 'string' || openId === '') return badRequest(reply, 'openId query parameter is required');
      return { messages: inbox(openId) };
    });
  });

  return {
    ...withDeliveryControls(handle, book),
    inbox,
    unfollow: (openId) => void unfollowed.add(openId),
  };
}
