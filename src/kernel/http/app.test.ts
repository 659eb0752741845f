import { Type } from '@sinclair/typebox';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpApp, type App } from './app.js';
import { DomainError, type ErrorKind } from '../errors/index.js';
import type { Authenticator, UserPrincipal } from './auth.js';
import { STATUS_OF_KIND } from './errors.js';
import { Body, CreditCode, IdNumber } from './schemas.js';

const person: UserPrincipal = { type: 'user', accountId: 'acc_1', kind: 'person', sessionId: 'ses_1', authLevel: 2, orgId: null, orgPath: null, unitId: null };

/** An authenticator that accepts "Bearer ok" as the person above, with one permission. */
const authenticator: Authenticator = {
  authenticateUser: async (request) => {
    if (request.headers.authorization !== 'Bearer ok') throw new DomainError('auth.unauthenticated', 'unauthenticated');
    return person;
  },
  authenticateChannel: async () => {
    throw new DomainError('auth.channel_missing', 'unauthenticated');
  },
  permissionsOf: async () => new Set(['demo.read']),
  regionPrefixOf: async () => null,
};

let app: App | undefined;
afterEach(() => app?.close());

async function build(register: (app: App) => void) {
  app = await createHttpApp({ logLevel: 'silent', authenticator: () => authenticator });
  register(app);
  await app.ready();
  return app;
}

