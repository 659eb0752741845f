/**
 * Shared ephemeral state: rate limits, one-time codes, live sessions, replay nonces.
 * Redis when REDIS_URL is set (several nodes share it), in-process otherwise.
 */
export interface Cache {
  readonly kind: 'redis' | 'memory';
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** true when the key was absent and is now set (SET NX) */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean>;
  del(key: string): Promise<void>;
  /**
   * deletes the key only while it holds `value`, atomically (an attempt counter is reset by a success
   * only when no other attempt was counted since); true when it did
   */
  delIfEquals(key: string, value: string): Promise<boolean>;
  /** increments a counter; the TTL starts with the first increment of a window */
  incr(key: string, ttlMs: number): Promise<number>;
  /** renews a key's TTL; false when the key does not exist (one round trip for "alive and touch") */
  touch(key: string, ttlMs: number): Promise<boolean>;
  /** milliseconds until the key expires; null when it does not exist or never expires */
  ttl(key: string): Promise<number | null>;
  /**
   * Tells every node (this one synchronously, before the promise settles) about an event such as a
   * revoked session, so nodes may keep short local memos of shared state.
   */
  broadcast(channel: string, message: string): Promise<void>;
  onBroadcast(channel: string, listener: (message: string) => void): void;
  ping(): Promise<void>;
  close(): Promise<void>;
}

type Listeners = Map<string, Set<(message: string) => void>>;

function emit(listeners: Listeners, channel: string, message: string) {
  for (const listener of listeners.get(channel) ?? []) listener(message);
}

function listen(listeners: Listeners, channel: string, listener: (message: string) => void) {
  if (!listeners.has(channel)) listeners.set(channel, new Set());
  listeners.get(channel)!.add(listener);
}

/** `dropKeysOnClose`: the cache owns its prefix (a test's namespace) and deletes its keys on close. */
export async function openCache(redisUrl: string | undefined, prefix = 'yibao:', options: { dropKeysOnClose?: boolean } = {}): Promise<Cache> {
  return redisUrl ? openRedis(redisUrl, prefix, options.dropKeysOnClose ?? false) : memoryCache();
}

declare module 'ioredis' {
  interface RedisCommander {
    /** INCR, with the TTL set by the first increment of the window */
    incrWindow(key: string, ttlMs: number): Promise<number>;
    /** DEL when the key holds the value; 1 when deleted */
    delIfEquals(key: string, value: string): Promise<number>;
  }
}

async function openRedis(url: string, prefix: string, dropKeysOnClose: boolean): Promise<Cache> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { keyPrefix: prefix, lazyConnect: true, maxRetriesPerRequest: 2, enableAutoPipelining: true });
  redis.defineCommand('incrWindow', {
    numberOfKeys: 1,
    lua: "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n",
  });
  redis.defineCommand('delIfEquals', {
    numberOfKeys: 1,
    lua: "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
  });
  await redis.connect();
  const listeners: Listeners = new Map();
  // A subscribed connection can do nothing else, so broadcasts arrive on a second one, created on first use.
  let subscriber: import('ioredis').Redis | null = null;
  const nodeId = Math.random().toString(36).slice(2);
  const channelName = (channel: string) => `${prefix}bc:${channel}`;
  return {
    kind: 'redis',
    get: (key) => redis.get(key),
    set: async (key, value, ttlMs) => {
      await redis.set(key, value, 'PX', Math.max(1, Math.ceil(ttlMs)));
    },
    setIfAbsent: async (key, value, ttlMs) => (await redis.set(key, value, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')) === 'OK',
    del: async (key) => {
      await redis.del(key);
    },
    delIfEquals: async (key, value) => (await redis.delIfEquals(key, value)) === 1,
    // One command (a script), so that auto-pipelining batches it with the others; MULTI … EXEC is four writes.
    incr: async (key, ttlMs) => Number(await redis.incrWindow(key, Math.ceil(ttlMs))),
    touch: async (key, ttlMs) => (await redis.pexpire(key, Math.ceil(ttlMs))) === 1,
    ttl: async (key) => {
      const ms = await redis.pttl(key);
      return ms >= 0 ? ms : null;
    },
    broadcast: async (channel, message) => {
      emit(listeners, channel, message);
      await redis.publish(channelName(channel), `${nodeId}|${message}`);
    },
    onBroadcast: (channel, listener) => {
      listen(listeners, channel, listener);
      if (!subscriber) {
        subscriber = redis.duplicate({ keyPrefix: undefined });
        subscriber.on('message', (fullChannel: string, payload: string) => {
          const bar = payload.indexOf('|');
          if (payload.slice(0, bar) === nodeId) return;
          emit(listeners, fullChannel.slice(`${prefix}bc:`.length), payload.slice(bar + 1));
        });
      }
      void subscriber.subscribe(channelName(channel));
    },
    ping: async () => {
      await redis.ping();
    },
    close: async () => {
      subscriber?.disconnect();
      if (dropKeysOnClose) await deleteByPrefix(redis, prefix);
      redis.disconnect();
    },
  };
}

async function deleteByPrefix(redis: import('ioredis').Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    // SCAN's MATCH sees full key names; keyPrefix is not applied to patterns, so strip it before DEL.
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length) await redis.del(...keys.map((k) => k.slice(prefix.length)));
  } while (cursor !== '0');
}

export function memoryCache(now: () => number = Date.now): Cache {
  const listeners: Listeners = new Map();
  const entries = new Map<string, { value: string; expiresAt: number }>();
  const live = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  // Expired entries are dropped on read; sweep occasionally so write-only keys (nonces) do not pile up.
  const sweep = setInterval(() => {
    const t = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= t) entries.delete(key);
  }, 60_000);
  sweep.unref();
  return {
    kind: 'memory',
    get: async (key) => live(key)?.value ?? null,
    set: async (key, value, ttlMs) => {
      entries.set(key, { value, expiresAt: now() + ttlMs });
    },
    setIfAbsent: async (key, value, ttlMs) => {
      if (live(key)) return false;
      entries.set(key, { value, expiresAt: now() + ttlMs });
      return true;
    },
    del: async (key) => {
      entries.delete(key);
    },
    delIfEquals: async (key, value) => live(key)?.value === value && entries.delete(key),
    incr: async (key, ttlMs) => {
      const entry = live(key);
      const count = (entry ? Number(entry.value) : 0) + 1;
      entries.set(key, { value: String(count), expiresAt: entry ? entry.expiresAt : now() + ttlMs });
      return count;
    },
    touch: async (key, ttlMs) => {
      const entry = live(key);
      if (!entry) return false;
      entry.expiresAt = now() + ttlMs;
      return true;
    },
    ttl: async (key) => {
      const entry = live(key);
      return entry ? entry.expiresAt - now() : null;
    },
    broadcast: async (channel, message) => emit(listeners, channel, message),
    onBroadcast: (channel, listener) => listen(listeners, channel, listener),
    ping: async () => undefined,
    close: async () => {
      clearInterval(sweep);
      entries.clear();
    },
  };
}
