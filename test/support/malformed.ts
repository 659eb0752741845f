/**
 * Malformed-request generation for the OpenAPI sweep (test/integration/openapi-sweep.test.ts).
 *
 * From each operation's schemas it builds one valid baseline request and then variants that break
 * one thing at a time (a body property, a path or query parameter, the body as a whole, the
 * credentials), so a 400 can be expected to name exactly the field that was broken. Whether a
 * variant must be refused is decided by an oracle: Ajv over the schema the server publishes, set up
 * the way the platform promises to validate (bodies strict, URLs coerced, the national identifier
 * formats) but independently of src/kernel/http/validation.ts, so a loosened server shows.
 */
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { isValidCreditCode, isValidIdNumber, isValidMobile, isValidRegionCode, isValidYearMonth, makeIdNumber } from '../../src/kernel/validation/identifiers.js';
import { randomCreditCode, randomIdNumber, randomPhone } from './factories.js';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  maxProperties?: number;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  nullable?: boolean;
  default?: unknown;
}

export interface Param {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export type Security = 'public' | 'bearer' | 'channel';

export interface Operation {
  method: string;
  /** OpenAPI path template, e.g. /api/v1/user/accounts/{id} */
  path: string;
  key: string;
  security: Security;
  body?: { schema: JsonSchema; required: boolean };
  pathParams: Param[];
  queryParams: Param[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/** Every operation of an OpenAPI 3 document under a path prefix. */
export function operationsOf(doc: any, prefix = '/api/v1/'): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths ?? {})) {
    if (!path.startsWith(prefix)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params: any[] = [...(item.parameters ?? []), ...(op.parameters ?? [])];
      const toParam = (p: any): Param => ({ name: p.name, required: Boolean(p.required), schema: p.schema ?? {} });
      const security = op.security ?? doc.security ?? [];
      const schemes = security.flatMap((s: object) => Object.keys(s));
      const json = op.requestBody?.content?.['application/json'];
      ops.push({
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        security: schemes.includes('channelSignature') ? 'channel' : schemes.length ? 'bearer' : 'public',
        body: json ? { schema: json.schema ?? {}, required: Boolean(op.requestBody.required) } : undefined,
        pathParams: params.filter((p) => p.in === 'path').map(toParam),
        queryParams: params.filter((p) => p.in === 'query').map(toParam),
      });
    }
  }
  return ops;
}

// ---------------------------------------------------------------------------------------------
// Valid examples

/** Values that make a baseline request plausible (real ids, so routes go past "not found"). */
export interface Fixtures {
  /** path parameter value by "<path template> <name>" (e.g. "/api/v1/auth/grants/{id} id"), else by name */
  pathValues: Record<string, string>;
  /** body/query property name -> value, used when it satisfies the schema */
  hints: Record<string, unknown>;
}

const FORMAT_EXAMPLES: Record<string, () => string> = {
  'cn-id-number': () => randomIdNumber(),
  'cn-credit-code': () => randomCreditCode(),
  'cn-mobile': () => randomPhone(),
  'region-code': () => '411302',
  'year-month': () => '2019-01',
  email: () => 'sweep@example.com',
  uri: () => 'https://example.com/return',
  'date-time': () => new Date().toISOString(),
  date: () => '2024-01-31',
  uuid: () => '5f0c8a5e-3d1f-4b7a-9a52-0c7d1e2f3a4b',
};

