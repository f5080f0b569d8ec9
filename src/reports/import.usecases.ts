import type { Clock } from '../shared/clock.ts';
import type { Database } from '../shared/db.ts';
import { newId } from '../shared/ids.ts';
import type { PlaceResolver } from '../places/places.usecases.ts';
import type { FactorRegistry } from '../footprint/factors.models.ts';
import { listEntities } from '../org/org.repository.ts';
import { sha256Hex } from '../ledger/ledger-format.models.ts';
import { readCsv, type CsvRecord, type Separator } from './import-csv.models.ts';
import { planColumns, type ImportField, type ImportLayout } from './import-columns.models.ts';
import { normaliseRow, occurrenceKey, rowHash } from './import-row.models.ts';
import { RowProblem } from './import-values.models.ts';
import { tripBuilder } from './import-trip.usecases.ts';
import { insertImportRun, listImportRuns, recordRunProgress, tripWriter, type RunCounts, type TripParams, ROWS_PER_WRITE } from './import.repository.ts';

export type ImportDeps = { database: Database; clock: Clock; places: PlaceResolver; factors: FactorRegistry };

export type ImportOptions = {
  fileName: string;
  strict?: boolean; // refuse the whole file when any row is bad
  factorSetId?: string;
  mapping?: Record<string, ImportField>; // header key → field (parseMapping)
  entity?: string | null; // entity of rows that name none
  batchSize?: number;
  actorId?: string | null;
  forceCsvParse?: boolean;
  onProgress?: (done: number, total: number) => void;
  // Test hook, run inside each batch's transaction before it commits: throwing rolls that batch back.
  onBatch?: (batchIndex: number) => void;
};

export type RowError = { line: number; field: string; code: string; reason: string; fields: string[] };

export type ImportSummary = {
  importId: string;
  layout: ImportLayout;
  separator: Separator;
  factorSet: { id: string; version: string };
  refused: boolean;
  rowsRead: number;
  imported: number;
  duplicates: number;
  bad: number;
  errors: RowError[];
  header: string[];
  seconds: number;
};

// Rows per transaction. Each commit writes every page its batch touched, and random row keys touch
// many: at 1,000 rows the commits cost about 12 % of an import, at 10,000 about 2 % (measured with
// bench/reports.bench.ts). A crash still loses at most one batch (a fraction of a second of work),
// which a re-run inserts.
export const DEFAULT_BATCH_SIZE = 10_000;
export const MAX_BATCH_SIZE = 50_000;

function problemOf(record: CsvRecord, err: unknown): RowError {
  if (!(err instanceof RowProblem)) throw err;
  return { line: record.line, field: err.field, code: err.code, reason: err.message, fields: record.fields };
}

export async function importMissionsCsv(deps: ImportDeps, text: string, options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const table = readCsv(text, { forceCsvParse: options.forceCsvParse });
  const plan = planColumns(table.header.fields, options.mapping);
  const set = deps.factors.get(options.factorSetId ?? deps.factors.defaultSetId);
  const batchSize = Math.min(Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE), MAX_BATCH_SIZE);
  const importId = newId('imp');
  const entityIds = new Map((await listEntities(deps.database.db)).map((e) => [e.name.toLowerCase(), e.id]));
  const build = tripBuilder(deps.places, set, importId, entityIds);
  const occurrences = new Map<string, number>();
  const advanced: string[] = []; // the keys the batch in flight advanced, to start it again
  const errors: RowError[] = [];
  const defaults = { entity: options.entity ?? null };

  // Keys depend on the order rows are met in: a strict run's check pass must not advance them.
  // Returns the stored row, or null after recording the row's problem in `errors`.
  const tripOf = (record: CsvRecord, keyed: boolean): TripParams | null => {
    try {
      const row = normaliseRow(record.line, record.fields, plan.columns, defaults);
      const base = rowHash(row);
      const n = (occurrences.get(base) ?? 0) + 1;
      if (keyed) {
        occurrences.set(base, n);
        advanced.push(base);
      }
      return build(row, occurrenceKey(base, n));
    } catch (err) {
      errors.push(problemOf(record, err));
      return null;
    }
  };

  const total = table.size; // lines after the header, blank ones included: the progress bar's scale
  await insertImportRun(deps.database.db, {
    id: importId, fileName: options.fileName, fileSha256: sha256Hex(text), layout: plan.layout, factorSetId: set.id, factorSetVersion: set.version,
    strict: options.strict === true, actorId: options.actorId ?? null, status: 'running', startedAt: deps.clock.now().toUTC().toISO()!,
  });
  const counts: RunCounts = { rowsRead: 0, rowsImported: 0, rowsDuplicate: 0, rowsBad: 0 };
  const finish = async (refused: boolean): Promise<ImportSummary> => {
    counts.rowsBad = errors.length;
    await recordRunProgress(deps.database.db, importId, counts, { status: refused ? 'refused' : 'done', finishedAt: deps.clock.now().toUTC().toISO()! });
    return {
      importId, layout: plan.layout, separator: table.separator, factorSet: { id: set.id, version: set.version }, refused, rowsRead: counts.rowsRead,
      imported: counts.rowsImported, duplicates: counts.rowsDuplicate, bad: errors.length, errors, header: table.header.fields,
      seconds: (performance.now() - started) / 1000,
    };
  };

  if (options.strict) {
    let read = 0;
    for (let i = 0; i < total; i++) {
      const record = table.record(i);
      if (record) {
        read += 1;
        tripOf(record, false);
      }
    }
    if (errors.length > 0) {
      counts.rowsRead = read;
      return finish(true);
    }
  }

  const writeTrips = tripWriter(deps.database);
  const write = async (trips: TripParams[]) => {
    const inserted = await writeTrips(trips);
    counts.rowsImported += inserted;
    counts.rowsDuplicate += trips.length - inserted;
    trips.length = 0;
  };
  // One transaction per batch: a crash loses at most the batch in flight, never half of it, and
  // running the file again skips what was committed (row keys are UNIQUE). Rows go to the database
  // a few hundred at a time inside their batch's transaction: no batch waits whole in memory. A
  // batch's function may run again (PostgreSQL retries a deadlock between two imports sharing rows):
  // it starts from the counts, errors and occurrence keys as they were before the batch.
  const runBatch = async (from: number, to: number, batchIndex: number) => {
    const before = { counts: { ...counts }, errors: errors.length };
    advanced.length = 0;
    await deps.database.transaction(async () => {
      Object.assign(counts, before.counts);
      errors.length = before.errors;
      for (const base of advanced) occurrences.set(base, occurrences.get(base)! - 1);
      advanced.length = 0;
      const pending: TripParams[] = [];
      for (let i = from; i < to; i++) {
        const record = table.record(i);
        if (record === null) continue;
        counts.rowsRead += 1;
        const params = tripOf(record, true);
        if (params === null) continue;
        pending.push(params);
        if (pending.length === ROWS_PER_WRITE) await write(pending);
      }
      await write(pending);
      options.onBatch?.(batchIndex);
      counts.rowsBad = errors.length;
      await recordRunProgress(deps.database.db, importId, counts);
    });
  };

  for (let start = 0, batchIndex = 0; start < total; start += batchSize, batchIndex++) {
    const end = Math.min(start + batchSize, total);
    await runBatch(start, end, batchIndex);
    options.onProgress?.(end, total);
  }
  return finish(false);
}

// The latest imports, newest first, for the admin page and GET /api/reports/imports.
export const recentImportRuns = (deps: Pick<ImportDeps, 'database'>, limit?: number) => listImportRuns(deps.database.db, limit);
