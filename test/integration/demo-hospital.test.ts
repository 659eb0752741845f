/**
 * The demo of `npm start` walks the flagship path: the seeded person (insured in 职工医保 as well as
 * 长护险) activates the voucher, authorizes the demo hospital, whose system (`npm run demo:hospital`,
 * over signed HTTP) creates the order from the code; the person confirms, the cash part is paid in the
 * fake wallet, the hospital issues the e-bill, and the public verification finds it genuine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_MEDICAL_INSURANCE } from '../../src/demo-seed.js';
import { createOrder, issueBill, orderAfter, payInWallet, registerHospital, verificationLink, type Hospital } from '../../scripts/demo-hospital.js';
import { confirmOrder, must, passLiveness, VOUCHER_PASSWORD } from '../support/payment.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let hospital: Hospital;
let token: string;

beforeAll(async () => {
  server = await startTestServer({ env: { SEED_DEMO_INSURED: 'true' } });
  hospital = await registerHospital(server.url);
  // The voucher learns the seeded enrollments from their events.
  while ((await server.platform.ctx.outbox.dispatchOnce()) > 0);
  const l2 = await must(server, 'POST', '/auth/login', { identifier: DEMO.person.phone, password: DEMO.personPassword }, '', 200);
  server.fakes.realName.addPerson({ idNumber: DEMO.person.idNumber, name: DEMO.person.name });
  token = await passLiveness(server, l2.accessToken);
});
afterAll(() => server?.close());

describe('the demo hospital and the seeded person', () => {
  it('the seeded voucher covers employee medical insurance and long-term care', async () => {
    const voucher = await must(server, 'GET', '/voucher/me', undefined, token, 200);
    expect(voucher).toMatchObject({ status: 'inactive', name: '张**' });
    expect([...voucher.insuranceTypes].sort()).toEqual([DEMO_MEDICAL_INSURANCE, '410']);
  });

  it('pays DOMAIN.md’s inpatient visit by code, confirmation and wallet, and issues a bill that verifies as genuine', async () => {
    await must(server, 'POST', '/voucher/activate', { password: VOUCHER_PASSWORD }, token, 200);
    await must(server, 'POST', '/voucher/authorizations', { appId: hospital.appId }, token);
    const { code } = await must(server, 'POST', '/voucher/codes', { channelAppId: hospital.appId }, token);

    const order = await createOrder(hospital, code);
    // The seeded account is empty: fund 14,450.00 and the rest in cash.
    expect(order).toMatchObject({ status: 'created', totalFen: 2_000_000, fundFen: 1_445_000, accountFen: 0, cashFen: 555_000 });
    await expect(createOrder(hospital, code)).rejects.toThrow(/409/);

    const confirmed = await confirmOrder(server, { personId: order.personId, token }, order.id);
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect((await orderAfter(hospital, order.id, ['created'], 5_000, 50)).status).toBe('paying');
    await payInWallet(server.platform.ctx.config.providers.paychannelUrl!, order.id);
    const paid = await orderAfter(hospital, order.id, ['paying'], 5_000, 50);
    expect(paid.status).toBe('paid');

    // The bill is checked against the order's settlement: a fen more is refused, naming the figure.
    await expect(issueBill(hospital, { ...paid, totalFen: paid.totalFen + 1, cashFen: paid.cashFen + 1 })).rejects.toThrow(/422 .*"field":"totalFen"/);
    const bill = await issueBill(hospital, paid);
    expect(bill).toMatchObject({ totalFen: 2_000_000, fundPayFen: 1_445_000, accountPayFen: 0, cashPayFen: 555_000, payerName: '张**' });
    expect(bill.institution).toEqual({ code: 'H41130200746', name: '南阳市第一人民医院' });
    const mine = await must(server, 'GET', '/bill/mine', undefined, token, 200);
    expect(mine.items.map((b: { id: string }) => b.id)).toEqual([bill.id]);

    const link = new URL(verificationLink(server.url, bill).replace('#/bill/verify', 'bill/verify'));
    expect(Object.fromEntries(link.searchParams)).toEqual({ code: bill.billCode, number: bill.billNumber, check: bill.checkCode, date: bill.issueDate, total: '2000000' });
    const query = new URLSearchParams({ billCode: bill.billCode, billNumber: bill.billNumber, checkCode: bill.checkCode, issueDate: bill.issueDate, totalFen: '2000000' });
    const verified = await server.api('GET', `/bill/verify?${query}`);
    expect([verified.status, verified.body.result]).toEqual([200, 'genuine']);
  });
});
