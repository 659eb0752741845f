import { sql } from 'drizzle-orm';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginStaff, newPerson, PASSWORD, randomName, randomPhone } from '../support/factories.js';
import { BUILT_IN_ROLES, DEMO_ORGS } from '../../src/demo-seed.js';
import { effectiveParameters, governingParameters, receivableLines, receivableLinesFor, seedPolicyDemo } from '../../src/centers/policy/index.js';

let server: TestServer;
let province: string;
let nanyang: string;
let sysadmin: string;
/** a second administrator of 南阳: the reviewer of what nanyang_admin drafts (四眼原则) */
let reviewer: string;
let nanyangId: string;
let reviewerId: string;

async function login(loginName: string) {
  const response = await server.api('POST', '/auth/login', { body: { identifier: loginName, password: PASSWORD } });
  expect(response.status).toBe(200);
  return response.body.accessToken as string;
}

beforeAll(async () => {
  server = await startTestServer();
  province = (await loginStaff(server, 'province_admin')).accessToken;
  nanyang = (await loginStaff(server, 'nanyang_admin')).accessToken;
  sysadmin = (await loginStaff(server, 'sysadmin')).accessToken;
  const loginName = `nanyang_reviewer${randomInt(1e6)}`;
  const account = await server.api('POST', '/user/accounts', {
    token: province,
    body: { kind: 'admin', loginName, name: randomName(), phone: randomPhone(), orgId: DEMO_ORGS.nanyang.id, password: PASSWORD },
  });
  expect(account.status).toBe(201);
  expect((await server.api('POST', '/auth/grants', { token: province, body: { accountId: account.body.id, roleId: BUILT_IN_ROLES.orgAdmin.id } })).status).toBe(201);
  reviewer = await login(loginName);
  reviewerId = account.body.id;
  nanyangId = (await server.api('GET', '/user/me', { token: nanyang })).body.id;
  // The demo policy, whether or not the demo seed already ran it (it is idempotent).
  await seedPolicyDemo(server.platform.ctx);
});
afterAll(() => server?.close());

/** A fresh insurance type per test, so tests share no policy series. */
async function newType(token = nanyang) {
  const code = `t${randomInt(1e9)}`;
  const created = await server.api('POST', '/policy/insurance-types', { token, body: { code, name: `测试险种${code}`, nameEn: `Test type ${code}`, enrollmentKinds: ['employee', 'flexible', 'resident'] } });
  expect(created.status).toBe(201);
  return code;
}

const baseRule = (insuranceType: string, over: Record<string, unknown> = {}) => ({
  insuranceType,
  regionCode: '411300',
  effectiveFrom: '2019-01',
  baseKind: 'medical',
  lowerBoundBp: 6000,
  upperBoundBp: 30000,
  lowerRuleCode: '1000101',
  upperRuleCode: '1000102',
  ...over,
});

const collectionRule = (insuranceType: string, ratePpm: number, over: Record<string, unknown> = {}) => ({
  insuranceType,
  regionCode: '411300',
  effectiveFrom: '2019-01',
  shares: [{ ruleCode: 'UNIT', payer: 'unit', baseKind: 'medical', ratePpm, periodicity: 'monthly', fund: 'pooled_fund', flow: 'to' }],
  ...over,
});

