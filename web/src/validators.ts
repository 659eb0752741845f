/**
 * Client-side checks of national identifiers, for immediate feedback. The rules are the server's own
 * (src/kernel/validation/identifiers.ts, which checks again); here they forgive what a person types:
 * surrounding spaces, and a lower-case "x" check character or letters of a credit code.
 */
import * as identifiers from '../../src/kernel/validation/identifiers.js';

const typed = (input: string) => input.trim().toUpperCase();

/** 居民身份证号码 GB 11643-1999: 17 digits + check (mod 11 → "10X98765432") and a real, past birth date. */
export const isValidIdNumber = (input: string): boolean => identifiers.isValidIdNumber(typed(input));

/** 统一社会信用代码 GB 32100-2015: 18 characters of the 31-letter alphabet, check mod 31. */
export const isValidCreditCode = (input: string): boolean => identifiers.isValidCreditCode(typed(input));

export const isValidMobile = (value: string): boolean => identifiers.isValidMobile(value.trim());
export const isValidSmsCode = (value: string): boolean => /^\d{6}$/.test(value.trim());

/**
 * 出生日期、性别 as the identity number holds them (the server derives them the same way and refuses
 * a contradicting value): null while the number is not a valid one.
 */
export const identityOf = (input: string): { birthDate: string; sex: 'male' | 'female' } | null => {
  const parsed = identifiers.parseIdNumber(typed(input));
  return parsed && { birthDate: parsed.birthDate, sex: parsed.sex };
};
