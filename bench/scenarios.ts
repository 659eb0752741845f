import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { mintSettlementToken } from '../src/centers/voucher/index.js';
import { makeIdNumber } from '../src/kernel/validation/identifiers.js';
import { loginStaff, newPerson, randomCreditCode, randomName } from '../test/support/factories.js';
import type { TestServer } from '../test/support/server.js';
import type { Scenario } from './measure.js';
import { VOUCHER_SCENARIOS } from './voucher.js';
import { personWithBill } from './bill.js';
import { PAYMENT_SCENARIOS } from './payment.js';
import { MESSAGE_SCENARIOS } from './message.js';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function created(server: TestServer, path: string, body: unknown, token: string) {
  const response = await server.api('POST', path, { token, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

const INSTITUTION = 'H41130200746';

/**
 * A hospital's channel app (settlement.settle, bound to the demo's 南阳市第一人民医院) and a person of
 * 南阳 employed in 310 from 2019-01 with 5,000.00 in the personal account, under the demo's
 * settlement policy, and the person's settlement token for the app; the app's secret goes to the
 * signing module through the environment.
 */
async function settlementFixture(server: TestServer) {
  const [sysadmin, nanyang] = await Promise.all([loginStaff(server, 'sysadmin'), loginStaff(server, 'nanyang_admin')]);
  const app = await created(server, '/auth/channels', { name: '压测医院HIS', capabilities: ['settlement.settle'], institutionCode: INSTITUTION }, sysadmin.accessToken);
  const entity = await created(server, '/registry/entities', { creditCode: randomCreditCode(), name: `压测单位${randomInt(1e6)}`, type: 'enterprise', regionCode: '411302', legalRepName: randomName() }, nanyang.accessToken);
  const unit = await created(server, '/enrollment/units', { entityId: entity.id, insuranceType: '310', fromMonth: '2019-01' }, nanyang.accessToken);
  const person = await created(server, '/registry/persons', { idNumber: makeIdNumber('411302', '1980-05-05', randomInt(0, 1000)), name: randomName(), regionCode: '411302', category: 'employee' }, nanyang.accessToken);
  await created(server, `/enrollment/units/${unit.id}/employees`, { personId: person.id, fromMonth: '2019-01' }, nanyang.accessToken);
  // A bench fixture in place of a year of allocations (划入).
  await server.platform.ctx.database.rows(
    sql`insert into collection.account_entries (person_id, kind, amount_fen, month, insurance_type, source_ref) values (${person.id}, 'allocation', 500000, 201901, '310', ${`bench:${person.id}`})`,
  );
  process.env.BENCH_CHANNEL_APP_ID = app.appId;
  process.env.BENCH_CHANNEL_SECRET = app.secret;
  // A bench fixture in place of a verified code (as the voucher scenarios write codes straight into
  // their table): the token a verification would give, minted with the platform's key, good for the run.
  const settlementToken = mintSettlementToken(Buffer.from(server.platform.ctx.config.keys.settlementToken, 'hex'), {
    appId: app.appId,
    personId: person.id,
    institutionCode: INSTITUTION,
    codeId: `bench${randomInt(1e12)}`,
    exp: Math.floor(Date.now() / 1000) + 86_400,
  });
  return { personId: person.id as string, settlementToken };
}

/** A 20-line inpatient visit: service items, western drugs (some class B), consumables (some class C, some over their cap). */
function twentyLines() {
  const codes = ['310100001000000', 'XA01ABD075A002010100483', 'C1234567890123456789', 'Z1234567890123456789'];
  return Array.from({ length: 20 }, (_, i) => ({
    code: codes[i % 4],
    class: (['A', 'B', 'A', 'C', 'B'] as const)[i % 5],
    quantity: 1 + (i % 3),
    amountFen: 10_000 + i * 7_919,
    ...(i % 5 === 1 || i % 5 === 4 ? { selfPayRatioBp: 1_000 } : {}),
    ...(i % 7 === 0 ? { priceCapFen: 12_000 } : {}),
  }));
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'profile',
    summary: 'GET /api/v1/user/me — a person reads their own profile with an access token (goal: ratio >= 0.5)',
    async setup(server) {
      const person = await newPerson(server);
      return { path: '/api/v1/user/me', headers: bearer(person.accessToken) };
    },
  },
  {
    name: 'account-lookup',
    summary: 'GET /api/v1/user/accounts/:id — the system admin looks up a staff account in scope (PostgreSQL reads + permission check)',
    async setup(server) {
      const admin = await loginStaff(server, 'sysadmin');
      // A person has no organization, so it is outside every admin's scope (404); the seeded clerk is
      // a staff account under the national organization, within the system admin's scope.
      const clerk = await loginStaff(server, 'nanyang_clerk');
      const me = await server.api<{ id: string }>('GET', '/user/me', { token: clerk.accessToken });
      if (me.status !== 200) throw new Error(`clerk profile: ${me.status} ${JSON.stringify(me.body)}`);
      return { path: `/api/v1/user/accounts/${me.body.id}`, headers: bearer(admin.accessToken) };
    },
  },
  {
    name: 'login',
    summary: 'POST /api/v1/auth/login — password login (argon2id verify, session rows, audit record); reported only',
    // argon2id runs on libuv's 4 threads: a few more connections keep them busy; 50 would only queue.
    connections: 8,
    async setup(server) {
      // Accounts in turn across the connections (login-request.cjs): every attempt succeeds and none overlaps another of its account.
      const people = await Promise.all(Array.from({ length: 32 }, () => newPerson(server)));
      const file = path.join(tmpdir(), `yibao-login-bench-${process.pid}-${Date.now()}.json`);
      writeFileSync(file, JSON.stringify(people.map((p) => ({ identifier: p.idNumber, password: p.password }))));
      process.env.LOGIN_BENCH_FILE = file;
      return {
        path: '/api/v1/auth/login',
        method: 'POST',
        bodies: [{ identifier: people[0].idNumber, password: people[0].password }],
        setupRequest: fileURLToPath(new URL('./login-request.cjs', import.meta.url)),
      };
    },
  },
  {
    name: 'policy-lookup',
    summary: 'GET /api/v1/policy/parameters — the published base rule, collection rule and wage for a region, insurance type and month (issue 3)',
    async setup(server) {
      // A city admin holds policy.read; the demo seed publishes the long-term-care policy of 南阳 (411300) from 2019-01.
      const admin = await loginStaff(server, 'nanyang_admin');
      return { path: '/api/v1/policy/parameters?regionCode=411300&insuranceType=410&month=2019-01', headers: bearer(admin.accessToken) };
    },
  },
  {
    name: 'bill-pdf',
    summary: 'GET /api/v1/bill/mine/:id/pdf — a person downloads an e-bill: PDF rendered per request (embedded CJK font subset, QR code, 8 items); rps = renders per second',
    // Rendering is CPU-bound on the event loop: a few connections keep it busy; 50 would only queue.
    connections: 8,
    async setup(server) {
      const { token, billId } = await personWithBill(server);
      return { path: `/api/v1/bill/mine/${billId}/pdf`, headers: bearer(token) };
    },
  },
  {
    name: 'pre-settlement',
    summary:
      'POST /api/v1/settlement/pre-settlements — an institution (signed channel request, settlement token checked, level from the registry) pre-settles a 20-line inpatient visit (issue 4)',
    async setup(server) {
      const { personId, settlementToken } = await settlementFixture(server);
      return {
        path: '/api/v1/settlement/pre-settlements',
        method: 'POST',
        bodies: [{ settlementToken, personId, insuranceType: '310', visit: { kind: 'inpatient', date: '2025-03-15' }, lines: twentyLines() }],
        setupRequest: fileURLToPath(new URL('./sign-request.cjs', import.meta.url)),
      };
    },
  },
  ...VOUCHER_SCENARIOS,
  ...PAYMENT_SCENARIOS,
  ...MESSAGE_SCENARIOS,
];
