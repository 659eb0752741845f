/**
 * 首次申办 the online first visit: a real-name verified (L2) person the registry does not hold applies
 * for resident or flexible-worker enrollment; the application carries the registry record (name and
 * identity number from the account, birth date and sex from the identity number, the account's
 * phone, the household region chosen and the address declared); the clerk of the region sees it
 * with the application and approving it registers the person and enrols them in one transaction.
 * A rejection creates nothing; another region's clerk sees nothing; bad input is a 4xx naming the field.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginStaff, newPerson, newUnit, randomName, randomPhone, zhengzhouAdmin } from '../support/factories.js';
import { DEMO_ORGS } from '../../src/demo-seed.js';
import { findEntityByCreditCode, findPersonByIdNumber } from '../../src/centers/registry/index.js';
import { makeIdNumber } from '../../src/kernel/validation/identifiers.js';
import { maskIdNumber, maskName, maskPhone } from '../../src/kernel/crypto/index.js';

let server: TestServer;
/** 南阳宛城 clerk (region prefix 4113) */
let clerk: string;
/** 郑州 administrator (region prefix 4101): another region */
let zhengzhou: string;

beforeAll(async () => {
  server = await startTestServer();
  clerk = (await loginStaff(server, 'nanyang_clerk')).accessToken;
  zhengzhou = await zhengzhouAdmin(server);
});
afterAll(() => server?.close());

interface Newcomer {
  idNumber: string;
  birthDate: string;
  name: string;
  phone: string;
  token: string;
}

/** A person with a real-name verified (L2) account whom the registry does not hold: born in the 1990s, female (an even sequence). */
async function newcomer(): Promise<Newcomer> {
  const birthDate = `199${randomInt(0, 10)}-${String(randomInt(1, 13)).padStart(2, '0')}-${String(randomInt(1, 29)).padStart(2, '0')}`;
  const idNumber = makeIdNumber('411302', birthDate, randomInt(0, 500) * 2);
  const name = randomName();
  const phone = randomPhone();
  const account = await newPerson(server, { idNumber, name, phone });
  server.fakes.realName.addPerson({ idNumber, name });
  const l2 = await server.api('POST', '/auth/realname', { token: account.accessToken, body: { name, idNumber } });
  expect(l2.status, JSON.stringify(l2.body)).toBe(200);
  return { idNumber, birthDate, name, phone, token: l2.body.accessToken as string };
}

const ADDRESS = '南阳市宛城区新华东路 1 号';
const resident = (overrides: Record<string, unknown> = {}) => ({ kind: 'resident_enrollment', insuranceType: '390', regionCode: '411302', fromMonth: '2020-01', address: ADDRESS, ...overrides });
const flexible = (overrides: Record<string, unknown> = {}) => ({ kind: 'flexible_enrollment', insuranceType: '410', regionCode: '411302', fromMonth: '2019-01', monthlyBaseFen: 250_000, address: ADDRESS, ...overrides });
const apply = (who: Newcomer, body: Record<string, unknown>) => server.api('POST', '/personal/applications', { token: who.token, body });
const review = (id: string, decision: 'approve' | 'reject', body: Record<string, unknown> = {}, token = clerk) =>
  server.api('POST', `/enrollment/applications/${id}/${decision}`, { token, body });
const registryPerson = (who: Newcomer) => findPersonByIdNumber(server.platform.ctx, who.idNumber);

