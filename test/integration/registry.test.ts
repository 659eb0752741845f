import { spawnSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginStaff, randomCreditCode, randomIdNumber, randomPhone } from '../support/factories.js';
import { registryCsv, REGISTRY_HEADER } from '../support/registry-csv.js';
import ExcelJS from 'exceljs';
import { parseCsvText } from '../../src/kernel/csv/index.js';
import { XLSX_CONTENT_TYPE } from '../../src/kernel/xlsx/index.js';
import { findEntityByCreditCode, findPersonByIdNumber, getEntity, getPerson, importOperations } from '../../src/centers/registry/index.js';
import { makeIdNumber } from '../../src/kernel/validation/identifiers.js';

let server: TestServer;
let clerk: string;
let cityAdmin: string;
let province: string;
let sysadmin: string;

beforeAll(async () => {
  server = await startTestServer();
  [clerk, cityAdmin, province, sysadmin] = await Promise.all(
    ['nanyang_clerk', 'nanyang_admin', 'province_admin', 'sysadmin'].map(async (name) => (await loginStaff(server, name)).accessToken),
  );
}, 60_000);
afterAll(() => server?.close());

const api = (...args: Parameters<TestServer['api']>) => server.api(...args);
const rows = <T = Record<string, unknown>>(query: ReturnType<typeof sql>) => server.platform.ctx.database.rows<T>(query);
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

function newPersonInput(overrides: Record<string, unknown> = {}) {
  return { idNumber: randomIdNumber('411302'), name: '张医保', phone: randomPhone(), regionCode: '411302', category: 'employee', ...overrides };
}

async function createPerson(token: string, overrides: Record<string, unknown> = {}) {
  const input = newPersonInput(overrides);
  const response = await api('POST', '/registry/persons', { token, body: input });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { input, person: response.body };
}

