import { sm2 } from 'sm-crypto-v2';
import { sm3 } from './sm3.js';

/**
 * SM2 数字签名 signatures (GB/T 32918.2, GM/T 0009) over the sm-crypto-v2 curve arithmetic.
 *
 * The signed digest is e = SM3(Z || M), Z = SM3(ENTL || userId || a || b || xG || yG || xA || yA),
 * with the standard default signer id (区分标识 distinguishing id) "1234567812345678".
 * We compute e ourselves (Z from the library, SM3 of the message natively) and hand the library
 * only the digest: native SM3 is much faster on long messages, and Z can be cached per key.
 *
 * Signature format: hex of the DER encoding of SEQUENCE { r INTEGER, s INTEGER } — the GM/T 0009
 * SM2Signature structure, byte-for-byte what `openssl dgst -sm3 -sign` writes. Verification
 * accepts only this canonical DER (no BER variants, no trailing bytes) with 1 <= r, s < n.
 */

export const SM2_DEFAULT_USER_ID = '1234567812345678';

/** Curve order n of the SM2 recommended curve. */
const N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');

export interface Sm2KeyPair {
  /** uncompressed point, hex: "04" || x || y (130 chars) */
  publicKey: string;
  /** scalar d, hex (64 chars) */
  privateKey: string;
}

export interface Sm2Options {
  /** 用户标识 signer id; defaults to "1234567812345678". Both sides must use the same one. */
  userId?: string;
}

/** A public key decoded once, with the library's precomputed multiplication table (see prepareSm2PublicKey). */
export interface PreparedSm2PublicKey {
  readonly publicKey: string;
  readonly point: ReturnType<typeof sm2.precomputePublicKey>;
  readonly zCache: Map<string, Uint8Array>;
}

export function generateSm2KeyPair(): Sm2KeyPair {
  const { publicKey, privateKey } = sm2.generateKeyPairHex();
  return { publicKey: publicKey.toLowerCase(), privateKey: privateKey.toLowerCase() };
}

/** Derives the public key "04..." from a private key. */
export function sm2PublicKeyFromPrivateKey(privateKeyHex: string): string {
  return sm2.getPublicKeyFromPrivateKey(checkPrivateKey(privateKeyHex)).toLowerCase();
}

/** Validates the point (on-curve) and returns it uncompressed; accepts compressed "02/03..." input too. Throws on an invalid key. */
export function normalizeSm2PublicKey(publicKeyHex: string): string {
  if (typeof publicKeyHex !== 'string' || !/^(04[0-9a-fA-F]{128}|0[23][0-9a-fA-F]{64})$/.test(publicKeyHex)) {
    throw new Error('SM2 public key must be hex: 04||x||y (uncompressed) or 02/03||x (compressed)');
  }
  try {
    if (publicKeyHex.startsWith('04')) {
      if (sm2.verifyPublicKey(publicKeyHex)) return publicKeyHex.toLowerCase();
    } else {
      return sm2.precomputePublicKey(publicKeyHex, 1).toHex(false); // decompresses and validates; rare path
    }
  } catch {
    // fall through
  }
  throw new Error('SM2 public key is not a point on the curve');
}

/**
 * Precomputes the multiplication table (window 8, the library default): about 60 ms and 660 KiB
 * once per key, then a verify takes ~0.8 ms instead of ~4.5 ms. Keep one per long-lived partner key.
 */
export function prepareSm2PublicKey(publicKeyHex: string): PreparedSm2PublicKey {
  const publicKey = normalizeSm2PublicKey(publicKeyHex);
  return { publicKey, point: sm2.precomputePublicKey(publicKey), zCache: new Map() };
}

/** Signs SM3(Z || message); strings are UTF-8. Returns the DER signature as lowercase hex. */
export function sm2Sign(
  message: string | Uint8Array,
  privateKeyHex: string,
  opts: Sm2Options & {
    /** the matching public key: skips deriving it (one scalar multiplication). A wrong one yields signatures nobody can verify. */
    publicKey?: string;
  } = {},
): string {
  const d = checkPrivateKey(privateKeyHex);
  const publicKey = opts.publicKey ? normalizeSm2PublicKey(opts.publicKey) : sm2.getPublicKeyFromPrivateKey(d);
  const e = digest(message, publicKey, opts.userId ?? SM2_DEFAULT_USER_ID);
  const raw = sm2.doSignature(e, d, { hash: false }); // r||s, 64 hex chars each
  return encodeDer(BigInt('0x' + raw.slice(0, 64)), BigInt('0x' + raw.slice(64)));
}

/** True only for a valid signature. Never throws: malformed signatures, keys or messages give false. */
export function sm2Verify(
  message: string | Uint8Array,
  signatureHex: string,
  publicKey: string | PreparedSm2PublicKey,
  opts: Sm2Options = {},
): boolean {
  try {
    const sig = decodeDer(signatureHex);
    if (!sig) return false;
    const userId = opts.userId ?? SM2_DEFAULT_USER_ID;
    let e: Uint8Array;
    let point: string | PreparedSm2PublicKey['point'];
    if (typeof publicKey === 'string') {
      point = normalizeSm2PublicKey(publicKey);
      e = digest(message, point, userId);
    } else {
      let z = publicKey.zCache.get(userId);
      if (!z) {
        z = zValue(publicKey.publicKey, userId);
        if (publicKey.zCache.size < 16) publicKey.zCache.set(userId, z);
      }
      point = publicKey.point;
      e = sm3(Buffer.concat([z, toBytes(message)]));
    }
    return sm2.doVerifySignature(e, rawHex(sig), point, { hash: false });
  } catch {
    return false;
  }
}

