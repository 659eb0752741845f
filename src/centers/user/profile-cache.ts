import type { Cache } from '../../kernel/cache/index.js';

/**
 * The own-profile view is read on every page load and changes rarely: it is kept serialized in the
 * shared cache and dropped by every change to the account or its unit bindings. The TTL bounds the
 * one race left (a read that began before a change and stores after its invalidation).
 */
const PROFILE_TTL_MS = 30_000;
const profileKey = (accountId: string) => `profile:${accountId}`;

export async function cachedProfileJson(cache: Cache, accountId: string, serialized: () => Promise<string>): Promise<string> {
  const hit = await cache.get(profileKey(accountId));
  if (hit) return hit;
  const json = await serialized();
  await cache.set(profileKey(accountId), json, PROFILE_TTL_MS);
  return json;
}

export const forgetProfile = (cache: Cache, ...accountIds: string[]) => Promise.all(accountIds.map((id) => cache.del(profileKey(id))));
