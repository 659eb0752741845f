import { describe, expect, it } from 'vitest';
import { AdapterError, isPermanentFailure } from './errors.js';
import { parseSignedReceipt, ReceiptError } from './receipts.js';
import { createMemoryNonceStore, signRequest } from './signing.js';

const party = { appId: 'yibao', secret: 'sms-secret' };
const path = '/api/v1/message/receipts/sms';
const good = { providerRef: 'p-1', reference: 'm-1', status: 'delivered', at: '2026-12-07T10:00:00.000Z' };

/** A receipt as a provider sends it: the exact body bytes and the headers signed over them. */
function signed(body: unknown, opts: { secret?: string; nowMs?: number; path?: string } = {}) {
  const rawBody = typeof body === 'string' ? body : JSON.stringify(body);
  const headers = signRequest({ appId: party.appId, secret: opts.secret ?? party.secret, method: 'POST', path: opts.path ?? path, body: rawBody, nowMs: opts.nowMs });
  return { method: 'POST', path, headers, rawBody };
}

const parse = (request: ReturnType<typeof signed>, nonceSeen = createMemoryNonceStore().nonceSeen) =>
  parseSignedReceipt({ ...party, ...request, nonceSeen });

async function refusal(promise: Promise<unknown>): Promise<ReceiptError> {
  const err = await promise.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ReceiptError);
  return err as ReceiptError;
}

describe('parseSignedReceipt', () => {
  it('returns the receipt of a correctly signed, well-formed body, its known fields only', async () => {
    expect(await parse(signed({ ...good, extra: 'ignored' }))).toEqual(good);
    expect(await parse(signed({ ...good, status: 'permanent-failure', at: '2026-12-07T18:00:00+08:00' }))).toMatchObject({ status: 'permanent-failure' });
  });

  it('refuses a receipt signed with another secret, for another path, too old, or replayed', async () => {
    expect((await refusal(parse(signed(good, { secret: 'other' })))).reason).toBe('bad_signature');
    expect((await refusal(parse(signed(good, { path: '/api/v1/message/receipts/push' })))).reason).toBe('bad_signature');
    expect((await refusal(parse(signed(good, { nowMs: Date.now() - 3_600_000 })))).reason).toBe('stale');

    const nonces = createMemoryNonceStore();
    const once = signed(good);
    await parse(once, nonces.nonceSeen);
    expect((await refusal(parse(once, nonces.nonceSeen))).reason).toBe('replay');
  });

  it('refuses a tampered body even though it is valid JSON', async () => {
    const request = signed(good);
    const err = await refusal(parse({ ...request, rawBody: request.rawBody.replace('delivered', 'permanent-failure') }));
    expect(err.reason).toBe('bad_signature');
  });

  it('refuses an unsigned receipt as missing and a foreign app id as unknown', async () => {
    expect((await refusal(parseSignedReceipt({ ...party, method: 'POST', path, headers: {}, rawBody: JSON.stringify(good), nonceSeen: () => false }))).reason).toBe('missing');
    const foreign = signRequest({ appId: 'someone-else', secret: party.secret, method: 'POST', path, body: JSON.stringify(good) });
    expect((await refusal(parseSignedReceipt({ ...party, method: 'POST', path, headers: foreign, rawBody: JSON.stringify(good), nonceSeen: () => false }))).reason).toBe('unknown_app');
  });

  it('names the field of a signed but invalid body', async () => {
    const cases: Array<[unknown, string]> = [
      [{ ...good, status: 'read' }, 'status'],
      [{ ...good, reference: '' }, 'reference'],
      [{ providerRef: 'p', status: 'delivered', at: good.at }, 'reference'],
      [{ ...good, at: '07/12/2026' }, 'at'],
      [{ ...good, at: '2026-13-45T99:00:00Z' }, 'at'],
      ['not json', ''],
    ];
    for (const [body, field] of cases) {
      const err = await refusal(parse(signed(body)));
      expect({ reason: err.reason, field: err.field }).toEqual({ reason: 'invalid_body', field });
    }
  });
});

describe('isPermanentFailure', () => {
  it('holds for a refused input and not for throttling, credentials, party failures or foreign errors', () => {
    expect(isPermanentFailure(new AdapterError({ party: 'sms', code: 'rejected', status: 400 }))).toBe(true);
    expect(isPermanentFailure(new AdapterError({ party: 'sms', code: 'rejected', status: 429 }))).toBe(false);
    expect(isPermanentFailure(new AdapterError({ party: 'sms', code: 'rejected', status: 408 }))).toBe(false);
    expect(isPermanentFailure(new AdapterError({ party: 'sms', code: 'unauthorized', status: 401 }))).toBe(false);
    expect(isPermanentFailure(new AdapterError({ party: 'sms', code: 'upstream_failure', status: 502 }))).toBe(false);
    expect(isPermanentFailure(new AdapterError({ party: 'email', code: 'upstream_failure', status: 552, permanent: true }))).toBe(true);
    expect(isPermanentFailure(Object.assign(new Error('x'), { permanent: true }))).toBe(false);
    expect(isPermanentFailure(undefined)).toBe(false);
  });
});
