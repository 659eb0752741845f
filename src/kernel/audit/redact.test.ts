import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../validation/identifiers.js';
import { isBankCardNumber, maskPersonalNumbers, redactForAudit } from './redact.js';

const ID = makeIdNumber('411302', '1990-01-01', 2);
const PHONE = '13812345678';
const CARD = '6222021234567890128'; // 19 digits, Luhn-valid

describe('audit redaction', () => {
  it('knows a card number by its length and Luhn check', () => {
    expect(isBankCardNumber(CARD)).toBe(true);
    expect(isBankCardNumber('6222021234567890127')).toBe(false);
    expect(isBankCardNumber('4111111111111111')).toBe(true);
    expect(isBankCardNumber('411111111111')).toBe(false); // 12 digits
  });

  it('masks identity, mobile and card numbers wherever they stand in a string, and leaves the rest', () => {
    expect(maskPersonalNumbers(ID)).toBe(`${ID.slice(0, 6)}********${ID.slice(14)}`);
    expect(maskPersonalNumbers(PHONE)).toBe('138****5678');
    expect(maskPersonalNumbers(`+86${PHONE}`)).toBe('+86138****5678');
    expect(maskPersonalNumbers(CARD)).toBe('6222***********0128');
    expect(maskPersonalNumbers(`患者 ${ID} 电话${PHONE}。`)).toBe(`患者 ${ID.slice(0, 6)}********${ID.slice(14)} 电话138****5678。`);
    expect(maskPersonalNumbers(ID.toLowerCase())).not.toContain(ID.slice(6, 14));
    // not personal numbers: a wrong check digit, 12 digits, a landline, a bill number, an order reference with no such run
    const wrongCheck = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');
    for (const kept of ['123456789012', '0377-63212345', '1000000001', 'ORD123', 'sysadmin', 'H41130200746']) expect(maskPersonalNumbers(kept)).toBe(kept);
    expect(maskPersonalNumbers(wrongCheck)).toBe(isBankCardNumber(wrongCheck) ? '4113**********' + wrongCheck.slice(14) : wrongCheck);
  });

  it('keeps no secret, masks personal keys whatever their value, and masks numbers by value under any key', () => {
    const body = {
      identifier: PHONE,
      password: 'Test#Pass2026',
      smsCode: '123456',
      idNumber: ID.slice(0, 17), // mistyped: still masked by its key
      phone: 13812345678, // a number where a string belongs (a refused request)
      insuranceId: ID,
      note: `请联系 ${PHONE}`,
      nested: [{ holder: { idNumber: ID, accountNo: CARD } }],
      amountFen: 12000,
      name: '张三',
    };
    const kept = redactForAudit(body) as Record<string, unknown>;
    const text = JSON.stringify(kept);
    for (const plain of [PHONE, ID, CARD, ID.slice(0, 17), 'Test#Pass2026', '123456']) expect(text).not.toContain(plain);
    expect(kept).toMatchObject({ identifier: '138****5678', password: '[redacted]', smsCode: '[redacted]', phone: '138****5678', amountFen: 12000, name: '张三' });
    expect(kept.insuranceId).toBe(`${ID.slice(0, 6)}********${ID.slice(14)}`);
    expect(kept.idNumber).toBe(`4113*********${ID.slice(13, 17)}`);
  });

  it('masks a route’s sensitive fields whatever they look like', () => {
    const kept = redactForAudit({ insuranceId: 'YB4113020001', visit: { insuranceId: 'AB12' } }, new Set(['insuranceId'])) as Record<string, any>;
    expect(kept.insuranceId).toBe('YB4******001');
    expect(kept.visit.insuranceId).toBe('A**2');
    expect(redactForAudit({ insuranceId: 'YB4113020001' })).toEqual({ insuranceId: 'YB4113020001' });
  });
});
