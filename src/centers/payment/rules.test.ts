import { describe, expect, it } from 'vitest';
import { refundSplit } from './rules.js';

// DOMAIN.md's inpatient example paid ALL: 20,000.00 = fund 14,450.00 + account 2,000.00 + cash 3,550.00.
const example = { totalFen: 2_000_000, cashFen: 355_000 };

describe('refundSplit', () => {
  it.each([
    ['part of the cash', 0, 55_000, { ok: true, cashFen: 55_000, settlementFen: 0, reversesSettlement: false }],
    ['all the cash', 0, 355_000, { ok: true, cashFen: 355_000, settlementFen: 0, reversesSettlement: false }],
    ['everything at once', 0, 2_000_000, { ok: true, cashFen: 355_000, settlementFen: 1_645_000, reversesSettlement: true }],
    ['the rest after a partial refund', 55_000, 1_945_000, { ok: true, cashFen: 300_000, settlementFen: 1_645_000, reversesSettlement: true }],
    ['the rest after all the cash', 355_000, 1_645_000, { ok: true, cashFen: 0, settlementFen: 1_645_000, reversesSettlement: true }],
    ['one fen into the settlement', 55_000, 300_001, { ok: false, reason: 'partial_settlement', cashRefundableFen: 300_000 }],
    ['beyond the total', 200_000, 1_800_001, { ok: false, reason: 'exceeds', refundableFen: 1_800_000 }],
    ['anything after a full refund', 2_000_000, 1, { ok: false, reason: 'exceeds', refundableFen: 0 }],
  ])('%s', (_name, refundedFen, amountFen, expected) => {
    expect(refundSplit({ ...example, refundedFen }, amountFen)).toEqual(expected);
  });

  it.each([
    ['a CASH order refunded whole: no settlement to reverse', { totalFen: 10_000, cashFen: 10_000, refundedFen: 0 }, 10_000, { ok: true, cashFen: 10_000, settlementFen: 0, reversesSettlement: false }],
    ['an HI order (no cash): only whole', { totalFen: 10_000, cashFen: 0, refundedFen: 0 }, 5_000, { ok: false, reason: 'partial_settlement', cashRefundableFen: 0 }],
    ['an HI order refunded whole', { totalFen: 10_000, cashFen: 0, refundedFen: 0 }, 10_000, { ok: true, cashFen: 0, settlementFen: 10_000, reversesSettlement: true }],
  ])('%s', (_name, order, amountFen, expected) => {
    expect(refundSplit(order, amountFen)).toEqual(expected);
  });
});
