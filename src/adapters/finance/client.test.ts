import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, signedHeaders } from '../../../fakes/shared/http-helpers.js';
import { startFakeFinance, type FakeFinance } from '../../../fakes/finance/server.js';
import { AdapterError } from '../errors.js';
import { createFinanceClient, type FinanceClient } from './client.js';

const creds = { appId: 'yibao', secret: 'finance-secret' };
const request = (requestId: string, totalFen = 10000) => ({ requestId, institutionCode: 'H41130200746', totalFen, issueDate: '2026-03-01' });

describe('finance-bureau numbering adapter against the fake bureau', () => {
  let fake: FakeFinance;
  let client: FinanceClient;

  beforeAll(async () => {
    fake = await startFakeFinance(creds);
    client = createFinanceClient({ baseUrl: fake.url, ...creds });
  });
  afterAll(() => fake.close());
  afterEach(() => {
    fake.failNext(0);
    fake.tamperNextResponses(0);
  });

  it('numbers bills sequentially per code, and answers a retried request id with the same number', async () => {
    const first = await client.allocate(request('r1'));
    const second = await client.allocate(request('r2'));
    expect(first).toEqual({ billCode: '41162601', billNumber: '0000000001' });
    expect(second).toEqual({ billCode: '41162601', billNumber: '0000000002' });
    expect(await client.allocate(request('r1'))).toEqual(first);
    expect(fake.bills.filter((b) => b.kind === 'normal')).toHaveLength(2);
  });

  it('voids once, numbering the red-letter bill; a retry gets the same red number, a new void is refused', async () => {
    const original = await client.allocate(request('r3'));
    const red = await client.voidBill({ requestId: 'v3', ...original, totalFen: -10000, issueDate: '2026-03-02' });
    expect(red.billCode).toBe(original.billCode);
    expect(Number(red.billNumber)).toBe(Number(original.billNumber) + 1);
    expect(fake.find(original.billCode, original.billNumber)).toMatchObject({ status: 'voided', related: red });
    expect(await client.voidBill({ requestId: 'v3', ...original, totalFen: -10000, issueDate: '2026-03-02' })).toEqual(red);
    const again = await client.voidBill({ requestId: 'v3b', ...original, totalFen: -10000, issueDate: '2026-03-02' }).catch((e: unknown) => e);
    expect(again).toMatchObject({ party: 'finance', code: 'rejected', status: 409, upstreamCode: 'already_voided' });
  });

  it('refuses an unsigned request and distrusts a tampered response', async () => {
    expect((await rawRequest(fake.url, 'POST', '/v1/bills/allocate', { body: request('r4') })).status).toBe(401);
    const forged = signedHeaders({ ...creds, secret: 'wrong' }, 'POST', '/v1/bills/allocate', request('r4'));
    expect((await rawRequest(fake.url, 'POST', '/v1/bills/allocate', { body: forged.bodyText, headers: forged.headers })).status).toBe(401);
    fake.tamperNextResponses(1);
    const err = await client.allocate(request('r5')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdapterError);
    expect(err).toMatchObject({ party: 'finance', code: 'bad_signature' });
  });

  it('reports a failing bureau as upstream_failure', async () => {
    fake.failNext(1);
    await expect(client.allocate(request('r6'))).rejects.toMatchObject({ code: 'upstream_failure', status: 503 });
    await expect(client.allocate(request('r6'))).resolves.toHaveProperty('billNumber');
  });
});
