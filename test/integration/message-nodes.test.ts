/**
 * 消息中心 across nodes and hours: two platform nodes on one database each run the worker, and every
 * message is handed to the gateway by exactly one of them; during quiet hours (here: the hours around
 * now, Beijing time) a non-urgent text waits until they end while a security alert goes at once.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/kernel/ids/index.js';
import { loginStaff, newPerson, randomIdNumber, randomName, randomPhone } from '../support/factories.js';
import { idempotencyKey, must } from '../support/payment.js';
import { startSecondNode, startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
const beijingHour = new Date(Date.now() + 8 * 3600_000).getUTCHours();
const quietEnd = (beijingHour + 2) % 24;

beforeAll(async () => {
  server = await startTestServer({
    env: { MESSAGE_QUIET_START_HOUR: String(beijingHour), MESSAGE_QUIET_END_HOUR: String(quietEnd), MESSAGE_WORKER_INTERVAL_MS: '100', MESSAGE_PER_RECIPIENT_PER_HOUR: '1000' },
  });
}, 120_000);

afterAll(async () => {
  await server?.close();
});

async function until(probe: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('quiet hours', () => {
  it('a non-urgent text waits until they end; a security alert and the in-site message go at once', async () => {
    const admin = (await loginStaff(server, 'nanyang_admin')).accessToken;
    const idNumber = randomIdNumber('411303');
    const name = randomName();
    const person = await must(server, 'POST', '/registry/persons', { idNumber, name, regionCode: '411303', category: 'resident' }, admin);
    const account = await newPerson(server, { idNumber, name });
    const send = (templateCode: string, params: Record<string, unknown>) =>
      server.api('POST', '/message/messages', { token: admin, headers: { 'idempotency-key': idempotencyKey() }, body: { templateCode, personIds: [person.id], params, channels: ['inbox', 'sms'] } });
    const bill = await send('bill.issued', { institution: '南阳市第一人民医院', billNumber: 'B1', total: 100 });
    expect(bill.status, JSON.stringify(bill.body)).toBe(201);
    const sms = bill.body.messages.find((m: { channel: string }) => m.channel === 'sms');
    // the end of quiet hours: today's or tomorrow's quietEnd:00 Beijing time, whichever comes first after now
    const now = Date.now();
    const beijingMidnight = Math.floor((now + 8 * 3600_000) / 86_400_000) * 86_400_000 - 8 * 3600_000;
    let end = beijingMidnight + quietEnd * 3600_000;
    if (end <= now) end += 86_400_000;
    expect(new Date(sms.notBefore).getTime()).toBe(end);
    expect(bill.body.messages.find((m: { channel: string }) => m.channel === 'inbox').status).toBe('delivered');

    const alert = await send('user.password_changed', {});
    const urgent = alert.body.messages.find((m: { channel: string }) => m.channel === 'sms');
    expect(new Date(urgent.notBefore).getTime()).toBeLessThanOrEqual(Date.now());
    await until(async () => server.fakes.sms.inbox(account.phone).some((m) => m.text?.includes('登录密码')), 'the security text');
    expect(server.fakes.sms.inbox(account.phone).some((m) => m.text?.includes('电子票据'))).toBe(false);
  });
});

describe('two nodes', () => {
  it.skipIf(!process.env.DATABASE_URL && process.env.TEST_DB === 'pglite')('each due message is handed to the gateway by exactly one node', async () => {
    if (!server.databaseUrl) return;
    const second = await startSecondNode(server);
    try {
      const { ctx } = server.platform;
      const batch = Array.from({ length: 120 }, () => {
        const phone = randomPhone();
        return {
          id: newId('msg'),
          idempotencyKey: `test:${randomInt(1e12)}`,
          accountId: newId('acc'),
          channel: 'sms',
          templateCode: 'bill.issued',
          templateVersion: 1,
          category: 'bill',
          urgent: true,
          locale: 'zh-CN',
          subject: '测试',
          body: `测试短信 ${phone}`,
          toEnc: ctx.fields.encrypt(phone),
          toMasked: '***',
          status: 'created',
        };
      });
      // in four waves, so that both nodes find due messages while the other is sending
      for (let i = 0; i < 4; i++) {
        const wave = batch.slice(i * 30, (i + 1) * 30);
        await ctx.database.rows(sql`insert into message.messages (id, idempotency_key, account_id, channel, template_code, template_version, category, urgent, locale, subject, body, to_enc, to_masked, status)
          select * from jsonb_to_recordset(${JSON.stringify(wave)}::jsonb) as x(id text, "idempotencyKey" text, "accountId" text, channel text, "templateCode" text, "templateVersion" int, category text, urgent boolean, locale text, subject text, body text, "toEnc" text, "toMasked" text, status text)`);
      }
      const ids = batch.map((m) => m.id);
      await until(async () => {
        const [row] = await ctx.database.rows<{ n: number }>(sql`select count(*)::int as n from message.messages where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) and status = 'delivered'`);
        return Number(row.n) === ids.length;
      }, 'every message delivered');
      const handed = server.fakes.sms.sent.filter((m) => ids.includes(m.reference.split('.')[0]));
      const perMessage = new Map<string, number>();
      for (const m of handed) perMessage.set(m.reference, (perMessage.get(m.reference) ?? 0) + 1);
      expect(perMessage.size).toBe(ids.length);
      expect([...perMessage.values()].every((n) => n === 1)).toBe(true);
      // the gateway's calls (duplicates included, which it would answer with the first providerRef): one per message
      const calls = server.fakes.sms.calls.filter((c) => c.path === '/v1/sms/messages' && ids.includes(String((c.body as { reference?: string })?.reference ?? '').split('.')[0]));
      expect(calls).toHaveLength(ids.length);
      const byNode = new Set(calls.map((c) => (c.body as { callbackUrl: string }).callbackUrl));
      console.log(`two nodes: ${ids.length} messages, callbacks to ${byNode.size} node(s)`);
    } finally {
      await second.stop();
    }
  }, 90_000);
});
