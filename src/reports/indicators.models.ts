import { transportModes } from '../shared/modes.ts';
import { co2eTargetGrams, flightReductionPercent, flightTarget, type ReportSettings } from './settings.models.ts';


// The grouped rows the report's SQL returns (reports.repository.ts) and these rules count.
export type LegGroup = {
  year: number;
  entityId: string | null;
  entityLabel: string | null;
  purpose: string;
  category: 'staff' | 'student';
  mode: string;
  domestic: 0 | 1; // a flight with both ends in France
  legs: number; // one-way legs × travellers: for planes, the copil's "flights"
  travellerTrips: number; // legs' travellers, a round trip once: for planes, the copil's "flight trips"
  co2eGrams: number;
};

export type ReplacedGroup = { year: number; entityId: string | null; entityLabel: null; purpose: string; category: 'staff' | 'student'; flights: number };

// One international trip of interest (recruitment, or a student's), with what its legs were.
// `travellerId` and `railAidCents`: a mission's traveller and the rail pre-routing aid it grants
// (null and 0 for imported trips, which name nobody, and for recorded visio recruitments).
export type TripFlags = { year: number; entityId: string | null; entityLabel: string | null; purpose: string; category: 'staff' | 'student'; visio: 0 | 1; plane: 0 | 1; train: 0 | 1; travellerId: string | null; railAidCents: number };

export type StudentRail = { students: number; withRail: number; aidCents: number };

// Students flying abroad counted per person (issue 12, point 4d): how many, how many of them took the
// train on one of those trips, and the aid of the trips with a train leg. Only missions name a person.
export function studentRail(flags: readonly TripFlags[], year: number): StudentRail {
  const trips = flags.filter((f) => f.year === year && f.category === 'student' && f.plane === 1 && f.travellerId !== null);
  const withTrain = trips.filter((f) => f.train === 1);
  return { students: new Set(trips.map((f) => f.travellerId)).size, withRail: new Set(withTrain.map((f) => f.travellerId)).size, aidCents: withTrain.reduce((sum, f) => sum + Number(f.railAidCents), 0) };
}

// The year's offset missions of one group (entity, purpose, category): only missions carry contributions.
export type OffsetGroup = { entityId: string | null; entityLabel: null; purpose: string; category: 'staff' | 'student'; flights: number; missions: number; contributionsCents: number };

// The copil's figures, computed from grouped rows (pure). Counting rule: a flight is one traveller on
// one one-way flight leg, so a round trip of two travellers is four flights (trips × travellers). A flight
// trip is one traveller on one flight leg as entered, a round trip counting once: that round trip of
// two travellers is two flight trips (travellers, whatever the leg's round-trip flag).

// What the copil counts, for these rules and for the SQL that groups rows for them (bound there as
// parameters): only validated missions; a flight is domestic when both its ends are in France, and a
// trip international when one of its places is abroad.
export const COPIL_SCOPE = { countedStatus: 'validated', homeCountry: 'FR' } as const;

export type Pair = { current: number; reference: number };
export type Share = { numerator: number; denominator: number; percent: number | null };
export type SharePair = { current: Share; reference: Share };
// A share is split only along the dimensions it is not restricted to: recruitment by visio by entity
// and category (null by purpose), students' rail pre-routing by entity and purpose (null by category).
// `co2eByMode`: the group's grams by mode, for the modes it used in either year, in the order of the
// school's `co2eByMode` (a mode with legs of 0 g, bike or walk, still shows).
export type ModePair = Pair & { mode: string };
export type BreakdownRow = {
  key: string; flights: Pair & { avoided: number }; replaced: number; co2eGrams: Pair; co2eByMode: ModePair[];
  trips: Pair; domestic: Pair; recruitmentByVisio: SharePair | null; studentRailPreRouting: SharePair | null;
  offset: { flights: number; missions: number; contributionsCents: number };
};
export type YearPoint = { year: number; flights: number; targetFlights: number | null; co2eGrams: number; targetCo2eGrams: number | null };
export type BreakdownDimension = 'entity' | 'purpose' | 'category';

export type CopilFigures = {
  year: number;
  reference: number;
  flights: { current: number; reference: number; avoided: number; replaced: number; target: number | null; targetReductionPercent: number | null; domestic: Pair; trips: Pair };
  co2eGrams: { current: number; reference: number; target: number | null };
  co2eByMode: ModePair[];
  series: YearPoint[];
  shares: { recruitmentByVisio: { current: Share; reference: Share }; studentRailPreRouting: { current: Share; reference: Share } };
  breakdowns: Record<BreakdownDimension, BreakdownRow[]>;
};

