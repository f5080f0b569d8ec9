import { asc, getTableName } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { insertionOrder, tablesByDialect } from '../shared/dialect.ts';
import { policySwitches } from './policies.table.ts';
import * as pg from './policies.pg-table.ts';

const tables = tablesByDialect({ policySwitches }, pg);

export type PolicySwitchRow = typeof policySwitches.$inferSelect;

export async function insertSwitch(db: Db, row: PolicySwitchRow): Promise<void> {
  await db.insert(tables(db).policySwitches).values(row);
}

// In insertion order: a key's last row is its state.
export async function switchRows(db: Db): Promise<PolicySwitchRow[]> {
  const { policySwitches } = tables(db);
  return db.select().from(policySwitches).orderBy(asc(insertionOrder(db, policySwitches)));
}

// SQLite only: the quote reads the switches on every request, synchronously. The table is
// append-only, so its largest rowid changes exactly when a switch is set (by any process); the rows
// are read again only then.
const statements = new WeakMap<Db, { stamp: { get: () => unknown }; rows: { all: () => unknown[] } }>();

/* eslint-disable no-restricted-syntax -- the synchronous better-sqlite3 statements are the point here */
function sqliteStatements(db: Db) {
  let found = statements.get(db);
  if (!found) {
    const table = getTableName(policySwitches);
    found = { stamp: db.$client.prepare(`select coalesce(max(rowid), 0) from ${table}`).pluck(), rows: db.$client.prepare(`select key, enabled from ${table} order by rowid`) };
    statements.set(db, found);
  }
  return found;
}

export function sqliteSwitchStamp(db: Db): number {
  return sqliteStatements(db).stamp.get() as number;
}

export function sqliteSwitchRows(db: Db): Array<{ key: string; enabled: boolean }> {
  return (sqliteStatements(db).rows.all() as Array<{ key: string; enabled: number }>).map((r) => ({ key: r.key, enabled: r.enabled === 1 }));
}

/* eslint-enable no-restricted-syntax */
