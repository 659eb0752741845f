/**
 * 申请 persons' applications in the enrollment center, end to end over HTTP: a real-name verified
 * person applies in the personal service center, a clerk of the region reviews, and approval
 * creates (or suspends) the enrollment that the collection center's feed then reads.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginStaff, newPerson, randomCreditCode, randomIdNumber, randomName, zhengzhouAdmin } from '../support/factories.js';
import { activeEnrollmentsPage } from '../../src/centers/enrollment/index.js';
import { birthDatesOf } from '../../src/centers/registry/index.js';
import { makeIdNumber } from '../../src/kernel/validation/identifiers.js';
import { maskIdNumber, maskName } from '../../src/kernel/crypto/index.js';

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

interface Insured {
  personId: string;
  idNumber: string;
  name: string;
  token: string;
}

/** A person on the registry (registered by the clerk) with a real-name verified (L2) account. */
async function insured(birthDate?: string): Promise<Insured> {
  const idNumber = birthDate ? makeIdNumber('411302', birthDate, randomInt(0, 1000)) : randomIdNumber();
  const name = randomName();
  const registered = await server.api('POST', '/registry/persons', { token: clerk, body: { idNumber, name, regionCode: '411302', category: 'flexible' } });
  expect(registered.status, JSON.stringify(registered.body)).toBe(201);
  return { personId: registered.body.id, idNumber, name, token: await verifiedAccount(idNumber, name) };
}

async function verifiedAccount(idNumber: string, name: string) {
  const account = await newPerson(server, { idNumber, name });
  server.fakes.realName.addPerson({ idNumber, name });
  const l2 = await server.api('POST', '/auth/realname', { token: account.accessToken, body: { name, idNumber } });
  expect(l2.status, JSON.stringify(l2.body)).toBe(200);
  return l2.body.accessToken as string;
}

const apply = (who: Insured, body: Record<string, unknown>) => server.api('POST', '/personal/applications', { token: who.token, body });
const flexible = (overrides: Record<string, unknown> = {}) => ({ kind: 'flexible_enrollment', insuranceType: '410', regionCode: '411302', fromMonth: '2019-01', monthlyBaseFen: 250_000, ...overrides });
const resident = (overrides: Record<string, unknown> = {}) => ({ kind: 'resident_enrollment', insuranceType: '390', regionCode: '411302', fromMonth: '2020-01', ...overrides });
const review = (id: string, decision: 'approve' | 'reject', body: Record<string, unknown> = {}, token = clerk) =>
  server.api('POST', `/enrollment/applications/${id}/${decision}`, { token, body });

async function submitted(who: Insured, body: Record<string, unknown>) {
  const response = await apply(who, body);
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  expect(response.body.status).toBe('submitted');
  return response.body.id as string;
}

async function approved(id: string) {
  const response = await review(id, 'approve');
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  expect(response.body.status).toBe('approved');
  return response.body.employmentId as string;
}

async function activeIn(month: string, employmentId: string) {
  const page = await activeEnrollmentsPage(server.platform.ctx, { regionCode: '411302', month, limit: 5000 });
  return page.items.find((e) => e.employmentId === employmentId) ?? null;
}

const myEnrollments = async (who: Insured) => (await server.api('GET', '/personal/enrollments', { token: who.token })).body.items as Array<Record<string, any>>;

