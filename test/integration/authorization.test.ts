import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../src/adapters/signing.js';
import { startTestServer, apiClient, type TestServer } from '../support/server.js';
import { loginStaff, newPerson, PASSWORD, randomIdNumber, randomName, randomPhone } from '../support/factories.js';
import { DEMO_ORGS, BUILT_IN_ROLES } from '../../src/demo-seed.js';

let server: TestServer;
let province: string;
let nanyang: string;
let sysadmin: string;

beforeAll(async () => {
  server = await startTestServer();
  province = (await loginStaff(server, 'province_admin')).accessToken;
  nanyang = (await loginStaff(server, 'nanyang_admin')).accessToken;
  sysadmin = (await loginStaff(server, 'sysadmin')).accessToken;
});
afterAll(() => server?.close());

async function staffIn(orgId: string, token = province) {
  const response = await server.api('POST', '/user/accounts', {
    token,
    body: { kind: 'agency_staff', loginName: `clerk${Date.now()}${Math.floor(Math.random() * 1e4)}`, name: randomName(), phone: randomPhone(), idNumber: randomIdNumber(), orgId, password: PASSWORD },
  });
  expect(response.status).toBe(201);
  return response.body as { id: string; loginName: string };
}

describe('delegated administration (分级授权)', () => {
  it('a province admin grants a role to an account in one of its cities', async () => {
    const clerk = await staffIn(DEMO_ORGS.zhengzhou.id);
    const grant = await server.api('POST', '/auth/grants', { token: province, body: { accountId: clerk.id, roleId: BUILT_IN_ROLES.clerk.id } });
    expect(grant.status).toBe(201);
    const grants = await server.api('GET', `/auth/grants?accountId=${clerk.id}`, { token: province });
    expect(grants.body.items.map((g: { role: { code: string } }) => g.role.code)).toEqual(['agency_clerk']);
    // The grant takes effect: the clerk can now read accounts in their org.
    const login = await server.api('POST', '/auth/login', { body: { identifier: clerk.loginName, password: PASSWORD } });
    expect((await server.api('GET', '/user/accounts', { token: login.body.accessToken })).status).toBe(200);
  });

  it('a city admin cannot grant, create accounts or orgs inside another city', async () => {
    const zhengzhouClerk = await staffIn(DEMO_ORGS.zhengzhou.id);
    const grant = await server.api('POST', '/auth/grants', { token: nanyang, body: { accountId: zhengzhouClerk.id, roleId: BUILT_IN_ROLES.clerk.id } });
    expect(grant.status).toBe(403);
    expect(grant.body.code).toBe('auth.out_of_scope');
    const account = await server.api('POST', '/user/accounts', {
      token: nanyang,
      body: { kind: 'agency_staff', loginName: `intruder${Date.now()}`, name: randomName(), phone: randomPhone(), orgId: DEMO_ORGS.zhengzhou.id, password: PASSWORD },
    });
    expect(account.status).toBe(403);
    const org = await server.api('POST', '/auth/orgs', { token: nanyang, body: { parentId: DEMO_ORGS.zhengzhou.id, name: '郑州某经办处', level: 'agency', regionCode: '410102' } });
    expect(org.status).toBe(403);
    // ...and does not even see it.
    expect((await server.api('GET', `/user/accounts/${zhengzhouClerk.id}`, { token: nanyang })).status).toBe(404);
    const list = await server.api('GET', '/user/accounts?pageSize=100', { token: nanyang });
    expect(list.body.items.some((a: { id: string }) => a.id === zhengzhouClerk.id)).toBe(false);
    const tree = await server.api('GET', '/auth/orgs', { token: nanyang });
    expect(JSON.stringify(tree.body)).not.toContain(DEMO_ORGS.zhengzhou.id);
  });

  it('a city admin manages inside its own city', async () => {
    const org = await server.api('POST', '/auth/orgs', { token: nanyang, body: { parentId: DEMO_ORGS.nanyang.id, name: '南阳市卧龙区医保经办中心', level: 'agency', regionCode: '411303' } });
    expect(org.status).toBe(201);
    const clerk = await staffIn(org.body.id, nanyang);
    expect((await server.api('POST', '/auth/grants', { token: nanyang, body: { accountId: clerk.id, roleId: BUILT_IN_ROLES.clerk.id } })).status).toBe(201);
    const outside = await server.api('POST', '/auth/orgs', { token: nanyang, body: { parentId: DEMO_ORGS.nanyang.id, name: '错误区划', level: 'agency', regionCode: '410102' } });
    expect(outside.status).toBe(400);
    expect(outside.body.field).toBe('regionCode');
  });

  it('no one hands out a permission they do not hold', async () => {
    const clerk = await staffIn(DEMO_ORGS.nanyangAgency.id);
    await server.api('POST', '/auth/grants', { token: province, body: { accountId: clerk.id, roleId: BUILT_IN_ROLES.clerk.id } });
    const clerkToken = (await server.api('POST', '/auth/login', { body: { identifier: clerk.loginName, password: PASSWORD } })).body.accessToken;
    // The clerk lacks auth.roles.manage altogether.
    expect((await server.api('POST', '/auth/roles', { token: clerkToken, body: { code: 'x_role', name: 'x', kind: 'admin', orgId: DEMO_ORGS.nanyangAgency.id, permissions: [] } })).status).toBe(403);
    const unknown = await server.api('POST', '/auth/roles', { token: nanyang, body: { code: 'bad_role', name: 'x', kind: 'business', orgId: DEMO_ORGS.nanyang.id, permissions: ['no.such.permission'] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.field).toBe('permissions');
  });

  it('revoking a grant removes the permission', async () => {
    const clerk = await staffIn(DEMO_ORGS.nanyangAgency.id);
    const grant = await server.api('POST', '/auth/grants', { token: province, body: { accountId: clerk.id, roleId: BUILT_IN_ROLES.clerk.id } });
    const clerkToken = (await server.api('POST', '/auth/login', { body: { identifier: clerk.loginName, password: PASSWORD } })).body.accessToken;
    expect((await server.api('GET', '/user/accounts', { token: clerkToken })).status).toBe(200);
    expect((await server.api('DELETE', `/auth/grants/${grant.body.id}`, { token: province })).status).toBe(204);
    expect((await server.api('GET', '/user/accounts', { token: clerkToken })).status).toBe(403);
  });

  it('lists the menus a role opens', async () => {
    const perms = await server.api('GET', '/auth/me/permissions', { token: nanyang, headers: { 'accept-language': 'en' } });
    expect(perms.body.permissions).toContain('auth.grants.manage');
    expect(perms.body.menus[0].children.map((m: { name: string }) => m.name)).toContain('Grants');
    const person = await newPerson(server);
    const none = await server.api('GET', '/auth/me/permissions', { token: person.accessToken });
    expect(none.body).toEqual({ permissions: [], menus: [] });
  });
});

describe('channel applications (渠道应用)', () => {
  async function registerChannel(capabilities: string[]) {
    const created = await server.api('POST', '/auth/channels', { token: sysadmin, body: { name: '测试医院HIS', capabilities } });
    expect(created.status).toBe(201);
    return created.body as { appId: string; secret: string };
  }

  function signed(app: { appId: string; secret: string }, path: string, body: unknown, nonce?: string) {
    const raw = JSON.stringify(body);
    const headers = signRequest({ appId: app.appId, secret: app.secret, method: 'POST', path: `/api/v1${path}`, body: raw, nonce });
    return { raw, headers: headers as unknown as Record<string, string> };
  }

  it('accepts a signed request once and rejects its replay', async () => {
    const app = await registerChannel(['auth.introspect']);
    const person = await newPerson(server);
    const request = signed(app, '/auth/channel/introspect', { accessToken: person.accessToken });
    const first = await server.api('POST', '/auth/channel/introspect', request);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ active: true, accountId: person.accountId, kind: 'person' });
    const replay = await server.api('POST', '/auth/channel/introspect', request);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('auth.channel_replay');
  });

  it('rejects a tampered body, a wrong secret, a stale timestamp and a missing capability', async () => {
    const app = await registerChannel(['auth.introspect']);
    const person = await newPerson(server);
    const request = signed(app, '/auth/channel/introspect', { accessToken: person.accessToken });
    const tampered = await server.api('POST', '/auth/channel/introspect', { ...request, raw: request.raw.replace('"accessToken"', '"accessToken" ') });
    expect(tampered.body.code).toBe('auth.channel_bad_signature');
    const wrongSecret = signed({ ...app, secret: 'not-the-secret' }, '/auth/channel/introspect', { accessToken: 'x' });
    expect((await server.api('POST', '/auth/channel/introspect', wrongSecret)).body.code).toBe('auth.channel_bad_signature');
    const raw = JSON.stringify({ accessToken: 'x' });
    const stale = signRequest({ appId: app.appId, secret: app.secret, method: 'POST', path: '/api/v1/auth/channel/introspect', body: raw, nowMs: Date.now() - 3_600_000 });
    expect((await server.api('POST', '/auth/channel/introspect', { raw, headers: stale as never })).body.code).toBe('auth.channel_stale');
    const limited = await registerChannel(['user.basic.read']);
    const noCapability = await server.api('POST', '/auth/channel/introspect', signed(limited, '/auth/channel/introspect', { accessToken: 'x' }));
    expect(noCapability.status).toBe(403);
    expect(noCapability.body.code).toBe('auth.capability_missing');
    expect((await server.api('POST', '/auth/channel/introspect', { body: { accessToken: 'x' } })).status).toBe(401);
  });

  it('keeps the channel secret encrypted at rest', async () => {
    const app = await registerChannel(['auth.introspect']);
    const rows = await server.platform.ctx.database.rows(sql`select * from auth.channel_apps where app_id = ${app.appId}`);
    expect(JSON.stringify(rows)).not.toContain(app.secret);
  });
});

