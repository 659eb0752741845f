import { describe, expect, it } from 'vitest';
import { memoryCache } from '../../kernel/cache/index.js';
import { DomainError } from '../../kernel/errors/index.js';
import { consumeOtp, sendOtp, type OtpDeps } from './otp.js';

const PHONE_KEY = 'blind-index-of-the-phone';

/** A cache and a gateway that keeps the last text sent. */
function otpDeps() {
  const sent: string[] = [];
  const deps: OtpDeps = { cache: memoryCache(), ttlSec: 300, resendSec: 0, send: async (_phone, code) => void sent.push(code) };
  return { deps, lastCode: () => sent.at(-1)! };
}

const wrongFor = (code: string) => (code === '000000' ? '111111' : '000000');

/** What a guess answers: 'ok' or the error code with its remaining attempts. */
async function guess(deps: OtpDeps, code: string): Promise<string> {
  try {
    await consumeOtp(deps.cache, PHONE_KEY, 'login', code, 'code');
    return 'ok';
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.params.remaining === undefined ? error.code : `${error.code}:${error.params.remaining}`;
  }
}

describe('one-time codes', () => {
  it('allows five guesses one after another: four say how many are left, the fifth burns the code', async () => {
    const { deps, lastCode } = otpDeps();
    await sendOtp(deps, '13800000000', PHONE_KEY, 'login');
    const code = lastCode();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await guess(deps, wrongFor(code)));
    expect(answers).toEqual(['auth.otp_wrong:4', 'auth.otp_wrong:3', 'auth.otp_wrong:2', 'auth.otp_wrong:1', 'auth.otp_exhausted']);
    expect(await guess(deps, code)).toBe('auth.otp_expired');
  });

  it('takes the right code within the limit, once', async () => {
    const { deps, lastCode } = otpDeps();
    await sendOtp(deps, '13800000000', PHONE_KEY, 'login');
    const code = lastCode();
    for (let i = 0; i < 4; i++) await guess(deps, wrongFor(code));
    expect(await guess(deps, code)).toBe('ok');
    expect(await guess(deps, code)).toBe('auth.otp_expired');
  });

  it('counts every guess of a concurrent burst before comparing: the right one after the fifth does not pass', async () => {
    const { deps, lastCode } = otpDeps();
    await sendOtp(deps, '13800000000', PHONE_KEY, 'login');
    const code = lastCode();
    // 61 guesses at once, the right one eighth (as the attack found).
    const guesses = Array.from({ length: 61 }, (_, i) => (i === 7 ? code : wrongFor(code)));
    const answers = await Promise.all(guesses.map((g) => guess(deps, g)));
    expect(answers[7]).not.toBe('ok');
    expect(answers.filter((a) => a === 'ok')).toEqual([]);
    expect(answers.filter((a) => a.startsWith('auth.otp_wrong')).sort()).toEqual(['auth.otp_wrong:1', 'auth.otp_wrong:2', 'auth.otp_wrong:3', 'auth.otp_wrong:4']);
    expect(await guess(deps, code)).toBe('auth.otp_expired');
  });

  it('lets two racing requests with the right code log in once', async () => {
    const { deps, lastCode } = otpDeps();
    await sendOtp(deps, '13800000000', PHONE_KEY, 'login');
    const answers = await Promise.all([guess(deps, lastCode()), guess(deps, lastCode())]);
    expect(answers.sort()).toEqual(['auth.otp_expired', 'ok']);
  });

  it('gives a new code its own five guesses', async () => {
    const { deps, lastCode } = otpDeps();
    await sendOtp(deps, '13800000000', PHONE_KEY, 'login');
    for (let i = 0; i < 5; i++) await guess(deps, wrongFor(lastCode()));
    await sendOtp(deps, '13800000000', PHONE_KEY, 'login');
    expect(await guess(deps, wrongFor(lastCode()))).toBe('auth.otp_wrong:4');
    expect(await guess(deps, lastCode())).toBe('ok');
  });
});
