/**
 * API client: JSON over fetch to /api/v1, bearer token from sessionStorage, one transparent
 * refresh on 401, problem+json errors turned into ApiError (code, detail, field, errors) so
 * forms can put the server's message on the right field.
 */
import type { FormInstance } from 'antd';

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

// ---- requests -------------------------------------------------------------------------------

export interface RequestOptions {
  /** query parameters; undefined / null / '' are left out */
  query?: Record<string, string | number | boolean | undefined | null>;
  /** send no Authorization header and never try a refresh (login, register, send SMS) */
  anonymous?: boolean;
  signal?: AbortSignal;
  /** sent as Idempotency-Key: a retry with the same key gets the first answer (money-moving POSTs) */
  idempotencyKey?: string;
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

function buildUrl(path: string, query?: RequestOptions['query']): string {
  let url = path.startsWith('/api/') ? path : `${API_BASE}${path}`;
  if (query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
    const qs = params.toString();
    if (qs) url += `${url.includes('?') ? '&' : '?'}${qs}`;
  }
  return url;
}

/** A body sent as it is (a file), not as JSON. */
export class RawBody {
  constructor(
    readonly data: Blob,
    readonly contentType: string,
  ) {}
}

async function send(method: string, url: string, body: unknown, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': acceptLanguage };
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

export async function request<T = unknown>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const res = await respond(method, path, body, options);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The successful answer itself (refreshing once on 401), or an ApiError. */
async function respond(method: string, path: string, body: unknown, options: RequestOptions): Promise<Response> {
  const url = buildUrl(path, options.query);
  let res: Response;
  try {
    res = await send(method, url, body, options);
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'network.unreachable', detail: acceptLanguage === 'en' ? 'The server cannot be reached' : '无法连接服务器' });
  }
  if (res.status === 401 && !options.anonymous && getTokens()) {
    if (await refreshOnce()) {
      res = await send(method, url, body, options);
    }
    if (res.status === 401) {
      setTokens(null);
      for (const l of sessionEndedListeners) l();
    }
  }
  if (!res.ok) throw await toError(res);
  return res;
}

export const api = {
  get: <T = unknown>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T = unknown>(path: string, body: unknown = {}, options?: RequestOptions) => request<T>('POST', path, body, options),
  patch: <T = unknown>(path: string, body: unknown = {}, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  put: <T = unknown>(path: string, body: unknown = {}, options?: RequestOptions) => request<T>('PUT', path, body, options),
  del: <T = unknown>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
  /** POSTs a file as the body itself (e.g. text/csv) */
  upload: <T = unknown>(path: string, file: Blob, contentType: string, options?: RequestOptions) => request<T>('POST', path, new RawBody(file, contentType), options),
  /** GETs a file (e.g. a CSV report) as a Blob */
  download: async (path: string, options?: RequestOptions) => (await respond('GET', path, undefined, options ?? {})).blob(),
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

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Accepts either a bare array or { items } from list endpoints. */
export function itemsOf<T>(value: T[] | { items?: T[] } | null | undefined): T[] {
  if (Array.isArray(value)) return value;
  return value?.items ?? [];
}
