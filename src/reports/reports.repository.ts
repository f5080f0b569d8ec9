import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../shared/db.ts';
import { COPIL_SCOPE, type LegGroup, type OffsetGroup, type ReplacedGroup, type TripFlags } from './indicators.models.ts';

export type { LegGroup, OffsetGroup, ReplacedGroup, TripFlags } from './indicators.models.ts';

// Read-only aggregates for the copil report, over validated missions (missions capability's tables)
// and imported historical trips. One grouped pass per source: the report never loads rows one by one.

// Missions store UTC instants. On 1 January Paris is always at UTC+1 (no summer time), so the Paris
// year of an instant is its UTC year, plus one from 31 December 23:00 UTC on.
const parisYear = (column: string) => `(CAST(substr(${column}, 1, 4) AS INTEGER) + (substr(${column}, 6, 8) >= '12-31T23'))`;
export const parisYearStartUtc = (year: number): string => `${year - 1}-12-31T23:00:00.000Z`;

// The legs a validated mission counts with: those of its claim once certified (what was really
// travelled), its own estimate otherwise. One derived table, so every figure below agrees.
const settled = `c.status IN ('certified', 'paid')`;
const countedLegs = `(
    SELECT l.mission_id, l.mode, l.from_country, l.to_country, l.trips, l.travelers, l.co2e_grams FROM mission_legs l
     WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.mission_id = l.mission_id AND ${settled})
    UNION ALL
    SELECT c.mission_id, cl.mode, cl.from_country, cl.to_country, cl.trips, cl.travelers, cl.co2e_grams
      FROM claim_legs cl JOIN claims c ON c.id = cl.claim_id WHERE ${settled})`;

