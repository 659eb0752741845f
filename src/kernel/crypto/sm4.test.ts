import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSm4Cipher, parseMasterKey, sm4Decrypt, sm4Encrypt } from './sm4.js';

const KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const cipher = createSm4Cipher(KEY);

/** Decodes field i (1 = iv, 2 = ct, 3 = mac), flips one bit of byte `at`, re-encodes. */
function flip(token: string, field: 1 | 2 | 3, at = 0): string {
  const parts = token.split('.');
  const bytes = Buffer.from(parts[field], 'base64url');
  bytes[at] ^= 0x01;
  parts[field] = bytes.toString('base64url');
  return parts.join('.');
}

describe('sm4 encrypt-then-MAC', () => {
  it('round-trips text and bytes, including empty and multi-block input', () => {
    for (const text of ['', '11010519491231002X', '张三 13812345678', 'x'.repeat(1000)]) {
      expect(cipher.decrypt(cipher.encrypt(text))).toBe(text);
    }
    const bytes = randomBytes(333);
    expect(cipher.decryptBytes(cipher.encrypt(bytes)).equals(bytes)).toBe(true);
    expect(sm4Decrypt(sm4Encrypt('hi', KEY), KEY)).toBe('hi');
  });

  it('produces v1.<iv>.<ct>.<mac> with a 16-byte IV and a 32-byte MAC', () => {
    const [v, iv, ct, mac] = cipher.encrypt('hello').split('.');
    expect(v).toBe('v1');
    expect(Buffer.from(iv, 'base64url')).toHaveLength(16);
    expect(Buffer.from(ct, 'base64url')).toHaveLength(5);
    expect(Buffer.from(mac, 'base64url')).toHaveLength(32);
  });

  it('rejects a flipped byte in the iv, the ciphertext or the mac', () => {
    const token = cipher.encrypt('11010519491231002X');
    for (const field of [1, 2, 3] as const) {
      for (const at of [0, 7]) {
        expect(() => cipher.decrypt(flip(token, field, at))).toThrow(/failed authentication/);
      }
    }
  });

  it('rejects a wrong key, a wrong version, truncation and malformed tokens', () => {
    const token = cipher.encrypt('secret');
    expect(() => createSm4Cipher(randomBytes(32)).decrypt(token)).toThrow(/failed authentication/);
    expect(() => cipher.decrypt(token.replace(/^v1/, 'v2'))).toThrow(/malformed/);
    const [v, iv, ct, mac] = token.split('.');
    expect(() => cipher.decrypt([v, iv, ct.slice(0, -2), mac].join('.'))).toThrow();
    expect(() => cipher.decrypt([v, iv, ct, mac.slice(0, -4)].join('.'))).toThrow(/malformed/);
    expect(() => cipher.decrypt([v, iv, ct].join('.'))).toThrow(/malformed/);
    expect(() => cipher.decrypt([v, iv, ct + '*', mac].join('.'))).toThrow(/malformed/);
    expect(() => cipher.decrypt('')).toThrow(/malformed/);
  });

  it('encrypts the same value differently each time', () => {
    const a = cipher.encrypt('13812345678');
    const b = cipher.encrypt('13812345678');
    expect(a).not.toBe(b);
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
  });

  it('does not contain the plaintext in any common encoding', () => {
    const plain = '11010519491231002X';
    const token = cipher.encrypt(plain);
    const raw = Buffer.concat(token.split('.').slice(1).map((p) => Buffer.from(p, 'base64url')));
    for (const form of [plain, Buffer.from(plain).toString('base64url'), Buffer.from(plain).toString('hex')]) {
      expect(token).not.toContain(form);
    }
    expect(raw.includes(Buffer.from(plain))).toBe(false);
  });

  it('accepts 32-byte keys as hex, base64 or bytes and refuses anything else', () => {
    const bytes = Buffer.from(KEY, 'hex');
    const token = cipher.encrypt('k');
    for (const k of [bytes, bytes.toString('base64'), bytes.toString('base64url'), KEY.toUpperCase()]) {
      expect(createSm4Cipher(k).decrypt(token)).toBe('k');
    }
    expect(parseMasterKey(bytes.toString('base64')).equals(bytes)).toBe(true);
    for (const bad of ['', 'short', KEY.slice(2), randomBytes(16), randomBytes(16).toString('base64')]) {
      expect(() => createSm4Cipher(bad)).toThrow(/32 bytes/);
    }
  });
});
