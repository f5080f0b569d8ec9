// Rail and visio alternatives to a flight. Rail time and fare are estimates from distance, said so in
// the answer: no timetable or fare service is reachable offline.
import { hasRail, landmassOf } from '../places/landmass.models.ts';

// Countries linked to France by passenger rail (continental Europe and Great Britain via the tunnel).
const RAIL_LINKED_TO_FRANCE = new Set([
  'FR', 'BE', 'NL', 'LU', 'DE', 'CH', 'AT', 'IT', 'ES', 'PT', 'GB', 'DK', 'SE', 'NO', 'FI', 'PL', 'CZ', 'SK',
  'HU', 'SI', 'HR', 'RS', 'BA', 'ME', 'MK', 'AL', 'GR', 'BG', 'RO', 'MC', 'LI', 'AD',
]);

// Effective door-to-platform averages, calibrated on French high-speed lines (Paris–Lyon ≈ 2 h,
// Montpellier–Paris ≈ 3 h 20 with the ×1.2 rail distance), plus a fixed boarding margin.
const RAIL_KMH = { highspeed: 230, international: 160, intercity: 110, regional: 75 } as const;
const RAIL_BOARDING_MINUTES = 10;

export type RailKind = keyof typeof RAIL_KMH;

type Located = { lat: number; lon: number; countryCode: string | null };

// Both ends on one rail network: the same country or two countries linked to France by rail, and the
// same landmass with rail lines (the mainland, or one island that has its own: src/places/
// landmass.models.ts). Marseille–Ajaccio is within France but no train crosses the sea.
export function railReachable(from: Located | null | undefined, to: Located | null | undefined): boolean {
  if (!from?.countryCode || !to?.countryCode) return false;
  const landmass = landmassOf(from);
  if (landmass !== landmassOf(to) || !hasRail(landmass)) return false;
  if (from.countryCode === to.countryCode) return true;
  return RAIL_LINKED_TO_FRANCE.has(from.countryCode) && RAIL_LINKED_TO_FRANCE.has(to.countryCode);
}

export function estimateRailMinutes(railDistanceKm: number, kind: RailKind): number {
  return Math.round((railDistanceKm / RAIL_KMH[kind]) * 60 + RAIL_BOARDING_MINUTES);
}

// A rough second-class fare estimate, shown as an estimate: cents per km, per traveller, per trip.
export const RAIL_FARE_ESTIMATE_CENTS_PER_KM = 12;

export function estimateRailFareCents(railDistanceKm: number, trips: number, travelers: number): number {
  return Math.round(railDistanceKm * RAIL_FARE_ESTIMATE_CENTS_PER_KM) * trips * travelers;
}

// A visio replaces the time spent at the destination: one working day of 7 h per mission day,
// at least one hour.
export const VISIO_HOURS_PER_DAY = 7;

export function visioHoursFor(missionDays: number | undefined): number {
  return Math.max(1, Math.round((missionDays ?? 1) * VISIO_HOURS_PER_DAY));
}