describe('HTTP kernel', () => {
  it('refuses to start with a route that declares no auth requirement', async () => {
    await expect(
      build((a) => {
        a.get('/api/v1/open', async () => ({}));
      }),
    ).rejects.toThrow(/declares no auth requirement/);
  });

  it('enforces level, kind and permission before the handler runs', async () => {
    let reached = 0;
    const handler = async () => {
      reached++;
      return { ok: true };
    };
    const a = await build((a) => {
      a.get('/api/v1/l3', { config: { auth: { user: true, level: 3 } } }, handler);
      a.get('/api/v1/admins', { config: { auth: { user: true, kinds: ['admin'] } } }, handler);
      a.get('/api/v1/perm', { config: { auth: { user: true, permission: 'demo.write' } } }, handler);
      a.get('/api/v1/fine', { config: { auth: { user: true, permission: 'demo.read', level: 2 } } }, handler);
    });
    const get = (url: string, token = 'ok') => a.inject({ url, headers: { authorization: `Bearer ${token}` } });
    expect((await get('/api/v1/l3')).json()).toMatchObject({ status: 403, code: 'auth.level_required' });
    expect((await get('/api/v1/admins')).statusCode).toBe(403);
    expect((await get('/api/v1/perm')).json()).toMatchObject({ status: 403, code: 'auth.permission_missing' });
    expect((await get('/api/v1/fine', 'bad')).statusCode).toBe(401);
    expect(reached).toBe(0);
    expect((await get('/api/v1/fine')).statusCode).toBe(200);
    expect(reached).toBe(1);
  });

  it('answers bad input with problem+json naming the field, in the caller’s language', async () => {
    const a = await build((a) => {
      a.post('/api/v1/echo', { config: { auth: { public: true } }, schema: { body: Body({ idNumber: IdNumber, nested: Type.Optional(Body({ count: Type.Integer() })) }) } }, async (r) => r.body);
    });
    const post = (payload: string, headers: Record<string, string> = {}) =>
      a.inject({ method: 'POST', url: '/api/v1/echo', payload, headers: { 'content-type': 'application/json', ...headers } });
    const invalid = await post(JSON.stringify({ idNumber: '110105194912310021' }), { 'accept-language': 'en-US,en;q=0.9' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
    expect(invalid.json()).toMatchObject({ code: 'request.field_invalid', field: 'idNumber', detail: expect.stringMatching(/^Field idNumber is invalid/) });
    expect((await post(JSON.stringify({ idNumber: '11010519491231002X', nested: { count: '3' } }))).json().field).toBe('nested.count');
    expect((await post(JSON.stringify({ idNumber: '11010519491231002X', extra: 1 }))).json().field).toBe('extra');
    expect((await post('{"idNumber":')).json()).toMatchObject({ status: 400, code: 'request.body_malformed', field: 'body' });
    expect((await post(JSON.stringify({}))).json().field).toBe('idNumber');
    const zh = await post(JSON.stringify({}));
    expect(zh.json().detail).toMatch(/^字段 idNumber 不正确/);
    const plain = await a.inject({ method: 'POST', url: '/api/v1/echo', payload: 'x', headers: { 'content-type': 'text/plain' } });
    expect(plain.statusCode).toBe(415);
  });

  it('hides the cause of an unexpected error behind a 500 problem with a trace id', async () => {
    const a = await build((a) => {
      a.get('/api/v1/boom', { config: { auth: { public: true } } }, async () => {
        throw new Error('secret database detail');
      });
    });
    const response = await a.inject({ url: '/api/v1/boom', headers: { 'x-request-id': 'trace-12345678' } });
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('secret database detail');
    expect(response.json()).toMatchObject({ code: 'server.internal', traceId: 'trace-12345678' });
    expect(response.headers['x-request-id']).toBe('trace-12345678');
    expect((await a.inject({ url: '/api/v1/nothing' })).json()).toMatchObject({ status: 404, code: 'request.not_found' });
  });

  it('turns a unique-constraint race (as the ORM wraps it) into a 409', async () => {
    const a = await build((a) => {
      a.post('/api/v1/race', { config: { auth: { public: true } } }, async () => {
        throw Object.assign(new Error('Failed query: insert …'), { cause: Object.assign(new Error('duplicate key value'), { code: '23505' }) });
      });
    });
    const response = await a.inject({ method: 'POST', url: '/api/v1/race' });
    expect(response.json()).toMatchObject({ status: 409, code: 'request.conflict' });
  });

  it.each(Object.entries(STATUS_OF_KIND) as Array<[ErrorKind, number]>)('answers a thrown %s DomainError with %i as problem+json', async (kind, status) => {
    const a = await build((a) => {
      a.get('/api/v1/fails', { config: { auth: { public: true } } }, async () => {
        throw new DomainError('demo.failed', kind, { retryAfterSec: 7 }, 'thing');
      });
    });
    const response = await a.inject({ url: '/api/v1/fails', headers: { 'x-request-id': 'trace-kind-0001' } });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status, code: 'demo.failed', field: 'thing', traceId: 'trace-kind-0001', type: 'https://yibao.dev/problems/demo.failed' });
    expect(response.json().title).not.toBe('Error');
    // only a lock or a rate limit tells the caller when to come back
    expect(response.headers['retry-after']).toBe(kind === 'locked' || kind === 'rate_limited' ? '7' : undefined);
  });

  it('hands the handler identity numbers and credit codes upper-case, from the body, the query and the path', async () => {
    const a = await build((a) => {
      a.post('/api/v1/units/:creditCode', {
        config: { auth: { public: true } },
        schema: { params: Type.Object({ creditCode: CreditCode }), querystring: Type.Object({ idNumber: Type.Optional(IdNumber) }), body: Body({ legalRep: Body({ idNumber: IdNumber }) }) },
      }, async (r) => ({ params: r.params, query: r.query, body: r.body }));
    });
    const response = await a.inject({ method: 'POST', url: '/api/v1/units/91350100m000100y43?idNumber=11010519491231002x', payload: { legalRep: { idNumber: '11010519491231002x' } } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ params: { creditCode: '91350100M000100Y43' }, query: { idNumber: '11010519491231002X' }, body: { legalRep: { idNumber: '11010519491231002X' } } });
    const bad = await a.inject({ method: 'POST', url: '/api/v1/units/91350100m000100y43', payload: { legalRep: { idNumber: '11010519491231002y' } } });
    expect(bad.json()).toMatchObject({ status: 400, code: 'request.field_invalid', field: 'legalRep.idNumber' });
  });
});