const FORMAT_BAD: Record<string, Array<[string, string]>> = {
  'cn-id-number': [
    ['bad checksum', '110105194912310021'],
    ['impossible birth date', makeIdNumber('110105', '1949-02-30', 2)],
    ['lower-case x with a bad checksum', '11010519491231003x'],
  ],
  'cn-credit-code': [
    ['bad check character', '91350100M000100Y44'],
    ['letter outside the alphabet', '91350100O000100Y4I'],
    ['lower case with a bad check character', '91350100m000100y44'],
  ],
  'cn-mobile': [
    ['5 digits', '12345'],
    ['starts with 2', '23800000000'],
    ['letter', '1380000000a'],
  ],
  'region-code': [
    ['5 digits', '41130'],
    ['letters', 'abcdef'],
  ],
  'year-month': [
    ['month 13', '2019-13'],
    ['no dash', '2019011'],
  ],
  email: [
    ['no at sign', 'not-an-email'],
    ['no domain', 'a@'],
  ],
  uri: [
    ['spaces, no scheme', 'not a uri'],
    ['no scheme', '//no-scheme/x'],
  ],
  'date-time': [['not a date', 'yesterday']],
  date: [['impossible date', '2024-02-30']],
  uuid: [['not a uuid', 'xyz']],
};

/** Strings of a given length built from characters typical of identifiers; the first the pattern accepts. */
function candidateStrings(length: number): string[] {
  const n = Math.max(length, 0);
  const mix = n ? 'a' + '1'.repeat(n - 1) : '';
  // 'H' + digits: an institution code (定点医药机构编码 H + region + 5 digits)
  const institution = n ? 'H' + '1'.repeat(n - 1) : '';
  return ['a'.repeat(n), '1'.repeat(n), 'A'.repeat(n), mix, 'ab'.repeat(n).slice(0, n), '测'.repeat(n), institution];
}

function matches(pattern: string | undefined, value: string): boolean {
  return !pattern || new RegExp(pattern, 'u').test(value);
}

function stringOfLength(schema: JsonSchema, length: number): string | undefined {
  return candidateStrings(length).find((s) => matches(schema.pattern, s));
}

/** The enum a schema restricts to, if it is one (OpenAPI renders TypeBox literals as anyOf of one-value enums). */
export function enumOf(schema: JsonSchema): unknown[] | undefined {
  if (schema.enum) return schema.enum;
  if (schema.const !== undefined) return [schema.const];
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length && alternatives.every((a) => a.enum || a.const !== undefined)) return alternatives.flatMap((a) => enumOf(a)!);
  return undefined;
}

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  const values = enumOf(schema);
  if (values) return typeof values[0];
  const alternatives = schema.anyOf ?? schema.oneOf;
  return alternatives ? typeOf(alternatives[0]) : undefined;
}

/** A value that satisfies the schema, preferring fixture hints; throws when it cannot make one. */
export function exampleOf(schema: JsonSchema, name: string, fixtures: Fixtures): unknown {
  const hint = fixtures.hints[name];
  const values = enumOf(schema);
  if (values) return hint !== undefined && values.includes(hint) ? hint : values[0];
  if (schema.anyOf ?? schema.oneOf) return exampleOf((schema.anyOf ?? schema.oneOf)![0], name, fixtures);
  switch (typeOf(schema)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(schema.properties ?? {})) out[key] = exampleOf(prop, key, fixtures);
      return out;
    }
    case 'array': {
      const itemValues = schema.items ? enumOf(schema.items) : undefined;
      const count = Math.max(schema.minItems ?? 0, 1);
      if (itemValues) return itemValues.slice(0, count);
      return Array.from({ length: count }, (_, i) => {
        const item = exampleOf(schema.items ?? { type: 'string' }, name, fixtures);
        return typeof item === 'string' && schema.uniqueItems ? `${item}${i || ''}`.slice(0, schema.items?.maxLength ?? 1000) : item;
      });
    }
    case 'integer':
    case 'number':
      if (typeof hint === 'number') return hint;
      return Math.min(Math.max(schema.minimum ?? 1, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
    case 'boolean':
      return typeof hint === 'boolean' ? hint : true;
    case 'string':
    default: {
      if (typeof hint === 'string' && fits(schema, hint)) return hint;
      if (schema.format) {
        const make = FORMAT_EXAMPLES[schema.format];
        if (!make) throw new Error(`no example generator for string format "${schema.format}" (${name}); add one to test/support/malformed.ts`);
        return make();
      }
      const length = Math.min(Math.max(schema.minLength ?? 0, 3), schema.maxLength ?? 3);
      const value = stringOfLength(schema, length);
      if (value === undefined) throw new Error(`cannot make a string for pattern ${schema.pattern} (${name}); add a candidate to test/support/malformed.ts`);
      return value;
    }
  }
}