async function draft(path: 'base-rules' | 'collection-rules' | 'wages', body: object, token = nanyang) {
  const response = await server.api('POST', `/policy/${path}`, { token, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; version: number; status: string };
}

async function approve(id: string, token = reviewer) {
  expect((await server.api('POST', `/policy/versions/${id}/review`, { token, body: {} })).status).toBe(200);
  return server.api('POST', `/policy/versions/${id}/publish`, { token });
}

async function publishNew(path: 'base-rules' | 'collection-rules' | 'wages', body: object) {
  const version = await draft(path, body);
  const published = await approve(version.id);
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return published.body as { id: string; version: number; status: string };
}

const lookup = (query: string, token = nanyang) => server.api('GET', `/policy/parameters?${query}`, { token });

describe('the long-term-care demo policy (DOMAIN.md)', () => {
  it('is what the parameter lookup returns for 南阳 in 2019-01, and reproduces the example to the fen', async () => {
    const response = await lookup('regionCode=411300&insuranceType=410&month=2019-01');
    expect(response.status).toBe(200);
    expect(response.body.baseRule).toMatchObject({ status: 'published', baseKind: 'medical', lowerBoundBp: 6000, upperBoundBp: 30000, lowerRuleCode: '1000101', upperRuleCode: '1000102' });
    expect(response.body.collectionRule.shares).toHaveLength(5);
    expect(response.body.wage).toMatchObject({ year: 2019, monthlyFen: 300000, regionCode: '411300' });

    const ctx = server.platform.ctx;
    const query = { regionCode: '411300', insuranceType: '410', month: '2019-01' };
    const p110001 = await receivableLinesFor(ctx, { personId: '110001', birthDate: '1979-06-15', retired: false, bases: { medical: 200000 } }, query);
    expect(p110001.map((l) => [l.payer, l.amountFen])).toEqual([['unit', 400], ['person', 200]]);
    const p110002 = await receivableLinesFor(ctx, { personId: '110002', birthDate: '1950-02-01', retired: true, bases: { account_allocation: 220000 } }, query);
    expect(p110002.map((l) => [l.payer, l.amountFen])).toEqual([['person', 660], ['fiscal', 220]]);
  });

  it('has nothing in effect before 2019-01', async () => {
    const response = await lookup('regionCode=411300&insuranceType=410&month=2018-12');
    expect(response.body).toMatchObject({ baseRule: null, collectionRule: null, wage: null, wageYear: 2018 });
  });

  it('seeds once', async () => {
    expect(await seedPolicyDemo(server.platform.ctx)).toBe(false);
    const list = await server.api('GET', '/policy/versions?insuranceType=410&regionCode=411300', { token: nanyang });
    expect(list.body.total).toBe(2);
  });

  it('refuses bad lookups with the field named, never a 500', async () => {
    for (const [query, field, code] of [
      ['regionCode=411300&insuranceType=nosuch&month=2019-01', 'insuranceType', 'policy.insurance_type_unknown'],
      ['regionCode=411300&insuranceType=410&month=2019-13', 'month', 'request.field_invalid'],
      ['regionCode=41130&insuranceType=410&month=2019-01', 'regionCode', 'request.field_invalid'],
      ['regionCode=411300&insuranceType=410', 'month', 'request.field_invalid'],
    ]) {
      const response = await lookup(query);
      expect(response.status, query).toBe(400);
      expect(response.body).toMatchObject({ field, code });
    }
  });
});

describe('review workflow (编制 → 审核 → 发布)', () => {
  it('needs a reviewer and a publisher other than the author, and keeps the history', async () => {
    const type = await newType();
    const created = await draft('base-rules', baseRule(type, { note: '首版' }));
    expect(created).toMatchObject({ status: 'draft', version: 1, authorId: nanyangId, effectiveFrom: '2019-01', effectiveTo: null });

    const selfReview = await server.api('POST', `/policy/versions/${created.id}/review`, { token: nanyang, body: {} });
    expect(selfReview.status).toBe(403);
    expect(selfReview.body.code).toBe('policy.four_eyes');
    const early = await server.api('POST', `/policy/versions/${created.id}/publish`, { token: reviewer });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('policy.state_invalid');

    const reviewed = await server.api('POST', `/policy/versions/${created.id}/review`, { token: reviewer, body: { comment: '核对无误' } });
    expect(reviewed.body).toMatchObject({ status: 'reviewed', reviewerId });
    const selfPublish = await server.api('POST', `/policy/versions/${created.id}/publish`, { token: nanyang });
    expect(selfPublish.status).toBe(403);
    expect(selfPublish.body.code).toBe('policy.four_eyes');
    const published = await server.api('POST', `/policy/versions/${created.id}/publish`, { token: reviewer });
    expect(published.body).toMatchObject({ status: 'published', publisherId: reviewerId });
    expect((await server.api('POST', `/policy/versions/${created.id}/review`, { token: reviewer, body: {} })).body.code).toBe('policy.state_invalid');

    const detail = await server.api('GET', `/policy/versions/${created.id}`, { token: province });
    expect(detail.status).toBe(200);
    expect(detail.body.events.map((e: { action: string; actorId: string }) => [e.action, e.actorId])).toEqual([
      ['drafted', nanyangId],
      ['reviewed', reviewerId],
      ['published', reviewerId],
    ]);
    expect(detail.body.events[1].comment).toBe('核对无误');
    expect(detail.body.series).toEqual([expect.objectContaining({ id: created.id, version: 1, status: 'published' })]);

    const second = await draft('base-rules', baseRule(type, { effectiveFrom: '2025-01', lowerBoundBp: 6500 }));
    expect(second.version).toBe(2);
    const page = await server.api('GET', `/policy/versions?insuranceType=${type}&pageSize=1&page=2`, { token: nanyang });
    expect(page.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.body.items.map((v: { id: string }) => v.id)).toEqual([created.id]);
    const published2019 = await server.api('GET', `/policy/versions?insuranceType=${type}&status=published&kind=base&month=2019-06`, { token: nanyang });
    expect(published2019.body.items.map((v: { id: string }) => v.id)).toEqual([created.id]);
  });

  it('refuses to publish a version overlapping a published one, naming the field', async () => {
    const type = await newType();
    const first = await publishNew('base-rules', baseRule(type));
    const later = await draft('base-rules', baseRule(type, { effectiveFrom: '2021-01' }));
    const refused = await approve(later.id);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'policy.overlap', field: 'effectiveFrom' });
    expect(refused.body.detail).toContain('2019-01');
    const earlier = await draft('base-rules', baseRule(type, { effectiveFrom: '2017-01', effectiveTo: '2019-06' }));
    const refusedEarlier = await approve(earlier.id);
    expect(refusedEarlier.body).toMatchObject({ code: 'policy.overlap', field: 'effectiveTo' });
    // Before the first one: no overlap.
    await publishNew('base-rules', baseRule(type, { effectiveFrom: '2017-01', effectiveTo: '2018-12' }));
    // Voiding the first frees its period for the refused one, which stayed reviewed.
    const voided = await server.api('POST', `/policy/versions/${first.id}/void`, { token: nanyang, body: { reason: '基数口径调整' } });
    expect(voided.body).toMatchObject({ status: 'voided', voidReason: '基数口径调整' });
    expect((await server.api('POST', `/policy/versions/${later.id}/publish`, { token: reviewer })).status).toBe(200);
    expect((await server.api('POST', `/policy/versions/${first.id}/void`, { token: nanyang, body: { reason: '再次作废' } })).body.code).toBe('policy.state_invalid');
  });

  it('allows one published wage per region and year', async () => {
    const year = 2031 + randomInt(50);
    await publishNew('wages', { regionCode: '411300', year, monthlyFen: 500000 });
    const twin = await draft('wages', { regionCode: '411300', year, monthlyFen: 510000 });
    expect(twin.version).toBeGreaterThan(1);
    const refused = await approve(twin.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('policy.overlap');
  });

  it('ignores voided versions in the lookup', async () => {
    const type = await newType();
    await publishNew('base-rules', baseRule(type));
    const first = await publishNew('collection-rules', collectionRule(type, 10000));
    const query = `regionCode=411300&insuranceType=${type}&month=2019-06`;
    expect((await lookup(query)).body.collectionRule).toMatchObject({ id: first.id, shares: [expect.objectContaining({ ratePpm: 10000 })] });

    await server.api('POST', `/policy/versions/${first.id}/void`, { token: nanyang, body: { reason: '费率有误' } });
    expect((await lookup(query)).body.collectionRule).toBeNull();
    const second = await publishNew('collection-rules', collectionRule(type, 20000));
    expect((await lookup(query)).body.collectionRule).toMatchObject({ id: second.id, version: 2, shares: [expect.objectContaining({ ratePpm: 20000 })] });

    const parameters = await effectiveParameters(server.platform.ctx, { regionCode: '411300', insuranceType: type, month: '2019-06' });
    const lines = receivableLines({ birthDate: '1980-01-01', retired: false, bases: { medical: 400000 } }, '2019-06', parameters.baseRule, parameters.collectionRule, parameters.wage);
    expect(lines.map((l) => [l.ruleVersionId, l.amountFen])).toEqual([[second.id, 8000]]);
    const voided = await server.api('GET', `/policy/versions?insuranceType=${type}&status=voided`, { token: nanyang });
    expect(voided.body.items.map((v: { id: string }) => v.id)).toEqual([first.id]);
  });
});

