/**
 * The one contract (issue 10), read where clients read it: /openapi.json.
 *
 * 1. Every operation under /api/ declares the body of a 2xx answer (a JSON schema, a file under its
 *    media type, or 204 no content); every list (a `page`/`pageSize` query) answers the one page
 *    shape `{ items, total, page, pageSize }`. Gaps are listed by operation, all at once.
 * 2. A sample call per center answers a body that validates against the schema its operation
 *    declares for that status (Ajv over the published document, not over the route's own schema).
 * 3. Identity numbers and credit codes are normalised, not refused: a lower-case `x` or lower-case
 *    letters are taken and stored upper-case, so either form finds the same record.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_FORMATS } from '../../src/kernel/http/validation.js';
import { startTestServer, type ApiResponse, type TestServer } from '../support/server.js';
import { loginStaff, newPerson, PASSWORD, randomCreditCode, randomIdNumber, randomName, randomPhone, smsCode, type TestUser } from '../support/factories.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface OpenApiOperation {
  parameters?: Array<{ name: string; in: string }>;
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Record<string, unknown> }> }>;
}

let server: TestServer;
let doc: { paths: Record<string, Partial<Record<(typeof METHODS)[number], OpenApiOperation>>> };

beforeAll(async () => {
  server = await startTestServer();
  doc = await (await fetch(`${server.url}/openapi.json`)).json();
}, 120_000);
afterAll(() => server?.close());

function* operations(prefix = '/api/') {
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith(prefix)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (op) yield { key: `${method.toUpperCase()} ${path}`, path, method, op };
    }
  }
}

const isEmptySchema = (schema: Record<string, unknown>) => Object.keys(schema).filter((k) => k !== 'description').length === 0;

/** What is missing from an operation's declared 2xx answers, or null when it declares one. */
function responseGap(op: OpenApiOperation): string | null {
  const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
  // a browser redirect (an OAuth callback) answers See Other, declared, with no body
  if (!success.length && Object.keys(op.responses ?? {}).some((status) => /^30[1237]$/.test(status))) return null;
  if (!success.length) return 'declares no 2xx response';
  const declared = success.filter(([status, response]) => {
    if (status === '204') return true; // NoContent: no body by definition
    const media = Object.values(response.content ?? {});
    return media.length > 0 && media.every((m) => m.schema && !isEmptySchema(m.schema));
  });
  if (declared.length) return null;
  return `declares ${success.map(([status, r]) => `${status} (${r.description ?? ''})`).join(', ')} without a body schema`;
}

const PAGE_KEYS = ['items', 'page', 'pageSize', 'total'];

/** How a list operation's 200 answer differs from `{ items, total, page, pageSize }`, or null. */
function pageGap(op: OpenApiOperation): string | null {
  const schema = op.responses?.['200']?.content?.['application/json']?.schema as
    | { type?: string; properties?: Record<string, { type?: string }>; required?: string[] }
    | undefined;
  if (!schema) return 'no 200 JSON schema';
  const keys = Object.keys(schema.properties ?? {}).sort();
  const problems: string[] = [];
  // Context may stand beside the page (an account's balance beside its entries), never instead of it.
  const missing = PAGE_KEYS.filter((k) => !keys.includes(k));
  if (missing.length) problems.push(`no ${missing.join(', ')} among [${keys.join(', ')}]`);
  if (schema.properties?.items?.type !== 'array') problems.push('items is not an array');
  for (const key of ['total', 'page', 'pageSize']) if (schema.properties?.[key] && schema.properties[key].type !== 'integer') problems.push(`${key} is not an integer`);
  const required = new Set(schema.required ?? []);
  const optional = PAGE_KEYS.filter((k) => !required.has(k));
  if (optional.length) problems.push(`${optional.join(', ')} not required`);
  return problems.length ? problems.join('; ') : null;
}

