import { is, sql, type SQL } from 'drizzle-orm';
import { PgDatabase } from 'drizzle-orm/pg-core';
import type { Db } from './db.ts';

// What a repository needs to run on both engines with one body of code. The query builder subset
// both dialects share is awaited (never `.get/.all/.run`, which only SQLite has); tables are picked
// by the handle's dialect; raw SQL goes through `rows`, written in the SQL both engines accept.

export const isPostgres = (db: Db): boolean => is(db, PgDatabase);

// One capability's tables on both engines. The SQLite tables type the code; their PostgreSQL twins
// have the same names, columns and row types (test/db/table-twins.test.ts proves it).
export function tablesByDialect<T extends Record<string, unknown>>(sqlite: T, postgres: { [K in keyof T]: unknown }): (db: Db) => T {
  return (db) => (isPostgres(db) ? (postgres as T) : sqlite);
}

type PgExecute = { execute(query: SQL): Promise<{ rows: unknown[] }> };

// The rows of a raw query. Column aliases are quoted ("accountSeq"): PostgreSQL folds unquoted ones
// to lower case.
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  if (isPostgres(db)) return (await (db as unknown as PgExecute).execute(query)).rows as T[];
  return db.all<T>(query);
}

export async function firstRow<T>(db: Db, query: SQL): Promise<T | undefined> {
  return (await rows<T>(db, query))[0];
}

// The first row of a built select (`.limit(1)` is the caller's), undefined when there is none.
export const first = <T>(found: T[]): T | undefined => found[0];

// Insertion order, for rows that may share an instant: SQLite's rowid, PostgreSQL's hidden identity
// column `insertion_seq` (db/migrations/pg/0003_insertion_order.sql).
export const insertionOrder = (db: Db, table: unknown): SQL => (isPostgres(db) ? sql`${table}.insertion_seq` : sql`${table}.rowid`);
