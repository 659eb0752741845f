import { describe, expect, it } from 'vitest';
import { STATUS_OF_KIND, statusOf } from '../http/errors.js';
import { badRequest, conflict, DomainError, forbidden, isCallersFault, notFound, unauthenticated, unprocessable, type ErrorKind } from './index.js';

/** Every kind with the one status it stands for; `satisfies` makes a new kind fail to compile here until it is added. */
const EXPECTED = {
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
} as const satisfies Record<ErrorKind, number>;

const ERROR_KINDS = Object.keys(EXPECTED) as ErrorKind[];

describe('domain errors', () => {
  it.each(ERROR_KINDS)('%s maps to one HTTP status', (kind) => {
    expect(STATUS_OF_KIND[kind]).toBe(EXPECTED[kind]);
    expect(statusOf(new DomainError('x.y', kind))).toBe(EXPECTED[kind]);
  });

  it('maps no two kinds to the same status, and knows no kind beyond these', () => {
    expect(Object.keys(STATUS_OF_KIND).sort()).toEqual([...ERROR_KINDS].sort());
    expect(new Set(Object.values(STATUS_OF_KIND)).size).toBe(ERROR_KINDS.length);
  });

  it.each([
    [badRequest('x.bad', 'idNumber'), 'invalid', 'idNumber'],
    [notFound(), 'not_found', undefined],
    [forbidden(), 'forbidden', undefined],
    [unauthenticated(), 'unauthenticated', undefined],
    [conflict('x.taken', {}, 'phone'), 'conflict', 'phone'],
    [unprocessable('x.facts', {}, 'month'), 'unprocessable', 'month'],
  ] as const)('the helpers make %s', (error, kind, field) => {
    expect(error).toBeInstanceOf(DomainError);
    expect(error.kind).toBe(kind);
    expect(error.field).toBe(field);
  });

  it('tells the caller’s fault from the platform’s or a party’s', () => {
    const platformsFault: ErrorKind[] = ['upstream_failed', 'upstream_timeout', 'unavailable'];
    for (const kind of ERROR_KINDS) expect(isCallersFault(new DomainError('x.y', kind))).toBe(!platformsFault.includes(kind));
    expect(isCallersFault(new Error('boom'))).toBe(false);
  });
});
