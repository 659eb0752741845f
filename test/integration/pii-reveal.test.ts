/**
 * Masked lists with an audited reveal (issue 13, item 10): every list and detail masks personal data,
 * even for a clerk holding user.pii.read; such a clerk reveals one record in full, within their
 * scope, and each reveal leaves an audit record naming the fields, never the values.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginStaff, newPerson, PASSWORD, randomCreditCode, randomIdNumber, randomPhone } from '../support/factories.js';
import { DEMO_ORGS } from '../../src/demo-seed.js';
import { PERMISSIONS } from '../../src/centers/auth/index.js';

let server: TestServer;
let clerk: string;
let province: string;

beforeAll(async () => {
  server = await startTestServer();
  [clerk, province] = await Promise.all(['nanyang_clerk', 'province_admin'].map(async (name) => (await loginStaff(server, name)).accessToken));
}, 60_000);
afterAll(() => server?.close());

const api = (...args: Parameters<TestServer['api']>) => server.api(...args);
const maskedId = (idNumber: string) => `${idNumber.slice(0, 6)}********${idNumber.slice(14)}`;
const maskedPhone = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(7)}`;
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

interface AuditRow {
  actor_id: string | null;
  action: string;
  target: string | null;
  request_id: string | null;
  detail: Record<string, unknown>;
}
const auditOf = (requestId: string | null) =>
  server.platform.ctx.database.rows<AuditRow>(sql`select actor_id, action, target, request_id, detail from audit.records where request_id = ${requestId} order by id`);

/** A staff account in Nanyang's agency holding a role of just these permissions, logged in. */
async function staffWith(permissions: string[]) {
  const role = await api('POST', '/auth/roles', { token: province, body: { code: `r_${unique()}`, name: '测试角色', kind: 'business', orgId: DEMO_ORGS.henan.id, permissions } });
  expect(role.status, JSON.stringify(role.body)).toBe(201);
  const loginName = `pii${unique()}`;
  const account = await api('POST', '/user/accounts', {
    token: province,
    body: { kind: 'agency_staff', loginName, name: '测试经办', phone: randomPhone(), orgId: DEMO_ORGS.nanyangAgency.id, password: PASSWORD },
  });
  expect(account.status).toBe(201);
  expect((await api('POST', '/auth/grants', { token: province, body: { accountId: account.body.id, roleId: role.body.id } })).status).toBe(201);
  return (await api('POST', '/auth/login', { body: { identifier: loginName, password: PASSWORD } })).body.accessToken as string;
}

function expectProblem(response: Awaited<ReturnType<typeof api>>, status: number, code?: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  if (code) expect(response.body.code).toBe(code);
}

