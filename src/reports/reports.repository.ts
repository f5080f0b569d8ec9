import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../shared/db.ts';
import { settledStatuses } from '../claims/claims.models.ts';
import { firstRow, rows } from '../shared/dialect.ts';
import { parisYearStartUtc } from '../shared/zone-time.ts';
import { COPIL_SCOPE, type LegGroup, type OffsetGroup, type ReplacedGroup, type TripFlags } from './indicators.models.ts';

export type { LegGroup, OffsetGroup, ReplacedGroup, TripFlags } from './indicators.models.ts';

// Read-only aggregates for the copil report, over validated missions (missions capability's tables)
// and imported historical trips. One grouped pass per source: the report never loads rows one by one.
// The SQL is the subset SQLite and PostgreSQL share: booleans are written as CASE … 1 ELSE 0 (SQLite
// has no boolean type, PostgreSQL sums none), every derived table is named, aliases are quoted.

// Missions store UTC instants. On 1 January Paris is always at UTC+1 (no summer time), so the Paris
// year of an instant is its UTC year, plus one from 31 December 23:00 UTC on.
const parisYear = (column: string) => sql.raw(`(CAST(substr(${column}, 1, 4) AS INTEGER) + CASE WHEN substr(${column}, 6, 8) >= '12-31T23' THEN 1 ELSE 0 END)`);
export { parisYearStartUtc };
const flag = (condition: SQL) => sql`CASE WHEN ${condition} THEN 1 ELSE 0 END`;

export type YearRange = { from: number; to: number }; // inclusive Paris years

// Every query takes the same values: the years asked, as Paris years (imported trips) and as UTC
// bounds (missions), and the copil's scope from indicators.models.ts, bound rather than written into
// the SQL so that the definitions live in one place.
function scope(r: YearRange) {
  const { countedStatus, homeCountry } = COPIL_SCOPE;
  return {
    home: homeCountry,
    years: sql`BETWEEN ${r.from} AND ${r.to}`,
    counted: (m: string) => sql`${sql.raw(m)}.status = ${countedStatus} AND ${sql.raw(m)}.depart_at >= ${parisYearStartUtc(r.from)} AND ${sql.raw(m)}.depart_at < ${parisYearStartUtc(r.to + 1)}`,
  };
}
type Scope = ReturnType<typeof scope>;

// The legs a validated mission counts with: those of its claim once certified (what was really
// travelled), its own estimate otherwise. One derived table, so every figure below agrees.
// Which claims are settled is the claims' rule (claims.models.ts), bound here rather than restated.
const settled = sql`c.status IN (${sql.join(settledStatuses.map((status) => sql`${status}`), sql`, `)})`;
const countedLegs = sql`(
    SELECT l.mission_id, l.mode, l.from_country, l.to_country, l.trips, l.travelers, l.co2e_grams FROM mission_legs l
     WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.mission_id = l.mission_id AND ${settled})
    UNION ALL
    SELECT c.mission_id, cl.mode, cl.from_country, cl.to_country, cl.trips, cl.travelers, cl.co2e_grams
      FROM claim_legs cl JOIN claims c ON c.id = cl.claim_id WHERE ${settled})`;

