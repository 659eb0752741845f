import { describe, expect, it } from 'vitest';
import { makeCreditCode, makeIdNumber } from '../../kernel/validation/identifiers.js';
import { checkCancelDate, checkIdentity, chinaDate, normalizeCreditCode, normalizeName, normalizePhone, parseCategory, parseDate, parseSex, regionPrefixOf, regionWithin } from './rules.js';

const TODAY = new Date('2026-06-01T00:00:00Z');
// DOMAIN.md's example: born 1949-12-31, position 17 = 2 (even) → female
const EXAMPLE = '11010519491231002X';
const MALE = makeIdNumber('411302', '1990-01-01', 123); // sequence 123: position 17 = 3, odd → male

describe('identity consistency (GB 11643)', () => {
  it.each([
    ['the DOMAIN.md example alone', { idNumber: EXAMPLE }, { birthDate: '1949-12-31', sex: 'female' }],
    ['lower-case x is normalised', { idNumber: EXAMPLE.toLowerCase() }, { idNumber: EXAMPLE }],
    ['full-width digits are normalised', { idNumber: '１１０１０５１９４９１２３１００２X' }, { idNumber: EXAMPLE }],
    ['agreeing birth date', { idNumber: EXAMPLE, birthDate: '1949-12-31' }, { birthDate: '1949-12-31' }],
    ['agreeing birth date, compact form', { idNumber: EXAMPLE, birthDate: '19491231' }, { birthDate: '1949-12-31' }],
    ['agreeing birth date, slashes', { idNumber: EXAMPLE, birthDate: '1949/12/31' }, { birthDate: '1949-12-31' }],
    ['agreeing sex in Chinese', { idNumber: EXAMPLE, sex: '女' }, { sex: 'female' }],
    ['agreeing sex, code 1 = male', { idNumber: MALE, sex: '1' }, { sex: 'male' }],
    ['empty optional cells are ignored', { idNumber: MALE, birthDate: '', sex: ' ' }, { birthDate: '1990-01-01', sex: 'male' }],
  ])('%s', (_, input, expected) => {
    expect(checkIdentity(input, TODAY)).toMatchObject(expected);
  });

  it.each([
    ['bad checksum', { idNumber: '110105194912310021' }, 'idNumber', 'registry.id_number_invalid'],
    ['impossible date inside', { idNumber: makeIdNumber('110105', '1949-02-30', 2) }, 'idNumber', 'registry.id_number_invalid'],
    ['born in the future', { idNumber: makeIdNumber('110105', '2027-01-01', 2) }, 'idNumber', 'registry.id_number_invalid'],
    ['17 characters', { idNumber: EXAMPLE.slice(0, 17) }, 'idNumber', 'registry.id_number_invalid'],
    ['birth date one day off', { idNumber: EXAMPLE, birthDate: '1949-12-30' }, 'birthDate', 'registry.birth_date_mismatch'],
    ['birth date not a date', { idNumber: EXAMPLE, birthDate: '1949-13-01' }, 'birthDate', 'registry.date_invalid'],
    ['sex disagrees', { idNumber: EXAMPLE, sex: 'male' }, 'sex', 'registry.sex_mismatch'],
    ['sex disagrees (男 for a female number)', { idNumber: EXAMPLE, sex: '男' }, 'sex', 'registry.sex_mismatch'],
    ['sex unknown', { idNumber: EXAMPLE, sex: 'x' }, 'sex', 'registry.sex_invalid'],
  ])('refuses %s, naming %s', (_, input, field, code) => {
    expect(checkIdentity(input, TODAY)).toEqual({ field, code });
  });
});

describe('value normalisation', () => {
  it.each([
    ['1990-01-01', '1990-01-01'],
    ['19900101', '1990-01-01'],
    ['1990/1/2', '1990-01-02'],
    ['1990.01.02', '1990-01-02'],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', null],
    ['1990-1-2', '1990-01-02'],
    ['1990/01-02', null],
    ['90-01-01', null],
    ['', null],
  ])('date %j → %j', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    ['张三', '张三'],
    [' 张三 ', '张三'],
    ['阿卜杜拉·艾力', '阿卜杜拉·艾力'],
    ['John Smith', 'John Smith'],
    ['John  Smith', null],
    ['<b>', null],
    ['a\tb', null],
    ['', null],
    ['名'.repeat(51), null],
  ])('name %j → %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it.each([
    ['13800000001', '13800000001'],
    ['138 0000 0001', '13800000001'],
    ['+8613800000001', '13800000001'],
    ['１３８００００００01', '13800000001'],
    ['12800000001', null],
    ['1380000000', null],
  ])('phone %j → %j', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  const CODE = makeCreditCode('91411300MA4ABCDEF');
  it.each([
    [CODE, CODE],
    [CODE.toLowerCase(), CODE],
    [` ${CODE} `, CODE],
    [CODE.slice(0, 17) + (CODE[17] === '0' ? '1' : '0'), null],
  ])('credit code %j → %j', (input, expected) => {
    expect(normalizeCreditCode(input)).toBe(expected);
  });

  it.each([
    ['男', 'male'],
    ['F', 'female'],
    ['female', 'female'],
    ['2', 'female'],
    ['?', null],
  ])('sex %j → %j', (input, expected) => {
    expect(parseSex(input)).toBe(expected);
  });

  it.each([
    ['employee', 'employee'],
    ['在职职工', 'employee'],
    ['学生儿童', 'student'],
    ['Employee', null],
    ['外星人', null],
  ])('category %j → %j', (input, expected) => {
    expect(parseCategory(input)).toBe(expected);
  });
});

describe('region scope', () => {
  it.each([
    [{ level: 'national', regionCode: '000000' }, ''],
    [{ level: 'province', regionCode: '410000' }, '41'],
    [{ level: 'city', regionCode: '411300' }, '4113'],
    [{ level: 'agency', regionCode: '411302' }, '4113'],
  ])('%j owns prefix %j', (org, prefix) => {
    expect(regionPrefixOf(org)).toBe(prefix);
  });

  it.each([
    ['411302', '4113', true],
    ['411381', '4113', true],
    ['410102', '4113', false],
    ['410102', '41', true],
    ['110105', '41', false],
    ['110105', '', true],
  ])('%s within %j: %s', (region, prefix, expected) => {
    expect(regionWithin(region, prefix)).toBe(expected);
  });
});

describe('cancellation date', () => {
  it.each([
    ['2026-05-31', null, null],
    ['2026-06-01', null, null],
    ['2026-06-02', null, 'registry.cancel_date_future'],
    ['1989-12-31', '1990-01-01', 'registry.cancel_date_before_birth'],
    ['2026-02-30', null, 'registry.date_invalid'],
  ])('%s (born %s) → %s', (date, birth, code) => {
    expect(checkCancelDate(date, birth, TODAY)?.code ?? null).toBe(code);
  });

  it('counts days in China time', () => {
    expect(chinaDate(new Date('2026-05-31T16:30:00Z'))).toBe('2026-06-01');
    expect(chinaDate(new Date('2026-05-31T15:59:00Z'))).toBe('2026-05-31');
  });
});