describe('the contract in /openapi.json', () => {
  it('has every /api/ operation declare the body of a 2xx answer', () => {
    const all = [...operations()];
    expect(all.length).toBeGreaterThan(40);
    const gaps = all.map(({ key, op }) => [key, responseGap(op)] as const).filter(([, gap]) => gap).map(([key, gap]) => `${key}: ${gap}`);
    if (gaps.length) console.info(`operations without a response schema (${gaps.length} of ${all.length}):\n  ${gaps.join('\n  ')}`);
    expect(gaps).toEqual([]);
  });

  it('documents file answers under their media type', () => {
    const asJson = [...operations()].flatMap(({ key, op }) =>
      Object.entries(op.responses ?? {})
        .filter(([, r]) => r.content?.['application/json']?.schema?.format === 'binary')
        .map(([status]) => `${key} ${status}`),
    );
    expect(asJson).toEqual([]);
  });

  it('has every list operation (page/pageSize) answer the one page shape', () => {
    const lists = [...operations()].filter(({ op }) => {
      const query = new Set((op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
      return query.has('page') && query.has('pageSize');
    });
    expect(lists.length).toBeGreaterThan(10);
    const gaps = lists.map(({ key, op }) => [key, pageGap(op)] as const).filter(([, gap]) => gap).map(([key, gap]) => `${key}: ${gap}`);
    if (gaps.length) console.info(`list operations not answering the page shape (${gaps.length} of ${lists.length}):\n  ${gaps.join('\n  ')}`);
    expect(gaps).toEqual([]);
  });
});

// ------------------------------------------------------------------------------------------------
// Sample calls checked against the published schemas

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => void;

const DOC_ID = 'openapi.json';
let ajv: Ajv | undefined;
/** A validator for the schema the document declares for one operation's status. */
function declaredSchema(method: string, path: string, status: number): ValidateFunction | string {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const [name, validate] of Object.entries(PLATFORM_FORMATS)) ajv.addFormat(name, { type: 'string', validate });
    ajv.addFormat('binary', true);
    ajv.addSchema(doc, DOC_ID);
  }
  const template = `/api/v1${path.replace(/\?.*$/, '')}`;
  const response = doc.paths[template]?.[method.toLowerCase() as (typeof METHODS)[number]]?.responses?.[String(status)];
  if (!response) return `${method} ${template} declares no ${status} answer`;
  if (!response.content?.['application/json']?.schema) return `${method} ${template} ${status} declares no JSON body schema`;
  const pointer = ['paths', template, method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema']
    .map((part) => encodeURIComponent(part.replace(/~/g, '~0').replace(/\//g, '~1')))
    .join('/');
  return ajv.compile({ $ref: `${DOC_ID}#/${pointer}` });
}

/** Calls a GET (of a path without parameters) as `token` and checks the answer against the document: a 2xx whose body fits its declared schema. */
async function sample(path: string, token: string) {
  const response: ApiResponse = await server.api('GET', path, { token });
  const where = `GET ${path} → ${response.status}`;
  expect(response.status, `${where} ${JSON.stringify(response.body)?.slice(0, 300)}`).toBeGreaterThanOrEqual(200);
  expect(response.status, `${where} ${JSON.stringify(response.body)?.slice(0, 300)}`).toBeLessThan(300);
  const validate = declaredSchema('GET', path, response.status);
  if (typeof validate === 'string') expect.fail(validate);
  const fits = validate(response.body);
  expect(fits ? [] : validate.errors!.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`), `${where}: body does not fit the declared schema`).toEqual([]);
  return response.body;
}

/** 居民身份证号码 whose check character is X, the case people type in lower case. */
function idNumberEndingInX(region = '411302'): string {
  for (;;) {
    const id = randomIdNumber(region);
    if (id.endsWith('X')) return id;
  }
}

/** 统一社会信用代码 with letters in it, so that lower case differs. */
function creditCodeWithLetters(): string {
  for (;;) {
    const code = randomCreditCode();
    if (/[A-Z]/.test(code.slice(8))) return code;
  }
}

async function login(identifier: string, password = PASSWORD, kind?: string) {
  return server.api('POST', '/auth/login', { body: { identifier, password, ...(kind ? { kind } : {}) } });
}

/** Real-name verification (L2) of an account against the fake authority, which is told the person first; the L2 token. */
async function verified(token: string, name: string, idNumber: string): Promise<string> {
  server.fakes.realName.addPerson({ idNumber: idNumber.toUpperCase(), name });
  const l2 = await server.api('POST', '/auth/realname', { token, body: { name, idNumber } });
  if (l2.status !== 200) throw new Error(`real-name verification failed: ${l2.status} ${JSON.stringify(l2.body)}`);
  return l2.body.accessToken;
}

/** Registers a unit with its managing agent, the credit code as given (the factory's newUnit makes its own). */
async function registerUnit(creditCode: string) {
  const agent = { idNumber: randomIdNumber(), phone: randomPhone(), name: randomName(), password: PASSWORD };
  const code = await smsCode(server, agent.phone, 'register');
  const registered = await server.api('POST', '/user/units/register', { body: { unitName: `契约测试单位${Date.now() % 1e6}有限公司`, creditCode, agent, smsCode: code } });
  return { registered, agent };
}

describe('sample calls answer what their operation declares', () => {
  let person: TestUser;
  let clerk: string;
  let sysadmin: string;
  let agent: string;

  beforeAll(async () => {
    clerk = (await loginStaff(server, 'nanyang_clerk')).accessToken;
    sysadmin = (await loginStaff(server, 'sysadmin')).accessToken;
    // The person and the unit are on file in the registry and their accounts verified (L2), so
    // their own pages have something to show.
    const idNumber = randomIdNumber();
    const name = randomName();
    const onFile = await server.api('POST', '/registry/persons', { token: clerk, body: { idNumber, name, regionCode: '411302', category: 'flexible' } });
    if (onFile.status !== 201) throw new Error(`registry person failed: ${onFile.status} ${JSON.stringify(onFile.body)}`);
    person = await newPerson(server, { idNumber, name });
    person.accessToken = await verified(person.accessToken, name, idNumber);
    const creditCode = randomCreditCode();
    const { registered, agent: unitAgent } = await registerUnit(creditCode);
    if (registered.status !== 201) throw new Error(`unit register failed: ${registered.status} ${JSON.stringify(registered.body)}`);
    // the agent who registered the unit is its legal representative in the registry
    await server.api('POST', '/registry/entities', { token: clerk, body: { creditCode, name: '契约测试单位有限公司', type: 'enterprise', regionCode: '411302', legalRepName: unitAgent.name, legalRepIdNumber: unitAgent.idNumber } });
    agent = await verified((await login(unitAgent.phone, PASSWORD, 'unit_agent')).body.accessToken, unitAgent.name, unitAgent.idNumber);
  }, 60_000);

  const SAMPLES: Array<[center: string, path: string, as: 'person' | 'clerk' | 'sysadmin' | 'agent']> = [
    ['kernel', '/ping', 'person'],
    ['kernel (audit)', '/audit/verify', 'sysadmin'],
    ['auth', '/auth/me/permissions', 'person'],
    ['user', '/user/me', 'person'],
    ['policy', '/policy/insurance-types', 'person'],
    ['registry', '/registry/persons?page=1&pageSize=5', 'clerk'],
    ['enrollment', '/enrollment/units?page=1&pageSize=5', 'clerk'],
    ['collection', '/collection/runs?page=1&pageSize=5', 'clerk'],
    ['personal', '/personal/me', 'person'],
    ['unit', '/unit/info', 'agent'],
    ['bill', '/bill/mine?page=1&pageSize=5', 'person'],
    ['voucher', '/voucher/risk-events?page=1&pageSize=5', 'clerk'],
    ['settlement', '/settlement/mine?page=1&pageSize=5', 'person'],
    ['payment', '/payment/mine?page=1&pageSize=5', 'person'],
  ];

  it('checks bodies for real: what does not fit a declared schema is refused', () => {
    const ping = declaredSchema('GET', '/ping', 200);
    if (typeof ping === 'string') return expect.fail(ping);
    expect([ping({ pong: true }), ping({ pong: 'yes' }), ping({})]).toEqual([true, false, false]);
    const verdict = declaredSchema('GET', '/audit/verify', 200);
    if (typeof verdict === 'string') return expect.fail(verdict);
    expect([verdict({ ok: true, checked: 3, lastId: null, checkpoint: null }), verdict({ ok: false, checked: 3, firstBadId: 2, reason: 'tampered' })]).toEqual([true, false]);
    expect(declaredSchema('GET', '/nowhere', 200)).toMatch(/declares no 200 answer/);
  });

  it.each(SAMPLES)('%s: GET %s', async (_center, path, as) => {
    const token = { person: () => person.accessToken, clerk: () => clerk, sysadmin: () => sysadmin, agent: () => agent }[as]();
    await sample(path, token);
  });
});

// ------------------------------------------------------------------------------------------------
// Identifiers: normalised, not refused

describe('identity numbers and credit codes are taken in either case and stored upper-case', () => {
  let clerk: string;
  beforeAll(async () => {
    clerk = (await loginStaff(server, 'nanyang_clerk')).accessToken;
  });

  it('registers a person with a lower-case x, who then logs in with the upper-case form; and the other way round', async () => {
    const upper = idNumberEndingInX();
    const lower = upper.toLowerCase();
    const registered = await newPerson(server, { idNumber: lower });
    const byUpper = await login(upper);
    expect(byUpper.status, JSON.stringify(byUpper.body)).toBe(200);
    const me = await server.api('GET', '/user/me', { token: byUpper.body.accessToken });
    expect(me.body.id ?? me.body.account?.id).toBe(registered.accountId);
    expect(me.body.idNumber).toMatch(/X$/);
    // the same number in the other case is the same person: refused as taken
    const phone = randomPhone();
    const again = await server.api('POST', '/user/persons/register', { body: { idNumber: upper, phone, name: registered.name, smsCode: await smsCode(server, phone, 'register'), password: PASSWORD } });
    expect([again.status, again.body.field], JSON.stringify(again.body)).toEqual([409, 'idNumber']);

    const other = idNumberEndingInX();
    await newPerson(server, { idNumber: other });
    const byLower = await login(other.toLowerCase());
    expect(byLower.status, JSON.stringify(byLower.body)).toBe(200);
  });

  it('keeps a registry person given with a lower-case x under the upper-case number, found by either', async () => {
    const upper = idNumberEndingInX();
    const created = await server.api('POST', '/registry/persons', { token: clerk, body: { idNumber: upper.toLowerCase(), name: randomName(), regionCode: '411302', category: 'resident' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.idNumber).toMatch(/X$/);
    for (const form of [upper, upper.toLowerCase()]) {
      const found = await server.api('POST', '/registry/persons/lookup', { token: clerk, body: { idNumber: form } });
      expect([found.status, found.body.id], form).toEqual([200, created.body.id]);
    }
    const { findPersonByIdNumber } = await import('../../src/centers/registry/index.js');
    expect((await findPersonByIdNumber(server.platform.ctx, upper))?.idNumber).toBe(upper);
  });

  it('stores a unit’s and a legal entity’s credit code given in lower case upper-case', async () => {
    const upper = creditCodeWithLetters();
    const lower = upper.toLowerCase();
    const { registered, agent } = await registerUnit(lower);
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    expect(registered.body.unit.creditCode).toBe(upper);

    const entity = await server.api('POST', '/registry/entities', {
      token: clerk,
      body: { creditCode: lower, name: '小写代码有限公司', type: 'enterprise', regionCode: '411302', legalRepName: agent.name, legalRepIdNumber: agent.idNumber },
    });
    expect(entity.status, JSON.stringify(entity.body)).toBe(201);
    expect(entity.body.creditCode.slice(-4)).toBe(upper.slice(-4));
    for (const form of [upper, lower]) {
      const listed = await server.api('GET', `/registry/entities?creditCode=${form}`, { token: clerk });
      expect([listed.status, listed.body.items?.map((e: { id: string }) => e.id)], form).toEqual([200, [entity.body.id]]);
    }
    const { findEntityByCreditCode } = await import('../../src/centers/registry/index.js');
    expect((await findEntityByCreditCode(server.platform.ctx, upper))?.creditCode).toBe(upper);

    // the unit center matches the unit (registered in lower case) to the registry's entity by the code
    const token = await verified((await login(agent.phone, PASSWORD, 'unit_agent')).body.accessToken, agent.name, agent.idNumber);
    const info = await server.api('GET', '/unit/info', { token });
    expect(info.status, JSON.stringify(info.body)).toBe(200);
    // and a certificate login finds the unit by either form
    for (const form of [upper, lower]) {
      const challenge = await server.api('POST', '/auth/cert/challenge', { body: { creditCode: form } });
      expect(challenge.status, `${form} ${JSON.stringify(challenge.body)}`).toBeLessThan(300);
    }
  });
});
