import { describe, expect, it } from 'vitest';
import { isBenefit } from './service.js';

describe('benefits received (待遇享受): personal-account outflows other than contribution deductions', () => {
  it.each([
    [{ kind: 'deduction', amountFen: -200 }, false],
    [{ kind: 'allocation', amountFen: 1_000 }, false],
    [{ kind: 'settlement_payment', amountFen: -3_550 }, true],
    [{ kind: 'settlement_refund', amountFen: 3_550 }, false],
  ])('%j → %s', (entry, benefit) => expect(isBenefit(entry as Parameters<typeof isBenefit>[0])).toBe(benefit));
});
