/**
 * 崩溃安全 crash safety of the mobile hybrid payment (issue 4): the platform runs as a child process
 * on PostgreSQL while many payment flows run against it (create → confirm → the payer pays or is
 * declined at the fake channel, some left unpaid to time out, some refunded in part or whole), and
 * is killed with SIGKILL at random moments and started again on the same database. After the last
 * restart the re-sync job must end every order, and the three ledgers must agree with every order
 * to the fen: the fund ledger (settlements and year-to-date accumulations), the account ledger
 * (personal-account entries and balances) and the channel ledger (the fake channel, which lives in
 * this process and so outlives every kill).
 *
 * The plan (the payers' balances, every flow's fee lines and fate, the delays between kills) comes
 * from a seeded PRNG; the seed is printed, and `CRASH_SEED=<seed>` replays the plan. Where exactly a
 * kill lands is up to the machine's timing, so every kill point must keep the ledgers right.
 *
 * The second part makes the states a kill leaves at two narrow points directly, and checks the job
 * finishes them: the random kills reach those points only now and then.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { signRequest } from '../../src/adapters/index.js';
import { randomKey } from '../../src/kernel/config/index.js';
import { generateSm2KeyPair } from '../../src/kernel/crypto/index.js';
import { makeIdNumber } from '../../src/kernel/validation/identifiers.js';
import { startFakePayChannel, startFakeRealName, startFakeSms, type FakePayChannel, type FakeRealName, type FakeSms } from '../../fakes/index.js';
import { createTestCache, createTestDatabase, REDIS_URL, newCachePrefix, type TestDatabase } from '../support/db.js';
import { DOMAIN_LINES, FEE_CODES, INSTITUTION, VISIT_DATE } from '../../scripts/domain-visit.js';
import { loginStaff, newPerson, randomCreditCode, randomName } from '../support/factories.js';
import { apiClient, type ApiResponse, type TestServer } from '../support/server.js';
import type { Cache } from '../../src/kernel/cache/index.js';

const ON_POSTGRES = process.env.TEST_DB === 'postgres';
const SEED = Number(process.env.CRASH_SEED ?? randomInt(2 ** 31));

const KILLS = 5;
const PAYERS = 10;
/** each payer's orders, one after another, while the kills go on (at most this many) */
const MAX_ORDERS_PER_PAYER = 8;
const ORDER_TIMEOUT_SEC = 6;
const SYNC_INTERVAL_SEC = 1;

const VOUCHER_PASSWORD = '258147';
const TERMINAL = ['paid', 'failed', 'closed', 'refunded'];

/** mulberry32: a small seeded PRNG, so that a failing run can be replayed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    /** one of the choices, by weight */
    weighted: <T extends string>(choices: Record<T, number>): T => {
      const entries = Object.entries(choices) as Array<[T, number]>;
      let roll = next() * entries.reduce((sum, [, w]) => sum + w, 0);
      for (const [choice, weight] of entries) if ((roll -= weight) < 0) return choice;
      return entries[entries.length - 1][0];
    },
  };
}
type Prng = ReturnType<typeof prng>;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The platform in a child process, killed and restarted on the same port, database and cache. */
class ChildPlatform {
  private child?: ChildProcess;
  /** the last lines the generations printed, shown when the test fails */
  readonly log: string[] = [];
  generation = 0;

  constructor(private readonly env: Record<string, string>) {
    // Should the test process die first, no platform outlives it.
    process.once('exit', () => this.child?.kill('SIGKILL'));
  }

  async start(): Promise<void> {
    const generation = ++this.generation;
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../support/platform-child.ts', import.meta.url))], {
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const remember = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) this.log.push(`[${generation}] ${line}`);
      this.log.splice(0, Math.max(0, this.log.length - 300));
    };
    child.stderr!.on('data', remember);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`platform generation ${generation} did not start in 60 s`)), 60_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        remember(chunk);
        if (chunk.toString().includes('LISTENING ')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`platform generation ${generation} exited (${code ?? signal}) before listening:\n${this.log.slice(-40).join('\n')}`));
      });
    });
  }

  private async end(signal: NodeJS.Signals) {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  kill = () => this.end('SIGKILL');
  stop = () => this.end('SIGTERM');
}

let db: TestDatabase;
let cache: Cache;
let fakes: { realName: FakeRealName; sms: FakeSms; paychannel: FakePayChannel };
let platform: ChildPlatform;
let api: ReturnType<typeof apiClient>;

