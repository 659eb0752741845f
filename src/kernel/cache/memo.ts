import type { Cache } from './index.js';

/**
 * A node's own memo of shared state that hot routes read on every request (a channel app's secret,
 * a holder's voucher) but that changes rarely. A change anywhere is broadcast (`forget`), which
 * drops the key on every node at once; the TTL bounds a read that raced with such a change.
 */
export interface NodeMemo<T> {
  /** the memoized value of the key, loading it on a miss; `undefined` / `null` answers are not kept */
  get(key: string, load: () => Promise<T | null | undefined>): Promise<T | null | undefined>;
  /** call after the change has committed; `*` drops every key */
  forget(key: string): Promise<void>;
}

export interface MemoOptions {
  ttlMs: number;
  /** most keys held; beyond it the memo starts over (a memo, not an LRU) */
  maxKeys?: number;
}

const ALL = '*';

export function nodeMemo<T>(cache: Cache, channel: string, options: MemoOptions): NodeMemo<T> {
  const held = new Map<string, { value: T; until: number }>();
  // Bumped by every forget, so a load that started before it does not put back what it read.
  let generation = 0;
  const drop = (key: string) => {
    generation++;
    if (key === ALL) held.clear();
    else held.delete(key);
  };
  cache.onBroadcast(channel, drop);
  return {
    async get(key, load) {
      const hit = held.get(key);
      if (hit && hit.until > Date.now()) return hit.value;
      const started = generation;
      const value = await load();
      if (value === null || value === undefined || generation !== started) return value;
      if (held.size >= (options.maxKeys ?? 100_000)) held.clear();
      held.set(key, { value, until: Date.now() + options.ttlMs });
      return value;
    },
    // The broadcast reaches this node's listener too.
    forget: (key) => cache.broadcast(channel, key),
  };
}

/** One memo per cache (that is, per platform instance) and channel. */
export function memoPerCache<T>(channel: string, options: MemoOptions): (cache: Cache) => NodeMemo<T> {
  const memos = new WeakMap<Cache, NodeMemo<T>>();
  return (cache) => {
    let memo = memos.get(cache);
    if (!memo) memos.set(cache, (memo = nodeMemo<T>(cache, channel, options)));
    return memo;
  };
}
