/**
 * The delivery side shared by the fakes of the message providers (SMS texts, 公众号 template
 * messages, app push): idempotency on the sender's `reference`, the outcome a test chooses per
 * recipient, and the signed delivery receipt (送达回执) POSTed to the send's `callbackUrl` over real
 * HTTP, signed with the party's app id and secret exactly as the platform signs its requests to the
 * party.
 */
import { randomUUID } from 'node:crypto';
import { signRequest } from '../../src/adapters/signing.js';

export type DeliveryStatus = 'delivered' | 'temporary-failure' | 'permanent-failure';

export interface ProviderMessage<T> {
  providerRef: string;
  /** the sender's id of the message: a repeated send of it is the same message */
  reference: string;
  recipient: string;
  content: T;
  callbackUrl?: string;
  /** `sending` until the (simulated) handset, follower or device answers */
  status: 'sending' | DeliveryStatus;
  acceptedAt: number;
  settledAt?: number;
}

/** One POST of a receipt to a callbackUrl, whatever came of it. */
export interface ReceiptAttempt {
  providerRef: string;
  reference: string;
  status: DeliveryStatus;
  url: string;
  /** the callback's HTTP status, null when it could not be reached */
  httpStatus: number | null;
  /** answered 2xx: the fake stops retrying */
  acknowledged: boolean;
  at: number;
}

/** Test controls every message provider fake offers. */
export interface DeliveryControls<T> {
  /** Every accepted send, oldest first, with its current status. */
  readonly sent: readonly ProviderMessage<T>[];
  /** Every receipt POST made, oldest first. */
  readonly receipts: readonly ReceiptAttempt[];
  /**
   * How the next sends to `recipient` end (reported in their receipts): `times` sends, or every
   * later one when omitted; afterwards they are delivered again.
   */
  outcomeFor(recipient: string, status: DeliveryStatus, times?: number): void;
  /** The next n signed sends answer 503 without accepting anything. */
  failNext(n?: number): void;
  /** Resolves with the first acknowledged receipt of `reference` (or rejects after timeoutMs). */
  waitForReceipt(reference: string, timeoutMs?: number): Promise<ReceiptAttempt>;
}

export interface DeliveryBook<T> extends DeliveryControls<T> {
  /**
   * Accepts a send, or recognises a repeated one: a reference still sending, delivered or failed
   * for good answers its first providerRef and is not delivered again; one whose last attempt
   * failed temporarily is a new attempt (a retry).
   */
  accept(input: { recipient: string; reference: string; callbackUrl?: string; content: T }): { message: ProviderMessage<T>; duplicate: boolean };
  /** Whether this send is one of the `failNext` ones (and counts it). */
  failing(): boolean;
  close(): void;
}

/** Gaps between the attempts to POST one receipt, as a gateway retries an unreachable callback. */
const RECEIPT_RETRY_MS = [0, 250, 1_000, 3_000];