describe('region scope', () => {
  it('lets a city maintain only its own pooling region', async () => {
    const type = await newType();
    for (const [path, body] of [
      ['base-rules', baseRule(type, { regionCode: '410100' })],
      ['collection-rules', collectionRule(type, 1000, { regionCode: '410100' })],
      ['wages', { regionCode: '410100', year: 2019, monthlyFen: 400000 }],
    ] as const) {
      const refused = await server.api('POST', `/policy/${path}`, { token: nanyang, body });
      // another region is not found, as everywhere (403 is for a missing permission)
      expect(refused.status, path).toBe(404);
      expect(refused.body).toMatchObject({ code: 'policy.out_of_region', field: 'regionCode' });
    }
    const zhengzhou = await draft('base-rules', baseRule(type, { regionCode: '410100' }), province);
    for (const action of ['review', 'void'] as const) {
      const refused = await server.api('POST', `/policy/versions/${zhengzhou.id}/${action}`, { token: nanyang, body: action === 'void' ? { reason: '越权作废' } : {} });
      expect(refused.status, action).toBe(404);
      expect(refused.body.code).toBe('policy.not_found');
    }
    // Reading is not scoped: published policy is public information.
    expect((await server.api('GET', `/policy/versions/${zhengzhou.id}`, { token: nanyang })).status).toBe(200);
    // The province and the national administration reach it.
    expect((await approve(zhengzhou.id, sysadmin)).status).toBe(200);
    const outsideProvince = await server.api('POST', '/policy/base-rules', { token: province, body: baseRule(type, { regionCode: '420100' }) });
    expect(outsideProvince.status).toBe(404);
  });

  it('needs the policy permissions', async () => {
    const clerk = (await loginStaff(server, 'nanyang_clerk')).accessToken;
    const read = await server.api('GET', '/policy/versions', { token: clerk });
    expect(read.status).toBe(403);
    expect(read.body.code).toBe('auth.permission_missing');
    const person = await newPerson(server);
    expect((await server.api('POST', '/policy/wages', { token: person.accessToken, body: { regionCode: '411300', year: 2020, monthlyFen: 400000 } })).status).toBe(403);
    const perms = await server.api('GET', '/auth/me/permissions', { token: nanyang, headers: { 'accept-language': 'en' } });
    expect(perms.body.permissions).toEqual(expect.arrayContaining(['policy.read', 'policy.manage', 'policy.review']));
    expect(perms.body.menus.map((m: { name: string }) => m.name)).toContain('Policy');
  });
});

