// 移动支付 bench scenario: the full hybrid payment confirmation (voucher password, settlement of the
// fund and account parts, the cash part's prepay at the payment channel over HTTP).
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { signRequest } from '../src/adapters/signing.js';
import { makeIdNumber } from '../src/kernel/validation/identifiers.js';
import { loginStaff, newPerson, randomCreditCode, randomName } from '../test/support/factories.js';
import type { TestServer } from '../test/support/server.js';
import type { Scenario } from './measure.js';
import { settings } from './measure.js';

const PASSWORD = '258147';
/** Settlements of one person take turns on their year-to-date row, so the load spreads over many payers. */
const PAYERS = Number(process.env.BENCH_PAYERS ?? 64);

async function ok(server: TestServer, method: string, apiPath: string, body: unknown, token?: string, headers?: Record<string, string>) {
  const response = await server.api(method, apiPath, token ? { token, body } : { raw: JSON.stringify(body), headers });
  if (response.status >= 300) throw new Error(`${method} ${apiPath}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A person employed (310) in 南阳 with a large account, the voucher activated at L3 and the hospital authorized. */
async function payer(server: TestServer, clerk: string, unitId: string, appId: string) {
  const idNumber = makeIdNumber('411302', `19${randomInt(60, 90)}-0${randomInt(1, 10)}-1${randomInt(0, 10)}`, randomInt(0, 1000));
  const name = randomName();
  const person = await ok(server, 'POST', '/registry/persons', { idNumber, name, regionCode: '411302', category: 'employee' }, clerk);
  await ok(server, 'POST', `/enrollment/units/${unitId}/employees`, { personId: person.id, fromMonth: '2019-01' }, clerk);
  // A bench fixture in place of years of allocations (划入).
  await server.platform.ctx.database.rows(
    sql`insert into collection.account_entries (person_id, kind, amount_fen, month, insurance_type, source_ref) values (${person.id}, 'allocation', 10000000000, 201901, '310', ${`bench:${person.id}`})`,
  );
  const account = await newPerson(server, { idNumber, name });
  server.fakes.realName.addPerson({ idNumber, name });
  const l2 = await ok(server, 'POST', '/auth/realname', { name, idNumber }, account.accessToken);
  const started = await ok(server, 'POST', '/auth/liveness', {}, l2.accessToken);
  server.fakes.realName.performLiveness(started.bizToken, 'pass');
  const l3 = (await ok(server, 'POST', `/auth/liveness/${started.bizToken}/confirm`, undefined, l2.accessToken)).accessToken as string;
  await ok(server, 'POST', '/voucher/activate', { password: PASSWORD }, l3);
  await ok(server, 'POST', '/voucher/authorizations', { appId }, l3);
  return { personId: person.id as string, token: l3 };
}

/** Orders a load run can confirm at most: a generous ceiling on the rate, times the longer run. */
const segmentSize = () => Math.ceil(3000 * (Math.max(settings.seconds, settings.warmupSeconds) + 1));
/** Load runs the pool serves (each loading of the request module takes a segment): the probe, the warm-up and the measured run, and spares; bench/scale-out.ts needs more. */
const segments = () => Number(process.env.PAYMENT_BENCH_SEGMENTS ?? 4);

export const PAYMENT_SCENARIOS: Scenario[] = [
  {
    name: 'payment-confirm',
    summary: 'POST /api/v1/payment/orders/:id/confirm — a person confirms a hybrid payment: voucher password (keyed HMAC-SM3 PIN digest), settlement of fund + account, cash prepay at the channel (goal: 1,000/s)',
    async setup(server) {
      const [sysadmin, clerk] = await Promise.all([loginStaff(server, 'sysadmin'), loginStaff(server, 'nanyang_admin')]);
      const app = await ok(server, 'POST', '/auth/channels', { name: '压测医院HIS', capabilities: ['voucher.verify', 'payment.order'], institutionCode: 'H41130200746' }, sysadmin.accessToken);
      const entity = await ok(server, 'POST', '/registry/entities', { creditCode: randomCreditCode(), name: `支付压测单位${randomInt(1e6)}`, type: 'enterprise', regionCode: '411302', legalRepName: randomName() }, clerk.accessToken);
      const unit = await ok(server, 'POST', '/enrollment/units', { entityId: entity.id, insuranceType: '310', fromMonth: '2019-01' }, clerk.accessToken);
      const payers = [];
      for (let i = 0; i < PAYERS; i += 8) payers.push(...(await Promise.all(Array.from({ length: Math.min(8, PAYERS - i) }, () => payer(server, clerk.accessToken, unit.id, app.appId)))));
      while ((await server.platform.ctx.outbox.dispatchOnce()) > 0);
      // One real order per payer through the signed API (code verified, visit pre-settled) ...
      const lines = [
        { code: '310100001000000', class: 'A', quantity: 1, amountFen: 1_400_000 },
        { code: 'XA01ABD075A002010100483', class: 'B', quantity: 10, amountFen: 500_000, selfPayRatioBp: 1_000 },
        { code: 'C1234567890123456789', class: 'C', quantity: 2, amountFen: 100_000 },
      ];
      const templates: string[] = [];
      for (const who of payers) {
        const { code } = await ok(server, 'POST', '/voucher/codes', { channelAppId: app.appId }, who.token);
        const raw = JSON.stringify({ code, insuranceType: '310', visit: { kind: 'inpatient', date: '2025-03-15' }, lines, settlementType: 'ALL', orderReference: `BENCH${randomInt(1e12)}` });
        const headers = { ...(signRequest({ appId: app.appId, secret: app.secret, method: 'POST', path: '/api/v1/payment/orders', body: raw }) as unknown as Record<string, string>), 'idempotency-key': `bench-${randomInt(1e12)}` };
        templates.push((await ok(server, 'POST', '/payment/orders', JSON.parse(raw), undefined, headers)).id);
      }
      // ... then the pool: copies of those orders, written straight into the table as a bench fixture,
      // payers in turn so that concurrent confirmations spread over them.
      const segment = segmentSize();
      const rows = await server.platform.ctx.database.rows<{ id: string; person_id: string }>(
        sql`insert into payment.orders (id, app_id, reference, person_id, insurance_type, institution_code, settlement_type, visit, lines, status, total_fen, fund_fen, account_fen, cash_fen, expires_at)
            select 'pay_bench' || n, o.app_id, 'BENCH' || n, o.person_id, o.insurance_type, o.institution_code, o.settlement_type, o.visit, o.lines, 'created', o.total_fen, o.fund_fen, o.account_fen, o.cash_fen, now() + interval '1 hour'
            from generate_series(1, ${segment * segments()}) as n
            join (select *, row_number() over (order by id) - 1 as slot from payment.orders where id in (${sql.join(templates.map((t) => sql`${t}`), sql`, `)})) o on o.slot = n % ${templates.length}
            returning id, person_id`,
      );
      const tokenOf = new Map(payers.map((p) => [p.personId, p.token]));
      const order = new Map(rows.map((r) => [Number(r.id.slice('pay_bench'.length)), r]));
      const pool = [...order.keys()].sort((a, b) => a - b).map((n) => ({ id: order.get(n)!.id, token: tokenOf.get(order.get(n)!.person_id)! }));
      const file = path.join(tmpdir(), `yibao-payment-bench-${process.pid}-${Date.now()}.json`);
      writeFileSync(file, JSON.stringify({ segment, password: PASSWORD, orders: pool }));
      process.env.PAYMENT_BENCH_FILE = file;
      return {
        path: `/api/v1/payment/orders/${pool[0].id}/confirm`,
        method: 'POST',
        bodies: [{ password: PASSWORD }],
        setupRequest: fileURLToPath(new URL('./payment-confirm-request.cjs', import.meta.url)),
      };
    },
  },
];
