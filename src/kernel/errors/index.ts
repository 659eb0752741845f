/**
 * Domain errors: what went wrong, in the domain's words. A center throws these from its services and
 * never names an HTTP status; the HTTP kernel (kernel/http/errors.ts) maps each kind to one status,
 * the same in every center.
 */

/** What kind of failure, independent of the transport. */
export type ErrorKind =
  /** the input is malformed or breaks a rule about its own shape (400) */
  | 'invalid'
  /** no or a bad credential (401) */
  | 'unauthenticated'
  /** the caller is known but lacks the permission, level or kind (403) */
  | 'forbidden'
  /** no such thing, or not within the caller's scope (404) */
  | 'not_found'
  /** the thing's current state forbids this (409) */
  | 'conflict'
  /** the input is too big (413) */
  | 'too_large'
  /** the input's media type is not spoken (415) */
  | 'unsupported_media'
  /** well-formed, but the facts say no (422) */
  | 'unprocessable'
  /** locked after too many failures (423) */
  | 'locked'
  /** it was, and is no more: an expired one-time code (410) */
  | 'gone'
  /** too many requests (429) */
  | 'rate_limited'
  /** an external party answered badly or not at all (502) */
  | 'upstream_failed'
  /** an external party did not answer in time (504) */
  | 'upstream_timeout'
  /** the platform cannot serve it now (503) */
  | 'unavailable';

/**
 * A failure the caller can act on. `code` is stable (clients branch on it); the message comes from
 * the i18n catalog in the caller's language; `field` names the offending input, if any.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    readonly params: Record<string, unknown> = {},
    readonly field?: string,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

export const badRequest = (code: string, field?: string, params: Record<string, unknown> = {}) =>
  new DomainError(code, 'invalid', { field, ...params }, field);
export const notFound = (code = 'request.not_found', params: Record<string, unknown> = {}) => new DomainError(code, 'not_found', params);
export const forbidden = (code = 'auth.forbidden', params: Record<string, unknown> = {}) => new DomainError(code, 'forbidden', params);
export const unauthenticated = (code = 'auth.unauthenticated', params: Record<string, unknown> = {}) => new DomainError(code, 'unauthenticated', params);
export const conflict = (code: string, params: Record<string, unknown> = {}, field?: string) => new DomainError(code, 'conflict', params, field);
export const unprocessable = (code: string, params: Record<string, unknown> = {}, field?: string) => new DomainError(code, 'unprocessable', params, field);

/** The caller's doing (fix the input, wait, ask for access), not the platform's or a party's failure. */
export const isCallersFault = (error: unknown): error is DomainError =>
  error instanceof DomainError && !['upstream_failed', 'upstream_timeout', 'unavailable'].includes(error.kind);