/** DER (hex) -> raw r||s (128 hex chars), the form some partner APIs exchange. Throws on malformed DER. */
export function sm2SignatureDerToRaw(derHex: string): string {
  const sig = decodeDer(derHex);
  if (!sig) throw new Error('not a canonical DER SM2 signature');
  return rawHex(sig);
}

/** Raw r||s (128 hex chars) -> DER hex. */
export function sm2SignatureRawToDer(rawHex: string): string {
  if (!/^[0-9a-fA-F]{128}$/.test(rawHex)) throw new Error('raw SM2 signature must be 128 hex characters (r||s)');
  const r = BigInt('0x' + rawHex.slice(0, 64));
  const s = BigInt('0x' + rawHex.slice(64));
  if (!inRange(r) || !inRange(s)) throw new Error('raw SM2 signature has r or s out of range');
  return encodeDer(r, s);
}

// --- PEM (SubjectPublicKeyInfo, as written by `openssl pkey -pubout`) ---------------------------

// SEQUENCE { SEQUENCE { OID id-ecPublicKey 1.2.840.10045.2.1, OID sm2 1.2.156.10197.1.301 }, BIT STRING (0 unused bits) ...
const SPKI_UNCOMPRESSED = Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex');
const SPKI_COMPRESSED = Buffer.from('3039301306072a8648ce3d020106082a811ccf5501822d032200', 'hex');

export function sm2PublicKeyToPem(publicKeyHex: string): string {
  const der = Buffer.concat([SPKI_UNCOMPRESSED, Buffer.from(normalizeSm2PublicKey(publicKeyHex), 'hex')]);
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n`;
}

/** Reads an SM2 "PUBLIC KEY" PEM (id-ecPublicKey with the SM2 curve OID); returns uncompressed hex. Throws otherwise. */
export function sm2PublicKeyFromPem(pem: string): string {
  const m = /-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END PUBLIC KEY-----/.exec(pem);
  if (!m) throw new Error('expected a PEM "PUBLIC KEY" block');
  const der = Buffer.from(m[1].replace(/\s+/g, ''), 'base64');
  for (const [prefix, keyLen] of [[SPKI_UNCOMPRESSED, 65], [SPKI_COMPRESSED, 33]] as const) {
    if (der.length === prefix.length + keyLen && der.subarray(0, prefix.length).equals(prefix)) {
      return normalizeSm2PublicKey(der.subarray(prefix.length).toString('hex'));
    }
  }
  throw new Error('PEM is not an SM2 public key (need id-ecPublicKey with curve OID 1.2.156.10197.1.301)');
}

// --- internals -----------------------------------------------------------------------------------

function toBytes(message: string | Uint8Array): Buffer {
  if (typeof message === 'string') return Buffer.from(message, 'utf8');
  return Buffer.from(message.buffer, message.byteOffset, message.byteLength);
}

/** ENTL is a 16-bit bit length, so the id is at most 8191 bytes; the library would silently wrap a longer one. */
function zValue(publicKeyHex: string, userId: string): Uint8Array {
  if (typeof userId !== 'string' || Buffer.byteLength(userId) > 8191) {
    throw new Error('SM2 userId must be a string of at most 8191 UTF-8 bytes');
  }
  return sm2.getZ(publicKeyHex, userId);
}

function digest(message: string | Uint8Array, publicKeyHex: string, userId: string): Buffer {
  return sm3(Buffer.concat([zValue(publicKeyHex, userId), toBytes(message)]));
}

const rawHex = (sig: { r: bigint; s: bigint }) => sig.r.toString(16).padStart(64, '0') + sig.s.toString(16).padStart(64, '0');

const inRange = (x: bigint) => x >= 1n && x < N;

/** SM2 needs d in [1, n-2]: signing inverts (1 + d). */
function checkPrivateKey(privateKeyHex: string): string {
  if (typeof privateKeyHex !== 'string' || !/^[0-9a-fA-F]{64}$/.test(privateKeyHex)) {
    throw new Error('SM2 private key must be 64 hex characters');
  }
  const d = BigInt('0x' + privateKeyHex);
  if (d < 1n || d > N - 2n) throw new Error('SM2 private key is out of range');
  return privateKeyHex.toLowerCase();
}

function derInteger(x: bigint): string {
  let hex = x.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = '00' + hex; // keep it positive
  return '02' + (hex.length / 2).toString(16).padStart(2, '0') + hex;
}

function encodeDer(r: bigint, s: bigint): string {
  const body = derInteger(r) + derInteger(s); // at most 70 bytes: short-form length suffices
  return '30' + (body.length / 2).toString(16).padStart(2, '0') + body;
}

/** Strict: parses, range-checks, then demands that re-encoding reproduces the input exactly. */
function decodeDer(hex: unknown): { r: bigint; s: bigint } | undefined {
  if (typeof hex !== 'string' || hex.length > 144 || !/^(?:[0-9a-fA-F]{2})+$/.test(hex)) return undefined;
  const b = Buffer.from(hex, 'hex');
  if (b.length < 8 || b[0] !== 0x30 || b[1] !== b.length - 2 || b[2] !== 0x02) return undefined;
  const rLen = b[3];
  const sAt = 4 + rLen;
  if (rLen < 1 || rLen > 33 || b[sAt] !== 0x02) return undefined;
  const sLen = b[sAt + 1];
  if (sLen < 1 || sLen > 33 || sAt + 2 + sLen !== b.length) return undefined;
  const r = BigInt('0x' + b.subarray(4, sAt).toString('hex'));
  const s = BigInt('0x' + b.subarray(sAt + 2).toString('hex'));
  if (!inRange(r) || !inRange(s) || encodeDer(r, s) !== hex.toLowerCase()) return undefined;
  return { r, s };
}