function fits(schema: JsonSchema, value: string): boolean {
  const length = [...value].length;
  return length >= (schema.minLength ?? 0) && length <= (schema.maxLength ?? Infinity) && matches(schema.pattern, value);
}

// ---------------------------------------------------------------------------------------------
// Oracle: the validation contract over the published schemas

// ajv-formats is CommonJS; its default export arrives wrapped under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => void;

function oracleAjv(options: Options): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: false, useDefaults: true, ...options });
  addFormats(ajv);
  ajv.addFormat('cn-id-number', { type: 'string', validate: isValidIdNumber });
  ajv.addFormat('cn-credit-code', { type: 'string', validate: isValidCreditCode });
  ajv.addFormat('cn-mobile', { type: 'string', validate: isValidMobile });
  ajv.addFormat('region-code', { type: 'string', validate: isValidRegionCode });
  ajv.addFormat('year-month', { type: 'string', validate: isValidYearMonth });
  // The platform's promise: a string marked `x-upper-case` is taken in any case (its upper-case form is checked).
  ajv.addKeyword({
    keyword: 'x-upper-case',
    modifying: true,
    schemaType: 'boolean',
    validate: (on: boolean, data: unknown, _schema: unknown, cxt?: { parentData?: Record<string | number, unknown>; parentDataProperty?: string | number }) => {
      if (on && typeof data === 'string' && cxt?.parentData && cxt.parentDataProperty !== undefined) cxt.parentData[cxt.parentDataProperty] = data.toUpperCase();
      return true;
    },
  });
  return ajv;
}

/** Bodies: a string is never a number; URLs carry text, so path and query values are coerced. */
const oracle = { body: oracleAjv({ coerceTypes: false }), url: oracleAjv({ coerceTypes: 'array' }) };
const compiled = new Map<string, (data: unknown) => boolean>();

function validatorFor(key: string, schema: object, httpPart: 'body' | 'querystring' | 'params') {
  let validate = compiled.get(key);
  if (!validate) {
    validate = (httpPart === 'body' ? oracle.body : oracle.url).compile(schema) as (data: unknown) => boolean;
    compiled.set(key, validate);
  }
  return validate;
}

const paramsSchema = (params: Param[]): JsonSchema => ({
  type: 'object',
  properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
  required: params.filter((p) => p.required && p.schema.default === undefined).map((p) => p.name),
});

/** Would the server accept this body? (undefined = no body; it is validated as null, as Fastify does) */
function bodyAccepted(op: Operation, body: unknown): boolean {
  if (!op.body) return true;
  // A JSON round trip rather than structuredClone: it keeps an own "__proto__" key as JSON.parse made it.
  return validatorFor(`${op.key} body`, op.body.schema, 'body')(body === undefined ? null : JSON.parse(JSON.stringify(body)));
}

function queryAccepted(op: Operation, query: Record<string, unknown>): boolean {
  if (!op.queryParams.length) return true;
  return validatorFor(`${op.key} query`, paramsSchema(op.queryParams), 'querystring')(structuredClone(query));
}

function paramsAccepted(op: Operation, params: Record<string, string>): boolean {
  if (!op.pathParams.length) return true;
  return validatorFor(`${op.key} params`, paramsSchema(op.pathParams), 'params')({ ...params });
}

// ---------------------------------------------------------------------------------------------
// Variants

