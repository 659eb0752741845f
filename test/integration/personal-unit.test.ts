/**
 * 个人服务中心 and 单位服务中心: a person sees only themselves, a unit agent only their unit (the
 * registry legal entity with the unit's credit code), through the enrollment and registry centers.
 */
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginStaff, newPerson, newUnit, randomIdNumber, randomName } from '../support/factories.js';
import { maskIdNumber, maskName } from '../../src/kernel/crypto/index.js';
import { makeIdNumber } from '../../src/kernel/validation/identifiers.js';

let server: TestServer;
/** 南阳宛城 clerk */
let clerk: string;

beforeAll(async () => {
  server = await startTestServer();
  clerk = (await loginStaff(server, 'nanyang_clerk')).accessToken;
});
afterAll(() => server?.close());

interface Insured {
  personId: string;
  idNumber: string;
  name: string;
  token: string;
}

async function registryPerson(category = 'employee', birthDate?: string) {
  const idNumber = birthDate ? makeIdNumber('411302', birthDate, randomInt(0, 1000)) : randomIdNumber();
  const name = randomName();
  const response = await server.api('POST', '/registry/persons', { token: clerk, body: { idNumber, name, regionCode: '411302', category } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { personId: response.body.id as string, idNumber, name };
}

/** A registered person with a real-name verified (L2) account. */
async function insured(birthDate?: string): Promise<Insured> {
  const person = await registryPerson('employee', birthDate);
  const account = await newPerson(server, { idNumber: person.idNumber, name: person.name });
  server.fakes.realName.addPerson({ idNumber: person.idNumber, name: person.name });
  const l2 = await server.api('POST', '/auth/realname', { token: account.accessToken, body: { name: person.name, idNumber: person.idNumber } });
  expect(l2.status).toBe(200);
  return { ...person, token: l2.body.accessToken };
}

/** A unit registered in the user center and, with the same credit code, in the registry, enrolled in 410 from 2019-01. */
async function registeredUnit(options: { verified?: boolean } = {}) {
  const unit = await newUnit(server);
  // the agent who registered the unit is its legal representative in the registry
  const entity = await server.api('POST', '/registry/entities', {
    token: clerk,
    body: { creditCode: unit.creditCode, name: unit.unitName, type: 'enterprise', regionCode: '411302', legalRepName: unit.agent.name, legalRepIdNumber: unit.agent.idNumber },
  });
  expect(entity.status, JSON.stringify(entity.body)).toBe(201);
  const enrolled = await server.api('POST', '/enrollment/units', { token: clerk, body: { entityId: entity.body.id, insuranceType: '410', fromMonth: '2019-01' } });
  expect(enrolled.status).toBe(201);
  let token = unit.agent.accessToken;
  if (options.verified !== false) {
    server.fakes.realName.addPerson({ idNumber: unit.agent.idNumber, name: unit.agent.name });
    const l2 = await server.api('POST', '/auth/realname', { token, body: { name: unit.agent.name, idNumber: unit.agent.idNumber } });
    expect(l2.status, JSON.stringify(l2.body)).toBe(200);
    token = l2.body.accessToken;
  }
  return { ...unit, entityId: entity.body.id as string, unitEnrollmentId: enrolled.body.id as string, token };
}

const asAgent = (token: string, method: string, path: string, body?: unknown) => server.api(method, `/unit${path}`, { token, ...(body !== undefined ? { body } : {}) });

async function hire(unit: { token: string }, idNumber: string, fromMonth = '2019-01') {
  const response = await asAgent(unit.token, 'POST', '/employees', { idNumber, insuranceType: '410', fromMonth });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

describe('个人服务中心 personal service center', () => {
  it('shows the person their masked registry record, enrollments of every kind with their unit, and identities', async () => {
    const person = await insured();
    const unit = await registeredUnit();
    const employmentId = await hire(unit, person.idNumber);
    const resident = await server.api('POST', '/personal/applications', { token: person.token, body: { kind: 'resident_enrollment', insuranceType: '390', regionCode: '411302', fromMonth: '2020-01' } });
    const residentApproved = await server.api('POST', `/enrollment/applications/${resident.body.id}/approve`, { token: clerk, body: {} });
    expect(residentApproved.status).toBe(200);
    await server.api('POST', `/enrollment/persons/${person.personId}/identities`, { token: clerk, body: { code: 'dibao', startDate: '2020-01-01' } });

    const me = await server.api('GET', '/personal/me', { token: person.token });
    expect(me.status).toBe(200);
    expect(me.body.registered).toBe(true);
    expect(me.body.person).toMatchObject({ id: person.personId, name: maskName(person.name), idNumber: maskIdNumber(person.idNumber), regionCode: '411302', status: 'active' });
    expect(JSON.stringify(me.body)).not.toContain(person.idNumber);
    expect(me.body.enrollments).toEqual([
      expect.objectContaining({ id: employmentId, kind: 'employee', insuranceType: '410', status: 'active', unit: { entityId: unit.entityId, name: unit.unitName } }),
      expect.objectContaining({ id: residentApproved.body.employmentId, kind: 'resident', insuranceType: '390', status: 'active', unit: null }),
    ]);
    expect(me.body.identities).toEqual([expect.objectContaining({ code: 'dibao', startDate: '2020-01-01' })]);

    const enrollments = await server.api('GET', '/personal/enrollments', { token: person.token });
    expect(enrollments.body.items.find((e: { id: string }) => e.id === employmentId)).toMatchObject({ unitName: unit.unitName, changes: [{ month: '2019-01', status: 'active' }] });
  });

  it('keeps person A out of everything of person B', async () => {
    const a = await insured();
    const b = await insured();
    const applied = await server.api('POST', '/personal/applications', {
      token: b.token,
      body: { kind: 'flexible_enrollment', insuranceType: '410', regionCode: '411302', fromMonth: '2019-01', monthlyBaseFen: 300_000 },
    });
    expect(applied.status).toBe(201);
    const approved = await server.api('POST', `/enrollment/applications/${applied.body.id}/approve`, { token: clerk, body: {} });
    const bEmployment = approved.body.employmentId as string;
    const pending = await server.api('POST', '/personal/applications', { token: b.token, body: { kind: 'flexible_suspension', employmentId: bEmployment, fromMonth: '2019-06', reason: '暂停' } });
    expect(pending.status).toBe(201);

    expect((await server.api('GET', `/personal/applications/${pending.body.id}`, { token: a.token })).status).toBe(404);
    expect((await server.api('POST', `/personal/applications/${pending.body.id}/withdraw`, { token: a.token })).status).toBe(404);
    expect((await server.api('GET', '/personal/applications', { token: a.token })).body.total).toBe(0);
    const foreign = await server.api('POST', '/personal/applications', { token: a.token, body: { kind: 'flexible_suspension', employmentId: bEmployment, fromMonth: '2019-07', reason: '暂停' } });
    expect(foreign.status).toBe(404);
    expect((await server.api('GET', '/personal/enrollments', { token: a.token })).body.items).toEqual([]);
    expect((await server.api('GET', '/personal/enrollments/history', { token: a.token })).body.total).toBe(0);
    expect((await server.api('GET', '/personal/me', { token: a.token })).body.enrollments).toEqual([]);
    // B's pending suspension is untouched
    expect((await server.api('GET', `/personal/applications/${pending.body.id}`, { token: b.token })).body.status).toBe('submitted');
  });

  it('is for persons only', async () => {
    const unit = await registeredUnit();
    expect((await server.api('GET', '/personal/me', { token: unit.token })).status).toBe(403);
    expect((await server.api('GET', '/personal/me', { token: clerk })).status).toBe(403);
    const unverified = await newPerson(server);
    const l1 = await server.api('GET', '/personal/me', { token: unverified.accessToken });
    expect(l1.status).toBe(403);
    expect(l1.body.code).toBe('auth.level_required');
  });
});

describe('单位服务中心 unit service center', () => {
  it('serves a unit only when its managing agent is the registry’s legal representative, verified by real name', async () => {
    const unverified = await registeredUnit({ verified: false });
    const refused = await asAgent(unverified.token, 'GET', '/info');
    expect([refused.status, refused.body.code]).toEqual([403, 'unit.binding_unverified']);
    // someone registers a unit under a credit code the registry gives another legal representative
    const squatter = await newUnit(server);
    const entity = await server.api('POST', '/registry/entities', {
      token: clerk,
      body: { creditCode: squatter.creditCode, name: squatter.unitName, type: 'enterprise', regionCode: '411302', legalRepName: randomName(), legalRepIdNumber: randomIdNumber() },
    });
    expect(entity.status).toBe(201);
    server.fakes.realName.addPerson({ idNumber: squatter.agent.idNumber, name: squatter.agent.name });
    const l2 = await server.api('POST', '/auth/realname', { token: squatter.agent.accessToken, body: { name: squatter.agent.name, idNumber: squatter.agent.idNumber } });
    expect(l2.status).toBe(200);
    for (const path of ['/info', '/employees', '/bills']) {
      const answer = await asAgent(l2.body.accessToken, 'GET', path);
      expect([answer.status, answer.body.code]).toEqual([403, 'unit.binding_unverified']);
    }
  });

  it('shows the unit its registry record and enrollments, and changes its name with registry history', async () => {
    const unit = await registeredUnit();
    const info = await asAgent(unit.token, 'GET', '/info');
    expect(info.status).toBe(200);
    expect(info.body.entity).toMatchObject({ id: unit.entityId, creditCode: unit.creditCode, name: unit.unitName, regionCode: '411302', version: 1 });
    expect(info.body.enrollments).toEqual([expect.objectContaining({ id: unit.unitEnrollmentId, insuranceType: '410', status: 'active' })]);

    const changed = await asAgent(unit.token, 'PATCH', '/info', { name: `${unit.unitName}（更名）`, version: 1 });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ changed: true, version: 2, name: `${unit.unitName}（更名）`, legalRepresentative: { name: maskName(unit.agent.name) } });
    const stale = await asAgent(unit.token, 'PATCH', '/info', { name: '另一个名称有限公司', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.field).toBe('version');
    // the legal representative, type and region are changed at the agency
    for (const body of [{ regionCode: '410102' }, { type: 'government' }, { legalRepName: randomName() }, { legalRepIdNumber: randomIdNumber() }]) {
      const refused = await asAgent(unit.token, 'PATCH', '/info', body);
      expect(refused.status).toBe(400);
      expect(refused.body.field).toBe(Object.keys(body)[0]);
    }

    const history = await server.api('GET', `/registry/entities/${unit.entityId}/history`, { token: clerk });
    const change = history.body.items.find((h: { action: string }) => h.action === 'changed');
    expect(change).toMatchObject({ actor: { id: unit.agent.accountId, kind: 'unit_agent' } });
    expect(change.changes.map((c: { field: string }) => c.field)).toEqual(['name']);
  });

  it('adds (增员), lists, declares the wage of and removes (减员) its employees', async () => {
    const unit = await registeredUnit();
    const person = await registryPerson();
    const id = await hire(unit, person.idNumber, '2019-03');
    const list = await asAgent(unit.token, 'GET', '/employees?status=active');
    expect(list.body.items).toEqual([expect.objectContaining({ id, personId: person.personId, kind: 'employee', fromMonth: '2019-03', person: { name: maskName(person.name), idNumber: maskIdNumber(person.idNumber) } })]);

    const wage = await asAgent(unit.token, 'POST', `/employees/${id}/wage-declarations`, { year: 2019, monthlyWageFen: 100_000 });
    expect(wage.status).toBe(201);
    expect(wage.body).toMatchObject({ declaredFen: 100_000, baseFen: 180_000, applied: 'lower', ruleCode: '1000101' });
    const removed = await asAgent(unit.token, 'POST', `/employees/${id}/remove`, { month: '2019-09' });
    expect(removed.status).toBe(200);
    expect(removed.body.status).toBe('removed');
    const detail = await asAgent(unit.token, 'GET', `/employees/${id}`);
    expect(detail.body).toMatchObject({ status: 'removed', changes: [{ month: '2019-03', status: 'active' }, { month: '2019-09', status: 'removed' }], wages: [expect.objectContaining({ baseFen: 180_000 })] });
    expect((await asAgent(unit.token, 'GET', '/employees?status=active')).body.total).toBe(0);
    // the clerk sees the agent's work in the unit's history
    const history = await server.api('GET', `/enrollment/units/${unit.unitEnrollmentId}/history`, { token: clerk });
    expect(history.body.items.map((h: { action: string; actorId: string }) => [h.action, h.actorId])).toEqual([
      ['person_removed', unit.agent.accountId],
      ['base_declared', unit.agent.accountId],
      ['person_enrolled', unit.agent.accountId],
      ['unit_enrolled', expect.any(String)],
    ]);
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const unit = await registeredUnit();
    const person = await registryPerson();
    const badId = person.idNumber.slice(0, 17) + (person.idNumber[17] === '1' ? '2' : '1');
    const cases: Array<[Record<string, unknown>, number, string, string?]> = [
      [{ idNumber: badId, insuranceType: '410', fromMonth: '2019-01' }, 400, 'idNumber'],
      [{ idNumber: randomIdNumber(), insuranceType: '410', fromMonth: '2019-01' }, 422, 'idNumber', 'unit.person_not_registered'],
      [{ idNumber: person.idNumber, insuranceType: '390', fromMonth: '2019-01' }, 422, 'insuranceType', 'enrollment.unit_not_enrolled'],
      [{ idNumber: person.idNumber, insuranceType: '410', fromMonth: '2019-1' }, 400, 'fromMonth'],
      [{ idNumber: person.idNumber, insuranceType: '410', fromMonth: '2018-12' }, 400, 'fromMonth', 'enrollment.before_unit_enrollment'],
      [{ idNumber: person.idNumber, insuranceType: '410', fromMonth: '2019-01', personId: 'psn_x' }, 400, 'personId'],
    ];
    for (const [body, status, field, code] of cases) {
      const response = await asAgent(unit.token, 'POST', '/employees', body);
      expect(response.status, `${JSON.stringify(body)} → ${JSON.stringify(response.body)}`).toBe(status);
      expect(response.body.field).toBe(field);
      if (code) expect(response.body.code).toBe(code);
    }
    const id = await hire(unit, person.idNumber);
    for (const [body, field] of [
      [{ year: 2019, monthlyWageFen: -100 }, 'monthlyWageFen'],
      [{ year: 2019, monthlyWageFen: 1.5 }, 'monthlyWageFen'],
      [{ year: 2019 }, 'monthlyWageFen'],
      [{ year: 1800, monthlyWageFen: 100 }, 'year'],
    ] as const) {
      const response = await asAgent(unit.token, 'POST', `/employees/${id}/wage-declarations`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.field).toBe(field);
    }
    const month = await asAgent(unit.token, 'POST', `/employees/${id}/remove`, { month: '2019/05' });
    expect(month.status).toBe(400);
    expect(month.body.field).toBe('month');
    expect((await asAgent(unit.token, 'GET', `/employees/${id}`)).body.status).toBe('active');
  });

  it('keeps an agent to their own unit: another unit’s employee is not found', async () => {
    const mine = await registeredUnit();
    const theirs = await registeredUnit();
    const person = await registryPerson();
    const theirEmployee = await hire(theirs, person.idNumber);
    expect((await asAgent(mine.token, 'GET', `/employees/${theirEmployee}`)).status).toBe(404);
    expect((await asAgent(mine.token, 'POST', `/employees/${theirEmployee}/remove`, { month: '2019-05' })).status).toBe(404);
    expect((await asAgent(mine.token, 'POST', `/employees/${theirEmployee}/wage-declarations`, { year: 2019, monthlyWageFen: 300_000 })).status).toBe(404);
    expect((await asAgent(mine.token, 'GET', '/employees')).body.total).toBe(0);
    // the person is enrolled in 410 through the other unit: adding them here is a conflict, not a disclosure of details
    const twice = await asAgent(mine.token, 'POST', '/employees', { idNumber: person.idNumber, insuranceType: '410', fromMonth: '2019-01' });
    expect(twice.status).toBe(409);
    expect(twice.body.field).toBe('personId');
    expect((await asAgent(theirs.token, 'GET', `/employees/${theirEmployee}`)).body.status).toBe('active');
    // nor does a flexible worker's own enrollment show to any unit
    expect((await asAgent(theirs.token, 'GET', '/employees')).body.items.map((e: { id: string }) => e.id)).toEqual([theirEmployee]);
  });

  it('tells an agent whose unit the registry does not hold to register it (422), and is for unit agents only', async () => {
    const unregistered = await newUnit(server);
    for (const path of ['/info', '/employees']) {
      const response = await asAgent(unregistered.agent.accessToken, 'GET', path);
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('unit.not_registered');
    }
    const added = await asAgent(unregistered.agent.accessToken, 'POST', '/employees', { idNumber: randomIdNumber(), insuranceType: '410', fromMonth: '2019-01' });
    expect(added.status).toBe(422);
    const person = await insured();
    expect((await server.api('GET', '/unit/info', { token: person.token })).status).toBe(403);
    expect((await server.api('GET', '/unit/info', { token: clerk })).status).toBe(403);
  });
});

describe('through the collection center: contributions, statement, account, benefits and bills', () => {
  it('shows the person their own 2019-01 long-term-care contributions (DOMAIN.md: base 2000.00, aged 39 → personal 2.00, unit 4.00) and the unit its bill', async () => {
    const unit = await registeredUnit();
    const other = await registeredUnit();
    const person = await insured('1979-06-15');
    const bystander = await insured();
    const employmentId = await hire(unit, person.idNumber, '2019-01');
    expect((await asAgent(unit.token, 'POST', `/employees/${employmentId}/wage-declarations`, { year: 2019, monthlyWageFen: 200_000 })).status).toBe(201);

    const admin = (await loginStaff(server, 'nanyang_admin')).accessToken;
    const run = await server.api('POST', '/collection/runs', { token: admin, body: { month: '2019-01', regionCode: '411302' } });
    expect(run.status, JSON.stringify(run.body)).toBe(202);
    let status = run.body.status as string;
    for (let i = 0; i < 100 && (status === 'queued' || status === 'running'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = (await server.api('GET', `/collection/runs/${run.body.id}`, { token: admin })).body.status;
    }
    expect(status).toBe('done');

    const contributions = await server.api('GET', '/personal/contributions?year=2019', { token: person.token });
    expect(contributions.status, JSON.stringify(contributions.body)).toBe(200);
    const mine = contributions.body.items.filter((l: { employmentId: string }) => l.employmentId === employmentId);
    expect(mine.map((l: { payer: string; amountFen: number; baseFen: number; month: string }) => [l.month, l.payer, l.baseFen, l.amountFen]).sort()).toEqual([
      ['2019-01', 'person', 200_000, 200],
      ['2019-01', 'unit', 200_000, 400],
    ]);
    expect(contributions.body.items.every((l: { personId: string }) => l.personId === person.personId)).toBe(true);
    expect((await server.api('GET', '/personal/contributions?year=2019', { token: bystander.token })).body.total).toBe(0);

    const statement = await server.api('GET', '/personal/annual-statement?year=2019', { token: person.token });
    expect(statement.status).toBe(200);
    expect(statement.body.months[0]).toMatchObject({ month: '2019-01', unitFen: 400, personFen: 200, status: 'due' });
    expect(statement.body.months[1]).toMatchObject({ month: '2019-02', unitFen: 0, personFen: 0, status: 'none' });

    // nothing received yet: no account entries, and no benefits (none exist before settlement)
    const account = await server.api('GET', '/personal/account?year=2019', { token: person.token });
    expect(account.status).toBe(200);
    expect(account.body).toMatchObject({ balanceFen: 0, items: [], total: 0 });
    const benefits = await server.api('GET', '/personal/benefits', { token: person.token });
    expect(benefits.body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });

    const bills = await asAgent(unit.token, 'GET', '/bills?year=2019');
    expect(bills.status, JSON.stringify(bills.body)).toBe(200);
    expect(bills.body.items).toEqual([expect.objectContaining({ entityId: unit.entityId, month: '2019-01', totalFen: 600, byPayer: { unitFen: 400, personFen: 200 }, persons: 1 })]);
    const billId = bills.body.items[0].id as string;
    expect((await asAgent(unit.token, 'GET', `/bills/${billId}`)).body).toMatchObject({ id: billId, totalFen: 600 });
    const pdf = await asAgent(unit.token, 'GET', `/bills/${billId}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(String(pdf.body).startsWith('%PDF')).toBe(true);
    const xlsx = await asAgent(unit.token, 'GET', `/bills/${billId}/xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(String(xlsx.body).startsWith('PK')).toBe(true);

    // another unit sees none of it
    expect((await asAgent(other.token, 'GET', '/bills?year=2019')).body.total).toBe(0);
    for (const path of [`/bills/${billId}`, `/bills/${billId}/pdf`, `/bills/${billId}/xlsx`]) expect((await asAgent(other.token, 'GET', path)).status, path).toBe(404);

    for (const query of ['year=1989', 'year=abc', 'page=0']) {
      const bad = await server.api('GET', `/personal/contributions?${query}`, { token: person.token });
      expect(bad.status, query).toBe(400);
      expect(bad.body.field, query).toBe(query.split('=')[0]);
    }
    const noYear = await server.api('GET', '/personal/annual-statement', { token: person.token });
    expect(noYear.status).toBe(400);
    expect(noYear.body.field).toBe('year');
  });
});
