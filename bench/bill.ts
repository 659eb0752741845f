// Setup of the bill-pdf scenario: a person who paid DOMAIN.md's visit by a payment order, and the
// e-bill of that order issued by the hospital's bound channel app through the signed API (its
// figures the settlement's), so the measured route renders a real bill.
import { sql } from 'drizzle-orm';
import { confirmOrder, DOMAIN_LINES, idempotencyKey, INSTITUTION, newPayer, paymentCast, signedGet, signedPost, VISIT_DATE, voucherCode } from '../test/support/payment.js';
import type { TestServer } from '../test/support/server.js';
import { getPerson } from '../src/centers/registry/index.js';

export async function personWithBill(server: TestServer): Promise<{ token: string; billId: string }> {
  const expect = (response: { status: number; body: unknown }, status: number, what: string) => {
    if (response.status !== status) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Record<string, any>;
  };
  const cast = await paymentCast(server, '压测票据');
  const hospital = cast.hospital;
  // The cast's HIS bills too: the capability in its row, then bound again so that every node re-reads it.
  await server.platform.ctx.database.rows(sql`update auth.channel_apps set capabilities = capabilities || '["bill.issue"]'::jsonb where app_id = ${hospital.appId}`);
  expect(await server.api('PUT', `/auth/channels/${hospital.appId}/institution`, { token: cast.sysadmin, body: { institutionCode: INSTITUTION } }), 200, 'binding');
  const payer = await newPayer(server, cast, 200_000);
  const name = (await getPerson(server.platform.ctx, payer.personId))!.name;

  const created = expect(
    await signedPost(server, hospital, '/payment/orders', {
      code: await voucherCode(server, payer, hospital),
      insuranceType: '310',
      institutionCode: INSTITUTION,
      visit: { kind: 'inpatient', institutionLevel: 2, date: VISIT_DATE },
      lines: DOMAIN_LINES,
      settlementType: 'ALL',
      orderReference: `BENCH${Date.now()}`,
    }, idempotencyKey()),
    201,
    'order',
  );
  expect(await confirmOrder(server, payer, created.id), 200, 'confirm');
  await server.fakes.paychannel.pay(created.id);
  const order = expect(await signedGet(server, hospital, `/payment/orders/${created.id}`), 200, 'order read');
  if (order.status !== 'paid') throw new Error(`order ${order.id} is ${order.status}, not paid`);

  // Eight items of the visit's total, as a HIS itemizes an inpatient bill.
  const names = ['床位费', '诊察费', '检查费', '化验费', '治疗费', '护理费', '西药费', '材料费'];
  const share = Math.floor(order.totalFen / names.length);
  const items = names.map((itemName, i) => ({ name: itemName, amountFen: i === names.length - 1 ? order.totalFen - share * (names.length - 1) : share }));
  const bill = expect(
    await signedPost(server, hospital, '/bill/channel/bills', {
      payer: { personId: payer.personId, name },
      institution: { code: INSTITUTION },
      visitType: 'inpatient',
      insuranceId: '411302198005050021',
      settlementRef: order.id,
      items,
      totalFen: order.totalFen,
      fundPayFen: order.fundFen,
      accountPayFen: order.accountFen,
      cashPayFen: order.cashFen,
    }),
    201,
    'issue',
  );
  return { token: payer.token, billId: bill.id };
}
