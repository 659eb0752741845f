/**
 * Fake 短信网关 SMS gateway. Accepts signed sends, keeps every message in a
 * per-phone inbox that tests (and the dev server's users) can read back, and
 * can be told to fail upcoming sends.
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

export interface SmsMessage {
  messageId: string;
  phone: string;
  template: string;
  params: Record<string, string>;
  sentAt: number;
}

export type FakeSmsOptions = FakeServerOptions;

export interface FakeSms extends FakeHandle {
  /** Messages to this phone, newest first (same as GET /v1/sms/inbox). */
  inbox(phone: string): SmsMessage[];
  /** All accepted messages, oldest first. */
  readonly messages: readonly SmsMessage[];
  /** The next n signed sends answer 503 without delivering. */
  failNext(n?: number): void;
}

// Mainland mobile numbers, optionally with +86: what the platform is expected to send.
const PHONE_RE = /^(\+86)?1[3-9]\d{9}$/;

export async function startFakeSms(opts: FakeSmsOptions): Promise<FakeSms> {
  const messages: SmsMessage[] = [];
  let failRemaining = 0;

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
      if (failRemaining > 0) {
        failRemaining -= 1;
        return reply.code(503).send({ code: 'gateway_unavailable', message: 'simulated failure' });
      }
      const message: SmsMessage = { messageId: randomUUID(), phone, template, params, sentAt: Date.now() };
      messages.push(message);
      return { messageId: message.messageId };
    });

    // Test-only: stands in for "look at the handset".
    r.open('GET', '/v1/sms/inbox', (req: FastifyRequest, reply) => {
      const phone = (req.query as Record<string, unknown>).phone;
      if (typeof phone !== 'string' || phone === '') return badRequest(reply, 'phone query parameter is required');
      return { messages: inbox(phone) };
    });
  });

  return {
    ...handle,
    inbox,
    messages,
    failNext: (n = 1) => {
      failRemaining = n;
    },
  };
}

function samePhone(a: string, b: string): boolean {
  return a.replace(/^\+86/, '') === b.trim().replace(/^\+86/, '');
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}
