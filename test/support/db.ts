import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { MIGRATIONS_DIR, openDatabase, type Database } from '../../src/kernel/db/index.js';
import { memoryCache, openCache, type Cache } from '../../src/kernel/cache/index.js';

/**
 * Test isolation: on PostgreSQL every test file gets its own database cloned from a migrated
 * template; on PGlite its own in-memory instance. TEST_DB=postgres|pglite picks; unset, PostgreSQL
 * when reachable.
 */
export const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

export function templateName(): string {
  const hash = createHash('sha1');
  for (const file of readdirSync(MIGRATIONS_DIR, { recursive: true }).map(String).sort()) {
    if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(file).update(readFileSync(path.join(MIGRATIONS_DIR, file)));
  }
  return `yibao_tpl_${hash.digest('hex').slice(0, 12)}`;
}

function urlFor(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let mode: Promise<'postgres' | 'pglite'> | null = null;
export function testDbMode(): Promise<'postgres' | 'pglite'> {
  const forced = process.env.TEST_DB;
  if (forced === 'postgres' || forced === 'pglite') return Promise.resolve(forced);
  return (mode ??= postgresReachable().then((ok) => (ok ? 'postgres' : 'pglite')));
}

/** Creates the migrated template once per migration set (global setup; safe to call concurrently). */
export async function ensureTemplate(): Promise<string> {
  const name = templateName();
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock(7263549)');
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (!exists.rowCount) {
      const building = `${name}_build_${randomBytes(3).toString('hex')}`;
      await admin.query(`create database "${building}"`);
      const database = await openDatabase({ databaseUrl: urlFor(building), poolSize: 1 });
      await database.close();
      await admin.query(`alter database "${building}" rename to "${name}"`);
      await admin.query(`alter database "${name}" with is_template true`);
    }
    // Templates of older migration sets, and builds an interrupted run left, are no longer wanted.
    const stale = await admin.query("select datname from pg_database where datname like 'yibao\\_tpl\\_%' and datname <> $1", [name]);
    for (const { datname } of stale.rows as Array<{ datname: string }>) {
      await admin.query(`alter database "${datname}" with is_template false`).catch(() => undefined);
      await admin.query(`drop database if exists "${datname}"`).catch(() => undefined);
    }
    return name;
  } finally {
    await admin.query('select pg_advisory_unlock(7263549)').catch(() => undefined);
    await admin.end();
  }
}

export interface TestDatabase {
  database: Database;
  /** the connection URL, when on PostgreSQL (for a second server process) */
  url?: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if ((await testDbMode()) === 'pglite') {
    const database = await openDatabase({});
    return { database, drop: () => database.close() };
  }
  const template = await ensureTemplate();
  const name = `yibao_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database "${name}" template "${template}"`);
  await admin.end();
  const url = urlFor(name);
  const database = await openDatabase({ databaseUrl: url, poolSize: Number(process.env.TEST_POOL_SIZE ?? 5), migrate: false });
  return {
    database,
    url,
    drop: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`drop database if exists "${name}" with (force)`);
      await cleanup.end();
    },
  };
}

/** Redis with a per-file key prefix (deleted on close) when reachable, else in-process. */
export const newCachePrefix = () => `yibao:t_${randomBytes(4).toString('hex')}:`;

export async function createTestCache(prefix = newCachePrefix()): Promise<Cache> {
  if (process.env.TEST_CACHE === 'memory' || (await testDbMode()) === 'pglite') return memoryCache();
  try {
    // Test files share one Redis: each drops its own namespace when it closes.
    return await openCache(REDIS_URL, prefix, { dropKeysOnClose: true });
  } catch {
    return memoryCache();
  }
}
