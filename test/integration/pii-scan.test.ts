/**
 * 个人信息不落明文: after the flows that carry identity numbers and phones (registration, real-name
 * verification, every login by phone and by identity number, registry create/lookup/import, unit
 * enrolment, payment, e-bill, family members), no text, varchar or jsonb column of any table of the
 * platform holds one of the numbers used in plain text: they are encrypted, blind-indexed or masked
 * (4113**********1234), in the business tables as in the audit log, the login history, the outbox,
 * the idempotency answers and the import errors.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeIdNumber } from '../../src/kernel/validation/identifiers.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginStaff, newPerson, newUnit, PASSWORD, randomIdNumber, randomName, randomPhone, smsCode } from '../support/factories.js';
import {
  confirmOrder,
  DOMAIN_LINES,
  idempotencyKey,
  INSTITUTION,
  must,
  passLiveness,
  paymentCast,
  signedPost,
  voucherCode,
  VISIT_DATE,
  VOUCHER_PASSWORD,
  type Payer,
  type PaymentCast,
} from '../support/payment.js';
import { REGISTRY_HEADER } from '../support/registry-csv.js';

let server: TestServer;
let clerk: string;

/** Every identity number and phone a flow sent, to look for afterwards. */
const idNumbers = new Set<string>();
const phones = new Set<string>();
const used = <T extends { idNumber?: string; phone?: string }>(who: T): T => {
  if (who.idNumber) idNumbers.add(who.idNumber);
  if (who.phone) phones.add(who.phone);
  return who;
};

beforeAll(async () => {
  server = await startTestServer();
  clerk = (await loginStaff(server, 'nanyang_clerk')).accessToken;
});
afterAll(() => server?.close());

const api = (method: string, path: string, body?: unknown, token?: string) => server.api(method, path, { body, token });

/** A registry person of 南阳 and their account, verified to L2 by identity number (实名认证). */
async function verifiedPerson() {
  const idNumber = randomIdNumber();
  const name = randomName();
  const created = await api('POST', '/registry/persons', { idNumber, name, regionCode: '411302', category: 'employee' }, clerk);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const account = used(await newPerson(server, { idNumber, name }));
  server.fakes.realName.addPerson({ idNumber, name });
  const l2 = await api('POST', '/auth/realname', { name, idNumber }, account.accessToken);
  expect(l2.status, JSON.stringify(l2.body)).toBe(200);
  return { ...account, personId: created.body.id as string, l2: l2.body.accessToken as string };
}

/** Every text, varchar, json(b) and array column of every table outside PostgreSQL's own schemas. */
async function textColumns() {
  return server.platform.ctx.database.rows<{ table_schema: string; table_name: string; column_name: string }>(sql`
    select c.table_schema, c.table_name, c.column_name
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema not in ('pg_catalog', 'information_schema') and c.table_schema not like 'pg\\_%'
      and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb') or c.data_type = 'ARRAY')
    order by 1, 2, 3`);
}

/** Where each of `values` occurs in plain text: "schema.table.column: value". */
async function plainOccurrences(values: string[]) {
  const found: string[] = [];
  const patterns = values.map((v) => `%${v}%`);
  for (const column of await textColumns()) {
    const target = sql.raw(`"${column.table_schema}"."${column.table_name}"`);
    const field = sql.raw(`"${column.column_name}"::text`);
    const rows = await server.platform.ctx.database.rows<{ value: string }>(
      sql`select v as value from jsonb_array_elements_text(${JSON.stringify(patterns)}::jsonb) as v where exists (select 1 from ${target} where ${field} like v)`,
    );
    for (const row of rows) found.push(`${column.table_schema}.${column.table_name}.${column.column_name}: ${row.value.slice(1, -1)}`);
  }
  return found;
}

