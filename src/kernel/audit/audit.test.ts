/**
 * The audit record of a request commits in the request's transaction, once, and only with it; what
 * changed nothing in a transaction is recorded after the answer. A bare HTTP kernel on PGlite with
 * test routes, so each case can commit, roll back or fail where it likes. And the chain's head is
 * checkpointed periodically and at shutdown.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, transaction, type Database } from '../db/index.js';
import { DomainError } from '../errors/index.js';
import { createHttpApp, type App } from '../http/app.js';
import { generateSm2KeyPair } from '../crypto/index.js';
import { checkpointFile, createAuditLog, type AuditLog } from './index.js';

let database: Database;
let audit: AuditLog;
let app: App;

const insert = (tx: Parameters<Parameters<typeof transaction>[1]>[0], id: string) => database.rows(sql`insert into public.audit_test_changes (id) values (${id})`, tx);

beforeAll(async () => {
  database = await openDatabase({});
  await database.rows(sql`create table public.audit_test_changes (id text primary key)`);
  // An audit insert that fails for the requests a test names.
  await database.rows(sql`create function public.refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit store unavailable'; end $$`);
  await database.rows(sql`create trigger refuse_audit before insert on audit.records for each row when (new.request_id like 'refuse-%') execute function public.refuse_audit()`);
  audit = createAuditLog(database);
  app = await createHttpApp({ logLevel: 'silent', authenticator: () => undefined, audit });
  const config = { auth: { public: true as const } };
  const body = Type.Object({ id: Type.String(), insuranceId: Type.Optional(Type.String()) });
  const response = { 201: Type.Object({ id: Type.String() }) };

  app.post('/api/t/changes', { config, schema: { body, response } }, async (request, reply) => {
    await transaction(database.db, (tx) => insert(tx, request.body.id));
    return reply.status(201).send({ id: request.body.id });
  });
  app.post('/api/t/rolled-back', { config, schema: { body, response } }, async (request) => {
    await transaction(database.db, async (tx) => {
      await insert(tx, request.body.id);
      throw new DomainError('request.conflict', 'conflict');
    });
  });
  app.post('/api/t/fails-after-commit', { config, schema: { body, response } }, async (request) => {
    await transaction(database.db, (tx) => insert(tx, request.body.id));
    throw new DomainError('request.invalid', 'unprocessable');
  });
  app.post('/api/t/several', { config, schema: { body, response } }, async (request, reply) => {
    await transaction(database.db, async (tx) => {
      await insert(tx, `${request.body.id}-a`);
      await transaction(tx, (savepoint) => insert(savepoint, `${request.body.id}-b`));
    });
    await transaction(database.db, (tx) => insert(tx, `${request.body.id}-c`));
    return reply.status(201).send({ id: request.body.id });
  });
  app.post('/api/t/no-transaction', { config: { ...config, audit: { sensitive: ['insuranceId'] } }, schema: { body, response } }, async (request, reply) => {
    await database.rows(sql`insert into public.audit_test_changes (id) values (${request.body.id})`);
    return reply.status(201).send({ id: request.body.id });
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await audit?.flush();
  await database?.close();
});

let n = 0;
async function call(path: string, requestId = `req-${Date.now()}-${n++}`, extra: Record<string, unknown> = {}) {
  const id = `chg-${n++}`;
  const response = await app.inject({ method: 'POST', url: path, headers: { 'x-request-id': requestId }, payload: { id, ...extra } });
  await audit.flush();
  const records = await database.rows<{ id: number; status: number; detail: Record<string, unknown>; xmin: string }>(
    sql`select id, status, detail, xmin::text as xmin from audit.records where request_id = ${requestId} order by id`,
  );
  return { id, status: response.statusCode, records };
}

const xminOf = async (id: string) => (await database.rows<{ xmin: string }>(sql`select xmin::text as xmin from public.audit_test_changes where id = ${id}`))[0]?.xmin;

describe('the audit record of a request', () => {
  it('is written in the transaction of the change it records, with the status the route answers', async () => {
    const { id, status, records } = await call('/api/t/changes');
    expect(status).toBe(201);
    expect(records).toHaveLength(1);
    expect(records[0].status).toBe(201);
    expect(records[0].xmin).toBe(await xminOf(id));
  });

  it('is not written by a transaction that rolls back; the refusal is recorded after the answer', async () => {
    const { id, status, records } = await call('/api/t/rolled-back');
    expect(status).toBe(409);
    expect(await xminOf(id)).toBeUndefined();
    expect(records.map((r) => r.status)).toEqual([409]);
  });

  it('takes the change down with it when it cannot be written', async () => {
    const { id, status, records } = await call('/api/t/changes', `refuse-${Date.now()}`);
    expect(status).toBe(500);
    expect(await xminOf(id)).toBeUndefined();
    expect(records).toEqual([]);
  });

  it('is followed by the answer when the route fails after its transaction committed', async () => {
    const { id, status, records } = await call('/api/t/fails-after-commit');
    expect(status).toBe(422);
    expect(records.map((r) => r.status)).toEqual([201, 422]);
    expect(records[0].xmin).toBe(await xminOf(id));
    expect(records[1].detail).toEqual({ answerAfterCommit: true });
  });

  it('is written once, in the first outermost transaction, however many the request runs', async () => {
    const { id, records } = await call('/api/t/several');
    expect(records).toHaveLength(1);
    expect(records[0].xmin).toBe(await xminOf(`${id}-a`));
    expect(await xminOf(`${id}-c`)).not.toBe(records[0].xmin);
  });

  it('of a change made without a transaction is written after the answer, with the route’s sensitive fields masked', async () => {
    const { status, records } = await call('/api/t/no-transaction', undefined, { insuranceId: 'YB4113020001' });
    expect(status).toBe(201);
    expect(records).toHaveLength(1);
    expect(records[0].detail).toMatchObject({ body: { insuranceId: 'YB4******001' } });
    expect((await audit.verify()).ok).toBe(true);
  });
});

describe('checkpoints of the chain', () => {
  it('are taken periodically while the chain moves, and at shutdown', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'yibao-audit-unit-'));
    const file = checkpointFile(dataDir);
    const lines = () => readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { id: number; hash: string });
    const head = async () => (await database.rows<{ id: number; hash: string }>(sql`select id, hash from audit.records order by id desc limit 1`))[0];
    const signingKey = generateSm2KeyPair().privateKey.padStart(64, '0');
    const periodic = createAuditLog(database, { checkpoints: { file, signingKey, intervalSec: 0.05 } });
    try {
      await periodic.record({ actorKind: 'system', action: 'checkpoint.periodic' });
      periodic.start({ error: () => undefined });
      await vi.waitFor(async () => expect(lines().at(-1)).toMatchObject(await head()), { timeout: 10_000, interval: 20 });
    } finally {
      await periodic.stop();
    }
    // an hour's interval: only the shutdown writes
    const hourly = createAuditLog(database, { checkpoints: { file, signingKey, intervalSec: 3600 } });
    hourly.start({ error: () => undefined });
    await hourly.record({ actorKind: 'system', action: 'checkpoint.at-shutdown' });
    const before = lines().length;
    await hourly.stop();
    expect(lines()).toHaveLength(before + 1);
    const last = lines().at(-1)!;
    expect(last).toMatchObject(await head());
    // stopped: the chain moves on, the file does not
    await hourly.record({ actorKind: 'system', action: 'checkpoint.after' });
    expect(lines().at(-1)).toEqual(last);
    rmSync(dataDir, { recursive: true, force: true });
  });
});