describe('registry persons (自然人)', () => {
  it('lists and shows them masked even to a pii reader; a reveal answers them in full, uncached, and is audited without the values', async () => {
    const input = { idNumber: randomIdNumber('411302'), name: '揭示测试', phone: randomPhone(), regionCode: '411302', category: 'employee' };
    const created = await api('POST', '/registry/persons', { token: clerk, body: input });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await api('GET', '/auth/me/permissions', { token: clerk })).body.permissions).toContain(PERMISSIONS.piiRead);

    const listed = await api('GET', `/registry/persons?name=${encodeURIComponent(input.name)}&pageSize=100`, { token: clerk });
    const row = listed.body.items.find((p: { id: string }) => p.id === id);
    expect(row).toMatchObject({ idNumber: maskedId(input.idNumber), name: '揭***', phone: maskedPhone(input.phone), birthDate: `${input.idNumber.slice(6, 10)}-**-**` });
    const detail = await api('GET', `/registry/persons/${id}`, { token: clerk });
    const lookup = await api('POST', '/registry/persons/lookup', { token: clerk, body: { idNumber: input.idNumber } });
    for (const answer of [created, listed, detail, lookup]) {
      expect(JSON.stringify(answer.body)).not.toContain(input.idNumber);
      expect(JSON.stringify(answer.body)).not.toContain(input.phone);
      expect(JSON.stringify(answer.body)).not.toContain(input.name);
    }

    const revealed = await api('POST', `/registry/persons/${id}/reveal`, { token: clerk, body: { reason: '核对参保登记' } });
    expect(revealed.status).toBe(200);
    expect(revealed.headers.get('cache-control')).toBe('no-store');
    const birthDate = `${input.idNumber.slice(6, 10)}-${input.idNumber.slice(10, 12)}-${input.idNumber.slice(12, 14)}`;
    expect(revealed.body).toEqual({ id, name: input.name, idNumber: input.idNumber, birthDate, phone: input.phone });

    const me = (await api('GET', '/user/me', { token: clerk })).body;
    const records = await auditOf(revealed.headers.get('x-request-id'));
    expect(records.find((r) => r.action === 'registry.person.revealed')).toMatchObject({
      actor_id: me.id,
      target: id,
      detail: { fields: ['name', 'idNumber', 'birthDate', 'phone'], reason: '核对参保登记' },
    });
    const written = JSON.stringify(records);
    for (const value of [input.idNumber, input.phone, input.name]) expect(written).not.toContain(value);

    // The reason is optional.
    const bare = await api('POST', `/registry/persons/${id}/reveal`, { token: clerk, body: {} });
    expect(bare.status).toBe(200);
    expect((await auditOf(bare.headers.get('x-request-id'))).find((r) => r.action === 'registry.person.revealed')?.detail).toEqual({ fields: ['name', 'idNumber', 'birthDate', 'phone'] });
  });

  it('reveals only within the clerk’s regions (another region is not found), and only to a holder of user.pii.read and registry.read', async () => {
    const zhengzhou = { idNumber: randomIdNumber('410102'), name: '郑州某人', regionCode: '410102', category: 'employee' };
    const created = await api('POST', '/registry/persons', { token: province, body: zhengzhou });
    expect(created.status).toBe(201);
    const outside = await api('POST', `/registry/persons/${created.body.id}/reveal`, { token: clerk, body: {} });
    expectProblem(outside, 404, 'registry.person_not_found');
    expect((await api('POST', `/registry/persons/${created.body.id}/reveal`, { token: province, body: {} })).body.idNumber).toBe(zhengzhou.idNumber);

    const own = await api('POST', '/registry/persons', { token: clerk, body: { idNumber: randomIdNumber('411302'), name: '权限测试', regionCode: '411302', category: 'resident' } });
    const [readerOnly, piiOnly] = await Promise.all([staffWith([PERMISSIONS.registryRead, PERMISSIONS.accountsRead]), staffWith([PERMISSIONS.piiRead])]);
    expect((await api('GET', `/registry/persons/${own.body.id}`, { token: readerOnly })).status).toBe(200);
    expectProblem(await api('POST', `/registry/persons/${own.body.id}/reveal`, { token: readerOnly, body: {} }), 403);
    expectProblem(await api('POST', `/registry/persons/${own.body.id}/reveal`, { token: piiOnly, body: {} }), 403);
    const person = await newPerson(server);
    expectProblem(await api('POST', `/registry/persons/${own.body.id}/reveal`, { token: person.accessToken, body: {} }), 403);
    expectProblem(await api('POST', `/registry/persons/${own.body.id}/reveal`, { body: {} }), 401);
  });

  it('answers a bad id or body with problem+json', async () => {
    expectProblem(await api('POST', '/registry/persons/psn_nope/reveal', { token: clerk, body: {} }), 404, 'registry.person_not_found');
    const own = await api('POST', '/registry/persons', { token: clerk, body: { idNumber: randomIdNumber('411302'), name: '坏请求', regionCode: '411302', category: 'resident' } });
    const long = await api('POST', `/registry/persons/${own.body.id}/reveal`, { token: clerk, body: { reason: 'x'.repeat(101) } });
    expectProblem(long, 400);
    expect(long.body.field).toBe('reason');
    const extra = await api('POST', `/registry/persons/${own.body.id}/reveal`, { token: clerk, body: { idNumber: '1' } });
    expectProblem(extra, 400);
    expect(extra.body.field).toBe('idNumber');
  });
});

