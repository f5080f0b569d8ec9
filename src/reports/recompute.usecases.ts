import type { Database } from '../shared/db.ts';
import { isAppError } from '../shared/errors.ts';
import { transportModes, type TransportMode } from '../shared/modes.ts';
import { roundHalfUp } from '../shared/units.ts';
import { haversineKm } from '../footprint/distance.models.ts';
import type { CompiledFactorSet, FactorRegistry } from '../footprint/factors.models.ts';
import { computeLegFootprint, type FootprintLegInput } from '../footprint/footprint.models.ts';
import { importedTripsOfYear, recordedLegsOfYear, validatedMissionsOfYear, type ImportedTripRow, type MissionForRecompute } from './recompute.repository.ts';

// A year recomputed under another factor set, side by side with what was recorded, computed on the
// fly and stored nowhere: the recorded figures (and the report) stay as they are. The engine is
// pure and fast, so a year of missions takes milliseconds; nothing to keep in sync afterwards.

export type RecomputeRow = { mode: string; recordedGrams: number; recomputedGrams: number; differenceGrams: number };
export type Recompute = {
  year: number;
  factorSet: { id: string; version: string; label: string };
  rows: RecomputeRow[];
  totals: { recordedGrams: number; recomputedGrams: number; differenceGrams: number };
  recordedSets: Array<{ id: string; version: string }>;
  missions: number;
  importedRows: number;
  skippedLegs: number; // legs whose saved quote cannot be read again: kept at their recorded grams
};

function parsed<T>(json: string): T | null {
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}

// The quoted legs of a mission by index, with the request leg each came from.
function savedLegs(m: MissionForRecompute): Map<number, { quote: QuoteLeg; request: RequestLeg | undefined }> {
  const quote = parsed<{ legs?: QuoteLeg[] }>(m.quoteJson);
  const request = parsed<{ legs?: RequestLeg[] }>(m.requestJson);
  return new Map((quote?.legs ?? []).map((leg) => [leg.index, { quote: leg, request: request?.legs?.[leg.index] }]));
}

type Place = { lat: number; lon: number; countryCode?: string | null } | null;
type QuoteLeg = { index: number; mode: TransportMode; distanceKm: number; distanceMethod: string; trips: number; travelers: number; co2eGrams: number; contrailsIncluded?: boolean; trainType?: string; trainTypeInferred?: boolean; from: Place; to: Place };
type RequestLeg = { fuel?: FootprintLegInput['fuel']; transitKind?: FootprintLegInput['transitKind']; hours?: number; trainType?: FootprintLegInput['trainType'] };

// The footprint input a saved leg was computed from: its resolved places (so no place is looked up
// again), its distance if it was given, and the options of the request.
function missionLegInput(q: QuoteLeg, r: RequestLeg | undefined): FootprintLegInput {
  const given = q.distanceMethod === 'given';
  return {
    mode: q.mode,
    roundTrip: q.trips === 2,
    travelers: q.travelers,
    contrails: q.contrailsIncluded !== false,
    givenDistanceKm: given ? q.distanceKm : undefined,
    greatCircleKm: q.from && q.to ? haversineKm(q.from, q.to) : undefined,
    fromCountry: q.from?.countryCode ?? null,
    toCountry: q.to?.countryCode ?? null,
    trainType: r?.trainType,
    transitKind: r?.transitKind,
    fuel: r?.fuel,
    hours: r?.hours,
  };
}

function recomputedLeg(quote: QuoteLeg, request: RequestLeg | undefined, set: CompiledFactorSet): number | null {
  try {
    return computeLegFootprint(missionLegInput(quote, request), set).co2eGrams;
  } catch (err) {
    if (isAppError(err)) return null;
    throw err;
  }
}

function importedGrams(row: ImportedTripRow, set: CompiledFactorSet): number {
  const car = row.mode === 'car';
  const footprint = computeLegFootprint(
    {
      mode: row.mode as TransportMode,
      roundTrip: row.trips === 2,
      travelers: car ? (row.carPeople ?? row.travelers) : row.travelers,
      contrails: true,
      givenDistanceKm: row.givenDistanceKm ?? undefined,
      greatCircleKm: row.greatCircleKm ?? undefined,
      fromCountry: row.fromCountry,
      toCountry: row.toCountry,
      transitKind: (row.transitKind ?? undefined) as FootprintLegInput['transitKind'],
      hours: row.visioHours ?? undefined,
    },
    set,
  );
  return row.carPeople ? roundHalfUp(footprint.co2eGrams / row.carPeople) : footprint.co2eGrams;
}

export async function recomputeYear(deps: { database: Database; factors: FactorRegistry }, year: number, setId: string): Promise<Recompute> {
  const set = deps.factors.get(setId);
  const byMode = new Map<string, { recorded: number; recomputed: number }>();
  const add = (mode: string, recorded: number, recomputed: number) => {
    const m = byMode.get(mode) ?? { recorded: 0, recomputed: 0 };
    m.recorded += recorded;
    m.recomputed += recomputed;
    byMode.set(mode, m);
  };
  const sets = new Map<string, { id: string; version: string }>();
  let skippedLegs = 0;
  const missions = await validatedMissionsOfYear(deps.database, year);
  const inputs = new Map<string, ReturnType<typeof savedLegs>>();
  for (const m of missions) {
    inputs.set(m.id, savedLegs(m));
    sets.set(`${m.factorSetId}@${m.factorSetVersion}`, { id: m.factorSetId, version: m.factorSetVersion });
  }
  // The recorded grams are the legs' as stored (what the report sums); the saved quote gives the
  // inputs to compute them again.
  for (const leg of await recordedLegsOfYear(deps.database, year)) {
    const saved = inputs.get(leg.missionId)?.get(leg.legIndex);
    const grams = saved && saved.quote.mode === leg.mode ? recomputedLeg(saved.quote, saved.request, set) : null;
    if (grams === null) skippedLegs += 1;
    add(leg.mode, leg.co2eGrams, grams ?? leg.co2eGrams);
  }
  const imported = await importedTripsOfYear(deps.database, year);
  for (const row of imported) {
    sets.set(`${row.factorSetId}@${row.factorSetVersion}`, { id: row.factorSetId, version: row.factorSetVersion });
    add(row.mode, row.co2eGrams, importedGrams(row, set));
  }
  const order = (mode: string) => ((transportModes as readonly string[]).indexOf(mode) + 100) % 100;
  const rows = [...byMode.entries()]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([mode, g]) => ({ mode, recordedGrams: g.recorded, recomputedGrams: g.recomputed, differenceGrams: g.recomputed - g.recorded }));
  const recordedGrams = rows.reduce((s, r) => s + r.recordedGrams, 0);
  const recomputedGrams = rows.reduce((s, r) => s + r.recomputedGrams, 0);
  return {
    year,
    factorSet: { id: set.id, version: set.version, label: set.label },
    rows,
    totals: { recordedGrams, recomputedGrams, differenceGrams: recomputedGrams - recordedGrams },
    recordedSets: [...sets.values()],
    missions: missions.length,
    importedRows: imported.length,
    skippedLegs,
  };
}
