import type BetterSqlite3 from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrationsFolder, type Database } from '../shared/db.ts';
import { rows } from '../shared/dialect.ts';
import { pgMigrationsFolder } from '../shared/pg-database.ts';

// drizzle's migrator records each applied migration with the `when` of its journal entry
// (`created_at`) and applies every entry newer than the latest one recorded. A database is current
// when every journal entry is recorded; it is newer than this code when it records one the journal
// does not know (a later release ran on it): starting or restoring over it would run old code on a
// schema it does not understand.
export type MigrationStatus = { current: boolean; newerThanCode: boolean; pending: string[]; unknown: number[] };

type Journal = { entries: Array<{ tag: string; when: number }> };

const journals = new Map<string, Journal>();
function journal(folder: string): Journal {
  let found = journals.get(folder);
  if (!found) journals.set(folder, (found = JSON.parse(readFileSync(resolve(folder, 'meta/_journal.json'), 'utf8')) as Journal));
  return found;
}

// The SQLite file's status (backup and restore check a file before anything else).
export function migrationStatus(sqlite: BetterSqlite3.Database): MigrationStatus {
  const hasTable = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  const applied = hasTable ? (sqlite.prepare('select created_at as at from __drizzle_migrations').all() as Array<{ at: number | string }>).map((r) => Number(r.at)) : [];
  return statusOf(applied, journal(migrationsFolder));
}

// The status of the service's database, on either engine (drizzle keeps PostgreSQL's record in the
// `drizzle` schema).
export async function databaseMigrationStatus(database: Database): Promise<MigrationStatus> {
  if (database.engine === 'sqlite') return migrationStatus(database.sqlite);
  const found = await rows<{ at: string | number }>(database.db, sql`select created_at as "at" from drizzle.__drizzle_migrations`);
  return statusOf(found.map((r) => Number(r.at)), journal(pgMigrationsFolder));
}

function statusOf(applied: number[], journal: Journal): MigrationStatus {
  const appliedSet = new Set(applied);
  const known = new Set(journal.entries.map((e) => e.when));
  const pending = journal.entries.filter((e) => !appliedSet.has(e.when)).map((e) => e.tag);
  const unknown = applied.filter((at) => !known.has(at));
  return { current: pending.length === 0 && unknown.length === 0, newerThanCode: unknown.length > 0, pending, unknown };
}
