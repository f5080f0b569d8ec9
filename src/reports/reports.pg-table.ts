// PostgreSQL twin of reports.table.ts: same tables, same row types (test/db/table-twins.test.ts).
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, doublePrecision, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { entities } from '../org/org.pg-table.ts';

// One run of `empreinte import missions` (or of the admin upload): what was read, with which factor
// set, and how it ended. A run that crashed stays `running` with the batches it committed.
export const importRuns = pgTable(
  'import_runs',
  {
    id: text('id').primaryKey(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    layout: text('layout').notNull(),
    factorSetId: text('factor_set_id').notNull(),
    factorSetVersion: text('factor_set_version').notNull(),
    strict: boolean('strict').notNull(),
    actorId: text('actor_id'),
    status: text('status').notNull(),
    rowsRead: bigint('rows_read', { mode: 'number' }).notNull().default(0),
    rowsImported: bigint('rows_imported', { mode: 'number' }).notNull().default(0),
    rowsDuplicate: bigint('rows_duplicate', { mode: 'number' }).notNull().default(0),
    rowsBad: bigint('rows_bad', { mode: 'number' }).notNull().default(0),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
  },
  (t) => [
    check('import_runs_layout_valid', sql`${t.layout} in ('empreinte', 'ges1point5', 'mapped')`),
    check('import_runs_status_valid', sql`${t.status} in ('running', 'done', 'refused')`),
  ],
);

// One imported CSV row (a leg, or a whole mission of one leg). Keeps what the footprint needs to be
// recomputed under another factor set (mode, raw great-circle or given distance, countries, trips,
// travellers) beside the figure computed at import time and the factor that produced it.
export const historicalTrips = pgTable(
  'historical_trips',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    // sha256 of the normalised row, its mission number and its occurrence in the file: re-importing the
    // same file inserts nothing twice, while two identical rows of one file (two agents) both count.
    rowKey: text('row_key').notNull().unique(),
    importId: text('import_id').notNull().references(() => importRuns.id),
    sourceLine: bigint('source_line', { mode: 'number' }).notNull(),
    missionRef: text('mission_ref'),
    departOn: text('depart_on').notNull(),
    year: bigint('year', { mode: 'number' }).notNull(),
    travellerCategory: text('traveller_category').notNull(),
    entityId: text('entity_id').references(() => entities.id),
    entityLabel: text('entity_label'),
    purpose: text('purpose').notNull(),
    mode: text('mode').notNull(),
    transitKind: text('transit_kind'),
    fromLabel: text('from_label'),
    toLabel: text('to_label'),
    fromCountry: text('from_country'),
    toCountry: text('to_country'),
    greatCircleKm: doublePrecision('great_circle_km'),
    givenDistanceKm: doublePrecision('given_distance_km'),
    distanceKm: doublePrecision('distance_km').notNull(),
    trips: bigint('trips', { mode: 'number' }).notNull(),
    travelers: bigint('travelers', { mode: 'number' }).notNull(),
    // GES 1point5 lists a car once per agent: each row carries its share of one car (1 / carPeople).
    carPeople: bigint('car_people', { mode: 'number' }),
    co2eGrams: bigint('co2e_grams', { mode: 'number' }).notNull(),
    factorSetId: text('factor_set_id').notNull(),
    factorSetVersion: text('factor_set_version').notNull(),
    factorId: text('factor_id').notNull(),
    costCents: bigint('cost_cents', { mode: 'number' }),
    visioHours: doublePrecision('visio_hours'),
  },
  (t) => [
    check('historical_trips_category_valid', sql`${t.travellerCategory} in ('staff', 'student')`),
    check('historical_trips_figures_valid', sql`${t.trips} in (1, 2) and ${t.travelers} >= 1 and ${t.co2eGrams} >= 0`),
    index('historical_trips_year_idx').on(t.year, t.mode),
  ],
);

// Reference year and targets, append-only (triggers in migration reports_settings_append_only): the
// latest row is in force, the earlier ones are the history of who changed what.
export const reportSettings = pgTable(
  'report_settings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    referenceYear: bigint('reference_year', { mode: 'number' }).notNull(),
    ghgReductionPercentPerYear: doublePrecision('ghg_reduction_percent_per_year').notNull(),
    // JSON array of { year, reductionPercent } against the reference year's flights.
    flightTargetsJson: text('flight_targets_json').notNull(),
    setAt: text('set_at').notNull(),
    setBy: text('set_by'),
  },
  (t) => [
    check('report_settings_year_valid', sql`${t.referenceYear} between 1990 and 2100`),
    check('report_settings_rate_valid', sql`${t.ghgReductionPercentPerYear} >= 0 and ${t.ghgReductionPercentPerYear} < 100`),
  ],
);
