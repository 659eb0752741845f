import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginStaff, PASSWORD, randomCreditCode, randomIdNumber, randomName, randomPhone } from '../support/factories.js';
import { BUILT_IN_ROLES, DEMO_ORGS } from '../../src/demo-seed.js';
import { seedPolicyDemo } from '../../src/centers/policy/index.js';
import { activeEnrollmentsFor, activeEnrollmentsPage, settlementStanding } from '../../src/centers/enrollment/index.js';
import { makeIdNumber } from '../../src/kernel/validation/identifiers.js';

let server: TestServer;
let nanyang: string;
let zhengzhou: string;

beforeAll(async () => {
  server = await startTestServer();
  nanyang = (await loginStaff(server, 'nanyang_admin')).accessToken;
  const province = (await loginStaff(server, 'province_admin')).accessToken;
  const loginName = `zhengzhou_admin${randomInt(1e6)}`;
  const account = await server.api('POST', '/user/accounts', {
    token: province,
    body: { kind: 'admin', loginName, name: randomName(), phone: randomPhone(), orgId: DEMO_ORGS.zhengzhou.id, password: PASSWORD },
  });
  expect(account.status).toBe(201);
  expect((await server.api('POST', '/auth/grants', { token: province, body: { accountId: account.body.id, roleId: BUILT_IN_ROLES.orgAdmin.id } })).status).toBe(201);
  const login = await server.api('POST', '/auth/login', { body: { identifier: loginName, password: PASSWORD } });
  expect(login.status).toBe(200);
  zhengzhou = login.body.accessToken;
  await seedPolicyDemo(server.platform.ctx);
});
afterAll(() => server?.close());

