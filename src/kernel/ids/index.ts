import { randomBytes, randomInt } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * Time-ordered random id with a readable prefix (`acc_01jd…`): sorts by creation, 80 random bits,
 * safe in URLs. Ordering keeps B-tree inserts local on high-volume tables.
 */
export function newId(prefix: string): string {
  let time = Date.now();
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = ALPHABET[time % 32] + head;
    time = Math.floor(time / 32);
  }
  const bytes = randomBytes(10);
  let tail = '';
  for (let i = 0; i < 16; i++) {
    const bit = i * 5;
    const byte = bit >> 3;
    const value = ((bytes[byte] << 8) | (bytes[byte + 1] ?? 0)) >> (11 - (bit & 7));
    tail += ALPHABET[value & 31];
  }
  return `${prefix}_${head}${tail}`;
}

/** Numeric one-time code of the given length from a CSPRNG. */
export function numericCode(length: number): string {
  return String(randomInt(0, 10 ** length)).padStart(length, '0');
}
