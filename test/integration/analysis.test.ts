/**
 * 月度概览: the month's figures an administrator's home page charts, each counted by the center that
 * holds it, on Beijing days, within the caller's regions: a Nanyang enrollment, activation and
 * settlement count for the Nanyang and Henan administrators and not for Zhengzhou's; the receivables
 * are due against received; reversed settlements and other months are left out.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingMonth, perDay } from '../../src/kernel/db/days.js';
import { loginStaff, zhengzhouAdmin } from '../support/factories.js';
import { confirmOrder, DOMAIN_LINES, idempotencyKey, INSTITUTION, newPayer, paymentCast, signedPost, VISIT_DATE, voucherCode, type PaymentCast, type Payer } from '../support/payment.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let cast: PaymentCast;
let payer: Payer;
/** this month in Beijing, when the fixtures were made */
const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  server = await startTestServer();
  cast = await paymentCast(server, '概览');
  payer = await newPayer(server, cast);
  // an order confirmed with the voucher password: the settlement it makes counts
  const created = await signedPost(
    server,
    cast.hospital,
    '/payment/orders',
    { code: await voucherCode(server, payer, cast.hospital), insuranceType: '310', institutionCode: INSTITUTION, visit: { kind: 'inpatient', date: VISIT_DATE }, lines: DOMAIN_LINES, settlementType: 'ALL', orderReference: `ORD${randomInt(1e12)}` },
    idempotencyKey(),
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const confirmed = await confirmOrder(server, payer, created.body.id);
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  // the month's receivables of two lines, one received (a run's work, written as the run would)
  await server.platform.ctx.database.rows(sql`
    insert into collection.receivables (employment_id, month, rule_code, person_id, entity_id, enrollment_kind, region_code, pooling_region, insurance_type, payer, payer_key, fund, flow, periodicity, base_kind, declared_fen, base_fen, base_applied, rate_ppm, amount_fen, rule_version_id, birth_date, retired, status, run_id)
    values ('emp_a', ${Number(month.replace('-', ''))}, 'r1', ${payer.personId}, null, 'employee', '411302', '411300', '310', 'unit', 'ent_x', 'pooled', 'income', 'monthly', 'wage', 500000, 500000, 'declared', 80000, 40000, 'v1', '1980-01-01', false, 'received', 'run_t'),
           ('emp_a', ${Number(month.replace('-', ''))}, 'r2', ${payer.personId}, null, 'employee', '411302', '411300', '310', 'person', 'psn_x', 'account', 'income', 'monthly', 'wage', 500000, 500000, 'declared', 20000, 10000, 'v1', '1980-01-01', false, 'due', 'run_t')`);
}, 120_000);

afterAll(async () => {
  await server?.close();
});

const overview = async (loginName: string, m = month) => {
  const { accessToken } = await loginStaff(server, loginName);
  return server.api('GET', `/analysis/month-overview?month=${m}`, { token: accessToken });
};

describe('月度概览 month overview', () => {
  it('counts the Nanyang enrollment, activation and settlement on today, for Nanyang and Henan', async () => {
    for (const admin of ['nanyang_admin', 'province_admin']) {
      const res = await overview(admin);
      expect(res.status).toBe(200);
      const at = res.body.days.indexOf(today);
      expect(res.body.days).toHaveLength(beijingMonth(month).days.length);
      expect(res.body.enrollments[at]).toBeGreaterThanOrEqual(1);
      expect(res.body.activations[at]).toBeGreaterThanOrEqual(1);
      expect(res.body.settlements.count[at]).toBe(1);
      // DOMAIN.md's visit: the fund pays 14,450.00
      expect(res.body.settlements.fundFen[at]).toBe(1_445_000);
      expect(res.body.receivables).toEqual([{ insuranceType: '310', dueFen: 50_000, receivedFen: 40_000 }]);
    }
    expect((await overview('nanyang_admin')).body.regionPrefix).toBe('4113');
  });

  it("another city's administrator sees none of it; another month is empty", async () => {
    const zz = await server.api('GET', `/analysis/month-overview?month=${month}`, { token: await zhengzhouAdmin(server) });
    expect(zz.status).toBe(200);
    expect(zz.body.regionPrefix).toBe('4101');
    expect([...zz.body.enrollments, ...zz.body.activations, ...zz.body.settlements.count].every((n: number) => n === 0)).toBe(true);
    expect(zz.body.receivables).toEqual([]);

    const other = (await overview('province_admin', '2019-02')).body;
    expect(other.settlements.count.every((n: number) => n === 0)).toBe(true);
    expect(other.receivables).toEqual([]);
    expect(other.days).toHaveLength(28);
  });

  it('is refused to a person and to a clerk without the permission; a bad month names the field', async () => {
    expect((await server.api('GET', `/analysis/month-overview?month=${month}`, { token: payer.token })).status).toBe(403);
    const clerk = await loginStaff(server, 'nanyang_clerk');
    expect((await server.api('GET', `/analysis/month-overview?month=${month}`, { token: clerk.accessToken })).status).toBe(403);
    const bad = await overview('nanyang_admin', '2025-13');
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('month');
  });

  it('a reversed settlement no longer counts', async () => {
    await server.platform.ctx.database.rows(sql`update settlement.settlements set status = 'reversed', reversed_at = now() where person_id = ${payer.personId}`);
    const res = await overview('nanyang_admin');
    expect(res.body.settlements.count[res.body.days.indexOf(today)]).toBe(0);
  });
});

describe('Beijing days', () => {
  it.each([
    ['2024-02', 29, '2024-01-31T16:00:00.000Z', '2024-02-29T16:00:00.000Z'],
    ['2025-02', 28, '2025-01-31T16:00:00.000Z', '2025-02-28T16:00:00.000Z'],
    ['2025-12', 31, '2025-11-30T16:00:00.000Z', '2025-12-31T16:00:00.000Z'],
  ])('%s has %i days from %s to %s', (m, n, from, to) => {
    const w = beijingMonth(m);
    expect(w.days).toHaveLength(n);
    expect(w.from.toISOString()).toBe(from);
    expect(w.to.toISOString()).toBe(to);
  });

  it('puts each row on its day and zero elsewhere', () => {
    expect(perDay(beijingMonth('2025-02'), [{ day: '2025-02-03', value: '2' }]).slice(0, 4)).toEqual([0, 0, 2, 0]);
  });
});