const query = {
  missionLegs: (s: Scope) => sql`
    SELECT ${parisYear('m.depart_at')} AS "year", m.entity_id AS "entityId", NULL AS "entityLabel", m.purpose AS "purpose", u.category AS "category",
      l.mode AS "mode", ${flag(sql`l.mode = 'plane' AND l.from_country = ${s.home} AND l.to_country = ${s.home}`)} AS "domestic",
      sum(l.trips * l.travelers) AS "legs", sum(l.travelers) AS "travellerTrips", sum(l.co2e_grams) AS "co2eGrams"
    FROM missions m JOIN ${countedLegs} l ON l.mission_id = m.id JOIN users u ON u.id = m.traveller_id
    WHERE ${s.counted('m')}
    GROUP BY 1, 2, 4, 5, 6, 7`,
  importedLegs: (s: Scope) => sql`
    SELECT year AS "year", entity_id AS "entityId", CASE WHEN entity_id IS NULL THEN entity_label END AS "entityLabel", purpose AS "purpose",
      traveller_category AS "category", mode AS "mode", ${flag(sql`mode = 'plane' AND from_country = ${s.home} AND to_country = ${s.home}`)} AS "domestic",
      sum(trips * travelers) AS "legs", sum(travelers) AS "travellerTrips", sum(co2e_grams) AS "co2eGrams"
    FROM historical_trips WHERE year ${s.years}
    GROUP BY 1, 2, 3, 4, 5, 6, 7`,
  // An avoided flight an edit withdrew (the flight back, the rail leg gone) no longer counts.
  replaced: (s: Scope) => sql`
    SELECT ${parisYear('m.depart_at')} AS "year", m.entity_id AS "entityId", NULL AS "entityLabel", m.purpose AS "purpose", u.category AS "category",
      sum(a.flights) AS "flights"
    FROM avoided_flights a JOIN missions m ON m.id = a.mission_id JOIN users u ON u.id = m.traveller_id
    WHERE ${s.counted('m')} AND NOT EXISTS (SELECT 1 FROM avoided_flight_withdrawals w WHERE w.avoided_flight_id = a.id)
    GROUP BY 1, 2, 4, 5`,
  // International: a destination abroad. Only recruitment and students' trips are looked at.
  missionFlags: (s: Scope) => {
    const has = (mode: string) => flag(sql`EXISTS (SELECT 1 FROM ${countedLegs} l WHERE l.mission_id = m.id AND l.mode = ${mode})`);
    return sql`
    SELECT ${parisYear('m.depart_at')} AS "year", m.entity_id AS "entityId", NULL AS "entityLabel", m.purpose AS "purpose", u.category AS "category",
      ${has('visio')} AS "visio", ${has('plane')} AS "plane", ${has('train')} AS "train", m.traveller_id AS "travellerId", coalesce(m.rail_aid_cents, 0) AS "railAidCents"
    FROM missions m JOIN users u ON u.id = m.traveller_id
    WHERE ${s.counted('m')} AND m.destination_country <> ${s.home} AND (m.purpose = 'recruitment' OR u.category = 'student')`;
  },
  // A recruitment held by video conference and recorded as such (no mission): a visio trip abroad,
  // unless its author withdrew the record.
  visioRecruitmentFlags: (s: Scope) => sql`
    SELECT CAST(substr(v.held_on, 1, 4) AS INTEGER) AS "year", v.entity_id AS "entityId", NULL AS "entityLabel", 'recruitment' AS "purpose", u.category AS "category",
      1 AS "visio", 0 AS "plane", 0 AS "train", NULL AS "travellerId", 0 AS "railAidCents"
    FROM visio_recruitments v JOIN users u ON u.id = v.recorded_by
    WHERE CAST(substr(v.held_on, 1, 4) AS INTEGER) ${s.years} AND v.country <> ${s.home}
      AND NOT EXISTS (SELECT 1 FROM visio_recruitment_withdrawals w WHERE w.recruitment_id = v.id)`,
  // An imported trip is the rows sharing a mission number in one import (a row alone without one);
  // international when one of its places is known to be abroad.
  importedFlags: (s: Scope) => {
    const any = (condition: SQL) => sql`max(${flag(condition)})`;
    return sql`
    SELECT "year", "entityId", "entityLabel", "purpose", "category", "visio", "plane", "train", NULL AS "travellerId", 0 AS "railAidCents" FROM (
      SELECT min(year) AS "year", min(entity_id) AS "entityId", CASE WHEN min(entity_id) IS NULL THEN min(entity_label) END AS "entityLabel",
        min(purpose) AS "purpose", min(traveller_category) AS "category",
        ${any(sql`mode = 'visio'`)} AS "visio", ${any(sql`mode = 'plane'`)} AS "plane", ${any(sql`mode = 'train'`)} AS "train",
        ${any(sql`coalesce(from_country, ${s.home}) <> ${s.home} OR coalesce(to_country, ${s.home}) <> ${s.home}`)} AS "abroad"
      FROM historical_trips
      WHERE year ${s.years} AND (purpose = 'recruitment' OR traveller_category = 'student')
      GROUP BY import_id, coalesce(mission_ref, 'row:' || CAST(id AS TEXT))
    ) trips WHERE "abroad" = 1`;
  },
  // Flights of the year's validated missions that pay a contribution (booked and not reversed, or
  // owed on the actual trip by its claim's adjustment), per group.
  offset: (s: Scope) => sql`
    SELECT m.entity_id AS "entityId", m.purpose AS "purpose", u.category AS "category", sum(l.trips * l.travelers) AS "flights", count(DISTINCT m.id) AS "missions"
    FROM missions m JOIN users u ON u.id = m.traveller_id JOIN ${countedLegs} l ON l.mission_id = m.id AND l.mode = 'plane'
    WHERE ${s.counted('m')}
      AND (EXISTS (SELECT 1 FROM ledger_transfers t WHERE t.cause_kind = 'mission_contribution' AND t.cause_ref = m.id
             AND NOT EXISTS (SELECT 1 FROM ledger_transfers r WHERE r.reverses_transfer_id = t.id))
        OR EXISTS (SELECT 1 FROM claims c WHERE c.mission_id = m.id AND ${settled} AND c.adjustment_cents > 0))
    GROUP BY 1, 2, 3`,
  // What the missions paid in the end: contributions not reversed, plus or minus their claims' adjustments.
  contributions: (s: Scope) => sql`
    SELECT "entityId", "purpose", "category", sum(cents) AS "cents" FROM (
      SELECT m.entity_id AS "entityId", m.purpose AS "purpose", u.category AS "category", t.amount_cents AS cents
      FROM ledger_transfers t JOIN missions m ON m.id = t.cause_ref JOIN users u ON u.id = m.traveller_id
      WHERE t.cause_kind = 'mission_contribution' AND ${s.counted('m')}
        AND NOT EXISTS (SELECT 1 FROM ledger_transfers r WHERE r.reverses_transfer_id = t.id)
      UNION ALL
      SELECT m.entity_id, m.purpose, u.category, c.adjustment_cents
      FROM claims c JOIN missions m ON m.id = c.mission_id JOIN users u ON u.id = m.traveller_id
      WHERE ${settled} AND c.adjustment_cents <> 0 AND ${s.counted('m')}
    ) paid GROUP BY 1, 2, 3`,
  // How many of the year's missions are counted on their certified claim, how many on their estimate.
  basis: (s: Scope) => sql`
    SELECT count(c.id) AS "actual", count(*) - count(c.id) AS "estimate"
    FROM missions m LEFT JOIN claims c ON c.mission_id = m.id AND ${settled}
    WHERE ${s.counted('m')}`,
} as const;

