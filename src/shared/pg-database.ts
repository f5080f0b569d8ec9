import { AsyncLocalStorage } from 'node:async_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Database, Db, TransactionOptions } from './db.ts';
import { isRetryableConflict } from './db-errors.ts';
import { httpErrors } from './http.errors.ts';
import { InvariantError } from './errors.ts';

export const pgMigrationsFolder = fileURLToPath(new URL('../../db/migrations/pg', import.meta.url));

// Counts and sums come back as int8 / numeric, which node-postgres gives as strings to keep precision.
// Every integer here (cents, grams, counts) is far below 2^53, so they are read as numbers, as SQLite does.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);

type Handle = NodePgDatabase;
const MAX_ATTEMPTS = 5;

// A snapshot is a report or an audit: grouped aggregates over whole years. With the default 4 MB of
// work_mem the planner, guessing many groups from computed keys (a Paris year, a domestic flag), sorts
// 140,000 legs on disk where a hash table of a few dozen groups would do; and its cost estimates set
// off JIT compilation, which takes longer (~30 ms measured) than the queries it would speed up. Both
// for this transaction only (SET LOCAL): the service's short queries keep the server's defaults.
const REPORT_SETTINGS = sql`SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`;

// The same port on PostgreSQL (docs/postgresql.md): a pool of connections, one transaction per use
// case found through the async context as on SQLite. Ledger writers serialise per account with a
// transaction-scoped advisory lock on each key of `lock`, taken in a fixed order so that two
// transactions never wait on each other in a cycle; a deadlock or serialisation failure PostgreSQL
// still reports is retried from the start (a transaction's function is database work only).
class PostgresDatabase implements Database {
  readonly engine = 'postgres' as const;
  private readonly base: Handle;
  private readonly context = new AsyncLocalStorage<Handle>();

  constructor(readonly pool: pg.Pool, private readonly serialisation: PgSerialisation = 'advisory-locks') {
    this.base = drizzle(outsideTransactionsOnly(pool, () => this.context.getStore() !== undefined));
  }

  // The drizzle handle of the transaction in progress, else the pool's. Repositories are written once
  // against SQLite's builder types with the subset both dialects share; the row types of the two
  // schemas are proved equal (test/db/table-twins.test.ts).
  get db(): Db {
    return (this.context.getStore() ?? this.base) as unknown as Db;
  }

  // What still speaks SQLite only answers 501 database.sqlite_only on PostgreSQL (docs/postgresql.md).
  get sqlite(): never {
    throw httpErrors.sqliteOnly();
  }

  async transaction<T>(fn: () => Promise<T> | T, options: TransactionOptions = {}): Promise<T> {
    const current = this.context.getStore();
    if (current) {
      if (this.serialisation === 'advisory-locks') await lockKeys(current, options.lock);
      if (!options.savepoint) return fn();
      return current.transaction((savepoint) => this.context.run(savepoint, async () => fn()));
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.base.transaction(async (tx) => {
          if (options.snapshot) await tx.execute(REPORT_SETTINGS);
          if (this.serialisation === 'advisory-locks') await lockKeys(tx, options.lock);
          return this.context.run(tx, async () => fn());
        }, this.isolation(options));
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS || !isRetryableConflict(err)) throw err;
      }
    }
  }

  private isolation(options: TransactionOptions) {
    if (options.snapshot) return { isolationLevel: 'repeatable read', accessMode: 'read only' } as const;
    return this.serialisation === 'serializable' ? ({ isolationLevel: 'serializable' } as const) : undefined;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

// On SQLite a handle taken before a transaction opened still writes inside it (one connection); on
// PostgreSQL it is the pool, whose queries run on another connection, outside the transaction, not
// seeing its writes and not undone with it. Such a query while a transaction is in progress in the
// same async context is a bug (`database.db` read too early): refused, on every PostgreSQL suite.
function outsideTransactionsOnly(pool: pg.Pool, inTransaction: () => boolean): pg.Pool {
  const query = (...args: unknown[]) => {
    if (inTransaction()) throw new InvariantError('a query on the pool while a transaction is in progress: read database.db inside the transaction');
    return (pool.query as (...a: unknown[]) => unknown).apply(pool, args);
  };
  const bound = new Map<PropertyKey, unknown>(); // bound once, not on every statement
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property === 'query') return query;
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (!bound.has(property)) bound.set(property, value.bind(target));
      return bound.get(property);
    },
  });
}

// The connection a handle runs its statements on (drizzle keeps it on the handle's session): the
// transaction's client inside one, the pool outside. For the few hot paths where drizzle's building
// of a statement costs more than running it (the import's multi-row inserts: 14,000 parameters a
// statement), which then send their text and values to it directly.
export function pgClientOf(db: Db): Pick<pg.PoolClient, 'query'> {
  const client = (db as unknown as { session?: { client?: Pick<pg.PoolClient, 'query'> } }).session?.client;
  if (!client) throw new InvariantError('not a PostgreSQL handle');
  return client;
}

async function lockKeys(handle: Handle, keys: readonly string[] | undefined): Promise<void> {
  if (!keys?.length) return;
  for (const key of [...new Set(keys)].sort()) {
    await handle.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
  }
}

// The connection string without its password, for logs and messages.
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

// How ledger writers are kept from interleaving: advisory locks per account key under READ COMMITTED
// (the service's way), or SERIALIZABLE transactions retried on conflict, kept for the benchmark that
// compares the two (docs/postgresql.md, "Why advisory locks").
export type PgSerialisation = 'advisory-locks' | 'serializable';
export type PgOptions = { maxConnections?: number; connectionTimeoutMs?: number; serialisation?: PgSerialisation };

// Connects (a first query proves the server is there) and applies the PostgreSQL migrations.
export async function openPgDatabase(url: string, options: PgOptions = {}): Promise<Database & { pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000 });
  // An idle client whose server went away emits 'error' on the pool: without a listener it would end
  // the process. The next query reconnects, or fails and is answered 503.
  pool.on('error', () => {});
  try {
    await pool.query('select 1');
    await migrate(drizzle(pool), { migrationsFolder: pgMigrationsFolder });
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
  return new PostgresDatabase(pool, options.serialisation);
}
