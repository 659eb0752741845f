import { describe, expect, it } from 'vitest';
import { memoryCache } from './index.js';
import { nodeMemo } from './memo.js';

describe('nodeMemo', () => {
  it('loads a key once, forgets it on a broadcast from any node, and does not keep missing values', async () => {
    const cache = memoryCache();
    const memo = nodeMemo<{ v: number }>(cache, 'thing-changed', { ttlMs: 60_000 });
    let loads = 0;
    const load = async () => ({ v: ++loads });
    expect(await memo.get('a', load)).toEqual({ v: 1 });
    expect(await memo.get('a', load)).toEqual({ v: 1 });
    await cache.broadcast('thing-changed', 'a');
    expect(await memo.get('a', load)).toEqual({ v: 2 });
    await memo.forget('*');
    expect(await memo.get('a', load)).toEqual({ v: 3 });
    let misses = 0;
    expect(await memo.get('b', async () => (misses++, null))).toBeNull();
    expect(await memo.get('b', async () => (misses++, null))).toBeNull();
    expect(misses).toBe(2);
  });

  it('expires entries after the TTL', async () => {
    let now = 1_000;
    const cache = memoryCache(() => now);
    const memo = nodeMemo<number>(cache, 'c', { ttlMs: 100 });
    const realNow = Date.now;
    Date.now = () => now;
    try {
      let loads = 0;
      await memo.get('k', async () => ++loads);
      now += 99;
      expect(await memo.get('k', async () => ++loads)).toBe(1);
      now += 2;
      expect(await memo.get('k', async () => ++loads)).toBe(2);
    } finally {
      Date.now = realNow;
    }
  });

  it('does not keep a value loaded across a forget (the load may have read the old state)', async () => {
    const cache = memoryCache();
    const memo = nodeMemo<string>(cache, 'c', { ttlMs: 60_000 });
    let release!: () => void;
    const slow = memo.get('k', () => new Promise<string>((resolve) => (release = () => resolve('old'))));
    await memo.forget('k');
    release();
    expect(await slow).toBe('old');
    expect(await memo.get('k', async () => 'new')).toBe('new');
  });
});