export function createDeliveryBook<T>(opts: {
  appId: string;
  secret: string;
  /** how long the recipient takes to "answer" before the receipt is sent */
  receiptDelayMs?: number;
  /** the recipient's identity for outcomes (e.g. +86 and bare mainland numbers are one phone) */
  recipientKey?: (recipient: string) => string;
  /** called when a message reaches its final status, e.g. to put it in the recipient's inbox */
  onSettled?: (message: ProviderMessage<T>) => void;
}): DeliveryBook<T> {
  const keyOf = opts.recipientKey ?? ((r: string) => r);
  const sent: ProviderMessage<T>[] = [];
  /** the latest send of each reference (a gateway indexes its sends; a scan of them all slows a long run) */
  const latestByReference = new Map<string, ProviderMessage<T>>();
  const receipts: ReceiptAttempt[] = [];
  const outcomes = new Map<string, { status: DeliveryStatus; remaining: number }>();
  const timers = new Set<NodeJS.Timeout>();
  const waiters = new Set<{ reference: string; resolve: (r: ReceiptAttempt) => void }>();
  let failRemaining = 0;
  let closed = false;

  const later = (ms: number, run: () => void) => {
    if (closed) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!closed) run();
    }, ms);
    timers.add(timer);
  };

  const nextOutcome = (recipient: string): DeliveryStatus => {
    const key = keyOf(recipient);
    const chosen = outcomes.get(key);
    if (!chosen) return 'delivered';
    chosen.remaining -= 1;
    if (chosen.remaining <= 0) outcomes.delete(key);
    return chosen.status;
  };

  const postReceipt = async (message: ProviderMessage<T>, attempt: number): Promise<void> => {
    const status = message.status as DeliveryStatus;
    const url = new URL(message.callbackUrl!);
    const body = JSON.stringify({ providerRef: message.providerRef, reference: message.reference, status, at: new Date(message.settledAt!).toISOString() });
    const headers = signRequest({ appId: opts.appId, secret: opts.secret, method: 'POST', path: url.pathname + url.search, body });
    let httpStatus: number | null = null;
    try {
      const response = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(10_000) });
      await response.text();
      httpStatus = response.status;
    } catch {
      // unreachable: retried below like a non-2xx answer
    }
    const record: ReceiptAttempt = { providerRef: message.providerRef, reference: message.reference, status, url: url.href, httpStatus, acknowledged: httpStatus !== null && httpStatus >= 200 && httpStatus < 300, at: Date.now() };
    receipts.push(record);
    if (record.acknowledged) {
      for (const waiter of [...waiters]) {
        if (waiter.reference === message.reference) {
          waiters.delete(waiter);
          waiter.resolve(record);
        }
      }
    } else if (attempt + 1 < RECEIPT_RETRY_MS.length) {
      later(RECEIPT_RETRY_MS[attempt + 1], () => void postReceipt(message, attempt + 1));
    }
  };

  return {
    sent,
    receipts,
    accept(input) {
      const previous = latestByReference.get(input.reference);
      if (previous && previous.status !== 'temporary-failure') return { message: previous, duplicate: true };
      const message: ProviderMessage<T> = { ...input, providerRef: randomUUID(), status: 'sending', acceptedAt: Date.now() };
      const outcome = nextOutcome(input.recipient);
      sent.push(message);
      latestByReference.set(input.reference, message);
      later(opts.receiptDelayMs ?? 20, () => {
        message.status = outcome;
        message.settledAt = Date.now();
        opts.onSettled?.(message);
        if (message.callbackUrl) void postReceipt(message, 0);
      });
      return { message, duplicate: false };
    },
    failing() {
      if (failRemaining <= 0) return false;
      failRemaining -= 1;
      return true;
    },
    outcomeFor(recipient, status, times) {
      if (status === 'delivered') outcomes.delete(keyOf(recipient));
      else outcomes.set(keyOf(recipient), { status, remaining: times ?? Infinity });
    },
    failNext(n = 1) {
      failRemaining = n;
    },
    waitForReceipt(reference, timeoutMs = 5_000) {
      const done = receipts.find((r) => r.reference === reference && r.acknowledged);
      if (done) return Promise.resolve(done);
      return new Promise((resolve, reject) => {
        const waiter = {
          reference,
          resolve: (r: ReceiptAttempt) => {
            clearTimeout(timer);
            resolve(r);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no acknowledged receipt of ${reference} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** A callbackUrl must be an absolute http(s) URL: the fakes POST to it. */
export function isCallbackUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export function isStringRecord(v: unknown): v is Record<string, string> {
  return !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
}

/** A fake's handle with the book's controls, closing the book with the server. */
export function withDeliveryControls<T, H extends { close(): Promise<void> }>(handle: H, book: DeliveryBook<T>): H & DeliveryControls<T> {
  return {
    ...handle,
    sent: book.sent,
    receipts: book.receipts,
    outcomeFor: book.outcomeFor,
    failNext: book.failNext,
    waitForReceipt: book.waitForReceipt,
    close: async () => {
      book.close();
      await handle.close();
    },
  };
}
