import { sql } from 'drizzle-orm';
import type { Database } from '../shared/db.ts';
import { rows } from '../shared/dialect.ts';
import { parisYearStartUtc } from './reports.repository.ts';

// What a recomputation reads (read-only): the year's validated missions with the request and quote
// they were saved with, their legs as recorded, and the year's imported rows.

export type MissionForRecompute = { id: string; requestJson: string; quoteJson: string; factorSetId: string; factorSetVersion: string };
export type RecordedLeg = { missionId: string; legIndex: number; mode: string; co2eGrams: number };
export type ImportedTripRow = {
  mode: string; transitKind: string | null; greatCircleKm: number | null; givenDistanceKm: number | null; fromCountry: string | null; toCountry: string | null;
  trips: number; travelers: number; carPeople: number | null; visioHours: number | null; co2eGrams: number; factorSetId: string; factorSetVersion: string;
};

const counted = (year: number) => sql`m.status = 'validated' AND m.depart_at >= ${parisYearStartUtc(year)} AND m.depart_at < ${parisYearStartUtc(year + 1)}`;

export async function validatedMissionsOfYear(database: Database, year: number): Promise<MissionForRecompute[]> {
  return rows<MissionForRecompute>(database.db, sql`
    SELECT m.id AS "id", m.request_json AS "requestJson", m.quote_json AS "quoteJson", m.factor_set_id AS "factorSetId", m.factor_set_version AS "factorSetVersion"
    FROM missions m WHERE ${counted(year)} ORDER BY m.depart_at, m.id`);
}

export async function recordedLegsOfYear(database: Database, year: number): Promise<RecordedLeg[]> {
  return rows<RecordedLeg>(database.db, sql`
    SELECT l.mission_id AS "missionId", l.leg_index AS "legIndex", l.mode AS "mode", l.co2e_grams AS "co2eGrams"
    FROM mission_legs l JOIN missions m ON m.id = l.mission_id
    WHERE ${counted(year)} ORDER BY l.mission_id, l.leg_index`);
}

export async function importedTripsOfYear(database: Database, year: number): Promise<ImportedTripRow[]> {
  return rows<ImportedTripRow>(database.db, sql`
    SELECT mode AS "mode", transit_kind AS "transitKind", great_circle_km AS "greatCircleKm", given_distance_km AS "givenDistanceKm",
      from_country AS "fromCountry", to_country AS "toCountry", trips AS "trips", travelers AS "travelers", car_people AS "carPeople",
      visio_hours AS "visioHours", co2e_grams AS "co2eGrams", factor_set_id AS "factorSetId", factor_set_version AS "factorSetVersion"
    FROM historical_trips WHERE year = ${year} ORDER BY id`);
}
