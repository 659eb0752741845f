import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginStaff, newPerson } from '../support/factories.js';

const run = promisify(execFile);
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

describe('audit log API', () => {
  it('lets a national admin read and verify the chain, and no regional admin', async () => {
    await newPerson(server);
    const sysadmin = await loginStaff(server, 'sysadmin');
    const records = await server.api('GET', '/audit/records?pageSize=5', { token: sysadmin.accessToken });
    expect(records.status).toBe(200);
    expect(records.body.items[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await server.api('GET', '/audit/verify', { token: sysadmin.accessToken })).body.ok).toBe(true);
    const province = await loginStaff(server, 'province_admin');
    expect((await server.api('GET', '/audit/records', { token: province.accessToken })).status).toBe(403);
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
    // and a record inside a caller's transaction still joins the chain
    await database.db.transaction((tx) => audit.record({ actorKind: 'system', action: `${tag}-tx` }, tx as never));
    await audit.flush();
    expect((await audit.verify()).ok).toBe(true);
  });
});

// The command opens the database by URL, so it needs a server database (PGlite here is in memory).
describe.skipIf(process.env.TEST_DB === 'pglite')('npm run audit:verify', () => {
  it('reports an intact chain, then the first edited record', async () => {
    await newPerson(server);
    const env = { ...process.env, DATABASE_URL: server.databaseUrl!, NODE_ENV: 'test' };
    const ok = await run('npx', ['tsx', 'src/kernel/audit/verify-cli.ts'], { env });
    expect(ok.stdout).toMatch(/audit chain intact: \d+ records checked/);
    const [victim] = await server.platform.ctx.database.rows<{ id: number }>(sql`select id from audit.records order by id limit 1 offset 1`);
    await server.platform.ctx.database.rows(sql`update audit.records set actor_id = 'someone-else' where id = ${victim.id}`);
    const broken = await run('npx', ['tsx', 'src/kernel/audit/verify-cli.ts'], { env }).catch((error) => error);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`audit chain broken at record ${victim.id}`);
  });
});
