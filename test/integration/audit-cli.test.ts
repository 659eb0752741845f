import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSm2KeyPair } from '../../src/kernel/crypto/index.js';
import { checkpointFile, createAuditLog, verifyAuditChain, type Checkpoint } from '../../src/kernel/audit/index.js';
import { chainHash } from '../../src/kernel/audit/chain.js';
import { auditRecords } from '../../src/kernel/audit/schema.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginStaff, newPerson } from '../support/factories.js';

const run = promisify(execFile);
let server: TestServer;
let sysadmin: string;
// The checkpoints of this file's server go to a data directory of its own, signed by a key of its own.
const dataDir = mkdtempSync(path.join(tmpdir(), 'yibao-audit-'));
const signingKey = generateSm2KeyPair().privateKey.padStart(64, '0');
const file = checkpointFile(dataDir);

beforeAll(async () => {
  server = await startTestServer({ env: { DATA_DIR: dataDir, AUDIT_SIGNING_KEY: signingKey } });
  sysadmin = (await loginStaff(server, 'sysadmin')).accessToken;
});
afterAll(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const rows = <T>(query: ReturnType<typeof sql>) => server.platform.ctx.database.rows<T>(query);
const verifyApi = async () => (await server.api('GET', '/audit/verify', { token: sysadmin })).body;

/** Some records, all written, and the chain's head signed into the checkpoint file. */
async function checkpointed(): Promise<Checkpoint> {
  await newPerson(server);
  await server.platform.ctx.audit.flush();
  const checkpoint = await server.platform.ctx.audit.checkpoint();
  expect(checkpoint).not.toBeNull();
  return checkpoint!;
}

/**
 * Deletes the records from `fromId` on (the newest), runs `check`, then puts them back as they were,
 * so that the next test finds the chain whole.
 */
async function withNewestDeleted<T>(fromId: number, check: () => Promise<T>): Promise<T> {
  const deleted = await rows<Record<string, unknown>>(sql`delete from audit.records where id >= ${fromId} returning *`);
  expect(deleted.length).toBeGreaterThan(0);
  try {
    return await check();
  } finally {
    await rows(sql`insert into audit.records select * from jsonb_populate_recordset(null::audit.records, ${JSON.stringify(deleted)}::jsonb)`);
  }
}

/** Runs `check` with `line` appended to the checkpoint file, then restores the file. */
async function withLineAppended<T>(line: string, check: () => Promise<T>): Promise<T> {
  const before = readFileSync(file, 'utf8');
  writeFileSync(file, `${before}${line}\n`);
  try {
    return await check();
  } finally {
    writeFileSync(file, before);
  }
}

describe('audit log API', () => {
  it('lets a national admin read and verify the chain, and no regional admin', async () => {
    await newPerson(server);
    const records = await server.api('GET', '/audit/records?pageSize=5', { token: sysadmin });
    expect(records.status).toBe(200);
    expect(records.body.items[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await server.api('GET', '/audit/verify', { token: sysadmin })).body.ok).toBe(true);
    const province = await loginStaff(server, 'province_admin');
    expect((await server.api('GET', '/audit/records', { token: province.accessToken })).status).toBe(403);
  });

  it('names the accounts that acted, masked, beside their ids', async () => {
    // the province administrator does something the log records: logging out
    const province = await loginStaff(server, 'province_admin');
    expect((await server.api('POST', '/auth/logout', { token: province.accessToken, body: {} })).status).toBeLessThan(300);
    // records without a transaction of their own are group-committed: the answer may come first
    const logout = async () => (await server.api('GET', '/audit/records?pageSize=20', { token: sysadmin })).body.items.find((r: { action: string }) => r.action === 'POST /api/v1/auth/logout');
    await expect.poll(logout, { timeout: 5_000 }).toBeDefined();
    const record = await logout();
    expect(record.actorId).toMatch(/\S/);
    // the name as every list masks it, with the login name
    expect(record.actorName).toMatch(/^\S\*+ \(province_admin\)$/);
    // a record of no account (the system's) names none
    await server.platform.ctx.audit.record({ actorKind: 'system', action: 'checkpoint.after' });
    const system = async () => (await server.api('GET', '/audit/records?pageSize=5', { token: sysadmin })).body.items.find((r: { action: string }) => r.action === 'checkpoint.after');
    await expect.poll(system, { timeout: 5_000 }).toBeDefined();
    expect((await system()).actorName).toBeNull();
  });
});

describe('audit appends in batches', () => {
  it('writes every record of a burst, once, in one unbroken chain', async () => {
    const { audit, database } = server.platform.ctx;
    const tag = `burst-${Date.now()}`;
    // records handed in while a batch is being written go into the next one
    await Promise.all(Array.from({ length: 300 }, (_, i) => audit.record({ actorKind: 'system', action: tag, target: String(i) })));
    const rows = await database.rows<{ target: string; id: number }>(sql`select target, id from audit.records where action = ${tag} order by id`);
    expect(rows.map((r) => Number(r.target)).sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(new Set(rows.map((r) => r.id)).size).toBe(300);
    expect((await audit.verify()).ok).toBe(true);
    // a second node appending at the same time keeps to the same chain (on PostgreSQL their batches overlap)
    const otherNode = createAuditLog(database);
    await Promise.all(
      Array.from({ length: 200 }, (_, i) => (i % 2 ? audit : otherNode).record({ actorKind: 'system', action: `${tag}-two-nodes`, target: String(i) })),
    );
    expect(await audit.verify()).toMatchObject({ ok: true });
    // and a record inside a caller's transaction still joins the chain
    await database.db.transaction((tx) => audit.record({ actorKind: 'system', action: `${tag}-tx` }, tx as never));
    await audit.flush();
    expect((await audit.verify()).ok).toBe(true);
  });
});

describe('signed checkpoints of the chain (审计链锚点)', () => {
  it('are SM2-signed JSON lines under DATA_DIR, one more only when the chain has moved', async () => {
    const checkpoint = await checkpointed();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toEqual(checkpoint);
    expect(checkpoint).toMatchObject({ id: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/), signature: expect.stringMatching(/^30[0-9a-f]+$/) });
    const [head] = await rows<{ id: number; hash: string }>(sql`select id, hash from audit.records order by id desc limit 1`);
    expect([checkpoint.id, checkpoint.hash]).toEqual([Number(head.id), head.hash]);
    expect(await server.platform.ctx.audit.checkpoint()).toBeNull();
    expect(await verifyApi()).toMatchObject({ ok: true, checkpoint: { id: checkpoint.id, line: lines.length } });
  });

  it('show the newest records deleted: the API names the last checkpointed record', async () => {
    const checkpoint = await checkpointed();
    const verdict = await withNewestDeleted(checkpoint.id - 1, verifyApi);
    expect(verdict).toMatchObject({ ok: false, reason: 'truncated', firstBadId: checkpoint.id, checkpoint: { id: checkpoint.id } });
    expect(verdict.lastId).toBeLessThan(checkpoint.id - 1);
    expect(await verifyApi()).toMatchObject({ ok: true });
  });

  it('show records deleted even when new ones were appended after the deletion', async () => {
    const checkpoint = await checkpointed();
    const verdict = await withNewestDeleted(checkpoint.id, async () => {
      await server.platform.ctx.audit.record({ actorKind: 'system', action: 'after-deletion' });
      return verifyApi();
    });
    expect(verdict).toMatchObject({ ok: false, reason: 'truncated', firstBadId: checkpoint.id });
    // (the record appended meanwhile now follows a hole: the chain's own check names it)
    expect((await verifyApi()).ok).toBe(false);
    await rows(sql`delete from audit.records where action = 'after-deletion'`);
    expect(await verifyApi()).toMatchObject({ ok: true });
  });

  it('are not moved back over a truncated chain, and a line the key did not sign is reported', async () => {
    const checkpoint = await checkpointed();
    await withNewestDeleted(checkpoint.id, async () => {
      // the platform keeps its last word rather than anchor the damage
      expect(await server.platform.ctx.audit.checkpoint()).toBeNull();
    });
    const forged = { ...checkpoint, id: checkpoint.id + 1000, hash: 'f'.repeat(64), at: new Date().toISOString() };
    const verdict = await withLineAppended(JSON.stringify(forged), verifyApi);
    expect(verdict).toMatchObject({ ok: false, reason: 'checkpoint_forged', firstBadId: checkpoint.id + 1000 });
    const garbage = await withLineAppended('{"id": 1, "hash": "not a checkpoint"', verifyApi);
    expect(garbage).toMatchObject({ ok: false, reason: 'checkpoint_forged', firstBadId: 0 });
    expect(await verifyApi()).toMatchObject({ ok: true });
  });

  it('show a chain rewritten with recomputed hashes', async () => {
    const checkpoint = await checkpointed();
    // Whoever can write the table can edit a record and recompute the hashes from there on: the chain alone holds.
    const [original] = await rows<Record<string, unknown>>(sql`select * from audit.records where id = ${checkpoint.id}`);
    const [row] = await server.platform.ctx.database.db.select().from(auditRecords).where(eq(auditRecords.id, checkpoint.id));
    const edited = { ...row, actorId: 'someone-else' };
    await rows(sql`update audit.records set actor_id = ${edited.actorId}, hash = ${chainHash(row.prevHash, edited)} where id = ${checkpoint.id}`);
    try {
      expect((await verifyAuditChain(server.platform.ctx.database.db)).ok).toBe(true);
      expect(await verifyApi()).toMatchObject({ ok: false, reason: 'checkpoint_mismatch', firstBadId: checkpoint.id });
    } finally {
      await rows(sql`update audit.records set actor_id = ${original.actor_id as string}, hash = ${original.hash as string} where id = ${checkpoint.id}`);
    }
    expect(await verifyApi()).toMatchObject({ ok: true });
  });
});

// The command opens the database by URL, so it needs a server database (PGlite here is in memory).
describe.skipIf(process.env.TEST_DB === 'pglite')('npm run audit:verify', () => {
  const env = () => ({ ...process.env, DATABASE_URL: server.databaseUrl!, NODE_ENV: 'test', DATA_DIR: dataDir, AUDIT_SIGNING_KEY: signingKey });
  const verify = (): Promise<{ code?: number; stdout: string; stderr: string }> =>
    run('npx', ['tsx', 'src/kernel/audit/verify-cli.ts'], { env: env() }).catch((error: { code: number; stdout: string; stderr: string }) => error);

  it('reports an intact chain held by its checkpoint, the newest records deleted, a forged checkpoint, then the first edited record', { timeout: 120_000 }, async () => {
    const checkpoint = await checkpointed();
    const ok = await verify();
    expect(ok.stdout).toMatch(/audit chain intact: \d+ records checked/);
    expect(ok.stdout).toContain(`checkpoint of record ${checkpoint.id}`);

    const truncated = await withNewestDeleted(checkpoint.id - 1, verify);
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toContain(`audit chain truncated: the last checkpoint (${file} line`);
    expect(truncated.stderr).toContain(`names record ${checkpoint.id}`);

    const forged = await withLineAppended(JSON.stringify({ ...checkpoint, id: checkpoint.id + 7, hash: 'a'.repeat(64) }), verify);
    expect(forged.code).toBe(1);
    expect(forged.stderr).toContain('audit checkpoint forged');
    expect(forged.stderr).toContain(`names record ${checkpoint.id + 7}`);

    const [victim] = await rows<{ id: number }>(sql`select id from audit.records order by id limit 1 offset 1`);
    await rows(sql`update audit.records set actor_id = 'someone-else' where id = ${victim.id}`);
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`audit chain broken at record ${victim.id}`);
  });
});
