/**
 * 审计脱敏 what of a request body the audit log keeps. Secrets (passwords, codes, tokens) never; personal
 * numbers only masked: by the key they come under (`idNumber`, `phone`, and a route's own sensitive
 * fields) and, wherever they are, by their value — a string that is a resident identity number (GB 11643
 * check digit), a mainland mobile number or a bank card number (Luhn), also inside free text. A login
 * `identifier` or a bill's `insuranceId` is one of those more often than not.
 */
import { maskIdNumber, maskMiddle, maskPhone } from '../crypto/mask.js';
import { isValidIdNumber, isValidMobile } from '../validation/identifiers.js';

/** Keys whose values are secrets: replaced whole. */
const SECRET_KEYS = /password|secret|token|code|signature|otp|privateKey/i;
/** Keys whose values are personal numbers, whatever their form (a mistyped one too): masked. */
const PERSONAL_KEYS = /idNumber|phone|mobile|bankCard|cardNo/i;

export const REDACTED = '[redacted]';
const MAX_DEPTH = 4;
const MAX_ITEMS = 20;

/** 银行卡号 a payment card number: 13 to 19 digits passing the Luhn check (ISO/IEC 7812). */
export function isBankCardNumber(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1 && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The masked form of a personal number, or null when `value` is none. */
function maskedNumber(value: string): string | null {
  if (value.length === 18 && isValidIdNumber(value.toUpperCase())) return maskIdNumber(value);
  if (isValidMobile(value)) return maskPhone(value);
  if (value.length === 13 && value.startsWith('86') && isValidMobile(value.slice(2))) return `86${maskPhone(value.slice(2))}`;
  if (isBankCardNumber(value)) return maskMiddle(value, 4, 4);
  return null;
}

/** Every identity number, mobile number and card number in `text` masked; the rest as it was. */
export function maskPersonalNumbers(text: string): string {
  // Digit runs not inside a longer one: a number inside an order reference (ORD13812345678) is masked too.
  return text.length < 11 ? text : text.replace(/(?<!\d)\d{11,19}[Xx]?(?![\dXx])/g, (run) => maskedNumber(run) ?? run);
}

/** A value kept masked whatever it is: a known kind as that kind is shown, anything else with at most its outer quarters. */
function maskAnyway(value: unknown): unknown {
  if (typeof value === 'number') value = String(value);
  if (typeof value !== 'string') return value === null || value === undefined ? value : REDACTED;
  const known = maskedNumber(value);
  if (known) return known;
  const keep = Math.min(4, Math.floor(Array.from(value).length / 4));
  return maskMiddle(value, keep, keep);
}

/**
 * The request body (or path parameters) as the audit record keeps it. `sensitive` names keys of the
 * route whose values are personal whatever they look like (`config.audit.sensitive`).
 */
export function redactForAudit(value: unknown, sensitive: ReadonlySet<string> = new Set(), depth = 0): unknown {
  if (typeof value === 'string') return maskPersonalNumbers(value);
  // a number sent where a string belongs (a refused request is audited too)
  if (typeof value === 'number') return (Number.isSafeInteger(value) && maskedNumber(String(value))) || value;
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_DEPTH) return '[truncated]';
  if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => redactForAudit(v, sensitive, depth + 1));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, v]) => {
      if (SECRET_KEYS.test(key)) return [key, REDACTED];
      if (PERSONAL_KEYS.test(key) || sensitive.has(key)) return [key, Array.isArray(v) ? v.slice(0, MAX_ITEMS).map(maskAnyway) : maskAnyway(v)];
      return [key, redactForAudit(v, sensitive, depth + 1)];
    }),
  );
}
