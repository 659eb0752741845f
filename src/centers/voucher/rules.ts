/** Pure rules of the e-voucher center (电子凭证中心): password, age, code format, risk. */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { hmacSm3, timingSafeEqualHex } from '../../kernel/crypto/index.js';

// ------------------------------------------------------------------------------- voucher password

/**
 * 电子凭证密码 6 digits, not all the same (111111), not a run (123456, 654321), not the birth date
 * in the forms people use (yyMMdd, MMddyy, ddMMyy, yyyyMM). Returns the reason code, or null.
 */
export function voucherPasswordWeakness(password: string, birthDate: string | null): string | null {
  if (!/^\d{6}$/.test(password)) return 'voucher.password_format';
  if (/^(\d)\1{5}$/.test(password)) return 'voucher.password_repeated';
  const steps = [...password].slice(1).map((d, i) => Number(d) - Number(password[i]));
  if (steps.every((s) => s === 1) || steps.every((s) => s === -1)) return 'voucher.password_sequential';
  if (birthDate && birthDateForms(birthDate).includes(password)) return 'voucher.password_birth_date';
  return null;
}

function birthDateForms(birthDate: string): string[] {
  const match = /^(\d{2})(\d{2})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) return [];
  const [, century, yy, mm, dd] = match;
  return [yy + mm + dd, mm + dd + yy, dd + mm + yy, century + yy + mm];
}

// ------------------------------------------------------------------------------------ age

/** Whole years of age on a day (both `YYYY-MM-DD`): a birthday counts from its day. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** A guardian may add a child as a family member only under this age (未满16周岁). */
export const CHILD_AGE_LIMIT = 16;

// ------------------------------------------------------------------------------- code format

/** 就诊凭证类型 credential type of an e-voucher token. */
export const CREDENTIAL_TYPE = '01';

const PREFIX = 'YBV1';
const CODE_RE = /^YBV1\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})$/;

/**
 * The code string shown as a QR: `YBV1.<random id>.<MAC>`, the MAC a truncated HMAC-SM3 (128 bits)
 * of the prefix and id. The platform is the only verifier, so a keyed MAC is enough, and a forged
 * or mistyped code is refused before any database read.
 */
export function mintCode(key: Buffer, id = randomBytes(16).toString('base64url')): { id: string; code: string } {
  return { id, code: `${PREFIX}.${id}.${macOf(key, id)}` };
}

const macOf = (key: Buffer, id: string) => hmacSm3(key, `${PREFIX}.${id}`).subarray(0, 16).toString('base64url');

export type ParsedCode = { ok: true; id: string } | { ok: false; reason: 'malformed' | 'bad_mac' };

export function parseCode(key: Buffer, code: string): ParsedCode {
  const match = CODE_RE.exec(code);
  if (!match) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(macOf(key, match[1]), 'base64url').toString('hex');
  const given = Buffer.from(match[2], 'base64url').toString('hex');
  return timingSafeEqualHex(expected, given) ? { ok: true, id: match[1] } : { ok: false, reason: 'bad_mac' };
}

// ---------------------------------------------------------------------------- PIN digest

/**
 * 密码校验值 the voucher PIN is six digits: a slow hash cannot keep 10⁶ values from whoever reads the
 * table, so, as payment networks do with PINs, it is checked with a keyed function whose key is held
 * outside the database: HMAC-SM3(key, voucher id ‖ salt ‖ PIN), stored with the key's id so keys can
 * be rotated: `hs1$<key id>$<salt>$<mac>` (base64url).
 */
export interface PinKey {
  id: string;
  key: Buffer;
}

/** A key's id: a keyed fingerprint, so the stored value names its key without revealing it. */
export const pinKeyOf = (hex: string): PinKey => {
  const key = Buffer.from(hex, 'hex');
  return { id: hmacSm3(key, 'voucher-pin-key-id').toString('base64url').slice(0, 8), key };
};

const PIN_DIGEST_RE = /^hs1\$([A-Za-z0-9_-]{8})\$([A-Za-z0-9_-]{22})\$([A-Za-z0-9_-]{43})$/;

const pinMac = (key: Buffer, voucherId: string, salt: Buffer, pin: string) => hmacSm3(key, Buffer.concat([Buffer.from(`${voucherId}\n`), salt, Buffer.from(`\n${pin}`)]));

export function pinDigest(key: PinKey, voucherId: string, pin: string, salt: Buffer = randomBytes(16)): string {
  return `hs1$${key.id}$${salt.toString('base64url')}$${pinMac(key.key, voucherId, salt, pin).toString('base64url')}`;
}

/**
 * Whether `pin` is the voucher's, by its stored digest: `match` with the key that made it (`current`
 * false: made with a previous key, to be replaced), `mismatch`, or `unknown_key` when no key held
 * here made it (the digest cannot be checked at all). Not a PIN digest (an argon2id hash of before): null.
 */