async function submitted(who: Newcomer, body: Record<string, unknown>) {
  const response = await apply(who, body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  expect(response.body).toMatchObject({ status: 'submitted', personId: null });
  return response.body.id as string;
}

describe('首次申办 first visit', () => {
  it('offers the regions of the agency offices to choose from', async () => {
    const who = await newcomer();
    const regions = await server.api('GET', '/personal/regions', { token: who.token });
    expect(regions.status).toBe(200);
    expect(regions.body).toContainEqual({ regionCode: DEMO_ORGS.nanyangAgency.regionCode, name: DEMO_ORGS.nanyangAgency.name });
    expect(regions.body.map((r: { regionCode: string }) => r.regionCode)).not.toContain(DEMO_ORGS.nanyang.regionCode);
  });

  it('resident enrollment: the clerk confirms the declared record and approval registers and enrols the person together', async () => {
    const who = await newcomer();
    expect((await server.api('GET', '/personal/me', { token: who.token })).body.registered).toBe(false);
    const id = await submitted(who, resident());
    // once pending, not again
    const again = await apply(who, resident());
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'enrollment.application_pending', field: 'insuranceType' });
    // the applicant sees it, before the registry knows them
    const mine = await server.api('GET', '/personal/applications', { token: who.token });
    expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([id]);
    expect(await registryPerson(who)).toBeNull();

    const declared = { name: maskName(who.name), idNumber: maskIdNumber(who.idNumber), birthDate: who.birthDate, sex: 'female', phone: maskPhone(who.phone), regionCode: '411302', address: ADDRESS };
    const detail = await server.api('GET', `/enrollment/applications/${id}`, { token: clerk });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ kind: 'resident_enrollment', personId: null, applicant: null, declared });
    const queue = await server.api('GET', '/enrollment/applications?status=submitted&kind=resident_enrollment&pageSize=100', { token: clerk });
    expect(queue.body.items.find((a: { id: string }) => a.id === id)?.declared).toEqual(declared);

    const decided = await review(id, 'approve', { note: '信息核对无误' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ status: 'approved', personId: expect.stringMatching(/^psn_/), employmentId: expect.stringMatching(/^emp_/) });
    const personId = decided.body.personId as string;

    const person = await registryPerson(who);
    expect(person).toMatchObject({ id: personId, name: who.name, idNumber: who.idNumber, birthDate: who.birthDate, sex: 'female', phone: who.phone, regionCode: '411302', category: 'resident', status: 'active' });
    const me = await server.api('GET', '/personal/me', { token: who.token });
    expect(me.body).toMatchObject({ registered: true, person: { id: personId } });
    expect(me.body.enrollments).toEqual([expect.objectContaining({ id: decided.body.employmentId, kind: 'resident', insuranceType: '390', status: 'active', fromMonth: '2020-01' })]);

    // the registry's own history names the clerk; the events of both centers committed together
    const [registryHistory] = await server.platform.ctx.database.rows<{ action: string; actor_kind: string }>(
      sql`select action, actor_kind from registry.history where subject_id = ${personId} order by id`,
    );
    expect(registryHistory).toEqual({ action: 'created', actor_kind: 'agency_staff' });
    const topics = await server.platform.ctx.database.rows<{ topic: string }>(
      sql`select topic from kernel.outbox_events where (payload->>'personId' = ${personId} or payload->>'applicationId' = ${id}) order by id`,
    );
    expect(topics.map((t) => t.topic)).toEqual(['enrollment.application_submitted', 'registry.person_created', 'enrollment.person_enrolled', 'enrollment.application_approved']);
    const history = await server.api('GET', '/personal/enrollments/history', { token: who.token });
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(['application_approved', 'person_enrolled', 'person_registered']);
    // the person, now registered, still sees the application they made
    expect((await server.api('GET', `/personal/applications/${id}`, { token: who.token })).body).toMatchObject({ status: 'approved', personId });
  });

  it('flexible-worker enrollment carries the chosen base and registers a flexible worker', async () => {
    const who = await newcomer();
    const id = await submitted(who, flexible());
    const decided = await review(id, 'approve');
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(await registryPerson(who)).toMatchObject({ id: decided.body.personId, category: 'flexible' });
    const [enrolled] = (await server.api('GET', '/personal/enrollments', { token: who.token })).body.items;
    expect(enrolled).toMatchObject({ kind: 'flexible', insuranceType: '410', status: 'active' });
    expect(enrolled.wages).toEqual([expect.objectContaining({ year: 2019, baseFen: 250_000 })]);
  });

  it('a rejection creates nothing, and the person may apply again', async () => {
    const who = await newcomer();
    const id = await submitted(who, resident());
    expect((await review(id, 'reject', { note: '地址不详' })).status).toBe(200);
    expect(await registryPerson(who)).toBeNull();
    expect((await server.api('GET', '/personal/me', { token: who.token })).body).toMatchObject({ registered: false, enrollments: [] });
    expect((await review(id, 'approve')).status).toBe(409);
    expect(await registryPerson(who)).toBeNull();
    await submitted(who, resident());
  });

  it('another region’s clerk neither sees nor approves it; an applicant withdraws only their own', async () => {
    const who = await newcomer();
    const other = await newcomer();
    const id = await submitted(who, resident());
    expect((await server.api('GET', `/enrollment/applications/${id}`, { token: zhengzhou })).status).toBe(404);
    const queue = await server.api('GET', '/enrollment/applications?status=submitted&pageSize=100', { token: zhengzhou });
    expect(queue.body.items.map((a: { id: string }) => a.id)).not.toContain(id);
    expect((await review(id, 'approve', {}, zhengzhou)).status).toBe(404);
    expect((await server.api('GET', `/personal/applications/${id}`, { token: other.token })).status).toBe(404);
    expect((await server.api('POST', `/personal/applications/${id}/withdraw`, { token: other.token })).status).toBe(404);
    expect(await registryPerson(who)).toBeNull();
    const withdrawn = await server.api('POST', `/personal/applications/${id}/withdraw`, { token: who.token });
    expect(withdrawn.body.status).toBe('withdrawn');
  });

  it('refuses bad input with a 4xx naming the field', async () => {
    const who = await newcomer();
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [resident({ address: undefined }), 400, 'address'],
      [resident({ address: '   ' }), 400, 'address'],
      [resident({ address: '地'.repeat(201) }), 400, 'address'],
      [resident({ regionCode: undefined }), 400, 'regionCode'],
      [resident({ regionCode: '410100' }), 400, 'regionCode'],
      [resident({ insuranceType: '310' }), 422, 'insuranceType'],
      [resident({ fromMonth: '2020-13' }), 400, 'fromMonth'],
      [flexible({ monthlyBaseFen: 100_000 }), 400, 'monthlyBaseFen'],
      [{ kind: 'flexible_suspension', fromMonth: '2019-05', employmentId: 'emp_x', reason: '暂停' }, 422, 'kind'],
      // what the account says is not the form's to say
      [resident({ name: '张三' }), 400, 'name'],
      [resident({ idNumber: '11010519491231002X' }), 400, 'idNumber'],
    ];
    for (const [body, status, field] of cases) {
      const response = await apply(who, body);
      expect(response.status, `${JSON.stringify(body)} → ${JSON.stringify(response.body)}`).toBe(status);
      expect(response.body.field, JSON.stringify(body)).toBe(field);
    }
    expect((await server.api('GET', '/personal/applications', { token: who.token })).body.total).toBe(0);
  });

  it('is for real-name verified accounts only', async () => {
    const account = await newPerson(server, { idNumber: makeIdNumber('411302', '1991-03-03', randomInt(0, 1000)) });
    const response = await server.api('POST', '/personal/applications', { token: account.accessToken, body: resident() });
    expect(response.status).toBe(403);
  });
});

