import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginStaff, newPerson, PASSWORD, randomName, randomPhone } from '../support/factories.js';
import { BUILT_IN_ROLES, DEMO_ORGS } from '../../src/demo-seed.js';

let server: TestServer;
let nanyang: string;
/** a second administrator of 南阳: publishes what nanyang_admin imports (四眼原则) */
let reviewer: string;
/** an insured person: read routes need only a login */
let insured: string;

async function login(identifier: string) {
  const response = await server.api('POST', '/auth/login', { body: { identifier, password: PASSWORD } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.accessToken as string;
}

beforeAll(async () => {
  server = await startTestServer();
  const province = (await loginStaff(server, 'province_admin')).accessToken;
  nanyang = (await loginStaff(server, 'nanyang_admin')).accessToken;
  const loginName = `catalog_reviewer${randomInt(1e6)}`;
  const account = await server.api('POST', '/user/accounts', {
    token: province,
    body: { kind: 'admin', loginName, name: randomName(), phone: randomPhone(), orgId: DEMO_ORGS.nanyang.id, password: PASSWORD },
  });
  expect(account.status).toBe(201);
  expect((await server.api('POST', '/auth/grants', { token: province, body: { accountId: account.body.id, roleId: BUILT_IN_ROLES.orgAdmin.id } })).status).toBe(201);
  reviewer = await login(loginName);
  insured = await login((await newPerson(server)).idNumber);
});
afterAll(() => server?.close());

async function upload(kind: string, text: string | Uint8Array, token = nanyang, contentType = 'text/csv') {
  const response = await fetch(`${server.url}/api/v1/policy/catalogs/${kind}/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body: typeof text === 'string' ? text : new Blob([new Uint8Array(text)]),
  });
  return { status: response.status, body: await response.json() };
}

const publish = (kind: string, token = reviewer) => server.api('POST', `/policy/catalogs/${kind}/publish`, { token });

// Codes the demo catalog (version 1 of each kind with a class, src/centers/policy/demo.ts) does not hold.
const AMOX = 'XJ01CAA040A001010100888';
const IBU = 'XM01AEI001A001010100001';
const ASPI = 'XB01ACA056A001010100001';
const PARA = 'XN02BEA001A001010100001';
const HEADER = '编码,名称,规格,类别,自付比例,限价,开始日期,结束日期,操作,备注\r\n';

describe('western-drug catalog: import, publish, change, remove', () => {
  it('stages valid rows, lists bad ones by row and field, and publishes the next two versions', async () => {
    // The demo seed has published the kind's first version: this test's are the two after it.
    const seeded = await server.api('GET', '/policy/catalogs/drug-western/changes?since=0', { token: insured });
    const base: number = seeded.body.latestVersion;
    const seededCodes: string[] = (await server.api('GET', '/policy/catalogs/drug-western/entries?pageSize=100', { token: insured })).body.items.map((e: { code: string }) => e.code);
    const first =
      HEADER +
      `${AMOX},阿莫西林胶囊,0.25g*24粒,甲类,,12.50,2024-01-01,,,抗感染\r\n` +
      `${IBU},布洛芬缓释胶囊,0.3g*20粒,乙类,10%,,2024-01-01,,,\r\n` +
      `XA01,短编码,1g,甲类,,,2024-01-01,,,\r\n` + // row 4: code length
      `${ASPI},"阿司匹林肠溶片","100mg*30片",乙,0.05,8,2024/01/01,,,\r\n` +
      '\r\n' + // row 6: blank, still counted
      `${PARA},对乙酰氨基酚片,0.5g*10片,丁类,,,2024-13-01,,,\r\n` + // row 7: class and date
      `${IBU},布洛芬缓释胶囊,0.3g*20粒,乙类,10%,,2024-01-01,,,\r\n` + // row 8: repeats row 3
      `ZA01AAA0001010100001,感冒清热颗粒,12g*10袋,甲类,,,2024-01-01,,,\r\n`; // row 9: a Chinese patent code here
    const imported = await upload('drug-western', first);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ kind: 'drug-western', rows: 7, staged: 3, pending: 3, errorCount: 5 });
    expect(imported.body.errors.map((e: { row: number; field: string; reason: string }) => [e.row, e.field, e.reason])).toEqual([
      [4, 'code', 'length'],
      [7, 'class', 'format'],
      [7, 'validFrom', 'format'],
      [8, 'code', 'duplicate'],
      [9, 'code', 'prefix'],
    ]);
    expect(imported.body.errors[0].message).toContain('code');

    // Nothing is visible before publication.
    expect((await server.api('GET', `/policy/catalogs/drug-western/entries/${AMOX}`, { token: insured })).status).toBe(404);

    // Four-eyes: the importer cannot publish.
    const self = await publish('drug-western', nanyang);
    expect(self.status).toBe(403);
    expect(self.body.code).toBe('policy.four_eyes');

    const v1 = await publish('drug-western');
    expect(v1.status, JSON.stringify(v1.body)).toBe(200);
    expect(v1.body).toMatchObject({ kind: 'drug-western', version: base + 1, added: 3, changed: 0, removed: 0 });
    const again = await publish('drug-western');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('policy.catalog_nothing_staged');

    const aspirin = await server.api('GET', `/policy/catalogs/drug-western/entries/${ASPI}`, { token: insured });
    expect(aspirin.status).toBe(200);
    expect(aspirin.body).toEqual({
      kind: 'drug-western',
      code: ASPI,
      name: '阿司匹林肠溶片',
      specification: '100mg*30片',
      class: 'B',
      selfPayPpm: 50_000,
      priceCapFen: 800,
      validFrom: '2024-01-01',
      validTo: null,
      version: base + 1,
    });

    // Version 2: 布洛芬 becomes 乙类 at 15 %, 阿莫西林 is removed, 阿司匹林 comes again unchanged.
    const second =
      HEADER +
      `${IBU},布洛芬缓释胶囊,0.3g*20粒,乙类,15%,,2024-01-01,,,\r\n` +
      `${AMOX},,,,,,,,删除,\r\n` +
      `${ASPI},阿司匹林肠溶片,100mg*30片,乙类,5%,8.00,2024-01-01,,,\r\n` +
      `${PARA},,,,,,,,删除,\r\n`; // row 5: not in the catalog
    const changed = await upload('drug-western', second);
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ rows: 4, staged: 3, errorCount: 1, errors: [{ row: 5, field: 'code', reason: 'unknown_code' }] });
    const v2 = await publish('drug-western');
    expect(v2.body).toMatchObject({ version: base + 2, added: 0, changed: 1, removed: 1 });

    const since1 = await server.api('GET', `/policy/catalogs/drug-western/changes?since=${base + 1}`, { token: insured });
    expect(since1.status).toBe(200);
    expect(since1.body).toMatchObject({ since: base + 1, latestVersion: base + 2, total: 2, versions: [{ version: base + 2, changed: 1, removed: 1 }] });
    expect(since1.body.items.map((c: { version: number; action: string; code: string }) => [c.version, c.action, c.code])).toEqual([
      [base + 2, 'removed', AMOX],
      [base + 2, 'changed', IBU],
    ]);
    expect(since1.body.items[1].entry).toMatchObject({ selfPayPpm: 150_000 });
    expect(since1.body.items[0].entry).toMatchObject({ name: '阿莫西林胶囊' });

    const all = await server.api('GET', `/policy/catalogs/drug-western/changes?since=${base}`, { token: insured });
    expect(all.body).toMatchObject({ total: 5, versions: [{ version: base + 1 }, { version: base + 2 }] });
    const ahead = await server.api('GET', `/policy/catalogs/drug-western/changes?since=${base + 3}`, { token: insured });
    expect(ahead.status).toBe(400);
    expect(ahead.body.field).toBe('since');

    // Lookups after version 2.
    expect((await server.api('GET', `/policy/catalogs/drug-western/entries/${AMOX}`, { token: insured })).status).toBe(404);
    expect((await server.api('GET', `/policy/catalogs/drug-western/entries/${IBU}`, { token: insured })).body).toMatchObject({ version: base + 2, selfPayPpm: 150_000 });
    expect((await server.api('GET', `/policy/catalogs/drug-western/entries/${ASPI}`, { token: insured })).body).toMatchObject({ version: base + 1 });

    const byName = await server.api('GET', `/policy/catalogs/drug-western/entries?q=${encodeURIComponent('布洛芬')}`, { token: insured });
    expect(byName.body).toMatchObject({ total: 1, page: 1, items: [{ code: IBU }] });
    const current = [...seededCodes, ASPI, IBU].sort();
    const everything = await server.api('GET', '/policy/catalogs/drug-western/entries?pageSize=1&page=2', { token: insured });
    expect(everything.body).toMatchObject({ total: current.length, pageSize: 1, items: [{ code: current[1] }] });
    // % and _ are literal, not wildcards
    for (const q of ['%', '_', '布_芬']) {
      const none = await server.api('GET', `/policy/catalogs/drug-western/entries?q=${encodeURIComponent(q)}`, { token: insured });
      expect(none.body.total, q).toBe(0);
    }
  });
});

describe('other kinds and refusals', () => {
  it('imports diagnoses (no class) and service items, each with its own code shape', async () => {
    const diagnoses = await upload('diagnosis', 'code,name,validFrom\nI10.x00,原发性高血压,2024-01-01\nA00.000,霍乱，由于01群霍乱弧菌，霍乱生物型所致,2024-01-01\nI10,高血压,2024-01-01\n');
    expect(diagnoses.body).toMatchObject({ rows: 3, staged: 2, errors: [{ row: 4, field: 'code', reason: 'length' }] });
    expect((await publish('diagnosis')).body).toMatchObject({ version: 1, added: 2 });
    expect((await server.api('GET', '/policy/catalogs/diagnosis/entries/I10.x00', { token: nanyang })).body).toMatchObject({ name: '原发性高血压', class: null, selfPayPpm: null });

    const items = await upload('service-item', '编码,名称,类别,开始日期\n001102000010000,普通门诊诊察费,甲类,2024-01-01\n00110200001000X,错误编码,甲类,2024-01-01\n');
    expect(items.body).toMatchObject({ staged: 1, errors: [{ row: 3, field: 'code', reason: 'characters' }] });
  });

  it('reads GBK files when told so', async () => {
    // 「编码,名称,类别,开始日期\nC0101010100100000000,一次性注射器,甲类,2024-01-01\n」 in GB18030
    const gbk = Buffer.from(
      'b1e0c2eb2cc3fbb3c62cc0e0b1f02cbfaacabcc8d5c6da0a43303130313031303130303130303030303030302cd2bbb4ced0d4d7a2c9e4c6f72cbcd7c0e02c323032342d30312d30310a',
      'hex',
    );
    const imported = await upload('consumable', gbk, nanyang, 'text/csv; charset=gbk');
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ staged: 1, errorCount: 0 });
  });

  it('refuses a file it cannot read, with the field named, and other content types', async () => {
    const noClass = await upload('drug-western', '编码,名称,开始日期\n');
    expect(noClass).toMatchObject({ status: 400, body: { code: 'policy.catalog_column_missing', field: 'body' } });
    const broken = await upload('consumable', '编码,名称,类别,开始日期\n"C0101010100100000000,x\n');
    expect(broken).toMatchObject({ status: 400, body: { code: 'csv.unterminated_quote', field: 'body' } });
    const empty = await upload('consumable', '');
    expect(empty).toMatchObject({ status: 400, body: { code: 'policy.catalog_empty' } });
    const json = await server.api('POST', '/policy/catalogs/consumable/imports', { token: nanyang, body: { any: 1 } });
    expect(json.status).toBe(415);
    const charset = await upload('consumable', 'a\n', nanyang, 'text/csv; charset=latin1');
    expect(charset).toMatchObject({ status: 400, body: { field: 'charset' } });
  });

  it('needs policy.manage to import, policy.review to publish, and a login to read', async () => {
    expect((await upload('consumable', HEADER, insured)).status).toBe(403);
    expect((await publish('consumable', insured)).status).toBe(403);
    expect((await server.api('GET', '/policy/catalogs/consumable/entries')).status).toBe(401);
    expect((await server.api('GET', '/policy/catalogs/nosuch/entries', { token: insured })).body).toMatchObject({ field: 'kind' });
  });
});