describe('灵活就业人员参保 flexible-worker enrollment', () => {
  it('goes from the person’s application through the clerk’s approval to an active enrollment with the chosen base, in the collection feed', async () => {
    const person = await insured('1985-06-15');
    const id = await submitted(person, flexible());

    const queue = await server.api('GET', '/enrollment/applications?status=submitted&kind=flexible_enrollment&pageSize=100', { token: clerk });
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((a: { id: string }) => a.id)).toContain(id);
    // the clerk sees who applied, masked
    const applicant = { name: maskName(person.name), idNumber: maskIdNumber(person.idNumber), regionCode: '411302' };
    expect(queue.body.items.find((a: { id: string }) => a.id === id).applicant).toEqual(applicant);
    expect(applicant.idNumber).not.toBe(person.idNumber);
    const detail = await server.api('GET', `/enrollment/applications/${id}`, { token: clerk });
    expect(detail.body).toMatchObject({ kind: 'flexible_enrollment', personId: person.personId, insuranceType: '410', regionCode: '411302', fromMonth: '2019-01', monthlyBaseFen: 250_000, review: null, applicant });

    const decided = await review(id, 'approve', { note: '材料齐全' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ status: 'approved', review: { note: '材料齐全', by: expect.any(String) }, employmentId: expect.stringMatching(/^emp_/) });
    const employmentId = decided.body.employmentId as string;

    const [enrolled] = await myEnrollments(person);
    expect(enrolled).toMatchObject({ id: employmentId, kind: 'flexible', status: 'active', fromMonth: '2019-01', entityId: null, unitEnrollmentId: null, changes: [{ month: '2019-01', status: 'active' }] });
    expect(enrolled.wages).toEqual([expect.objectContaining({ year: 2019, declaredFen: 250_000, baseFen: 250_000, applied: 'declared' })]);

    expect(await activeIn('2018-12', employmentId)).toBeNull();
    expect(await activeIn('2019-03', employmentId)).toMatchObject({
      kind: 'flexible',
      personId: person.personId,
      entityId: null,
      unitEnrollmentId: null,
      insuranceType: '410',
      baseFen: 250_000,
      retired: false,
      birthDate: '1985-06-15',
    });

    const events = await server.platform.ctx.database.rows<{ topic: string; payload: Record<string, unknown> }>(
      sql`select topic, payload from kernel.outbox_events where topic like 'enrollment.%' and payload->>'personId' = ${person.personId} order by id`,
    );
    expect(events.map((e) => e.topic)).toEqual(['enrollment.application_submitted', 'enrollment.person_enrolled', 'enrollment.base_declared', 'enrollment.application_approved']);
    expect(events[1].payload).toMatchObject({ kind: 'flexible', entityId: null, unitEnrollmentId: null, employmentId, regionCode: '411302' });

    const history = await server.api('GET', '/personal/enrollments/history', { token: person.token });
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(['application_approved', 'base_declared', 'person_enrolled', 'application_submitted']);

    // enrolled now: a second enrollment in the type is refused, flexible or resident
    for (const body of [flexible({ fromMonth: '2020-01' }), resident({ insuranceType: '410' })]) {
      const again = await apply(person, body);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'enrollment.already_enrolled', field: 'insuranceType' });
    }
  });

  it('refuses a base outside the bounds of the base rule (60 %–300 % of the 2019 南阳 wage), naming monthlyBaseFen', async () => {
    const person = await insured();
    const cases: Array<[number, number]> = [
      [179_999, 400],
      [180_000, 201],
      [900_001, 400],
    ];
    for (const [monthlyBaseFen, status] of cases) {
      const response = await apply(person, flexible({ monthlyBaseFen }));
      expect(response.status, `${monthlyBaseFen}: ${JSON.stringify(response.body)}`).toBe(status);
      if (status === 400) expect(response.body).toMatchObject({ code: 'enrollment.base_out_of_bounds', field: 'monthlyBaseFen', detail: expect.stringContaining('1800.00') });
      else await server.api('POST', `/personal/applications/${response.body.id}/withdraw`, { token: person.token });
    }
    const noRule = await apply(person, flexible({ insuranceType: '310' }));
    expect(noRule.status).toBe(422);
    expect(noRule.body.code).toBe('enrollment.base_rule_missing');
  });

  it('refuses malformed applications with a 4xx naming the field', async () => {
    const person = await insured();
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [flexible({ monthlyBaseFen: -1 }), 400, 'monthlyBaseFen'],
      [flexible({ monthlyBaseFen: 2500.5 }), 400, 'monthlyBaseFen'],
      [flexible({ monthlyBaseFen: undefined }), 400, 'monthlyBaseFen'],
      [flexible({ fromMonth: '2019-13' }), 400, 'fromMonth'],
      [flexible({ fromMonth: '201901' }), 400, 'fromMonth'],
      [flexible({ regionCode: undefined }), 400, 'regionCode'],
      [flexible({ regionCode: '41130' }), 400, 'regionCode'],
      [flexible({ insuranceType: 'nosuch' }), 400, 'insuranceType'],
      [resident({ insuranceType: undefined }), 400, 'insuranceType'],
      [{ kind: 'flexible_suspension', fromMonth: '2019-05', reason: '暂停' }, 400, 'employmentId'],
      [{ kind: 'flexible_suspension', fromMonth: '2019-05', employmentId: 'emp_x' }, 400, 'reason'],
      [{ kind: 'flexible_suspension', fromMonth: '2019-05', employmentId: 'emp_x', reason: '   ' }, 400, 'reason'],
      [{ ...resident(), kind: 'retirement' }, 400, 'kind'],
      [{ ...resident(), unitId: 'x' }, 400, 'unitId'],
    ];
    for (const [body, status, field] of cases) {
      const response = await apply(person, body);
      expect(response.status, `${JSON.stringify(body)} → ${JSON.stringify(response.body)}`).toBe(status);
      expect(response.body.field, JSON.stringify(body)).toBe(field);
    }
    expect((await server.api('GET', '/personal/applications', { token: person.token })).body.total).toBe(0);
  });
});

