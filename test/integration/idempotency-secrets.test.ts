/**
 * 幂等键与秘密 an Idempotency-Key reused with another secret (the voucher password of a payment
 * confirmation, the voucher code of an order) is a conflict, not the first answer again; the
 * stored key row holds neither the secret nor anything a dictionary of six digits would open; and
 * asking "is this the key's password?" costs a password try like any other.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sm3Hex } from '../../src/kernel/crypto/index.js';
import { requestHash } from '../../src/kernel/idempotency/index.js';
import {
  confirmOrder,
  DOMAIN_LINES,
  idempotencyKey,
  INSTITUTION,
  newPayer,
  paymentCast,
  signedPost,
  VISIT_DATE,
  voucherCode,
  VOUCHER_PASSWORD,
  type PaymentCast,
  type Payer,
} from '../support/payment.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let cast: PaymentCast;

/** Another valid-looking password (no run, no repeat): wrong for every payer. */
const OTHER_PASSWORD = '369258';

beforeAll(async () => {
  server = await startTestServer();
  cast = await paymentCast(server, '幂等秘密');
});
afterAll(() => server?.close());

async function orderBody(who: Payer) {
  return {
    code: await voucherCode(server, who, cast.hospital),
    insuranceType: '310',
    institutionCode: INSTITUTION,
    visit: { kind: 'inpatient', date: VISIT_DATE },
    lines: DOMAIN_LINES,
    settlementType: 'CASH',
    orderReference: `ORD${randomInt(1e9)}${randomInt(1e6)}`,
  };
}

async function createOrder(who: Payer, key = idempotencyKey()) {
  const created = await signedPost(server, cast.hospital, '/payment/orders', await orderBody(who), key);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string };
}

/** Every stored key row, each as one text (all its columns). */
async function storedKeyRows(): Promise<string[]> {
  const rows = await server.platform.ctx.database.rows<{ row: string }>(sql`select k::text as row from kernel.idempotency_keys k`);
  return rows.map((r) => r.row);
}

describe('a payment confirmation under a used key', () => {
  it('is a conflict with another password and a replay with the same; the row keeps no password', async () => {
    const who = await newPayer(server, cast);
    const order = await createOrder(who);
    const key = idempotencyKey();

    const first = await confirmOrder(server, who, order.id, VOUCHER_PASSWORD, key);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.status).toBe('paying');

    const other = await confirmOrder(server, who, order.id, OTHER_PASSWORD, key);
    expect([other.status, other.body.code, other.headers.get('idempotent-replayed')]).toEqual([409, 'request.idempotency_conflict', null]);

    const replay = await confirmOrder(server, who, order.id, VOUCHER_PASSWORD, key);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body).toEqual(first.body);

    const rows = (await storedKeyRows()).filter((row) => row.includes(key));
    expect(rows).toHaveLength(1);
    for (const password of [VOUCHER_PASSWORD, OTHER_PASSWORD]) {
      // Neither the password, nor its SM3, nor the SM3 of the request with it in plain.
      for (const leak of [password, sm3Hex(password), requestHash({ id: order.id, password })]) expect(rows[0]).not.toContain(leak);
    }
  });

  it('counts each other password as a try: the voucher locks, and then even a replay is refused', async () => {
    const who = await newPayer(server, cast);
    const order = await createOrder(who);
    const key = idempotencyKey();
    expect((await confirmOrder(server, who, order.id, VOUCHER_PASSWORD, key)).status).toBe(200);

    const { maxPasswordFailures } = server.platform.ctx.config.voucher;
    const guesses = ['135792', '246813', '314159', '271828', '161803', '192837', '918273'].slice(0, maxPasswordFailures);
    expect(guesses).toHaveLength(maxPasswordFailures);
    const statuses: number[] = [];
    for (const guess of guesses) statuses.push((await confirmOrder(server, who, order.id, guess, key)).status);
    // Each is a conflict until the last, which reaches the limit.
    expect(statuses).toEqual([...Array(maxPasswordFailures - 1).fill(409), 423]);

    const locked = await confirmOrder(server, who, order.id, VOUCHER_PASSWORD, key);
    expect([locked.status, locked.body.code]).toEqual([423, 'voucher.password_locked']);
  });
});

describe('an order creation under a used key', () => {
  it('is a conflict with another voucher code; the row keeps neither code', async () => {
    const who = await newPayer(server, cast);
    const body = await orderBody(who);
    const key = idempotencyKey();
    const first = await signedPost(server, cast.hospital, '/payment/orders', body, key);
    expect(first.status, JSON.stringify(first.body)).toBe(201);

    const otherCode = await voucherCode(server, who, cast.hospital);
    const other = await signedPost(server, cast.hospital, '/payment/orders', { ...body, code: otherCode }, key);
    expect([other.status, other.body.code]).toEqual([409, 'request.idempotency_conflict']);

    const replay = await signedPost(server, cast.hospital, '/payment/orders', body, key);
    expect([replay.status, replay.headers.get('idempotent-replayed')]).toEqual([201, 'true']);

    const rows = (await storedKeyRows()).filter((row) => row.includes(key));
    expect(rows).toHaveLength(1);
    for (const code of [body.code, otherCode]) {
      for (const leak of [code, sm3Hex(code), requestHash({ ...body, code })]) expect(rows[0]).not.toContain(leak);
    }
  });
});