export interface Variant {
  /** what was broken, e.g. "body agent.idNumber: bad checksum" */
  label: string;
  method: string;
  /** path and query as sent (already encoded) */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** the request is malformed: any status below 400 is a failure */
  mustReject: boolean;
  /** a 400 for this variant must name this field (or a child of it, e.g. capabilities.0) */
  field?: string;
  /** send without credentials only (the variant is about the credentials themselves) */
  anonymousOnly?: boolean;
}

type QueryValue = string | string[] | { raw: string };

interface Parts {
  params: Record<string, { raw?: string; value: string }>;
  query: Record<string, QueryValue>;
  /** the JSON body value, or a raw body with its content type */
  body?: { value: unknown } | { raw: string; contentType?: string; parsed: () => unknown; accepted?: boolean };
  headers?: Record<string, string>;
}

const REMOVE = Symbol('remove');
const HUNDRED_KB = 100 * 1024;

function withValue(root: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path[path.length - 1];
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}

function decodeQuery(search: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(search)) {
    const prev = out[key];
    out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return out;
}

function buildUrl(op: Operation, parts: Parts): { url: string; search: string } {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const p = parts.params[name];
    return p.raw ?? encodeURIComponent(p.value);
  });
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(parts.query)) {
    const k = encodeURIComponent(key);
    if (typeof value === 'string') pairs.push(`${k}=${encodeURIComponent(value)}`);
    else if (Array.isArray(value)) for (const v of value) pairs.push(`${k}=${encodeURIComponent(v)}`);
    else pairs.push(`${k}=${value.raw}`);
  }
  const search = pairs.join('&');
  return { url: search ? `${path}?${search}` : path, search };
}

function decodedParams(parts: Parts): Record<string, string> | null {
  const out: Record<string, string> = {};
  for (const [name, p] of Object.entries(parts.params)) {
    if (p.raw === undefined) {
      out[name] = p.value;
      continue;
    }
    try {
      out[name] = decodeURIComponent(p.raw);
    } catch {
      return null;
    }
  }
  return out;
}

function makeVariant(op: Operation, label: string, parts: Parts, field?: string, override: Partial<Variant> = {}): Variant {
  const { url, search } = buildUrl(op, parts);
  const headers: Record<string, string> = { ...parts.headers };
  let body: string | undefined;
  let bodyOk = true;
  if (parts.body && 'value' in parts.body) {
    body = JSON.stringify(parts.body.value);
    headers['content-type'] = 'application/json';
    bodyOk = bodyAccepted(op, parts.body.value);
  } else if (parts.body) {
    body = parts.body.raw;
    if (parts.body.contentType) headers['content-type'] = parts.body.contentType;
    bodyOk = parts.body.accepted ?? bodyAccepted(op, parts.body.parsed());
  } else {
    bodyOk = bodyAccepted(op, undefined);
  }
  const params = decodedParams(parts);
  const accepted = params !== null && paramsAccepted(op, params) && bodyOk && queryAccepted(op, decodeQuery(search));
  return { label, method: op.method, url, headers, body, mustReject: !accepted, field: accepted ? undefined : field, ...override };
}

