import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeHandle } from '../../fakes/shared/fake-server.js';
import { deadUrl } from '../../fakes/shared/http-helpers.js';
import { AdapterError } from './errors.js';
import { callSigned, joinUrl } from './http.js';

const creds = { appId: 'yibao', secret: 'transport-secret' };
const Shape = Type.Object({ ok: Type.Boolean() });

describe('callSigned', () => {
  let fake: FakeHandle;

  beforeAll(async () => {
    // A party that signs correctly but answers with the wrong shape or with non-JSON.
    fake = await startFakeServer(creds, (r) => {
      r.signed('GET', '/wrong-shape', () => ({ ok: 'yes' }));
      r.signed('GET', '/not-json', (_req, reply) => reply.type('text/plain').send('hello'));
      r.signed('GET', '/echo', (req) => ({ ok: true, path: req.url }));
    });
  });
  afterAll(() => fake.close());

  const call = (path: string, baseUrl = fake.url) =>
    callSigned({ party: 'sms', config: { baseUrl, ...creds }, method: 'GET', path, responseSchema: Shape });

  it('signs the path including the query string', async () => {
    await expect(call('/echo?x=1&y=%E4%B8%AD')).resolves.toMatchObject({ ok: true });
    expect(fake.calls.at(-1)).toMatchObject({ auth: 'ok', path: '/echo?x=1&y=%E4%B8%AD' });
  });

  it('rejects a signed body of the wrong shape as bad_response', async () => {
    const err = await call('/wrong-shape').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AdapterError);
    expect(err).toMatchObject({ party: 'sms', code: 'bad_response', status: 200 });
  });

  it('rejects a signed non-JSON body as bad_response', async () => {
    await expect(call('/not-json')).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('reports connection failures as network errors with no status', async () => {
    await expect(call('/echo', await deadUrl())).rejects.toMatchObject({ code: 'network', status: null });
  });
});

describe('joinUrl', () => {
  it('keeps a base path prefix', () => {
    expect(joinUrl('https://api.example.cn/gw/', '/v1/sms/send').toString()).toBe('https://api.example.cn/gw/v1/sms/send');
    expect(joinUrl('http://127.0.0.1:1', '/v1/a?b=1').toString()).toBe('http://127.0.0.1:1/v1/a?b=1');
  });
});
