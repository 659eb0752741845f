import { describe, expect, it } from 'vitest';
import { ageInMonth, covers, effectiveVersion, monthKey, monthText, overlaps } from './month.js';
import type { PolicyStatus } from './types.js';

describe('months', () => {
  it.each([
    ['2019-01', 201901],
    ['2019-12', 201912],
    ['1999-07', 199907],
  ])('%s ↔ %i', (text, key) => {
    expect(monthKey(text)).toBe(key);
    expect(monthText(key)).toBe(text);
  });

  it.each(['2019-13', '2019-1', '201901', '2019-01-01', ''])('refuses %j with the field named', (text) => {
    expect(() => monthKey(text, 'effectiveFrom')).toThrow(expect.objectContaining({ code: 'policy.month_invalid', kind: 'invalid', field: 'effectiveFrom' }));
  });
});

describe('age in the contribution month (counted to the month)', () => {
  it.each([
    ['1979-06-15', '2019-01', 39, 'DOMAIN.md 110001: aged 39 in 2019-01'],
    ['1979-06-15', '2019-05', 39, 'the month before the birthday month'],
    ['1979-06-15', '2019-06', 40, 'the birthday month counts, whatever the day'],
    ['1979-06-30', '2019-06', 40, 'late in the month too'],
    ['1978-12-01', '2019-01', 40, 'still 40 in January'],
    ['1978-01-31', '2019-01', 41, 'turns 41 in January'],
    ['1978-02', '2019-01', 40, 'a birth month without a day'],
  ])('born %s, in %s → %i (%s)', (birthDate, month, age) => {
    expect(ageInMonth(birthDate, month)).toBe(age);
  });

  it('refuses a malformed birth date', () => {
    expect(() => ageInMonth('15.06.1979', '2019-01')).toThrow(expect.objectContaining({ code: 'policy.birth_date_invalid', field: 'birthDate' }));
  });
});

describe('effective periods', () => {
  const p = (effectiveFrom: string, effectiveTo: string | null) => ({ effectiveFrom, effectiveTo });

  it.each([
    [p('2019-01', null), '2018-12', false],
    [p('2019-01', null), '2019-01', true],
    [p('2019-01', null), '2030-06', true],
    [p('2019-01', '2019-12'), '2019-12', true],
    [p('2019-01', '2019-12'), '2020-01', false],
  ])('%j covers %s: %s', (period, month, expected) => {
    expect(covers(period, month)).toBe(expected);
  });

  it.each([
    [p('2019-01', null), p('2020-01', null), true],
    [p('2019-01', '2019-12'), p('2020-01', null), false],
    [p('2019-01', '2019-12'), p('2019-12', '2020-06'), true],
    [p('2020-01', null), p('2018-01', '2019-12'), false],
    [p('2020-01', null), p('2018-01', '2020-01'), true],
  ])('%j overlaps %j: %s', (a, b, expected) => {
    expect(overlaps(a, b)).toBe(expected);
    expect(overlaps(b, a)).toBe(expected);
  });

  const v = (id: string, status: PolicyStatus, effectiveFrom: string, effectiveTo: string | null = null) => ({ id, status, effectiveFrom, effectiveTo });

  it.each([
    ['only published versions apply', [v('a', 'draft', '2019-01'), v('b', 'reviewed', '2019-01'), v('c', 'published', '2019-01')], '2019-03', 'c'],
    ['a voided version is ignored', [v('old', 'published', '2019-01'), v('new', 'voided', '2019-01')], '2019-03', 'old'],
    ['a version not yet effective does not apply', [v('a', 'published', '2019-01')], '2018-12', null],
    ['an ended version does not apply', [v('a', 'published', '2018-01', '2018-12'), v('b', 'published', '2019-01')], '2018-12', 'a'],
    ['the successor applies after it', [v('a', 'published', '2018-01', '2018-12'), v('b', 'published', '2019-01')], '2019-01', 'b'],
    ['nothing at all', [], '2019-01', null],
  ])('%s', (_, versions, month, expected) => {
    expect(effectiveVersion(versions, month)?.id ?? null).toBe(expected);
  });

  it('refuses to choose between two published versions of one month', () => {
    expect(() => effectiveVersion([v('a', 'published', '2019-01'), v('b', 'published', '2019-06')], '2019-07')).toThrow(
      expect.objectContaining({ code: 'policy.ambiguous', kind: 'unprocessable' }),
    );
  });
});