describe('personal numbers at rest', () => {
  it('leaves no plain identity number or phone in any column after the flows that carry them', { timeout: 240_000 }, async () => {
    // 注册, 实名认证, and password logins by identity number (newPerson) and by phone
    const person = await verifiedPerson();
    expect((await api('POST', '/auth/login', { identifier: person.phone, password: PASSWORD })).status).toBe(200);
    // failed logins are in the login history too: a wrong password, an unknown phone, an unknown identity number
    expect((await api('POST', '/auth/login', { identifier: person.phone, password: 'Wrong#Pass2026' })).status).toBe(401);
    const stranger = used({ idNumber: randomIdNumber(), phone: randomPhone() });
    expect((await api('POST', '/auth/login', { identifier: stranger.phone, password: PASSWORD })).status).toBe(401);
    expect((await api('POST', '/auth/login', { identifier: stranger.idNumber, password: PASSWORD })).status).toBe(401);
    // 短信登录
    const code = await smsCode(server, person.phone, 'login');
    expect((await api('POST', '/auth/login/sms', { phone: person.phone, code })).status).toBe(200);
    // 更换手机号
    const newPhone = randomPhone();
    phones.add(newPhone);
    const changed = await api('POST', '/user/me/phone', { newPhone, smsCode: await smsCode(server, newPhone, 'change_phone') }, person.accessToken);
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);

    // 自然人: create with a phone, find by identity number, change the phone, import a file with one bad row
    const registered = used({ idNumber: randomIdNumber(), phone: randomPhone() });
    const created = await api('POST', '/registry/persons', { idNumber: registered.idNumber, name: randomName(), regionCode: '411302', category: 'employee', phone: registered.phone }, clerk);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await api('POST', '/registry/persons/lookup', { idNumber: registered.idNumber }, clerk)).status).toBe(200);
    // 显示完整信息: the answer carries the values in full; the logs and the audit records must not
    expect((await api('POST', `/registry/persons/${created.body.id}/reveal`, { reason: '核对' }, clerk)).body.idNumber).toBe(registered.idNumber);
    const changedPhone = randomPhone();
    phones.add(changedPhone);
    const patched = await api('PATCH', `/registry/persons/${created.body.id}`, { phone: changedPhone }, clerk);
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const rows = Array.from({ length: 3 }, () => used({ idNumber: randomIdNumber('411303'), phone: randomPhone() }));
    const csv = [
      REGISTRY_HEADER,
      ...rows.map((r, i) => `${r.idNumber},${randomName()},,,${r.phone},411303,${i === 2 ? '外星人' : '在职职工'},`),
    ].join('\n');
    const upload = await fetch(`${server.url}/api/v1/registry/imports?fileName=persons.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${clerk}`, 'content-type': 'text/csv' },
      body: csv,
    });
    expect(upload.status).toBe(202);
    const job = (await upload.json()) as { id: string };
    await vi.waitFor(
      async () => {
        const progress = await api('GET', `/registry/imports/${job.id}`, undefined, clerk);
        expect(progress.body.status).toBe('completed');
      },
      { timeout: 60_000, interval: 100 },
    );

    // 单位: registration by its agent (identity number, phone), the legal representative, 增员 by identity number
    const unit = await newUnit(server);
    used(unit.agent);
    const entity = await api('POST', '/registry/entities', { creditCode: unit.creditCode, name: unit.unitName, type: 'enterprise', regionCode: '411302', legalRepName: unit.agent.name, legalRepIdNumber: unit.agent.idNumber }, clerk);
    expect(entity.status, JSON.stringify(entity.body)).toBe(201);
    expect((await api('POST', '/enrollment/units', { entityId: entity.body.id, insuranceType: '410', fromMonth: '2019-01' }, clerk)).status).toBe(201);
    server.fakes.realName.addPerson({ idNumber: unit.agent.idNumber, name: unit.agent.name });
    const agentL2 = await api('POST', '/auth/realname', { name: unit.agent.name, idNumber: unit.agent.idNumber }, unit.agent.accessToken);
    expect(agentL2.status, JSON.stringify(agentL2.body)).toBe(200);
    const hired = await api('POST', '/unit/employees', { idNumber: person.idNumber, insuranceType: '410', fromMonth: '2019-01' }, agentL2.body.accessToken);
    expect(hired.status, JSON.stringify(hired.body)).toBe(201);

    // 移动支付 and 电子票据: a payer (registry, enrolment, account, L3, voucher), an order paid, its bill with the identity number as 医保编号
    const cast = await paymentCast(server, '个人信息测试');

    const payerIdNumber = makeIdNumber('411302', '1975-04-1' + randomInt(0, 10), randomInt(0, 1000));
    const payerName = randomName();
    idNumbers.add(payerIdNumber);
    const payer = await newPayerWith(cast, payerIdNumber, payerName);
    const order = await signedPost(server, cast.hospital, '/payment/orders', {
      code: await voucherCode(server, payer, cast.hospital),
      insuranceType: '310',
      institutionCode: INSTITUTION,
      visit: { kind: 'inpatient', date: VISIT_DATE },
      lines: DOMAIN_LINES,
      settlementType: 'ALL',
      orderReference: `ORD${randomInt(1e9)}`,
    }, idempotencyKey());
    expect(order.status, JSON.stringify(order.body)).toBe(201);
    const confirmed = await confirmOrder(server, payer, order.body.id);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect((await server.fakes.paychannel.pay(order.body.id)).delivered).toBe(true);
    const billing = await must(server, 'POST', '/auth/channels', { name: '南阳市第一人民医院票据', capabilities: ['bill.issue'], institutionCode: INSTITUTION }, cast.sysadmin);
    const bill = await signedPost(server, billing, '/bill/channel/bills', {
      payer: { personId: payer.personId, name: payerName },
      institution: { code: INSTITUTION },
      visitType: 'inpatient',
      insuranceId: payerIdNumber,
      settlementRef: order.body.id,
      items: [{ name: '医疗费', amountFen: order.body.totalFen }],
      totalFen: order.body.totalFen,
      fundPayFen: order.body.fundFen,
      accountPayFen: order.body.accountFen,
      cashPayFen: order.body.cashFen,
    }, idempotencyKey());
    expect(bill.status, JSON.stringify(bill.body)).toBe(201);

    // 家庭成员: a child by identity number, an adult invited by identity number
    const guardian = await newPayerWith(cast, makeIdNumber('411302', '1980-02-0' + randomInt(1, 10), randomInt(0, 1000)), randomName());
    const childIdNumber = makeIdNumber('411302', '2016-06-0' + randomInt(1, 10), randomInt(0, 1000));
    const childName = randomName();
    idNumbers.add(childIdNumber);
    expect((await api('POST', '/registry/persons', { idNumber: childIdNumber, name: childName, regionCode: '411302', category: 'employee' }, clerk)).status).toBe(201);
    // 户口簿 the household-register page, uploaded (a 1×1 PNG)
    const hukou = await fetch(`${server.url}/api/v1/voucher/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${guardian.token}`, 'content-type': 'image/png' },
      body: new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64')),
    });
    expect(hukou.status).toBe(201);
    const evidenceRef = ((await hukou.json()) as { id: string }).id;
    const child = await api('POST', '/voucher/family/children', { idNumber: childIdNumber, name: childName, evidenceRef }, guardian.token);
    expect(child.status, JSON.stringify(child.body)).toBe(201);
    const invited = await api('POST', '/voucher/family/invitations', { idNumber: person.idNumber, name: person.name }, guardian.token);
    expect(invited.status, JSON.stringify(invited.body)).toBe(201);

    // The outbox's subscribers have had their turn, and every audit record is written.
    while ((await server.platform.ctx.outbox.dispatchOnce()) > 0);
    await server.platform.ctx.audit.flush();

    expect(idNumbers.size).toBeGreaterThan(8);
    expect(phones.size).toBeGreaterThan(8);
    expect(await plainOccurrences([...idNumbers, ...phones])).toEqual([]);
  });
});