describe('audit log (审计)', () => {
  it('records every state change and detects an edited row', async () => {
    const before = await server.platform.ctx.audit.verify();
    expect(before.ok).toBe(true);
    await newPerson(server);
    const rows = await server.platform.ctx.database.rows<{ id: number; action: string; detail: Record<string, any> }>(
      sql`select id, action, detail from audit.records where action = 'POST /api/v1/user/persons/register' order by id desc limit 1`,
    );
    expect(rows).toHaveLength(1);
    // Secrets never reach the audit log; identity numbers only masked.
    expect(rows[0].detail.body.password).toBe('[redacted]');
    expect(rows[0].detail.body.idNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    const intact = await server.platform.ctx.audit.verify();
    expect(intact.ok && intact.checked).toBeGreaterThan(0);

    await server.platform.ctx.database.rows(sql`update audit.records set status = 500 where id = ${rows[0].id}`);
    const verdict = await server.platform.ctx.audit.verify();
    expect(verdict).toMatchObject({ ok: false, firstBadId: Number(rows[0].id), reason: 'hash_mismatch' });
  });
});

describe('a second node', () => {
  // Nodes share sessions through Redis; the in-process cache is one node's by design.
  it.skipIf(process.env.TEST_DB === 'pglite')('accepts tokens issued by the first and sees its logouts at once (shared Redis, own connection)', async () => {
    expect(server.platform.ctx.cache.kind).toBe('redis');
    const { openCache } = await import('../../src/kernel/cache/index.js');
    const { REDIS_URL } = await import('../support/db.js');
    const cache = await openCache(REDIS_URL, server.cachePrefix);
    const second = await (await import('../../src/platform.js')).createPlatform(server.platform.ctx.config, {
      database: server.platform.ctx.database,
      cache,
      providerUrls: server.platform.ctx.providerUrls,
    });
    const url = await second.app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const api = apiClient(`${url}/api/v1`);
      for (let i = 0; i < 5; i++) {
        const person = await newPerson(server);
        // Both nodes have just seen the session alive, so both hold a local memo of it.
        expect((await api('GET', '/user/me', { token: person.accessToken })).status).toBe(200);
        expect((await server.api('GET', '/user/me', { token: person.accessToken })).status).toBe(200);
        await server.api('POST', '/auth/logout', { token: person.accessToken });
        expect((await api('GET', '/user/me', { token: person.accessToken })).status).toBe(401);
      }
    } finally {
      await second.close();
      await cache.close();
    }
  });
});

describe('account lock by an administrator', () => {
  it('ends the sessions, refuses login as disabled, and unlock restores it', async () => {
    const clerk = await staffIn(DEMO_ORGS.nanyangAgency.id);
    const session = await server.api('POST', '/auth/login', { body: { identifier: clerk.loginName, password: PASSWORD } });
    expect((await server.api('POST', `/user/accounts/${clerk.id}/lock`, { token: nanyang })).status).toBe(200);
    expect((await server.api('GET', '/user/me', { token: session.body.accessToken })).status).toBe(401);
    const refused = await server.api('POST', '/auth/login', { body: { identifier: clerk.loginName, password: PASSWORD } });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('auth.account_disabled');
    expect((await server.api('POST', `/user/accounts/${clerk.id}/unlock`, { token: nanyang })).status).toBe(200);
    expect((await server.api('POST', '/auth/login', { body: { identifier: clerk.loginName, password: PASSWORD } })).status).toBe(200);
    // Outside the city admin's scope: the province admin cannot be locked by it.
    const provinceMe = await server.api('GET', '/user/me', { token: province });
    expect((await server.api('POST', `/user/accounts/${provinceMe.body.id}/lock`, { token: nanyang })).status).toBe(404);
  });
});
