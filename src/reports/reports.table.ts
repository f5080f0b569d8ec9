import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { entities } from '../org/org.table.ts';

// One run of `empreinte import missions` (or of the admin upload): what was read, with which factor
// set, and how it ended. A run that crashed stays `running` with the batches it committed.
export const importRuns = sqliteTable(
  'import_runs',
  {
    id: text('id').primaryKey(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    layout: text('layout').notNull(),
    factorSetId: text('factor_set_id').notNull(),
    factorSetVersion: text('factor_set_version').notNull(),
    strict: integer('strict', { mode: 'boolean' }).notNull(),
    actorId: text('actor_id'),
    status: text('status').notNull(),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsImported: integer('rows_imported').notNull().default(0),
    rowsDuplicate: integer('rows_duplicate').notNull().default(0),
    rowsBad: integer('rows_bad').notNull().default(0),
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
export const historicalTrips = sqliteTable(
  'historical_trips',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // sha256 of the normalised row, its mission number and its occurrence in the file: re-importing the
    // same file inserts nothing twice, while two identical rows of one file (two agents) both count.
    rowKey: text('row_key').notNull().unique(),
    importId: text('import_id').notNull().references(() => importRuns.id),
    sourceLine: integer('source_line').notNull(),
    missionRef: text('mission_ref'),
    departOn: text('depart_on').notNull(),
    year: integer('year').notNull(),
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
    greatCircleKm: real('great_circle_km'),
    givenDistanceKm: real('given_distance_km'),
    distanceKm: real('distance_km').notNull(),
    trips: integer('trips').notNull(),
    travelers: integer('travelers').notNull(),
    // GES 1point5 lists a car once per agent: each row carries its share of one car (1 / carPeople).
    carPeople: integer('car_people'),
    co2eGrams: integer('co2e_grams').notNull(),
    factorSetId: text('factor_set_id').notNull(),
    factorSetVersion: text('factor_set_version').notNull(),
    factorId: text('factor_id').notNull(),
    costCents: integer('cost_cents'),
    visioHours: real('visio_hours'),
  },
  (t) => [
    check('historical_trips_category_valid', sql`${t.travellerCategory} in ('staff', 'student')`),
    check('historical_trips_figures_valid', sql`${t.trips} in (1, 2) and ${t.travelers} >= 1 and ${t.co2eGrams} >= 0`),
    index('historical_trips_year_idx').on(t.year, t.mode),
  ],
);

// Reference year and targets, append-only (triggers in migration reports_settings_append_only): the
// latest row is in force, the earlier ones are the history of who changed what.
export const reportSettings = sqliteTable(
  'report_settings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    referenceYear: integer('reference_year').notNull(),
    ghgReductionPercentPerYear: real('ghg_reduction_percent_per_year').notNull(),
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
