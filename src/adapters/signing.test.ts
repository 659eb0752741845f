import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createMemoryNonceStore,
  signRequest,
  signResponse,
  verifyResponseSignature,
  verifySignedRequest,
} from './signing.js';

const appId = 'channel-app';
const secret = 's3cret-key';
const now = 1_700_000_000_000;

function verify(
  headers: Record<string, string> | Headers,
  overrides: Partial<{ method: string; path: string; body: string; nowMs: number }> = {},
  nonceSeen = createMemoryNonceStore().nonceSeen,
) {
  return verifySignedRequest({
    headers,
    method: overrides.method ?? 'POST',
    path: overrides.path ?? '/v1/x?a=1',
    body: overrides.body ?? '{"k":"v"}',
    lookupSecret: async (id) => (id === appId ? secret : undefined),
    nonceSeen: async (id, n) => nonceSeen(id, n),
    nowMs: overrides.nowMs ?? now,
  });
}

const sign = (extra: Partial<{ nowMs: number; nonce: string; body: string }> = {}) =>
  signRequest({ appId, secret, method: 'POST', path: '/v1/x?a=1', body: '{"k":"v"}', nowMs: now, ...extra });

describe('signRequest', () => {
  it('is HMAC-SM3 over METHOD\\nPATH\\nTIMESTAMP\\nNONCE\\nSM3_HEX(body)', () => {
    const h = signRequest({ appId, secret, method: 'post', path: '/v1/x?a=1', body: '{"k":"v"}', nowMs: now, nonce: 'abcdef0123456789' });
    const bodyHash = createHash('sm3').update('{"k":"v"}').digest('hex');
    const canonical = `POST\n/v1/x?a=1\n${now}\nabcdef0123456789\n${bodyHash}`;
    expect(h).toEqual({
      'X-App-Id': appId,
      'X-Timestamp': String(now),
      'X-Nonce': 'abcdef0123456789',
      'X-Signature': createHmac('sm3', secret).update(canonical).digest('hex'),
    });
  });

  it('uses a fresh nonce per call', () => {
    expect(sign()['X-Nonce']).not.toBe(sign()['X-Nonce']);
  });
});

describe('verifySignedRequest', () => {
  it('accepts a valid request, with headers in any case or as a Headers object', async () => {
    const h = sign();
    expect(await verify(h)).toEqual({ ok: true, appId });
    const lower = Object.fromEntries(Object.entries(sign()).map(([k, v]) => [k.toLowerCase(), v]));
    expect(await verify(lower)).toEqual({ ok: true, appId });
    expect(await verify(new Headers(sign()))).toEqual({ ok: true, appId });
  });

  it('reports missing or malformed headers as missing', async () => {
    const { 'X-Signature': _omit, ...noSig } = sign();
    expect(await verify(noSig)).toEqual({ ok: false, reason: 'missing' });
    expect(await verify({ ...sign(), 'X-Nonce': 'bad\nnonce-value' })).toEqual({ ok: false, reason: 'missing' });
    expect(await verify({ ...sign(), 'X-Timestamp': 'soon' })).toEqual({ ok: false, reason: 'missing' });
  });

  it('rejects unknown apps', async () => {
    expect(await verify({ ...sign(), 'X-App-Id': 'someone-else' })).toEqual({ ok: false, reason: 'unknown_app' });
  });

  it('rejects timestamps outside the skew window either way', async () => {
    expect(await verify(sign(), { nowMs: now + 300_001 })).toEqual({ ok: false, reason: 'stale' });
    expect(await verify(sign(), { nowMs: now - 300_001 })).toEqual({ ok: false, reason: 'stale' });
    expect(await verify(sign(), { nowMs: now + 300_000 })).toEqual({ ok: true, appId });
  });

  it('rejects any change to method, path, body or timestamp', async () => {
    const h = sign();
    expect(await verify(h, { method: 'GET' })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await verify(h, { path: '/v1/x?a=2' })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await verify(h, { body: '{"k":"w"}' })).toEqual({ ok: false, reason: 'bad_signature' });
    expect(await verify({ ...h, 'X-Timestamp': String(now + 1) })).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('rejects a replayed nonce, but only records nonces of correctly signed requests', async () => {
    const store = createMemoryNonceStore({ now: () => now });
    const h = sign({ nonce: 'nonce-0001' });
    expect(await verify({ ...h, 'X-Signature': '0'.repeat(64) }, {}, store.nonceSeen)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(await verify(h, {}, store.nonceSeen)).toEqual({ ok: true, appId });
    expect(await verify(h, {}, store.nonceSeen)).toEqual({ ok: false, reason: 'replay' });
  });
});

describe('createMemoryNonceStore', () => {
  it('forgets nonces after the ttl', () => {
    let t = 0;
    const store = createMemoryNonceStore({ ttlMs: 1000, now: () => t });
    expect(store.nonceSeen('a', 'n1')).toBe(false);
    expect(store.nonceSeen('a', 'n1')).toBe(true);
    expect(store.nonceSeen('b', 'n1')).toBe(false); // per app
    t = 1001;
    expect(store.nonceSeen('c', 'n2')).toBe(false);
    expect(store.size()).toBe(1);
  });
});

describe('response signatures', () => {
  it('bind the body to the request nonce', () => {
    const signature = signResponse({ secret, requestNonce: 'nonce-0001', body: '{"match":false}' });
    expect(verifyResponseSignature({ secret, requestNonce: 'nonce-0001', body: '{"match":false}', signature })).toBe(true);
    expect(verifyResponseSignature({ secret, requestNonce: 'nonce-0001', body: '{"match":true}', signature })).toBe(false);
    expect(verifyResponseSignature({ secret, requestNonce: 'nonce-0002', body: '{"match":false}', signature })).toBe(false);
    expect(verifyResponseSignature({ secret: 'other', requestNonce: 'nonce-0001', body: '{"match":false}', signature })).toBe(false);
    expect(verifyResponseSignature({ secret, requestNonce: 'nonce-0001', body: '{"match":false}', signature: null })).toBe(false);
  });
});
