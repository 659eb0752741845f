/**
 * 消息中心: business events become messages by the push rules, once however often the event is
 * delivered; the in-site message is there at once and the SMS follows only while it stays unread;
 * providers are real HTTP fakes that report delivery with signed receipts, and mail goes over real
 * SMTP; a temporary failure is tried again, a permanent one is not; preferences, the hourly rate per
 * recipient, template and parameter checks, and who may read what.
 */
import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as registry from '../../src/centers/registry/index.js';
import * as user from '../../src/centers/user/index.js';
import { newPerson, loginStaff, randomIdNumber, randomName } from '../support/factories.js';
import { confirmOrder, DOMAIN_LINES, idempotencyKey, INSTITUTION, must, newPayer, paymentCast, signedPost, VISIT_DATE, voucherCode, type PaymentCast, type Payer } from '../support/payment.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let cast: PaymentCast;
let admin: string;

/** the Beijing hour two hours from now: quiet hours that start then are not in force during the test */
const quietStart = (new Date(Date.now() + 8 * 3600_000).getUTCHours() + 2) % 24;

beforeAll(async () => {
  server = await startTestServer({
    env: {
      MESSAGE_RETRY_BASE_MS: '50',
      MESSAGE_FALLBACK_AFTER_SEC: '3',
      MESSAGE_PER_RECIPIENT_PER_HOUR: '6',
      MESSAGE_WORKER_INTERVAL_MS: '100',
      MESSAGE_QUIET_START_HOUR: String(quietStart),
      MESSAGE_QUIET_END_HOUR: String((quietStart + 1) % 24),
    },
  });
  cast = await paymentCast(server, '消息');
  admin = (await loginStaff(server, 'nanyang_admin')).accessToken;
}, 120_000);

afterAll(async () => {
  await server?.close();
});

