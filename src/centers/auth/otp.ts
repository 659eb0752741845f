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
/** how long a code's attempt counter and its used mark are kept: a day, longer than a code lives (OTP_TTL_SEC) */
const TRIES_TTL_MS = 86_400_000;

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
  await deps.cache.set(codeKey(purpose, phoneKey), JSON.stringify({ hash: hashCode(phoneKey, code) }), deps.ttlSec * 1000);
  try {
    await deps.send(phone, code, purpose);
  } catch (error) {
    // A code the person never received must not block a retry for a minute.
    await deps.cache.del(codeKey(purpose, phoneKey));
    await deps.cache.del(`otp-wait:${phoneKey}`);
    throw error;
  }
}

/**
 * Checks and consumes a code. Every guess is counted before it is compared, in one atomic increment
 * of the code's own counter, so that a burst of concurrent guesses costs as many attempts as it has
 * guesses: only the first five are compared at all, and the fifth wrong one burns the code.
 */
export async function consumeOtp(cache: Cache, phoneKey: string, purpose: OtpPurpose, code: string, field = 'smsCode'): Promise<void> {
  const key = codeKey(purpose, phoneKey);
  const stored = await cache.get(key);
  if (!stored) throw new DomainError('auth.otp_expired', 'invalid', {}, field);
  const entry = JSON.parse(stored) as { hash: string };
  // The counter belongs to this code (a new code starts afresh) and outlives it.
  const triesKey = `${key}:tries:${entry.hash}`;
  const attempt = await cache.incr(triesKey, TRIES_TTL_MS);
  // Beyond the limit nothing is compared; the fifth attempt burns or uses the code.
  if (attempt > MAX_ATTEMPTS) throw new DomainError('auth.otp_exhausted', 'invalid', {}, field);
  if (!/^\d{6}$/.test(code) || !timingSafeEqualHex(entry.hash, hashCode(phoneKey, code))) {
    if (attempt >= MAX_ATTEMPTS) {
      await cache.del(key);
      throw new DomainError('auth.otp_exhausted', 'invalid', {}, field);
    }
    throw new DomainError('auth.otp_wrong', 'invalid', { remaining: MAX_ATTEMPTS - attempt }, field);
  }
  // Two requests racing with the same right code both pass the check above; only one claims it.
  if (!(await cache.setIfAbsent(`${key}:used:${entry.hash}`, '1', TRIES_TTL_MS))) throw new DomainError('auth.otp_expired', 'invalid', {}, field);
  await cache.del(key);
}
