import { hmacSm3Hex } from './sm3.js';
import { createSm4Cipher, parseMasterKey, type MasterKey } from './sm4.js';

/**
 * 字段级加密 field-level protection of personal data (identity numbers, phone numbers, ...).
 * The stored column holds the SM4 token (random IV, so equal values encrypt differently); a
 * second column holds the blind index for exact-match lookups.
 */

export interface FieldCipherKeys {
  /** SM4 master key (32 bytes, hex/base64) */
  encryptionKey: MasterKey;
  /** HMAC-SM3 key of the blind index (32 bytes, hex/base64); must differ from encryptionKey */
  blindIndexKey: MasterKey;
}

export interface FieldCipher {
  encrypt(value: string): string;
  decrypt(stored: string): string;
  /**
   * 盲索引 blind index: hex HMAC-SM3(blindIndexKey, kind + ":" + normalized value). Deterministic,
   * so `WHERE id_number_bidx = $1` finds a row; `kind` (e.g. "idNumber", "phone") keeps equal
   * values of different kinds apart. Anyone holding the key can brute-force low-entropy values
   * such as phone numbers, so the key must be guarded like the encryption key.
   */
  blindIndex(value: string, kind: string): string;
}

/** Kinds whose letters are case-insensitive: the check character "X" of 身份证号 and the letters of 统一社会信用代码. */
const UPPER_CASE_KINDS = new Set(['idNumber', 'creditCode']);

/** trim + NFKC (full-width "１３８" -> "138", common in Chinese input), upper-case for the kinds above. */
export function normalizeForIndex(value: string, kind: string): string {
  const v = value.normalize('NFKC').trim();
  return UPPER_CASE_KINDS.has(kind) ? v.toUpperCase() : v;
}

export function createFieldCipher(keys: FieldCipherKeys): FieldCipher {
  const encKey = parseMasterKey(keys.encryptionKey, 'encryptionKey');
  const indexKey = parseMasterKey(keys.blindIndexKey, 'blindIndexKey');
  if (encKey.equals(indexKey)) throw new Error('encryptionKey and blindIndexKey must be different keys');
  const sm4 = createSm4Cipher(encKey);

  return {
    encrypt: (value) => sm4.encrypt(value),
    decrypt: (stored) => sm4.decrypt(stored),
    blindIndex(value, kind) {
      // ":" in a kind would make "a:b" + ":" + "c" collide with "a" + ":" + "b:c"
      if (!/^[A-Za-z0-9_.-]+$/.test(kind)) throw new Error(`blind index kind must match [A-Za-z0-9_.-]+, got "${kind}"`);
      return hmacSm3Hex(indexKey, `${kind}:${normalizeForIndex(value, kind)}`);
    },
  };
}
