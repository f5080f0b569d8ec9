import type { TransitKind, TransportMode } from '../shared/modes.ts';
import type { Coordinates } from '../places/places.types.ts';
import { roundHalfUp } from '../shared/units.ts';

// Mean Earth radius R1 = (2a + b) / 3 of the WGS 84 ellipsoid (IUGG). Impact CO2 uses 6371 km;
// the two differ by 0.14 ppm, i.e. under 1 m on Paris–Montréal, far below any factor's uncertainty.
export const EARTH_RADIUS_KM = 6371.0088;

// Longest possible great-circle distance (half the circumference), plus rounding slack.
export const MAX_GREAT_CIRCLE_KM = Math.PI * EARTH_RADIUS_KM + 1;

const RAD = Math.PI / 180;

// Haversine great-circle distance; numerically stable for short distances, unlike the cosine law.
export function haversineKm(a: Coordinates, b: Coordinates): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

// The stable vocabulary of `distanceMethod`: how the one-way `distanceKm` of a leg was obtained.
// Clients may switch on these strings; add new ones, never rename.
export const distanceMethods = [
  'given', // the traveller's distance, used as is (no correction)
  'great-circle+95km', // plane: GES 1point5 adds 95 km (approach, holding, detours)
  'great-circle×1.2', // train, RER
  'great-circle×1.3', // car; bike and walk (our choice: they follow roads)
  'great-circle×1.5', // coach, tram, urban bus
  'great-circle×1.7', // metro
  'great-circle×1', // ferry: GES 1point5 gives no correction, we apply none
  'none', // visio: no distance
] as const;
export type DistanceMethod = (typeof distanceMethods)[number];

// corrected = greatCircleKm × multiplier + offsetKm. One shape for all modes keeps the hot path branch-free.
export type DistanceRule = { readonly multiplier: number; readonly offsetKm: number; readonly method: DistanceMethod };

const rule = (multiplier: number, offsetKm: number, method: DistanceMethod): DistanceRule => Object.freeze({ multiplier, offsetKm, method });

// GES 1point5 (labos1point5) correction factors, as quoted in the reference note §2 [V2].
export const distanceRules = Object.freeze({
  plane: rule(1, 95, 'great-circle+95km'),
  train: rule(1.2, 0, 'great-circle×1.2'),
  car: rule(1.3, 0, 'great-circle×1.3'),
  bus: rule(1.5, 0, 'great-circle×1.5'),
  ferry: rule(1, 0, 'great-circle×1'),
  bike: rule(1.3, 0, 'great-circle×1.3'),
  walk: rule(1.3, 0, 'great-circle×1.3'),
  transit: Object.freeze({
    rer: rule(1.2, 0, 'great-circle×1.2'),
    metro: rule(1.7, 0, 'great-circle×1.7'),
    tram: rule(1.5, 0, 'great-circle×1.5'),
    bus: rule(1.5, 0, 'great-circle×1.5'),
  } satisfies Record<TransitKind, DistanceRule>),
});

export function distanceRuleFor(mode: Exclude<TransportMode, 'visio' | 'transit'>): DistanceRule;
export function distanceRuleFor(mode: 'transit', kind: TransitKind): DistanceRule;
export function distanceRuleFor(mode: Exclude<TransportMode, 'visio'>, kind?: TransitKind): DistanceRule {
  return mode === 'transit' ? distanceRules.transit[kind ?? 'bus'] : distanceRules[mode];
}

// Distances are shown to 0.1 km and the emissions are computed from the shown value, so that a
// reader can redo `distanceKm × trips × factor` by hand and get the same grams.
export function roundKm(km: number): number {
  return roundHalfUp(km * 10) / 10;
}

export function correctedDistanceKm(greatCircleKm: number, r: DistanceRule): number {
  return roundKm(greatCircleKm * r.multiplier + r.offsetKm);
}
