import { describe, expect, it } from 'vitest';
import { memoryCache } from '../cache/index.js';
import { DomainError } from '../errors/index.js';
import type { UserPrincipal } from '../http/auth.js';
import { createActors, NATIONAL_SCOPE, regionScope, type ActorSources } from './index.js';

const person = (sessionId = 'ses_a', accountId = 'acc_p'): UserPrincipal => ({
  type: 'user',
  accountId,
  kind: 'person',
  sessionId,
  authLevel: 2,
  orgId: null,
  orgPath: null,
  unitId: null,
});
const clerk = (orgId: string | null): UserPrincipal => ({ ...person('ses_c', 'acc_c'), kind: 'agency_staff', orgId, orgPath: orgId && `/org_root/${orgId}` });

/** Sources that count their calls; the registry knows the accounts in `people`, the organizations in `regions`. */
function countingSources(people: Record<string, string | null>, regions: Record<string, string> = {}) {
  const calls = { person: 0, region: 0 };
  const sources: ActorSources = {
    regionPrefixOf: async (orgId) => {
      calls.region++;
      return regions[orgId] ?? null;
    },
    personOfAccount: async (accountId) => {
      calls.person++;
      return people[accountId] ?? null;
    },
  };
  return { sources, calls };
}

const thrown = async (work: () => unknown) => {
  try {
    await work();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a DomainError');
};

describe('region scope (区划范围)', () => {
  it('covers the regions under its prefix and answers the rest with not_found', async () => {
    const nanyang = regionScope('org_nanyang', '4113');
    expect(nanyang.covers('411302')).toBe(true);
    expect(nanyang.covers('410102')).toBe(false);
    expect(() => nanyang.require('411302', 'registry.person_not_found')).not.toThrow();
    const error = await thrown(() => nanyang.require('410102', 'registry.person_not_found'));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'not_found', code: 'registry.person_not_found' });
    expect(await thrown(() => nanyang.require('310101'))).toMatchObject({ kind: 'not_found', code: 'request.not_found' });
  });

  it('is the whole country for system actors', () => {
    expect(NATIONAL_SCOPE.prefix).toBe('');
    expect(['110105', '411302', '650102'].every(NATIONAL_SCOPE.covers)).toBe(true);
  });
});

describe('actors', () => {
  it('resolves a person id once per session, for every actor of that session', async () => {
    const { sources, calls } = countingSources({ acc_p: 'per_1' });
    const actorOf = createActors(memoryCache(), () => sources);
    const first = actorOf(person(), new Set());
    expect(await first.personId()).toBe('per_1');
    expect(await first.personId()).toBe('per_1');
    expect(await actorOf(person(), new Set()).personId()).toBe('per_1');
    expect(await actorOf(person(), new Set()).requirePersonId()).toBe('per_1');
    expect(calls.person).toBe(1);
    // a session of its own looks up again
    expect(await actorOf(person('ses_b'), new Set()).personId()).toBe('per_1');
    expect(calls.person).toBe(2);
  });

  it('shares one lookup between the concurrent first requests of a session', async () => {
    const { sources, calls } = countingSources({ acc_p: 'per_1' });
    const actorOf = createActors(memoryCache(), () => sources);
    const ids = await Promise.all([1, 2, 3].map(() => actorOf(person(), new Set()).personId()));
    expect(ids).toEqual(['per_1', 'per_1', 'per_1']);
    expect(calls.person).toBe(1);
  });

  it('lets a second node read the session’s person id from the shared cache', async () => {
    const cache = memoryCache();
    const first = countingSources({ acc_p: 'per_1' });
    expect(await createActors(cache, () => first.sources)(person(), new Set()).personId()).toBe('per_1');
    const second = countingSources({ acc_p: 'per_other' });
    expect(await createActors(cache, () => second.sources)(person(), new Set()).personId()).toBe('per_1');
    expect(second.calls.person).toBe(0);
  });

  it('does not keep a person the registry does not know yet', async () => {
    const people: Record<string, string | null> = { acc_p: null };
    const { sources, calls } = countingSources(people);
    const cache = memoryCache();
    const actorOf = createActors(cache, () => sources);
    expect(await actorOf(person(), new Set()).personId()).toBeNull();
    expect(await thrown(() => actorOf(person(), new Set()).requirePersonId())).toMatchObject({ kind: 'unprocessable', code: 'personal.not_registered' });
    expect(await thrown(() => actorOf(person(), new Set()).requirePersonId('voucher.not_insured'))).toMatchObject({ code: 'voucher.not_insured' });
    expect(await cache.get('actor:person:ses_a')).toBeNull();
    // registered meanwhile: the next request finds them
    people.acc_p = 'per_new';
    expect(await actorOf(person(), new Set()).personId()).toBe('per_new');
    expect(calls.person).toBe(4);
  });

  it('has no person behind an account of another kind, and does not ask', async () => {
    const { sources, calls } = countingSources({ acc_c: 'per_1' });
    expect(await createActors(memoryCache(), () => sources)(clerk('org_nanyang'), new Set()).personId()).toBeNull();
    expect(calls.person).toBe(0);
  });

  it('scopes a clerk to their organization’s regions, once per request', async () => {
    const { sources, calls } = countingSources({}, { org_nanyang: '4113' });
    const actor = createActors(memoryCache(), () => sources)(clerk('org_nanyang'), new Set());
    const scope = await actor.scope();
    expect(scope).toMatchObject({ orgId: 'org_nanyang', prefix: '4113' });
    expect(scope.covers('411302')).toBe(true);
    await actor.scope();
    expect(calls.region).toBe(1);
  });

  it('forbids region work to an account without an organization (auth.no_org)', async () => {
    const { sources } = countingSources({}, { org_nanyang: '4113' });
    const actorOf = createActors(memoryCache(), () => sources);
    for (const principal of [person(), clerk(null), clerk('org_unknown')]) {
      expect(await thrown(() => actorOf(principal, new Set()).scope())).toMatchObject({ kind: 'forbidden', code: 'auth.no_org' });
    }
  });

  it('answers unavailable before the platform has its sources', async () => {
    const actorOf = createActors(memoryCache(), () => undefined);
    expect(await thrown(() => actorOf(clerk('org_nanyang'), new Set()).scope())).toMatchObject({ kind: 'unavailable' });
    expect(await thrown(() => actorOf(person(), new Set()).personId())).toMatchObject({ kind: 'unavailable' });
  });

  it('can() answers from the permissions it was given', () => {
    const { sources } = countingSources({});
    const actor = createActors(memoryCache(), () => sources)(clerk('org_nanyang'), new Set(['registry.read', 'collection.run']));
    expect(actor.can('registry.read')).toBe(true);
    expect(actor.can('registry.write')).toBe(false);
    expect(createActors(memoryCache(), () => sources)(person(), new Set()).can('registry.read')).toBe(false);
    expect(actor).toMatchObject({ accountId: 'acc_c', kind: 'agency_staff', sessionId: 'ses_c', orgId: 'org_nanyang', authLevel: 2, unitId: null });
  });
});
