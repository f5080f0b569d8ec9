import { desc, eq } from 'drizzle-orm';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database, Db } from '../shared/db.ts';
import { tablesByDialect } from '../shared/dialect.ts';
import { pgClientOf } from '../shared/pg-database.ts';
import * as sqliteTables from './reports.table.ts';
import * as pgTables from './reports.pg-table.ts';

const tables = tablesByDialect(sqliteTables, pgTables);

export const tripColumns = [
  'row_key', 'import_id', 'source_line', 'mission_ref', 'depart_on', 'year', 'traveller_category', 'entity_id', 'entity_label', 'purpose',
  'mode', 'transit_kind', 'from_label', 'to_label', 'from_country', 'to_country', 'great_circle_km', 'given_distance_km', 'distance_km',
  'trips', 'travelers', 'car_people', 'co2e_grams', 'factor_set_id', 'factor_set_version', 'factor_id', 'cost_cents', 'visio_hours',
] as const;

export type TripParams = [
  rowKey: string, importId: string, sourceLine: number, missionRef: string | null, departOn: string, year: number, category: string,
  entityId: string | null, entityLabel: string | null, purpose: string, mode: string, transitKind: string | null, fromLabel: string | null,
  toLabel: string | null, fromCountry: string | null, toCountry: string | null, greatCircleKm: number | null, givenDistanceKm: number | null,
  distanceKm: number, trips: number, travelers: number, carPeople: number | null, co2eGrams: number, factorSetId: string,
  factorSetVersion: string, factorId: string, costCents: number | null, visioHours: number | null,
];

// The insert both engines' baselines time (bench/reports.bench.ts): the import adds only its conflict clause.
export const bareTripInsertSql = `INSERT INTO historical_trips (${tripColumns.join(', ')}) VALUES (${tripColumns.map(() => '?').join(', ')})`;

// Rows per statement on PostgreSQL (28 parameters a row stays far below its 65,535 per statement),
// and per call from the import.
export const ROWS_PER_WRITE = 500;

// Inserts historical rows and answers how many were new: a row whose key is already there (the same
// file imported again) is skipped. At 100,000 rows the per-row cost of a query builder would be most
// of the import (bench/reports.bench.ts), so SQLite runs one prepared statement per row inside the
// caller's transaction and PostgreSQL one multi-row INSERT … ON CONFLICT DO NOTHING per few hundred
// rows, its text built once and sent with its values on the transaction's connection (pgClientOf).
export type TripWriter = (trips: readonly TripParams[]) => Promise<number>;

export function tripWriter(database: Database): TripWriter {
  // eslint-disable-next-line no-restricted-syntax -- SQLite's prepared statement is the import's hot path (see above)
  if (database.engine === 'sqlite') return sqliteTripWriter(database.sqlite);
  const statements = new Map<number, string>(); // INSERT text per row count: built once, not per chunk
  const textFor = (count: number) => {
    let text = statements.get(count);
    if (!text) {
      const row = (r: number) => `(${tripColumns.map((_, c) => `$${r * tripColumns.length + c + 1}`).join(', ')})`;
      text = `INSERT INTO historical_trips (${tripColumns.join(', ')}) VALUES ${Array.from({ length: count }, (_, r) => row(r)).join(', ')} ON CONFLICT (row_key) DO NOTHING`;
      statements.set(count, text);
    }
    return text;
  };
  return async (trips) => {
    let inserted = 0;
    for (let start = 0; start < trips.length; start += ROWS_PER_WRITE) {
      const chunk = trips.slice(start, start + ROWS_PER_WRITE);
      inserted += (await pgClientOf(database.db).query(textFor(chunk.length), chunk.flat())).rowCount ?? 0;
    }
    return inserted;
  };
}

function sqliteTripWriter(sqlite: BetterSqlite3.Database): TripWriter {
  const insert = sqlite.prepare<TripParams>(`${bareTripInsertSql} ON CONFLICT(row_key) DO NOTHING`);
  return async (trips) => {
    let inserted = 0;
    for (const t of trips) inserted += insert.run(...t).changes;
    return inserted;
  };
}

export type ImportRun = typeof sqliteTables.importRuns.$inferSelect;

export async function insertImportRun(db: Db, run: typeof sqliteTables.importRuns.$inferInsert): Promise<void> {
  await db.insert(tables(db).importRuns).values(run);
}

export type RunCounts = { rowsRead: number; rowsImported: number; rowsDuplicate: number; rowsBad: number };

export async function recordRunProgress(db: Db, id: string, counts: RunCounts, end?: { status: 'done' | 'refused'; finishedAt: string }): Promise<void> {
  const { importRuns } = tables(db);
  await db.update(importRuns).set({ ...counts, ...end }).where(eq(importRuns.id, id));
}

export async function listImportRuns(db: Db, limit = 20): Promise<ImportRun[]> {
  const { importRuns } = tables(db);
  return db.select().from(importRuns).orderBy(desc(importRuns.startedAt)).limit(limit);
}