async function newEntity(token = nanyang, regionCode = '411302') {
  const response = await server.api('POST', '/registry/entities', {
    token,
    body: { creditCode: randomCreditCode(), name: `参保测试单位${randomInt(1e6)}有限公司`, type: 'enterprise', regionCode, legalRepName: randomName() },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

async function newRegistryPerson(birthDate?: string) {
  const idNumber = birthDate ? randomIdNumberBorn(birthDate) : randomIdNumber();
  const response = await server.api('POST', '/registry/persons', { token: nanyang, body: { idNumber, name: randomName(), regionCode: '411302', category: 'employee' } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

const randomIdNumberBorn = (birthDate: string) => makeIdNumber('411302', birthDate, randomInt(0, 1000));

async function enrollUnit(insuranceType = '410', fromMonth = '2019-01', token = nanyang) {
  const entityId = await newEntity();
  const response = await server.api('POST', '/enrollment/units', { token, body: { entityId, insuranceType, fromMonth } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { entityId, unitId: response.body.id as string };
}

async function addEmployee(unitId: string, personId: string, fromMonth = '2019-01') {
  return server.api('POST', `/enrollment/units/${unitId}/employees`, { token: nanyang, body: { personId, fromMonth } });
}

describe('unit enrollment', () => {
  it('enrols a registered entity once per insurance type', async () => {
    const entityId = await newEntity();
    const first = await server.api('POST', '/enrollment/units', { token: nanyang, body: { entityId, insuranceType: '410', fromMonth: '2019-01' } });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ entityId, insuranceType: '410', regionCode: '411302', fromMonth: '2019-01', status: 'active' });
    const again = await server.api('POST', '/enrollment/units', { token: nanyang, body: { entityId, insuranceType: '410', fromMonth: '2020-01' } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'enrollment.unit_already_enrolled', field: 'insuranceType' });
    expect((await server.api('POST', '/enrollment/units', { token: nanyang, body: { entityId, insuranceType: '310', fromMonth: '2019-01' } })).status).toBe(201);
    const list = await server.api('GET', `/enrollment/units?entityId=${entityId}`, { token: nanyang });
    expect(list.body.total).toBe(2);
  });

  it('refuses unknown insurance types and unknown entities', async () => {
    const entityId = await newEntity();
    const unknownType = await server.api('POST', '/enrollment/units', { token: nanyang, body: { entityId, insuranceType: 'nosuch', fromMonth: '2019-01' } });
    expect(unknownType.status).toBe(400);
    expect(unknownType.body).toMatchObject({ code: 'enrollment.insurance_type_unknown', field: 'insuranceType' });
    const unknownEntity = await server.api('POST', '/enrollment/units', { token: nanyang, body: { entityId: 'ent_nosuch', insuranceType: '410', fromMonth: '2019-01' } });
    expect(unknownEntity.status).toBe(404);
  });
});

describe('employees', () => {
  it('adds, suspends, resumes and removes an employee, each from a month, with history and events', async () => {
    const { unitId } = await enrollUnit();
    const personId = await newRegistryPerson();
    const added = await addEmployee(unitId, personId, '2019-03');
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const id = added.body.id as string;
    expect(added.body).toMatchObject({ personId, status: 'active', fromMonth: '2019-03' });

    const step = (action: string, month: string) => server.api('POST', `/enrollment/employees/${id}/${action}`, { token: nanyang, body: { month } });
    expect((await step('suspend', '2019-06')).body.status).toBe('suspended');
    const twice = await step('suspend', '2019-07');
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('enrollment.status_invalid');
    const backdated = await step('resume', '2019-05');
    expect(backdated.status).toBe(400);
    expect(backdated.body).toMatchObject({ code: 'enrollment.month_before_last', field: 'month' });
    expect((await step('resume', '2019-09')).body.status).toBe('active');
    expect((await step('remove', '2020-01')).body.status).toBe('removed');

    const detail = await server.api('GET', `/enrollment/employees/${id}`, { token: nanyang });
    expect(detail.body.changes).toEqual([
      { month: '2019-03', status: 'active' },
      { month: '2019-06', status: 'suspended' },
      { month: '2019-09', status: 'active' },
      { month: '2020-01', status: 'removed' },
    ]);

    // the person's enrollments: one page (a person holds a few), each with its changes
    const employments = await server.api('GET', `/enrollment/persons/${personId}/employments`, { token: nanyang });
    expect(employments.body).toMatchObject({ total: 1, page: 1, pageSize: 1, items: [{ id, status: 'removed', changes: detail.body.changes, wages: [] }] });

    // active in a month only between the changes
    const ctx = server.platform.ctx;
    const activeIn = async (month: string) => {
      const ids: string[] = [];
      for await (const e of activeEnrollmentsFor(ctx, { regionCode: '411302', month })) ids.push(e.employmentId);
      return ids.includes(id);
    };
    expect([await activeIn('2019-02'), await activeIn('2019-03'), await activeIn('2019-07'), await activeIn('2019-10'), await activeIn('2020-01')]).toEqual([false, true, false, true, false]);

    const history = await server.api('GET', `/enrollment/persons/${personId}/history`, { token: nanyang });
    expect(history.status).toBe(200);
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(['person_removed', 'person_resumed', 'person_suspended', 'person_enrolled']);
    expect(history.body.items[0]).toMatchObject({ actorId: expect.any(String), at: expect.any(String), detail: { month: '2020-01', status: 'removed' } });
    const unitHistory = await server.api('GET', `/enrollment/units/${unitId}/history`, { token: nanyang });
    expect(unitHistory.body.items.map((h: { action: string }) => h.action)).toEqual(['person_removed', 'person_resumed', 'person_suspended', 'person_enrolled', 'unit_enrolled']);

    const events = await server.platform.ctx.database.rows<{ topic: string; payload: Record<string, unknown> }>(
      sql`select topic, payload from kernel.outbox_events where payload->>'employmentId' = ${id} order by id`,
    );
    expect(events.map((e) => e.topic)).toEqual(['enrollment.person_enrolled', 'enrollment.person_suspended', 'enrollment.person_resumed', 'enrollment.person_removed']);
    expect(events[0].payload).toMatchObject({ personId, unitEnrollmentId: unitId, insuranceType: '410', fromMonth: '2019-03' });
  });

  it('refuses a second active employment for the same insurance type (409 naming personId), and allows it after removal', async () => {
    const a = await enrollUnit();
    const b = await enrollUnit();
    const personId = await newRegistryPerson();
    const first = await addEmployee(a.unitId, personId);
    expect(first.status).toBe(201);
    const second = await addEmployee(b.unitId, personId);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'enrollment.person_already_enrolled', field: 'personId' });
    expect((await server.api('POST', `/enrollment/employees/${first.body.id}/suspend`, { token: nanyang, body: { month: '2019-05' } })).status).toBe(200);
    expect((await addEmployee(b.unitId, personId, '2019-06')).status).toBe(409);
    expect((await server.api('POST', `/enrollment/employees/${first.body.id}/remove`, { token: nanyang, body: { month: '2019-06' } })).status).toBe(200);
    expect((await addEmployee(b.unitId, personId, '2019-06')).status).toBe(201);
  });

  it('refuses an employee before the unit enrolled, and unknown persons', async () => {
    const { unitId } = await enrollUnit('410', '2019-06');
    const early = await addEmployee(unitId, await newRegistryPerson(), '2019-05');
    expect(early.status).toBe(400);
    expect(early.body.field).toBe('fromMonth');
    expect((await addEmployee(unitId, 'psn_nosuch', '2019-06')).status).toBe(404);
  });
});

describe('wage declaration (缴费基数申报)', () => {
  it('clamps the declared wage to 60 % – 300 % of the 南阳 social average wage with the rule code that applied', async () => {
    const { unitId } = await enrollUnit();
    const declare = async (monthlyWageFen: number) => {
      const added = await addEmployee(unitId, await newRegistryPerson());
      const response = await server.api('POST', `/enrollment/employees/${added.body.id}/wage-declarations`, { token: nanyang, body: { year: 2019, monthlyWageFen } });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return { id: added.body.id as string, body: response.body };
    };
    expect((await declare(100_000)).body).toMatchObject({ declaredFen: 100_000, baseFen: 180_000, lowerFen: 180_000, upperFen: 900_000, applied: 'lower', ruleCode: '1000101' });
    expect((await declare(1_000_000)).body).toMatchObject({ baseFen: 900_000, applied: 'upper', ruleCode: '1000102' });
    const inside = await declare(250_000);
    expect(inside.body).toMatchObject({ baseFen: 250_000, applied: 'declared', ruleCode: null });

    // a new declaration for the year replaces the last one
    const redeclared = await server.api('POST', `/enrollment/employees/${inside.id}/wage-declarations`, { token: nanyang, body: { year: 2019, monthlyWageFen: 200_000 } });
    expect(redeclared.body.baseFen).toBe(200_000);
    const detail = await server.api('GET', `/enrollment/employees/${inside.id}`, { token: nanyang });
    expect(detail.body.wages).toHaveLength(1);
    const page = await activeEnrollmentsPage(server.platform.ctx, { regionCode: '411302', month: '2019-02', limit: 5000 });
    expect(page.items.find((e) => e.employmentId === inside.id)).toMatchObject({ baseFen: 200_000, baseRuleCode: null, insuranceType: '410', retired: false });
  });

  it('refuses negative and absurd wages naming the field, and answers 422 without a base rule', async () => {
    const { unitId } = await enrollUnit();
    const added = await addEmployee(unitId, await newRegistryPerson());
    for (const monthlyWageFen of [-1, 100_000_001, 1.5]) {
      const response = await server.api('POST', `/enrollment/employees/${added.body.id}/wage-declarations`, { token: nanyang, body: { year: 2019, monthlyWageFen } });
      expect(response.status, String(monthlyWageFen)).toBe(400);
      expect(response.body.field).toBe('monthlyWageFen');
    }
    const before = await server.api('POST', `/enrollment/employees/${added.body.id}/wage-declarations`, { token: nanyang, body: { year: 2018, monthlyWageFen: 200_000 } });
    expect(before.status).toBe(400);
    expect(before.body.field).toBe('year');

    const maternity = await enrollUnit('510');
    const employee = await addEmployee(maternity.unitId, await newRegistryPerson());
    const response = await server.api('POST', `/enrollment/employees/${employee.body.id}/wage-declarations`, { token: nanyang, body: { year: 2019, monthlyWageFen: 200_000 } });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('enrollment.base_rule_missing');
  });
});

describe('identities', () => {
  it('records retirement and special identities as dated rows, readable as of a month', async () => {
    const { unitId } = await enrollUnit();
    const personId = await newRegistryPerson('1959-03-10');
    const added = await addEmployee(unitId, personId);
    const retired = await server.api('POST', `/enrollment/persons/${personId}/retirement`, { token: nanyang, body: { date: '2019-03-10' } });
    expect(retired.status, JSON.stringify(retired.body)).toBe(201);
    const again = await server.api('POST', `/enrollment/persons/${personId}/retirement`, { token: nanyang, body: { date: '2019-04-01' } });
    expect(again.status).toBe(409);
    const dibao = await server.api('POST', `/enrollment/persons/${personId}/identities`, { token: nanyang, body: { code: 'dibao', startDate: '2018-07-01', endDate: '2019-01-31' } });
    expect(dibao.status).toBe(201);
    const overlap = await server.api('POST', `/enrollment/persons/${personId}/identities`, { token: nanyang, body: { code: 'dibao', startDate: '2019-01-01' } });
    expect(overlap.status).toBe(409);
    const inverted = await server.api('POST', `/enrollment/persons/${personId}/identities`, { token: nanyang, body: { code: 'tekun', startDate: '2019-05-01', endDate: '2019-04-01' } });
    expect(inverted.status).toBe(400);
    expect(inverted.body.field).toBe('endDate');

    const asOf = (month: string) => server.api('GET', `/enrollment/persons/${personId}/identities?month=${month}`, { token: nanyang });
    expect((await asOf('2019-01')).body).toMatchObject({ asOf: ['dibao'], retired: false, workStatus: 'employed' });
    expect((await asOf('2019-02')).body).toMatchObject({ asOf: [], retired: false });
    expect((await asOf('2019-03')).body).toMatchObject({ asOf: ['retired'], retired: true, workStatus: 'retired' });
    expect((await asOf('2019-03')).body.items).toHaveLength(2);

    const feed = async (month: string) => (await activeEnrollmentsPage(server.platform.ctx, { regionCode: '411302', insuranceType: '410', month, limit: 5000 })).items.find((e) => e.employmentId === added.body.id);
    expect(await feed('2019-02')).toMatchObject({ retired: false, birthDate: '1959-03-10', identities: [] });
    expect(await feed('2019-03')).toMatchObject({ retired: true, identities: ['retired'] });
    const history = await server.api('GET', `/enrollment/persons/${personId}/history`, { token: nanyang });
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(['identity_added', 'identity_added', 'person_enrolled']);
  });
});

describe('the feed of active enrollments (collection and settlement)', () => {
  it('judges each enrollment of a page by its own changes, its year’s declaration and its person’s identities of the month', async () => {
    const personId = await newRegistryPerson('1970-05-20');
    const ltc = await enrollUnit('410');
    const other = await enrollUnit('310');
    const first = await addEmployee(ltc.unitId, personId, '2019-01');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const second = await addEmployee(other.unitId, personId, '2019-02');
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const [e1, e2] = [first.body.id as string, second.body.id as string];
    expect(e1 < e2).toBe(true);
    const step = (id: string, action: string, month: string) => server.api('POST', `/enrollment/employees/${id}/${action}`, { token: nanyang, body: { month } });
    // suspended and resumed within April: the later change of the month stands
    expect((await step(e1, 'suspend', '2019-04')).status).toBe(200);
    expect((await step(e1, 'resume', '2019-04')).status).toBe(200);
    expect((await step(e2, 'suspend', '2019-06')).status).toBe(200);
    const declared = await server.api('POST', `/enrollment/employees/${e1}/wage-declarations`, { token: nanyang, body: { year: 2019, monthlyWageFen: 250_000 } });
    expect(declared.status, JSON.stringify(declared.body)).toBe(201);
    // 2020's, written as it would be once the demo policy has 2020's average wage
    await server.platform.ctx.database.rows(sql`
      insert into enrollment.wage_declarations (id, employment_id, person_id, year, declared_fen, base_fen, lower_fen, upper_fen, applied, rule_code, base_rule_id, wage_version_id, declared_by)
      values (${`wdc_feed${randomInt(1e9)}`}, ${e1}, ${personId}, 2020, 100000, 190000, 190000, 950000, 'lower', '1000101', 'test', 'test', 'test')`);
    const identity = async (body: object) => expect((await server.api('POST', `/enrollment/persons/${personId}/identities`, { token: nanyang, body })).status).toBe(201);
    await identity({ code: 'dibao', startDate: '2018-07-01', endDate: '2019-03-31' });
    await identity({ code: 'tekun', startDate: '2019-05-01' });
    expect((await server.api('POST', `/enrollment/persons/${personId}/retirement`, { token: nanyang, body: { date: '2019-08-10' } })).status).toBe(201);

    const ctx = server.platform.ctx;
    const feed = async (month: string, more: { regionPrefix?: string; insuranceType?: string } = {}) => (await activeEnrollmentsPage(ctx, { personId, month, ...more })).items;
    const common = { kind: 'employee', personId, regionCode: '411302', birthDate: '1970-05-20' };
    expect(await feed('2019-01')).toEqual([
      { ...common, employmentId: e1, entityId: ltc.entityId, unitEnrollmentId: ltc.unitId, insuranceType: '410', baseFen: 250_000, baseRuleCode: null, retired: false, identities: ['dibao'] },
    ]);
    expect(await feed('2019-04')).toEqual([
      expect.objectContaining({ employmentId: e1, baseFen: 250_000, identities: [] }),
      { ...common, employmentId: e2, entityId: other.entityId, unitEnrollmentId: other.unitId, insuranceType: '310', baseFen: null, baseRuleCode: null, retired: false, identities: [] },
    ]);
    expect(await feed('2019-06')).toEqual([expect.objectContaining({ employmentId: e1, identities: ['tekun'], retired: false })]);
    expect(await feed('2019-08')).toEqual([expect.objectContaining({ employmentId: e1, identities: ['retired', 'tekun'], retired: true })]);
    // the month's year's declaration, not another year's
    expect(await feed('2020-01')).toEqual([expect.objectContaining({ employmentId: e1, baseFen: 190_000, baseRuleCode: '1000101', identities: ['retired', 'tekun'] })]);
    expect(await feed('2019-04', { regionPrefix: '4113', insuranceType: '310' })).toEqual([expect.objectContaining({ employmentId: e2 })]);
    expect(await feed('2019-04', { regionPrefix: '4101' })).toEqual([]);

    // a page scans `limit` enrollments: the suspended one makes an empty page that still goes on
    const pages = [];
    let after: string | undefined;
    do {
      const page = await activeEnrollmentsPage(ctx, { personId, month: '2019-06', limit: 1, after });
      pages.push({ items: page.items.map((e) => e.employmentId), next: page.next });
      after = page.next ?? undefined;
    } while (after);
    expect(pages).toEqual([
      { items: [e1], next: e1 },
      { items: [], next: e2 },
      { items: [], next: null },
    ]);

    // the settlement's standing reads the same facts the same way
    expect(await settlementStanding(ctx, { personId, insuranceType: '410', month: '2019-08' })).toEqual({ kind: 'employee', regionCode: '411302', retired: true });
    expect(await settlementStanding(ctx, { personId, insuranceType: '410', month: '2019-04' })).toEqual({ kind: 'employee', regionCode: '411302', retired: false });
    expect(await settlementStanding(ctx, { personId, insuranceType: '310', month: '2019-06' })).toBeNull();
  });
});

describe('region scope', () => {
  it('keeps a 郑州 administrator out of 南阳 enrollments', async () => {
    const { unitId, entityId } = await enrollUnit();
    const personId = await newRegistryPerson();
    const added = await addEmployee(unitId, personId);
    const asZz = (method: string, path: string, body?: object) => server.api(method as 'GET', `/enrollment${path}`, { token: zhengzhou, ...(body ? { body } : {}) });
    expect((await asZz('GET', `/units/${unitId}`)).status).toBe(404);
    expect((await asZz('GET', `/units/${unitId}/employees`)).status).toBe(404);
    expect((await asZz('GET', `/units/${unitId}/history`)).status).toBe(404);
    expect((await asZz('POST', `/units/${unitId}/employees`, { personId: await newRegistryPerson(), fromMonth: '2019-01' })).status).toBe(404);
    expect((await asZz('POST', '/units', { entityId, insuranceType: '310', fromMonth: '2019-01' })).status).toBe(404);
    expect((await asZz('GET', `/employees/${added.body.id}`)).status).toBe(404);
    expect((await asZz('POST', `/employees/${added.body.id}/suspend`, { month: '2019-05' })).status).toBe(404);
    expect((await asZz('POST', `/employees/${added.body.id}/wage-declarations`, { year: 2019, monthlyWageFen: 200_000 })).status).toBe(404);
    expect((await asZz('POST', `/persons/${personId}/retirement`, { date: '2019-05-01' })).status).toBe(404);
    expect((await asZz('GET', `/persons/${personId}/history`)).status).toBe(404);
    expect((await asZz('GET', `/units?entityId=${entityId}`)).body.total).toBe(0);
    // nothing changed
    expect((await server.api('GET', `/enrollment/employees/${added.body.id}`, { token: nanyang })).body.status).toBe('active');

    // a 郑州 unit is the 郑州 administrator's own
    const zzEntity = await newEntity(zhengzhou, '410102');
    expect((await asZz('POST', '/units', { entityId: zzEntity, insuranceType: '310', fromMonth: '2020-01' })).status).toBe(201);
    expect((await server.api('POST', '/enrollment/units', { token: nanyang, body: { entityId: zzEntity, insuranceType: '410', fromMonth: '2020-01' } })).status).toBe(404);
  });
});
