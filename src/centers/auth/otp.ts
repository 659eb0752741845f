import { createHash } from 'node:crypto';
import type { Cache } from '../../kernel/cache/index.js';
import { DomainError } from '../../kernel/errors/index.js';
import { numericCode } from '../../kernel/ids/index.js';
import { timingSafeEqualHex } from '../../kernel/crypto/index.js';

/** 短信验证码 purposes; a code sent for one purpose never works for another. */
export const OTP_PURPOSES = ['register', 'login', 'change_phone', 'reset_password'] as const;
export type OtpPurpose = (typeof OTP_PURPOSES)[number];

export interface OtpDeps {
  cache: Cache;
  ttlSec: number;
  resendSec: number;
  /** sends the text; the adapter speaks to the SMS gateway */
  send(phone: string, code: string, purpose: OtpPurpose): Promise<void>;
}

const DAILY_LIMIT = 10;
const MAX_ATTEMPTS = 5;

const codeKey = (purpose: OtpPurpose, phoneKey: string) => `otp:${purpose}:${phoneKey}`;
const hashCode = (phoneKey: string, code: string) => createHash('sm3').update(`${phoneKey}:${code}`).digest('hex');

/**
 * Sends a 6-digit code. `phoneKey` is the phone's blind index, so the cache never holds the number.
 * One send per resend interval and ten a day per phone; the code lives ttlSec and allows five guesses.
 */
export async function sendOtp(deps: OtpDeps, phone: string, phoneKey: string, purpose: OtpPurpose): Promise<void> {
  if (deps.resendSec > 0 && !(await deps.cache.setIfAbsent(`otp-wait:${phoneKey}`, '1', deps.resendSec * 1000))) {
    throw new DomainError('auth.otp_too_soon', 'rate_limited', { retryAfterSec: deps.resendSec }, 'phone');
  }
  if ((await deps.cache.incr(`otp-day:${phoneKey}`, 86_400_000)) > DAILY_LIMIT) {
    throw new DomainError('auth.otp_daily_limit', 'rate_limited', { retryAfterSec: 3600 }, 'phone');
  }
  const code = numericCode(6);
  await deps.cache.set(codeKey(purpose, phoneKey), JSON.stringify({ hash: hashCode(phoneKey, code), attempts: 0 }), deps.ttlSec * 1000);
  try {
    await deps.send(phone, code, purpose);
  } catch (error) {
    // A code the person never received must not block a retry for a minute.
    await deps.cache.del(codeKey(purpose, phoneKey));
    await deps.cache.del(`otp-wait:${phoneKey}`);
    throw error;
  }
}

/** Checks and consumes a code; wrong guesses count, and the fifth one burns the code. */
export async function consumeOtp(cache: Cache, phoneKey: string, purpose: OtpPurpose, code: string, field = 'smsCode'): Promise<void> {
  const key = codeKey(purpose, phoneKey);
  const stored = await cache.get(key);
  if (!stored) throw new DomainError('auth.otp_expired', 'invalid', {}, field);
  const entry = JSON.parse(stored) as { hash: string; attempts: number };
  if (!/^\d{6}$/.test(code) || !timingSafeEqualHex(entry.hash, hashCode(phoneKey, code))) {
    const attempts = await cache.incr(`${key}:fails`, 600_000);
    if (attempts >= MAX_ATTEMPTS) {
      await cache.del(key);
      throw new DomainError('auth.otp_exhausted', 'invalid', {}, field);
    }
    throw new DomainError('auth.otp_wrong', 'invalid', { remaining: MAX_ATTEMPTS - attempts }, field);
  }
  // Two requests racing with the same right code both pass the check above; only one claims it.
  if (!(await cache.setIfAbsent(`${key}:used:${entry.hash}`, '1', 600_000))) throw new DomainError('auth.otp_expired', 'invalid', {}, field);
  await cache.del(key);
  await cache.del(`${key}:fails`);
}