/** Wrong values for one schema node, each with a short description. */
function badValues(schema: JsonSchema, name: string, fixtures: Fixtures): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  const type = typeOf(schema);
  const values = enumOf(schema);
  if (!schema.nullable) out.push(['null', null]);
  if (values) {
    out.push(['outside the enum', 'not_a_member'], ['number instead of enum string', 1]);
    return out;
  }
  switch (type) {
    case 'string': {
      out.push(['number instead of string', 12345], ['object instead of string', { a: 1 }]);
      const max = schema.maxLength;
      if (max !== undefined) out.push([`over-long (${max + 1} chars)`, stringOfLength(schema, max + 1) ?? 'a'.repeat(max + 1)]);
      out.push(['100 KB string', 'a'.repeat(HUNDRED_KB)]);
      if ((schema.minLength ?? 0) > 0) out.push([`too short (${schema.minLength! - 1} chars)`, 'a'.repeat(schema.minLength! - 1)]);
      if (schema.pattern) {
        const min = Math.max(schema.minLength ?? 1, 1);
        const breaking = ['<script>', ' leading space', 'a\nb', '中文', '!!!', '../x'].map((s) => s.padEnd(min, '!')).find((s) => !matches(schema.pattern, s) && fits({ ...schema, pattern: undefined }, s));
        if (breaking) out.push([`not matching ${schema.pattern}`, breaking]);
      }
      for (const [what, value] of (schema.format && FORMAT_BAD[schema.format]) || []) out.push([`${schema.format} ${what}`, value]);
      if (!schema.pattern && !schema.format) {
        // Valid by schema, so these reach the handler: storage and encoding edge cases.
        const example = String(exampleOf(schema, name, fixtures));
        out.push(['contains a NUL character', `${example.slice(0, 1)}\u0000${example.slice(1)}`.slice(0, max ?? Infinity)]);
        if (max !== undefined) out.push([`at maxLength in 4-byte characters (${max} emoji)`, '😀'.repeat(max)]);
      }
      break;
    }
    case 'integer':
    case 'number':
      out.push(['string instead of number', '1'], ['boolean instead of number', true]);
      if (type === 'integer') out.push(['fraction', 1.5]);
      if (schema.minimum !== undefined) out.push(['below minimum', schema.minimum - 1]);
      if (schema.maximum !== undefined) out.push(['above maximum', schema.maximum + 1]);
      out.push(['huge number', 1e308]);
      break;
    case 'boolean':
      out.push(['string instead of boolean', 'true'], ['number instead of boolean', 1]);
      break;
    case 'array': {
      out.push(['object instead of array', { a: 1 }], ['string instead of array', 'x']);
      if ((schema.minItems ?? 0) > 0) out.push(['empty array', []]);
      const item = schema.items ? exampleOf(schema.items, name, fixtures) : 'x';
      out.push(['item of the wrong type', [typeof item === 'number' ? 'x' : 12345]]);
      if (schema.items && enumOf(schema.items)) out.push(['item outside the enum', ['not_a_member']]);
      if (schema.uniqueItems) out.push(['duplicate items', [item, item]]);
      if (schema.maxItems !== undefined) {
        out.push([`${schema.maxItems + 1} items`, Array.from({ length: schema.maxItems + 1 }, (_, i) => (typeof item === 'string' ? `${item}${i}` : item))]);
      }
      break;
    }
    case 'object':
      out.push(['string instead of object', 'x'], ['array instead of object', [1]]);
      break;
  }
  return out;
}

const isGetLike = (method: string) => method === 'GET' || method === 'HEAD';

