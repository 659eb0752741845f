import { Type } from '@sinclair/typebox';
import type { Cache } from '../cache/index.js';
import type { Database } from '../db/index.js';
import type { App } from './app.js';
import { Literals } from './schemas.js';

/** 存活 the process answers. */
export const LiveView = Type.Object({ status: Type.Literal('ok') }, { description: '存活 alive' });

const Check = Literals(['ok', 'down'] as const);
/** 就绪 whether the database and the cache answer; the same shape with 200 (ready) and 503 (not ready). */
export const ReadyView = Type.Object(
  {
    status: Literals(['ready', 'not_ready'] as const),
    database: Check,
    databaseKind: Literals(['pglite', 'postgres'] as const),
    cache: Check,
    cacheKind: Literals(['redis', 'memory'] as const),
  },
  { description: '就绪 readiness of the database and the cache' },
);

/** The benchmark baseline's answer. */
export const PongView = Type.Object({ pong: Type.Literal(true) }, { description: 'pong' });

/** The kernel's own routes: liveness and readiness for the orchestrator, and the benchmarks' baseline. */
export function healthRoutes(app: App, database: Database, cache: Cache) {
  app.get('/healthz', { config: { auth: { public: true } }, schema: { tags: ['kernel'], summary: '存活检查 liveness', response: { 200: LiveView } } }, async () => ({ status: 'ok' as const }));

  app.get('/readyz', {
    config: { auth: { public: true } },
    schema: { tags: ['kernel'], summary: '就绪检查（数据库与缓存） readiness: database and cache', response: { 200: ReadyView, 503: ReadyView } },
  }, async (_request, reply) => {
    const [db, cacheCheck] = (await Promise.allSettled([database.ping(), cache.ping()])).map((c) => (c.status === 'fulfilled' ? ('ok' as const) : ('down' as const)));
    const ready = db === 'ok' && cacheCheck === 'ok';
    return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', database: db, databaseKind: database.kind, cache: cacheCheck, cacheKind: cache.kind });
  });

  // The baseline route of every benchmark: the same server, no database, no auth work.
  app.get('/api/v1/ping', { config: { auth: { public: true } }, schema: { tags: ['kernel'], summary: '基准路由 trivial JSON baseline', response: { 200: PongView } } }, async () => ({ pong: true as const }));
}
