/**
 * No secret in the server log: the request log writes every URL, so the QR image of a voucher code
 * is fetched by the code's id (the route that took the code itself is gone), the scan-to-login
 * poll token travels in a header, and whatever credential still comes in a URL (an old client, a
 * liveness bizToken in its path) is masked. The log the server really writes is read and scanned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPayer, paymentCast, type PaymentCast } from '../support/payment.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let cast: PaymentCast;
/** every line the server logged since it started listening */
const logged: string[] = [];
const log = () => logged.join('');

beforeAll(async () => {
  // The log's destination is this test: every line the server writes, kept instead of printed.
  server = await startTestServer({ env: { LOG_LEVEL: 'info' }, logStream: { write: (line: string) => logged.push(line) } });
  cast = await paymentCast(server, '日志脱敏');
});
afterAll(() => server?.close());

describe('the request log', () => {
  it('never shows a voucher code: the QR image is fetched by the code id, and the route that took the code is gone', async () => {
    const alice = await newPayer(server, cast);
    const bob = await newPayer(server, cast);
    const generated = await server.api('POST', '/voucher/codes', { token: alice.token, body: { channelAppId: cast.hospital.appId } });
    expect(generated.status, JSON.stringify(generated.body)).toBe(201);
    const { code, codeId } = generated.body as { code: string; codeId: string };

    const image = await server.api('GET', `/voucher/codes/${codeId}/qr`, { token: alice.token });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toContain('image/svg+xml');
    expect(String(image.body)).toContain('<svg');
    // Only the holder's own codes.
    expect((await server.api('GET', `/voucher/codes/${codeId}/qr`, { token: bob.token })).status).toBe(404);

    const old = await server.api('GET', `/voucher/codes/${encodeURIComponent(code)}/svg`, { token: alice.token });
    expect([old.status, old.body.code]).toEqual([404, 'request.not_found']);
    // A client that puts the code in a query anyway.
    expect((await server.api('GET', `/voucher/codes/${codeId}/qr?code=${encodeURIComponent(code)}`, { token: alice.token })).status).toBe(200);

    // The log is really read: it shows the image requests, by id, and the old one masked.
    expect(log()).toContain(`/api/v1/voucher/codes/${codeId}/qr`);
    expect(log()).toContain('/api/v1/voucher/codes/***/svg');
    expect(log()).not.toContain(code);
    expect(log()).not.toContain(code.split('.')[2]);
  });

  it('never shows a scan-to-login poll token nor a liveness bizToken', async () => {
    const session = await server.api('POST', '/voucher/login-sessions');
    expect(session.status).toBe(201);
    const { id, pollToken } = session.body as { id: string; pollToken: string };
    const polled = await server.api('GET', `/voucher/login-sessions/${id}`, { headers: { 'x-poll-token': pollToken } });
    expect([polled.status, polled.body.status]).toEqual([200, 'pending']);
    expect((await server.api('GET', `/voucher/login-sessions/${id}`, { headers: { 'x-poll-token': 'wrong' } })).status).toBe(403);
    // The query no longer carries it, and an old client's query is masked in the log.
    expect((await server.api('GET', `/voucher/login-sessions/${id}?pollToken=${pollToken}`)).status).toBe(400);

    const who = await newPayer(server, cast);
    const started = await server.api('POST', '/auth/liveness', { token: who.token, body: {} });
    expect(started.status).toBe(200);
    const { bizToken } = started.body as { bizToken: string };
    server.fakes.realName.performLiveness(bizToken, 'pass');
    expect((await server.api('POST', `/auth/liveness/${bizToken}/confirm`, { token: who.token })).status).toBe(200);

    expect(log()).toContain(`/api/v1/voucher/login-sessions/${id}`);
    expect(log()).toContain('/api/v1/auth/liveness/***/confirm');
    expect(log()).not.toContain(pollToken);
    expect(log()).not.toContain(bizToken);
  });
});
