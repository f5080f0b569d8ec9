import BetterSqlite3 from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InvariantError } from './errors.ts';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const migrationsFolder = resolve(projectRoot, 'db/migrations/sqlite');

// drizzle's handle with its better-sqlite3 client, for the few statements that skip the query builder.
export type Db = BetterSQLite3Database & { $client: BetterSqlite3.Database };

// `lock`: what the transaction serialises against (ledger accounts by id). SQLite has one writer for
// the whole file and ignores the keys; PostgreSQL takes one advisory lock per key.
// `savepoint`: inside another transaction, run in a savepoint, so that a failure rolls back this part
// only and the caller may go on (a lost insert race, a refusal whose answer is stored). Without it a
// nested call simply joins the transaction in progress.
// `snapshot`: a read-only transaction that sees one state of the database throughout (a report, an
// audit): a deferred BEGIN on SQLite, REPEATABLE READ READ ONLY on PostgreSQL.
export type TransactionOptions = { lock?: readonly string[]; savepoint?: boolean; snapshot?: boolean };

// The data port (docs/architecture.md, "The data port"): one Database per process, asynchronous on
// every engine. A use case opens one transaction; anything it calls that opens one joins it (the
// transaction is found through the async context, so nothing has to pass a handle down).
export type Database = {
  readonly engine: 'sqlite' | 'postgres';
  // The query handle of the transaction in progress in this async context, else the base one.
  readonly db: Db;
  // SQLite's own connection, for what only SQLite has (the file's backup, integrity_check); on
  // PostgreSQL reaching it is a programming error (InvariantError).
  readonly sqlite: BetterSqlite3.Database;
  transaction<T>(fn: () => Promise<T> | T, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
};

type Release = () => void;

// better-sqlite3 is one synchronous connection: transactions of concurrent requests are queued here
// (one at a time on the connection) and each is BEGIN IMMEDIATE, so that two processes on one file
// serialise before either reads. A transaction's function does database work only: if it let the
// event loop turn (awaiting a file, the network, a hash), another request's statements would run
// inside it, so that is refused (rolled back, InvariantError) instead of committing a mixture.
class SqliteDatabase implements Database {
  readonly engine = 'sqlite' as const;
  readonly db: Db;
  private tail: Promise<void> = Promise.resolve();
  // The savepoint depth of the transaction this async context runs in (0: the transaction itself).
  private readonly inTransaction = new AsyncLocalStorage<number>();

  constructor(readonly sqlite: BetterSqlite3.Database) {
    this.db = drizzle(sqlite);
  }

  async transaction<T>(fn: () => Promise<T> | T, options: TransactionOptions = {}): Promise<T> {
    const depth = this.inTransaction.getStore();
    if (depth !== undefined) return options.savepoint ? await this.inSavepoint(fn, depth + 1) : await fn();
    const release = await this.acquire();
    try {
      return await this.runAlone(fn, options.snapshot ? 'BEGIN' : 'BEGIN IMMEDIATE');
    } finally {
      release();
    }
  }

  // After the transaction in progress; closing twice is harmless.
  async close(): Promise<void> {
    const release = await this.acquire();
    this.sqlite.close();
    release();
  }

  private async runAlone<T>(fn: () => Promise<T> | T, begin: 'BEGIN' | 'BEGIN IMMEDIATE'): Promise<T> {
    let loopTurned = false;
    const sentinel = setImmediate(() => (loopTurned = true));
    this.sqlite.exec(begin);
    try {
      const result = await this.inTransaction.run(0, fn);
      if (loopTurned) throw new InvariantError('a SQLite transaction let the event loop turn: its function must do database work only');
      this.sqlite.exec('COMMIT');
      return result;
    } catch (err) {
      if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
      throw err;
    } finally {
      clearImmediate(sentinel);
    }
  }

  private async inSavepoint<T>(fn: () => Promise<T> | T, depth: number): Promise<T> {
    const name = `sp${depth}`;
    this.sqlite.exec(`SAVEPOINT ${name}`);
    try {
      const result = await this.inTransaction.run(depth, fn);
      this.sqlite.exec(`RELEASE ${name}`);
      return result;
    } catch (err) {
      this.sqlite.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw err;
    }
  }

  private async acquire(): Promise<Release> {
    let release!: Release;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => mine);
    await previous;
    return release;
  }
}

// One connection per process. WAL lets readers run beside the single writer; busy_timeout makes a
// second process wait for the lock instead of failing at once.
export function openDatabase(path: string): Database {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return new SqliteDatabase(sqlite);
}

export function applyMigrations(database: Database): void {
  migrate(database.db, { migrationsFolder });
}

export function openMigratedDatabase(path: string): Database {
  const database = openDatabase(path);
  applyMigrations(database);
  return database;
}

// The port over a connection opened elsewhere (a copy under test, the backup's check).
export function databaseOn(sqlite: BetterSqlite3.Database): Database {
  return new SqliteDatabase(sqlite);
}
