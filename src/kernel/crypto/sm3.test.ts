import { describe, expect, it } from 'vitest';
import { sm3 as nobleSm3 } from 'sm-crypto-v2';
import { hmacSm3, hmacSm3Hex, sm3Hex, timingSafeEqualHex } from './sm3.js';

describe('sm3', () => {
  it('matches the GB/T 32905 test vectors', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3Hex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
    expect(sm3Hex(Buffer.from('abc'))).toBe(sm3Hex('abc'));
  });

  it('HMAC-SM3 matches OpenSSL and the independent sm-crypto-v2 implementation', () => {
    // RFC 2104/4231 "Jefe" inputs; expected value from `openssl dgst -sm3 -hmac Jefe`
    const msg = 'what do ya want for nothing?';
    expect(hmacSm3Hex('Jefe', msg)).toBe('2e87f1d16862e6d964b50a5200bf2b10b764faa9680a296a2405f24bec39f882');
    const key = Buffer.alloc(100, 0xa5); // longer than the 64-byte block: exercises key hashing
    const data = Buffer.from('客户端 payload ✓');
    expect(hmacSm3Hex(key, data)).toBe(nobleSm3(data, { key: new Uint8Array(key) }));
    expect(hmacSm3(key, data).toString('hex')).toBe(hmacSm3Hex(key, data));
    expect(hmacSm3Hex('k1', 'x')).not.toBe(hmacSm3Hex('k2', 'x'));
  });

  it('timingSafeEqualHex compares exactly and never throws', () => {
    expect(timingSafeEqualHex('00ff', '00FF')).toBe(true);
    expect(timingSafeEqualHex('00ff', '00fe')).toBe(false);
    expect(timingSafeEqualHex('00ff', '00ff00')).toBe(false);
    expect(timingSafeEqualHex('', '')).toBe(true);
    // Buffer.from(hex) stops at the first bad character; these must not compare equal to "00"
    expect(timingSafeEqualHex('00zz', '00yy')).toBe(false);
    expect(timingSafeEqualHex('0', '0')).toBe(false);
    expect(timingSafeEqualHex(undefined as unknown as string, 'ab')).toBe(false);
  });
});
