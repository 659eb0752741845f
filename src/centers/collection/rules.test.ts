import { describe, expect, it } from 'vitest';
import { longTermCarePolicy, type CollectionRuleVersion, type PayerShare } from '../policy/index.js';
import { accountEntryOf, basesFor, billStatus, categoryFor, classifyPool, parseMonth, payerKeyOf, poolPaymentStatus } from './rules.js';

/** The long-term-care collection rule of DOMAIN.md, as the policy center publishes it. */
const ltc: Pick<CollectionRuleVersion, 'shares'> = {
  shares: longTermCarePolicy().collection.shares.map(
    (s): PayerShare => ({ ...s, dueMonth: ('dueMonth' in s ? s.dueMonth : null) ?? null, conditions: { ageAtMost: null, ageAbove: null, categories: null, ...s.conditions } }),
  ),
};
const withCategories = (categories: string[]): Pick<CollectionRuleVersion, 'shares'> => ({ shares: [{ ...ltc.shares[0], conditions: { categories } }] });

describe('who pays a line (缴费主体)', () => {
  it.each([
    ['an employee’s unit share: the unit', 'unit', 'ent_a', 'ent_a'],
    ['an employee’s own share: withheld by the unit (代扣代缴)', 'person', 'ent_a', 'ent_a'],
    ['a flexible worker pays both shares alone', 'unit', null, 'psn_p'],
    ['a resident’s own share', 'person', null, 'psn_p'],
    ['a fiscal subsidy: the pooling region’s finance bureau', 'fiscal', 'ent_a', 'fiscal:411300'],
  ] as const)('%s', (_, payer, entityId, key) => {
    expect(payerKeyOf(payer, { entityId, personId: 'psn_p', poolingRegion: '411300' })).toBe(key);
  });
});

describe('facts a person is computed with', () => {
  it('reads every base kind the rule names from the declared base (the LTC retiree’s account-allocation base is the declared 2,200.00)', () => {
    expect(basesFor(ltc, 220_000)).toEqual({ medical: 220_000, account_allocation: 220_000 });
    expect(basesFor(ltc, null)).toEqual({});
    expect(basesFor(null, 100)).toEqual({});
  });

  it.each([
    ['an employee without special identities', 'employee', [], ltc, 'employee'],
    ['a flexible worker', 'flexible', ['retired'], ltc, 'flexible'],
    ['a special identity the rule names wins', 'resident', ['dibao'], withCategories(['dibao', 'resident']), 'dibao'],
    ['a special identity the rule does not name is ignored', 'resident', ['tekun'], withCategories(['dibao']), 'resident'],
    ['retirement is not a category', 'employee', ['retired'], withCategories(['retired']), 'employee'],
    ['of two named identities, the first by code', 'resident', ['tekun', 'dibao'], withCategories(['tekun', 'dibao']), 'dibao'],
  ] as const)('%s', (_, kind, identities, rule, category) => {
    expect(categoryFor(kind, identities, rule)).toBe(category);
  });
});

describe('personal-account entries of a received line', () => {
  it.each([
    ['LTC personal share drawn from the account (扣减): 2.00', 'personal_account', 'from', 200, { kind: 'deduction', amountFen: -200 }],
    ['a share paid into the account (划入)', 'personal_account', 'to', 1_234, { kind: 'allocation', amountFen: 1_234 }],
    ['the unit’s pooled-fund share does not touch the account', 'pooled_fund', 'from', 400, null],
    ['a fiscal subsidy paid from its own money', 'none', 'to', 220, null],
    ['a zero line makes no entry', 'personal_account', 'to', 0, null],
  ] as const)('%s', (_, fund, flow, amountFen, entry) => {
    expect(accountEntryOf({ fund, flow, amountFen })).toEqual(entry);
  });
});

describe('bill and payment states', () => {
  it.each([
    [1_260, 0, 4, 'due'],
    [1_260, 400, 4, 'partly_paid'],
    [1_260, 1_260, 4, 'paid'],
    [0, 0, 0, 'cancelled'],
    [0, 0, 2, 'paid'],
  ] as const)('total %i received %i with %i live lines → %s', (total, received, lines, status) => {
    expect(billStatus(total, received, lines)).toBe(status);
  });

  it.each([
    ['exactly covered', { liveLines: 2, liveFen: 600, outstandingFen: 0, paidFen: 600, receivedFen: 600 }, 'matched'],
    ['a line still due', { liveLines: 2, liveFen: 600, outstandingFen: 200, paidFen: 450, receivedFen: 400 }, 'short'],
    ['money left over', { liveLines: 2, liveFen: 600, outstandingFen: 0, paidFen: 700, receivedFen: 600 }, 'over'],
    ['nothing receivable', { liveLines: 0, liveFen: 0, outstandingFen: 0, paidFen: 700, receivedFen: 0 }, 'unmatched'],
  ] as const)('a pool %s → %s', (_, pool, status) => {
    expect(poolPaymentStatus(pool)).toBe(status);
  });
});

describe('reconciliation of a payer’s month', () => {
  it.each([
    [{ dueFen: 600, paidFen: 600 }, null],
    [{ dueFen: 600, paidFen: 0 }, 'unpaid'],
    [{ dueFen: 600, paidFen: 400 }, 'short'],
    [{ dueFen: 600, paidFen: 900 }, 'over'],
    [{ dueFen: 0, paidFen: 500 }, 'no_receivable'],
    [{ dueFen: 0, paidFen: 0 }, null],
  ] as const)('%o → %s', (pool, kind) => {
    expect(classifyPool(pool)).toBe(kind);
  });
});

describe('months in files', () => {
  it.each([
    ['2019-01', 201901],
    ['201912', 201912],
    [' 2019-02 ', 201902],
    ['2019-13', null],
    ['19-01', null],
    ['2019/01', null],
    ['1899-12', null],
  ] as const)('%s → %s', (text, key) => {
    expect(parseMonth(text)).toBe(key);
  });
});
