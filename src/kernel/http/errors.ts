import { translate, type Locale } from '../i18n/index.js';

/**
 * A failure the caller can act on. `code` is stable (clients branch on it); the message comes from
 * the i18n catalog in the caller's language; `field` names the offending input, if any.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Record<string, unknown> = {},
    readonly field?: string,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, field?: string, params: Record<string, unknown> = {}) =>
  new AppError(code, 400, { field, ...params }, field);
export const notFound = (code = 'request.not_found', params: Record<string, unknown> = {}) => new AppError(code, 404, params);
export const forbidden = (code = 'auth.forbidden', params: Record<string, unknown> = {}) => new AppError(code, 403, params);
export const unauthenticated = (code = 'auth.unauthenticated', params: Record<string, unknown> = {}) =>
  new AppError(code, 401, params);
export const conflict = (code: string, params: Record<string, unknown> = {}, field?: string) =>
  new AppError(code, 409, params, field);

export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, with the platform's stable code and trace id. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  traceId: string;
  field?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function problem(
  status: number,
  code: string,
  locale: Locale,
  traceId: string,
  params: Record<string, unknown> = {},
  extra: Partial<Problem> = {},
): Problem {
  return {
    type: `https://yibao.dev/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: translate(code, locale, params),
    code,
    traceId,
    ...extra,
  };
}