const sql = {
  missionLegs: `
    SELECT ${parisYear('m.depart_at')} AS year, m.entity_id AS entityId, NULL AS entityLabel, m.purpose AS purpose, u.category AS category,
      l.mode AS mode, coalesce(l.mode = 'plane' AND l.from_country = @homeCountry AND l.to_country = @homeCountry, 0) AS domestic,
      sum(l.trips * l.travelers) AS legs, sum(l.travelers) AS travellerTrips, sum(l.co2e_grams) AS co2eGrams
    FROM missions m JOIN ${countedLegs} l ON l.mission_id = m.id JOIN users u ON u.id = m.traveller_id
    WHERE m.status = @countedStatus AND m.depart_at >= @fromUtc AND m.depart_at < @toUtc
    GROUP BY 1, 2, 4, 5, 6, 7`,
  importedLegs: `
    SELECT year, entity_id AS entityId, CASE WHEN entity_id IS NULL THEN entity_label END AS entityLabel, purpose, traveller_category AS category,
      mode, coalesce(mode = 'plane' AND from_country = @homeCountry AND to_country = @homeCountry, 0) AS domestic,
      sum(trips * travelers) AS legs, sum(travelers) AS travellerTrips, sum(co2e_grams) AS co2eGrams
    FROM historical_trips WHERE year BETWEEN @fromYear AND @toYear
    GROUP BY 1, 2, 3, 4, 5, 6, 7`,
  // An avoided flight an edit withdrew (the flight back, the rail leg gone) no longer counts.
  replaced: `
    SELECT ${parisYear('m.depart_at')} AS year, m.entity_id AS entityId, NULL AS entityLabel, m.purpose AS purpose, u.category AS category, sum(a.flights) AS flights
    FROM avoided_flights a JOIN missions m ON m.id = a.mission_id JOIN users u ON u.id = m.traveller_id
    WHERE m.status = @countedStatus AND m.depart_at >= @fromUtc AND m.depart_at < @toUtc
      AND NOT EXISTS (SELECT 1 FROM avoided_flight_withdrawals w WHERE w.avoided_flight_id = a.id)
    GROUP BY 1, 2, 4, 5`,
  // International: a destination abroad. Only recruitment and students' trips are looked at.
  missionFlags: `
    SELECT ${parisYear('m.depart_at')} AS year, m.entity_id AS entityId, NULL AS entityLabel, m.purpose AS purpose, u.category AS category,
      EXISTS (SELECT 1 FROM ${countedLegs} l WHERE l.mission_id = m.id AND l.mode = 'visio') AS visio,
      EXISTS (SELECT 1 FROM ${countedLegs} l WHERE l.mission_id = m.id AND l.mode = 'plane') AS plane,
      EXISTS (SELECT 1 FROM ${countedLegs} l WHERE l.mission_id = m.id AND l.mode = 'train') AS train
    FROM missions m JOIN users u ON u.id = m.traveller_id
    WHERE m.status = @countedStatus AND m.depart_at >= @fromUtc AND m.depart_at < @toUtc AND m.destination_country <> @homeCountry
      AND (m.purpose = 'recruitment' OR u.category = 'student')`,
  // An imported trip is the rows sharing a mission number in one import (a row alone without one);
  // international when one of its places is known to be abroad.
  importedFlags: `
    SELECT year, entityId, entityLabel, purpose, category, visio, plane, train FROM (
      SELECT min(year) AS year, min(entity_id) AS entityId, CASE WHEN min(entity_id) IS NULL THEN min(entity_label) END AS entityLabel, min(purpose) AS purpose, min(traveller_category) AS category,
        max(mode = 'visio') AS visio, max(mode = 'plane') AS plane, max(mode = 'train') AS train,
        max(coalesce(from_country, @homeCountry) <> @homeCountry OR coalesce(to_country, @homeCountry) <> @homeCountry) AS abroad
      FROM historical_trips
      WHERE year BETWEEN @fromYear AND @toYear AND (purpose = 'recruitment' OR traveller_category = 'student')
      GROUP BY import_id, coalesce(mission_ref, 'row:' || id)
    ) WHERE abroad = 1`,
  // Flights of the year's validated missions that pay a contribution (booked and not reversed, or
  // owed on the actual trip by its claim's adjustment), per group.
  offset: `
    SELECT m.entity_id AS entityId, m.purpose AS purpose, u.category AS category, sum(l.trips * l.travelers) AS flights, count(DISTINCT m.id) AS missions
    FROM missions m JOIN users u ON u.id = m.traveller_id JOIN ${countedLegs} l ON l.mission_id = m.id AND l.mode = 'plane'
    WHERE m.status = @countedStatus AND m.depart_at >= @fromUtc AND m.depart_at < @toUtc
      AND (EXISTS (SELECT 1 FROM ledger_transfers t WHERE t.cause_kind = 'mission_contribution' AND t.cause_ref = m.id
             AND NOT EXISTS (SELECT 1 FROM ledger_transfers r WHERE r.reverses_transfer_id = t.id))
        OR EXISTS (SELECT 1 FROM claims c WHERE c.mission_id = m.id AND ${settled} AND c.adjustment_cents > 0))
    GROUP BY 1, 2, 3`,
  // What the missions paid in the end: contributions not reversed, plus or minus their claims' adjustments.
  contributions: `
    SELECT entityId, purpose, category, sum(cents) AS cents FROM (
      SELECT m.entity_id AS entityId, m.purpose AS purpose, u.category AS category, t.amount_cents AS cents
      FROM ledger_transfers t JOIN missions m ON m.id = t.cause_ref JOIN users u ON u.id = m.traveller_id
      WHERE t.cause_kind = 'mission_contribution' AND m.status = @countedStatus AND m.depart_at >= @fromUtc AND m.depart_at < @toUtc
        AND NOT EXISTS (SELECT 1 FROM ledger_transfers r WHERE r.reverses_transfer_id = t.id)
      UNION ALL
      SELECT m.entity_id, m.purpose, u.category, c.adjustment_cents
      FROM claims c JOIN missions m ON m.id = c.mission_id JOIN users u ON u.id = m.traveller_id
      WHERE ${settled} AND c.adjustment_cents <> 0 AND m.status = @countedStatus AND m.depart_at >= @fromUtc AND m.depart_at < @toUtc
    ) GROUP BY 1, 2, 3`,
  // How many of the year's missions are counted on their certified claim, how many on their estimate.
  basis: `
    SELECT count(c.id) AS actual, count(*) - count(c.id) AS estimate
    FROM missions m LEFT JOIN claims c ON c.mission_id = m.id AND ${settled}
    WHERE m.status = @countedStatus AND m.depart_at >= @fromUtc AND m.depart_at < @toUtc`,
  entities: 'SELECT id, name FROM entities',
} as const;

