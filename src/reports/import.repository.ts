import { desc } from 'drizzle-orm';
import type BetterSqlite3 from 'better-sqlite3';
import type { Db } from '../shared/db.ts';
import { importRuns } from './reports.table.ts';

// Historical rows go in through one raw prepared statement: at 100,000 rows the per-row cost of a
// query builder would be most of the import (bench/reports.bench.ts compares with bare inserts).
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

const insertSql = `INSERT INTO historical_trips (${tripColumns.join(', ')}) VALUES (${tripColumns.map(() => '?').join(', ')})`;

// A row whose key is already there (the same file imported again) is skipped: `changes` is 0.
export async function prepareTripInsert(sqlite: BetterSqlite3.Database): Promise<BetterSqlite3.Statement<TripParams>> {
  return sqlite.prepare<TripParams>(`${insertSql} ON CONFLICT(row_key) DO NOTHING`);
}

// The same insert without the conflict clause: the benchmark's baseline.
export async function prepareBareTripInsert(sqlite: BetterSqlite3.Database): Promise<BetterSqlite3.Statement<TripParams>> {
  return sqlite.prepare<TripParams>(insertSql);
}

export type ImportRun = typeof importRuns.$inferSelect;

export async function insertImportRun(db: Db, run: typeof importRuns.$inferInsert): Promise<void> {
  db.insert(importRuns).values(run).run();
}

export type RunCounts = { rowsRead: number; rowsImported: number; rowsDuplicate: number; rowsBad: number };

export async function prepareRunProgress(sqlite: BetterSqlite3.Database): Promise<BetterSqlite3.Statement<[number, number, number, number, string]>> {
  return sqlite.prepare('UPDATE import_runs SET rows_read = ?, rows_imported = ?, rows_duplicate = ?, rows_bad = ? WHERE id = ?');
}

export async function finishImportRun(sqlite: BetterSqlite3.Database, id: string, status: 'done' | 'refused', counts: RunCounts, finishedAt: string): Promise<void> {
  sqlite
    .prepare('UPDATE import_runs SET status = ?, rows_read = ?, rows_imported = ?, rows_duplicate = ?, rows_bad = ?, finished_at = ? WHERE id = ?')
    .run(status, counts.rowsRead, counts.rowsImported, counts.rowsDuplicate, counts.rowsBad, finishedAt, id);
}

export async function listImportRuns(db: Db, limit = 20): Promise<ImportRun[]> {
  return db.select().from(importRuns).orderBy(desc(importRuns.startedAt)).limit(limit).all();
}

export async function countHistoricalTrips(sqlite: BetterSqlite3.Database): Promise<number> {
  return (sqlite.prepare('SELECT count(*) AS n FROM historical_trips').get() as { n: number }).n;
}
