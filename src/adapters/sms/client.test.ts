import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, signedHeaders } from '../../../fakes/shared/http-helpers.js';
import { startReceiptSink, type ReceiptSink, type SunkRequest } from '../../../fakes/shared/receipt-sink.js';
import { startFakeSms, type FakeSms } from '../../../fakes/sms/server.js';
import { AdapterError, isPermanentFailure } from '../errors.js';
import { parseSignedReceipt } from '../receipts.js';
import { createMemoryNonceStore } from '../signing.js';
import { createSmsClient, type SmsClient } from './client.js';

const creds = { appId: 'yibao', secret: 'sms-secret' };
const phone = '13800138000';

describe('SMS adapter against the fake gateway', () => {
  let fake: FakeSms;
  let client: SmsClient;

  beforeAll(async () => {
    fake = await startFakeSms(creds);
    client = createSmsClient({ baseUrl: fake.url, ...creds });
  });
  afterAll(() => fake.close());
  afterEach(() => {
    fake.setLatency(0);
    fake.failNext(0);
    fake.tamperNextResponses(0);
  });

  it('sends a templated message that shows up in the inbox, newest first', async () => {
    const first = await client.send(phone, 'LOGIN_OTP', { code: '111111' });
    const second = await client.send(phone, 'LOGIN_OTP', { code: '222222' });
    await client.send('13900139000', 'LOGIN_OTP', { code: '333333' });

    const res = await rawRequest(fake.url, 'GET', `/v1/sms/inbox?phone=${phone}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      messages: [
        expect.objectContaining({ messageId: second.messageId, phone, template: 'LOGIN_OTP', params: { code: '222222' } }),
        expect.objectContaining({ messageId: first.messageId, params: { code: '111111' } }),
      ],
    });
    expect(fake.inbox(phone).map((m) => m.messageId)).toEqual([second.messageId, first.messageId]);
  });

  it('surfaces failNext as upstream_failure AdapterErrors, then recovers', async () => {
    fake.failNext(2);
    for (let i = 0; i < 2; i++) {
      const err = await client.send(phone, 'LOGIN_OTP', { code: '000000' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AdapterError);
      expect(err).toMatchObject({ party: 'sms', code: 'upstream_failure', status: 503, upstreamCode: 'gateway_unavailable' });
    }
    const before = fake.messages.length;
    await expect(client.send(phone, 'LOGIN_OTP', { code: '444444' })).resolves.toHaveProperty('messageId');
    expect(fake.messages.length).toBe(before + 1);
  });

  it('rejects an invalid phone number', async () => {
    await expect(client.send('12345', 'LOGIN_OTP', { code: '1' })).rejects.toMatchObject({
      code: 'rejected',
      status: 400,
      upstreamCode: 'invalid_phone',
    });
  });

  it('answers 401 to unsigned and replayed sends, delivering nothing', async () => {
    const body = { phone, template: 'LOGIN_OTP', params: { code: '999999' } };
    const before = fake.messages.length;
    expect(await rawRequest(fake.url, 'POST', '/v1/sms/send', { body })).toMatchObject({ status: 401, body: { code: 'missing' } });

    const { headers, bodyText } = signedHeaders(creds, 'POST', '/v1/sms/send', body);
    expect((await rawRequest(fake.url, 'POST', '/v1/sms/send', { body: bodyText, headers })).status).toBe(200);
    expect(await rawRequest(fake.url, 'POST', '/v1/sms/send', { body: bodyText, headers })).toMatchObject({
      status: 401,
      body: { code: 'replay' },
    });
    expect(fake.messages.length).toBe(before + 1);
  });

  it('throws bad_signature on a tampered response signature', async () => {
    fake.tamperNextResponses();
    await expect(client.send(phone, 'LOGIN_OTP', { code: '555555' })).rejects.toMatchObject({ code: 'bad_signature' });
  });

  it('throws timeout when the gateway is slow', async () => {
    fake.setLatency(500);
    const impatient = createSmsClient({ baseUrl: fake.url, ...creds, timeoutMs: 50 });
    await expect(impatient.send(phone, 'LOGIN_OTP', { code: '666666' })).rejects.toMatchObject({
      party: 'sms',
      code: 'timeout',
    });
  });
});

describe('SMS texts with delivery receipts against the fake gateway', () => {
  let fake: FakeSms;
  let client: SmsClient;
  let sink: ReceiptSink;
  const nonces = createMemoryNonceStore();
  const callbackPath = '/api/v1/message/receipts/sms?v=1';
  const receiptOf = (r: SunkRequest) =>
    parseSignedReceipt({ ...creds, method: r.method, path: r.path, headers: r.headers, rawBody: r.rawBody, nonceSeen: nonces.nonceSeen });

  beforeAll(async () => {
    [fake, sink] = await Promise.all([startFakeSms(creds), startReceiptSink()]);
    client = createSmsClient({ baseUrl: fake.url, ...creds });
  });
  afterAll(async () => {
    await Promise.all([fake.close(), sink.close()]);
  });
  afterEach(() => {
    fake.failNext(0);
    sink.answerWith(204);
  });

  it('sends a text whose signed receipt reaches the callback and which shows up in the inbox', async () => {
    const reference = `msg-${randomUUID()}`;
    const { providerRef } = await client.sendMessage({ phone: '+8613700137000', text: '【医保】您的缴费已到账', reference, callbackUrl: sink.url + callbackPath });
    expect(providerRef).toMatch(/.+/);

    const request = await sink.waitFor((r) => r.rawBody.includes(reference));
    expect(request).toMatchObject({ method: 'POST', path: callbackPath });
    const receipt = await receiptOf(request);
    expect(receipt).toEqual({ providerRef, reference, status: 'delivered', at: expect.any(String) });
    await fake.waitForReceipt(reference);
    expect(fake.inbox('13700137000')[0]).toMatchObject({ messageId: providerRef, text: '【医保】您的缴费已到账', reference, template: '' });
  });

  it('treats a repeated reference as the same text: same providerRef, delivered and reported once', async () => {
    const reference = `msg-${randomUUID()}`;
    const input = { phone: '13700137001', text: '同一条消息', reference, callbackUrl: sink.url + callbackPath };
    const first = await client.sendMessage(input);
    await fake.waitForReceipt(reference);
    const again = await client.sendMessage(input);
    expect(again.providerRef).toBe(first.providerRef);
    expect(fake.sent.filter((m) => m.reference === reference)).toHaveLength(1);
    expect(fake.inbox('13700137001').filter((m) => m.reference === reference)).toHaveLength(1);
    expect(sink.requests.filter((r) => r.rawBody.includes(reference))).toHaveLength(1);
  });

  it('reports the outcome chosen for a phone, for the given number of texts, and keeps failed texts off the handset', async () => {
    const phone = '13700137002';
    fake.outcomeFor(phone, 'permanent-failure', 1);
    const lost = `msg-${randomUUID()}`;
    const kept = `msg-${randomUUID()}`;
    await client.sendMessage({ phone, text: '第一条', reference: lost, callbackUrl: sink.url + callbackPath });
    await client.sendMessage({ phone, text: '第二条', reference: kept, callbackUrl: sink.url + callbackPath });
    expect((await fake.waitForReceipt(lost)).status).toBe('permanent-failure');
    expect(await receiptOf(await sink.waitFor((r) => r.rawBody.includes(lost)))).toMatchObject({ reference: lost, status: 'permanent-failure' });
    expect((await fake.waitForReceipt(kept)).status).toBe('delivered');
    expect(fake.inbox(phone).map((m) => m.reference)).toEqual([kept]);
  });

  it('sends a text again under its reference after a temporary failure, as a new attempt', async () => {
    const phone = '13700137003';
    const reference = `msg-${randomUUID()}`;
    fake.outcomeFor(phone, 'temporary-failure', 1);
    const first = await client.sendMessage({ phone, text: '重试', reference, callbackUrl: sink.url + callbackPath });
    expect((await fake.waitForReceipt(reference)).status).toBe('temporary-failure');
    const retry = await client.sendMessage({ phone, text: '重试', reference, callbackUrl: sink.url + callbackPath });
    expect(retry.providerRef).not.toBe(first.providerRef);
    await sink.waitFor((r) => r.rawBody.includes(retry.providerRef));
    expect(fake.inbox(phone).map((m) => m.messageId)).toEqual([retry.providerRef]);
  });

  it('posts the receipt again, freshly signed, until the callback acknowledges it', async () => {
    const reference = `msg-${randomUUID()}`;
    sink.answerWith(500);
    await client.sendMessage({ phone: '13700137004', text: '回执重发', reference, callbackUrl: sink.url + callbackPath });
    await sink.waitFor((r) => r.rawBody.includes(reference));
    sink.answerWith(204);
    const acknowledged = await fake.waitForReceipt(reference);
    expect(acknowledged.httpStatus).toBe(204);
    const posts = sink.requests.filter((r) => r.rawBody.includes(reference));
    expect(posts.length).toBeGreaterThanOrEqual(2);
    // Each attempt has its own nonce, so the platform's replay check accepts every one it has not seen.
    for (const post of posts) await expect(receiptOf(post)).resolves.toMatchObject({ reference, status: 'delivered' });
  });

  it('marks a refused phone permanent, and a gateway failure, a bad signature or a timeout not', async () => {
    const refused = await client.sendMessage({ phone: '12345', text: 'x', reference: randomUUID() }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'rejected', status: 400, upstreamCode: 'invalid_phone', permanent: true });
    expect(isPermanentFailure(refused)).toBe(true);

    fake.failNext(1);
    const down = await client.sendMessage({ phone, text: 'x', reference: randomUUID() }).catch((e: unknown) => e);
    expect(down).toMatchObject({ code: 'upstream_failure', status: 503 });
    expect(isPermanentFailure(down)).toBe(false);

    fake.tamperNextResponses(1);
    const forged = await client.sendMessage({ phone, text: 'x', reference: randomUUID() }).catch((e: unknown) => e);
    expect(forged).toMatchObject({ code: 'bad_signature' });
    expect(isPermanentFailure(forged)).toBe(false);

    fake.setLatency(300);
    try {
      const impatient = createSmsClient({ baseUrl: fake.url, ...creds, timeoutMs: 50 });
      const slow = await impatient.sendMessage({ phone, text: 'x', reference: randomUUID() }).catch((e: unknown) => e);
      expect(slow).toMatchObject({ code: 'timeout' });
      expect(isPermanentFailure(slow)).toBe(false);
    } finally {
      fake.setLatency(0);
    }
  });
});
