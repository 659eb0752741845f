// 消息中心 bench scenarios: notices accepted through `send` (the console's POST /messages), and texts
// delivered through the SMS gateway by the platform's own worker, against the gateway's own rate.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { createSmsClient } from '../src/adapters/sms/client.js';
import { maskPhone } from '../src/kernel/crypto/index.js';
import { newId } from '../src/kernel/ids/index.js';
import { loginStaff, newPerson, randomIdNumber, randomName, randomPhone } from '../test/support/factories.js';
import type { TestServer } from '../test/support/server.js';
import { costMeter } from './cost.js';
import { log, type Scenario, type Timing } from './measure.js';

/** Texts each delivery run hands over (BENCH_MESSAGES): enough for several seconds of the worker's work. */
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 5000);
/** Texts of each warm-up (discarded): connections opened, code compiled. */
const WARMUP = Math.min(200, MESSAGES);
/** The worker claims 50 due messages at a time and hands them over at once (worker.ts `sendDue`). */
const CONCURRENCY = 50;

const INSTITUTION = '南阳市第一人民医院';
/** what bill.issued renders to in Chinese, so that both runs send texts of the real length */
const SUBJECT = '医疗收费电子票据已开具';
const TEXT = `${INSTITUTION}已为您开具医疗收费电子票据（票据号码4113000012345678），金额¥14,450.00，可在“我的票据”查看和下载。`;

/** Forgets the fake gateway's calls of the previous run (its record of sends is indexed by reference, so a long book costs nothing). */
function freshBook(server: TestServer) {
  server.fakes.sms.clearCalls();
}

/**
 * Baseline: the gateway's own rate. `count` signed sends straight through the SMS adapter (the one
 * the worker uses) to the fake gateway the test server started, `CONCURRENCY` in flight at all
 * times; no callback URL, so no receipts come back to the platform.
 */
