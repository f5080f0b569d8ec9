import { AsyncLocalStorage } from 'node:async_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Database, Db, TransactionOptions } from './db.ts';
import { isRetryableConflict } from './db-errors.ts';
import { httpErrors } from './http.errors.ts';

export const pgMigrationsFolder = fileURLToPath(new URL('../../db/migrations/pg', import.meta.url));

// Counts and sums come back as int8 / numeric, which node-postgres gives as strings to keep precision.
// Every integer here (cents, grams, counts) is far below 2^53, so they are read as numbers, as SQLite does.
pg.types.setTypeParser(pg.types.builtins.INT8, Number);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);

type Handle = NodePgDatabase;
const MAX_ATTEMPTS = 5;

// The same port on PostgreSQL (docs/postgresql.md): a pool of connections, one transaction per use
// case found through the async context as on SQLite. Ledger writers serialise per account with a
// transaction-scoped advisory lock on each key of `lock`, taken in a fixed order so that two
// transactions never wait on each other in a cycle; a deadlock or serialisation failure PostgreSQL
// still reports is retried from the start (a transaction's function is database work only).
class PostgresDatabase implements Database {
  readonly engine = 'postgres' as const;
  private readonly base: Handle;
  private readonly context = new AsyncLocalStorage<Handle>();

  constructor(readonly pool: pg.Pool) {
    this.base = drizzle(pool);
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
      await lockKeys(current, options.lock);
      if (!options.savepoint) return fn();
      return current.transaction((savepoint) => this.context.run(savepoint, async () => fn()));
    }
    for (let attempt = 1; ; attempt++) {
      try {
        const config = options.snapshot ? ({ isolationLevel: 'repeatable read', accessMode: 'read only' } as const) : undefined;
        return await this.base.transaction(async (tx) => {
          await lockKeys(tx, options.lock);
          return this.context.run(tx, async () => fn());
        }, config);
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS || !isRetryableConflict(err)) throw err;
      }
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
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

export type PgOptions = { maxConnections?: number; connectionTimeoutMs?: number };

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
  return new PostgresDatabase(pool);
}
