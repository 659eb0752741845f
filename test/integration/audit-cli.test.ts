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
