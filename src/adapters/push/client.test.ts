import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../../../fakes/shared/http-helpers.js';
import { startFakePush, type FakePush } from '../../../fakes/push/server.js';
import { startReceiptSink, type ReceiptSink, type SunkRequest } from '../../../fakes/shared/receipt-sink.js';
import { isPermanentFailure } from '../errors.js';
import { parseSignedReceipt } from '../receipts.js';
import { createMemoryNonceStore } from '../signing.js';
import { createPushClient, type PushClient } from './client.js';

const creds = { appId: 'yibao', secret: 'push-secret' };

describe('push adapter against the fake push service', () => {
  let fake: FakePush;
  let client: PushClient;
  let sink: ReceiptSink;
  const nonces = createMemoryNonceStore();
  const receiptOf = (r: SunkRequest) =>
    parseSignedReceipt({ ...creds, method: r.method, path: r.path, headers: r.headers, rawBody: r.rawBody, nonceSeen: nonces.nonceSeen });
  const send = (accountId: string, reference: string) =>
    client.send({ accountId, title: '缴费成功', body: '您的 2026 年度居民医保已缴费', reference, callbackUrl: `${sink.url}/receipts/push` });

  beforeAll(async () => {
    [fake, sink] = await Promise.all([startFakePush(creds), startReceiptSink()]);
    client = createPushClient({ baseUrl: fake.url, ...creds });
  });
  afterAll(async () => {
    await Promise.all([fake.close(), sink.close()]);
  });
  afterEach(() => {
    fake.setLatency(0);
  });

  it('pushes to an account’s devices once per reference, with a signed receipt', async () => {
    const accountId = randomUUID();
    const reference = randomUUID();
    const { providerRef } = await send(accountId, reference);
    expect((await send(accountId, reference)).providerRef).toBe(providerRef);
    expect(await receiptOf(await sink.waitFor((r) => r.rawBody.includes(reference)))).toEqual({ providerRef, reference, status: 'delivered', at: expect.any(String) });
    await fake.waitForReceipt(reference);
    const inbox = await rawRequest(fake.url, 'GET', `/v1/push/inbox?accountId=${accountId}`);
    expect(inbox.body).toEqual({ messages: [expect.objectContaining({ providerRef, accountId, title: '缴费成功', body: '您的 2026 年度居民医保已缴费' })] });
  });

  it('reports a permanent failure chosen for an account twice, then delivers again', async () => {
    const accountId = randomUUID();
    fake.outcomeFor(accountId, 'permanent-failure', 2);
    const refs = [randomUUID(), randomUUID(), randomUUID()];
    for (const ref of refs) await send(accountId, ref);
    const statuses = await Promise.all(refs.map(async (ref) => (await fake.waitForReceipt(ref)).status));
    expect(statuses).toEqual(['permanent-failure', 'permanent-failure', 'delivered']);
    expect(fake.inbox(accountId).map((m) => m.reference)).toEqual([refs[2]]);
  });

  it('marks an account without devices permanent and a timeout not', async () => {
    const accountId = randomUUID();
    fake.unregister(accountId);
    const noDevice = await send(accountId, randomUUID()).catch((e: unknown) => e);
    expect(noDevice).toMatchObject({ party: 'push', code: 'rejected', upstreamCode: 'no_device' });
    expect(isPermanentFailure(noDevice)).toBe(true);

    fake.setLatency(300);
    const impatient = createPushClient({ baseUrl: fake.url, ...creds, timeoutMs: 50 });
    const slow = await impatient.send({ accountId: randomUUID(), title: 't', body: 'b', reference: randomUUID() }).catch((e: unknown) => e);
    expect(slow).toMatchObject({ party: 'push', code: 'timeout' });
    expect(isPermanentFailure(slow)).toBe(false);
  });
});
