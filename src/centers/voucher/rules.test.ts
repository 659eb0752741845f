import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  checkPinDigest,
  generationRisk,
  insuranceTypesInForce,
  mintCode,
  mintSettlementToken,
  parseCode,
  pinDigest,
  pinKeyOf,
  verifyRefusal,
  verifySettlementToken,
  voucherPasswordWeakness,
  type VerifyFacts,
} from './rules.js';

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

describe('PIN digest (密码校验值, HMAC-SM3 with a key outside the database)', () => {
  const current = pinKeyOf(randomBytes(32).toString('hex'));
  const previous = pinKeyOf(randomBytes(32).toString('hex'));
  const stored = pinDigest(current, 'vch_a', '258147');

  it.each([
    ['the right PIN', [current], 'vch_a', '258147', { verdict: 'match', current: true }],
    ['a wrong PIN', [current], 'vch_a', '258148', { verdict: 'mismatch' }],
    ['the right PIN for another voucher', [current], 'vch_b', '258147', { verdict: 'mismatch' }],
    ['the right PIN under a previous key (to be replaced)', [previous, current], 'vch_a', '258147', { verdict: 'match', current: false }],
    ['no key held that made it', [previous], 'vch_a', '258147', { verdict: 'unknown_key' }],
  ] as const)('%s', (_name, keys, voucherId, pin, verdict) => {
    expect(checkPinDigest(keys, voucherId, pin, stored)).toEqual(verdict);
  });

  it('salts each digest: the same PIN twice gives two values; an argon2id hash is not a digest', () => {
    expect(pinDigest(current, 'vch_a', '258147')).not.toBe(stored);
    expect(stored).toMatch(/^hs1\$[\w-]{8}\$[\w-]{22}\$[\w-]{43}$/);
    expect(checkPinDigest([current], 'vch_a', '258147', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA')).toBeNull();
  });

  it('with the database copied and the key absent, no PIN can be checked: a search of all 10⁶ PINs under another key finds none', () => {
    // The attacker has the stored value (with its key id) but not the key: any key they hold is another one.
    const guessKey = { id: current.id, key: randomBytes(32) };
    const search = (key: typeof current, upTo: number) => {
      const found: string[] = [];
      for (let n = 0; n < upTo; n++) {
        const pin = String(n).padStart(6, '0');
        if (checkPinDigest([key], 'vch_a', pin, stored)?.verdict === 'match') found.push(pin);
      }
      return found;
    };
    expect(search(guessKey, 1_000_000)).toEqual([]);
    // the search itself works: with the key it finds the PIN (six digits are no secret from whoever holds the key)
    expect(search(current, 258_148)).toEqual(['258147']);
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

describe('settlement token (结算授权令牌, HMAC-SM3)', () => {
  const key = Buffer.alloc(32, 9);
  const now = 1_800_000_000;
  const claims = { appId: 'app_x', personId: 'psn_a', institutionCode: 'H41130200746', codeId: 'c0dec0dec0dec0dec0dec0', exp: now + 1_800 };
  const caller = { appId: 'app_x', institutionCode: 'H41130200746' };
  const token = mintSettlementToken(key, claims);

  it('gives its claims back to the app and institution it was minted for, until it expires', () => {
    expect(token).toMatch(/^st1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifySettlementToken(key, token, caller, now)).toEqual({ ok: true, claims });
    expect(verifySettlementToken(key, token, caller, now + 1_799)).toEqual({ ok: true, claims });
    expect(verifySettlementToken(key, token, caller, now + 1_800)).toEqual({ ok: false, reason: 'expired' });
  });

  const [prefix, payload, mac] = token.split('.');
  const forged = (over: Partial<typeof claims>) => `${prefix}.${Buffer.from(JSON.stringify({ ...claims, ...over })).toString('base64url')}.${mac}`;
  const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1);
  it.each<[string, string, { appId: string; institutionCode: string }, string]>([
    ['another app', token, { ...caller, appId: 'app_y' }, 'not_yours'],
    ['another institution', token, { ...caller, institutionCode: 'H41130200001' }, 'not_yours'],
    ['another app, expired too', mintSettlementToken(key, { ...claims, exp: now - 1 }), { ...caller, appId: 'app_y' }, 'not_yours'],
    ['a payload changed to another person', forged({ personId: 'psn_b' }), caller, 'invalid'],
    ['a payload with a later expiry', forged({ exp: now + 86_400 }), caller, 'invalid'],
    ['a changed MAC', `${prefix}.${payload}.${flip(mac)}`, caller, 'invalid'],
    ['another key', mintSettlementToken(Buffer.alloc(32, 8), claims), caller, 'invalid'],
    ['a truncated MAC', `${prefix}.${payload}.${mac.slice(1)}`, caller, 'invalid'],
    ['another prefix', `st2.${payload}.${mac}`, caller, 'invalid'],
    ['junk', 'hello', caller, 'invalid'],
    ['a voucher code', mintCode(key).code, caller, 'invalid'],
  ])('refuses %s', (_name, given, who, reason) => {
    expect(verifySettlementToken(key, given, who, now)).toEqual({ ok: false, reason });
  });

  it('refuses a well-signed payload that is not the claims (only a platform key could sign one)', () => {
    const payloadOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const value of [null, 'x', { ...claims, exp: 'soon' }, { ...claims, personId: '' }, { appId: 'app_x' }]) {
      const p = payloadOf(value);
      const signed = `st1.${p}.${createHmac('sm3', key).update(`st1.${p}`).digest('base64url')}`;
      expect(verifySettlementToken(key, signed, caller, now)).toEqual({ ok: false, reason: 'invalid' });
    }
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
