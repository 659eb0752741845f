/** Validators for national identifier standards; pure, table-tested. */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export interface ParsedIdNumber {
  /** 行政区划代码 region of household registration at issue */
  regionCode: string;
  birthDate: string;
  sex: 'male' | 'female';
}

/** 居民身份证号码 resident identity number, GB 11643-1999: checksum and a real birth date. */
export function parseIdNumber(value: string, today: Date = new Date()): ParsedIdNumber | null {
  if (!/^\d{17}[\dX]$/.test(value)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * ID_WEIGHTS[i];
  if (ID_CHECK[sum % 11] !== value[17]) return null;
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  if (date.getTime() > today.getTime()) return null;
  return {
    regionCode: value.slice(0, 6),
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
    sex: Number(value[16]) % 2 === 1 ? 'male' : 'female',
  };
}

export const isValidIdNumber = (value: string) => parseIdNumber(value) !== null;

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** 统一社会信用代码 unified social credit code, GB 32100-2015. */
export function isValidCreditCode(value: string): boolean {
  if (value.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_ALPHABET.indexOf(value[i]);
    if (v < 0) return false;
    sum += v * CREDIT_WEIGHTS[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_ALPHABET[check] === value[17];
}

/** Mainland mobile number (11 digits starting with 1[3-9]). */
export const isValidMobile = (value: string) => /^1[3-9]\d{9}$/.test(value);

/** 6-digit administrative division code (GB/T 2260). */
export const isValidRegionCode = (value: string) => /^\d{6}$/.test(value);

/** Calendar month `YYYY-MM` (contribution months, effective dates), years 1900–2199. */
export const isValidYearMonth = (value: string) => /^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/.test(value);

/** Makes a valid identity number for a region, birth date and sequence (tests and demo data). */
export function makeIdNumber(regionCode: string, birthDate: string, sequence: number): string {
  const body = `${regionCode}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i];
  return body + ID_CHECK[sum % 11];
}

/** Makes a valid credit code from its first 17 characters (tests and demo data). */
export function makeCreditCode(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  return first17 + CREDIT_ALPHABET[(31 - (sum % 31)) % 31];
}