/** The valid baseline parts of an operation, and every variant generated from it. */
export function variantsFor(op: Operation, fixtures: Fixtures, maxVariants = 150): Variant[] {
  const params: Parts['params'] = {};
  for (const p of op.pathParams) {
    const value = fixtures.pathValues[`${op.path} ${p.name}`] ?? fixtures.pathValues[p.name] ?? exampleOf(p.schema, p.name, fixtures);
    params[p.name] = { value: String(value) };
  }
  const query: Parts['query'] = {};
  for (const p of op.queryParams) {
    if (p.required || fixtures.hints[p.name] !== undefined) query[p.name] = String(exampleOf(p.schema, p.name, fixtures));
  }
  const bodyValue = op.body ? exampleOf(op.body.schema, 'body', fixtures) : undefined;
  const base: Parts = { params, query, body: op.body ? { value: bodyValue } : undefined };

  const variants: Variant[] = [];
  const baseline = makeVariant(op, 'valid baseline', base);
  if (baseline.mustReject) {
    throw new Error(`${op.key}: the generated baseline does not satisfy the published schema: ${JSON.stringify({ params, query, body: bodyValue })}`);
  }
  variants.push(baseline);

  // Body properties, nested objects one level deep.
  if (op.body && bodyValue && typeof bodyValue === 'object') {
    const walk = (schema: JsonSchema, path: string[], depth: number) => {
      const required = new Set(schema.required ?? []);
      for (const [name, prop] of Object.entries(schema.properties ?? {})) {
        const at = [...path, name];
        const field = at.join('.');
        const withBody = (value: unknown) => ({ ...base, body: { value: withValue(bodyValue, at, value) } });
        if (required.has(name)) variants.push(makeVariant(op, `body ${field}: missing`, withBody(REMOVE), field));
        for (const [what, value] of badValues(prop, name, fixtures)) variants.push(makeVariant(op, `body ${field}: ${what}`, withBody(value), field));
        if (typeOf(prop) === 'object' && prop.properties && depth < 1) walk(prop, at, depth + 1);
      }
      const extra = [...path, 'unexpectedProperty'];
      variants.push(makeVariant(op, `body ${extra.join('.')}: unknown property`, { ...base, body: { value: withValue(bodyValue, extra, 'x') } }, extra.join('.')));
    };
    walk(op.body.schema, [], 0);
  }

  // The body as a whole (not for GET/HEAD: HTTP clients send no body with those).
  if (!isGetLike(op.method)) {
    const raw = (label: string, text: string, contentType: string | undefined, parsed: () => unknown, accepted?: boolean, field = 'body') =>
      variants.push(makeVariant(op, `body: ${label}`, { ...base, body: { raw: text, contentType, parsed, accepted } }, field));
    raw('invalid JSON text', '{"a":', 'application/json', () => undefined, false);
    raw('JSON array instead of object', '[1,2]', 'application/json', () => [1, 2]);
    raw('JSON null', 'null', 'application/json', () => null);
    raw('JSON string', '"x"', 'application/json', () => 'x');
    raw('empty body with JSON content type', '', 'application/json', () => undefined);
    raw('text/plain content type', JSON.stringify(bodyValue ?? {}), 'text/plain', () => JSON.stringify(bodyValue ?? {}));
    raw('unsupported content type (application/xml)', '<a/>', 'application/xml', () => undefined, false);
    raw('huge body (> 1 MiB)', JSON.stringify({ pad: 'a'.repeat(1024 * 1024 + 16) }), 'application/json', () => undefined, false);
    // The baseline plus one more key: 5000 levels of nested arrays, or an own "__proto__" (as JSON.parse makes it).
    const inner = JSON.stringify(bodyValue ?? {}).slice(1, -1);
    const plus = (key: string, json: string) => `{${inner ? `${inner},` : ''}"${key}":${json}}`;
    raw('deeply nested JSON (5000 levels)', plus('nested', `${'['.repeat(5000)}${']'.repeat(5000)}`), 'application/json', () => JSON.parse(plus('nested', '[[]]')), undefined, 'nested');
    const proto = plus('__proto__', '{"polluted":true}');
    raw('__proto__ key', proto, 'application/json', () => JSON.parse(proto), undefined, '__proto__');
    if (!op.body) variants.push(makeVariant(op, 'body: no body at all', { ...base, body: undefined }));
    else variants.push(makeVariant(op, 'body: no body at all', { ...base, body: undefined }, 'body'));
  }

  // Path parameters.
  for (const p of op.pathParams) {
    const broken: Array<[string, string]> = [
      ['500-char value', 'a'.repeat(500)],
      ['encoded ../ traversal', encodeURIComponent('../../etc/passwd')],
      ['%00 (NUL)', 'x%00y'],
      ['unicode', encodeURIComponent('账号中文😀')],
      ['broken percent-encoding', '%E0%A4%A'],
      ['SQL-ish quote', encodeURIComponent("x' or '1'='1")],
      ['empty', ''],
    ];
    for (const [what, rawValue] of broken) {
      // A URL that cannot be decoded fails before routing, when no parameter names exist yet: the field is the URL.
      const field = what === 'broken percent-encoding' ? 'url' : p.name;
      variants.push(makeVariant(op, `path ${p.name}: ${what}`, { ...base, params: { ...params, [p.name]: { value: '', raw: rawValue } } }, field));
    }
  }

  // Query parameters.
  for (const p of op.queryParams) {
    const type = typeOf(p.schema);
    const set = (value: QueryValue | typeof REMOVE) => {
      const q = { ...query };
      if (value === REMOVE) delete q[p.name];
      else q[p.name] = value;
      return { ...base, query: q };
    };
    if (p.required) variants.push(makeVariant(op, `query ${p.name}: missing`, set(REMOVE), p.name));
    const cases: Array<[string, QueryValue]> =
      type === 'integer' || type === 'number'
        ? [
            ['not a number', 'abc'],
            ['negative', '-1'],
            ['zero', '0'],
            ['fraction', '1.5'],
            ['huge', '99999999999999999999999'],
            ['beyond maximum', String((p.schema.maximum ?? 1e9) + 1)],
            ['at maximum', String(p.schema.maximum ?? 2147483647)],
            ['empty', ''],
            ['repeated', ['1', '2']],
          ]
        : [
            ['over-long', 'a'.repeat((p.schema.maxLength ?? 1000) + 1)],
            ['100 KB (beyond the HTTP header limit)', 'a'.repeat(HUNDRED_KB)],
            ['%00 (NUL)', { raw: 'a%00b' }],
            ['LIKE wildcards', '%_\\'],
            ['unicode', '中文😀'],
            ['repeated', ['a', 'b']],
            ['broken percent-encoding', { raw: '%E0%A4%A' }],
          ];
    for (const [what, value] of cases) variants.push(makeVariant(op, `query ${p.name}: ${what}`, set(value), p.name));
  }

  // Credentials themselves (sent without a valid token).
  if (op.security === 'bearer') {
    for (const [what, header] of [
      ['garbage bearer token', 'Bearer not-a-token'],
      ['forged v1 token', `Bearer v1.${Buffer.from('{"sub":"x","sid":"y","exp":99999999999}').toString('base64url')}.AAAA`],
      ['8 KB bearer token', `Bearer ${'a'.repeat(8192)}`],
      ['basic scheme', 'Basic dXNlcjpwYXNz'],
    ]) {
      variants.push(makeVariant(op, `header authorization: ${what}`, { ...base, headers: { authorization: header } }, undefined, { anonymousOnly: true }));
    }
  }
  if (op.security === 'channel') {
    const signed = (appId: string, timestamp: string) => ({ 'x-app-id': appId, 'x-timestamp': timestamp, 'x-nonce': 'n0nce-sweep-1234', 'x-signature': 'ab'.repeat(32) });
    variants.push(makeVariant(op, 'header x-signature: unknown app', { ...base, headers: signed('app-unknown', String(Date.now())) }, undefined, { anonymousOnly: true }));
    variants.push(makeVariant(op, 'header x-signature: stale timestamp', { ...base, headers: signed('app-unknown', '1') }, undefined, { anonymousOnly: true }));
    variants.push(makeVariant(op, 'header x-signature: malformed headers', { ...base, headers: { ...signed('a\tb', 'soon'), 'x-signature': 'zz' } }, undefined, { anonymousOnly: true }));
  }

  if (variants.length > maxVariants) {
    throw new Error(`${op.key}: ${variants.length} variants exceed the bound of ${maxVariants}; raise it deliberately or trim the generator`);
  }
  return variants;
}

