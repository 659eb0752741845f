import { translate, type Locale } from '../i18n/index.js';
import type { DomainError, ErrorKind } from '../errors/index.js';

/** The one mapping from a domain error's kind to its HTTP status, for every center. */
export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unsupported_media: 415,
  unprocessable: 422,
  locked: 423,
  rate_limited: 429,
  upstream_failed: 502,
  unavailable: 503,
  upstream_timeout: 504,
};

export const statusOf = (error: DomainError) => STATUS_OF_KIND[error.kind];

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
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  504: 'Gateway Timeout',
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