/**
 * A payer as test/support/payment.ts's newPayer makes one (employed by the cast's unit, a funded
 * account, L3, the voucher activated and the hospital authorized), with every number remembered.
 */
async function newPayerWith(cast: PaymentCast, idNumber: string, name: string): Promise<Payer> {
  idNumbers.add(idNumber);
  const person = await must(server, 'POST', '/registry/persons', { idNumber, name, regionCode: '411302', category: 'employee' }, cast.admin);
  await must(server, 'POST', `/enrollment/units/${cast.unitId}/employees`, { personId: person.id, fromMonth: '2019-01' }, cast.admin);
  await server.platform.ctx.database.rows(
    sql`insert into collection.account_entries (person_id, kind, amount_fen, month, insurance_type, source_ref) values (${person.id}, 'allocation', 200000, 201901, '310', ${`test:${person.id}`})`,
  );
  while ((await server.platform.ctx.outbox.dispatchOnce()) > 0);
  const account = used(await newPerson(server, { idNumber, name }));
  server.fakes.realName.addPerson({ idNumber, name });
  const l2 = await must(server, 'POST', '/auth/realname', { name, idNumber }, account.accessToken, 200);
  const l3 = await passLiveness(server, l2.accessToken);
  await must(server, 'POST', '/voucher/activate', { password: VOUCHER_PASSWORD }, l3, 200);
  await must(server, 'POST', '/voucher/authorizations', { appId: cast.hospital.appId }, l3);
  return { personId: person.id, token: l3 };
}