async function sendStraight(server: TestServer, count: number, tag: string): Promise<Timing> {
  freshBook(server);
  const p = server.platform.ctx.config.providers;
  const sms = createSmsClient({ baseUrl: server.fakes.sms.url, appId: p.smsAppId, secret: p.smsSecret });
  const phones = Array.from({ length: count }, () => randomPhone());
  const latenciesMs: number[] = [];
  let errors = 0;
  let next = 0;
  const spent = costMeter();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const i = next++;
        const sentAt = performance.now();
        try {
          await sms.sendMessage({ phone: phones[i], text: `【医保】${TEXT}`, reference: `bench-${tag}-${i}.1` });
          latenciesMs.push(performance.now() - sentAt);
        } catch (error) {
          if (!errors) log(`  sms baseline: ${error instanceof Error ? error.message : String(error)}`);
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { operations: latenciesMs.length, seconds, latenciesMs, errors, cost: spent() };
}

/**
 * Measured: `count` texts queued for SMS at once (written straight into the table as
 * test/integration/message-nodes.test.ts does: each to its own account so the hourly rate holds none
 * back, urgent so quiet hours do not), then the time until the last is `delivered`, i.e. its signed
 * receipt came back from the gateway and the platform took it. The clock starts when the insert has
 * committed (one statement: the worker sees all of them or none) and stops at the last receipt
 * acknowledged; each message's latency is queued → its receipt acknowledged.
 */
async function deliverByWorker(server: TestServer, count: number, tag: string): Promise<Timing> {
  freshBook(server);
  const { ctx } = server.platform;
  const rows = Array.from({ length: count }, (_, i) => {
    const phone = randomPhone();
    return {
      id: newId('msg'),
      idempotencyKey: `bench:${tag}:${i}`,
      accountId: newId('acc'),
      channel: 'sms',
      templateCode: 'bill.issued',
      templateVersion: 1,
      category: 'bill',
      urgent: true,
      locale: 'zh-CN',
      subject: SUBJECT,
      body: TEXT,
      toEnc: ctx.fields.encrypt(phone),
      toMasked: maskPhone(phone),
      status: 'created',
    };
  });
  const ids = new Set(rows.map((r) => r.id));
  const receipts = server.fakes.sms.receipts;
  let seen = receipts.length;
  await ctx.database.rows(sql`insert into message.messages (id, idempotency_key, account_id, channel, template_code, template_version, category, urgent, locale, subject, body, to_enc, to_masked, status)
    select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id text, "idempotencyKey" text, "accountId" text, channel text, "templateCode" text, "templateVersion" int, category text, urgent boolean, locale text, subject text, body text, "toEnc" text, "toMasked" text, status text)`);
  const spent = costMeter();
  // the worker finds them on its next look, at most MESSAGE_WORKER_INTERVAL_MS (20 ms) later
  const queuedAt = Date.now();

  // Receipts are watched in the fake (in this process), so that waiting adds no statement to the count.
  const latenciesMs: number[] = [];
  const deadline = queuedAt + Math.max(120_000, count * 50);
  let last = queuedAt;
  while (latenciesMs.length < count && Date.now() < deadline) {
    for (; seen < receipts.length; seen++) {
      const receipt = receipts[seen];
      if (!receipt.acknowledged || !ids.has(receipt.reference.replace(/\.\d+$/, ''))) continue;
      latenciesMs.push(receipt.at - queuedAt);
      last = Math.max(last, receipt.at);
    }
    if (latenciesMs.length < count) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const cost = spent();
  const seconds = (last - queuedAt) / 1000;

  // An acknowledged receipt is one the platform answered 2xx; the rows say whether it took them.
  const statuses = await ctx.database.rows<{ status: string; n: number }>(
    sql`select status, count(*)::int as n from message.messages where id = any(${`{${[...ids].join(',')}}`}::text[]) group by status`,
  );
  const delivered = Number(statuses.find((s) => s.status === 'delivered')?.n ?? 0);
  if (delivered < count) log(`  ${tag}: ${delivered} of ${count} delivered: ${JSON.stringify(statuses)}`);
  return { operations: Math.min(delivered, latenciesMs.length), seconds, latenciesMs, errors: count - Math.min(delivered, latenciesMs.length), cost };
}

export const MESSAGE_SCENARIOS: Scenario[] = [
  {
    name: 'message-send',
    summary: 'POST /api/v1/message/messages — a city admin sends bill.issued to a person of 南阳 in the inbox, each request a fresh Idempotency-Key; rps = messages accepted per second',
    async setup(server) {
      const admin = (await loginStaff(server, 'nanyang_admin')).accessToken;
      const idNumber = randomIdNumber('411302');
      const name = randomName();
      const person = await server.api('POST', '/registry/persons', { token: admin, body: { idNumber, name, regionCode: '411302', category: 'resident' } });
      if (person.status !== 201) throw new Error(`registry person: ${person.status} ${JSON.stringify(person.body)}`);
      // the person's account: the notice goes to the accounts of the registry person's identity number
      await newPerson(server, { idNumber, name });
      return {
        path: '/api/v1/message/messages',
        method: 'POST',
        headers: { authorization: `Bearer ${admin}` },
        bodies: [{ templateCode: 'bill.issued', personIds: [person.body.id], params: { institution: INSTITUTION, billNumber: '4113000012345678', total: 1_445_000 }, channels: ['inbox'] }],
        setupRequest: fileURLToPath(new URL('./message-send-request.cjs', import.meta.url)),
      };
    },
  },
  {
    name: 'message-deliver',
    summary: `texts queued for SMS delivered by the platform's worker (handed to the fake gateway, signed receipts back) against the gateway's own rate; rps = texts delivered per second, ${MESSAGES} a run`,
    // the worker looks for due messages every 20 ms instead of every second: the run measures its sending, not its wait
    env: { MESSAGE_WORKER_INTERVAL_MS: '20' },
    async timed(server) {
      log(`  baseline: ${MESSAGES} signed sends straight to the SMS gateway, ${CONCURRENCY} at a time (after ${WARMUP} to warm up)`);
      await sendStraight(server, WARMUP, 'warmup');
      const baseline = await sendStraight(server, MESSAGES, 'baseline');
      log(`  message-deliver: ${MESSAGES} texts queued for the worker (after ${WARMUP} to warm up)`);
      await deliverByWorker(server, WARMUP, 'warmup');
      const measured = await deliverByWorker(server, MESSAGES, 'measured');
      return { baseline, measured };
    },
  },
];