describe('城乡居民参保 resident enrollment', () => {
  it('enrols a resident from the month applied for, without a base', async () => {
    const person = await insured();
    const employmentId = await approved(await submitted(person, resident()));
    expect(await activeIn('2019-12', employmentId)).toBeNull();
    expect(await activeIn('2020-01', employmentId)).toMatchObject({ kind: 'resident', entityId: null, unitEnrollmentId: null, insuranceType: '390', baseFen: null });
    const me = await server.api('GET', '/personal/me', { token: person.token });
    expect(me.body.enrollments).toEqual([expect.objectContaining({ id: employmentId, kind: 'resident', status: 'active', unit: null })]);
    // a resident declares no base, even through the clerk's route
    const wage = await server.api('POST', `/enrollment/employees/${employmentId}/wage-declarations`, { token: clerk, body: { year: 2020, monthlyWageFen: 300_000 } });
    expect(wage.status).toBe(422);
    expect(wage.body.code).toBe('enrollment.resident_no_base');
  });

  it('takes only an insurance type that admits residents (policy data): 310 is refused, naming insuranceType, and nothing is written', async () => {
    const person = await insured();
    const before = await server.platform.ctx.database.rows(sql`select id from enrollment.applications where person_id = ${person.personId}`);
    const refused = await apply(person, resident({ insuranceType: '310' }));
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.body).toMatchObject({ code: 'enrollment.insurance_type_not_admitted', field: 'insuranceType' });
    expect(refused.body.detail).toBe('险种 310 不接受这一类参保，请选择其他险种');
    const english = await server.api('POST', '/personal/applications', { token: person.token, body: resident({ insuranceType: '310' }), headers: { 'accept-language': 'en' } });
    expect(english.body.detail).toBe('Insurance type 310 does not admit this kind of enrollment: choose another type');
    expect(await server.platform.ctx.database.rows(sql`select id from enrollment.applications where person_id = ${person.personId}`)).toEqual(before);
    // a flexible worker may ask for 310, which admits them
    expect((await apply(person, flexible({ insuranceType: '310', monthlyBaseFen: 300_000 }))).body.code).not.toBe('enrollment.insurance_type_not_admitted');
  });

  it('refuses approval once the type no longer admits residents, and the application stays submitted', async () => {
    const province = (await loginStaff(server, 'province_admin')).accessToken;
    const code = `res${randomInt(1e8)}`;
    const created = await server.api('POST', '/policy/insurance-types', { token: province, body: { code, name: `居民试点${code}`, nameEn: `Resident pilot ${code}`, enrollmentKinds: ['resident'] } });
    expect(created.status).toBe(201);
    const person = await insured();
    const id = await submitted(person, resident({ insuranceType: code }));
    expect((await server.api('PATCH', `/policy/insurance-types/${code}`, { token: province, body: { enrollmentKinds: ['employee'] } })).status).toBe(200);
    const refused = await review(id, 'approve');
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'enrollment.insurance_type_not_admitted', field: 'insuranceType' });
    expect((await server.api('GET', `/enrollment/applications/${id}`, { token: clerk })).body.status).toBe('submitted');
    expect(await myEnrollments(person)).toEqual([]);
  });
});

