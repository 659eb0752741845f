/**
 * Fake 短信网关 SMS gateway. Accepts signed sends (templated codes, and the message center's plain
 * texts with their signed delivery receipts), keeps every message that reached a handset in a
 * per-phone inbox that tests (and the dev server's users) can read back, and can be told to fail
 * upcoming sends or how texts to a phone end.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import {
  badRequest,
  field,
  startFakeServer,
  stringField,
  type FakeHandle,
  type FakeServerOptions,
} from '../shared/fake-server.js';
import { createDeliveryBook, withDeliveryControls, isCallbackUrl, isStringRecord, type DeliveryControls } from '../shared/delivery.js';

export interface SmsMessage {
  messageId: string;
  phone: string;
  /** the template of a templated message; '' for a plain text */
  template: string;
  params: Record<string, string>;
  /** a plain text's content (the message center's texts) */
  text?: string;
  /** the sender's reference of a plain text */
  reference?: string;
  sentAt: number;
}

export interface FakeSmsOptions extends FakeServerOptions {
  /** how long a text takes to reach the handset before its receipt is sent; defaults to 20 ms */
  receiptDelayMs?: number;
}

export interface FakeSms extends FakeHandle, DeliveryControls<{ text: string }> {
  /** Messages that reached this phone, newest first (same as GET /v1/sms/inbox). */
  inbox(phone: string): SmsMessage[];
  /** All messages that reached a handset, oldest first (texts once delivered). */
  readonly messages: readonly SmsMessage[];
}

// Mainland mobile numbers, optionally with +86: what the platform is expected to send.
const PHONE_RE = /^(\+86)?1[3-9]\d{9}$/;
/** A long text goes out as several concatenated parts (长短信); gateways cap the whole. */
const MAX_TEXT = 500;

export async function startFakeSms(opts: FakeSmsOptions): Promise<FakeSms> {
  const messages: SmsMessage[] = [];
  const book = createDeliveryBook<{ text: string }>({
    appId: opts.appId,
    secret: opts.secret,
    receiptDelayMs: opts.receiptDelayMs,
    recipientKey: (phone) => phone.trim().replace(/^\+86/, ''),
    onSettled: (m) => {
      if (m.status === 'delivered') {
        messages.push({ messageId: m.providerRef, phone: m.recipient, template: '', params: {}, text: m.content.text, reference: m.reference, sentAt: m.settledAt! });
      }
    },
  });

  const inbox = (phone: string): SmsMessage[] =>
    messages.filter((m) => samePhone(m.phone, phone)).reverse();

  const handle = await startFakeServer(opts, (r) => {
    r.signed('POST', '/v1/sms/send', (_req, reply, body) => {
      const phone = stringField(body, 'phone');
      const template = stringField(body, 'template');
      const params = field(body, 'params') ?? {};
      if (!phone || !PHONE_RE.test(phone)) return badRequest(reply, 'phone must be a mainland mobile number', 'invalid_phone');
      if (!template) return badRequest(reply, 'template is required');
      if (!isStringRecord(params)) return badRequest(reply, 'params must map names to strings');
      if (book.failing()) return reply.code(503).send({ code: 'gateway_unavailable', message: 'simulated failure' });
      const message: SmsMessage = { messageId: randomUUID(), phone, template, params, sentAt: Date.now() };
      messages.push(message);
      return { messageId: message.messageId };
    });

    // A plain text (the message center's): idempotent on reference, its receipt POSTed to callbackUrl.
    r.signed('POST', '/v1/sms/messages', (_req, reply, body) => {
      const phone = stringField(body, 'phone');
      const text = stringField(body, 'text');
      const reference = stringField(body, 'reference');
      const callbackUrl = field(body, 'callbackUrl');
      if (!phone || !PHONE_RE.test(phone)) return badRequest(reply, 'phone must be a mainland mobile number', 'invalid_phone');
      if (!text || text.length > MAX_TEXT) return badRequest(reply, `text is required, at most ${MAX_TEXT} characters`, 'invalid_text');
      if (!reference || reference.length > 128) return badRequest(reply, 'reference is required, at most 128 characters', 'invalid_reference');
      if (callbackUrl !== undefined && !isCallbackUrl(callbackUrl)) return badRequest(reply, 'callbackUrl must be an http(s) URL', 'invalid_callback_url');
      if (book.failing()) return reply.code(503).send({ code: 'gateway_unavailable', message: 'simulated failure' });
      const { message } = book.accept({ recipient: phone, reference, callbackUrl, content: { text } });
      return { providerRef: message.providerRef };
    });

    // Test-only: stands in for "look at the handset".
    r.open('GET', '/v1/sms/inbox', (req: FastifyRequest, reply) => {
      const phone = (req.query as Record<string, unknown>).phone;
      if (typeof phone !== 'string' || phone === '') return badRequest(reply, 'phone query parameter is required');
      return { messages: inbox(phone) };
    });
  });

  return {
    ...withDeliveryControls(handle, book),
    inbox,
    messages,
  };
}

function samePhone(a: string, b: string): boolean {
  return a.replace(/^\+86/, '') === b.trim().replace(/^\+86/, '');
}
