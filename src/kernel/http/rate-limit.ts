import type { Cache } from '../cache/index.js';
import { DomainError } from '../errors/index.js';

/** Fixed-window limit shared by all nodes through the cache; throws 429 with Retry-After. */
export async function rateLimit(cache: Cache, key: string, limit: number, windowMs: number): Promise<void> {
  const windowStart = Math.floor(Date.now() / windowMs);
  const count = await cache.incr(`rl:${key}:${windowStart}`, windowMs);
  if (count > limit) throw new DomainError('request.rate_limited', 'rate_limited', { retryAfterSec: Math.ceil(windowMs / 1000) });
}
