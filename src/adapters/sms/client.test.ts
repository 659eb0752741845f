import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, signedHeaders } from '../../../fakes/shared/http-helpers.js';
import { startFakeSms, type FakeSms } from '../../../fakes/sms/server.js';
import { AdapterError } from '../errors.js';
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
