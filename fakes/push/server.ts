/**
 * Fake app push (推送) service: signed sends to an account's devices, idempotent on the sender's
 * reference, with a signed delivery receipt POSTed to the send's callbackUrl. Keeps what reached
 * each account's devices in an inbox tests and the dev server's users can read back.
 */
import type { FastifyRequest } from 'fastify';
import { badRequest, field, startFakeServer, stringField, type FakeHandle, type FakeServerOptions } from '../shared/fake-server.js';
import { createDeliveryBook, withDeliveryControls, isCallbackUrl, type DeliveryControls } from '../shared/delivery.js';

export interface PushMessage {
  providerRef: string;
  reference: string;
  accountId: string;
  title: string;
  body: string;
  deliveredAt: number;
}

export interface FakePushOptions extends FakeServerOptions {
  /** how long the device takes to receive before the receipt is sent; defaults to 20 ms */
  receiptDelayMs?: number;
}

type Content = { title: string; body: string };

export interface FakePush extends FakeHandle, DeliveryControls<Content> {
  /** Pushes that reached this account's devices, newest first (same as GET /v1/push/inbox). */
  inbox(accountId: string): PushMessage[];
  /** The account's devices are gone (app uninstalled): sends answer 400 `no_device` (a permanent failure). */
  unregister(accountId: string): void;
}

const ACCOUNT_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
/** what a notification shows; longer ones are cut by the devices anyway */
const MAX_TITLE = 100;
const MAX_BODY = 1_000;

export async function startFakePush(opts: FakePushOptions): Promise<FakePush> {
  const delivered: PushMessage[] = [];
  const unregistered = new Set<string>();
  const book = createDeliveryBook<Content>({
    appId: opts.appId,
    secret: opts.secret,
    receiptDelayMs: opts.receiptDelayMs,
    onSettled: (m) => {
      if (m.status === 'delivered') delivered.push({ providerRef: m.providerRef, reference: m.reference, accountId: m.recipient, ...m.content, deliveredAt: m.settledAt! });
    },
  });
  const inbox = (accountId: string) => delivered.filter((m) => m.accountId === accountId).reverse();

  const handle = await startFakeServer(opts, (r) => {
    r.signed('POST', '/v1/push/messages', (_req, reply, body) => {
      const accountId = stringField(body, 'accountId');
      const title = stringField(body, 'title');
      const text = stringField(body, 'body');
      const reference = stringField(body, 'reference');
      const callbackUrl = field(body, 'callbackUrl');
      if (!accountId || !ACCOUNT_ID_RE.test(accountId)) return badRequest(reply, 'accountId is not a registered account id', 'invalid_account');
      if (!title || title.length > MAX_TITLE) return badRequest(reply, `title is required, at most ${MAX_TITLE} characters`, 'invalid_title');
      if (!text || text.length > MAX_BODY) return badRequest(reply, `body is required, at most ${MAX_BODY} characters`, 'invalid_body');
      if (!reference || reference.length > 128) return badRequest(reply, 'reference is required, at most 128 characters', 'invalid_reference');
      if (callbackUrl !== undefined && !isCallbackUrl(callbackUrl)) return badRequest(reply, 'callbackUrl must be an http(s) URL', 'invalid_callback_url');
      if (unregistered.has(accountId)) return badRequest(reply, 'the account has no registered device', 'no_device');
      if (book.failing()) return reply.code(503).send({ code: 'service_unavailable', message: 'simulated failure' });
      const { message } = book.accept({ recipient: accountId, reference, callbackUrl, content: { title, body: text } });
      return { providerRef: message.providerRef };
    });

    // Test-only: stands in for "look at the phone's notifications".
    r.open('GET', '/v1/push/inbox', (req: FastifyRequest, reply) => {
      const accountId = (req.query as Record<string, unknown>).accountId;
      if (typeof accountId !== 'string' || accountId === '') return badRequest(reply, 'accountId query parameter is required');
      return { messages: inbox(accountId) };
    });
  });

  return {
    ...withDeliveryControls(handle, book),
    inbox,
    unregister: (accountId) => void unregistered.add(accountId),
  };
}