export function checkPinDigest(keys: readonly PinKey[], voucherId: string, pin: string, stored: string): { verdict: 'match'; current: boolean } | { verdict: 'mismatch' | 'unknown_key' } | null {
  const parsed = PIN_DIGEST_RE.exec(stored);
  if (!parsed) return null;
  const index = keys.findIndex((k) => k.id === parsed[1]);
  if (index < 0) return { verdict: 'unknown_key' };
  const expected = pinMac(keys[index].key, voucherId, Buffer.from(parsed[2], 'base64url'), pin);
  const given = Buffer.from(parsed[3], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { verdict: 'mismatch' };
  return { verdict: 'match', current: index === 0 };
}

// ------------------------------------------------------------------------ settlement token

/**
 * 结算授权令牌 what a code's verification gives a channel bound to an institution: the person's
 * consent to settle one visit there, bound to the channel app, the person, the institution and the
 * verified code (one settlement per code), until `exp` (Unix seconds).
 */
export interface SettlementTokenClaims {
  appId: string;
  personId: string;
  institutionCode: string;
  codeId: string;
  exp: number;
}

const TOKEN_PREFIX = 'st1';
/** Base64url segments: a payload of a few hundred bytes at most, and the 32-byte MAC. */
const TOKEN_RE = /^st1\.([A-Za-z0-9_-]{1,600})\.([A-Za-z0-9_-]{43})$/;

const tokenMac = (key: Buffer, payload: string) => hmacSm3(key, `${TOKEN_PREFIX}.${payload}`);

/**
 * `st1.<base64url JSON payload>.<base64url HMAC-SM3 of prefix and payload>`. Stateless: checking it
 * is one HMAC, no database read; that it is used once is the settlement's unique consent.
 */
export function mintSettlementToken(key: Buffer, claims: SettlementTokenClaims): string {
  const { appId, personId, institutionCode, codeId, exp } = claims;
  const payload = Buffer.from(JSON.stringify({ appId, personId, institutionCode, codeId, exp })).toString('base64url');
  return `${TOKEN_PREFIX}.${payload}.${tokenMac(key, payload).toString('base64url')}`;
}

/**
 * Why a settlement token does not give this caller consent, or its claims. The MAC is compared in
 * constant time before the payload is read. Another app's or another institution's token is refused
 * as such before its age is looked at (a stolen token says so even after it expired).
 *   invalid: malformed, or its MAC is not the platform's (made up or altered)
 *   not_yours: minted for another channel app or another institution
 *   expired: past `exp`
 */
export type SettlementTokenCheck = { ok: true; claims: SettlementTokenClaims } | { ok: false; reason: 'invalid' | 'not_yours' | 'expired' };

export function verifySettlementToken(key: Buffer, token: string, caller: { appId: string; institutionCode: string }, nowSec: number): SettlementTokenCheck {
  const match = TOKEN_RE.exec(token);
  if (!match) return { ok: false, reason: 'invalid' };
  const given = Buffer.from(match[2], 'base64url');
  const expected = tokenMac(key, match[1]);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const claims = claimsOf(match[1]);
  if (!claims) return { ok: false, reason: 'invalid' };
  if (claims.appId !== caller.appId || claims.institutionCode !== caller.institutionCode) return { ok: false, reason: 'not_yours' };
  if (claims.exp <= nowSec) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

/** The payload's claims, each of its type; null otherwise (only a platform key could have signed a misfit). */
function claimsOf(payload: string): SettlementTokenClaims | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const c = value as Partial<SettlementTokenClaims> | null;
  if (!c || typeof c !== 'object') return null;
  const strings = [c.appId, c.personId, c.institutionCode, c.codeId].every((v) => typeof v === 'string' && v.length > 0);
  if (!strings || typeof c.exp !== 'number' || !Number.isSafeInteger(c.exp)) return null;
  return { appId: c.appId!, personId: c.personId!, institutionCode: c.institutionCode!, codeId: c.codeId!, exp: c.exp };
}

// ------------------------------------------------------------------------------------ risk

/** 风控规则 the rules that refuse and flag. */
export const RISK_RULES = ['too_many_codes', 'code_reused', 'unauthorized_channel', 'unregistered_device', 'forged_code'] as const;
export type RiskRule = (typeof RISK_RULES)[number];

/** Too many codes a minute: the generation that goes over the limit is refused; only the first over it is flagged. */
export function generationRisk(countThisMinute: number, limit: number): { refused: boolean; flag: RiskRule | null } {
  if (countThisMinute <= limit) return { refused: false, flag: null };
  return { refused: true, flag: countThisMinute === limit + 1 ? 'too_many_codes' : null };
}

/** What is known about a code a channel tried to verify, when the one-statement consume did not take it. */
export interface VerifyFacts {
  /** the code string's MAC checked out (false: forged or corrupted) */
  macValid: boolean;
  /** a row exists for the code id */
  found: boolean;
  status?: 'issued' | 'used';
  expired?: boolean;
  /** the code was generated for the calling channel */
  boundToCaller?: boolean;
  /** the holder's authorization of the calling channel is in force */
  authorized?: boolean;
  /** the calling channel named a device id */
  deviceGiven?: boolean;
  deviceRegistered?: boolean;
}

export type VerifyRefusal = { reason: 'code_invalid' | 'code_unknown' | 'code_used' | 'code_expired' | 'channel_not_authorized' | 'device_unregistered'; flag: RiskRule | null };

/**
 * Why a verification is refused, and which rule it flags; null when it would pass. The order
 * matters: a code scanned again is flagged as such even after it expired, and a channel that
 * was not authorized is flagged before it learns whether the code was live.
 */
export function verifyRefusal(facts: VerifyFacts): VerifyRefusal | null {
  if (!facts.macValid) return { reason: 'code_invalid', flag: 'forged_code' };
  if (!facts.found) return { reason: 'code_unknown', flag: null };
  if (!facts.boundToCaller || !facts.authorized) return { reason: 'channel_not_authorized', flag: 'unauthorized_channel' };
  if (facts.deviceGiven && !facts.deviceRegistered) return { reason: 'device_unregistered', flag: 'unregistered_device' };
  if (facts.status === 'used') return { reason: 'code_used', flag: 'code_reused' };
  if (facts.expired) return { reason: 'code_expired', flag: null };
  return null;
}

/** The insurance types in force from the voucher's enrollment entries (active ones, each type once, sorted). */
export function insuranceTypesInForce(entries: Record<string, { insuranceType: string; status: string }>): string[] {
  return [...new Set(Object.values(entries).filter((e) => e.status === 'active').map((e) => e.insuranceType))].sort();
}
