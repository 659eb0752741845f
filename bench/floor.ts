// npx tsx bench/floor.ts: what the machine itself charges for the round trips every route is made of,
// with no application code around them: a PostgreSQL statement, a PostgreSQL write transaction, a
// Redis command and an HTTP request, each driven by 16 concurrent clients as the platform drives them
// (pg, ioredis, fetch). The figures are the whole machine's busy CPU per operation (/proc/stat), so
// they include the server's side (the PostgreSQL backend, Redis, the HTTP server) and the kernel's.
//
// A route's machine time cannot go below the sum of the round trips it must make; bench/README.md
// adds them up for a confirmation and a pre-settlement. One JSON line on stdout. Needs PostgreSQL and
// Redis; runs in a database of its own, dropped at the end.
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createTestDatabase, postgresReachable, REDIS_URL } from '../test/support/db.js';
import { machineBusyMs } from './cost.js';

const CLIENTS = 16;
const EACH = Number(process.env.FLOOR_OPERATIONS ?? 1500);
const log = (message: string) => process.stderr.write(`${message}\n`);
const agent = new Agent({ keepAlive: true });

/** A GET on a kept-alive connection, its body read to the end. */
function get(url: string, through: Agent): Promise<void> {
  return new Promise((resolve, reject) => {
    request(url, { agent: through }, (response) => {
      response.on('data', () => undefined);
      response.on('end', resolve);
    })
      .on('error', reject)
      .end();
  });
}

/** Runs `operation` EACH times on each client at once; machine µs per operation and operations/s. */
async function measure<C>(label: string, clients: C[], operation: (client: C, i: number) => Promise<unknown>) {
  for (const client of clients) await operation(client, -1);
  const busy = machineBusyMs();
  const started = performance.now();
  await Promise.all(clients.map(async (client) => {
    for (let i = 0; i < EACH; i++) await operation(client, i);
  }));
  const seconds = (performance.now() - started) / 1000;
  const operations = clients.length * EACH;
  const figure = { machine_us: Math.round(((machineBusyMs() - busy) * 1000) / operations), per_s: Math.round(operations / seconds) };
  log(`${label.padEnd(36)} ${String(figure.per_s).padStart(6)}/s  ${String(figure.machine_us).padStart(4)} µs of machine CPU each`);
  return figure;
}

async function main() {
  if (!(await postgresReachable())) throw new Error('bench/floor.ts needs PostgreSQL');
  const database = await createTestDatabase();
  const clients = await Promise.all(Array.from({ length: CLIENTS }, async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    return client;
  }));
  const redis = Array.from({ length: CLIENTS }, () => new Redis(REDIS_URL, { lazyConnect: false }));
  const server = createServer((_request, response) => response.writeHead(204).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    await clients[0].query('create table floor_writes (id bigserial primary key, v integer not null)');
    const result = {
      scenario: 'floor',
      pg_statement: await measure('PostgreSQL statement (select $1)', clients, (c, i) => c.query('select $1::integer as v', [i])),
      pg_write_transaction: await measure('PostgreSQL write (begin, insert, commit)', clients, async (c, i) => {
        await c.query('begin');
        await c.query('insert into floor_writes (v) values ($1)', [i]);
        await c.query('commit');
      }),
      redis_command: await measure('Redis command (incr)', redis, (r, i) => r.incr(`yibao:floor:${i % 64}`)),
      http_fetch: await measure('HTTP request (fetch → node:http, 204)', Array.from({ length: CLIENTS }, () => url), async (u) => (await fetch(u)).arrayBuffer()),
      http_request: await measure('HTTP request (node:http keep-alive)', Array.from({ length: CLIENTS }, () => url), (u) => get(u, agent)),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await Promise.all(clients.map((c) => c.end()));
    for (const r of redis) {
      await r.del(...Array.from({ length: 64 }, (_, i) => `yibao:floor:${i}`));
      r.disconnect();
    }
    server.close();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
