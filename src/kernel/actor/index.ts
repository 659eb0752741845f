/**
 * The caller as the domain sees it, resolved once per request by the HTTP guard: who they are, what
 * they may do, which regions they act for and, for an insured person, which registry person they are.
 * Services take an `Actor` or a `RegionScope`, never a request.
 */
import type { AccountKind, AuthLevel, UserPrincipal } from '../http/auth.js';
import type { Cache } from '../cache/index.js';
import { DomainError, forbidden, notFound } from '../errors/index.js';

/**
 * 区划范围 the regions an organization acts for, as a region-code prefix: '' national, 2 digits a
 * province, 4 a city (an agency office acts for its city's pooling region). One answer everywhere:
 * a resource outside the scope is not found (404), never a hint that it exists.
 */
export interface RegionScope {
  readonly orgId: string;
  readonly prefix: string;
  covers(regionCode: string): boolean;
  /** throws not_found with `code` when the region is outside the scope */
  require(regionCode: string, code?: string): void;
}

export function regionScope(orgId: string, prefix: string): RegionScope {
  const covers = (regionCode: string) => regionCode.startsWith(prefix);
  return {
    orgId,
    prefix,
    covers,
    require(regionCode, code = 'request.not_found') {
      if (!covers(regionCode)) throw notFound(code);
    },
  };
}

/** The whole country: for system actors (jobs, demo data), never for a request. */
export const NATIONAL_SCOPE: RegionScope = regionScope('system', '');

export interface Actor {
  readonly accountId: string;
  readonly kind: AccountKind;
  readonly sessionId: string;
  readonly authLevel: AuthLevel;
  readonly orgId: string | null;
  readonly orgPath: string | null;
  /** a unit agent's current unit */
  readonly unitId: string | null;
  /** holds this permission code (staff and admins; a person or unit agent holds none) */
  can(permission: string): boolean;
  /** the regions the account's organization acts for; forbidden (403) for an account with none */
  scope(): Promise<RegionScope>;
  /** the registry person behind a person account, or null (not registered yet); kept per session */
  personId(): Promise<string | null>;
  /** as personId, or `code` as unprocessable (422) when the registry does not know the person */
  requirePersonId(code?: string): Promise<string>;
}

/** What the actor needs from the platform: the auth center's answers and the personal center's lookup. */
export interface ActorSources {
  /** region prefix of an organization, or null for an unknown one (cached by the source) */
  regionPrefixOf(orgId: string): Promise<string | null>;
  /** the registry person id behind a person account, or null */
  personOfAccount(accountId: string): Promise<string | null>;
}

/** How long a session keeps the person id it resolved (a session lives at most this long anyway). */
const PERSON_TTL_MS = 12 * 3600_000;
const MEMO_LIMIT = 50_000;
const personCacheKey = (sessionId: string) => `actor:person:${sessionId}`;

/**
 * Builds actors for one platform instance. The person id is looked up once per session (identity
 * number decryption and a blind-index lookup) and kept in the shared cache under the session id, with
 * a node-local memo in front; a person not yet in the registry is looked up again on the next request.
 */
export function createActors(cache: Cache, sources: () => ActorSources | undefined) {
  /** the sources exist once the platform is composed; a request before that cannot be served */
  const platform = () => {
    const found = sources();
    if (!found) throw new DomainError('server.unavailable', 'unavailable');
    return found;
  };
  const memo = new Map<string, string>();
  // A fresh session's first page sends several requests at once: they share one lookup.
  const resolving = new Map<string, Promise<string | null>>();
  const remember = (sessionId: string, personId: string) => {
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
    memo.set(sessionId, personId);
  };
  const lookUp = async (principal: UserPrincipal): Promise<string | null> => {
    const key = personCacheKey(principal.sessionId);
    const cached = await cache.get(key);
    if (cached) {
      remember(principal.sessionId, cached);
      return cached;
    }
    const found = await platform().personOfAccount(principal.accountId);
    if (!found) return null;
    await cache.set(key, found, PERSON_TTL_MS);
    remember(principal.sessionId, found);
    return found;
  };
  const personOf = (principal: UserPrincipal): Promise<string | null> => {
    if (principal.kind !== 'person') return Promise.resolve(null);
    const known = memo.get(principal.sessionId);
    if (known) return Promise.resolve(known);
    let pending = resolving.get(principal.sessionId);
    if (!pending) {
      pending = lookUp(principal).finally(() => resolving.delete(principal.sessionId));
      resolving.set(principal.sessionId, pending);
    }
    return pending;
  };

  return (principal: UserPrincipal, permissions: ReadonlySet<string>): Actor => {
    let scope: Promise<RegionScope> | undefined;
    let person: Promise<string | null> | undefined;
    return {
      accountId: principal.accountId,
      kind: principal.kind,
      sessionId: principal.sessionId,
      authLevel: principal.authLevel,
      orgId: principal.orgId,
      orgPath: principal.orgPath,
      unitId: principal.unitId,
      can: (permission) => permissions.has(permission),
      scope: () =>
        (scope ??= (async () => {
          const prefix = principal.orgId ? await platform().regionPrefixOf(principal.orgId) : null;
          if (prefix === null) throw forbidden('auth.no_org');
          return regionScope(principal.orgId!, prefix);
        })()),
      personId: () => (person ??= personOf(principal)),
      async requirePersonId(code = 'personal.not_registered') {
        const id = await (person ??= personOf(principal));
        if (!id) throw new DomainError(code, 'unprocessable');
        return id;
      },
    };
  };
}
