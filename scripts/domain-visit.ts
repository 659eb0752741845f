/**
 * DOMAIN.md's illustrative inpatient visit at a class-2 hospital of 南阳 宛城区: the fee lines the
 * payment tests, the crash test, the browser test and `npm run demo:hospital` all send. Here
 * beside the demo script, since production code (scripts/) does not import test code.
 */

/** a class-2 hospital of 南阳 宛城区 (the registry's demo data: 医保协议 2020-01-01 – 2030-12-31) */
export const INSTITUTION = 'H41130200746';
/** 就诊日期 of the tests' visits: within the hospital's agreement, under the demo's policy and catalog (from 2019-01). */
export const VISIT_DATE = '2025-03-15';
export const FEE_CODES = { drug: 'XA01ABD075A002010100483', consumable: 'C1234567890123456789', service: '310100001000000' };
/** 20,000.00, of which class C 1,000.00 and class B 5,000.00 at 10 % (cash 3,550.00 with 2,000.00 in the account). */
export const DOMAIN_LINES = [
  { code: FEE_CODES.service, class: 'A', quantity: 1, amountFen: 1_400_000 },
  { code: FEE_CODES.drug, class: 'B', quantity: 10, amountFen: 500_000, selfPayRatioBp: 1_000 },
  { code: FEE_CODES.consumable, class: 'C', quantity: 2, amountFen: 100_000 },
];
