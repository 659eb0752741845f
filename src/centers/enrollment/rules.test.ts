import { describe, expect, it } from 'vitest';
import { baseWithin, identitiesAsOf, missingApplicationField, monthOfDate, retiredAsOf, statusInMonth, transition, yuan, type ApplicationFields, type ApplicationKind, type StatusChange } from './rules.js';

const history: StatusChange[] = [
  { month: 201901, status: 'active' },
  { month: 201906, status: 'suspended' },
  { month: 201909, status: 'active' },
  { month: 202001, status: 'removed' },
];

describe('statusInMonth', () => {
  it.each([
    [201812, null],
    [201901, 'active'],
    [201905, 'active'],
    [201906, 'suspended'],
    [201908, 'suspended'],
    [201909, 'active'],
    [201912, 'active'],
    [202001, 'removed'],
    [203001, 'removed'],
  ])('in %i is %s', (month, status) => expect(statusInMonth(history, month)).toBe(status));
});

describe('transition', () => {
  const active: StatusChange[] = [{ month: 201901, status: 'active' }];
  const suspended: StatusChange[] = [...active, { month: 201903, status: 'suspended' }];
  const removed: StatusChange[] = [...active, { month: 201903, status: 'removed' }];
  it.each([
    ['active → suspend', active, 'suspend', 201902, { ok: true, change: { month: 201902, status: 'suspended' } }],
    ['active → suspend in the same month', active, 'suspend', 201901, { ok: true, change: { month: 201901, status: 'suspended' } }],
    ['active → resume', active, 'resume', 201902, { ok: false, reason: 'state', status: 'active' }],
    ['active → remove', active, 'remove', 201905, { ok: true, change: { month: 201905, status: 'removed' } }],
    ['active → suspend backdated', active, 'suspend', 201812, { ok: false, reason: 'month', lastMonth: 201901 }],
    ['suspended → resume', suspended, 'resume', 201904, { ok: true, change: { month: 201904, status: 'active' } }],
    ['suspended → suspend', suspended, 'suspend', 201904, { ok: false, reason: 'state', status: 'suspended' }],
    ['suspended → remove', suspended, 'remove', 201904, { ok: true, change: { month: 201904, status: 'removed' } }],
    ['suspended → resume before the suspension', suspended, 'resume', 201902, { ok: false, reason: 'month', lastMonth: 201903 }],
    ['removed → resume', removed, 'resume', 201904, { ok: false, reason: 'state', status: 'removed' }],
    ['removed → remove', removed, 'remove', 201904, { ok: false, reason: 'state', status: 'removed' }],
    ['nothing → suspend', [], 'suspend', 201904, { ok: false, reason: 'state', status: 'removed' }],
  ] as const)('%s', (_name, changes, action, month, expected) => expect(transition(changes, action, month)).toEqual(expected));
});

describe('identities as of a month', () => {
  const rows = [
    { code: 'retired', startDate: '2019-03-15', endDate: null },
    { code: 'dibao', startDate: '2018-07-01', endDate: '2019-02-28' },
    { code: 'dibao', startDate: '2019-06-01', endDate: null },
    { code: 'severe_disability', startDate: '2019-01-31', endDate: '2019-01-31' },
  ];
  it.each([
    [201806, [], false],
    [201807, ['dibao'], false],
    [201901, ['dibao', 'severe_disability'], false],
    [201902, ['dibao'], false],
    [201903, ['retired'], true],
    [201905, ['retired'], true],
    [201906, ['dibao', 'retired'], true],
  ])('in %i: %j, retired %s', (month, codes, retired) => {
    expect(identitiesAsOf(rows, month).map((r) => r.code)).toEqual(codes);
    expect(retiredAsOf(rows, month)).toBe(retired);
  });
  it('takes the latest start when two rows of one code overlap', () => {
    const two = [
      { code: 'dibao', startDate: '2019-01-01', endDate: null },
      { code: 'dibao', startDate: '2019-05-01', endDate: null },
    ];
    expect(identitiesAsOf(two, 201906)).toEqual([two[1]]);
  });
  it('reads the month of a date', () => expect(monthOfDate('2019-03-15')).toBe(201903));
});

describe('application fields (申请)', () => {
  const flexible: ApplicationFields = { insuranceType: '310', regionCode: '411302', monthlyBaseFen: 250_000 };
  it.each<[ApplicationKind, ApplicationFields, string | null]>([
    ['flexible_enrollment', flexible, null],
    ['flexible_enrollment', { ...flexible, monthlyBaseFen: 0 }, null],
    ['flexible_enrollment', { ...flexible, monthlyBaseFen: undefined }, 'monthlyBaseFen'],
    ['flexible_enrollment', { ...flexible, regionCode: undefined }, 'regionCode'],
    ['flexible_enrollment', {}, 'insuranceType'],
    ['resident_enrollment', { insuranceType: '390', regionCode: '411302' }, null],
    ['resident_enrollment', { insuranceType: '390' }, 'regionCode'],
    ['flexible_suspension', { employmentId: 'emp_1', reason: '失业' }, null],
    ['flexible_suspension', { employmentId: 'emp_1', reason: '  ' }, 'reason'],
    ['flexible_suspension', { reason: '失业' }, 'employmentId'],
  ])('%s %j → %s', (kind, fields, missing) => expect(missingApplicationField(kind, fields)).toBe(missing));
});

describe('a flexible worker’s chosen base (南阳 2019: 60 %–300 % of 3,000.00 = 1,800.00–9,000.00)', () => {
  const bounds = { lowerFen: 180_000, upperFen: 900_000 };
  it.each([
    [179_999, false],
    [180_000, true],
    [250_000, true],
    [900_000, true],
    [900_001, false],
  ])('%i fen → %s', (base, ok) => expect(baseWithin(base, bounds)).toBe(ok));
  it.each([
    [180_000, '1800.00'],
    [5, '0.05'],
    [123_456, '1234.56'],
    [0, '0.00'],
    [-250, '-2.50'],
  ])('%i fen reads %s yuan', (fen, text) => expect(yuan(fen)).toBe(text));
});