/**
 * What a published request schema leaves open: strings without maxLength (an over-long value would
 * be accepted) and objects that take unknown properties. The oracle follows the schema, so these are
 * checked on the schema itself.
 */
export function schemaGaps(op: Operation): string[] {
  const gaps: string[] = [];
  const walk = (schema: JsonSchema, at: string) => {
    if (enumOf(schema)) return;
    const alternatives = schema.anyOf ?? schema.oneOf;
    // a union is as bounded as each of its alternatives
    if (alternatives) return alternatives.forEach((alternative) => walk(alternative, at));
    const type = typeOf(schema);
    if (type === 'string' && schema.maxLength === undefined) gaps.push(`${at}: string without maxLength`);
    if (type === 'array') {
      const boundedByEnum = schema.uniqueItems && schema.items && enumOf(schema.items);
      if (schema.maxItems === undefined && !boundedByEnum) gaps.push(`${at}: array without maxItems`);
      if (schema.items) walk(schema.items, `${at}[]`);
    }
    if (type === 'object') {
      // a map (names → typed values) is bounded when its size is: the values are walked instead
      const map = typeof schema.additionalProperties === 'object' && schema.maxProperties !== undefined;
      if (map) walk(schema.additionalProperties as JsonSchema, `${at}{}`);
      else if (schema.additionalProperties !== false) gaps.push(`${at}: object accepts unknown properties`);
      for (const [name, prop] of Object.entries(schema.properties ?? {})) walk(prop, at === 'body' ? name : `${at}.${name}`);
    }
  };
  if (op.body) walk(op.body.schema, 'body');
  for (const p of [...op.pathParams, ...op.queryParams]) walk(p.schema, p.name);
  return gaps.map((gap) => `${op.key} ${gap}`);
}

