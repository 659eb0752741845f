/**
 * 目录定价 over HTTP: a fee line's class, class B self-pay share (乙类先行自付比例) and price cap are the
 * platform's facts (the catalog version in force on the visit date, the pooling region's shares),
 * never the institution's claim; a code outside that catalog is wholly self-paid (目录外全自费); a
 * claim the facts contradict is a risk event (风险事件) for the clerks of the pooling region.
 *
 * The hospital's system settles on the settlement token of the person's verified code, at the
 * institution its channel app is bound to (DOMAIN.md's hospital). The demo catalog is version 1 of
 * each kind, published 2019-01-01; a test publishes version 2 of the western drugs and service
 * items today.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_ROLES, DEMO_ORGS } from '../../src/demo-seed.js';
import { loginStaff, newPerson, PASSWORD, randomName, randomPhone } from '../support/factories.js';
import { DOMAIN_LINES, FEE_CODES, INSTITUTION, idempotencyKey, must, newPayer, paymentCast, signedPost, voucherCode, type Channel, type Payer, type PaymentCast } from '../support/payment.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let cast: PaymentCast;
/** the hospital's system: verifies codes and settles, bound to DOMAIN.md's hospital */
let his: Channel;

/** Demo catalog codes besides DOMAIN.md's (src/centers/policy/demo.ts). */
const SITAGLIPTIN = 'XA10BHX010A001010104075'; // class B, cap 3.05 a unit, the demo region's own share 5 %
const AMOXICILLIN = 'XJ01CAA040A001010100105'; // class A, removed by the version 2 published today
const BLOOD_COUNT = '250101015000000'; // class A, cap 20.00, 25.00 from version 2
const PARACETAMOL = 'XN02BEA001A001010100001'; // in no catalog until version 2
const UNKNOWN_DRUG = 'XA02BCX999A001010199999'; // in no catalog at all

const VISIT_DATE = '2025-03-15';
/** today in Beijing: the day version 2 is published */
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function newAdmin(orgId: string) {
  const province = (await loginStaff(server, 'province_admin')).accessToken;
  const loginName = `catalog_admin${randomInt(1e9)}`;
  const account = await must(server, 'POST', '/user/accounts', { kind: 'admin', loginName, name: randomName(), phone: randomPhone(), orgId, password: PASSWORD }, province);
  await must(server, 'POST', '/auth/grants', { accountId: account.id, roleId: BUILT_IN_ROLES.orgAdmin.id }, province);
  const login = await server.api('POST', '/auth/login', { body: { identifier: loginName, password: PASSWORD } });
  return login.body.accessToken as string;
}

/** The settlement token of a freshly verified code of the person, for the hospital's system. */
async function tokenOf(who: Payer) {
  const verified = await signedPost(server, his, '/voucher/verify', { code: await voucherCode(server, who, his) });
  expect(verified.status, JSON.stringify(verified.body)).toBe(200);
  return verified.body.settlementToken as string;
}

type Line = { code: string; class?: string; quantity: number; amountFen: number; selfPayRatioBp?: number; priceCapFen?: number };

const visit = (token: string, lines: Line[], date = VISIT_DATE, kind = 'inpatient') => ({ settlementToken: token, insuranceType: '310', visit: { kind, date }, lines });