describe('registry legal entities (法人)', () => {
  it('masks the legal representative and reveals them in full, audited, within the region', async () => {
    const repId = randomIdNumber('411302');
    const created = await api('POST', '/registry/entities', {
      token: clerk,
      body: { creditCode: randomCreditCode(), name: '揭示测试有限公司', type: 'enterprise', regionCode: '411302', legalRepName: '钱法人', legalRepIdNumber: repId },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const detail = await api('GET', `/registry/entities/${id}`, { token: clerk });
    expect(detail.body.legalRepresentative).toEqual({ name: '钱**', idNumber: maskedId(repId) });
    const listed = await api('GET', `/registry/entities?creditCode=${created.body.creditCode}`, { token: clerk });
    expect(listed.body.items[0].legalRepresentative).toEqual({ name: '钱**', idNumber: maskedId(repId) });

    const revealed = await api('POST', `/registry/entities/${id}/reveal`, { token: clerk, body: {} });
    expect(revealed.status).toBe(200);
    expect(revealed.headers.get('cache-control')).toBe('no-store');
    expect(revealed.body).toEqual({ id, legalRepresentative: { name: '钱法人', idNumber: repId } });
    const records = await auditOf(revealed.headers.get('x-request-id'));
    expect(records.find((r) => r.action === 'registry.entity.revealed')).toMatchObject({ target: id, detail: { fields: ['legalRepName', 'legalRepIdNumber'] } });
    expect(JSON.stringify(records)).not.toContain(repId);

    const zz = await api('POST', '/registry/entities', { token: province, body: { creditCode: randomCreditCode(), name: '郑州揭示公司', type: 'enterprise', regionCode: '410102', legalRepName: '郑某' } });
    expectProblem(await api('POST', `/registry/entities/${zz.body.id}/reveal`, { token: clerk, body: {} }), 404, 'registry.entity_not_found');
    expectProblem(await api('POST', '/registry/entities/ent_nope/reveal', { token: clerk, body: {} }), 404, 'registry.entity_not_found');
  });
});

describe('accounts (账号管理)', () => {
  it('lists accounts masked even to a pii reader; a reveal in scope answers them in full, audited', async () => {
    const input = { kind: 'agency_staff', loginName: `acc${unique()}`, name: '孙经办', phone: randomPhone(), idNumber: randomIdNumber('411302'), orgId: DEMO_ORGS.nanyangAgency.id, password: PASSWORD };
    const created = await api('POST', '/user/accounts', { token: province, body: input });
    expect(created.status).toBe(201);
    const id = created.body.id;
    for (const token of [clerk, province]) {
      const listed = await api('GET', `/user/accounts?q=${input.loginName}`, { token });
      expect(listed.body.items).toEqual([expect.objectContaining({ id, name: '孙**', idNumber: maskedId(input.idNumber), phone: maskedPhone(input.phone) })]);
      const one = await api('GET', `/user/accounts/${id}`, { token });
      expect(one.body).toMatchObject({ name: '孙**', idNumber: maskedId(input.idNumber), phone: maskedPhone(input.phone) });
    }

    const revealed = await api('POST', `/user/accounts/${id}/reveal`, { token: clerk, body: { reason: '核对身份' } });
    expect(revealed.status).toBe(200);
    expect(revealed.headers.get('cache-control')).toBe('no-store');
    expect(revealed.body).toEqual({ id, name: input.name, idNumber: input.idNumber, phone: input.phone, creditCode: null });
    const records = await auditOf(revealed.headers.get('x-request-id'));
    expect(records.find((r) => r.action === 'user.account.revealed')).toMatchObject({ target: id, detail: { fields: ['name', 'idNumber', 'phone'], reason: '核对身份' } });
    const written = JSON.stringify(records);
    for (const value of [input.idNumber, input.phone, input.name]) expect(written).not.toContain(value);
  });

  it('refuses without user.pii.read (403) and outside the scope (404)', async () => {
    const inNanyang = await api('POST', '/user/accounts', {
      token: province,
      body: { kind: 'agency_staff', loginName: `acc${unique()}`, name: '周经办', phone: randomPhone(), orgId: DEMO_ORGS.nanyangAgency.id, password: PASSWORD },
    });
    const inZhengzhou = await api('POST', '/user/accounts', {
      token: province,
      body: { kind: 'agency_staff', loginName: `acc${unique()}`, name: '吴经办', phone: randomPhone(), orgId: DEMO_ORGS.zhengzhou.id, password: PASSWORD },
    });
    const readerOnly = await staffWith([PERMISSIONS.accountsRead]);
    expect((await api('GET', `/user/accounts/${inNanyang.body.id}`, { token: readerOnly })).status).toBe(200);
    expectProblem(await api('POST', `/user/accounts/${inNanyang.body.id}/reveal`, { token: readerOnly, body: {} }), 403);
    expectProblem(await api('POST', `/user/accounts/${inZhengzhou.body.id}/reveal`, { token: clerk, body: {} }), 404, 'user.account_not_found');
    const person = await newPerson(server);
    expectProblem(await api('POST', `/user/accounts/${person.accountId}/reveal`, { token: clerk, body: {} }), 404, 'user.account_not_found');
    expectProblem(await api('POST', '/user/accounts/acc_nope/reveal', { token: clerk, body: {} }), 404, 'user.account_not_found');
    expect((await api('POST', `/user/accounts/${inZhengzhou.body.id}/reveal`, { token: province, body: {} })).body.name).toBe('吴经办');
  });
});