describe('the governing rule (统筹层次: the region, its city, its province)', () => {
  it('takes the nearest pooling region with a rule of the kind in effect: a city rule wins over the province, none is null', async () => {
    const type = await newType(province);
    const governing = (regionCode: string, month = '2019-06') => governingParameters(server.platform.ctx, 'baseRule', { regionCode, insuranceType: type, month });
    expect(await governing('411302')).toBeNull();

    // a province-wide rule (drafted by the province, published by the national administration) governs every region of 河南
    const provincial = await draft('base-rules', baseRule(type, { regionCode: '410000', lowerBoundBp: 5000 }), province);
    expect((await approve(provincial.id, sysadmin)).status).toBe(200);
    expect(await governing('411302')).toMatchObject({ regionCode: '410000', baseRule: { id: provincial.id, lowerBoundBp: 5000 } });
    expect(await governing('410102')).toMatchObject({ regionCode: '410000' });

    // 南阳's own rule wins over it for 南阳's districts, from its first month
    const city = await publishNew('base-rules', baseRule(type, { effectiveFrom: '2019-06', lowerBoundBp: 6500 }));
    expect(await governing('411302')).toMatchObject({ regionCode: '411300', baseRule: { id: city.id, lowerBoundBp: 6500 } });
    expect(await governing('411300')).toMatchObject({ regionCode: '411300' });
    expect(await governing('411302', '2019-05')).toMatchObject({ regionCode: '410000' });
    expect(await governing('410102')).toMatchObject({ regionCode: '410000' });
    // another province, or another kind of rule: none
    expect(await governing('420102')).toBeNull();
    expect(await governingParameters(server.platform.ctx, 'collectionRule', { regionCode: '411302', insuranceType: type, month: '2019-06' })).toBeNull();
  });
});