/** A unit registered with the platform (not in the registry), its managing agent real-name verified (L2). */
async function newcomerUnit() {
  const unit = await newUnit(server);
  server.fakes.realName.addPerson({ idNumber: unit.agent.idNumber, name: unit.agent.name });
  const l2 = await server.api('POST', '/auth/realname', { token: unit.agent.accessToken, body: { name: unit.agent.name, idNumber: unit.agent.idNumber } });
  expect(l2.status, JSON.stringify(l2.body)).toBe(200);
  return { ...unit, token: l2.body.accessToken as string };
}

const unitApplication = (overrides: Record<string, unknown> = {}) => ({ type: 'enterprise', regionCode: '411302', address: ADDRESS, insuranceType: '410', fromMonth: '2019-01', ...overrides });

describe('单位首次申办 a unit’s first visit: 单位参保登记', () => {
  it('the clerk confirms the carried legal-entity record; approval registers the entity and enrols the unit together, and the unit hall opens', async () => {
    const unit = await newcomerUnit();
    expect((await server.api('GET', '/unit/info', { token: unit.token })).body.code).toBe('unit.not_registered');
    const applied = await server.api('POST', '/unit/applications', { token: unit.token, body: unitApplication() });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(applied.body).toMatchObject({ kind: 'unit_enrollment', personId: null, insuranceType: '410', regionCode: '411302', status: 'submitted' });
    const id = applied.body.id as string;
    const again = await server.api('POST', '/unit/applications', { token: unit.token, body: unitApplication() });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'enrollment.application_pending', field: 'insuranceType' });
    expect((await server.api('GET', '/unit/applications', { token: unit.token })).body.items.map((a: { id: string }) => a.id)).toEqual([id]);

    const detail = await server.api('GET', `/enrollment/applications/${id}`, { token: clerk });
    expect(detail.body).toMatchObject({
      kind: 'unit_enrollment',
      declared: null,
      declaredEntity: { creditCode: unit.creditCode, name: unit.unitName, type: 'enterprise', regionCode: '411302', address: ADDRESS, legalRepresentative: { name: maskName(unit.agent.name), idNumber: maskIdNumber(unit.agent.idNumber) } },
    });
    const queue = await server.api('GET', '/enrollment/applications?status=submitted&kind=unit_enrollment&pageSize=100', { token: clerk });
    expect(queue.body.items.map((a: { id: string }) => a.id)).toContain(id);
    expect((await server.api('GET', `/enrollment/applications/${id}`, { token: zhengzhou })).status).toBe(404);
    expect((await review(id, 'approve', {}, zhengzhou)).status).toBe(404);
    expect(await findEntityByCreditCode(server.platform.ctx, unit.creditCode)).toBeNull();

    const decided = await review(id, 'approve', { note: '营业执照核对无误' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ status: 'approved', employmentId: expect.stringMatching(/^uen_/) });
    const entity = await findEntityByCreditCode(server.platform.ctx, unit.creditCode);
    expect(entity).toMatchObject({ name: unit.unitName, type: 'enterprise', regionCode: '411302', status: 'active', legalRepresentative: { name: unit.agent.name, idNumber: unit.agent.idNumber } });
    // the legal representative is the verified manager: the unit hall trusts the binding at once
    const info = await server.api('GET', '/unit/info', { token: unit.token });
    expect(info.status, JSON.stringify(info.body)).toBe(200);
    expect(info.body.enrollments).toEqual([expect.objectContaining({ id: decided.body.employmentId, entityId: entity!.id, insuranceType: '410', fromMonth: '2019-01', status: 'active' })]);
    const topics = await server.platform.ctx.database.rows<{ topic: string }>(
      sql`select topic from kernel.outbox_events where payload->>'entityId' = ${entity!.id} or payload->>'applicationId' = ${id} order by id`,
    );
    expect(topics.map((t) => t.topic)).toEqual(['enrollment.application_submitted', 'registry.entity_created', 'enrollment.unit_enrolled', 'enrollment.application_approved']);
    // registered now: another first visit is refused
    expect((await server.api('POST', '/unit/applications', { token: unit.token, body: unitApplication({ insuranceType: '310' }) })).status).toBe(409);
  });

  it('a rejection creates nothing', async () => {
    const unit = await newcomerUnit();
    const applied = await server.api('POST', '/unit/applications', { token: unit.token, body: unitApplication() });
    expect((await review(applied.body.id, 'reject', { note: '地址不详' })).status).toBe(200);
    expect(await findEntityByCreditCode(server.platform.ctx, unit.creditCode)).toBeNull();
    expect((await server.api('GET', '/unit/info', { token: unit.token })).status).toBe(422);
  });

  it('refuses bad input with a 4xx naming the field, and a person cannot apply for a unit', async () => {
    const unit = await newcomerUnit();
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [unitApplication({ insuranceType: '390' }), 422, 'insuranceType'],
      [unitApplication({ regionCode: '410100' }), 400, 'regionCode'],
      [unitApplication({ address: undefined }), 400, 'address'],
      [unitApplication({ address: '   ' }), 400, 'address'],
      [unitApplication({ type: 'company' }), 400, 'type'],
      [unitApplication({ fromMonth: '2019-13' }), 400, 'fromMonth'],
      [unitApplication({ name: '别的名字' }), 400, 'name'],
      [unitApplication({ creditCode: '91350100M000100Y43' }), 400, 'creditCode'],
    ];
    for (const [body, status, field] of cases) {
      const response = await server.api('POST', '/unit/applications', { token: unit.token, body });
      expect(response.status, `${JSON.stringify(body)} → ${JSON.stringify(response.body)}`).toBe(status);
      expect(response.body.field, JSON.stringify(body)).toBe(field);
    }
    expect((await server.api('GET', '/unit/applications', { token: unit.token })).body.total).toBe(0);
    // an agent not yet verified is refused
    const unverified = await newUnit(server);
    expect((await server.api('POST', '/unit/applications', { token: unverified.agent.accessToken, body: unitApplication() })).status).toBe(403);
    const who = await newcomer();
    const person = await apply(who, { ...resident(), kind: 'unit_enrollment' });
    expect(person.status).toBe(400);
    expect(person.body.field).toBe('kind');
  });
});
