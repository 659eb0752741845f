/**
 * 定点医药机构 in the registry (issue 11, finding 4): clerks keep designated institutions of their
 * region (create, change by version, list, import from CSV and Excel), settlement and the other
 * money centers ask `institutionInForce`, and an admin binds a channel app to one institution, which
 * every signed request of the app then carries.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../src/adapters/index.js';
import { authenticatorFor } from '../../src/centers/auth/index.js';
import { institutionInForce, institutionOf } from '../../src/centers/registry/index.js';
import { BUILT_IN_ROLES, DEMO_ORGS } from '../../src/demo-seed.js';
import { DomainError } from '../../src/kernel/errors/index.js';
import { makeCreditCode } from '../../src/kernel/validation/identifiers.js';
import { XLSX_CONTENT_TYPE } from '../../src/kernel/xlsx/index.js';
import { loginStaff, PASSWORD, randomIdNumber, randomName, randomPhone } from '../support/factories.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
/** 南阳宛城 clerk (region prefix 4113) */
let clerk: string;
let sysadmin: string;
/** 郑州 clerk and administrator (region prefix 4101): another city */
let zhengzhouClerk: string;
let zhengzhouAdmin: string;

/** staff of an organization holding a built-in role, logged in */
async function staffIn(orgId: string, kind: 'agency_staff' | 'admin', roleId: string, province: string) {
  const loginName = `inst${kind === 'admin' ? 'adm' : 'clk'}${randomInt(1e9)}`;
  const account = await server.api('POST', '/user/accounts', {
    token: province,
    body: { kind, loginName, name: randomName(), phone: randomPhone(), idNumber: randomIdNumber(), orgId, password: PASSWORD },
  });
  expect(account.status, JSON.stringify(account.body)).toBe(201);
  expect((await server.api('POST', '/auth/grants', { token: province, body: { accountId: account.body.id, roleId } })).status).toBe(201);
  return (await server.api('POST', '/auth/login', { body: { identifier: loginName, password: PASSWORD } })).body.accessToken as string;
}

beforeAll(async () => {
  server = await startTestServer();
  const province = (await loginStaff(server, 'province_admin')).accessToken;
  [clerk, sysadmin] = await Promise.all(['nanyang_clerk', 'sysadmin'].map(async (name) => (await loginStaff(server, name)).accessToken));
  zhengzhouClerk = await staffIn(DEMO_ORGS.zhengzhou.id, 'agency_staff', BUILT_IN_ROLES.clerk.id, province);
  zhengzhouAdmin = await staffIn(DEMO_ORGS.zhengzhou.id, 'admin', BUILT_IN_ROLES.orgAdmin.id, province);
}, 120_000);
afterAll(() => server?.close());

const api = (...args: Parameters<TestServer['api']>) => server.api(...args);

/** a fresh institution code of a region (5 random digits) */
const newCode = (letter: 'H' | 'P', region = '411303') => `${letter}${region}${String(randomInt(1e5)).padStart(5, '0')}`;
const creditCode = () => makeCreditCode(`12411300${String(randomInt(1e9)).padStart(9, '0')}`);

function hospital(overrides: Record<string, unknown> = {}) {
  return {
    code: newCode('H'),
    name: `南阳市卧龙区第${randomInt(1, 1000)}医院`,
    kind: 'general_hospital',
    creditCode: creditCode(),
    level: 2,
    agreementFrom: '2021-01-01',
    agreementTo: '2028-12-31',
    address: '南阳市卧龙区',
    ...overrides,
  };
}