describe('a new insurance type, configured through the API alone', () => {
  it('changes the enrollment kinds a type admits for a policy maintainer only, and says which', async () => {
    const code = await newType(province);
    const change = (body: unknown, token = province, of = code) => server.api('PATCH', `/policy/insurance-types/${of}`, { token, body });
    const narrowed = await change({ enrollmentKinds: ['resident', 'flexible'] });
    expect(narrowed.status, JSON.stringify(narrowed.body)).toBe(200);
    // kept in the list's order, whatever order they were given in
    expect(narrowed.body).toMatchObject({ code, enrollmentKinds: ['flexible', 'resident'], name: `测试险种${code}` });
    const listed = (await server.api('GET', '/policy/insurance-types', { token: nanyang })).body.items.find((t: { code: string }) => t.code === code);
    expect(listed.enrollmentKinds).toEqual(['flexible', 'resident']);
    const audited = await server.platform.ctx.database.rows<{ action: string; status: number; detail: unknown }>(
      sql`select action, status, detail from audit.records where request_id = ${narrowed.headers.get('x-request-id')}`,
    );
    expect(audited).toEqual([expect.objectContaining({ action: 'PATCH /api/v1/policy/insurance-types/:code', status: 200, detail: { body: { enrollmentKinds: ['resident', 'flexible'] } } })]);
    const person = await newPerson(server);
    expect((await change({ enrollmentKinds: ['employee'] }, person.accessToken)).status).toBe(403);
    expect((await change({})).status).toBe(400);
    expect((await change({ enrollmentKinds: [] })).body.field).toBe('enrollmentKinds');
    const unknown = await change({ name: '无此险种' }, province, `${code}none`);
    expect(unknown.status).toBe(404);
    expect((await server.api('GET', '/policy/insurance-types', { token: nanyang })).body.items.find((t: { code: string }) => t.code === code).enrollmentKinds).toEqual(['flexible', 'resident']);
  });

  it('produces correct receivable lines from its published rules', async () => {
    const code = `r${randomInt(1e9)}`;
    const created = await server.api('POST', '/policy/insurance-types', { token: province, body: { code, name: '城乡居民补充保险（试点）', nameEn: 'Resident supplementary insurance (pilot)', enrollmentKinds: ['resident'] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code, enrollmentKinds: ['resident'] });
    // which enrollment kinds the type admits is required, and only kinds that exist, each once
    for (const [enrollmentKinds, field] of [[undefined, 'enrollmentKinds'], [[], 'enrollmentKinds'], [['resident', 'resident'], 'enrollmentKinds'], [['retiree'], 'enrollmentKinds.0']] as const) {
      const refused = await server.api('POST', '/policy/insurance-types', { token: province, body: { code: `${code}x`, name: '无效', nameEn: 'Invalid', enrollmentKinds } });
      expect(refused.status, JSON.stringify(enrollmentKinds)).toBe(400);
      expect(refused.body.field).toBe(field);
    }
    const again = await server.api('POST', '/policy/insurance-types', { token: province, body: { code, name: '重复', nameEn: 'Twice', enrollmentKinds: ['resident'] } });
    expect(again.status).toBe(409);
    expect(again.body.field).toBe('code');
    const types = await server.api('GET', '/policy/insurance-types', { token: nanyang });
    expect(types.body.items.map((t: { code: string }) => t.code)).toContain(code);
    expect(types.body).toMatchObject({ total: types.body.items.length, page: 1, pageSize: types.body.items.length });
    // the halls name it too: any signed-in account reads the list, an anonymous caller does not
    const anyone = await newPerson(server);
    expect((await server.api('GET', '/policy/insurance-types', { token: anyone.accessToken })).body.items).toContainEqual(expect.objectContaining({ code, name: '城乡居民补充保险（试点）' }));
    expect((await server.api('GET', '/policy/insurance-types')).status).toBe(401);

    // Bounds 50 %–200 % of the previous year's wage; a person share and a yearly fiscal share for one category.
    const year = 2090 + randomInt(9);
    await publishNew('wages', { regionCode: '411300', year, monthlyFen: 450000 });
    await publishNew('base-rules', { ...baseRule(code, { effectiveFrom: `${year + 1}-01`, baseKind: 'resident', lowerBoundBp: 5000, upperBoundBp: 20000, lowerRuleCode: 'R-LOW', upperRuleCode: 'R-HIGH' }), wageYearOffset: -1 });
    await publishNew('collection-rules', {
      insuranceType: code,
      regionCode: '411300',
      effectiveFrom: `${year + 1}-01`,
      shares: [
        { ruleCode: 'R-PERSON', payer: 'person', baseKind: 'resident', ratePpm: 10000, periodicity: 'monthly', fund: 'pooled_fund', flow: 'to' },
        { ruleCode: 'R-FISCAL', payer: 'fiscal', baseKind: 'resident', ratePpm: 5000, periodicity: 'yearly', dueMonth: 7, fund: 'pooled_fund', flow: 'to', conditions: { categories: ['rural'] } },
      ],
    });

    const month = `${year + 1}-07`;
    const parameters = await effectiveParameters(server.platform.ctx, { regionCode: '411300', insuranceType: code, month });
    expect(parameters.wage).toMatchObject({ year, monthlyFen: 450000 });
    const facts = { birthDate: '1960-05-01', retired: false, category: 'rural', bases: { resident: 100000 } };
    // 1,000.00 declared < 50 % of 4,500.00 → base 2,250.00; person 1 % = 22.50; fiscal 0.5 % = 11.25 in July.
    const lines = receivableLines(facts, month, parameters.baseRule, parameters.collectionRule, parameters.wage);
    expect(lines.map((l) => [l.ruleCode, l.payer, l.baseFen, l.baseRuleCode, l.amountFen])).toEqual([
      ['R-PERSON', 'person', 225000, 'R-LOW', 2250],
      ['R-FISCAL', 'fiscal', 225000, 'R-LOW', 1125],
    ]);
    expect(await receivableLinesFor(server.platform.ctx, facts, { regionCode: '411300', insuranceType: code, month: `${year + 1}-08` })).toHaveLength(1);
    // The HTTP lookup returns the same rules.
    const viaHttp = await lookup(`regionCode=411300&insuranceType=${code}&month=${month}`);
    expect(viaHttp.body.collectionRule.shares.map((s: { ruleCode: string }) => s.ruleCode)).toEqual(['R-PERSON', 'R-FISCAL']);
    expect(viaHttp.body.wageYear).toBe(year);
  });
});

describe('input validation', () => {
  it('refuses bad drafts with the field named', async () => {
    const type = await newType();
    const share = { ruleCode: 'A', payer: 'unit', baseKind: 'medical', ratePpm: 1000, periodicity: 'monthly', fund: 'pooled_fund', flow: 'to' };
    const cases: Array<[string, object, string, string]> = [
      ['base-rules', baseRule('nosuch'), 'insuranceType', 'policy.insurance_type_unknown'],
      ['base-rules', baseRule(type, { effectiveFrom: '2020-01', effectiveTo: '2019-12' }), 'effectiveTo', 'policy.period_invalid'],
      ['base-rules', baseRule(type, { effectiveFrom: '2020-1' }), 'effectiveFrom', 'request.field_invalid'],
      ['base-rules', baseRule(type, { regionCode: '4113' }), 'regionCode', 'request.field_invalid'],
      ['base-rules', baseRule(type, { lowerBoundBp: 10001 }), 'lowerBoundBp', 'request.field_invalid'],
      ['base-rules', baseRule(type, { upperBoundBp: 100001 }), 'upperBoundBp', 'request.field_invalid'],
      ['base-rules', baseRule(type, { lowerBoundBp: 0.6 }), 'lowerBoundBp', 'request.field_invalid'],
      ['collection-rules', collectionRule('nosuch', 1000), 'insuranceType', 'policy.insurance_type_unknown'],
      ['collection-rules', collectionRule(type, 300001), 'shares.0.ratePpm', 'request.field_invalid'],
      ['collection-rules', collectionRule(type, 0), 'shares.0.ratePpm', 'request.field_invalid'],
      ['collection-rules', collectionRule(type, 1000, { shares: [] }), 'shares', 'request.field_invalid'],
      ['collection-rules', collectionRule(type, 1000, { shares: [share, share] }), 'shares.1.ruleCode', 'policy.share_code_duplicate'],
      ['collection-rules', collectionRule(type, 1000, { shares: [{ ...share, conditions: { ageAbove: 40, ageAtMost: 40 } }] }), 'shares.0.conditions', 'policy.condition_invalid'],
      ['collection-rules', collectionRule(type, 1000, { shares: [{ ...share, dueMonth: 3 }] }), 'shares.0.dueMonth', 'policy.due_month_invalid'],
      ['collection-rules', collectionRule(type, 1000, { shares: [{ ...share, payer: 'employer' }] }), 'shares.0.payer', 'request.field_invalid'],
      ['collection-rules', collectionRule(type, 1000, { shares: [{ ...share, extra: 1 }] }), 'shares.0.extra', 'request.field_invalid'],
      ['wages', { regionCode: '411300', year: 2019, monthlyFen: 99 }, 'monthlyFen', 'request.field_invalid'],
      ['wages', { regionCode: '411300', year: 2019, monthlyFen: '300000' }, 'monthlyFen', 'request.field_invalid'],
    ];
    for (const [path, body, field, code] of cases) {
      const response = await server.api('POST', `/policy/${path}`, { token: nanyang, body });
      expect(response.status, `${path} ${field}`).toBe(400);
      expect(response.body, `${path} ${field}`).toMatchObject({ field, code });
    }
  });

  it('answers an unknown version with 404', async () => {
    const response = await server.api('GET', '/policy/versions/pol_unknown', { token: nanyang });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('policy.not_found');
    expect((await server.api('POST', '/policy/versions/pol_unknown/publish', { token: reviewer })).status).toBe(404);
  });
});