export async function legGroups(database: Database, range: YearRange): Promise<LegGroup[]> {
  const s = scope(range);
  return [...(await rows<LegGroup>(database.db, query.missionLegs(s))), ...(await rows<LegGroup>(database.db, query.importedLegs(s)))];
}

export async function replacedGroups(database: Database, range: YearRange): Promise<ReplacedGroup[]> {
  return rows<ReplacedGroup>(database.db, query.replaced(scope(range)));
}

export async function tripFlags(database: Database, years: number[]): Promise<TripFlags[]> {
  const found: TripFlags[] = [];
  for (const year of years) {
    const s = scope({ from: year, to: year });
    for (const flags of [query.missionFlags(s), query.importedFlags(s), query.visioRecruitmentFlags(s)]) found.push(...(await rows<TripFlags>(database.db, flags)));
  }
  return found;
}

type GroupKey = { entityId: string | null; purpose: string; category: 'staff' | 'student' };

// One row per group with offset flights or contributions (a contribution without a flight leg is possible).
export async function offsetGroups(database: Database, year: number): Promise<OffsetGroup[]> {
  const s = scope({ from: year, to: year });
  const groups = new Map<string, OffsetGroup>();
  const group = (k: GroupKey) => {
    const id = JSON.stringify([k.entityId, k.purpose, k.category]);
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { entityId: k.entityId, entityLabel: null, purpose: k.purpose, category: k.category, flights: 0, missions: 0, contributionsCents: 0 }));
    return g;
  };
  for (const r of await rows<GroupKey & { flights: number; missions: number }>(database.db, query.offset(s))) Object.assign(group(r), { flights: r.flights, missions: r.missions });
  for (const r of await rows<GroupKey & { cents: number }>(database.db, query.contributions(s))) group(r).contributionsCents = r.cents;
  return [...groups.values()];
}

export type CountingBasis = { actual: number; estimate: number };

export async function countingBasis(database: Database, year: number): Promise<CountingBasis> {
  const row = await firstRow<CountingBasis>(database.db, query.basis(scope({ from: year, to: year })));
  return { actual: row?.actual ?? 0, estimate: row?.estimate ?? 0 };
}

export async function entityNames(database: Database): Promise<Map<string, string>> {
  return new Map((await rows<{ id: string; name: string }>(database.db, sql`SELECT id AS "id", name AS "name" FROM entities`)).map((e) => [e.id, e.name]));
}

