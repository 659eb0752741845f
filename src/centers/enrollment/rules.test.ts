import { describe, expect, it } from 'vitest';
import { identitiesAsOf, monthOfDate, poolingRegionCandidates, retiredAsOf, statusInMonth, transition, type StatusChange } from './rules.js';

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

describe('pooling region candidates', () => {
  it.each([
    ['411302', ['411302', '411300', '410000']],
    ['411300', ['411300', '410000']],
    ['410000', ['410000']],
  ])('%s → %j', (region, expected) => expect(poolingRegionCandidates(region)).toEqual(expected));
});