type Statements = { [K in keyof typeof sql]: BetterSqlite3.Statement };
const prepared = new WeakMap<BetterSqlite3.Database, Statements>();

function statements(sqlite: BetterSqlite3.Database): Statements {
  let s = prepared.get(sqlite);
  if (!s) {
    s = Object.fromEntries(Object.entries(sql).map(([k, text]) => [k, sqlite.prepare(text)])) as Statements;
    prepared.set(sqlite, s);
  }
  return s;
}

export type YearRange = { from: number; to: number }; // inclusive Paris years

// Every statement takes the same named parameters: the years asked, as Paris years (imported trips)
// and as UTC bounds (missions), and the copil's scope from indicators.models.ts, bound rather than
// written into the SQL so that the definitions live in one place.
const params = (r: YearRange) => ({ ...COPIL_SCOPE, fromYear: r.from, toYear: r.to, fromUtc: parisYearStartUtc(r.from), toUtc: parisYearStartUtc(r.to + 1) });

export async function legGroups(database: Database, range: YearRange): Promise<LegGroup[]> {
  const s = statements(database.sqlite);
  return [...(s.missionLegs.all(params(range)) as LegGroup[]), ...(s.importedLegs.all(params(range)) as LegGroup[])];
}

export async function replacedGroups(database: Database, range: YearRange): Promise<ReplacedGroup[]> {
  return statements(database.sqlite).replaced.all(params(range)) as ReplacedGroup[];
}

export async function tripFlags(database: Database, years: number[]): Promise<TripFlags[]> {
  const s = statements(database.sqlite);
  return years.flatMap((year) => {
    const range = params({ from: year, to: year });
    return [...(s.missionFlags.all(range) as TripFlags[]), ...(s.importedFlags.all(range) as TripFlags[])];
  });
}

type GroupKey = { entityId: string | null; purpose: string; category: 'staff' | 'student' };

// One row per group with offset flights or contributions (a contribution without a flight leg is possible).
export async function offsetGroups(database: Database, year: number): Promise<OffsetGroup[]> {
  const s = statements(database.sqlite);
  const range = params({ from: year, to: year });
  const groups = new Map<string, OffsetGroup>();
  const group = (k: GroupKey) => {
    const id = JSON.stringify([k.entityId, k.purpose, k.category]);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { entityId: k.entityId, entityLabel: null, purpose: k.purpose, category: k.category, flights: 0, missions: 0, contributionsCents: 0 }));
    return g;
  };
  for (const r of s.offset.all(range) as Array<GroupKey & { flights: number; missions: number }>) Object.assign(group(r), { flights: r.flights, missions: r.missions });
  for (const r of s.contributions.all(range) as Array<GroupKey & { cents: number }>) group(r).contributionsCents = r.cents;
  return [...groups.values()];
}

export type CountingBasis = { actual: number; estimate: number };

export async function countingBasis(database: Database, year: number): Promise<CountingBasis> {
  const row = statements(database.sqlite).basis.get(params({ from: year, to: year })) as CountingBasis;
  return { actual: row.actual, estimate: row.estimate };
}

export async function entityNames(database: Database): Promise<Map<string, string>> {
  return new Map((statements(database.sqlite).entities.all() as Array<{ id: string; name: string }>).map((e) => [e.id, e.name]));
}