describe('单位参保 unit enrollment', () => {
  it('enrols a unit only in a type that admits employees: 390 is refused, naming insuranceType', async () => {
    const entity = await server.api('POST', '/registry/entities', {
      token: clerk,
      body: { creditCode: randomCreditCode(), name: `险种测试单位${randomInt(1e6)}有限公司`, type: 'enterprise', regionCode: '411302', legalRepName: randomName() },
    });
    const refused = await server.api('POST', '/enrollment/units', { token: clerk, body: { entityId: entity.body.id, insuranceType: '390', fromMonth: '2019-01' } });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'enrollment.insurance_type_not_admitted', field: 'insuranceType' });
    const unknown = await server.api('POST', '/enrollment/units', { token: clerk, body: { entityId: entity.body.id, insuranceType: 'nosuchtype', fromMonth: '2019-01' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('enrollment.insurance_type_unknown');
    const units = await server.api('GET', `/enrollment/units?entityId=${entity.body.id}`, { token: clerk });
    expect(units.body.items ?? []).toEqual([]);
    expect((await server.api('POST', '/enrollment/units', { token: clerk, body: { entityId: entity.body.id, insuranceType: '310', fromMonth: '2019-01' } })).status).toBe(201);
  });
});

describe('灵活就业暂停缴费 flexible-worker suspension', () => {
  it('suspends the flexible enrollment from the month applied for, once approved', async () => {
    const person = await insured();
    const employmentId = await approved(await submitted(person, flexible()));
    const early = await apply(person, { kind: 'flexible_suspension', employmentId, fromMonth: '2018-12', reason: '失业' });
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({ code: 'enrollment.month_before_last', field: 'fromMonth' });

    const id = await submitted(person, { kind: 'flexible_suspension', employmentId, fromMonth: '2019-07', reason: '收入中断，暂停缴费' });
    const twice = await apply(person, { kind: 'flexible_suspension', employmentId, fromMonth: '2019-08', reason: '再次' });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'enrollment.application_pending', field: 'employmentId' });
    // still active until approved
    expect(await activeIn('2019-07', employmentId)).not.toBeNull();
    expect(await approved(id)).toBe(employmentId);
    expect(await activeIn('2019-06', employmentId)).not.toBeNull();
    expect(await activeIn('2019-07', employmentId)).toBeNull();
    const [enrolled] = await myEnrollments(person);
    expect(enrolled).toMatchObject({ status: 'suspended', changes: [{ month: '2019-01', status: 'active' }, { month: '2019-07', status: 'suspended' }] });
    // suspended already
    const again = await apply(person, { kind: 'flexible_suspension', employmentId, fromMonth: '2019-09', reason: '再次' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('enrollment.status_invalid');
  });

  it('applies only to the person’s own flexible enrollment', async () => {
    const person = await insured();
    const residentId = await approved(await submitted(person, resident()));
    const notFlexible = await apply(person, { kind: 'flexible_suspension', employmentId: residentId, fromMonth: '2020-05', reason: '暂停' });
    expect(notFlexible.status).toBe(409);
    expect(notFlexible.body).toMatchObject({ code: 'enrollment.not_flexible', field: 'employmentId' });
    const other = await insured();
    const othersFlexible = await approved(await submitted(other, flexible()));
    const foreign = await apply(person, { kind: 'flexible_suspension', employmentId: othersFlexible, fromMonth: '2019-05', reason: '暂停' });
    expect(foreign.status).toBe(404);
  });
});

describe('review', () => {
  it('rejects with a note (required), after which nothing is enrolled and the person may apply again', async () => {
    const person = await insured();
    const id = await submitted(person, resident());
    const noNote = await review(id, 'reject');
    expect(noNote.status).toBe(400);
    expect(noNote.body.field).toBe('note');
    const blank = await review(id, 'reject', { note: '' });
    expect(blank.status).toBe(400);
    expect(blank.body.field).toBe('note');
    const rejected = await review(id, 'reject', { note: '户籍不在本统筹区' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', review: { note: '户籍不在本统筹区' }, employmentId: null });
    const late = await review(id, 'approve');
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('enrollment.application_decided');
    expect(await myEnrollments(person)).toEqual([]);
    const mine = await server.api('GET', `/personal/applications/${id}`, { token: person.token });
    expect(mine.body).toMatchObject({ status: 'rejected', review: { note: '户籍不在本统筹区' } });
    expect((await apply(person, resident())).status).toBe(201);
  });

  it('lets the person withdraw before review, and only then', async () => {
    const person = await insured();
    const id = await submitted(person, resident());
    const withdrawn = await server.api('POST', `/personal/applications/${id}/withdraw`, { token: person.token });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await server.api('POST', `/personal/applications/${id}/withdraw`, { token: person.token })).status).toBe(409);
    const approve = await review(id, 'approve');
    expect(approve.status).toBe(409);
    expect(approve.body.code).toBe('enrollment.application_decided');

    const decided = await submitted(person, resident());
    await approved(decided);
    const tooLate = await server.api('POST', `/personal/applications/${decided}/withdraw`, { token: person.token });
    expect(tooLate.status).toBe(409);
    const listed = await server.api('GET', '/personal/applications?status=withdrawn', { token: person.token });
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([id]);
  });

  it('refuses a duplicate pending application for the same insurance type, whatever its kind', async () => {
    const person = await insured();
    await submitted(person, resident({ insuranceType: '410' }));
    const duplicate = await apply(person, flexible());
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'enrollment.application_pending', field: 'insuranceType' });
    expect((await apply(person, resident())).status).toBe(201);
  });

  it('keeps a clerk of another region out: 404, and the application stays as it was', async () => {
    const person = await insured();
    const id = await submitted(person, resident());
    expect((await server.api('GET', `/enrollment/applications/${id}`, { token: zhengzhou })).status).toBe(404);
    expect((await review(id, 'approve', {}, zhengzhou)).status).toBe(404);
    expect((await review(id, 'reject', { note: '不予通过' }, zhengzhou)).status).toBe(404);
    const theirs = await server.api('GET', '/enrollment/applications?pageSize=100', { token: zhengzhou });
    expect(theirs.body.items.map((a: { id: string }) => a.id)).not.toContain(id);
    expect((await server.api('GET', `/enrollment/applications/${id}`, { token: clerk })).body.status).toBe('submitted');
  });

  it('refuses approval when the person was enrolled meanwhile, writing nothing (409, still submitted)', async () => {
    const person = await insured();
    const id = await submitted(person, flexible());
    const entity = await server.api('POST', '/registry/entities', {
      token: clerk,
      body: { creditCode: randomCreditCode(), name: `申请测试单位${randomInt(1e6)}有限公司`, type: 'enterprise', regionCode: '411302', legalRepName: randomName() },
    });
    const unit = await server.api('POST', '/enrollment/units', { token: clerk, body: { entityId: entity.body.id, insuranceType: '410', fromMonth: '2019-01' } });
    const employee = await server.api('POST', `/enrollment/units/${unit.body.id}/employees`, { token: clerk, body: { personId: person.personId, fromMonth: '2019-01' } });
    expect(employee.status).toBe(201);
    const refused = await review(id, 'approve');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('enrollment.person_already_enrolled');
    expect((await server.api('GET', `/enrollment/applications/${id}`, { token: clerk })).body.status).toBe('submitted');
    const enrollments = await myEnrollments(person);
    expect(enrollments.map((e) => e.kind)).toEqual(['employee']);
    expect(enrollments[0].wages).toEqual([]);
    const events = await server.platform.ctx.database.rows<{ topic: string }>(sql`select topic from kernel.outbox_events where payload->>'applicationId' = ${id}`);
    expect(events.map((e) => e.topic)).toEqual(['enrollment.application_submitted']);
  });
});

