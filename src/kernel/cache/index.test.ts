import { describe, expect, it } from 'vitest';
import { memoryCache } from './index.js';

describe('memoryCache', () => {
  it('counts a concurrent burst of increments one by one, the window starting with the first', async () => {
    let now = 1_000;
    const cache = memoryCache(() => now);
    const counts = await Promise.all(Array.from({ length: 20 }, () => cache.incr('tries', 500)));
    expect(counts).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    now += 400;
    expect(await cache.incr('tries', 500)).toBe(21);
    expect(await cache.ttl('tries')).toBe(100);
    now += 100;
    expect(await cache.incr('tries', 500)).toBe(1);
  });

  it('deletes a key only while it holds the value', async () => {
    const cache = memoryCache();
    await cache.incr('tries', 60_000);
    await cache.incr('tries', 60_000);
    expect(await cache.delIfEquals('tries', '1')).toBe(false);
    expect(await cache.get('tries')).toBe('2');
    expect(await cache.delIfEquals('tries', '2')).toBe(true);
    expect(await cache.get('tries')).toBeNull();
    expect(await cache.delIfEquals('tries', '2')).toBe(false);
  });

  it('tells how long a key has left, and nothing for a missing one', async () => {
    let now = 0;
    const cache = memoryCache(() => now);
    await cache.set('k', 'v', 1_000);
    now = 250;
    expect(await cache.ttl('k')).toBe(750);
    expect(await cache.touch('k', 2_000)).toBe(true);
    expect(await cache.ttl('k')).toBe(2_000);
    expect(await cache.ttl('missing')).toBeNull();
    now = 10_000;
    expect(await cache.ttl('k')).toBeNull();
  });
});
