/**
 * Malformed-request sweep over every /api/v1 operation the platform publishes in /openapi.json.
 *
 * For each operation a valid baseline request is generated from its schemas, then variants that
 * break one thing each (see test/support/malformed.ts): body properties (missing, wrong type, null,
 * over-long, bad formats such as identity numbers and credit codes, outside enums, unknown extra
 * properties; nested objects one level deep), the body as a whole (invalid JSON, wrong JSON type,
 * empty, other content types, > 1 MiB, deep nesting, __proto__), path parameters (500 chars, ../,
 * %00, unicode, broken encoding), query parameters (wrong types, out-of-range pages) and the
 * credentials. Each variant goes out without credentials and, for protected routes, with them:
 * an admin holding every permission (or, where the route is for another kind of account, an
 * account of that kind) and, for channel routes, a registered channel app's valid signature.
 *
 * Every response must be below 500; every 4xx must be problem+json with type, title, status,
 * detail, code and traceId; a 400 for a broken property must name it in `field`; a request the
 * published schema refuses must be refused before the handler runs; request schemas must bound
 * every string and refuse unknown properties. All violations are reported together, grouped.
 *
 * LOG_LEVEL=error shows the server's stack traces (match them by traceId = reqId);
 * SWEEP_REPORT=/tmp/sweep.json writes every request and its outcome.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../src/adapters/signing.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { loginStaff, newPerson, newUnit, PASSWORD, randomPhone } from '../support/factories.js';
import { enumOf, operationsOf, problemWith, schemaGaps, variantsFor, type Fixtures, type Operation, type Outcome, type Variant } from '../support/malformed.js';

const CONCURRENCY = 8;
const REQUEST_TIMEOUT_MS = 20_000;

interface Principal {
  name: string;
  login: () => Promise<string>;
  token?: string;
}

interface Sent {
  op: Operation;
  variant: Variant;
  as: string;
  outcome: Outcome;
  problem?: string;
}

let server: TestServer;
let operations: Operation[] = [];
const records: Sent[] = [];
const generatorErrors: string[] = [];
const schemaErrors: string[] = [];
let elapsedMs = 0;

async function send(variant: Variant, headers: Record<string, string>): Promise<Outcome> {
  try {
    const response = await fetch(`${server.url}${variant.url}`, {
      method: variant.method,
      headers: { ...variant.headers, ...headers },
      body: variant.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { status: 0, contentType: '', text: '', error: `${(error as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ''}` };
  }
}

async function pool<T>(items: T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

async function alive(principal: Principal): Promise<string> {
  if (principal.token) {
    const check = await server.api('GET', '/auth/me/permissions', { token: principal.token });
    if (check.status === 200) return principal.token;
  }
  principal.token = await principal.login();
  return principal.token;
}

/** A setup call that must succeed. */
async function ok(method: string, path: string, options: Parameters<TestServer['api']>[2] = {}) {
  const response = await server.api(method, path, options);
  if (response.status >= 300) throw new Error(`setup ${method} ${path} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

async function login(identifier: string, password: string, kind?: string): Promise<string> {
  const response = await server.api('POST', '/auth/login', { body: { identifier, password, ...(kind ? { kind } : {}) } });
  if (response.status !== 200) throw new Error(`login of ${identifier} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.accessToken;
}

function codeOf(outcome: Outcome): string | undefined {
  try {
    return JSON.parse(outcome.text)?.code;
  } catch {
    return undefined;
  }
}

async function sweep() {
  const started = Date.now();
  const doc = await (await fetch(`${server.url}/openapi.json`)).json();
  operations = operationsOf(doc);

  // Fixtures: real ids so baselines get past "not found", and accounts of each kind.
  const [person, victim, unit] = [await newPerson(server), await newPerson(server), await newUnit(server)];
  const sysadmin: Principal = { name: 'sysadmin', login: async () => (await loginStaff(server, 'sysadmin')).accessToken };
  const agent: Principal = { name: 'unit_agent', login: () => login(unit.agent.phone, PASSWORD, 'unit_agent') };
  const insured: Principal = { name: 'person', login: () => login(person.idNumber, PASSWORD) };
  const admin = await ok('GET', '/user/me', { token: await alive(sysadmin) });
  const clerk = (await ok('GET', '/user/accounts?q=nanyang_clerk', { token: await alive(sysadmin) })).items[0];
  const { items: [clerkGrant] } = await ok('GET', `/auth/grants?accountId=${clerk.id}`, { token: await alive(sysadmin) });
  // A second national admin, outside the sweep, clears the lockout that wrong-password variants
  // (e.g. /user/me/deactivate) would otherwise build up on sysadmin.
  const keeperAccount = await ok('POST', '/user/accounts', {
    token: await alive(sysadmin),
    body: { kind: 'admin', loginName: 'sweep_keeper', name: '巡检管理员', phone: randomPhone(), orgId: admin.orgId, password: PASSWORD },
  });
  await ok('POST', '/auth/grants', { token: await alive(sysadmin), body: { accountId: keeperAccount.id, roleId: 'role_org_admin' } });
  const keeper: Principal = { name: 'keeper', login: () => login('sweep_keeper', PASSWORD) };
  const channelSchema = operations.find((o) => o.key === 'POST /api/v1/auth/channels')?.body?.schema.properties?.capabilities?.items;
  const channel = await ok('POST', '/auth/channels', {
    token: await alive(sysadmin),
    body: { name: 'openapi sweep', capabilities: channelSchema ? enumOf(channelSchema) : [] },
  });
  const fixtures: Fixtures = {
    pathValues: {
      id: victim.accountId,
      accountId: victim.accountId,
      unitId: unit.unitId,
      '/api/v1/auth/grants/{id} id': clerkGrant.id,
      '/api/v1/user/accounts/{id}/lock id': clerk.id,
      '/api/v1/user/accounts/{id}/unlock id': clerk.id,
    },
    hints: { accountId: clerk.id, orgId: 'org_nanyang', parentId: 'org_nanyang', roleId: 'role_agency_clerk', name: '测试名称', regionPrefix: '4113' },
  };

  for (const op of operations) {
    schemaErrors.push(...schemaGaps(op));
    let variants: Variant[];
    try {
      variants = variantsFor(op, fixtures);
    } catch (error) {
      generatorErrors.push((error as Error).message);
      continue;
    }
    const record = (variant: Variant, as: string, outcome: Outcome) => {
      records.push({ op, variant, as, outcome, problem: problemWith(variant, outcome) });
    };

    // Who the credentialed pass runs as: the admin, unless the route is for another kind of account.
    const passes: Array<{ as: string; headers: (v: Variant) => Record<string, string> }> = [{ as: 'anonymous', headers: () => ({}) }];
    if (op.security === 'bearer') {
      let chosen = sysadmin;
      for (const candidate of [sysadmin, agent, insured]) {
        const token = await alive(candidate);
        const probe = await send(variants[0], { authorization: `Bearer ${token}` });
        record(variants[0], `${candidate.name} (probe)`, probe);
        chosen = candidate;
        if (!(probe.status === 403 && codeOf(probe) === 'auth.forbidden')) break;
      }
      const token = await alive(chosen);
      passes.push({ as: chosen.name, headers: () => ({ authorization: `Bearer ${token}` }) });
    } else if (op.security === 'channel') {
      passes.push({
        as: 'signed channel',
        headers: (v) => signRequest({ appId: channel.appId, secret: channel.secret, method: v.method, path: v.url, body: v.body ?? '' }),
      });
    }

    const jobs = variants.flatMap((variant) => passes.filter((p) => p.as === 'anonymous' || !variant.anonymousOnly).map((pass) => ({ variant, pass })));
    await pool(jobs, CONCURRENCY, async ({ variant, pass }) => record(variant, pass.as, await send(variant, pass.headers(variant))));
    if (op.security === 'bearer') await ok('POST', `/user/accounts/${admin.id}/unlock`, { token: await alive(keeper) });
  }
  elapsedMs = Date.now() - started;
  // SWEEP_REPORT=file.json keeps every request and outcome for a closer look.
  if (process.env.SWEEP_REPORT) {
    const rows = records.map((r) => ({
      op: r.op.key,
      as: r.as,
      label: r.variant.label,
      url: r.variant.url.slice(0, 300),
      mustReject: r.variant.mustReject,
      field: r.variant.field,
      status: r.outcome.status,
      problem: r.problem,
      body: r.outcome.text.slice(0, 400),
    }));
    writeFileSync(process.env.SWEEP_REPORT, JSON.stringify(rows, null, 1));
  }
}

beforeAll(async () => {
  server = await startTestServer();
  await sweep();
}, 240_000);
afterAll(() => server?.close());

function excerpt(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

describe('OpenAPI malformed-request sweep', () => {
  it('answers every malformed request with a 4xx problem+json naming the field, and never a 5xx', () => {
    const statuses = new Map<number, number>();
    for (const r of records) statuses.set(r.outcome.status, (statuses.get(r.outcome.status) ?? 0) + 1);
    console.info(
      `openapi sweep: ${operations.length} operations, ${records.length} requests in ${(elapsedMs / 1000).toFixed(1)} s; statuses ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}`,
    );
    // Grouped by what went wrong, so one root cause reads as one block.
    const groups = new Map<string, string[]>();
    for (const r of records.filter((r) => r.problem)) {
      const url = r.variant.url.length > 120 ? `${r.variant.url.slice(0, 120)}…` : r.variant.url;
      const kind = r.problem!.replace(/".*"/g, '"…"');
      groups.set(kind, [...(groups.get(kind) ?? []), `  ${r.op.method} ${url} [${r.as}] ${r.variant.label} → ${r.problem}: ${excerpt(r.outcome.text)}`]);
    }
    if (schemaErrors.length) groups.set('request schema leaves input unbounded', schemaErrors.map((e) => `  ${e}`));
    const report = [
      ...generatorErrors.map((e) => `generator: ${e}`),
      ...[...groups].flatMap(([kind, lines]) => [`${kind} (${lines.length}):`, ...lines]),
    ];
    const count = generatorErrors.length + [...groups.values()].reduce((n, lines) => n + lines.length, 0);
    if (count) expect.fail(`${count} violations in ${records.length} requests:\n${report.join('\n')}`);
  });

  it('covers every /api/v1 operation in /openapi.json', () => {
    const reached = new Set(
      records.filter((r) => !r.outcome.error && !(r.outcome.status === 404 && codeOf(r.outcome) === 'request.not_found')).map((r) => r.op.key),
    );
    expect(operations.length).toBeGreaterThanOrEqual(40);
    expect([...reached].sort()).toEqual(operations.map((o) => o.key).sort());
  });
});