describe('who may apply', () => {
  it('needs a real-name verified person account; one the registry does not know makes a first visit (first-visit.test.ts)', async () => {
    const unverified = await newPerson(server);
    const l1 = await server.api('POST', '/personal/applications', { token: unverified.accessToken, body: resident() });
    expect(l1.status).toBe(403);
    expect(l1.body.code).toBe('auth.level_required');

    const stranger = { personId: '', idNumber: '', name: '', token: await verifiedAccount(randomIdNumber(), randomName()) };
    // 首次申办: the application must carry what the registry lacks (the address), and cannot suspend what does not exist
    const unknown = await apply(stranger, resident());
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'enrollment.field_required', field: 'address' });
    const suspension = await apply(stranger, { kind: 'flexible_suspension', fromMonth: '2019-05', employmentId: 'emp_x', reason: '暂停' });
    expect(suspension.status).toBe(422);
    expect(suspension.body).toMatchObject({ code: 'enrollment.first_visit_kind', field: 'kind' });
    expect((await server.api('GET', '/personal/me', { token: stranger.token })).body).toMatchObject({ registered: false, person: null, enrollments: [] });
  });
});

describe('registry batch lookup', () => {
  it('returns the birth dates of many persons in one call, leaving out unknown ids', async () => {
    const a = await insured('1979-06-15');
    const b = await insured('1959-03-10');
    const births = await birthDatesOf(server.platform.ctx, [a.personId, b.personId, 'psn_nosuch', a.personId]);
    expect([...births.entries()].sort()).toEqual(
      [
        [a.personId, '1979-06-15'],
        [b.personId, '1959-03-10'],
      ].sort(),
    );
    expect((await birthDatesOf(server.platform.ctx, [])).size).toBe(0);
  });
});
