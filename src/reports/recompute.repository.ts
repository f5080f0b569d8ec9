import type { Database } from '../shared/db.ts';
import { parisYearStartUtc } from './reports.repository.ts';

// What a recomputation reads (read-only): the year's validated missions with the request and quote
// they were saved with, their legs as recorded, and the year's imported rows.

export type MissionForRecompute = { id: string; requestJson: string; quoteJson: string; factorSetId: string; factorSetVersion: string };
export type RecordedLeg = { missionId: string; legIndex: number; mode: string; co2eGrams: number };
export type ImportedTripRow = {
  mode: string; transitKind: string | null; greatCircleKm: number | null; givenDistanceKm: number | null; fromCountry: string | null; toCountry: string | null;
  trips: number; travelers: number; carPeople: number | null; visioHours: number | null; co2eGrams: number; factorSetId: string; factorSetVersion: string;
};

const range = (year: number) => [parisYearStartUtc(year), parisYearStartUtc(year + 1)] as const;

export async function validatedMissionsOfYear(database: Database, year: number): Promise<MissionForRecompute[]> {
  return database.sqlite
    .prepare(`SELECT id, request_json AS requestJson, quote_json AS quoteJson, factor_set_id AS factorSetId, factor_set_version AS factorSetVersion
      FROM missions WHERE status = 'validated' AND depart_at >= ? AND depart_at < ? ORDER BY depart_at, id`)
    .all(...range(year)) as MissionForRecompute[];
}

export async function recordedLegsOfYear(database: Database, year: number): Promise<RecordedLeg[]> {
  return database.sqlite
    .prepare(`SELECT l.mission_id AS missionId, l.leg_index AS legIndex, l.mode AS mode, l.co2e_grams AS co2eGrams
      FROM mission_legs l JOIN missions m ON m.id = l.mission_id
      WHERE m.status = 'validated' AND m.depart_at >= ? AND m.depart_at < ? ORDER BY l.mission_id, l.leg_index`)
    .all(...range(year)) as RecordedLeg[];
}

export async function importedTripsOfYear(database: Database, year: number): Promise<ImportedTripRow[]> {
  return database.sqlite
    .prepare(`SELECT mode, transit_kind AS transitKind, great_circle_km AS greatCircleKm, given_distance_km AS givenDistanceKm, from_country AS fromCountry,
        to_country AS toCountry, trips, travelers, car_people AS carPeople, visio_hours AS visioHours, co2e_grams AS co2eGrams,
        factor_set_id AS factorSetId, factor_set_version AS factorSetVersion
      FROM historical_trips WHERE year = ? ORDER BY id`)
    .all(year) as ImportedTripRow[];
}
