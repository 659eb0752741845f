import { describe, expect, it } from 'vitest';
import { ageOn, generationRisk, insuranceTypesInForce, mintCode, parseCode, verifyRefusal, voucherPasswordWeakness, type VerifyFacts } from './rules.js';

describe('voucher password (电子凭证密码)', () => {
  const birth = '1990-03-15';
  it.each([
    ['258147', null],
    ['12345', 'voucher.password_format'],
    ['1234567', 'voucher.password_format'],
    ['12a456', 'voucher.password_format'],
    ['000000', 'voucher.password_repeated'],
    ['777777', 'voucher.password_repeated'],
    ['123456', 'voucher.password_sequential'],
    ['456789', 'voucher.password_sequential'],
    ['987654', 'voucher.password_sequential'],
    ['123457', null],
    ['900315', 'voucher.password_birth_date'], // yyMMdd
    ['031590', 'voucher.password_birth_date'], // MMddyy
    ['150390', 'voucher.password_birth_date'], // ddMMyy
    ['199003', 'voucher.password_birth_date'], // yyyyMM
    ['900316', null],
  ])('%s → %s', (password, expected) => {
    expect(voucherPasswordWeakness(password, birth)).toBe(expected);
  });

  it('accepts a birth-date-like password when the birth date is unknown', () => {
    expect(voucherPasswordWeakness('900315', null)).toBeNull();
  });
});

describe('age from the birth date', () => {
  it.each([
    ['2010-06-01', '2026-05-31', 15],
    ['2010-06-01', '2026-06-01', 16],
    ['2010-06-01', '2026-06-02', 16],
    ['2012-02-29', '2028-02-28', 15],
    ['2012-02-29', '2028-02-29', 16],
    ['1949-12-31', '2026-01-01', 76],
  ])('born %s, on %s: %i', (birth, day, age) => {
    expect(ageOn(birth, day)).toBe(age);
  });
});

describe('code string (HMAC-SM3)', () => {
  const key = Buffer.alloc(32, 7);
  it('round-trips and refuses a changed id, a changed MAC, another key and junk', () => {
    const { id, code } = mintCode(key);
    expect(parseCode(key, code)).toEqual({ ok: true, id });
    const [prefix, codeId, mac] = code.split('.');
    const otherId = (codeId[0] === 'A' ? 'B' : 'A') + codeId.slice(1);
    expect(parseCode(key, `${prefix}.${otherId}.${mac}`)).toEqual({ ok: false, reason: 'bad_mac' });
    const otherMac = (mac[0] === 'A' ? 'B' : 'A') + mac.slice(1);
    expect(parseCode(key, `${prefix}.${codeId}.${otherMac}`)).toEqual({ ok: false, reason: 'bad_mac' });
    expect(parseCode(Buffer.alloc(32, 8), code)).toEqual({ ok: false, reason: 'bad_mac' });
    expect(parseCode(key, 'hello')).toEqual({ ok: false, reason: 'malformed' });
    expect(parseCode(key, `${code}x`)).toEqual({ ok: false, reason: 'malformed' });
  });
  it('gives a different code each time', () => {
    expect(mintCode(key).code).not.toBe(mintCode(key).code);
  });
});

describe('risk rules (风控)', () => {
  it.each([
    [1, 10, { refused: false, flag: null }],
    [10, 10, { refused: false, flag: null }],
    [11, 10, { refused: true, flag: 'too_many_codes' }],
    [12, 10, { refused: true, flag: null }],
  ])('generation %i of limit %i', (count, limit, expected) => {
    expect(generationRisk(count, limit)).toEqual(expected);
  });

  const live: VerifyFacts = { macValid: true, found: true, status: 'issued', expired: false, boundToCaller: true, authorized: true, deviceGiven: false };
  it.each<[string, VerifyFacts, ReturnType<typeof verifyRefusal>]>([
    ['a live code for its channel', live, null],
    ['a registered device', { ...live, deviceGiven: true, deviceRegistered: true }, null],
    ['a forged code', { macValid: false, found: false }, { reason: 'code_invalid', flag: 'forged_code' }],
    ['an unknown code', { macValid: true, found: false }, { reason: 'code_unknown', flag: null }],
    ['a second scan', { ...live, status: 'used' }, { reason: 'code_used', flag: 'code_reused' }],
    ['a second scan after expiry', { ...live, status: 'used', expired: true }, { reason: 'code_used', flag: 'code_reused' }],
    ['an expired code', { ...live, expired: true }, { reason: 'code_expired', flag: null }],
    ['another channel', { ...live, boundToCaller: false }, { reason: 'channel_not_authorized', flag: 'unauthorized_channel' }],
    ['a revoked authorization', { ...live, authorized: false }, { reason: 'channel_not_authorized', flag: 'unauthorized_channel' }],
    ['another channel on a used code', { ...live, status: 'used', boundToCaller: false }, { reason: 'channel_not_authorized', flag: 'unauthorized_channel' }],
    ['an unregistered device', { ...live, deviceGiven: true, deviceRegistered: false }, { reason: 'device_unregistered', flag: 'unregistered_device' }],
  ])('%s', (_, facts, expected) => {
    expect(verifyRefusal(facts)).toEqual(expected);
  });

  it('counts only active enrollments, each type once', () => {
    expect(
      insuranceTypesInForce({
        a: { insuranceType: '410', status: 'active' },
        b: { insuranceType: '310', status: 'suspended' },
        c: { insuranceType: '310', status: 'active' },
        d: { insuranceType: '390', status: 'removed' },
        e: { insuranceType: '410', status: 'active' },
      }),
    ).toEqual(['310', '410']);
  });
});
