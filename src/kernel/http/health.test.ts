import { afterEach, describe, expect, it } from 'vitest';
import type { Cache } from '../cache/index.js';
import type { Database } from '../db/index.js';
import { createHttpApp, type App } from './app.js';
import { healthRoutes } from './health.js';

let app: App | undefined;
afterEach(() => app?.close());

/** Only what the routes touch: ping and kind. */
const pinging = <T>(kind: string, up: () => boolean) => ({ kind, ping: async () => (up() ? undefined : Promise.reject(new Error('down'))) }) as unknown as T;

describe('kernel health routes', () => {
  it('answers liveness, readiness (200 and 503, one shape) and the ping baseline with their declared shapes', async () => {
    let databaseUp = true;
    app = await createHttpApp({ logLevel: 'silent', authenticator: () => undefined });
    healthRoutes(app, pinging<Database>('postgres', () => databaseUp), pinging<Cache>('redis', () => true));
    await app.ready();
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/api/v1/ping' })).json()).toEqual({ pong: true });
    const ready = await app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: 'ok', databaseKind: 'postgres', cache: 'ok', cacheKind: 'redis' });
    databaseUp = false;
    const notReady = await app.inject({ url: '/readyz' });
    expect(notReady.statusCode).toBe(503);
    expect(notReady.headers['content-type']).toContain('application/json');
    expect(notReady.json()).toEqual({ status: 'not_ready', database: 'down', databaseKind: 'postgres', cache: 'ok', cacheKind: 'redis' });
  });
});
