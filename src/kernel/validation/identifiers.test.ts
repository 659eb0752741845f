import { describe, expect, it } from 'vitest';
import { isValidCreditCode, isValidIdNumber, isValidYearMonth, makeCreditCode, makeIdNumber, parseIdNumber } from './identifiers.js';

describe('identity number (GB 11643)', () => {
  it.each([
    ['11010519491231002X', true, 'DOMAIN.md example'],
    ['11010519491231002x', false, 'lower-case x is not the standard form'],
    ['110105194912310021', false, 'wrong check character'],
    ['11010519490231002X', false, 'no 31 February... checksum differs too'],
    ['1101051949123100', false, 'too short'],
    ['A1010519491231002X', false, 'letters'],
  ])('%s → %s (%s)', (value, expected) => {
    expect(isValidIdNumber(value)).toBe(expected);
  });

  it('rejects an impossible date even when the checksum is right', () => {
    expect(isValidIdNumber(makeIdNumber('110105', '1990-02-30', 123))).toBe(false);
    expect(isValidIdNumber(makeIdNumber('110105', '1990-02-28', 123))).toBe(true);
  });

  it('rejects a birth date in the future', () => {
    expect(parseIdNumber(makeIdNumber('110105', '2030-01-01', 1), new Date('2026-11-22'))).toBeNull();
  });

  it('reads birth date and sex', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({ regionCode: '110105', birthDate: '1949-12-31', sex: 'female' });
    expect(parseIdNumber(makeIdNumber('411302', '1987-06-05', 13))?.sex).toBe('male');
  });
});

describe('unified social credit code (GB 32100)', () => {
  it.each([
    ['91350100M000100Y43', true],
    ['91350100M000100Y44', false],
    ['91350100M000100Y4', false],
    ['91350100I000100Y43', false],
  ])('%s → %s', (value, expected) => {
    expect(isValidCreditCode(value)).toBe(expected);
  });

  it('makeCreditCode yields valid codes', () => {
    expect(makeCreditCode('91350100M000100Y4')).toBe('91350100M000100Y43');
  });
});

describe('calendar month (YYYY-MM)', () => {
  it.each([
    ['2019-01', true],
    ['2019-12', true],
    ['2019-13', false],
    ['2019-00', false],
    ['2019-1', false],
    ['201901', false],
    ['2019-01-01', false],
    ['1899-12', false],
  ])('%s → %s', (value, expected) => {
    expect(isValidYearMonth(value)).toBe(expected);
  });
});