export type CopilInput = {
  year: number;
  reference: number;
  settings: Pick<ReportSettings, 'ghgReductionPercentPerYear' | 'flightTargets'>;
  legs: LegGroup[];
  replaced: ReplacedGroup[];
  flags: TripFlags[];
  offsets: OffsetGroup[]; // the year's
  entityName: (id: string | null, label: string | null) => string; // '' for none
};

export const yearsBetween = (a: number, b: number): number[] => Array.from({ length: Math.abs(b - a) + 1 }, (_, i) => Math.min(a, b) + i);

const flightsOf = (g: LegGroup) => (g.mode === 'plane' ? g.legs : 0);
const flightTripsOf = (g: LegGroup) => (g.mode === 'plane' ? g.travellerTrips : 0);
const sumWhere = <T>(rows: T[], keep: (r: T) => boolean, value: (r: T) => number) => rows.reduce((sum, r) => (keep(r) ? sum + value(r) : sum), 0);

function share(rows: TripFlags[], inScope: (r: TripFlags) => boolean, counted: (r: TripFlags) => boolean): Share {
  const scope = rows.filter(inScope);
  const numerator = scope.filter(counted).length;
  // One decimal, half up: the page shows it as is.
  return { numerator, denominator: scope.length, percent: scope.length === 0 ? null : Math.round((numerator / scope.length) * 1000) / 10 };
}

// International recruitment done by visio: a visio leg and no flight. International student trips
// with rail pre-routing: among those with a flight, the ones with a train leg as well.
const recruitment = (r: TripFlags) => r.purpose === 'recruitment';
const studentFlying = (r: TripFlags) => r.category === 'student' && r.plane === 1;
const byVisio = (r: TripFlags) => r.visio === 1 && r.plane === 0;
const withTrain = (r: TripFlags) => r.train === 1;

type GroupFields = { entityId: string | null; entityLabel: string | null; purpose: string; category: string };
const emptyShare: Share = { numerator: 0, denominator: 0, percent: null };

function sharePairs(input: CopilInput, keyOf: (g: GroupFields) => string, inScope: (r: TripFlags) => boolean, counted: (r: TripFlags) => boolean): Map<string, SharePair> {
  const byKey = new Map<string, TripFlags[]>();
  for (const f of input.flags) {
    if (!inScope(f)) continue;
    const key = keyOf(f);
    const list = byKey.get(key);
    if (list) list.push(f);
    else byKey.set(key, [f]);
  }
  const pairs = new Map<string, SharePair>();
  for (const [key, rows] of byKey) {
    pairs.set(key, { current: share(rows.filter((r) => r.year === input.year), inScope, counted), reference: share(rows.filter((r) => r.year === input.reference), inScope, counted) });
  }
  return pairs;
}

// The modes of the report: the usual order first, then any other mode met in the rows.
function modesOf(legs: LegGroup[]): string[] {
  const known = transportModes as readonly string[];
  return [...transportModes.filter((m) => legs.some((g) => g.mode === m)), ...new Set(legs.map((g) => g.mode).filter((m) => !known.includes(m)))];
}

function breakdown(input: CopilInput, dimension: BreakdownDimension, keyOf: (g: GroupFields) => string, modes: string[]): BreakdownRow[] {
  const rows = new Map<string, BreakdownRow>();
  const byMode = new Map<BreakdownRow, Map<string, Pair>>();
  const row = (key: string) => {
    let r = rows.get(key);
    if (!r) {
      r = { key, flights: { current: 0, reference: 0, avoided: 0 }, replaced: 0, co2eGrams: { current: 0, reference: 0 }, co2eByMode: [], trips: { current: 0, reference: 0 }, domestic: { current: 0, reference: 0 }, recruitmentByVisio: null, studentRailPreRouting: null, offset: { flights: 0, missions: 0, contributionsCents: 0 } };
      rows.set(key, r);
    }
    return r;
  };
  const modePair = (r: BreakdownRow, mode: string) => {
    let sums = byMode.get(r);
    if (!sums) byMode.set(r, (sums = new Map()));
    let pair = sums.get(mode);
    if (!pair) sums.set(mode, (pair = { current: 0, reference: 0 }));
    return pair;
  };
  for (const g of input.legs) {
    if (g.year !== input.year && g.year !== input.reference) continue;
    const r = row(keyOf(g));
    const domestic = g.domestic === 1 ? flightsOf(g) : 0;
    // The same year as current and reference (year = reference) counts in both columns.
    const trips = flightTripsOf(g);
    const mode = modePair(r, g.mode);
    if (g.year === input.year) (r.flights.current += flightsOf(g)), (r.co2eGrams.current += g.co2eGrams), (r.trips.current += trips), (r.domestic.current += domestic), (mode.current += g.co2eGrams);
    if (g.year === input.reference) (r.flights.reference += flightsOf(g)), (r.co2eGrams.reference += g.co2eGrams), (r.trips.reference += trips), (r.domestic.reference += domestic), (mode.reference += g.co2eGrams);
  }
  for (const g of input.replaced) if (g.year === input.year) row(keyOf(g)).replaced += g.flights;
  for (const g of input.offsets) {
    const o = row(keyOf(g)).offset;
    (o.flights += g.flights), (o.missions += g.missions), (o.contributionsCents += g.contributionsCents);
  }
  const none = { current: emptyShare, reference: emptyShare };
  const recruitmentShares = dimension === 'purpose' ? null : sharePairs(input, keyOf, recruitment, byVisio);
  const studentShares = dimension === 'category' ? null : sharePairs(input, keyOf, studentFlying, withTrain);
  for (const r of rows.values()) {
    r.flights.avoided = r.flights.reference - r.flights.current;
    const sums = byMode.get(r);
    if (sums) r.co2eByMode = modes.flatMap((mode) => (sums.has(mode) ? [{ mode, ...sums.get(mode)! }] : []));
    if (recruitmentShares) r.recruitmentByVisio = recruitmentShares.get(r.key) ?? none;
    if (studentShares) r.studentRailPreRouting = studentShares.get(r.key) ?? none;
  }
  return [...rows.values()].sort((a, b) => b.flights.reference + b.flights.current - (a.flights.reference + a.flights.current) || (a.key < b.key ? -1 : 1));
}