// ---------------------------------------------------------------------------------------------
// Checking responses

export interface Outcome {
  status: number;
  contentType: string;
  text: string;
  error?: string;
}

const PROBLEM_KEYS: Array<[string, string]> = [
  ['type', 'string'],
  ['title', 'string'],
  ['status', 'number'],
  ['detail', 'string'],
  ['code', 'string'],
  ['traceId', 'string'],
];

/**
 * Statuses a request refused by validation may get: 400 (or 413/414/415/431 for the request as a
 * whole), the guard's 401/403 (whichever runs first), or the router's 404 for a path that no longer
 * matches. Anything else (409, 423, a handler's own 404, ...) means the handler ran.
 */
function refusedBeforeHandler(status: number, code: string): boolean {
  if ([400, 413, 414, 415, 431].includes(status)) return true;
  if (status === 401 || status === 403) return code.startsWith('auth.');
  return status === 404 && code === 'request.not_found';
}

/** What is wrong with a response to a variant, or undefined when it is acceptable. */
export function problemWith(variant: Variant, outcome: Outcome): string | undefined {
  if (outcome.error) return `no response: ${outcome.error}`;
  const { status } = outcome;
  if (status >= 500) return `server error ${status}`;
  if (status < 400) return variant.mustReject ? `malformed request accepted with ${status}` : undefined;
  if (!outcome.contentType.startsWith('application/problem+json')) return `4xx with content-type "${outcome.contentType}" instead of application/problem+json`;
  let body: any;
  try {
    body = JSON.parse(outcome.text);
  } catch {
    return '4xx problem body is not JSON';
  }
  const missing = PROBLEM_KEYS.filter(([key, type]) => typeof body?.[key] !== type).map(([key]) => key);
  if (missing.length) return `problem body lacks ${missing.join(', ')}`;
  if (body.status !== status) return `problem status ${body.status} differs from HTTP status ${status}`;
  if (variant.mustReject && !refusedBeforeHandler(status, body.code)) {
    return `malformed request got past validation (${status} ${body.code} from the handler, not a 400)`;
  }
  if (status === 400 && variant.mustReject && variant.field) {
    const field = typeof body.field === 'string' ? body.field : undefined;
    if (field !== variant.field && !field?.startsWith(`${variant.field}.`)) return `400 names field "${field}" instead of "${variant.field}"`;
  }
  return undefined;
}
