import { createCipheriv, createDecipheriv, randomBytes, timingSafeEqual } from 'node:crypto';
import { hmacSm3 } from './sm3.js';

/**
 * SM4 对称加密 authenticated encryption (GB/T 32907), encrypt-then-MAC:
 *
 *   encKey = HMAC-SM3(masterKey, "yibao/sm4/enc/v1")[0..16)   (SM4 keys are 128-bit)
 *   macKey = HMAC-SM3(masterKey, "yibao/sm4/mac/v1")            (32 bytes)
 *   ct     = SM4-CTR(encKey, iv = 16 random bytes, plaintext)
 *   mac    = HMAC-SM3(macKey, 0x01 || iv || ct)                 (32 bytes, not truncated)
 *   token  = "v1." + b64url(iv) + "." + b64url(ct) + "." + b64url(mac)
 *
 * Node's OpenSSL has no sm4-gcm, hence the composition. The version byte is inside the MAC so a
 * future format cannot be confused with this one. The ciphertext length equals the plaintext
 * length (CTR, no padding), which therefore leaks; pad before encrypting if that matters.
 */

const VERSION = 0x01;
const PREFIX = 'v1';
const IV_BYTES = 16;
const MAC_BYTES = 32;
const B64URL = /^[A-Za-z0-9_-]*$/;

/** 主密钥 master key: exactly 32 bytes, as hex (64 chars), base64/base64url, or raw bytes. */
export type MasterKey = string | Uint8Array;

export function parseMasterKey(key: MasterKey, name = 'master key'): Buffer {
  let bytes: Buffer;
  if (typeof key !== 'string') bytes = Buffer.from(key);
  else if (/^[0-9a-fA-F]{64}$/.test(key)) bytes = Buffer.from(key, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(key)) bytes = Buffer.from(key, 'base64');
  else throw new Error(`${name} must be 32 bytes given as 64 hex characters or base64`);
  if (bytes.length !== 32) throw new Error(`${name} must be 32 bytes, got ${bytes.length}`);
  return bytes;
}

export interface Sm4Cipher {
  encrypt(plaintext: string | Uint8Array): string;
  /** Verifies the MAC, then decrypts and returns UTF-8 text. Throws on any tampering or a wrong key. */
  decrypt(token: string): string;
  decryptBytes(token: string): Buffer;
}

/** Derives the two sub-keys once; prefer this over sm4Encrypt/sm4Decrypt on hot paths. */
export function createSm4Cipher(masterKey: MasterKey): Sm4Cipher {
  const master = parseMasterKey(masterKey);
  const encKey = hmacSm3(master, 'yibao/sm4/enc/v1').subarray(0, 16);
  const macKey = hmacSm3(master, 'yibao/sm4/mac/v1');
  const macOf = (iv: Buffer, ct: Buffer) => hmacSm3(macKey, Buffer.concat([Buffer.of(VERSION), iv, ct]));

  function decryptBytes(token: string): Buffer {
    const parts = typeof token === 'string' ? token.split('.') : [];
    if (parts.length !== 4 || parts[0] !== PREFIX) throw new Error('SM4 token is malformed (expected v1.<iv>.<ct>.<mac>)');
    const [iv, ct, mac] = parts.slice(1).map(decodeB64url);
    if (!iv || !ct || !mac || iv.length !== IV_BYTES || mac.length !== MAC_BYTES) {
      throw new Error('SM4 token is malformed (bad base64url or field length)');
    }
    if (!timingSafeEqual(mac, macOf(iv, ct))) {
      throw new Error('SM4 token failed authentication: it was tampered with or the key is wrong');
    }
    const decipher = createDecipheriv('sm4-ctr', encKey, iv);
    return Buffer.concat([decipher.update(ct), decipher.final()]);
  }

  return {
    encrypt(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('sm4-ctr', encKey, iv);
      const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return [PREFIX, iv, ct, macOf(iv, ct)].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    decrypt: (token) => decryptBytes(token).toString('utf8'),
    decryptBytes,
  };
}

export function sm4Encrypt(plaintext: string | Uint8Array, masterKey: MasterKey): string {
  return createSm4Cipher(masterKey).encrypt(plaintext);
}

export function sm4Decrypt(token: string, masterKey: MasterKey): string {
  return createSm4Cipher(masterKey).decrypt(token);
}

/** Strict base64url: Node's decoder silently skips invalid characters, so also require a canonical round trip. */
function decodeB64url(s: string): Buffer | undefined {
  if (!B64URL.test(s)) return undefined;
  const bytes = Buffer.from(s, 'base64url');
  return bytes.toString('base64url') === s ? bytes : undefined;
}
