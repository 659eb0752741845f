/**
 * 结算中心 over HTTP: an institution (a signed channel app with `settlement.settle`, bound to the
 * registry's 南阳市第一人民医院) pre-settles, settles and reverses visits of a person enrolled in
 * 职工医保 (310) in 南阳, on the settlement token of the person's verified e-voucher code, under the
 * demo's published settlement policy (DOMAIN.md's inpatient row) or a policy a test publishes itself.
 * Who may settle at all (consent, binding, agreement) is test/integration/consent.test.ts.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../src/adapters/signing.js';
import { BUILT_IN_ROLES, DEMO_ORGS } from '../../src/demo-seed.js';
import { makeIdNumber } from '../../src/kernel/validation/identifiers.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginStaff, newPerson, PASSWORD, randomCreditCode, randomName, randomPhone } from '../support/factories.js';
import { settlementToken, voucherHolder, VISIT_DATE, type Channel } from '../support/payment.js';

let server: TestServer;
let nanyang: string;
let reviewer: string;
let hospital: Channel;

const api = (method: string, path: string, body?: unknown, token = nanyang) => server.api(method, path, { token, ...(body === undefined ? {} : { body }) });

async function ok(method: string, path: string, body?: unknown, status = 201, token = nanyang) {
  const response = await api(method, path, body, token);
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
  return response.body;
}

/** A channel request signed as the institution's system signs it. */
function channelCall(app: Channel, path: string, body: unknown, headers: Record<string, string> = {}) {
  const raw = JSON.stringify(body);
  const signed = signRequest({ appId: app.appId, secret: app.secret, method: 'POST', path: `/api/v1${path}`, body: raw });
  return server.api('POST', path, { raw, headers: { ...(signed as unknown as Record<string, string>), ...headers } });
}

async function newAdmin(token: string) {
  const loginName = `settlement_admin${randomInt(1e9)}`;
  const account = await ok('POST', '/user/accounts', { kind: 'admin', loginName, name: randomName(), phone: randomPhone(), orgId: DEMO_ORGS.nanyang.id, password: PASSWORD }, 201, token);
  await ok('POST', '/auth/grants', { accountId: account.id, roleId: BUILT_IN_ROLES.orgAdmin.id }, 201, token);
  const login = await server.api('POST', '/auth/login', { body: { identifier: loginName, password: PASSWORD } });
  return login.body.accessToken as string;
}

/** A unit of 南阳 enrolled in the insurance type from 2019-01. */
async function newUnit(insuranceType: string) {
  const entity = await ok('POST', '/registry/entities', { creditCode: randomCreditCode(), name: `结算测试${randomInt(1e6)}有限公司`, type: 'enterprise', regionCode: '411302', legalRepName: randomName() });
  return (await ok('POST', '/enrollment/units', { entityId: entity.id, insuranceType, fromMonth: '2019-01' })).id as string;
}

/** A registry person employed by the unit from 2019-01, with `balanceFen` in the personal account, holding a voucher with the hospital authorized. */
async function insured(unitId: string, balanceFen: number, options: { retiredOn?: string } = {}) {
  const idNumber = makeIdNumber('411302', `19${randomInt(60, 90)}-0${randomInt(1, 10)}-1${randomInt(0, 10)}`, randomInt(0, 1000));
  const name = randomName();
  const person = await ok('POST', '/registry/persons', { idNumber, name, regionCode: '411302', category: 'employee' });
  await ok('POST', `/enrollment/units/${unitId}/employees`, { personId: person.id, fromMonth: '2019-01' });
  if (options.retiredOn) await ok('POST', `/enrollment/persons/${person.id}/retirement`, { date: options.retiredOn });
  // A fixture standing in for a year of allocations (划入): the ledger's public API pays out and gives back, it does not allocate.
  if (balanceFen) {
    await server.platform.ctx.database.rows(
      sql`insert into collection.account_entries (person_id, kind, amount_fen, month, insurance_type, source_ref) values (${person.id}, 'allocation', ${balanceFen}, 201901, '310', ${`test:${person.id}`})`,
    );
  }
  const token = await voucherHolder(server, { idNumber, name }, [hospital]);
  return { personId: person.id as string, idNumber, name, token };
}
type Insured = Awaited<ReturnType<typeof insured>>;

