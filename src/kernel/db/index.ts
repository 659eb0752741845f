import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';

/** The query surface both drivers share; a transaction is one too. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

/**
 * What must commit with whatever a unit of work changes, whichever transactions it changes it in:
 * a request's audit record (see kernel/audit/request.ts). `transaction()` calls `beforeCommit` last
 * inside each outermost transaction it runs within the scope, and then hands the callback it returned
 * (if any) the transaction's outcome.
 */
export interface CommitScope {
  beforeCommit(tx: Db): Promise<((committed: boolean) => void) | void>;
}

const commitScopes = new AsyncLocalStorage<CommitScope>();
/** set while `work` of a scoped transaction runs: a transaction begun inside it is not the outermost */
const inScopedTransaction = new AsyncLocalStorage<true>();

/** Runs `work` with `scope` applying to every transaction begun in it (and in what it starts). */
export const withCommitScope = <T>(scope: CommitScope, work: () => T): T => commitScopes.run(scope, work);

/** The commit scope of the unit of work running now, for a change it hands to a batch written elsewhere (group commit). */
export const currentCommitScope = (): CommitScope | undefined => (inScopedTransaction.getStore() ? undefined : commitScopes.getStore());

/**
 * For a transaction that carries the changes of several units of work (a group commit): does each
 * one's scope work in `tx`, as `transaction()` does for one; the returned function hands each the
 * transaction's outcome once it is known.
 */
export async function beforeCommitOf(tx: Db, scopes: readonly (CommitScope | undefined)[]): Promise<(committed: boolean) => void> {
  const settles: ((committed: boolean) => void)[] = [];
  const all = (committed: boolean) => settles.forEach((settle) => settle(committed));
  try {
    for (const scope of scopes) {
      const settle = await scope?.beforeCommit(tx);
      if (settle) settles.push(settle);
    }
  } catch (error) {
    // Those that took their part hear that it will not commit.
    all(false);
    throw error;
  }
  return all;
}

/**
 * Runs `work` in one transaction (a savepoint when `db` is already one). The drivers type their
 * transaction apart from their database although it has the same query surface: this is the one
 * place that says so, so no center casts. Within a commit scope (an audited request), the scope's
 * work is done last inside the outermost transaction, so it commits or rolls back with the change.
 */
export const transaction = <T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> => {
  const scope = commitScopes.getStore();
  if (!scope || inScopedTransaction.getStore()) return db.transaction((tx) => work(tx as unknown as Db));
  let settle: ((committed: boolean) => void) | void = undefined;
  return db
    .transaction((tx) =>
      inScopedTransaction.run(true, async () => {
        const result = await work(tx as unknown as Db);
        settle = await scope.beforeCommit(tx as unknown as Db);
        return result;
      }),
    )
    .then(
      (result) => {
        settle?.(true);
        return result;
      },
      (error: unknown) => {
        settle?.(false);
        throw error;
      },
    );
};

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs raw SQL and returns its rows (for FOR UPDATE SKIP LOCKED, advisory locks, DDL). */
  rows<T = Record<string, unknown>>(query: SQL, executor?: Db): Promise<T[]>;
  /**
   * Runs one hot statement by name: on PostgreSQL each connection parses and plans it once (a named
   * prepared statement), so a route that runs it thousands of times a second sends only its values.
   * Placeholders are `$1…`; not for use inside a transaction.
   */
  prepared<T = Record<string, unknown>>(statement: PreparedStatement, values: unknown[]): Promise<T[]>;
  ping(): Promise<void>;
  /** applies the committed migrations under drizzle/ */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface PreparedStatement {
  /** unique per statement text */
  name: string;
  text: string;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../drizzle', import.meta.url));

export interface OpenOptions {
  databaseUrl?: string;
  /** file directory for PGlite; omitted: in memory */
  pgliteDir?: string;
  /** pg pool size */
  poolSize?: number;
  migrate?: boolean;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const database = options.databaseUrl ? await openPostgres(options.databaseUrl, options.poolSize ?? 10) : await openPglite(options.pgliteDir);
  if (options.migrate !== false) await database.migrate();
  return database;
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // int8 (bigint) columns such as money totals and counters come back as JS numbers; fen amounts stay far below 2^53.
  pg.types.setTypeParser(20, (v: string) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {
    /* an idle client lost its connection; the pool replaces it */
  });
  const db = drizzle({ client: pool }) as unknown as Db;
  const database = wrap(db, 'postgres', () => pool.end(), async <T>(statement: PreparedStatement, values: unknown[]) =>
    (await pool.query({ name: statement.name, text: statement.text, values })).rows as T[]);
  database.migrate = async () => {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    // Nodes starting together must not both migrate: hold a session lock on one connection meanwhile.
    // A client of its own, outside the pool, so a pool of one still has a connection to migrate with.
    const lock = new pg.Client({ connectionString: url });
    await lock.connect();
    try {
      await lock.query('select pg_advisory_lock(7263541)');
      await migrate(db as never, { migrationsFolder: MIGRATIONS_DIR });
    } finally {
      await lock.end().catch(() => undefined);
    }
  };
  return database;
}

async function openPglite(dir?: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (dir) await mkdir(dir, { recursive: true });
  const client = new PGlite(dir ? path.resolve(dir) : undefined, {
    parsers: { 20: (v: string) => Number(v) },
  });
  await client.waitReady;
  const db = drizzle({ client }) as unknown as Db;
  const database = wrap(db, 'pglite', () => client.close(), async <T>(statement: PreparedStatement, values: unknown[]) =>
    (await client.query<T>(statement.text, values)).rows);
  database.migrate = async () => {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(db as never, { migrationsFolder: MIGRATIONS_DIR });
  };
  return database;
}

function wrap(db: Db, kind: Database['kind'], close: () => Promise<void>, prepared: Database['prepared']): Database {
  const rows = async <T>(query: SQL, executor: Db = db) => {
    const result = (await executor.execute(query)) as unknown as { rows: T[] };
    return result.rows;
  };
  return {
    db,
    kind,
    rows,
    prepared,
    ping: async () => {
      await rows(sql`select 1`);
    },
    close,
    migrate: async () => undefined,
  };
}

export { sql };
export { arrayLiteral, type ArrayValue } from './arrays.js';