async function create(token: string, body: Record<string, unknown>) {
  const response = await api('POST', '/registry/institutions', { token, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function upload(token: string, body: string | Uint8Array, contentType = 'text/csv', language = 'zh-CN') {
  const response = await fetch(`${server.url}/api/v1/registry/institutions/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'accept-language': language },
    body: typeof body === 'string' ? body : new Blob([new Uint8Array(body)]),
  });
  return { status: response.status, body: await response.json() };
}

describe('designated institutions: demo data, create, change, history', () => {
  it('has the demo institutions of 南阳, the demo hospital level 2 with an agreement 2020–2030', async () => {
    const found = await api('GET', '/registry/institutions/H41130200746', { token: clerk });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ code: 'H41130200746', kind: 'general_hospital', regionCode: '411302', level: 2, agreementStatus: 'active', agreementFrom: '2020-01-01', agreementTo: '2030-12-31', version: 1 });
    const demo = await api('GET', '/registry/institutions?regionCode=411300&pageSize=100', { token: clerk });
    const byCode = new Map(demo.body.items.map((i: { code: string; level: number; kind: string }) => [i.code, i]));
    expect(byCode.get('P41130200001')).toMatchObject({ kind: 'retail_pharmacy', level: 0 });
    expect(demo.body.items.some((i: { level: number }) => i.level === 3)).toBe(true);
    expect(demo.body.items.some((i: { level: number; kind: string }) => i.level === 0 && i.kind === 'clinic')).toBe(true);
  });

  it('creates, reads, changes by version (a stale version is a 409) and keeps the history', async () => {
    const input = hospital({ code: newCode('H').toLowerCase() });
    const created = await create(clerk, input);
    expect(created).toMatchObject({ code: input.code.toUpperCase(), regionCode: '411303', level: 2, agreementStatus: 'active', version: 1 });
    expect((await api('GET', `/registry/institutions/${created.code}`, { token: clerk })).body).toEqual(created);

    const again = await api('POST', '/registry/institutions', { token: clerk, body: { ...hospital(), code: created.code } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'registry.institution_exists', field: 'code' });

    const changed = await api('PATCH', `/registry/institutions/${created.code}`, { token: clerk, body: { level: 3, agreementStatus: 'suspended', version: 1 } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ level: 3, agreementStatus: 'suspended', version: 2, changed: true });
    const stale = await api('PATCH', `/registry/institutions/${created.code}`, { token: clerk, body: { level: 1, version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'registry.version_mismatch', field: 'version' });
    const same = await api('PATCH', `/registry/institutions/${created.code}`, { token: clerk, body: { level: 3, version: 2 } });
    expect(same.body).toMatchObject({ version: 2, changed: false });
    expect((await api('PATCH', `/registry/institutions/${created.code}`, { token: clerk, body: { level: 3 } })).status).toBe(400);

    const history = await api('GET', `/registry/institutions/${created.code}/history`, { token: clerk });
    expect(history.body.items.map((h: { action: string }) => h.action)).toEqual(['created', 'changed']);
    expect(history.body.items[1].changes).toEqual([
      { field: 'level', from: '2', to: '3' },
      { field: 'agreementStatus', from: 'active', to: 'suspended' },
    ]);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [hospital({ code: 'X41130300001' }), 'code', 'registry.institution_code_invalid'],
      [hospital({ code: 'H99130300001' }), 'code', 'registry.institution_code_region'],
      [hospital({ regionCode: '411302' }), 'regionCode', 'registry.institution_region_mismatch'],
      [hospital({ level: 4 }), 'level', 'request.field_invalid'],
      [hospital({ agreementFrom: '2029-01-01' }), 'agreementTo', 'registry.agreement_period_invalid'],
      [hospital({ kind: 'retail_pharmacy' }), 'kind', 'registry.institution_kind_not_medical'],
      [hospital({ code: newCode('P'), kind: 'retail_pharmacy', level: 1 }), 'level', 'registry.institution_level_pharmacy'],
      [hospital({ creditCode: '91411300MA00000000' }), 'creditCode', 'request.field_invalid'],
      [hospital({ agreementStatus: 'paused' }), 'agreementStatus', 'request.field_invalid'],
    ];
    for (const [body, field, code] of cases) {
      const response = await api('POST', '/registry/institutions', { token: clerk, body });
      expect(response.status, `${field}: ${JSON.stringify(response.body)}`).toBe(400);
      expect(response.body).toMatchObject({ field, code });
    }
    const existing = await create(clerk, hospital());
    const shorter = await api('PATCH', `/registry/institutions/${existing.code}`, { token: clerk, body: { agreementTo: '2020-12-31', version: 1 } });
    expect(shorter.status).toBe(400);
    expect(shorter.body).toMatchObject({ field: 'agreementTo', code: 'registry.agreement_period_invalid' });
    expect((await api('GET', '/registry/institutions/NOT-A-CODE', { token: clerk })).status).toBe(404);
  });

  it('filters the list by name or code, level, kind and agreement status', async () => {
    const tag = `筛选${randomInt(1e6)}`;
    const a = await create(clerk, hospital({ name: `${tag}甲医院`, level: 1 }));
    const b = await create(clerk, hospital({ name: `${tag}乙药房`, code: newCode('P'), kind: 'chain_pharmacy', level: 0, agreementStatus: 'terminated' }));
    const codes = async (query: string) => (await api('GET', `/registry/institutions?${query}`, { token: clerk })).body.items.map((i: { code: string }) => i.code);
    expect(await codes(`q=${encodeURIComponent(tag)}`)).toEqual([a.code, b.code].sort());
    expect(await codes(`q=${a.code.slice(0, 10).toLowerCase()}&pageSize=100`)).toContain(a.code);
    expect(await codes(`q=${encodeURIComponent(tag)}&level=1`)).toEqual([a.code]);
    expect(await codes(`q=${encodeURIComponent(tag)}&kind=chain_pharmacy`)).toEqual([b.code]);
    expect(await codes(`q=${encodeURIComponent(tag)}&agreementStatus=terminated`)).toEqual([b.code]);
    expect(await codes(`q=${encodeURIComponent('%')}`)).toEqual([]);
  });
});

describe('region scope', () => {
  it('a clerk of another city sees none of 南阳’s institutions and cannot create or change one', async () => {
    expect((await api('GET', '/registry/institutions/H41130200746', { token: zhengzhouClerk })).status).toBe(404);
    const list = await api('GET', '/registry/institutions?pageSize=100', { token: zhengzhouClerk });
    expect(list.status).toBe(200);
    expect(list.body.items.filter((i: { regionCode: string }) => i.regionCode.startsWith('4113'))).toEqual([]);
    expect((await api('GET', '/registry/institutions?q=H4113', { token: zhengzhouClerk })).body.total).toBe(0);
    expect((await api('POST', '/registry/institutions', { token: zhengzhouClerk, body: hospital() })).status).toBe(404);
    expect((await api('PATCH', '/registry/institutions/H41130200746', { token: zhengzhouClerk, body: { level: 3, version: 1 } })).status).toBe(404);
    expect((await api('GET', '/registry/institutions/H41130200746/history', { token: zhengzhouClerk })).status).toBe(404);

    // and the other way round
    const theirs = await create(zhengzhouClerk, hospital({ code: newCode('H', '410105'), name: '郑州市金水区某医院' }));
    expect((await api('GET', `/registry/institutions/${theirs.code}`, { token: zhengzhouClerk })).status).toBe(200);
    expect((await api('GET', `/registry/institutions/${theirs.code}`, { token: clerk })).status).toBe(404);
  });
});

const HEADER_ZH = '机构编码,机构名称,机构类型,统一社会信用代码,医院等级,协议状态,协议开始日期,协议结束日期,地址';
const line = (i: ReturnType<typeof hospital>, level: string | number = i.level, status = '有效') =>
  [i.code, i.name, i.kind, i.creditCode, level, status, i.agreementFrom, i.agreementTo, i.address].join(',');

describe('import from CSV and Excel', () => {
  it('writes the good rows, changes a known code, and reports each bad row with its row number, field and code', async () => {
    const known = await create(clerk, hospital());
    // read (and kept by this node) before the import changes it
    expect(await institutionOf(server.platform.ctx, known.code)).toMatchObject({ agreementStatus: 'active' });
    const fresh = hospital({ kind: '专科医院' });
    const pharmacy = hospital({ code: newCode('P'), kind: '单体零售药店', level: 0 });
    const zhengzhou = hospital({ code: newCode('H', '410105') });
    const rows = [
      HEADER_ZH,
      line(fresh, '三级甲等'), // row 2: new
      line({ ...fresh, code: newCode('H') }, 4), // row 3: level 4
      line({ ...known, name: '更名后的医院' }, known.level, '暂停'), // row 4: changes the known one
      line(pharmacy, 0), // row 5: new
      line(zhengzhou), // row 6: outside the clerk's regions
      line({ ...pharmacy, name: '重复' }), // row 7: the code again
      line(hospital({ agreementFrom: '2030-01-01' })), // row 8: from after to
    ];
    const result = await upload(clerk, `${rows.join('\r\n')}\r\n`);
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body).toMatchObject({ rows: 7, created: 2, changed: 1, unchanged: 0, errorCount: 4 });
    expect(result.body.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([
      [3, 'level', 'registry.institution_level_invalid'],
      [6, 'code', 'registry.region_out_of_scope'],
      [7, 'code', 'registry.institution_duplicate_row'],
      [8, 'agreementTo', 'registry.agreement_period_invalid'],
    ]);
    expect(result.body.errors[0].message).toMatch(/医院等级/);
    expect(await institutionOf(server.platform.ctx, fresh.code)).toMatchObject({ kind: 'specialty_hospital', level: 3, agreementStatus: 'active' });
    expect(await institutionOf(server.platform.ctx, pharmacy.code)).toMatchObject({ kind: 'retail_pharmacy', level: 0 });
    expect((await api('GET', `/registry/institutions/${known.code}`, { token: clerk })).body).toMatchObject({ name: '更名后的医院', agreementStatus: 'suspended', version: 2 });
    // what settlements read is the import's at once, not the node's earlier copy
    expect(await institutionOf(server.platform.ctx, known.code)).toMatchObject({ name: '更名后的医院', agreementStatus: 'suspended' });
    expect(await institutionOf(server.platform.ctx, zhengzhou.code)).toBeNull();
    const [history] = await server.platform.ctx.database.rows<{ source: string }>(sql`select source from registry.history where subject_id = ${fresh.code}`);
    expect(history.source).toBe('import');

    // the same rows again: nothing new, nothing written
    const again = await upload(clerk, `${[HEADER_ZH, rows[3]].join('\n')}\n`);
    expect(again.body).toMatchObject({ rows: 1, created: 0, changed: 0, unchanged: 1, errorCount: 0 });
    expect((await api('GET', `/registry/institutions/${known.code}`, { token: clerk })).body.version).toBe(2);
  });

  it('reads English headers, in English, and refuses a file without a required column', async () => {
    const one = hospital();
    const header = 'code,name,kind,creditCode,level,agreementFrom,agreementTo';
    const ok = await upload(clerk, `${header}\n${[one.code, one.name, one.kind, one.creditCode, 9, one.agreementFrom, one.agreementTo].join(',')}\n`, 'text/csv', 'en');
    expect(ok.body).toMatchObject({ rows: 1, created: 0, errorCount: 1 });
    expect(ok.body.errors[0]).toMatchObject({ row: 2, field: 'level', message: expect.stringMatching(/level must be/) });

    const missing = await upload(clerk, 'code,name\nH41130300001,某医院\n');
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'registry.import_header_missing', field: 'body' });
    const json = await api('POST', '/registry/institutions/imports', { token: clerk, body: { rows: [] } });
    expect(json.status).toBe(415);
    expect((await upload(zhengzhouClerk, `${HEADER_ZH}\n${line(hospital())}\n`)).body).toMatchObject({ created: 0, errorCount: 1, errors: [{ row: 2, code: 'registry.region_out_of_scope' }] });
  });

  it('imports an Excel file, with Excel row numbers', async () => {
    const good = hospital({ name: '表格医院' });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('定点医药机构');
    sheet.getRow(1).values = HEADER_ZH.split(',');
    sheet.getRow(2).values = [good.code, good.name, '综合医院', good.creditCode, '二级', '有效', new Date(Date.UTC(2021, 0, 1)), '2028-12-31', good.address];
    // an empty row 3, then a bad code in row 4
    sheet.getRow(4).values = ['Q41130300001', '错码医院', '综合医院', creditCode(), 1, '有效', '2021-01-01', '2028-12-31', ''];
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const result = await upload(clerk, bytes, XLSX_CONTENT_TYPE);
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body).toMatchObject({ rows: 2, created: 1, errorCount: 1, errors: [{ row: 4, field: 'code', code: 'registry.institution_code_invalid' }] });
    expect(await institutionOf(server.platform.ctx, good.code)).toMatchObject({ name: '表格医院', level: 2, agreementFrom: '2021-01-01' });

    const broken = await upload(clerk, new TextEncoder().encode('not a zip'), XLSX_CONTENT_TYPE);
    expect(broken.status).toBe(400);
  });
});

describe('institutionInForce: what settlement, payment and bills ask', () => {
  const ctx = () => server.platform.ctx;
  async function refusal(code: string, date: string) {
    const error = await institutionInForce(ctx(), code, date, 'visit.date').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }

  it('answers an institution whose agreement covers the day, both ends included', async () => {
    expect(await institutionInForce(ctx(), 'H41130200746', '2025-06-01', 'institutionCode')).toMatchObject({ code: 'H41130200746', level: 2, regionCode: '411302' });
    expect((await institutionInForce(ctx(), 'h41130200746', '2020-01-01', 'institutionCode')).code).toBe('H41130200746');
    expect((await institutionInForce(ctx(), 'H41130200746', '2030-12-31', 'institutionCode')).code).toBe('H41130200746');
  });

  it('refuses an unknown institution, a day outside the agreement, a suspended and a terminated one (422, stable codes)', async () => {
    expect(await refusal('H41139999999', '2025-06-01')).toMatchObject({ code: 'registry.institution_unknown', kind: 'unprocessable', field: 'visit.date' });
    expect(await refusal('H41130200746', '2019-12-31')).toMatchObject({ code: 'registry.agreement_not_in_force', kind: 'unprocessable', params: { code: 'H41130200746', date: '2019-12-31' } });
    expect((await refusal('H41130200746', '2031-01-01')).code).toBe('registry.agreement_not_in_force');

    // an agreement that ended yesterday cannot settle today
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const yesterday = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
    const ended = await create(clerk, hospital({ agreementFrom: '2020-01-01', agreementTo: yesterday }));
    expect((await institutionInForce(ctx(), ended.code, yesterday, 'institutionCode')).code).toBe(ended.code);
    expect((await refusal(ended.code, today)).code).toBe('registry.agreement_not_in_force');

    const suspended = await create(clerk, hospital({ agreementStatus: 'suspended' }));
    expect((await refusal(suspended.code, '2025-06-01')).code).toBe('registry.agreement_not_in_force');
    const terminated = await create(clerk, hospital({ agreementStatus: 'terminated' }));
    expect((await refusal(terminated.code, '2025-06-01')).code).toBe('registry.agreement_not_in_force');
    // a clerk resumes the suspended one: in force again
    const resumed = await api('PATCH', `/registry/institutions/${suspended.code}`, { token: clerk, body: { agreementStatus: 'active', version: 1 } });
    expect(resumed.status).toBe(200);
    expect((await institutionInForce(ctx(), suspended.code, '2025-06-01', 'institutionCode')).agreementStatus).toBe('active');
  });
});

describe('binding a channel app to an institution', () => {
  /** The principal the platform's authenticator makes of a signed request of the app. */
  async function principalOf(app: { appId: string; secret: string }) {
    const body = '{}';
    const path = '/api/v1/auth/channel/introspect';
    const headers = signRequest({ appId: app.appId, secret: app.secret, method: 'POST', path, body }) as unknown as Record<string, string>;
    const request = { headers, method: 'POST', url: path, rawBody: body } as unknown as FastifyRequest;
    return authenticatorFor(server.platform.ctx).authenticateChannel(request);
  }

  it('registers an app bound to a registry institution; an unknown one is a 422 naming institutionCode', async () => {
    const unknown = await api('POST', '/auth/channels', { token: sysadmin, body: { name: '未知医院HIS', capabilities: ['voucher.verify'], institutionCode: 'H41139999999' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'registry.institution_unknown', field: 'institutionCode' });
    const malformed = await api('POST', '/auth/channels', { token: sysadmin, body: { name: '坏码医院HIS', capabilities: ['voucher.verify'], institutionCode: 'X1' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.field).toBe('institutionCode');

    const app = await api('POST', '/auth/channels', { token: sysadmin, body: { name: '南阳市第一人民医院HIS', capabilities: ['voucher.verify'], institutionCode: 'h41130200746' } });
    expect(app.status, JSON.stringify(app.body)).toBe(201);
    expect(app.body.institutionCode).toBe('H41130200746');
    const [stored] = await server.platform.ctx.database.rows<{ institution_code: string }>(sql`select institution_code from auth.channel_apps where app_id = ${app.body.appId}`);
    expect(stored.institution_code).toBe('H41130200746');
    const listed = await api('GET', '/auth/channels?pageSize=100', { token: sysadmin });
    expect(listed.body.items.find((c: { appId: string }) => c.appId === app.body.appId)).toMatchObject({ institutionCode: 'H41130200746' });
    expect(await principalOf(app.body)).toMatchObject({ type: 'channel', appId: app.body.appId, institutionCode: 'H41130200746' });

    const unbound = await api('POST', '/auth/channels', { token: sysadmin, body: { name: '自助机', capabilities: ['voucher.verify'] } });
    expect(unbound.body.institutionCode).toBeNull();
    expect((await principalOf(unbound.body)).institutionCode).toBeNull();
  });

  it('an admin rebinds the app; the next signed request carries the new institution at once', async () => {
    const app = (await api('POST', '/auth/channels', { token: sysadmin, body: { name: '药房POS', capabilities: ['voucher.verify'], institutionCode: 'H41130200746' } })).body;
    expect((await principalOf(app)).institutionCode).toBe('H41130200746'); // now memoized on this node

    const rebound = await api('PUT', `/auth/channels/${app.appId}/institution`, { token: sysadmin, body: { institutionCode: 'P41130200001' } });
    expect(rebound.status, JSON.stringify(rebound.body)).toBe(200);
    expect(rebound.body).toMatchObject({ appId: app.appId, institutionCode: 'P41130200001' });
    expect((await principalOf(app)).institutionCode).toBe('P41130200001');

    const unknown = await api('PUT', `/auth/channels/${app.appId}/institution`, { token: sysadmin, body: { institutionCode: 'P41139999999' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'registry.institution_unknown', field: 'institutionCode' });
    expect((await principalOf(app)).institutionCode).toBe('P41130200001');

    // an admin of another organization's scope does not see the app; nor does a clerk without the permission
    expect((await api('PUT', `/auth/channels/${app.appId}/institution`, { token: zhengzhouAdmin, body: { institutionCode: 'H41130200746' } })).status).toBe(404);
    expect((await api('PUT', `/auth/channels/${app.appId}/institution`, { token: clerk, body: { institutionCode: 'H41130200746' } })).status).toBe(403);
    expect((await api('PUT', '/auth/channels/appnosuchapp/institution', { token: sysadmin, body: { institutionCode: 'H41130200746' } })).status).toBe(404);

    const cleared = await api('PUT', `/auth/channels/${app.appId}/institution`, { token: sysadmin, body: { institutionCode: null } });
    expect(cleared.body.institutionCode).toBeNull();
    expect((await principalOf(app)).institutionCode).toBeNull();
  });
});