/** 结算授权令牌 of a fresh code of the person, verified by the hospital: one per settlement. */
const consent = (person: Insured) => settlementToken(server, hospital, person);

const balanceOf = async (personId: string) => {
  const [row] = await server.platform.ctx.database.rows<{ fen: number }>(sql`select coalesce(sum(amount_fen), 0)::bigint as fen from collection.account_entries where person_id = ${personId}`);
  return Number(row.fen);
};
const accumulationsOf = async (personId: string, insuranceType = '310') =>
  server.platform.ctx.database.rows<{ year: number; deductible_fen: number; fund_paid_fen: number }>(
    sql`select year, deductible_fen, fund_paid_fen from settlement.accumulations where person_id = ${personId} and insurance_type = ${insuranceType} order by year`,
  );
const settlementsOf = async (personId: string) =>
  Number((await server.platform.ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from settlement.settlements where person_id = ${personId}`))[0].n);

const reference = () => `SETL${randomInt(1e9)}${randomInt(1e6)}`;
const INSTITUTION = 'H41130200746';
const YEAR = Number(VISIT_DATE.slice(0, 4));
// Catalog code shapes of DOMAIN.md: a western drug, a consumable, a Chinese patent medicine, a service item.
const CODES = { drug: 'XA01ABD075A002010100483', consumable: 'C1234567890123456789', patent: 'Z1234567890123456789', service: '310100001000000' };

/** DOMAIN.md's illustrative inpatient visit: 20,000.00, of which class C 1,000.00 and class B 5,000.00 at 10 %; the institution is the app's (level 2). */
const domainVisit = (settlementToken: string) => ({
  settlementToken,
  insuranceType: '310',
  visit: { kind: 'inpatient', date: VISIT_DATE },
  lines: [
    { code: CODES.service, class: 'A', quantity: 1, amountFen: 1_400_000 },
    { code: CODES.drug, class: 'B', quantity: 10, amountFen: 500_000, selfPayRatioBp: 1_000 },
    { code: CODES.consumable, class: 'C', quantity: 2, amountFen: 100_000 },
  ],
});

let unit310: string;

beforeAll(async () => {
  server = await startTestServer();
  nanyang = (await loginStaff(server, 'nanyang_admin')).accessToken;
  const sysadmin = (await loginStaff(server, 'sysadmin')).accessToken;
  reviewer = await newAdmin((await loginStaff(server, 'province_admin')).accessToken);
  hospital = await ok('POST', '/auth/channels', { name: '南阳市第一人民医院HIS', capabilities: ['voucher.verify', 'settlement.settle'], institutionCode: INSTITUTION }, 201, sysadmin);
  unit310 = await newUnit('310');
});
afterAll(() => server?.close());

describe('the settlement policy kind (结算政策)', () => {
  it('is published for 南阳 310 by the demo seed and returned by the parameter lookup', async () => {
    const parameters = await ok('GET', '/policy/parameters?regionCode=411300&insuranceType=310&month=2019-03', undefined, 200);
    expect(parameters.settlementRule.kind).toBe('settlement');
    expect(parameters.settlementRule.status).toBe('published');
    const row = parameters.settlementRule.rows.find((r: any) => r.visitKind === 'inpatient' && r.institutionLevel === 2 && r.personCategory === undefined);
    expect(row).toMatchObject({ deductibleFen: 150_000, deductiblePer: 'visit', fundRatioBp: 8_500, accountUsable: true });
    // Long-term care has none: the lookup says so rather than borrowing another type's.
    expect((await ok('GET', '/policy/parameters?regionCode=411300&insuranceType=410&month=2019-03', undefined, 200)).settlementRule).toBeNull();
  });

  const row = { deductibleFen: 0, deductiblePer: 'visit', fundRatioBp: 9_000, ceilingFen: 100_000, accountUsable: true, ruleCodes: { deductible: 'D1', fundRatio: 'R1', ceiling: 'L1', account: 'A1' } };

  it.each([
    ['two rows with the same selectors', { rows: [{ ...row, visitKind: 'inpatient' }, { ...row, visitKind: 'inpatient', fundRatioBp: 8_000 }] }, 'rows.1'],
    ['a ratio above 100 %', { rows: [{ ...row, fundRatioBp: 10_001 }] }, 'rows.0.fundRatioBp'],
    ['a negative deductible', { rows: [{ ...row, deductibleFen: -1 }] }, 'rows.0.deductibleFen'],
    ['fractional fen', { rows: [{ ...row, ceilingFen: 10.5 }] }, 'rows.0.ceilingFen'],
    ['no rows', { rows: [] }, 'rows'],
  ])('refuses %s, naming the field', async (_name, body, field) => {
    const refused = await api('POST', '/policy/settlement-rules', { insuranceType: '310', regionCode: '411300', effectiveFrom: '2030-01', ...body });
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    expect(refused.body.field).toBe(field);
  });
});

describe('pre-settlement and settlement of DOMAIN.md’s inpatient example', () => {
  it('gives the example’s figures to the fen, each with its rule; pre-settlement writes nothing', async () => {
    const person = await insured(unit310, 200_000);
    const token = await consent(person);
    const pre = await channelCall(hospital, '/settlement/pre-settlements', { ...domainVisit(token), personId: person.personId });
    expect(pre.status, JSON.stringify(pre.body)).toBe(200);
    expect(pre.body).toMatchObject({ personId: person.personId, institutionCode: INSTITUTION, visit: { kind: 'inpatient', institutionLevel: 2, date: VISIT_DATE } });
    expect(pre.body.personCategory).toBe('employee');
    expect(pre.body.poolingRegion).toBe('411300');
    const r = pre.body.result;
    expect([r.medfee_sumamt, r.fulamt_ownpay_amt, r.preselfpay_amt, r.inscp_scp_amt, r.act_pay_dedc, r.hifp_pay, r.psn_part_amt, r.acct_pay, r.psn_cash_pay, r.balc]).toEqual([
      2_000_000, 100_000, 50_000, 1_850_000, 150_000, 1_445_000, 555_000, 200_000, 355_000, 0,
    ]);
    expect(r.why.act_pay_dedc.rule).toBe('302201');
    expect(r.why.hifp_pay.zh).toContain('85 %');
    expect(await balanceOf(person.personId)).toBe(200_000);
    expect(await accumulationsOf(person.personId)).toEqual([]);
    expect(await settlementsOf(person.personId)).toBe(0);

    // The same token pre-settles again, then settles.
    expect((await channelCall(hospital, '/settlement/pre-settlements', domainVisit(token))).body.result).toEqual(r);
    const settled = await channelCall(hospital, '/settlement/settlements', { ...domainVisit(token), settlementReference: reference() });
    expect(settled.status, JSON.stringify(settled.body)).toBe(201);
    expect(settled.body.status).toBe('settled');
    expect(settled.body).toMatchObject({ personId: person.personId, institutionCode: INSTITUTION, visit: { institutionLevel: 2 } });
    expect(settled.body.result).toEqual(r);
    expect(await balanceOf(person.personId)).toBe(0);
    expect(await accumulationsOf(person.personId)).toEqual([{ year: YEAR, deductible_fen: 150_000, fund_paid_fen: 1_445_000 }]);
  });

  it('settles a retired person under the retired row (人员类别 from the enrollment center)', async () => {
    const person = await insured(unit310, 0, { retiredOn: '2018-06-01' });
    const pre = await channelCall(hospital, '/settlement/pre-settlements', domainVisit(await consent(person)));
    expect(pre.status, JSON.stringify(pre.body)).toBe(200);
    expect(pre.body.personCategory).toBe('retired');
    // (18,500.00 − 1,500.00) × 90 %
    expect(pre.body.result.hifp_pay).toBe(1_530_000);
    expect(pre.body.result.acct_pay).toBe(0);
  });

  it('refuses a person not enrolled in the type, and unsigned requests', async () => {
    const person = await insured(unit310, 0);
    const token = await consent(person);
    const refused = await channelCall(hospital, '/settlement/pre-settlements', { ...domainVisit(token), insuranceType: '390' });
    expect([refused.status, refused.body.code, refused.body.field]).toEqual([422, 'settlement.not_enrolled', 'personId']);
    const unsigned = await server.api('POST', '/settlement/settlements', { body: { ...domainVisit(token), settlementReference: reference() } });
    expect(unsigned.status).toBe(401);
  });

  let shared: string | undefined;
  it.each([
    ['a negative amount', (b: any) => (b.lines[3].amountFen = -1), 'lines.3.amountFen'],
    ['fractional fen', (b: any) => (b.lines[3].amountFen = 10.5), 'lines.3.amountFen'],
    ['a code of no catalog shape', (b: any) => (b.lines[3].code = 'Y1234567890123456789'), 'lines.3.code'],
    ['a self-pay ratio above 100 %', (b: any) => (b.lines[3].selfPayRatioBp = 10_001), 'lines.3.selfPayRatioBp'],
    ['a bad institution code', (b: any) => (b.institutionCode = 'H4113020074'), 'institutionCode'],
    ['an institution code of neither kind', (b: any) => (b.institutionCode = 'X41130200746'), 'institutionCode'],
    ['no settlement token', (b: any) => delete b.settlementToken, 'settlementToken'],
    ['501 lines', (b: any) => (b.lines = Array.from({ length: 501 }, () => b.lines[0])), 'lines'],
  ])('names the field of %s', async (_name, spoil, field) => {
    // A live token: the lines are what is wrong (none of these settles, so one token serves them all).
    shared ??= await consent(await insured(unit310, 0));
    const body: any = { ...domainVisit(shared), settlementReference: reference() };
    body.lines = [...body.lines, { code: CODES.patent, class: 'B', quantity: 1, amountFen: 1_000, selfPayRatioBp: 500 }];
    spoil(body);
    const refused = await channelCall(hospital, '/settlement/settlements', body);
    expect(refused.status, JSON.stringify(refused.body)).toBe(400);
    expect(refused.body.field).toBe(field);
  });
});

/** An outpatient visit of in-scope class A items only (the demo's outpatient row takes every level). */
const outpatient = (settlementToken: string, amountFen: number, insuranceType = '310') => ({
  settlementToken,
  insuranceType,
  visit: { kind: 'outpatient', date: VISIT_DATE },
  lines: [{ code: CODES.service, class: 'A', quantity: 1, amountFen }],
});

describe('year-to-date accumulations and reversal (冲正)', () => {
  it('lets a second visit of the year see the deductible the first bore; a reversal gives it back once', async () => {
    const person = await insured(unit310, 100_000);
    // The demo's outpatient row: 1,000.00 a year, then 60 %.
    const first = await channelCall(hospital, '/settlement/settlements', { ...outpatient(await consent(person), 80_000), settlementReference: reference() });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect([first.body.result.act_pay_dedc, first.body.result.hifp_pay, first.body.result.acct_pay]).toEqual([80_000, 0, 80_000]);
    const second = await channelCall(hospital, '/settlement/settlements', { ...outpatient(await consent(person), 50_000), settlementReference: reference() });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    // 200.00 of the year's deductible left; (500.00 − 200.00) × 60 % = 180.00; 320.00 for the person, 200.00 left in the account.
    expect([second.body.result.act_pay_dedc, second.body.result.hifp_pay, second.body.result.acct_pay, second.body.result.psn_cash_pay]).toEqual([20_000, 18_000, 20_000, 12_000]);
    expect(second.body.result.why.act_pay_dedc.en).toContain('800.00 yuan borne this year');
    expect(await accumulationsOf(person.personId)).toEqual([{ year: YEAR, deductible_fen: 100_000, fund_paid_fen: 18_000 }]);
    expect(await balanceOf(person.personId)).toBe(0);

    const reversed = await channelCall(hospital, `/settlement/settlements/${first.body.id}/reversal`, {});
    expect(reversed.status, JSON.stringify(reversed.body)).toBe(200);
    expect(reversed.body.status).toBe('reversed');
    expect(await accumulationsOf(person.personId)).toEqual([{ year: YEAR, deductible_fen: 20_000, fund_paid_fen: 18_000 }]);
    expect(await balanceOf(person.personId)).toBe(80_000);
    const again = await channelCall(hospital, `/settlement/settlements/${first.body.id}/reversal`, {});
    expect([again.status, again.body.code]).toEqual([409, 'settlement.already_reversed']);
    expect(await balanceOf(person.personId)).toBe(80_000);
    // The given-back deductible is there for the next visit.
    const pre = await channelCall(hospital, '/settlement/pre-settlements', outpatient(await consent(person), 80_000));
    expect(pre.body.result.act_pay_dedc).toBe(80_000);
    // Another institution's system cannot reverse it (it reads as not found).
    const sysadmin = (await loginStaff(server, 'sysadmin')).accessToken;
    const other = await ok('POST', '/auth/channels', { name: '另一家医院HIS', capabilities: ['settlement.settle'], institutionCode: 'H41130200003' }, 201, sysadmin);
    expect((await channelCall(other, `/settlement/settlements/${second.body.id}/reversal`, {})).status).toBe(404);
  });

  it('replays a settlement for the same Idempotency-Key and refuses the key with a different body', async () => {
    const person = await insured(unit310, 100_000);
    const body = { ...outpatient(await consent(person), 30_000), settlementReference: reference() };
    const key = { 'idempotency-key': `k-${randomInt(1e9)}` };
    const first = await channelCall(hospital, '/settlement/settlements', body, key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const replay = await channelCall(hospital, '/settlement/settlements', body, key);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const mismatch = await channelCall(hospital, '/settlement/settlements', { ...body, settlementReference: reference() }, key);
    expect([mismatch.status, mismatch.body.code]).toEqual([409, 'request.idempotency_conflict']);
    // Without the key, the token (one settlement each) and the institution's reference stop a second settlement.
    const sameToken = await channelCall(hospital, '/settlement/settlements', body);
    expect([sameToken.status, sameToken.body.code, sameToken.body.field]).toEqual([409, 'settlement.consent_used', 'settlementToken']);
    const sameReference = await channelCall(hospital, '/settlement/settlements', { ...body, settlementToken: await consent(person) });
    expect([sameReference.status, sameReference.body.field]).toEqual([409, 'settlementReference']);
    expect(await settlementsOf(person.personId)).toBe(1);
    expect(await balanceOf(person.personId)).toBe(70_000);

    const reverseKey = { 'idempotency-key': `r-${randomInt(1e9)}` };
    const reversed = await channelCall(hospital, `/settlement/settlements/${first.body.id}/reversal`, {}, reverseKey);
    const reversedAgain = await channelCall(hospital, `/settlement/settlements/${first.body.id}/reversal`, {}, reverseKey);
    expect([reversed.status, reversedAgain.status]).toEqual([200, 200]);
    expect(reversedAgain.body).toEqual(reversed.body);
    expect(await balanceOf(person.personId)).toBe(100_000);
  });
});

describe('concurrency, the person’s own view and the invariant', () => {
  it('never lets concurrent settlements of one person exceed the ceiling or the account balance', async () => {
    // A type of this test's own, with a small ceiling: 1,000.00 a year at 90 %, no deductible.
    const type = `T${randomInt(1e6)}`;
    await ok('POST', '/policy/insurance-types', { code: type, name: '结算测试险种', nameEn: 'settlement test type', enrollmentKinds: ['employee'] });
    const draft = await ok('POST', '/policy/settlement-rules', {
      insuranceType: type,
      regionCode: '411300',
      effectiveFrom: '2019-01',
      rows: [{ deductibleFen: 0, deductiblePer: 'year', fundRatioBp: 9_000, ceilingFen: 100_000, accountUsable: true, ruleCodes: { deductible: 'T01', fundRatio: 'T02', ceiling: 'T03', account: 'T04' } }],
    });
    await ok('POST', `/policy/versions/${draft.id}/review`, {}, 200, reviewer);
    await ok('POST', `/policy/versions/${draft.id}/publish`, undefined, 200, reviewer);
    const person = await insured(await newUnit(type), 30_000);

    // A first visit makes the year's row exist, so the batch below contends for its lock (not for its creation).
    const first = await channelCall(hospital, '/settlement/settlements', { ...outpatient(await consent(person), 10_000, type), settlementReference: reference() });
    expect([first.status, first.body.result?.hifp_pay, first.body.result?.acct_pay]).toEqual([201, 9_000, 1_000]);
    // Six codes shown and verified one after the other, then settled at once.
    const tokens: string[] = [];
    for (let i = 0; i < 6; i++) tokens.push(await consent(person));
    const answers = await Promise.all(tokens.map((token) => channelCall(hospital, '/settlement/settlements', { ...outpatient(token, 50_000, type), settlementReference: reference() })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const results = [first, ...answers].map((a) => a.body.result);
    const fund = results.reduce((n, r) => n + r.hifp_pay, 0);
    const account = results.reduce((n, r) => n + r.acct_pay, 0);
    // 90.00, then 450.00 + 450.00 + 10.00, then nothing: exactly the ceiling; the account pays its 300.00 once.
    expect(fund).toBe(100_000);
    expect(account).toBe(30_000);
    expect(await balanceOf(person.personId)).toBe(0);
    expect(await accumulationsOf(person.personId, type)).toEqual([{ year: YEAR, deductible_fen: 0, fund_paid_fen: 100_000 }]);
    for (const r of results) expect(r.fund_pay_sumamt + r.psn_part_amt).toBe(r.medfee_sumamt);
  });

  it('shows a person their own settlements with the explanations, and nobody else’s', async () => {
    const person = await insured(unit310, 10_000);
    const settled = await channelCall(hospital, '/settlement/settlements', { ...outpatient(await consent(person), 20_000), settlementReference: reference() });
    expect(settled.status).toBe(201);
    const mine = await server.api('GET', '/settlement/mine', { token: person.token });
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    expect(mine.body.items.map((s: any) => s.id)).toEqual([settled.body.id]);
    expect(mine.body.items[0].result.why.act_pay_dedc.zh).toContain('年度起付线 1000.00 元');
    // Someone else, verified too, sees none of it.
    const other = await newPerson(server);
    server.fakes.realName.addPerson({ idNumber: other.idNumber, name: other.name });
    const otherL2 = await server.api('POST', '/auth/realname', { token: other.accessToken, body: { name: other.name, idNumber: other.idNumber } });
    expect((await server.api('GET', '/settlement/mine', { token: otherL2.body.accessToken })).body.items).toEqual([]);
    // A person below L2 is refused.
    expect((await server.api('GET', '/settlement/mine', { token: other.accessToken })).status).toBe(403);
  });

  it('keeps funds + person part = total, and account + cash = person part, for random visits through pre-settlement', async () => {
    const person = await insured(unit310, randomInt(0, 500_000));
    // Pre-settlement may use one token as often as asked until it expires.
    const token = await consent(person);
    const classes = ['A', 'B', 'C'] as const;
    const codes = Object.values(CODES);
    for (let i = 0; i < 40; i++) {
      const lines = Array.from({ length: randomInt(1, 25) }, () => {
        const cls = classes[randomInt(0, 3)];
        const quantity = randomInt(1, 5);
        return {
          code: codes[randomInt(0, codes.length)],
          class: cls,
          quantity,
          amountFen: randomInt(0, 2_000_000),
          ...(cls === 'B' ? { selfPayRatioBp: randomInt(0, 10_001) } : {}),
          ...(randomInt(0, 3) === 0 ? { priceCapFen: randomInt(0, 500_000) } : {}),
        };
      });
      const visit = { kind: randomInt(0, 2) ? 'inpatient' : 'outpatient', date: `${YEAR}-${String(randomInt(1, 13)).padStart(2, '0')}-10` };
      const pre = await channelCall(hospital, '/settlement/pre-settlements', { settlementToken: token, insuranceType: '310', visit, lines });
      expect(pre.status, JSON.stringify(pre.body)).toBe(200);
      const r = pre.body.result;
      const case_ = JSON.stringify({ visit, lines });
      expect(r.fund_pay_sumamt + r.psn_part_amt, case_).toBe(r.medfee_sumamt);
      expect(r.acct_pay + r.psn_cash_pay, case_).toBe(r.psn_part_amt);
      expect(r.fulamt_ownpay_amt + r.preselfpay_amt + r.inscp_scp_amt, case_).toBe(r.medfee_sumamt);
      expect(r.medfee_sumamt, case_).toBe(lines.reduce((n, l) => n + l.amountFen, 0));
      for (const v of [r.hifp_pay, r.acct_pay, r.psn_cash_pay, r.act_pay_dedc, r.balc]) expect(v, case_).toBeGreaterThanOrEqual(0);
    }
  });
});
