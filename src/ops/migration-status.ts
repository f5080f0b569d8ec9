import type BetterSqlite3 from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { migrationsFolder } from '../shared/db.ts';

// drizzle's migrator records each applied migration with the `when` of its journal entry
// (`created_at`) and applies every entry newer than the latest one recorded. A database is current
// when every journal entry is recorded; it is newer than this code when it records one the journal
// does not know (a later release ran on it): starting or restoring over it would run old code on a
// schema it does not understand.
export type MigrationStatus = { current: boolean; newerThanCode: boolean; pending: string[]; unknown: number[] };

type Journal = { entries: Array<{ tag: string; when: number }> };

let journalCache: Journal | undefined;
function journal(): Journal {
  journalCache ??= JSON.parse(readFileSync(resolve(migrationsFolder, 'meta/_journal.json'), 'utf8')) as Journal;
  return journalCache;
}

export function migrationStatus(sqlite: BetterSqlite3.Database): MigrationStatus {
  const hasTable = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  const applied = hasTable ? (sqlite.prepare('select created_at as at from __drizzle_migrations').all() as Array<{ at: number | string }>).map((r) => Number(r.at)) : [];
  const appliedSet = new Set(applied);
  const known = new Set(journal().entries.map((e) => e.when));
  const pending = journal().entries.filter((e) => !appliedSet.has(e.when)).map((e) => e.tag);
  const unknown = applied.filter((at) => !known.has(at));
  return { current: pending.length === 0 && unknown.length === 0, newerThanCode: unknown.length > 0, pending, unknown };
}