// A mission belongs to one group, so the groups' missions add up to the distinct missions.
export function offsetTotals(groups: OffsetGroup[]): { flights: number; missions: number; contributionsCents: number } {
  return groups.reduce((t, g) => ({ flights: t.flights + g.flights, missions: t.missions + g.missions, contributionsCents: t.contributionsCents + g.contributionsCents }), { flights: 0, missions: 0, contributionsCents: 0 });
}

export function copilFigures(input: CopilInput): CopilFigures {
  const { year, reference, legs, settings } = input;
  const inYear = (y: number) => (g: { year: number }) => g.year === y;
  const flightsIn = (y: number) => sumWhere(legs, inYear(y), flightsOf);
  const co2eIn = (y: number) => sumWhere(legs, inYear(y), (g) => g.co2eGrams);
  const referenceFlights = flightsIn(reference);
  const referenceCo2e = co2eIn(reference);
  const series = yearsBetween(reference, year).map((y) => ({
    year: y,
    flights: flightsIn(y),
    targetFlights: flightTarget(referenceFlights, reference, settings.flightTargets, y),
    co2eGrams: co2eIn(y),
    targetCo2eGrams: co2eTargetGrams(referenceCo2e, reference, settings.ghgReductionPercentPerYear, y),
  }));
  const current = flightsIn(year);
  const modes = modesOf(legs);
  const flagsOf = (y: number) => input.flags.filter(inYear(y));
  return {
    year,
    reference,
    flights: {
      current,
      reference: referenceFlights,
      avoided: referenceFlights - current,
      replaced: sumWhere(input.replaced, inYear(year), (g) => g.flights),
      target: flightTarget(referenceFlights, reference, settings.flightTargets, year),
      targetReductionPercent: flightReductionPercent(reference, settings.flightTargets, year),
      domestic: { current: sumWhere(legs, (g) => g.year === year && g.domestic === 1, flightsOf), reference: sumWhere(legs, (g) => g.year === reference && g.domestic === 1, flightsOf) },
      trips: { current: sumWhere(legs, inYear(year), flightTripsOf), reference: sumWhere(legs, inYear(reference), flightTripsOf) },
    },
    co2eGrams: { current: co2eIn(year), reference: referenceCo2e, target: co2eTargetGrams(referenceCo2e, reference, settings.ghgReductionPercentPerYear, year) },
    co2eByMode: modes.map((mode) => ({ mode, current: sumWhere(legs, (g) => g.year === year && g.mode === mode, (g) => g.co2eGrams), reference: sumWhere(legs, (g) => g.year === reference && g.mode === mode, (g) => g.co2eGrams) })),
    series,
    shares: {
      recruitmentByVisio: { current: share(flagsOf(year), recruitment, byVisio), reference: share(flagsOf(reference), recruitment, byVisio) },
      studentRailPreRouting: { current: share(flagsOf(year), studentFlying, withTrain), reference: share(flagsOf(reference), studentFlying, withTrain) },
    },
    breakdowns: {
      entity: breakdown(input, 'entity', (g) => input.entityName(g.entityId, g.entityLabel), modes),
      purpose: breakdown(input, 'purpose', (g) => g.purpose, modes),
      category: breakdown(input, 'category', (g) => g.category, modes),
    },
  };
}
