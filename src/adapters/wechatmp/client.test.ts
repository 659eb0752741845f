import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../../../fakes/shared/http-helpers.js';
import { startReceiptSink, type ReceiptSink, type SunkRequest } from '../../../fakes/shared/receipt-sink.js';
import { startFakeWechatMp, type FakeWechatMp } from '../../../fakes/wechatmp/server.js';
import { isPermanentFailure } from '../errors.js';
import { parseSignedReceipt } from '../receipts.js';
import { createMemoryNonceStore } from '../signing.js';
import { createWechatMpClient, type WechatMpClient } from './client.js';

const creds = { appId: 'yibao', secret: 'wechatmp-secret' };
const openId = 'oYibao_follower_000000000001';

describe('WeChat MP template-message adapter against the fake official account', () => {
  let fake: FakeWechatMp;
  let client: WechatMpClient;
  let sink: ReceiptSink;
  const nonces = createMemoryNonceStore();
  const receiptOf = (r: SunkRequest, secret = creds.secret) =>
    parseSignedReceipt({ appId: creds.appId, secret, method: r.method, path: r.path, headers: r.headers, rawBody: r.rawBody, nonceSeen: nonces.nonceSeen });
  const send = (reference: string, to = openId) =>
    client.send({ openId: to, templateId: 'PAYMENT_PAID', data: { amount: '¥120.00', time: '2026-12-07 10:00' }, reference, callbackUrl: `${sink.url}/receipts/wechat` });

  beforeAll(async () => {
    [fake, sink] = await Promise.all([startFakeWechatMp(creds), startReceiptSink()]);
    client = createWechatMpClient({ baseUrl: fake.url, ...creds });
  });
  afterAll(async () => {
    await Promise.all([fake.close(), sink.close()]);
  });
  afterEach(() => fake.failNext(0));

  it('sends a template message: the follower gets it once, the receipt is signed with the account’s secret', async () => {
    const reference = randomUUID();
    const first = await send(reference);
    const request = await sink.waitFor((r) => r.rawBody.includes(reference));
    expect(request.path).toBe('/receipts/wechat');
    expect(await receiptOf(request)).toEqual({ providerRef: first.providerRef, reference, status: 'delivered', at: expect.any(String) });
    // Signed by this party and no other: another secret does not verify it.
    await expect(receiptOf(request, 'some-other-secret')).rejects.toMatchObject({ reason: 'bad_signature' });

    expect((await send(reference)).providerRef).toBe(first.providerRef);
    const inbox = await rawRequest(fake.url, 'GET', `/v1/wechatmp/inbox?openId=${openId}`);
    expect(inbox.body).toEqual({
      messages: [expect.objectContaining({ providerRef: first.providerRef, reference, templateId: 'PAYMENT_PAID', data: { amount: '¥120.00', time: '2026-12-07 10:00' } })],
    });
  });

  it('reports the outcome chosen for an openId in the receipt', async () => {
    const other = 'oYibao_follower_000000000002';
    fake.outcomeFor(other, 'temporary-failure');
    const reference = randomUUID();
    await send(reference, other);
    expect(await receiptOf(await sink.waitFor((r) => r.rawBody.includes(reference)))).toMatchObject({ status: 'temporary-failure' });
    fake.outcomeFor(other, 'delivered');
    const next = randomUUID();
    await send(next, other);
    expect((await fake.waitForReceipt(next)).status).toBe('delivered');
    expect(fake.inbox(other).map((m) => m.reference)).toEqual([next]);
  });

  it('marks an invalid or unfollowed openId permanent and an unavailable platform not', async () => {
    const invalid = await send(randomUUID(), 'not an openid').catch((e: unknown) => e);
    expect(invalid).toMatchObject({ party: 'wechatmp', code: 'rejected', upstreamCode: 'invalid_openid' });
    expect(isPermanentFailure(invalid)).toBe(true);

    const gone = 'oYibao_follower_000000000003';
    fake.unfollow(gone);
    const unfollowed = await send(randomUUID(), gone).catch((e: unknown) => e);
    expect(unfollowed).toMatchObject({ code: 'rejected', status: 400, upstreamCode: 'user_not_followed' });
    expect(isPermanentFailure(unfollowed)).toBe(true);

    fake.failNext(1);
    const busy = await send(randomUUID()).catch((e: unknown) => e);
    expect(busy).toMatchObject({ code: 'upstream_failure', status: 503 });
    expect(isPermanentFailure(busy)).toBe(false);
  });

  it('answers 401 to a send signed with the wrong secret, as unauthorized and not permanent', async () => {
    const wrong = createWechatMpClient({ baseUrl: fake.url, appId: creds.appId, secret: 'wrong' });
    const err = await wrong.send({ openId, templateId: 'T', data: {}, reference: randomUUID() }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'unauthorized', status: 401 });
    expect(isPermanentFailure(err)).toBe(false);
  });
});
