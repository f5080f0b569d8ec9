// When does an avoided flight still count? The copil reads "flights replaced in the form" from the
// records the switch writes; a traveller may then edit the mission back to the plane, or delete the
// rail leg. The rule, checked on every edit of the mission's legs:
//
//   a record stands while the mission still has its replacement leg and no plane leg for the journey.
//
// - Journey: the flight's two ends, each known by the flight's label ("Paris-Orly (ORY)"), its town
//   ("Paris, FR") and the replacement's label. A leg goes "along the journey" when its ends meet those
//   in the flight's direction, or the other way when either the flight or the leg is a round trip: the
//   outbound switched to rail with the return still flown (two one-way legs) is a flight avoided.
// - Plane back: a plane leg along the journey. Flying MPL–ORY or MPL–CDG undoes a Montpellier–Paris
//   switch; for a round-trip flight, flying either way undoes it (the copil would count it half avoided).
// - Replacement leg: a leg of the recorded mode. A train goes along the journey, or, given by its
//   distance alone (no places), lies within DISTANCE_TOLERANCE of the recorded rail distance. A visio
//   leg has no places: any visio leg does.
// - One leg backs one record: two flights switched to visio need two visio legs.
// - Records written before the journey was kept: the leg at the recorded index, of the recorded mode.
//
// Matching by places rather than by leg index lets the traveller add or reorder legs without losing
// the record. Travellers are not compared: the record keeps the flights it counted.

export const DISTANCE_TOLERANCE = 0.05;

export type WithdrawalReason = 'replacement_removed' | 'flight_restored';

export type AvoidedFlightRecord = {
  id: string;
  legIndex: number;
  replacedBy: string;
  flightTrips: number | null; // 2: round trip; null on old records (taken as a round trip: either way)
  fromLabel: string | null;
  toLabel: string | null;
  fromTown: string | null;
  toTown: string | null;
  replacementFromLabel: string | null;
  replacementToLabel: string | null;
  replacementDistanceKm: number | null;
};

type PlaceLike = { label: string; city?: string; countryCode: string | null };
export type CurrentLeg = { index: number; mode: string; distanceKm: number; trips: number; from: PlaceLike | null; to: PlaceLike | null };

// The town a rail replacement is priced from ("Montpellier, FR"); the switch builds rail legs from it.
export const townOf = (place: { city?: string; countryCode: string | null } | null): string | null =>
  place?.city && place.countryCode ? `${place.city}, ${place.countryCode}` : null;

const keysOf = (place: PlaceLike | null): string[] => (place ? [place.label, townOf(place)].filter((k): k is string => k !== null) : []);
const meets = (place: PlaceLike | null, ends: Array<string | null>) => keysOf(place).some((k) => ends.includes(k));

function along(leg: CurrentLeg, record: AvoidedFlightRecord): boolean {
  const a = [record.fromLabel, record.fromTown, record.replacementFromLabel];
  const b = [record.toLabel, record.toTown, record.replacementToLabel];
  const eitherWay = record.flightTrips !== 1 || leg.trips === 2;
  return (meets(leg.from, a) && meets(leg.to, b)) || (eitherWay && meets(leg.from, b) && meets(leg.to, a));
}

// Every record written since the journey is kept has its flight's trips.
const isLegacy = (r: AvoidedFlightRecord) => r.flightTrips === null;

function replaces(leg: CurrentLeg, record: AvoidedFlightRecord): boolean {
  if (leg.mode !== record.replacedBy) return false;
  if (isLegacy(record)) return leg.index === record.legIndex;
  if (record.replacedBy === 'visio') return true;
  if (!leg.from && !leg.to) {
    const recorded = record.replacementDistanceKm;
    return recorded !== null && Math.abs(leg.distanceKm - recorded) <= recorded * DISTANCE_TOLERANCE;
  }
  return along(leg, record);
}

export type AvoidedFlightMatch = { withdrawn: Array<{ record: AvoidedFlightRecord; reason: WithdrawalReason }>; backedBy: Map<string, CurrentLeg> };

// Which records still hold and on which leg, and which no longer hold, with why, in the order given
// (oldest first: older records claim their leg first). A flight back wins over a missing replacement.
export function matchAvoidedFlights(records: AvoidedFlightRecord[], legs: CurrentLeg[]): AvoidedFlightMatch {
  const claimed = new Set<number>();
  const withdrawn: AvoidedFlightMatch['withdrawn'] = [];
  const backedBy = new Map<string, CurrentLeg>();
  for (const record of records) {
    if (legs.some((leg) => leg.mode === 'plane' && along(leg, record))) {
      withdrawn.push({ record, reason: 'flight_restored' });
      continue;
    }
    const leg = legs.find((l) => !claimed.has(l.index) && replaces(l, record));
    if (leg) {
      claimed.add(leg.index);
      backedBy.set(record.id, leg);
    } else withdrawn.push({ record, reason: 'replacement_removed' });
  }
  return { withdrawn, backedBy };
}

export function withdrawnAvoidedFlights(records: AvoidedFlightRecord[], legs: CurrentLeg[]): AvoidedFlightMatch['withdrawn'] {
  return matchAvoidedFlights(records, legs).withdrawn;
}

// The audit trail's line for a withdrawal, in French like the switch's own line.
export function withdrawalComment(record: AvoidedFlightRecord, reason: WithdrawalReason): string {
  const why = reason === 'flight_restored' ? 'vol rétabli' : record.replacedBy === 'visio' ? 'visioconférence retirée' : 'trajet en train retiré';
  return `Vol évité ${record.fromLabel ?? ''} → ${record.toLabel ?? ''} retiré du rapport copil (${why})`;
}
