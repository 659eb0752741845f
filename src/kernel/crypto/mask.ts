/**
 * 脱敏 masking of personal data for display and logs. Pure functions; null/undefined give "".
 * Lengths are counted in code points, so Chinese characters count as one. A value too short to
 * keep both ends and still hide something is masked entirely rather than shown.
 */

type Maybe = string | null | undefined;

/** Keeps `head` leading and `tail` trailing characters, replacing the middle with one "*" each. */
export function maskMiddle(value: Maybe, head: number, tail: number): string {
  const chars = Array.from((value ?? '').trim());
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(chars.length - tail).join('');
}

/** 身份证号 identity number: first 6 (region) and last 4 kept. */
export const maskIdNumber = (value: Maybe): string => maskMiddle(value, 6, 4);

/** 手机号 phone number: first 3 and last 4 kept. */
export const maskPhone = (value: Maybe): string => maskMiddle(value, 3, 4);

/** 姓名 name: first character kept ("张三" -> "张*"); a one-character name is fully masked. */
export const maskName = (value: Maybe): string => maskMiddle(value, 1, 0);

/** 统一社会信用代码 unified social credit code: first 4 and last 4 kept. */
export const maskCreditCode = (value: Maybe): string => maskMiddle(value, 4, 4);

/** 电子邮箱 email: first character of the local part and the whole domain kept. Without an "@", fully masked. */
export function maskEmail(value: Maybe): string {
  const v = (value ?? '').trim();
  const at = v.lastIndexOf('@');
  if (at <= 0) return '*'.repeat(Array.from(v).length);
  return maskMiddle(v.slice(0, at), 1, 0) + v.slice(at);
}