/** A request that outlives the kills: a connection refused or reset is tried again (same body, same key). */
async function call(method: string, path: string, options: () => Parameters<typeof api>[2] = () => ({})): Promise<ApiResponse> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      return await api(method, path, options());
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    }
  }
}

interface Channel {
  appId: string;
  secret: string;
}
let hospital: Channel;
let admin: string;
let unitId: string;

/** A signed call of the hospital's system, signed again on every attempt (a nonce is used once). */
function channelCall(method: 'GET' | 'POST', path: string, body?: unknown, key?: string) {
  return call(method, path, () => {
    const raw = body === undefined ? '' : JSON.stringify(body);
    const headers = signRequest({ appId: hospital.appId, secret: hospital.secret, method, path: `/api/v1${path}`, body: raw }) as unknown as Record<string, string>;
    return { ...(body === undefined ? {} : { raw }), headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) } };
  });
}

async function ok(method: string, path: string, body: unknown, token: string, status = 201) {
  const response = await call(method, path, () => ({ token, body }));
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
  return response.body;
}

interface Payer {
  personId: string;
  token: string;
  allocationFen: number;
}

/** A person employed in 南阳 with `allocationFen` allocated to the account, an activated voucher and the hospital authorized. */
async function payer(allocationFen: number): Promise<Payer> {
  const idNumber = makeIdNumber('411302', `19${randomInt(60, 90)}-0${randomInt(1, 10)}-1${randomInt(0, 10)}`, randomInt(0, 1000));
  const name = randomName();
  const person = await ok('POST', '/registry/persons', { idNumber, name, regionCode: '411302', category: 'employee' }, admin);
  await ok('POST', `/enrollment/units/${unitId}/employees`, { personId: person.id, fromMonth: '2019-01' }, admin);
  // A fixture standing in for a year of allocations (划入), as the settlement and payment tests do.
  if (allocationFen) {
    await db.database.rows(sql`insert into collection.account_entries (person_id, kind, amount_fen, month, insurance_type, source_ref) values (${person.id}, 'allocation', ${allocationFen}, 201901, '310', ${`test:${person.id}`})`);
  }
  // The factories need only the API and the fake SMS gateway of a test server.
  const account = await newPerson({ api, fakes } as unknown as TestServer, { idNumber, name });
  fakes.realName.addPerson({ idNumber, name });
  const l2 = await ok('POST', '/auth/realname', { name, idNumber }, account.accessToken, 200);
  const started = await ok('POST', '/auth/liveness', {}, l2.accessToken, 200);
  fakes.realName.performLiveness(started.bizToken, 'pass');
  const l3 = (await ok('POST', `/auth/liveness/${started.bizToken}/confirm`, undefined, l2.accessToken, 200)).accessToken as string;
  await ok('POST', '/voucher/activate', { password: VOUCHER_PASSWORD }, l3, 200);
  await ok('POST', '/voucher/authorizations', { appId: hospital.appId }, l3);
  return { personId: person.id, token: l3, allocationFen };
}

