import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const migrationsFolder = resolve(projectRoot, 'db/migrations/sqlite');

// drizzle's handle with its better-sqlite3 client, for the few statements that skip the query builder.
export type Db = BetterSQLite3Database & { $client: Database.Database };
export type DbHandle = { sqlite: Database.Database; db: Db };

// One connection per process: better-sqlite3 is synchronous, so a write spanning tables is one
// synchronous transaction. WAL lets readers run beside the single writer; busy_timeout makes a second
// process wait for the lock instead of failing at once.
export function openDatabase(path: string): DbHandle {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new Database(path);
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return { sqlite, db: drizzle(sqlite) };
}

export function applyMigrations(database: DbHandle): void {
  migrate(database.db, { migrationsFolder });
}

export function openMigratedDatabase(path: string): DbHandle {
  const database = openDatabase(path);
  applyMigrations(database);
  return database;
}
