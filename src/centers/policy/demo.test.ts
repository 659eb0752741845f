import { describe, expect, it } from 'vitest';
import { checkCode, itemKindOf, PPM, type CatalogKind } from './codes.js';
import { DEMO_CATALOG, DEMO_CATALOG_CODES, employeeSettlementPolicy } from './demo.js';

describe('the demo catalog', () => {
  const entries = Object.entries(DEMO_CATALOG).flatMap(([kind, list]) => list!.map((entry) => ({ kind: kind as CatalogKind, entry })));

  it.each(entries.map(({ kind, entry }) => [entry.code, kind, entry] as const))('%s has the code shape of %s, and a ratio its class allows', (_code, kind, entry) => {
    expect(checkCode(kind, entry.code)).toBeNull();
    expect(itemKindOf(entry.code)).toBe(kind);
    expect(/\p{Script=Han}/u.test(entry.name)).toBe(true);
    if (entry.class === 'A') expect(entry.selfPayPpm).toBe(0);
    if (entry.class === 'B') expect(entry.selfPayPpm! > 0 && entry.selfPayPpm! < PPM).toBe(true);
    if (entry.class === 'C') expect(entry.selfPayPpm).toBe(PPM);
  });

  it('holds DOMAIN.md’s three items, classes A, B and C, each code once', () => {
    const byCode = new Map(entries.map(({ entry }) => [entry.code, entry]));
    expect(byCode.size).toBe(entries.length);
    expect([DEMO_CATALOG_CODES.service, DEMO_CATALOG_CODES.drug, DEMO_CATALOG_CODES.consumable].map((c) => byCode.get(c)?.class)).toEqual(['A', 'B', 'C']);
    // the catalog's own share of the drug is not DOMAIN.md's 10 %: the region's share must be what applies
    expect(byCode.get(DEMO_CATALOG_CODES.drug)?.selfPayPpm).not.toBe(100_000);
    expect(entries.some(({ entry }) => entry.priceCapFen !== null)).toBe(true);
  });

  it('goes with a settlement policy whose rows set DOMAIN.md’s 10 %, and an item share of a catalog item', () => {
    const policy = employeeSettlementPolicy();
    expect(policy.rows.every((row) => row.classBSelfPayBp === 1_000)).toBe(true);
    for (const item of policy.itemRatios) expect(entries.some(({ entry }) => entry.code === item.code && entry.class === 'B')).toBe(true);
  });
});
