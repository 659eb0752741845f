/**
 * API client: JSON over fetch to /api/v1, typed from the platform's OpenAPI document
 * (npm run api:types writes web/src/api/schema.d.ts), bearer token from sessionStorage, one
 * transparent refresh on 401, problem+json errors turned into ApiError (code, detail, field,
 * errors) so forms can put the server's message on the right field.
 */
import type { FormInstance } from 'antd';
import type { components, paths } from './api/schema';

export const API_BASE = '/api/v1';

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  expiresIn?: number;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  traceId?: string;
  field?: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly field?: string;
  readonly errors: FieldProblem[];
  readonly traceId?: string;
  readonly problem: Problem;

  constructor(problem: Problem) {
    const detail = problem.detail || problem.title || `HTTP ${problem.status}`;
    super(detail);
    this.name = 'ApiError';
    this.problem = problem;
    this.status = problem.status;
    this.code = problem.code ?? `http.${problem.status}`;
    this.detail = detail;
    this.field = problem.field;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
    this.traceId = problem.traceId;
  }
}

// ---- tokens ---------------------------------------------------------------------------------

const TOKENS_KEY = 'yibao.tokens';

export function getTokens(): Tokens | null {
  try {
    const raw = sessionStorage.getItem(TOKENS_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Tokens;
    return parsed && typeof parsed.accessToken === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

export function setTokens(tokens: Tokens | null): void {
  if (tokens) sessionStorage.setItem(TOKENS_KEY, JSON.stringify({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, expiresIn: tokens.expiresIn }));
  else sessionStorage.removeItem(TOKENS_KEY);
}

/** Replaces only the access token (real-name / liveness hand back a new one at the higher level). */
export function setAccessToken(accessToken: string): void {
  const current = getTokens();
  if (current) setTokens({ ...current, accessToken });
}

// ---- language and session listeners ---------------------------------------------------------

let acceptLanguage = 'zh-CN';
export function setApiLanguage(lang: 'zh-CN' | 'en'): void {
  acceptLanguage = lang === 'en' ? 'en' : 'zh-CN';
}

type Listener = () => void;
const sessionEndedListeners = new Set<Listener>();
/** Called when the session is gone for good (refresh failed): the app shows the login page. */
export function onSessionEnded(listener: Listener): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

// ---- types from the platform's OpenAPI document -------------------------------------------------

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The paths that answer `method`, e.g. PathOf<'get'> includes '/api/v1/collection/runs/{id}'. */
export type PathOf<M extends Method> = { [P in keyof paths]: paths[P] extends { [K in M]: infer O } ? ([O] extends [never] ? never : P) : never }[keyof paths];

type Operation<P extends keyof paths, M extends Method> = paths[P] extends { [K in M]: infer O } ? O : never;
type ParametersOf<P extends keyof paths, M extends Method> = Operation<P, M> extends { parameters: infer Q } ? Q : never;
type Json<R> = R extends { content: infer C } ? (C extends { 'application/json': infer J } ? J : C[keyof C]) : undefined;
type Success = 200 | 201 | 202 | 204;

/** What a path answers when it succeeds, e.g. ResponseOf<'/api/v1/collection/runs/{id}'> is a run. */
export type ResponseOf<P extends keyof paths, M extends Method = 'get'> =
  Operation<P, M> extends { responses: infer R } ? { [S in keyof R]: S extends Success ? Json<R[S]> : never }[keyof R] : never;
/** One row of a list path's page, e.g. ItemOf<'/api/v1/collection/runs'>. */
export type ItemOf<P extends keyof paths> = ResponseOf<P> extends { items: Array<infer I> } ? I : never;
/** The JSON body a path takes (never when it takes none). */
export type BodyOf<P extends keyof paths, M extends Method> = Operation<P, M> extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;
/** A path's query parameters (never when it takes none). */
export type QueryOf<P extends keyof paths, M extends Method = 'get'> = NonNullable<ParametersOf<P, M> extends { query?: infer Q } ? Q : never>;
/** A path's `{name}` parameters (never when it has none). */
export type PathParamsOf<P extends keyof paths, M extends Method = 'get'> = NonNullable<ParametersOf<P, M> extends { path?: infer Q } ? Q : never>;
/** A schema the API names (a recursive tree, the problem), e.g. Schema<'AuthOrgNode'>. */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];
/** A path whose GET answers the page shape { items, total, page, pageSize }. */
export type ListPath = { [P in PathOf<'get'>]: ResponseOf<P> extends Page<unknown> ? P : never }[PathOf<'get'>];

// ---- requests -------------------------------------------------------------------------------

export interface RequestOptions {
  /** send no Authorization header and never try a refresh (login, register, send SMS) */
  anonymous?: boolean;
  signal?: AbortSignal;
  /** sent as Idempotency-Key: a retry with the same key gets the first answer (money-moving POSTs) */
  idempotencyKey?: string;
  /** further request headers: a secret the path declares as a header (never in the URL, which gets logged) */
  headers?: Record<string, string>;
}

type Query = Record<string, string | number | boolean | undefined | null>;

/** The parameters of a call: `path` when the path has `{name}`s, `query` as the path declares it. */
type ParamsInit<P extends keyof paths, M extends Method> = ([PathParamsOf<P, M>] extends [never] ? { path?: never } : { path: PathParamsOf<P, M> }) &
  ([QueryOf<P, M>] extends [never] ? { query?: never } : {} extends QueryOf<P, M> ? { query?: QueryOf<P, M> } : { query: QueryOf<P, M> });
export type CallInit<P extends keyof paths, M extends Method> = ParamsInit<P, M> & RequestOptions;
/** The init argument, left out when nothing in it is required. */
type InitArgs<P extends keyof paths, M extends Method> = {} extends CallInit<P, M> ? [init?: CallInit<P, M>] : [init: CallInit<P, M>];
/** The body argument (left out when the path takes none), then the init. */
type BodyArgs<P extends keyof paths, M extends Method> = [BodyOf<P, M>] extends [never] ? [body?: Record<string, never>, ...InitArgs<P, M>] : [body: BodyOf<P, M>, ...InitArgs<P, M>];

interface AnyInit extends RequestOptions {
  path?: object;
  query?: object;
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time; concurrent 401s wait for the same attempt. */
function refreshOnce(): Promise<boolean> {
  if (!refreshing) {
    refreshing = (async () => {
      const tokens = getTokens();
      if (!tokens?.refreshToken) return false;
      try {
        const res = await fetch(`${API_BASE}/auth/token/refresh`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': acceptLanguage },
          body: JSON.stringify({ refreshToken: tokens.refreshToken }),
        });
        if (!res.ok) return false;
        const body = (await res.json()) as Tokens;
        if (!body?.accessToken) return false;
        setTokens({ accessToken: body.accessToken, refreshToken: body.refreshToken ?? tokens.refreshToken, expiresIn: body.expiresIn });
        return true;
      } catch {
        return false;
      }
    })().finally(() => {
      refreshing = null;
    });
  }
  return refreshing;
}

/** '/api/v1/runs/{id}' with { id } → '/api/v1/runs/r%2F1', then the query; undefined / null / '' are left out. */
function buildUrl(path: string, init: AnyInit): string {
  const params = (init.path ?? {}) as Record<string, string | number>;
  let url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (params[name] === undefined) throw new Error(`${path}: no value for {${name}}`);
    return encodeURIComponent(String(params[name]));
  });
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries((init.query ?? {}) as Query)) if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  const qs = query.toString();
  if (qs) url += `?${qs}`;
  return url;
}