/** waits for a condition the platform reaches by itself (the worker, a receipt), without sleeping blind */
async function until<T>(probe: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const dispatch = async () => {
  while ((await server.platform.ctx.outbox.dispatchOnce()) > 0);
};

interface MessageRow {
  id: string;
  channel: string;
  status: string;
  attempts: number;
  idempotency_key: string;
  not_before: Date;
  account_id: string;
  failure: string | null;
}
const messagesOf = (accountId: string) =>
  server.platform.ctx.database.rows<MessageRow>(sql`select * from message.messages where account_id = ${accountId} order by created_at, channel`);
const messageById = async (id: string) => (await server.platform.ctx.database.rows<MessageRow>(sql`select * from message.messages where id = ${id}`))[0];

/** a registry person of 卧龙区 with a person account: who a clerk's notice reaches */
async function recipient() {
  const idNumber = randomIdNumber('411303');
  const name = randomName();
  const person = await must(server, 'POST', '/registry/persons', { idNumber, name, regionCode: '411303', category: 'resident' }, admin);
  const account = await newPerson(server, { idNumber, name });
  return { personId: person.id as string, ...account };
}

const notice = (personIds: string[], channels: string[], params: Record<string, unknown> = { institution: '南阳市第一人民医院', billNumber: 'B0001', total: 12345 }, key = idempotencyKey(), templateCode = 'bill.issued') =>
  server.api('POST', '/message/messages', { token: admin, headers: { 'idempotency-key': key }, body: { templateCode, personIds, params, channels } });

async function paidOrder(payer: Payer) {
  const created = await signedPost(
    server,
    cast.hospital,
    '/payment/orders',
    { code: await voucherCode(server, payer, cast.hospital), insuranceType: '310', institutionCode: INSTITUTION, visit: { kind: 'outpatient', date: VISIT_DATE }, lines: DOMAIN_LINES, settlementType: 'ALL', orderReference: `ORD${randomInt(1e12)}` },
    idempotencyKey(),
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const confirmed = await confirmOrder(server, payer, created.body.id);
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  // the cash part is paid at the channel, whose notice ends the order as paid
  if (confirmed.body.status === 'paying') expect((await server.fakes.paychannel.pay(created.body.id)).delivered).toBe(true);
  return confirmed.body as { totalFen: number };
}

describe('an event through the push rules', () => {
  let payer: Payer;
  let accountId: string;
  let phone: string;

  beforeAll(async () => {
    payer = await newPayer(server, cast);
    const person = await registry.getPerson(server.platform.ctx, payer.personId);
    [accountId] = await user.personAccountIds(server.platform.ctx, person!.idNumber);
    phone = (await user.contactsOf(server.platform.ctx, [accountId])).get(accountId)!.phone!;
  }, 60_000);

  it('a confirmed payment puts a message in the payer’s inbox, once even when the event is delivered again', async () => {
    const before = (await server.api('GET', '/message/inbox/unread-count', { token: payer.token })).body.count;
    const order = await paidOrder(payer);
    await dispatch();
    const inbox = await server.api('GET', '/message/inbox?unread=true', { token: payer.token });
    expect(inbox.status).toBe(200);
    const paid = inbox.body.items.find((m: { subject: string }) => m.subject === '医保移动支付成功');
    expect(paid, JSON.stringify(inbox.body)).toBeTruthy();
    const total = order.totalFen;
    expect(paid.body).toContain(`¥${(total / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
    expect(paid.body).toContain('南阳市第一人民医院');
    expect((await server.api('GET', '/message/inbox/unread-count', { token: payer.token })).body.count).toBe(before + 1);

    // the delivery comes again (a node died before recording it): nothing is sent twice
    const rows = await messagesOf(accountId);
    const eventKey = rows.find((r) => r.id === paid.id)!.idempotency_key.split(':').slice(0, 2).join(':');
    await server.platform.ctx.database.rows(sql`update kernel.outbox_deliveries set status = 'pending' where subscriber = 'message.payment.order_event' and event_id = ${Number(eventKey.split(':')[1])}`);
    await dispatch();
    const again = await messagesOf(accountId);
    expect(again.filter((r) => r.idempotency_key.startsWith(`${eventKey}:`))).toHaveLength(rows.filter((r) => r.idempotency_key.startsWith(`${eventKey}:`)).length);
    expect((await server.api('GET', '/message/inbox/unread-count', { token: payer.token })).body.count).toBe(before + 1);
  });

  it('unread, the SMS follows after the wait and is delivered by the gateway’s signed receipt; read in time, it is not sent', async () => {
    await paidOrder(payer);
    await dispatch();
    const unreadPaid = (await messagesOf(accountId)).filter((r) => r.status !== 'cancelled');
    const sms = unreadPaid.filter((r) => r.channel === 'sms').at(-1)!;
    expect(sms, 'the fallback SMS is planned').toBeTruthy();
    const delivered = await until(async () => {
      const row = await messageById(sms.id);
      return row.status === 'delivered' && row;
    }, 'the fallback SMS to be delivered');
    expect(delivered.attempts).toBe(1);
    expect(server.fakes.sms.inbox(phone).some((m) => m.text?.includes('医疗费用'))).toBe(true);

    // another payment, read at once: its SMS step is cancelled and never reaches the gateway
    await paidOrder(payer);
    await dispatch();
    const fresh = (await server.api('GET', '/message/inbox?unread=true', { token: payer.token })).body.items[0];
    expect((await server.api('POST', `/message/inbox/${fresh.id}/read`, { token: payer.token })).status).toBe(200);
    const key = (await messageById(fresh.id)).idempotency_key;
    const [step] = (await messagesOf(accountId)).filter((r) => r.idempotency_key === key && r.channel === 'sms');
    expect(step.status).toBe('cancelled');
    expect(server.fakes.sms.sent.some((m) => m.reference.startsWith(`${step.id}.`))).toBe(false);
  });
});

describe('sending through the providers', () => {
  it('a temporary failure is tried again and then delivered; a permanent one is not tried again', async () => {
    const [a, b] = await Promise.all([recipient(), recipient()]);
    server.fakes.sms.outcomeFor(a.phone, 'temporary-failure', 1);
    server.fakes.sms.outcomeFor(b.phone, 'permanent-failure', 1);
    const sentA = await notice([a.personId], ['sms']);
    const sentB = await notice([b.personId], ['sms']);
    expect(sentA.status, JSON.stringify(sentA.body)).toBe(201);
    const [idA, idB] = [sentA.body.messages[0].id, sentB.body.messages[0].id];
    const retried = await until(async () => {
      const row = await messageById(idA);
      return row.status === 'delivered' && row;
    }, 'the retried SMS');
    expect(retried.attempts).toBe(2);
    const failed = await until(async () => {
      const row = await messageById(idB);
      return row.status === 'permanent-failure' && row;
    }, 'the permanent failure');
    expect(failed.attempts).toBe(1);
    // the worker's passes after the failure (another message is sent meanwhile) leave it alone
    const later = (await notice([a.personId], ['sms'])).body.messages[0].id;
    await until(async () => (await messageById(later)).status === 'delivered', 'a later SMS');
    expect((await messageById(idB)).attempts).toBe(1);
    expect(server.fakes.sms.sent.filter((m) => m.reference.startsWith(`${idB}.`))).toHaveLength(1);
    expect(server.fakes.sms.sent.filter((m) => m.reference.startsWith(`${idA}.`)).map((m) => m.reference)).toEqual([`${idA}.1`, `${idA}.2`]);
  });

  it('a gateway that does not answer is a technical failure, tried again', async () => {
    const c = await recipient();
    server.fakes.sms.failNext(1);
    const sent = await notice([c.personId], ['sms']);
    const row = await until(async () => {
      const r = await messageById(sent.body.messages[0].id);
      return r.status === 'delivered' && r;
    }, 'the SMS after the gateway’s 503');
    expect(row.attempts).toBe(2);
  });

  it('an e-mail goes over real SMTP with the template’s subject, a placeholder’s HTML escaped in the HTML part', async () => {
    const d = await recipient();
    const email = `p${randomInt(1e9)}@example.cn`;
    await server.platform.ctx.database.rows(sql`update "user".accounts set email = ${email} where id = ${d.accountId}`);
    const sent = await notice([d.personId], ['email'], { institution: '<img src=x onerror=alert(1)>医院', billNumber: 'B0002', total: 1445000 });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const mail = await server.fakes.smtp.waitFor((m) => m.to.includes(email), 15_000);
    expect(mail.subject).toBe('医疗收费电子票据已开具');
    expect(mail.text).toContain('¥14,450.00');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;医院');
    expect(mail.html).not.toContain('<img');
    await until(async () => (await messageById(sent.body.messages[0].id)).status === 'delivered', 'the e-mail marked delivered');
  });

  it('a recipient gets at most the hourly number of non-urgent texts; the rest wait for the next hour', async () => {
    const e = await recipient();
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push((await notice([e.personId], ['sms'])).body.messages[0].id);
    await until(async () => {
      const rows = await Promise.all(ids.map(messageById));
      return rows.filter((r) => r.status === 'delivered').length === 6 && rows.filter((r) => r.status === 'created').length === 2;
    }, 'six delivered and two waiting');
    const waiting = (await Promise.all(ids.map(messageById))).filter((r) => r.status === 'created');
    const nextHour = (Math.floor(Date.now() / 3600_000) + 1) * 3600_000;
    for (const row of waiting) expect(new Date(row.not_before).getTime()).toBe(nextHour);
  });
});

describe('what a person controls', () => {
  it('an opted-out category is not sent; a mandatory one cannot be switched off and is sent', async () => {
    const f = await recipient();
    const off = await server.api('PUT', '/message/preferences', { token: f.accessToken, body: { categories: { bill: false } } });
    expect(off.status).toBe(200);
    expect(off.body.categories.find((c: { category: string }) => c.category === 'bill').enabled).toBe(false);
    const refused = await server.api('PUT', '/message/preferences', { token: f.accessToken, body: { categories: { security: false } } });
    expect(refused.status).toBe(422);
    expect(refused.body.field).toBe('categories/security');
    const unknown = await server.api('PUT', '/message/preferences', { token: f.accessToken, body: { categories: { nonsense: true } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.field).toContain('nonsense');

    const bill = await notice([f.personId], ['inbox', 'sms']);
    expect(bill.status).toBe(201);
    expect(bill.body.messages).toEqual([]);
    const security = await notice([f.personId], ['inbox'], {}, idempotencyKey(), 'user.password_changed');
    expect(security.body.messages).toHaveLength(1);
    const inbox = await server.api('GET', '/message/inbox', { token: f.accessToken });
    expect(inbox.body.items.map((m: { subject: string }) => m.subject)).toEqual(['登录密码已修改']);
  });

  it('the same Idempotency-Key sends nothing twice and answers the first result', async () => {
    const g = await recipient();
    const key = idempotencyKey();
    const first = await notice([g.personId], ['inbox'], undefined, key);
    const second = await notice([g.personId], ['inbox'], undefined, key);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(await messagesOf(g.accountId)).toHaveLength(1);
  });

  it('a person cannot read or mark another person’s message; read-all leaves nothing unread', async () => {
    const [h, i] = await Promise.all([recipient(), recipient()]);
    const sent = await notice([h.personId], ['inbox']);
    const id = sent.body.messages[0].id;
    expect((await server.api('GET', `/message/inbox/${id}`, { token: i.accessToken })).status).toBe(404);
    expect((await server.api('POST', `/message/inbox/${id}/read`, { token: i.accessToken })).status).toBe(404);
    expect((await server.api('GET', `/message/inbox/${id}`, { token: h.accessToken })).body.readAt).toBeNull();
    expect((await server.api('POST', '/message/inbox/read-all', { token: h.accessToken })).body.read).toBe(1);
    expect((await server.api('GET', '/message/inbox/unread-count', { token: h.accessToken })).body.count).toBe(0);
    expect((await server.api('GET', '/message/log', { token: h.accessToken })).status).toBe(403);
  });
});

describe('templates and the log', () => {
  it('a template must declare what it uses and use what it declares; a send must fill exactly its placeholders', async () => {
    const base = { code: `notice.t${randomInt(1e6)}`, channel: 'inbox', category: 'notice', placeholders: [{ name: 'date', type: 'date' }], subjectZh: '停机维护', subjectEn: 'Maintenance', bodyZh: '{{date}} 停机维护', bodyEn: 'Down for maintenance on {{date}}' };
    const undeclared = await server.api('POST', '/message/templates', { token: admin, body: { ...base, bodyZh: '{{date}} {{hour}} 停机维护' } });
    expect(undeclared.status).toBe(400);
    expect(undeclared.body.field).toBe('bodyZh');
    const created = await server.api('POST', '/message/templates', { token: admin, body: base });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.version).toBe(1);
    const next = await server.api('POST', '/message/templates', { token: admin, body: { ...base, bodyZh: '{{date}} 系统升级' } });
    expect(next.body.version).toBe(2);

    const j = await recipient();
    const missing = await notice([j.personId], ['inbox'], {}, idempotencyKey(), base.code);
    expect(missing.status).toBe(400);
    expect(missing.body.field).toBe('params/date');
    const extra = await notice([j.personId], ['inbox'], { date: '2026-12-31', x: '1' }, idempotencyKey(), base.code);
    expect(extra.body.field).toBe('params/x');
    const sent = await notice([j.personId], ['inbox'], { date: '2026-12-31' }, idempotencyKey(), base.code);
    expect(sent.status).toBe(201);
    const [row] = await server.platform.ctx.database.rows<{ template_version: number; body: string }>(sql`select template_version, body from message.messages where id = ${sent.body.messages[0].id}`);
    expect(row).toEqual({ template_version: 2, body: '2026-12-31 系统升级' });
  });

  it('the log masks recipients and keeps to the caller’s regions', async () => {
    const k = await recipient();
    const sent = await notice([k.personId], ['sms']);
    await until(async () => (await messageById(sent.body.messages[0].id)).status === 'delivered', 'the SMS');
    const log = await server.api('GET', '/message/log?channel=sms&pageSize=100', { token: admin });
    expect(log.status).toBe(200);
    const entry = log.body.items.find((m: { id: string }) => m.id === sent.body.messages[0].id);
    expect(entry.recipient).toBe(`${k.phone.slice(0, 3)}****${k.phone.slice(-4)}`);
    expect(JSON.stringify(log.body)).not.toContain(k.phone);
    const province = (await loginStaff(server, 'province_admin')).accessToken;
    const stats = await server.api('GET', `/message/stats?from=${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)}&to=${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)}`, { token: province });
    expect(stats.status).toBe(200);
    expect(stats.body.channels.find((c: { channel: string }) => c.channel === 'sms').delivered[0]).toBeGreaterThanOrEqual(1);
    // a clerk of another city does not see 南阳's messages
    const zz = await import('../support/factories.js').then((f) => f.zhengzhouAdmin(server));
    const other = await server.api('GET', '/message/log?channel=sms&pageSize=100', { token: zz });
    expect(other.body.items.find((m: { id: string }) => m.id === sent.body.messages[0].id)).toBeUndefined();
  });

  it('a receipt that is not signed by the provider is refused and changes nothing', async () => {
    const forged = await server.api('POST', '/message/receipts/sms', { body: { providerRef: 'x', reference: 'msg_x.1', status: 'delivered', at: new Date().toISOString() } });
    expect(forged.status).toBe(401);
  });
});
