import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** SM3 杂凑 digest (GB/T 32905), computed by Node's OpenSSL. */
export function sm3(data: string | Uint8Array): Buffer {
  return createHash('sm3').update(data).digest();
}

export function sm3Hex(data: string | Uint8Array): string {
  return createHash('sm3').update(data).digest('hex');
}

/** HMAC-SM3 消息认证码 (RFC 2104 construction over SM3). String keys are used as UTF-8 bytes. */
export function hmacSm3(key: Uint8Array | string, data: string | Uint8Array): Buffer {
  return createHmac('sm3', key).update(data).digest();
}

export function hmacSm3Hex(key: Uint8Array | string, data: string | Uint8Array): string {
  return createHmac('sm3', key).update(data).digest('hex');
}

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/**
 * Constant-time comparison of two hex strings (case-insensitive). Returns false, never throws,
 * on different lengths or non-hex input; only the length is allowed to leak through timing.
 */
export function timingSafeEqualHex(a: string, b: string): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || a.length !== b.length) return false;
  if (!HEX.test(a) || !HEX.test(b)) return false;
  return timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}