async function settled(who: Payer, lines: Line[], date = VISIT_DATE) {
  const response = await signedPost(server, his, '/settlement/settlements', { ...visit(await tokenOf(who), lines, date), settlementReference: `CAT${randomInt(1e12)}` }, idempotencyKey());
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const riskEventsOf = async (settlementId: string, token = cast.admin) => {
  const page = await must(server, 'GET', '/settlement/risk-events?pageSize=100', undefined, token, 200);
  return page.items.filter((e: { settlementId: string }) => e.settlementId === settlementId);
};

const riskCountOf = async (personId: string) =>
  Number((await server.platform.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from settlement.risk_events where person_id = ${personId}`))[0].n);

// a platform of its own: slow under load with PGlite
beforeAll(async () => {
  server = await startTestServer();
  cast = await paymentCast(server, '目录定价测试');
  his = await must(server, 'POST', '/auth/channels', { name: '南阳市第一人民医院HIS（结算）', capabilities: ['voucher.verify', 'settlement.settle'], institutionCode: INSTITUTION }, cast.sysadmin);
}, 180_000);
afterAll(() => server?.close());

/** A payer of the cast's unit whose voucher authorizes the hospital's system. */
const payer = (balanceFen = 0) => newPayer(server, { ...cast, hospital: his }, balanceFen);

describe('the class B share is the pooling region’s policy data', () => {
  it('is in the demo settlement policy: 10 % on every row, 5 % of its own for 西格列汀片', async () => {
    const parameters = await must(server, 'GET', '/policy/parameters?regionCode=411300&insuranceType=310&month=2025-03', undefined, cast.admin, 200);
    expect(parameters.settlementRule.rows.every((r: { classBSelfPayBp: number }) => r.classBSelfPayBp === 1_000)).toBe(true);
    expect(parameters.settlementRule.itemRatios).toEqual([{ code: SITAGLIPTIN, selfPayBp: 500 }]);
  });

  it('is drafted with the policy (a row’s share, items’ shares) and refused when malformed, naming the field', async () => {
    const row = { deductibleFen: 0, deductiblePer: 'visit', fundRatioBp: 9_000, ceilingFen: 100_000, accountUsable: true, ruleCodes: { deductible: 'D1', fundRatio: 'R1', ceiling: 'L1', account: 'A1' } };
    const draft = await must(server, 'POST', '/policy/settlement-rules', {
      insuranceType: '310',
      regionCode: '411300',
      effectiveFrom: '2031-01',
      rows: [{ ...row, classBSelfPayBp: 2_000 }, { ...row, visitKind: 'outpatient' }],
      itemRatios: [{ code: FEE_CODES.drug, selfPayBp: 300 }],
    }, cast.admin);
    expect(draft.rows[0].classBSelfPayBp).toBe(2_000);
    expect(draft.rows[1]).not.toHaveProperty('classBSelfPayBp');
    expect(draft.itemRatios).toEqual([{ code: FEE_CODES.drug, selfPayBp: 300 }]);
    expect((await must(server, 'GET', `/policy/versions/${draft.id}`, undefined, cast.admin, 200)).itemRatios).toEqual([{ code: FEE_CODES.drug, selfPayBp: 300 }]);

    for (const [body, field] of [
      [{ rows: [{ ...row, classBSelfPayBp: 10_001 }] }, 'rows.0.classBSelfPayBp'],
      [{ rows: [row], itemRatios: [{ code: 'Y1234567890123456789', selfPayBp: 100 }] }, 'itemRatios.0.code'],
      [{ rows: [row], itemRatios: [{ code: FEE_CODES.drug, selfPayBp: 100 }, { code: FEE_CODES.drug, selfPayBp: 200 }] }, 'itemRatios.1.code'],
    ] as const) {
      const refused = await server.api('POST', '/policy/settlement-rules', { token: cast.admin, body: { insuranceType: '310', regionCode: '411300', effectiveFrom: '2032-01', ...body } });
      expect([refused.status, refused.body.field], JSON.stringify(refused.body)).toEqual([400, field]);
    }
  });
});

describe('settling by the catalog in force, whatever the institution claims', () => {
  it('settles DOMAIN.md’s visit to its figures: the region’s 10 % applies, not the catalog’s 15 %; nothing is contradicted', async () => {
    const who = await payer(200_000);
    const body = await settled(who, DOMAIN_LINES);
    const r = body.result;
    expect([r.medfee_sumamt, r.fulamt_ownpay_amt, r.preselfpay_amt, r.inscp_scp_amt, r.act_pay_dedc, r.hifp_pay, r.psn_part_amt, r.acct_pay, r.psn_cash_pay, r.balc]).toEqual([
      2_000_000, 100_000, 50_000, 1_850_000, 150_000, 1_445_000, 555_000, 200_000, 355_000, 0,
    ]);
    expect(body.lines[1]).toMatchObject({ code: FEE_CODES.drug, class: 'B', selfPayRatioBp: 1_000, ratioFrom: 'region', catalogVersion: 1 });
    expect(r.why.preselfpay_amt.zh).toBe('乙类先行自付 500.00 元：5000.00 元 × 10 %（统筹区比例） = 500.00 元');
    expect(r.why.medfee_sumamt.zh).toContain('按 2025-03-15 执行的医保目录（');
    expect(await riskEventsOf(body.id)).toEqual([]);
  });

  it('settles the same lines without any claim to the same figures', async () => {
    const who = await payer(200_000);
    const bare = DOMAIN_LINES.map(({ code, quantity, amountFen }) => ({ code, quantity, amountFen }));
    const body = await settled(who, bare);
    expect([body.result.preselfpay_amt, body.result.hifp_pay, body.result.psn_cash_pay]).toEqual([50_000, 1_445_000, 355_000]);
    expect(await riskEventsOf(body.id)).toEqual([]);
  });

  it('a drug code in no catalog, claimed class B, is wholly self-paid, explained, and recorded', async () => {
    const who = await payer();
    const body = await settled(who, [
      { code: FEE_CODES.service, class: 'A', quantity: 1, amountFen: 400_000 },
      { code: UNKNOWN_DRUG, class: 'B', quantity: 10, amountFen: 500_000, selfPayRatioBp: 1_000 },
    ]);
    const r = body.result;
    expect(r.lines[1]).toMatchObject({ code: UNKNOWN_DRUG, class: null, ownPayFen: 500_000, preSelfPayFen: 0, inScopeFen: 0 });
    expect(body.lines[1]).toMatchObject({ class: null, catalogVersion: null });
    // only the service item is in scope: (4,000.00 − 1,500.00) × 85 %
    expect([r.fulamt_ownpay_amt, r.inscp_scp_amt, r.hifp_pay, r.psn_part_amt]).toEqual([500_000, 400_000, 212_500, 687_500]);
    expect(r.why.fulamt_ownpay_amt.rule).toBe('catalog.class_c+out_of_catalog+price_cap');
    expect(r.why.fulamt_ownpay_amt.zh).toContain(`目录外 5000.00 元全自费（${UNKNOWN_DRUG} 不在 ${VISIT_DATE} 执行的医保目录内）`);
    expect(r.why.fulamt_ownpay_amt.en).toContain(`5000.00 yuan not in the catalog in force on ${VISIT_DATE} (${UNKNOWN_DRUG}): wholly self-paid`);
    const events = await riskEventsOf(body.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      rule: 'not_in_catalog',
      lineCode: UNKNOWN_DRUG,
      appId: his.appId,
      institutionCode: INSTITUTION,
      personId: who.personId,
      poolingRegion: '411300',
      detail: { line: 1, claimed: 'B', applied: null, catalogKind: 'drug-western', catalogVersion: 1, visitDate: VISIT_DATE },
    });
  });

  it('a class B item claimed class A settles as B at the region’s share, and the claim is recorded', async () => {
    const who = await payer();
    const body = await settled(who, [{ code: FEE_CODES.drug, class: 'A', quantity: 10, amountFen: 500_000 }]);
    expect(body.lines[0]).toMatchObject({ class: 'B', selfPayRatioBp: 1_000 });
    // 10 % of 5,000.00 first: 4,500.00 in scope, less the 1,500.00 deductible, at 85 %
    expect([body.result.preselfpay_amt, body.result.inscp_scp_amt, body.result.hifp_pay]).toEqual([50_000, 450_000, 255_000]);
    expect((await riskEventsOf(body.id)).map((e: { rule: string; detail: unknown }) => [e.rule, e.detail])).toEqual([
      ['class_mismatch', { line: 0, claimed: 'A', applied: 'B', catalogKind: 'drug-western', catalogVersion: 1, visitDate: VISIT_DATE }],
    ]);
  });

  it('the region’s share for an item beats its rows’ share; a claimed share is recorded, not applied', async () => {
    const who = await payer();
    const body = await settled(who, [
      { code: SITAGLIPTIN, class: 'B', quantity: 100, amountFen: 30_000, selfPayRatioBp: 1_000 },
      { code: FEE_CODES.drug, class: 'B', quantity: 10, amountFen: 500_000, selfPayRatioBp: 1_000 },
    ]);
    expect(body.lines.map((l: { selfPayRatioBp: number; ratioFrom: string }) => [l.selfPayRatioBp, l.ratioFrom])).toEqual([
      [500, 'item'],
      [1_000, 'region'],
    ]);
    // 5 % of 300.00 and 10 % of 5,000.00
    expect(body.result.preselfpay_amt).toBe(1_500 + 50_000);
    expect(body.result.why.preselfpay_amt.zh).toContain('300.00 元 × 5 %（统筹区单品比例） = 15.00 元');
    expect((await riskEventsOf(body.id)).map((e: { rule: string; lineCode: string }) => [e.rule, e.lineCode])).toEqual([['self_pay_ratio_mismatch', SITAGLIPTIN]]);
  });

  it('a price cap claimed above the catalog’s is ignored: above the catalog’s cap is self-paid, and the claim recorded', async () => {
    const who = await payer();
    // 10 tablets at 5.00, claimed cap 6.00 a tablet: the catalog's 3.05 leaves 19.50 above it
    const body = await settled(who, [{ code: SITAGLIPTIN, class: 'B', quantity: 10, amountFen: 5_000, selfPayRatioBp: 500, priceCapFen: 600 }]);
    expect(body.lines[0]).toMatchObject({ priceCapFen: 305 });
    expect([body.result.overlmt_selfpay, body.result.fulamt_ownpay_amt, body.result.preselfpay_amt]).toEqual([1_950, 1_950, 153]);
    const events = await riskEventsOf(body.id);
    expect(events.map((e: { rule: string; detail: { claimed: number; applied: number } }) => [e.rule, e.detail.claimed, e.detail.applied])).toEqual([['price_cap_mismatch', 600, 305]]);
  });

  it('pre-settlement prices the same way and records nothing', async () => {
    const who = await payer();
    const lines = [{ code: UNKNOWN_DRUG, class: 'A', quantity: 1, amountFen: 10_000 }];
    const pre = await signedPost(server, his, '/settlement/pre-settlements', visit(await tokenOf(who), lines));
    expect(pre.status, JSON.stringify(pre.body)).toBe(200);
    expect(pre.body.result.lines[0]).toMatchObject({ class: null, ownPayFen: 10_000 });
    expect(await riskCountOf(who.personId)).toBe(0);
  });
});

describe('the catalog version in force on the visit date', () => {
  let published = false;
  async function publishVersion2() {
    if (published) return;
    // 四眼原则: another administrator of 南阳 publishes what 南阳's administrator imported
    const reviewer = await newAdmin(DEMO_ORGS.nanyang.id);
    // Version 2 of the western drugs: 阿莫西林 removed, 对乙酰氨基酚 added (valid since 2019); of the service items: 血细胞分析's cap raised.
    const upload = async (kind: string, text: string) => {
      const response = await fetch(`${server.url}/api/v1/policy/catalogs/${kind}/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${cast.admin}`, 'content-type': 'text/csv' },
        body: text,
      });
      const body = await response.json();
      expect([response.status, body.errorCount], JSON.stringify(body)).toEqual([200, 0]);
      expect((await server.api('POST', `/policy/catalogs/${kind}/publish`, { token: reviewer })).body).toMatchObject({ version: 2 });
    };
    await upload('drug-western', `编码,名称,规格,类别,自付比例,限价,开始日期,操作\n${AMOXICILLIN},,,,,,,删除\n${PARACETAMOL},对乙酰氨基酚片,0.5g,甲类,,,2019-01-01,\n`);
    await upload('service-item', `编码,名称,类别,限价,开始日期\n${BLOOD_COUNT},血细胞分析,甲类,25.00,2019-01-01\n`);
    published = true;
  }

  it('a code removed by a version published on or before the visit date is outside the catalog; an earlier visit still finds it', async () => {
    await publishVersion2();
    const who = await payer();
    const today = await settled(who, [{ code: AMOXICILLIN, class: 'A', quantity: 1, amountFen: 10_000 }], TODAY);
    expect(today.result.lines[0]).toMatchObject({ class: null, ownPayFen: 10_000 });
    expect(today.result.why.fulamt_ownpay_amt.zh).toContain(`不在 ${TODAY} 执行的医保目录内`);
    expect((await riskEventsOf(today.id)).map((e: { rule: string; detail: { catalogVersion: number } }) => [e.rule, e.detail.catalogVersion])).toEqual([['not_in_catalog', 2]]);
    const before = await settled(who, [{ code: AMOXICILLIN, class: 'A', quantity: 1, amountFen: 10_000 }]);
    expect(before.lines[0]).toMatchObject({ class: 'A', catalogVersion: 1 });
    expect(await riskEventsOf(before.id)).toEqual([]);
  });

  it('a code added by a version published after the visit date is not in force for it', async () => {
    await publishVersion2();
    const who = await payer();
    const before = await settled(who, [{ code: PARACETAMOL, class: 'A', quantity: 1, amountFen: 10_000 }]);
    expect(before.lines[0]).toMatchObject({ class: null, catalogVersion: null });
    expect((await riskEventsOf(before.id)).map((e: { rule: string }) => e.rule)).toEqual(['not_in_catalog']);
    const today = await settled(who, [{ code: PARACETAMOL, class: 'A', quantity: 1, amountFen: 10_000 }], TODAY);
    expect(today.lines[0]).toMatchObject({ class: 'A', catalogVersion: 2 });
  });

  it('an entry changed by a later version keeps its data for the visits before it', async () => {
    await publishVersion2();
    const who = await payer();
    const line = { code: BLOOD_COUNT, quantity: 1, amountFen: 3_000 };
    const before = await settled(who, [line]);
    const today = await settled(who, [line], TODAY);
    expect([before.lines[0].priceCapFen, before.result.overlmt_selfpay]).toEqual([2_000, 1_000]);
    expect([today.lines[0].priceCapFen, today.result.overlmt_selfpay]).toEqual([2_500, 500]);
  });
});

describe('the clerks’ list of risk events', () => {
  it('shows the pooling region’s events to its clerks, by rule; not to another city; not without the permission', async () => {
    const who = await payer();
    const body = await settled(who, [
      { code: UNKNOWN_DRUG, class: 'B', quantity: 1, amountFen: 1_000, selfPayRatioBp: 1_000 },
      { code: FEE_CODES.service, class: 'B', quantity: 1, amountFen: 1_000, selfPayRatioBp: 1_000 },
    ]);
    // 南阳's administrator, and the clerk of its 宛城区 agency (an agency's scope is its city)
    const clerk = (await loginStaff(server, 'nanyang_clerk')).accessToken;
    for (const token of [cast.admin, clerk]) {
      expect((await riskEventsOf(body.id, token)).map((e: { rule: string }) => e.rule).sort()).toEqual(['class_mismatch', 'not_in_catalog', 'self_pay_ratio_mismatch']);
    }
    const byRule = await must(server, 'GET', '/settlement/risk-events?rule=class_mismatch&pageSize=100', undefined, cast.admin, 200);
    expect(byRule.items.length).toBeGreaterThan(0);
    expect(byRule.items.every((e: { rule: string }) => e.rule === 'class_mismatch')).toBe(true);

    const zhengzhou = await newAdmin(DEMO_ORGS.zhengzhou.id);
    expect((await must(server, 'GET', '/settlement/risk-events', undefined, zhengzhou, 200)).total).toBe(0);
    const person = await newPerson(server);
    expect((await server.api('GET', '/settlement/risk-events', { token: person.accessToken })).status).toBe(403);
    expect((await server.api('GET', '/settlement/risk-events?rule=nonsense', { token: cast.admin })).status).toBe(400);
  });
});