/** A body sent as it is (a file), not as JSON. */
class RawBody {
  constructor(
    readonly data: Blob,
    readonly contentType: string,
  ) {}
}

async function send(method: string, url: string, body: unknown, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers, accept: 'application/json, application/problem+json', 'accept-language': acceptLanguage };
  if (body instanceof RawBody) headers['content-type'] = body.contentType;
  else if (body !== undefined) headers['content-type'] = 'application/json';
  const tokens = options.anonymous ? null : getTokens();
  if (tokens?.accessToken) headers.authorization = `Bearer ${tokens.accessToken}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const payload = body === undefined ? undefined : body instanceof RawBody ? body.data : JSON.stringify(body);
  return fetch(url, { method, headers, body: payload, signal: options.signal });
}

async function toError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    const text = await res.text();
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (body && typeof body === 'object') return new ApiError({ status: res.status, ...(body as object) } as Problem);
  return new ApiError({ status: res.status, title: res.statusText, code: `http.${res.status}` });
}

/** The successful answer itself (refreshing once on 401), or an ApiError. */
async function respond(method: string, path: string, body: unknown, init: AnyInit = {}): Promise<Response> {
  const url = buildUrl(path, init);
  let res: Response;
  try {
    res = await send(method, url, body, init);
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'network.unreachable', detail: acceptLanguage === 'en' ? 'The server cannot be reached' : '无法连接服务器' });
  }
  if (res.status === 401 && !init.anonymous && getTokens()) {
    if (await refreshOnce()) {
      res = await send(method, url, body, init);
    }
    if (res.status === 401) {
      setTokens(null);
      for (const l of sessionEndedListeners) l();
    }
  }
  if (!res.ok) throw await toError(res);
  return res;
}

async function request(method: string, path: string, body: unknown, init?: AnyInit): Promise<never> {
  const res = await respond(method, path, body, init);
  if (res.status === 204) return undefined as never;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as never;
}

/**
 * The API, typed from the platform's OpenAPI document (web/src/api/schema.d.ts): the path as the
 * server declares it, its `{name}` parameters in `path`, its query, body and answer all checked.
 * A failure throws an ApiError; a 401 refreshes the tokens once and tries again.
 *
 *   api.get('/api/v1/collection/runs/{id}', { path: { id } })
 *   api.post('/api/v1/collection/runs', { month })
 */
export const api = {
  get: <P extends PathOf<'get'>>(path: P, ...[init]: InitArgs<P, 'get'>): Promise<ResponseOf<P, 'get'>> => request('GET', path, undefined, init),
  post: <P extends PathOf<'post'>>(path: P, ...[body = {}, init]: BodyArgs<P, 'post'>): Promise<ResponseOf<P, 'post'>> => request('POST', path, body, init),
  patch: <P extends PathOf<'patch'>>(path: P, ...[body = {}, init]: BodyArgs<P, 'patch'>): Promise<ResponseOf<P, 'patch'>> => request('PATCH', path, body, init),
  put: <P extends PathOf<'put'>>(path: P, ...[body = {}, init]: BodyArgs<P, 'put'>): Promise<ResponseOf<P, 'put'>> => request('PUT', path, body, init),
  del: <P extends PathOf<'delete'>>(path: P, ...[init]: InitArgs<P, 'delete'>): Promise<ResponseOf<P, 'delete'>> => request('DELETE', path, undefined, init),
  /** POSTs a file as the body itself (e.g. text/csv) */
  upload: <P extends PathOf<'post'>>(path: P, file: Blob, contentType: string, ...[init]: InitArgs<P, 'post'>): Promise<ResponseOf<P, 'post'>> =>
    request('POST', path, new RawBody(file, contentType), init),
  /** GETs a file (e.g. a CSV report) as a Blob */
  download: async <P extends PathOf<'get'>>(path: P, ...[init]: InitArgs<P, 'get'>): Promise<Blob> => (await respond('GET', path, undefined, init)).blob(),
};

/** Offers a Blob to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---- forms ----------------------------------------------------------------------------------

/** "body.agent.idNumber" / "agent/idNumber" -> ["agent", "idNumber"] */
function toNamePath(field: string): string[] {
  return field
    .replace(/^\/+/, '')
    .replace(/^(body|querystring|query|params)[./]/, '')
    .split(/[./]/)
    .filter(Boolean);
}

/**
 * Puts the server's message on the form field it names. `fields` lists this form's field names
 * (dotted for nested ones, e.g. "agent.phone"); `aliases` maps a server field name to one of them
 * when they differ (e.g. { newPassword: "password" }). Returns true when at least one field got
 * the message; otherwise the caller shows it elsewhere (alert or toast).
 */
export function applyFormError(form: FormInstance, error: unknown, fields: string[], aliases: Record<string, string> = {}): boolean {
  if (!(error instanceof ApiError)) return false;
  const known = new Set(fields);
  const items: FieldProblem[] = error.errors.length ? error.errors : error.field ? [{ field: error.field, message: error.detail }] : [];
  const out: { name: string[]; errors: string[] }[] = [];
  for (const item of items) {
    const raw = toNamePath(item.field).join('.');
    const name = aliases[raw] ?? aliases[item.field] ?? raw;
    if (!known.has(name)) continue;
    // One field at fault: the localized detail reads best; several: each entry's own message.
    const msg = items.length > 1 ? item.message : error.detail;
    out.push({ name: name.split('.'), errors: [msg] });
  }
  if (!out.length) return false;
  form.setFields(out);
  return true;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error) return error.message;
  return String(error);
}

// ---- shapes the pages use -------------------------------------------------------------------

/** The one page shape every list path answers. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
