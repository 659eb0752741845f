import { describe, expect, it } from 'vitest';
import { hmacSm3Hex, sm3Hex } from '../crypto/index.js';
import { requestHash, secretDigest } from './index.js';

const config = (blindIndex: string) => ({ keys: { blindIndex } }) as Parameters<typeof secretDigest>[0];
const A = config('11'.repeat(32));
const B = config('22'.repeat(32));

describe('secretDigest (a secret in an idempotent request)', () => {
  it('tells two secrets apart, the same secret alike', () => {
    expect(secretDigest(A, '258147')).toBe(secretDigest(A, '258147'));
    expect(secretDigest(A, '258147')).not.toBe(secretDigest(A, '258146'));
    expect(requestHash({ id: 'pay_1', password: secretDigest(A, '258147') })).not.toBe(requestHash({ id: 'pay_1', password: secretDigest(A, '258146') }));
  });

  it('needs the key: not the plain SM3, not another key’s digest, not the blind-index key used directly', () => {
    const digest = secretDigest(A, '258147');
    expect(digest).not.toBe(sm3Hex('258147'));
    expect(digest).not.toBe(secretDigest(B, '258147'));
    expect(digest).not.toBe(hmacSm3Hex(Buffer.from('11'.repeat(32), 'hex'), '258147'));
    expect(digest).not.toContain('258147');
  });
});
