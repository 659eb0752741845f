/**
 * Request signing (请求签名) shared by every external party and reused by the
 * platform to authenticate its own channel applications (渠道应用).
 *
 * Scheme: HMAC-SM3 (国密 SM3) keyed by the app's secret over
 *   METHOD \n PATH_WITH_QUERY \n TIMESTAMP_MS \n NONCE \n SM3_HEX(body)
 * sent as X-App-Id / X-Timestamp / X-Nonce / X-Signature (lower-case hex).
 *
 * Responses are signed with the same secret over
 *   RESPONSE \n REQUEST_NONCE \n SM3_HEX(body)
 * Binding the response to the request's nonce stops a man in the middle from
 * replaying an older, validly signed response (e.g. a `match: true`) for a
 * different request.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADERS = {
  appId: 'X-App-Id',
  timestamp: 'X-Timestamp',
  nonce: 'X-Nonce',
  signature: 'X-Signature',
} as const;

export const DEFAULT_MAX_SKEW_MS = 300_000;

export type SignedHeaders = {
  'X-App-Id': string;
  'X-Timestamp': string;
  'X-Nonce': string;
  'X-Signature': string;
};

export type Body = string | Uint8Array;

// Values are restricted so that no header can smuggle a '\n' into the
// canonical string and shift the field boundaries.
const NONCE_RE = /^[A-Za-z0-9_-]{8,128}$/;
const TIMESTAMP_RE = /^\d{1,16}$/;
const SIGNATURE_RE = /^[0-9a-fA-F]{64}$/;
const APP_ID_RE = /^[\x21-\x7e]{1,128}$/;

export function sm3Hex(body: Body): string {
  return createHash('sm3').update(body).digest('hex');
}

export function hmacSm3Hex(secret: string, data: string): string {
  return createHmac('sm3', secret).update(data, 'utf8').digest('hex');
}

export function canonicalRequest(input: {
  method: string;
  path: string;
  timestamp: string;
  nonce: string;
  body: Body;
}): string {
  return [input.method.toUpperCase(), input.path, input.timestamp, input.nonce, sm3Hex(input.body)].join('\n');
}

export function canonicalResponse(requestNonce: string, body: Body): string {
  return ['RESPONSE', requestNonce, sm3Hex(body)].join('\n');
}

export function newNonce(): string {
  return randomBytes(16).toString('hex');
}

export function signRequest(input: {
  appId: string;
  secret: string;
  method: string;
  /** Path plus query string exactly as the server will see it in the request line. */
  path: string;
  body?: Body;
  /** Overridable for tests; defaults to Date.now() and a random 128-bit nonce. */
  nowMs?: number;
  nonce?: string;
}): SignedHeaders {
  const timestamp = String(input.nowMs ?? Date.now());
  const nonce = input.nonce ?? newNonce();
  const signature = hmacSm3Hex(
    input.secret,
    canonicalRequest({ method: input.method, path: input.path, timestamp, nonce, body: input.body ?? '' }),
  );
  return { 'X-App-Id': input.appId, 'X-Timestamp': timestamp, 'X-Nonce': nonce, 'X-Signature': signature };
}

export type HeaderBag = Headers | Record<string, string | string[] | undefined>;

/** Case-insensitive single-value header read; repeated headers count as absent (ambiguous). */
export function readHeader(headers: HeaderBag, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') {
    return (headers as Headers).get(name) ?? undefined;
  }
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (key.toLowerCase() === wanted) return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

export type VerifyFailureReason = 'missing' | 'unknown_app' | 'stale' | 'replay' | 'bad_signature';
export type VerifyResult = { ok: true; appId: string } | { ok: false; reason: VerifyFailureReason };

export async function verifySignedRequest(input: {
  headers: HeaderBag;
  method: string;
  path: string;
  body?: Body;
  /** Returns the app's secret, or undefined for unknown / disabled apps. */
  lookupSecret: (appId: string) => Promise<string | undefined> | string | undefined;
  /** Atomic check-and-record: true if (appId, nonce) was already seen. */
  nonceSeen: (appId: string, nonce: string) => Promise<boolean> | boolean;
  nowMs?: number;
  maxSkewMs?: number;
}): Promise<VerifyResult> {
  const appId = readHeader(input.headers, SIGNATURE_HEADERS.appId);
  const timestamp = readHeader(input.headers, SIGNATURE_HEADERS.timestamp);
  const nonce = readHeader(input.headers, SIGNATURE_HEADERS.nonce);
  const signature = readHeader(input.headers, SIGNATURE_HEADERS.signature);
  // Malformed values are reported as 'missing': there is no usable credential.
  if (
    !appId || !APP_ID_RE.test(appId) ||
    !timestamp || !TIMESTAMP_RE.test(timestamp) ||
    !nonce || !NONCE_RE.test(nonce) ||
    !signature || !SIGNATURE_RE.test(signature)
  ) {
    return { ok: false, reason: 'missing' };
  }

  // Freshness first: it is free, and spares the secret store from junk traffic.
  const nowMs = input.nowMs ?? Date.now();
  const maxSkewMs = input.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  if (Math.abs(nowMs - Number(timestamp)) > maxSkewMs) return { ok: false, reason: 'stale' };

  const secret = await input.lookupSecret(appId);
  if (!secret) return { ok: false, reason: 'unknown_app' };

  const expected = hmacSm3Hex(
    secret,
    canonicalRequest({ method: input.method, path: input.path, timestamp, nonce, body: input.body ?? '' }),
  );
  if (!hexEqual(expected, signature)) return { ok: false, reason: 'bad_signature' };

  // Only record the nonce once the signature is proven, so forged requests
  // cannot burn nonces that a legitimate client is about to use.
  if (await input.nonceSeen(appId, nonce)) return { ok: false, reason: 'replay' };
  return { ok: true, appId };
}

export function signResponse(input: { secret: string; requestNonce: string; body: Body }): string {
  return hmacSm3Hex(input.secret, canonicalResponse(input.requestNonce, input.body));
}

export function verifyResponseSignature(input: {
  secret: string;
  requestNonce: string;
  body: Body;
  signature: string | null | undefined;
}): boolean {
  if (!input.signature || !SIGNATURE_RE.test(input.signature)) return false;
  return hexEqual(signResponse(input), input.signature);
}

function hexEqual(expectedHex: string, givenHex: string): boolean {
  const a = Buffer.from(expectedHex, 'hex');
  const b = Buffer.from(givenHex.toLowerCase(), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Single-process nonce store for fakes, tests and single-node dev. Entries are
 * kept for twice the allowed skew: anything older is rejected as stale anyway.
 * Production with several nodes needs a shared store (e.g. Redis SET NX PX).
 */
export function createMemoryNonceStore(opts: { ttlMs?: number; now?: () => number } = {}): {
  nonceSeen: (appId: string, nonce: string) => boolean;
  size: () => number;
} {
  const ttlMs = opts.ttlMs ?? DEFAULT_MAX_SKEW_MS * 2;
  const now = opts.now ?? Date.now;
  const seen = new Map<string, number>(); // key -> expiry; Map keeps insertion order
  const prune = (t: number): void => {
    for (const [key, expiry] of seen) {
      if (expiry > t) break; // insertion order == expiry order (constant ttl)
      seen.delete(key);
    }
  };
  return {
    nonceSeen(appId, nonce) {
      const t = now();
      prune(t);
      const key = `${appId}\n${nonce}`;
      if (seen.has(key)) return true;
      seen.set(key, t + ttlMs);
      return false;
    },
    size: () => seen.size,
  };
}