/** Polls `check` until it gives a value (not undefined / false / null), or fails naming `what`. */
async function until<T>(what: string, check: () => Promise<T | undefined | false | null>, waitMs: number): Promise<T> {
  for (const deadline = Date.now() + waitMs; ; ) {
    const value = await check();
    if (value !== undefined && value !== false && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${waitMs} ms (CRASH_SEED=${SEED})`);
    await sleep(100);
  }
}

/** The voucher learns the insurance types from the enrollment events (the outbox, asynchronously). */
const vouchersReady = (personIds: string[]) =>
  until(
    'the vouchers learn the enrollments',
    async () => {
      const [{ n }] = await db.database.rows<{ n: number }>(sql`select count(*)::int as n from voucher.vouchers where person_id in ${personIds} and insurance::text like '%"310"%'`);
      return n === personIds.length;
    },
    20_000,
  );

/** What the flows saw, for the summary (the assertions read the ledgers, not these). */
const seen: Record<string, number> = {};
const note = (what: string) => {
  seen[what] = (seen[what] ?? 0) + 1;
};

/** Fee lines of an inpatient visit (class A service, class B drug at 10 %, class C consumable), amounts from the PRNG. */
const linesOf = (rng: Prng) => [
  { code: FEE_CODES.service, class: 'A', quantity: 1, amountFen: rng.between(50_000, 1_500_000) },
  { code: FEE_CODES.drug, class: 'B', quantity: rng.between(1, 10), amountFen: rng.between(10_000, 600_000), selfPayRatioBp: 1_000 },
  { code: FEE_CODES.consumable, class: 'C', quantity: 1, amountFen: rng.between(1, 200_000) },
];

const orderBody = (code: string, settlementType: string, lines: Array<Record<string, unknown>>) => ({
  code,
  insuranceType: '310',
  institutionCode: INSTITUTION,
  visit: { kind: 'inpatient', date: VISIT_DATE },
  lines,
  settlementType,
  orderReference: `ORD${randomBytes(6).toString('hex')}`,
});

const key = (what: string) => `${what}-${randomBytes(8).toString('hex')}`;

/** Polls the order as the hospital's system would, until it leaves `paying` (or the wait runs out). */
async function settled(id: string, waitMs: number) {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const { body } = await channelCall('GET', `/payment/orders/${id}`);
    if (body?.status && body.status !== 'paying' && body.status !== 'settling') return body;
    if (Date.now() > deadline) return body;
    await sleep(150);
  }
}

/** One payment as the hospital, the person and the channel play it, retrying through the kills with the same keys. */
async function flow(who: Payer, rng: Prng) {
  const settlementType = rng.weighted({ ALL: 7, CASH: 1.5, HI: 1.5 });
  const fate = rng.weighted({ pay: 6, decline: 1.2, abandon: 1.2, idle: 1 });
  const refundPlan = rng.weighted({ none: 4, partial: 2.5, whole: 1.5, partialThenWhole: 2 });
  const code = await call('POST', '/voucher/codes', () => ({ token: who.token, body: { channelAppId: hospital.appId } }));
  if (code.status !== 201) return note(`code ${code.status}`);
  const created = await channelCall('POST', '/payment/orders', orderBody(code.body.code, settlementType, linesOf(rng)), key('create'));
  // A refusal (HI with a cash part), or a code used up by an attempt the kill cut short.
  if (created.status !== 201) return note(`create ${created.status} ${created.body?.code}`);
  const id = created.body.id as string;
  if (fate === 'idle') return note('left unconfirmed');

  const confirmKey = key('confirm');
  const confirmed = await call('POST', `/payment/orders/${id}/confirm`, () => ({ token: who.token, body: { password: VOUCHER_PASSWORD }, headers: { 'idempotency-key': confirmKey } }));
  note(`confirm ${confirmed.status}${confirmed.status === 200 ? '' : ` ${confirmed.body?.code}`}`);
  if (fate === 'abandon') return note('left unpaid');
  // Whatever the confirmation answered (a kill may have eaten the answer), the wallet pays what the channel holds.
  if (fakes.paychannel.trades.get(id)?.tradeState === 'NOTPAY') {
    await fakes.paychannel.pay(id, fate === 'decline' ? 'decline' : 'success').catch(() => note('pay refused by the channel'));
  }
  if (fate === 'decline') return;

  let order = await settled(id, 4_000);
  if (order?.status !== 'paid' || refundPlan === 'none') return note(`not refunded (${order?.status})`);
  const refund = async (amountFen: number) => {
    const refundKey = key('refund');
    const answer = await channelCall('POST', `/payment/orders/${id}/refunds`, { amountFen, reason: '退费' }, refundKey);
    note(`refund ${answer.status}${answer.status === 201 ? '' : ` ${answer.body?.code}`}`);
    return answer.status === 201 ? answer.body.order : (await channelCall('GET', `/payment/orders/${id}`)).body;
  };
  if (refundPlan === 'partial' || refundPlan === 'partialThenWhole') {
    const cashLeft = order.cashFen - order.refundedFen;
    if (cashLeft > 0) order = await refund(rng.between(1, cashLeft));
  }
  if ((refundPlan === 'whole' || refundPlan === 'partialThenWhole') && order?.status === 'paid') await refund(order.totalFen - order.refundedFen);
}

const CHILD_ENV_BASE = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'TZ'];

beforeAll(async () => {
  if (!ON_POSTGRES) return;
  const secret = () => randomBytes(16).toString('hex');
  const creds = { realName: secret(), sms: secret(), paychannel: secret() };
  const [realName, sms, paychannel] = await Promise.all([
    startFakeRealName({ appId: 'yibao', secret: creds.realName }),
    startFakeSms({ appId: 'yibao', secret: creds.sms }),
    startFakePayChannel({ appId: 'yibao', secret: creds.paychannel }),
  ]);
  fakes = { realName, sms, paychannel };
  db = await createTestDatabase();
  const cachePrefix = newCachePrefix();
  // Owns the prefix the children write under, and deletes its keys when the test ends.
  cache = await createTestCache(cachePrefix);
  const port = await freePort();
  const inherited = Object.fromEntries(CHILD_ENV_BASE.filter((name) => process.env[name] !== undefined).map((name) => [name, process.env[name]!]));
  platform = new ChildPlatform({
    ...inherited,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: db.url!,
    REDIS_URL,
    CACHE_PREFIX: cachePrefix,
    FIELD_ENCRYPTION_KEY: randomKey(),
    BLIND_INDEX_KEY: randomKey(),
    TOKEN_SIGNING_KEY: randomKey(),
    VOUCHER_CODE_KEY: randomKey(),
    BILL_SIGNING_KEY: generateSm2KeyPair().privateKey.padStart(64, '0'),
    SETTLEMENT_TOKEN_KEY: randomKey(),
    VOUCHER_PIN_KEY: randomKey(),
    REALNAME_URL: realName.url,
    REALNAME_SECRET: creds.realName,
    SMS_URL: sms.url,
    SMS_SECRET: creds.sms,
    PAYCHANNEL_URL: paychannel.url,
    PAYCHANNEL_SECRET: creds.paychannel,
    START_FAKES: 'false',
    // accounts, orgs and policy; the demo's insured person and unit would only be in the way
    SEED_DEMO: 'true',
    SEED_DEMO_INSURED: 'false',
    PAYMENT_ORDER_TIMEOUT_SEC: String(ORDER_TIMEOUT_SEC),
    PAYMENT_SYNC_INTERVAL_SEC: String(SYNC_INTERVAL_SEC),
    LOGIN_PER_IP_PER_MINUTE: '100000',
    SMS_PER_IP_PER_HOUR: '100000',
    OTP_RESEND_SEC: '0',
    VOUCHER_CODES_PER_MINUTE: '100000',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  api = apiClient(`http://127.0.0.1:${port}/api/v1`);
  await platform.start();

  // Data through the first generation's API, before any kill.
  admin = (await loginStaff({ api } as unknown as TestServer, 'nanyang_admin')).accessToken;
  const sysadmin = (await loginStaff({ api } as unknown as TestServer, 'sysadmin')).accessToken;
  hospital = await ok('POST', '/auth/channels', { name: '南阳市第一人民医院HIS', capabilities: ['voucher.verify', 'payment.order'], institutionCode: INSTITUTION }, sysadmin);
  const entity = await ok('POST', '/registry/entities', { creditCode: randomCreditCode(), name: `崩溃测试${randomInt(1e6)}有限公司`, type: 'enterprise', regionCode: '411302', legalRepName: randomName() }, admin);
  unitId = (await ok('POST', '/enrollment/units', { entityId: entity.id, insuranceType: '310', fromMonth: '2019-01' }, admin)).id as string;
}, 120_000);

afterAll(async () => {
  if (!ON_POSTGRES) return;
  await platform?.stop();
  await cache?.close();
  await db?.drop();
  await Promise.all(Object.values(fakes ?? {}).map((fake) => fake.close()));
});

describe.skipIf(!ON_POSTGRES)('crash safety of hybrid payments (PostgreSQL only: a second process needs a shared database)', () => {
  it('ends every order after SIGKILLs at random points, with fund, account and channel ledgers agreeing to the fen', { timeout: 180_000 }, async () => {
    console.log(`payment crash test: CRASH_SEED=${SEED}`);
    onTestFailed(() => {
      console.error(`payment crash test failed with CRASH_SEED=${SEED}; the platform's last lines:\n${platform.log.slice(-80).join('\n')}`);
    });
    const rng = prng(SEED);

    // The payers, through the first generation's API, before any kill.
    const allocations = Array.from({ length: PAYERS }, () => [0, 200_000, 800_000, 3_000_000][rng.between(0, 3)]);
    const payers: Payer[] = [];
    for (let i = 0; i < PAYERS; i += 5) payers.push(...(await Promise.all(allocations.slice(i, i + 5).map((fen) => payer(fen)))));
    await vouchersReady(payers.map((p) => p.personId));

    // Chaos: every payer runs payments one after another while the platform is killed KILLS times.
    let chaosOver = false;
    const chaos = (async () => {
      const killRng = prng(SEED ^ 0x5bd1e995);
      for (let k = 0; k < KILLS; k++) {
        await sleep(killRng.between(400, 2_500));
        await platform.kill();
        await platform.start();
      }
      chaosOver = true;
    })();
    const flows = payers.map(async (who, i) => {
      const own = prng(SEED + i + 1);
      for (let n = 0; n < MAX_ORDERS_PER_PAYER && (n < 2 || !chaosOver); n++) await flow(who, own);
    });
    await Promise.all([chaos, ...flows]);
    expect(platform.generation).toBe(KILLS + 1);

    // The re-sync job of the last generation ends what the flows left open (timeouts, lost callbacks,
    // interrupted compensations and refunds).
    let left: unknown[] = [];
    await until(
      'every order ends',
      async () => {
        left = await db.database.rows(
          sql`select id, status, refunded_fen, total_fen from payment.orders
              where status not in ('paid', 'failed', 'closed', 'refunded') or (status = 'paid' and refunded_fen = total_fen)
                 or id in (select order_id from payment.refunds where channel_refund_id is null and cash_fen > 0)`,
        );
        return left.length === 0;
      },
      (ORDER_TIMEOUT_SEC + 20 * SYNC_INTERVAL_SEC) * 1000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; still open: ${JSON.stringify(left)}`);
    });

    const problems = await ledgerDifferences(payers);
    const orders = await db.database.rows<{ status: string; settlement_type: string }>(sql`select status, settlement_type from payment.orders`);
    const byStatus = new Map<string, number>();
    for (const o of orders) byStatus.set(`${o.settlement_type} ${o.status}`, (byStatus.get(`${o.settlement_type} ${o.status}`) ?? 0) + 1);
    console.log(`payment crash test (CRASH_SEED=${SEED}): ${orders.length} orders, ${KILLS} kills\n  ${[...byStatus].map(([k, v]) => `${k}: ${v}`).sort().join('\n  ')}\n  flows saw: ${JSON.stringify(seen)}`);
    expect(problems.join('\n'), `ledger differences, CRASH_SEED=${SEED}`).toBe('');
    expect(orders.length).toBeGreaterThan(PAYERS);
    expect(orders.some((o) => o.status === 'paid' || o.status === 'refunded')).toBe(true);
  });
});

/** A paid order of DOMAIN.md's example for a new payer with `allocationFen` in the account. */
async function paidOrder(allocationFen: number, settlementType: 'ALL' | 'HI') {
  const who = await payer(allocationFen);
  await vouchersReady([who.personId]);
  const { code } = await ok('POST', '/voucher/codes', { channelAppId: hospital.appId }, who.token);
  const created = await channelCall('POST', '/payment/orders', orderBody(code, settlementType, DOMAIN_LINES), key('create'));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  const confirmKey = key('confirm');
  const confirmed = await call('POST', `/payment/orders/${id}/confirm`, () => ({ token: who.token, body: { password: VOUCHER_PASSWORD }, headers: { 'idempotency-key': confirmKey } }));
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  if (confirmed.body.status === 'paying') await fakes.paychannel.pay(id);
  const order = await until(
    'the order is paid',
    async () => {
      const { body } = await channelCall('GET', `/payment/orders/${id}`);
      return body.status === 'paid' && body;
    },
    10_000,
  );
  return { who, order };
}

describe.skipIf(!ON_POSTGRES)('the re-sync job finishes what a kill interrupted (the states a kill leaves, made directly)', () => {
  const orderOf = async (id: string) => (await db.database.rows<{ status: string; refunded_fen: string }>(sql`select status, refunded_fen from payment.orders where id = ${id}`))[0];
  const settlementsOf = (id: string) => db.database.rows<{ id: string; status: string }>(sql`select id, status from settlement.settlements where reference = ${id}`);
  const balanceOf = async (personId: string) =>
    Number((await db.database.rows<{ fen: string }>(sql`select coalesce(sum(amount_fen), 0) as fen from collection.account_entries where person_id = ${personId}`))[0].fen);

  it('asks the channel for refunds recorded and reserved before a kill, partial and whole, each once', { timeout: 60_000 }, async () => {
    const { who, order } = await paidOrder(200_000, 'ALL');
    expect(order).toMatchObject({ totalFen: 2_000_000, accountFen: 200_000, cashFen: 355_000 });
    // What a kill right after the reservation's commit leaves: the refund recorded, the amount reserved, the channel never asked.
    const interrupted = async (amountFen: number, cashFen: number) => {
      const id = `prf_${randomBytes(16).toString('hex')}`;
      await db.database.rows(sql`with reserved as (update payment.orders set refunded_fen = refunded_fen + ${amountFen} where id = ${order.id})
        insert into payment.refunds (id, order_id, amount_fen, cash_fen, settlement_fen, reason) values (${id}, ${order.id}, ${amountFen}, ${cashFen}, ${amountFen - cashFen}, '退费')`);
      return id;
    };
    const done = (refundId: string) =>
      until(
        `the job finishes refund ${refundId}`,
        async () => (await db.database.rows<{ channel_refund_id: string | null }>(sql`select channel_refund_id from payment.refunds where id = ${refundId}`))[0]?.channel_refund_id,
        10_000,
      );
    const atChannel = (refundId: string) => fakes.paychannel.refunds.filter((f) => f.outRefundNo === refundId);

    const partial = await interrupted(55_000, 55_000);
    const partialRef = await done(partial);
    expect(atChannel(partial)).toMatchObject([{ outTradeNo: order.id, amountFen: 55_000, refundId: partialRef }]);
    expect(await orderOf(order.id)).toMatchObject({ status: 'paid' });

    // The rest, wholly: its cash part at the channel first, then the settlement reversed and the order refunded.
    const whole = await interrupted(1_945_000, 300_000);
    const wholeRef = await done(whole);
    await until('the order ends refunded', async () => (await orderOf(order.id)).status === 'refunded', 10_000);
    expect(atChannel(whole)).toMatchObject([{ outTradeNo: order.id, amountFen: 300_000, refundId: wholeRef }]);
    expect(fakes.paychannel.trades.get(order.id)).toMatchObject({ amountFen: 355_000, refundedFen: 355_000 });
    expect(await settlementsOf(order.id)).toEqual([{ id: order.settlementId, status: 'reversed' }]);
    expect(await balanceOf(who.personId)).toBe(200_000);
  });

  it('reverses the settlement of an order claimed from `settling` before the settlement was recorded on it', { timeout: 60_000 }, async () => {
    const { who, order } = await paidOrder(3_000_000, 'HI');
    expect(order).toMatchObject({ accountFen: 555_000, cashFen: 0 });
    expect(await balanceOf(who.personId)).toBe(3_000_000 - 555_000);
    // What a kill leaves when the job claimed a timed-out `settling` order (whose confirmation had
    // settled it) and died before recording the settlement on the order.
    await db.database.rows(sql`update payment.orders set status = 'compensating', failure_code = 'payment.order_expired', settlement_id = null, paid_at = null, ended_at = null where id = ${order.id}`);
    await until('the job closes the order', async () => (await orderOf(order.id)).status === 'closed', 10_000);
    expect(await settlementsOf(order.id)).toEqual([{ id: order.settlementId, status: 'reversed' }]);
    expect(await balanceOf(who.personId)).toBe(3_000_000);
    expect(await db.database.rows(sql`select deductible_fen::int, fund_paid_fen::int from settlement.accumulations where person_id = ${who.personId}`)).toEqual([{ deductible_fen: 0, fund_paid_fen: 0 }]);
  });
});

interface OrderRow {
  id: string;
  person_id: string;
  status: string;
  settlement_type: string;
  total_fen: number;
  fund_fen: number;
  account_fen: number;
  cash_fen: number;
  refunded_fen: number;
  settlement_id: string | null;
  transaction_id: string | null;
}

/**
 * Every way the ledgers disagree with the orders, as readable lines (empty when they agree):
 * fund (settlements, accumulations), account (entries, balances), channel (the fake's trades and
 * refunds), and the orders' own refunds.
 */
async function ledgerDifferences(payers: Payer[]): Promise<string[]> {
  const problems: string[] = [];
  const n = Number;
  const orders = await db.database.rows<OrderRow>(
    sql`select id, person_id, status, settlement_type, total_fen, fund_fen, account_fen, cash_fen, refunded_fen, settlement_id, transaction_id from payment.orders order by created_at`,
  );
  const refunds = await db.database.rows<{ id: string; order_id: string; amount_fen: number; cash_fen: number; settlement_fen: number; channel_refund_id: string | null }>(
    sql`select id, order_id, amount_fen, cash_fen, settlement_fen, channel_refund_id from payment.refunds`,
  );
  const settlements = await db.database.rows<{ id: string; reference: string; person_id: string; status: string; total_fen: number; fund_fen: number; account_fen: number; cash_fen: number; hifp: number; deductible: number }>(
    sql`select id, reference, person_id, status, total_fen, fund_fen, account_fen, cash_fen, (result->>'hifp_pay')::bigint as hifp, (result->>'act_pay_dedc')::bigint as deductible from settlement.settlements where institution_code = ${INSTITUTION}`,
  );
  const entries = await db.database.rows<{ person_id: string; kind: string; amount_fen: number; source_ref: string }>(sql`select person_id, kind, amount_fen, source_ref from collection.account_entries`);
  const accumulations = await db.database.rows<{ person_id: string; deductible_fen: number; fund_paid_fen: number }>(sql`select person_id, deductible_fen, fund_paid_fen from settlement.accumulations`);

  const orderIds = new Set(orders.map((o) => o.id));
  const settlementOf = new Map(settlements.map((s) => [s.reference, s]));
  const entryOf = new Map(entries.map((e) => [e.source_ref, e]));
  const channelRefunds = fakes.paychannel.refunds;

  for (const o of orders) {
    const say = (what: string) => problems.push(`${o.id} (${o.settlement_type} ${o.status}): ${what}`);
    const paid = o.status === 'paid';
    if (!TERMINAL.includes(o.status)) say('not in an end state');
    if (n(o.fund_fen) + n(o.account_fen) + n(o.cash_fen) !== n(o.total_fen)) say('the split does not add up to the total');

    // Fund ledger: a paid order's settlement in force with the order's split; anything else reversed or never made.
    const s = settlementOf.get(o.id);
    if (o.settlement_type === 'CASH' && s) say(`a CASH order was settled (${s.id})`);
    if (paid && o.settlement_type !== 'CASH') {
      if (!s) say('paid without a settlement');
      else {
        if (s.status !== 'settled') say(`paid but its settlement is ${s.status}`);
        if (s.id !== o.settlement_id) say(`the order names settlement ${o.settlement_id}, the settlement of its reference is ${s.id}`);
        if ([s.total_fen, s.fund_fen, s.account_fen, s.cash_fen].map(n).join() !== [o.total_fen, o.fund_fen, o.account_fen, o.cash_fen].map(n).join()) {
          say(`split ${[o.total_fen, o.fund_fen, o.account_fen, o.cash_fen].join('/')} differs from the settlement's ${[s.total_fen, s.fund_fen, s.account_fen, s.cash_fen].join('/')}`);
        }
      }
    }
    if (!paid && s && s.status !== 'reversed') say(`settlement ${s.id} still in force`);

    // Account ledger: the settlement's debit, and its reversal exactly when the settlement was reversed.
    if (s) {
      const debit = entryOf.get(`stl:${s.id}`);
      const reversal = entryOf.get(`stl:${s.id}:reversal`);
      if (n(s.account_fen) > 0 && n(debit?.amount_fen) !== -n(s.account_fen)) say(`account debit ${debit?.amount_fen} for an account part of ${s.account_fen}`);
      if (n(s.account_fen) === 0 && debit) say('an account debit for a settlement without an account part');
      const reversed = s.status === 'reversed' && n(s.account_fen) > 0;
      if (reversed && n(reversal?.amount_fen) !== n(s.account_fen)) say(`account reversal ${reversal?.amount_fen} for a reversed debit of ${s.account_fen}`);
      if (!reversed && reversal) say('an account reversal of a settlement in force');
    }

    // The order's refunds.
    const own = refunds.filter((r) => r.order_id === o.id);
    const refundedFen = own.reduce((sum, r) => sum + n(r.amount_fen), 0);
    if (refundedFen !== n(o.refunded_fen)) say(`refunded_fen ${o.refunded_fen}, its refunds add up to ${refundedFen}`);
    if (o.status === 'refunded' && n(o.refunded_fen) !== n(o.total_fen)) say('refunded in part only');
    if (!paid && o.status !== 'refunded' && own.length) say('refunds of an order never paid');
    for (const r of own) if (n(r.cash_fen) + n(r.settlement_fen) !== n(r.amount_fen)) say(`refund ${r.id} split does not add up`);

    // Channel ledger: the cash part paid once, less exactly the refunds' cash; nothing payable on an order that did not end paid.
    const trade = fakes.paychannel.trades.get(o.id);
    const cashRefunded = own.reduce((sum, r) => sum + n(r.cash_fen), 0);
    if (paid || o.status === 'refunded') {
      if (n(o.cash_fen) > 0) {
        if (!trade || (trade.tradeState !== 'SUCCESS' && trade.tradeState !== 'REFUND')) say(`the channel holds ${trade?.tradeState ?? 'no trade'} for the cash part`);
        else {
          if (trade.amountFen !== n(o.cash_fen)) say(`the channel took ${trade.amountFen}, the cash part is ${o.cash_fen}`);
          if (trade.transactionId !== o.transaction_id) say(`transaction ${o.transaction_id} is ${trade.transactionId} at the channel`);
          if (trade.refundedFen !== cashRefunded) say(`the channel refunded ${trade.refundedFen}, the refunds' cash is ${cashRefunded}`);
          if (o.status === 'refunded' && trade.refundedFen !== n(o.cash_fen)) say(`refunded, but the channel gave back ${trade.refundedFen} of ${o.cash_fen}`);
        }
      } else if (trade) say(`a trade (${trade.tradeState}) for an order without a cash part`);
    } else if (trade && !['CLOSED', 'PAYERROR'].includes(trade.tradeState)) say(`ended ${o.status}, but the channel holds ${trade.tradeState}`);
    for (const r of own) {
      const atChannel = channelRefunds.filter((f) => f.outRefundNo === r.id);
      const expected = n(r.cash_fen) > 0 ? 1 : 0;
      if (atChannel.length !== expected) say(`refund ${r.id} is at the channel ${atChannel.length} times`);
      else if (expected && (atChannel[0].amountFen !== n(r.cash_fen) || atChannel[0].refundId !== r.channel_refund_id)) {
        say(`refund ${r.id} of ${r.cash_fen} (${r.channel_refund_id}) is ${atChannel[0].amountFen} (${atChannel[0].refundId}) at the channel`);
      }
    }
  }

  // Nothing in a ledger that no order explains.
  for (const s of settlements) if (!orderIds.has(s.reference)) problems.push(`settlement ${s.id} of no order (${s.reference})`);
  for (const outTradeNo of fakes.paychannel.trades.keys()) if (!orderIds.has(outTradeNo)) problems.push(`channel trade ${outTradeNo} of no order`);
  for (const f of channelRefunds) if (!refunds.some((r) => r.id === f.outRefundNo)) problems.push(`channel refund ${f.outRefundNo} of ${f.amountFen} (order ${f.outTradeNo}) the platform does not know`);

  // In sum, to the fen: what the channel holds net is what the paid orders' cash parts less the refunded cash come to.
  const channelNet = [...fakes.paychannel.trades.values()].filter((t) => t.tradeState === 'SUCCESS' || t.tradeState === 'REFUND').reduce((sum, t) => sum + t.amountFen - t.refundedFen, 0);
  const ordersNet = orders
    .filter((o) => o.status === 'paid' || o.status === 'refunded')
    .reduce((sum, o) => sum + n(o.cash_fen) - refunds.filter((r) => r.order_id === o.id).reduce((s, r) => s + n(r.cash_fen), 0), 0);
  if (channelNet !== ordersNet) problems.push(`the channel holds ${channelNet} net, the orders' cash less refunds is ${ordersNet}`);

  // Per person: the account balance is the allocation less the paid orders' account parts; the year's
  // accumulations are exactly those of the settlements in force.
  for (const who of payers) {
    const own = orders.filter((o) => o.person_id === who.personId);
    const balance = entries.filter((e) => e.person_id === who.personId).reduce((sum, e) => sum + n(e.amount_fen), 0);
    const spent = own.filter((o) => o.status === 'paid').reduce((sum, o) => sum + n(o.account_fen), 0);
    if (balance !== who.allocationFen - spent) problems.push(`${who.personId}: balance ${balance}, allocated ${who.allocationFen} less paid account parts ${spent} is ${who.allocationFen - spent}`);
    const inForce = settlements.filter((s) => s.person_id === who.personId && s.status === 'settled');
    const ytd = accumulations.find((a) => a.person_id === who.personId);
    const fund = inForce.reduce((sum, s) => sum + n(s.hifp), 0);
    const deductible = inForce.reduce((sum, s) => sum + n(s.deductible), 0);
    if (n(ytd?.fund_paid_fen ?? 0) !== fund || n(ytd?.deductible_fen ?? 0) !== deductible) {
      problems.push(`${who.personId}: accumulations ${ytd?.deductible_fen}/${ytd?.fund_paid_fen} (deductible/fund), the settlements in force ${deductible}/${fund}`);
    }
  }
  return problems;
}