async function upload(token: string, text: string | Uint8Array, contentType = 'text/csv', fileName = 'persons.csv') {
  const response = await fetch(`${server.url}/api/v1/registry/imports?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body: typeof text === 'string' ? text : new Blob([new Uint8Array(text)]),
  });
  const body = await response.json();
  return { status: response.status, body, location: response.headers.get('location') };
}

async function waitForJob(token: string, id: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const job = await api('GET', `/registry/imports/${id}`, { token });
    expect(job.status).toBe(200);
    if (['completed', 'failed', 'interrupted'].includes(job.body.status)) return job.body;
    if (Date.now() > until) throw new Error(`job ${id} still ${job.body.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** What every answer shows of a value: 身份证号 first 6 and last 4, 手机号 first 3 and last 4. */
const maskedId = (idNumber: string) => `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`;
const maskedPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;
const reveal = (token: string, id: string, body: Record<string, unknown> = {}) => api('POST', `/registry/${id.startsWith('ent_') ? 'entities' : 'persons'}/${id}/reveal`, { token, body });
/** A person as the detail shows it, with the masked fields revealed. */
async function personInFull(token: string, id: string) {
  const [detail, full] = await Promise.all([api('GET', `/registry/persons/${id}`, { token }), reveal(token, id)]);
  expect(full.status, JSON.stringify(full.body)).toBe(200);
  return { ...detail.body, ...full.body };
}

const eventsFor = async (topic: string, key: 'personId' | 'entityId', id: string) =>
  rows<{ topic: string; payload: Record<string, unknown> }>(sql`select topic, payload from kernel.outbox_events where topic = ${topic} and payload->>${key} = ${id} order by id`);

describe('persons: create, change, cancel, with history and events', () => {
  it('keeps one record per identity number, encrypted, and its full history', async () => {
    const { input, person } = await createPerson(clerk);
    expect(person.id).toMatch(/^psn_/);
    // Masked in the answer even for a clerk holding user.pii.read; in full through a reveal.
    expect(person).toMatchObject({ idNumber: maskedId(input.idNumber), name: '张**', phone: maskedPhone(input.phone), regionCode: '411302', category: 'employee', status: 'active', version: 1 });
    expect(person.birthDate).toBe(`${input.idNumber.slice(6, 10)}-**-**`);
    expect((await personInFull(clerk, person.id)).birthDate).toBe(`${input.idNumber.slice(6, 10)}-${input.idNumber.slice(10, 12)}-${input.idNumber.slice(12, 14)}`);
    expect(person.sex).toBe(Number(input.idNumber[16]) % 2 ? 'male' : 'female');

    // Stored encrypted, found by blind index.
    const [stored] = await rows<{ id_number_enc: string; id_number_idx: string; phone_enc: string }>(
      sql`select id_number_enc, id_number_idx, phone_enc from registry.persons where id = ${person.id}`,
    );
    expect(stored.id_number_enc).not.toContain(input.idNumber.slice(0, 10));
    expect(stored.phone_enc).not.toContain(input.phone);
    expect(stored.id_number_idx).toBe(server.platform.ctx.fields.blindIndex(input.idNumber, 'idNumber'));
    const found = await api('POST', '/registry/persons/lookup', { token: clerk, body: { idNumber: input.idNumber } });
    expect(found.body.id).toBe(person.id);

    const newPhone = randomPhone();
    const changed = await api('PATCH', `/registry/persons/${person.id}`, { token: clerk, body: { phone: newPhone, category: 'flexible', version: 1 } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ phone: maskedPhone(newPhone), category: 'flexible', version: 2, changed: true });
    expect((await personInFull(clerk, person.id)).phone).toBe(newPhone);
    const stale = await api('PATCH', `/registry/persons/${person.id}`, { token: clerk, body: { category: 'retired', version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('registry.version_mismatch');
    const same = await api('PATCH', `/registry/persons/${person.id}`, { token: clerk, body: { category: 'flexible' } });
    expect(same.body).toMatchObject({ version: 2, changed: false });

    const cancelled = await api('POST', `/registry/persons/${person.id}/cancel`, { token: clerk, body: { reason: 'death', date: today(), note: '死亡医学证明' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellation: { reason: 'death', date: today() }, version: 3 });
    expect((await api('PATCH', `/registry/persons/${person.id}`, { token: clerk, body: { category: 'retired' } })).body.code).toBe('registry.person_cancelled');
    expect((await api('POST', `/registry/persons/${person.id}/cancel`, { token: clerk, body: { reason: 'death', date: today() } })).status).toBe(409);

    const history = await api('GET', `/registry/persons/${person.id}/history`, { token: clerk });
    expect(history.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(['created', 'changed', 'cancelled']);
    const [created, change, cancel] = history.body.items;
    const clerkAccount = (await api('GET', '/user/me', { token: clerk })).body;
    for (const entry of history.body.items) expect(entry.actor).toEqual({ id: clerkAccount.id, kind: 'agency_staff' });
    // Personal data is masked in the history, but the change stays auditable: which field, from what to what.
    expect(created.changes.find((c: { field: string }) => c.field === 'name')).toEqual({ field: 'name', from: null, to: '张**' });
    expect(change.changes).toEqual([
      { field: 'phone', from: `${input.phone.slice(0, 3)}****${input.phone.slice(7)}`, to: `${newPhone.slice(0, 3)}****${newPhone.slice(7)}` },
      { field: 'category', from: 'employee', to: 'flexible' },
    ]);
    expect(cancel.changes).toEqual([
      { field: 'status', from: 'active', to: 'cancelled' },
      { field: 'cancelReason', from: null, to: 'death' },
      { field: 'cancelledOn', from: null, to: today() },
    ]);
    expect(JSON.stringify(history.body)).not.toContain(newPhone);

    // One event per change, from the same transaction; no personal data in them.
    expect((await eventsFor('registry.person_created', 'personId', person.id)).map((e) => e.payload)).toEqual([
      expect.objectContaining({ personId: person.id, regionCode: '411302', category: 'employee', source: 'api' }),
    ]);
    expect((await eventsFor('registry.person_changed', 'personId', person.id))[0].payload).toMatchObject({ fields: ['phone', 'category'], version: 2 });
    expect((await eventsFor('registry.person_cancelled', 'personId', person.id))[0].payload).toMatchObject({ reason: 'death', date: today() });
    const allEvents = JSON.stringify(await rows(sql`select payload from kernel.outbox_events where topic like 'registry.%'`));
    expect(allEvents).not.toContain(input.idNumber);
    expect(allEvents).not.toContain(newPhone);
  });

  it('refuses a second registration of the same person', async () => {
    const { input } = await createPerson(clerk);
    const again = await api('POST', '/registry/persons', { token: clerk, body: { ...input, phone: randomPhone() } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'registry.person_exists', field: 'idNumber' });
  });

  it('takes an identity number with a lower-case x as the same, upper-case number', async () => {
    let idNumber = randomIdNumber();
    while (!idNumber.endsWith('X')) idNumber = randomIdNumber();
    const { person } = await createPerson(clerk, { idNumber: idNumber.toLowerCase() });
    expect((await personInFull(clerk, person.id)).idNumber).toBe(idNumber);
    const [stored] = await rows<{ id_number_idx: string }>(sql`select id_number_idx from registry.persons where id = ${person.id}`);
    expect(stored.id_number_idx).toBe(server.platform.ctx.fields.blindIndex(idNumber, 'idNumber'));
    expect((await api('POST', '/registry/persons/lookup', { token: clerk, body: { idNumber: idNumber.toLowerCase() } })).body.id).toBe(person.id);
    const again = await api('POST', '/registry/persons', { token: clerk, body: newPersonInput({ idNumber }) });
    expect([again.status, again.body.code]).toEqual([409, 'registry.person_exists']);
  });

  it('serves other centers plain values through its index, without the encrypted columns', async () => {
    const { input, person } = await createPerson(clerk, { category: 'retired' });
    const ctx = server.platform.ctx;
    const byId = await getPerson(ctx, person.id);
    expect(byId).toEqual({
      id: person.id,
      idNumber: input.idNumber,
      name: input.name,
      birthDate: `${input.idNumber.slice(6, 10)}-${input.idNumber.slice(10, 12)}-${input.idNumber.slice(12, 14)}`,
      sex: person.sex,
      phone: input.phone,
      regionCode: '411302',
      category: 'retired',
      status: 'active',
      cancellation: null,
      version: 1,
      updatedAt: expect.any(String),
    });
    expect(await findPersonByIdNumber(ctx, input.idNumber.toLowerCase())).toEqual(byId);
    expect(await findPersonByIdNumber(ctx, randomIdNumber())).toBeNull();
    expect(await getPerson(ctx, 'psn_nope')).toBeNull();
  });

  it('lists persons with filters and pagination', async () => {
    const name = `列表${Date.now() % 100000}`;
    for (let i = 0; i < 3; i++) await createPerson(clerk, { name, category: 'student' });
    const page1 = await api('GET', `/registry/persons?name=${encodeURIComponent(name)}&pageSize=2`, { token: clerk });
    expect(page1.status).toBe(200);
    expect(page1.body.total).toBe(3);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await api('GET', `/registry/persons?name=${encodeURIComponent(name)}&pageSize=2&page=2`, { token: clerk });
    expect(page2.body.items).toHaveLength(1);
    const students = await api('GET', `/registry/persons?name=${encodeURIComponent(name)}&category=student&status=active&regionCode=411302`, { token: clerk });
    expect(students.body.total).toBe(3);
  });
});

describe('malformed input is a 400 naming the field', () => {
  const id = makeIdNumber('411302', '1990-01-01', 123); // male
  it.each([
    ['bad checksum', { idNumber: '110105194912310021' }, 'idNumber'],
    ['birth date disagrees with the identity number', { idNumber: id, birthDate: '1990-01-02' }, 'birthDate'],
    ['sex disagrees with the identity number', { idNumber: id, sex: 'female' }, 'sex'],
    ['unknown category', { category: 'alien' }, 'category'],
    ['bad region code', { regionCode: '4113' }, 'regionCode'],
    ['bad phone', { phone: '12345' }, 'phone'],
    ['name with markup', { name: '<b>x</b>' }, 'name'],
    ['unknown property', { nickname: 'x' }, 'nickname'],
  ])('%s', async (_, overrides, field) => {
    const response = await api('POST', '/registry/persons', { token: clerk, body: newPersonInput(overrides) });
    expect(response.status).toBe(400);
    expect(response.body.field).toBe(field);
  });

  it('on change and cancellation too', async () => {
    const { person } = await createPerson(clerk);
    const phone = await api('PATCH', `/registry/persons/${person.id}`, { token: clerk, body: { phone: '1380000' } });
    expect([phone.status, phone.body.field]).toEqual([400, 'phone']);
    const future = await api('POST', `/registry/persons/${person.id}/cancel`, { token: clerk, body: { reason: 'death', date: '2999-01-01' } });
    expect([future.status, future.body.field, future.body.code]).toEqual([400, 'date', 'registry.cancel_date_future']);
    const before = await api('POST', `/registry/persons/${person.id}/cancel`, { token: clerk, body: { reason: 'death', date: '1900-01-01' } });
    expect([before.status, before.body.field]).toEqual([400, 'date']);
    const reason = await api('POST', `/registry/persons/${person.id}/cancel`, { token: clerk, body: { reason: 'bored', date: today() } });
    expect([reason.status, reason.body.field]).toEqual([400, 'reason']);
  });
});

describe('region scoping', () => {
  it('a Nanyang clerk reads and writes only 4113xx (another region is not found); the province and the nation see more', async () => {
    const zhengzhou = newPersonInput({ regionCode: '410102', idNumber: randomIdNumber('410102') });
    const refused = await api('POST', '/registry/persons', { token: clerk, body: zhengzhou });
    expect(refused.status).toBe(404);
    expect(refused.body).toMatchObject({ code: 'registry.region_out_of_scope', field: 'regionCode' });
    const created = await api('POST', '/registry/persons', { token: province, body: zhengzhou });
    expect(created.status).toBe(201);
    const id = created.body.id;

    for (const [method, url, body] of [
      ['GET', `/registry/persons/${id}`],
      ['GET', `/registry/persons/${id}/history`],
      ['PATCH', `/registry/persons/${id}`, { category: 'retired' }],
      ['POST', `/registry/persons/${id}/cancel`, { reason: 'death', date: today() }],
      ['POST', '/registry/persons/lookup', { idNumber: zhengzhou.idNumber }],
    ] as const) {
      for (const token of [clerk, cityAdmin]) {
        const response = await api(method, url, { token, body });
        expect(response.status, `${method} ${url}`).toBe(404);
        expect(response.body.code).toBe('registry.person_not_found');
      }
    }
    const listed = await api('GET', '/registry/persons?regionCode=410102', { token: clerk });
    expect(listed.body.total).toBe(0);
    expect((await api('GET', '/registry/persons?regionCode=410102', { token: province })).body.total).toBeGreaterThanOrEqual(1);
    expect((await api('GET', `/registry/persons/${id}`, { token: sysadmin })).status).toBe(200);

    // Moving one's own person out of the region is refused too.
    const { person } = await createPerson(clerk);
    const moved = await api('PATCH', `/registry/persons/${person.id}`, { token: clerk, body: { regionCode: '410102' } });
    expect(moved.status).toBe(404);
    expect(moved.body.field).toBe('regionCode');
    // Another county of Nanyang is the same pooling region.
    const county = await api('PATCH', `/registry/persons/${person.id}`, { token: clerk, body: { regionCode: '411321' } });
    expect(county.status).toBe(200);
  });

  it('needs the registry permissions, and an organization', async () => {
    const me = await api('GET', '/auth/me/permissions', { token: clerk });
    expect(me.body.permissions).toEqual(expect.arrayContaining(['registry.read', 'registry.manage']));
    expect(me.body.permissions).not.toContain('registry.conflicts.resolve');
    expect(JSON.stringify(me.body.menus)).toContain('基本信息');
    expect((await api('GET', '/registry/persons')).status).toBe(401);
  });
});

describe('conflict cases (会商)', () => {
  it('an arrival with another name opens a case instead of overwriting; keep-existing is recorded', async () => {
    const { input, person } = await createPerson(clerk, { name: '王小明' });
    const arrival = await api('POST', '/registry/persons', { token: clerk, body: { ...input, name: '王晓明', phone: randomPhone() } });
    expect(arrival.status).toBe(202);
    const conflict = arrival.body.conflict;
    expect(conflict).toMatchObject({ personId: person.id, status: 'open', source: 'create', differences: ['name'] });
    expect(conflict.existing.name).toBe('王小明');
    expect(conflict.incoming.name).toBe('王晓明');
    // The record is untouched, and the same arrival again does not open a second case.
    expect(await personInFull(clerk, person.id)).toMatchObject({ name: '王小明', version: 1 });
    const again = await api('POST', '/registry/persons', { token: clerk, body: { ...input, name: '王晓明', phone: arrival.body.conflict.incoming.phone } });
    expect(again.status).toBe(202);
    const open = await api('GET', `/registry/conflicts?personId=${person.id}&status=open`, { token: clerk });
    expect(open.body.total).toBe(1);

    // A clerk cannot decide; the city administrator can.
    const byClerk = await api('POST', `/registry/conflicts/${conflict.id}/resolve`, { token: clerk, body: { decision: 'take_incoming' } });
    expect(byClerk.status).toBe(403);
    const decided = await api('POST', `/registry/conflicts/${conflict.id}/resolve`, { token: cityAdmin, body: { decision: 'keep_existing', note: '户籍核实为王小明' } });
    expect(decided.status).toBe(200);
    const admin = (await api('GET', '/user/me', { token: cityAdmin })).body;
    expect(decided.body.conflict).toMatchObject({ status: 'kept_existing', decision: { status: 'kept_existing', by: admin.id, note: '户籍核实为王小明', at: expect.any(String) } });
    expect(await personInFull(clerk, person.id)).toMatchObject({ name: '王小明', version: 1 });
    const twice = await api('POST', `/registry/conflicts/${conflict.id}/resolve`, { token: cityAdmin, body: { decision: 'reject' } });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('registry.conflict_decided');
  });

  it('a name change goes to a case; take-incoming merges it with history and an event', async () => {
    const { person } = await createPerson(clerk, { name: '李四' });
    const proposal = await api('PATCH', `/registry/persons/${person.id}`, { token: clerk, body: { name: '李肆', category: 'retired' } });
    expect(proposal.status).toBe(202);
    expect(await personInFull(clerk, person.id)).toMatchObject({ name: '李四', category: 'employee' });
    const id = proposal.body.conflict.id;
    expect((await api('GET', `/registry/conflicts/${id}`, { token: clerk })).body).toMatchObject({ source: 'change', incoming: { name: '李肆', category: 'retired' } });

    const taken = await api('POST', `/registry/conflicts/${id}/resolve`, { token: cityAdmin, body: { decision: 'take_incoming' } });
    expect(taken.status).toBe(200);
    expect(taken.body.person).toMatchObject({ name: '李*', category: 'retired', version: 2 });
    expect((await personInFull(clerk, person.id)).name).toBe('李肆');
    const history = (await api('GET', `/registry/persons/${person.id}/history`, { token: clerk })).body.items;
    expect(history[1]).toMatchObject({ action: 'changed', source: 'conflict', sourceRef: id, changes: [{ field: 'name', from: '李*', to: '李*' }, { field: 'category', from: 'employee', to: 'retired' }] });
    expect((await eventsFor('registry.person_changed', 'personId', person.id))[0].payload).toMatchObject({ fields: ['name', 'category'], source: 'conflict' });
  });

  it('reject leaves the record as it was', async () => {
    const { input, person } = await createPerson(clerk, { name: '赵六' });
    const arrival = await api('POST', '/registry/persons', { token: province, body: { ...input, name: '赵陆' } });
    const rejected = await api('POST', `/registry/conflicts/${arrival.body.conflict.id}/resolve`, { token: province, body: { decision: 'reject' } });
    expect(rejected.body.conflict.status).toBe('rejected');
    expect(rejected.body.person).toBeNull();
    expect(await personInFull(clerk, person.id)).toMatchObject({ name: '赵六', version: 1 });
    expect((await api('GET', `/registry/persons/${person.id}/history`, { token: clerk })).body.total).toBe(1);
  });

  it('a case is decided only by the region that owns the record', async () => {
    const zz = newPersonInput({ regionCode: '410102', idNumber: randomIdNumber('410102'), name: '郑一' });
    await api('POST', '/registry/persons', { token: province, body: zz });
    const arrival = await api('POST', '/registry/persons', { token: province, body: { ...zz, name: '郑壹' } });
    expect(arrival.status).toBe(202);
    const id = arrival.body.conflict.id;
    expect((await api('GET', `/registry/conflicts/${id}`, { token: cityAdmin })).status).toBe(404);
    expect((await api('POST', `/registry/conflicts/${id}/resolve`, { token: cityAdmin, body: { decision: 'reject' } })).status).toBe(404);
    expect((await api('POST', `/registry/conflicts/${id}/resolve`, { token: province, body: { decision: 'reject' } })).status).toBe(200);
  });
});

describe('legal entities', () => {
  it('registers, changes with history, cancels; one record per credit code; scoped by region', async () => {
    const creditCode = randomCreditCode();
    const repId = randomIdNumber('411302');
    const created = await api('POST', '/registry/entities', {
      token: clerk,
      body: { creditCode, name: '南阳示范医药有限公司', type: 'enterprise', regionCode: '411302', legalRepName: '周法人', legalRepIdNumber: repId },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ creditCode, status: 'active', legalRepresentative: { name: '周**', idNumber: maskedId(repId) } });
    const id = created.body.id;
    expect((await reveal(clerk, id)).body).toEqual({ id, legalRepresentative: { name: '周法人', idNumber: repId } });
    expect(id).toMatch(/^ent_/);
    const duplicate = await api('POST', '/registry/entities', { token: clerk, body: { creditCode, name: '重复单位', type: 'enterprise', regionCode: '411302', legalRepName: '某某' } });
    expect([duplicate.status, duplicate.body.field]).toEqual([409, 'creditCode']);
    const bad = await api('POST', '/registry/entities', { token: clerk, body: { creditCode: '91350100M000100Y44', name: '坏单位', type: 'enterprise', regionCode: '411302', legalRepName: '某某' } });
    expect([bad.status, bad.body.field]).toEqual([400, 'creditCode']);

    const changed = await api('PATCH', `/registry/entities/${id}`, { token: clerk, body: { name: '南阳示范医药集团有限公司', legalRepName: '吴法人', version: 1 } });
    expect(changed.body).toMatchObject({ name: '南阳示范医药集团有限公司', version: 2, changed: true });
    const history = (await api('GET', `/registry/entities/${id}/history`, { token: clerk })).body.items;
    expect(history[1].changes).toEqual([
      { field: 'name', from: '南阳示范医药有限公司', to: '南阳示范医药集团有限公司' },
      { field: 'legalRepName', from: '周**', to: '吴**' },
    ]);
    const listed = await api('GET', `/registry/entities?creditCode=${creditCode}`, { token: clerk });
    expect(listed.body.items.map((e: { id: string }) => e.id)).toEqual([id]);
    expect((await findEntityByCreditCode(server.platform.ctx, creditCode))?.legalRepresentative).toEqual({ name: '吴法人', idNumber: repId });
    expect((await getEntity(server.platform.ctx, id))?.name).toBe('南阳示范医药集团有限公司');
    // A credit code in lower case is the same code: found, filtered and refused as a duplicate.
    expect((await findEntityByCreditCode(server.platform.ctx, creditCode.toLowerCase()))?.id).toBe(id);
    expect((await api('GET', `/registry/entities?creditCode=${creditCode.toLowerCase()}`, { token: clerk })).body.total).toBe(1);
    const lower = await api('POST', '/registry/entities', { token: clerk, body: { creditCode: creditCode.toLowerCase(), name: '小写单位', type: 'enterprise', regionCode: '411302', legalRepName: '某某' } });
    expect([lower.status, lower.body.field]).toEqual([409, 'creditCode']);

    const cancelled = await api('POST', `/registry/entities/${id}/cancel`, { token: clerk, body: { reason: 'dissolved', date: today() } });
    expect(cancelled.body.status).toBe('cancelled');
    expect((await eventsFor('registry.entity_cancelled', 'entityId', id))).toHaveLength(1);

    const zz = await api('POST', '/registry/entities', { token: province, body: { creditCode: randomCreditCode(), name: '郑州某公司', type: 'enterprise', regionCode: '410102', legalRepName: '郑某' } });
    expect(zz.status).toBe(201);
    expect((await api('GET', `/registry/entities/${zz.body.id}`, { token: clerk })).status).toBe(404);
    expect((await api('POST', '/registry/entities', { token: clerk, body: { creditCode: randomCreditCode(), name: '越界公司', type: 'enterprise', regionCode: '410102', legalRepName: '某某' } })).status).toBe(404);
  });
});

describe('batch import', () => {
  it('commits valid rows, records bad ones with row numbers, opens cases, and does not duplicate on a re-run', async () => {
    // An existing person the file repeats (same name: unchanged) and one it names differently (a conflict case).
    const same = await createPerson(clerk, { name: '陈同名' });
    const other = await createPerson(clerk, { name: '陈原名' });
    const generated = registryCsv(3000, { invalidEvery: 20, offset: 7_000_000 + Math.floor(Math.random() * 1_000_000) });
    const extra = [
      `${same.input.idNumber},陈同名,,,,411302,在职职工,`,
      `${other.input.idNumber},陈新名,,,,411302,在职职工,`,
      // outside the clerk's region
      `${randomIdNumber('410102')},郑外,,,,410102,城乡居民,`,
      // extra, non-empty column beyond the header
      `${randomIdNumber('411302')},多列,,,,411302,城乡居民,,多余`,
    ];
    const text = `${generated.text}${extra.join('\r\n')}\r\n`;
    const invalid = generated.rows.filter((r) => r.invalid).length;
    expect(invalid).toBe(150);

    const started = await upload(clerk, text);
    expect(started.status).toBe(202);
    expect(started.location).toBe(`/api/v1/registry/imports/${started.body.id}`);
    expect(started.body).toMatchObject({ status: 'queued', fileName: 'persons.csv' });
    const job = await waitForJob(clerk, started.body.id);
    expect(job).toMatchObject({
      status: 'completed',
      rows: { read: 3004, committed: 3000 - invalid, unchanged: 1, failed: invalid + 2, conflicts: 1 },
      error: null,
    });

    // The error report: one line per problem, with the spreadsheet row number and the field.
    const report = await fetch(`${server.url}/api/v1/registry/imports/${job.id}/errors.csv`, { headers: { authorization: `Bearer ${clerk}` } });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/csv');
    const records = parseCsvText(await report.text());
    expect(records[0].fields).toEqual(['行号', '文本行', '字段', '错误代码', '说明']);
    const errors = records.slice(1).map((r) => ({ row: Number(r.fields[0]), line: Number(r.fields[1]), field: r.fields[2], code: r.fields[3] }));
    const expected = generated.rows.flatMap((r, i) => (r.invalid ? [{ row: i + 2, field: r.invalid.field }] : []));
    expect(errors.slice(0, invalid).map(({ row, field }) => ({ row, field }))).toEqual(expected);
    // Quoted line breaks in the 备注 column make the text line run ahead of the row number.
    expect(errors[invalid - 1].line).toBeGreaterThan(errors[invalid - 1].row);
    expect(errors.slice(invalid)).toEqual([
      { row: 3004, line: expect.any(Number), field: 'regionCode', code: 'registry.region_out_of_scope' },
      { row: 3005, line: expect.any(Number), field: 'row', code: 'registry.import_extra_columns' },
    ]);
    expect(records.slice(1).every((r) => r.fields[4].length > 0)).toBe(true);

    // Valid rows are registered; the mismatching one waits in a case; the existing records are untouched.
    const sample = generated.rows.find((r) => !r.invalid)!;
    const person = await api('POST', '/registry/persons/lookup', { token: clerk, body: { idNumber: sample.idNumber } });
    expect(person.body).toMatchObject({ status: 'active' });
    expect((await personInFull(clerk, person.body.id)).name).toBe(sample.name);
    expect((await api('GET', `/registry/persons/${person.body.id}/history`, { token: clerk })).body.items[0]).toMatchObject({ action: 'created', source: 'import', sourceRef: job.id });
    const cases = await api('GET', `/registry/conflicts?personId=${other.person.id}`, { token: clerk });
    expect(cases.body.items).toHaveLength(1);
    expect(cases.body.items[0]).toMatchObject({ source: 'import', sourceRef: `${job.id}#3003`, incoming: { name: '陈新名' }, existing: { name: '陈原名' } });
    expect((await personInFull(clerk, other.person.id)).name).toBe('陈原名');
    const [{ n: events }] = await rows<{ n: number }>(sql`select count(*)::int as n from kernel.outbox_events where topic = 'registry.person_created' and payload->>'sourceRef' = ${job.id}`);
    expect(events).toBe(3000 - invalid);
    const [{ n: chunks }] = await rows<{ n: number }>(sql`select count(*)::int as n from registry.import_chunks where job_id = ${job.id}`);
    expect(chunks).toBe(0);

    // The same file again adds nothing: every valid row is already registered, the case is not reopened.
    const rerun = await waitForJob(clerk, (await upload(clerk, text)).body.id);
    expect(rerun).toMatchObject({ status: 'completed', rows: { read: 3004, committed: 0, unchanged: 3000 - invalid + 1, failed: invalid + 2, conflicts: 1 } });
    expect((await api('GET', `/registry/conflicts?personId=${other.person.id}`, { token: clerk })).body.total).toBe(1);
    const idxs = generated.rows.filter((r) => !r.invalid).map((r) => server.platform.ctx.fields.blindIndex(r.idNumber, 'idNumber'));
    const [{ n: stored }] = await rows<{ n: number }>(sql`select count(*)::int as n from registry.persons where id_number_idx in ${idxs}`);
    expect(stored).toBe(3000 - invalid);

    const listed = await api('GET', '/registry/imports?pageSize=5', { token: clerk });
    expect(listed.body.items.map((j: { id: string }) => j.id)).toEqual(expect.arrayContaining([job.id, rerun.id]));
    // Another city does not see Nanyang's jobs; the province does.
    expect((await api('GET', `/registry/imports/${job.id}`, { token: province })).status).toBe(200);
  }, 120_000);

  it('imports an Excel file the same way, with Excel row numbers in the error report', async () => {
    const good = [newPersonInput({ name: '表格甲' }), newPersonInput({ name: '表格乙', category: 'resident' })];
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('人员');
    sheet.getRow(1).values = REGISTRY_HEADER.split(',');
    sheet.getRow(2).values = [good[0].idNumber, good[0].name, '', '', '', '411302', '在职职工'];
    // an empty row 3, then a bad identity number in row 4 and a good row 5
    sheet.getRow(4).values = ['411302199001011234', '错号', '', '', '', '411302', '在职职工'];
    // a date cell for the birth date: it must come through as the date in the identity number
    const born = good[1].idNumber.slice(6, 14);
    const birthCell = new Date(Date.UTC(Number(born.slice(0, 4)), Number(born.slice(4, 6)) - 1, Number(born.slice(6, 8))));
    sheet.getRow(5).values = [good[1].idNumber, good[1].name, '', birthCell, '', '411302', '城乡居民'];
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());

    const started = await upload(clerk, bytes, XLSX_CONTENT_TYPE, 'persons.xlsx');
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const job = await waitForJob(clerk, started.body.id);
    expect(job).toMatchObject({ status: 'completed', fileName: 'persons.xlsx', rows: { read: 3, committed: 2, failed: 1 } });
    expect((await findPersonByIdNumber(server.platform.ctx, good[0].idNumber))?.name).toBe('表格甲');
    expect((await findPersonByIdNumber(server.platform.ctx, good[1].idNumber))?.birthDate).toBe(`${born.slice(0, 4)}-${born.slice(4, 6)}-${born.slice(6, 8)}`);
    const report = parseCsvText(await (await fetch(`${server.url}/api/v1/registry/imports/${job.id}/errors.csv`, { headers: { authorization: `Bearer ${clerk}` } })).text());
    expect(report.slice(1).map((r) => [Number(r.fields[0]), r.fields[2]])).toEqual([[4, 'idNumber']]);

    const notExcel = await upload(clerk, `${REGISTRY_HEADER}\r\n`, XLSX_CONTENT_TYPE);
    expect([notExcel.status, notExcel.body.field, notExcel.body.code]).toEqual([400, 'body', 'registry.import_xlsx_invalid']);
  });

  it('refuses a wrong file at once, naming what is wrong', async () => {
    const noId = await upload(clerk, '姓名,区划,人员类别\r\n张三,411302,城乡居民\r\n');
    expect(noId.status).toBe(400);
    expect(noId.body).toMatchObject({ code: 'registry.import_header_missing', field: 'header' });
    expect(noId.body.detail).toContain('idNumber');
    const empty = await upload(clerk, '');
    expect([empty.status, empty.body.field]).toEqual([400, 'body']);
    const json = await upload(clerk, JSON.stringify({ a: 1 }), 'application/json');
    expect(json.status).toBe(415);
    expect(json.body.code).toBe('registry.import_csv_required');
    const gbk = await upload(clerk, Buffer.concat([Buffer.from(`${REGISTRY_HEADER}\r\n`), Buffer.from([0xd5, 0xc5, 0xc8, 0xfd])]));
    expect([gbk.status, gbk.body.field, gbk.body.code]).toEqual([400, 'charset', 'registry.import_encoding']);
    const latin = await upload(clerk, `${REGISTRY_HEADER}\r\n`, 'text/csv; charset=latin1');
    expect([latin.status, latin.body.field]).toEqual([400, 'charset']);
    const quote = await upload(clerk, `${REGISTRY_HEADER}\r\n"unterminated,x\r\n`);
    expect(quote.status).toBe(202);
    const failed = await waitForJob(clerk, quote.body.id);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'csv.unterminated_quote' } });
    expect(failed.error.message).toContain('2');
    // Not a half-written job left behind by the refused uploads.
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from registry.import_jobs where status = 'receiving'`);
    expect(n).toBe(0);
    // Over 64 MiB: refused on its declared length before a byte is stored, and while streaming without one.
    const declared = await new Promise<{ status: number; body: any }>((resolve, reject) => {
      const request = httpRequest(`${server.url}/api/v1/registry/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${clerk}`, 'content-type': 'text/csv', 'content-length': String(64 * 1024 * 1024 + 1) },
      });
      request.on('response', (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
      });
      request.on('error', reject);
      request.write(`${REGISTRY_HEADER}\r\n`);
    });
    expect([declared.status, declared.body.field]).toEqual([413, 'body']);
    const big = Buffer.alloc(64 * 1024 * 1024 + 1024, 'a');
    big.write(`${REGISTRY_HEADER}\r\n`);
    const streamed = await fetch(`${server.url}/api/v1/registry/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${clerk}`, 'content-type': 'text/csv' },
      body: new ReadableStream({
        start(controller) {
          for (let at = 0; at < big.length; at += 1 << 20) controller.enqueue(new Uint8Array(big.subarray(at, at + (1 << 20))));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).field).toBe('body');
    const noCsvRight = await upload(sysadmin, '');
    expect(noCsvRight.status).toBe(400);
  });

  it('marks the jobs of a dead process interrupted, and resumes an interrupted upload after its checkpoint', async () => {
    const ctx = server.platform.ctx;
    // A job whose process died: its heartbeat stopped long ago.
    await rows(sql`insert into registry.import_jobs (id, status, source, scope_prefix, created_by_kind, heartbeat_at)
                   values ('imp_dead_process', 'running', 'cli', '', 'system', now() - interval '10 minutes')`);
    expect(await importOperations.sweep(ctx)).toContain('imp_dead_process');
    expect((await api('GET', '/registry/imports/imp_dead_process', { token: sysadmin })).body).toMatchObject({ status: 'interrupted', error: { code: 'registry.import_interrupted' } });

    // The server stops while a job runs: the job stops after its batch, interrupted, and resumes from there.
    // (This process's runner stops first, so the test, not a race, decides when the job runs.)
    await importOperations.stopRunner(ctx);
    const generated = registryCsv(2400, { invalidEvery: 0, offset: 9_000_000 + Math.floor(Math.random() * 1_000_000) });
    const started = await upload(clerk, generated.text);
    expect(started.status).toBe(202);
    const stopping = new AbortController();
    stopping.abort();
    const stopped = await importOperations.run(ctx, started.body.id, { signal: stopping.signal, batchSize: 500 });
    expect(stopped.status).toBe('interrupted');
    const interrupted = await waitForJob(clerk, started.body.id);
    expect(interrupted).toMatchObject({ status: 'interrupted', checkpointRow: 501, rows: { read: 500, committed: 500 }, error: { code: 'registry.import_interrupted' } });

    const resumed = await api('POST', `/registry/imports/${started.body.id}/resume`, { token: clerk });
    expect(resumed.status).toBe(202);
    expect(resumed.body.status).toBe('queued');
    // While it runs again, the sweep takes it for dead: the runner notices at its next batch and writes nothing more.
    const swept = await importOperations.run(ctx, started.body.id, {
      batchSize: 500,
      onProgress: async () => {
        await rows(sql`update registry.import_jobs set status = 'interrupted' where id = ${started.body.id} and status = 'running'`);
      },
    });
    expect(swept).toMatchObject({ status: 'interrupted', rowsRead: 1000, checkpointRow: 1001 });
    expect((await api('POST', `/registry/imports/${started.body.id}/resume`, { token: clerk })).status).toBe(202);
    // This process's runner is stopped (as after a restart, another node's picks the job up): run it here.
    const done = await importOperations.run(ctx, started.body.id);
    expect(done).toMatchObject({ status: 'completed', rowsRead: 2400, rowsCreated: 2400, rowsFailed: 0 });
    const idxs = generated.rows.map((r) => ctx.fields.blindIndex(r.idNumber, 'idNumber'));
    const [{ n }] = await rows<{ n: number }>(sql`select count(*)::int as n from registry.persons where id_number_idx in ${idxs}`);
    expect(n).toBe(2400);
    expect((await api('POST', `/registry/imports/${started.body.id}/resume`, { token: clerk })).status).toBe(409);
  }, 60_000);

  it.runIf(process.env.TEST_DB !== 'pglite')('imports from the command line with the same outcome', async () => {
    if (!server.databaseUrl) return;
    const dir = mkdtempSync(path.join(tmpdir(), 'registry-cli-'));
    const file = path.join(dir, 'persons.csv');
    const generated = registryCsv(1000, { invalidEvery: 25, offset: 11_000_000 + Math.floor(Math.random() * 1_000_000) });
    writeFileSync(file, generated.text);
    const keys = server.platform.ctx.config.keys;
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/centers/registry/cli.ts', file, '--json'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, DATABASE_URL: server.databaseUrl, FIELD_ENCRYPTION_KEY: keys.fieldEncryption, BLIND_INDEX_KEY: keys.blindIndex, TOKEN_SIGNING_KEY: keys.token, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout.trim().split('\n').pop()!);
    expect(summary).toMatchObject({ status: 'completed', rows: 1000, committed: 960, failed: 40, conflicts: 0 });
    expect(run.stdout).toContain('rows/s');
    expect(run.stdout).toContain('persons.csv.errors.csv');
    const job = await api('GET', `/registry/imports/${summary.job}`, { token: sysadmin });
    expect(job.body).toMatchObject({ source: 'cli', status: 'completed', rows: { committed: 960 } });
    // The command line wrote persons the server reads with its keys.
    const sample = generated.rows.find((r) => !r.invalid)!;
    expect((await findPersonByIdNumber(server.platform.ctx, sample.idNumber))?.name).toBe(sample.name);
  }, 90_000);
});
