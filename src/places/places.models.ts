import { invalid } from '../shared/errors.ts';
import { placeTexts } from './places.errors.ts';
import type { Coordinates, PlaceInput } from './places.types.ts';

// Letters that Unicode decomposition leaves alone but people type without their diacritic.
const FOLDED_LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h' };
// "St-Étienne" and "Saint Étienne" must meet; one spelling per word keeps the keys comparable.
const WORD_SPELLINGS: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' };

// Lower-case words without accents: "Villeneuve-d'Ascq" → ["villeneuve", "d", "ascq"].
export function nameWords(text: string): string[] {
  // Four names in five are plain ASCII: skip Unicode decomposition for them (index build time).
  if (PLAIN_ASCII.test(text)) return spelled(text.toLowerCase().split(/[^a-z0-9]+/));
  const folded = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøłđðþıħ]/g, (c) => FOLDED_LETTERS[c] ?? c);
  return spelled(folded.split(/[^\p{L}\p{N}]+/u));
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

function spelled(words: string[]): string[] {
  return words.filter((w) => w.length > 0).map((w) => WORD_SPELLINGS[w] ?? w);
}

// The lookup key of a name: words glued together so that spaces, hyphens and apostrophes
// ("Villeneuve d Ascq", "villeneuve-dascq") never decide whether a place is found.
export function nameKey(text: string): string {
  return nameWords(text).join('');
}

export type ParsedPlace =
  | { kind: 'coordinates'; lat: number; lon: number }
  // `cityName` is the fallback when a three-letter word is no IATA code ("Dax", "Gap").
  | { kind: 'iata'; code: string; cityName: string | null; cityFirst: boolean }
  | { kind: 'city'; name: string; key: string; country: string | null; countryText: string | null; admin: string | null };

const COORDINATES_TEXT = /^(-?\d{1,3}(?:\.\d+)?)\s*[,; ]\s*(-?\d{1,3}(?:\.\d+)?)$/;
const IATA_TEXT = /^[A-Za-z]{3}$/;
// A suggestion's airport label, "Montpellier-Méditerranée (MPL)", resolves back to its airport.
const LABEL_WITH_IATA = /^(.*)\(([A-Za-z]{3})\)$/;
export const MAX_PLACE_TEXT = 200;

export function checkCoordinates(value: Coordinates, path: string): Coordinates {
  const { lat, lon } = value;
  if (typeof lat !== 'number' || !Number.isFinite(lat) || lat < -90 || lat > 90)
    throw invalid(`${path}.lat`, placeTexts.latitude());
  if (typeof lon !== 'number' || !Number.isFinite(lon) || lon < -180 || lon > 180)
    throw invalid(`${path}.lon`, placeTexts.longitude());
  return { lat, lon };
}

// Reads what a traveller typed. `countryCodeOf` turns "FR", "fra", "France" into "FR" (null if unknown).
export function parsePlaceInput(input: PlaceInput, path: string, countryCodeOf: (text: string) => string | null): ParsedPlace {
  if (typeof input === 'object' && input !== null) return { kind: 'coordinates', ...checkCoordinates(input, path) };
  if (typeof input !== 'string') throw invalid(path, placeTexts.shape());
  const text = input.trim().replace(/\s+/g, ' ');
  if (text.length === 0) throw invalid(path, placeTexts.empty());
  if (text.length > MAX_PLACE_TEXT) throw invalid(path, placeTexts.tooLong({ max: MAX_PLACE_TEXT }));

  const coords = COORDINATES_TEXT.exec(text);
  if (coords) return { kind: 'coordinates', ...checkCoordinates({ lat: Number(coords[1]), lon: Number(coords[2]) }, path) };
  if (IATA_TEXT.test(text)) {
    // "CDG" and "cdg" are codes first; a capitalised word such as "Dax" is a town first.
    const cityFirst = text !== text.toUpperCase() && text !== text.toLowerCase();
    return { kind: 'iata', code: text.toUpperCase(), cityName: text, cityFirst };
  }
  const labelled = LABEL_WITH_IATA.exec(text);
  if (labelled?.[2]) return { kind: 'iata', code: labelled[2].toUpperCase(), cityName: null, cityFirst: false };
  return parseCityText(text, countryCodeOf);
}

// "Alès" | "Alès, FR" | "Alès, France" | "Paris, TX, US" (the middle part is a GeoNames admin code).
function parseCityText(text: string, countryCodeOf: (text: string) => string | null): ParsedPlace {
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p.length > 0);
  const name = parts[0] ?? text;
  const city = (country: string | null, countryText: string | null, admin: string | null): ParsedPlace => ({
    kind: 'city', name, key: nameKey(name), country, countryText, admin,
  });
  if (parts.length < 2) return city(null, null, null);
  const countryText = parts[parts.length - 1] ?? '';
  const admin = parts.length >= 3 ? (parts[parts.length - 2] ?? null) : null;
  return city(countryCodeOf(countryText), countryText, admin);
}

// The candidates that share a name, largest first.
export type Candidate = { population: number };

// A name picks one place when it is alone, or when the largest place with that name is at least
// `ratio` times more populous than the next one ("Paris, US": Paris TX 24 782 vs Paris TN 10 150 is
// not enough; "Paris": 2.1 M in France vs 24 782 in Texas is).
export function pickDominant<T extends Candidate>(sortedByPopulation: readonly T[], ratio: number): T | null {
  const [first, second] = sortedByPopulation;
  if (!first) return null;
  if (!second) return first;
  return first.population > 0 && second.population * ratio <= first.population ? first : null;
}

// With a country given, one order of magnitude is enough; a bare name crosses borders and
// stays ambiguous unless the largest place dwarfs the rest.
export const DOMINANCE_WITH_COUNTRY = 10;
export const DOMINANCE_WITHOUT_COUNTRY = 20;

export function byPopulationDesc(a: Candidate, b: Candidate): number {
  return b.population - a.population;
}

const EARTH_RADIUS_KM = 6371;
const toRad = (deg: number) => (deg * Math.PI) / 180;

// Great-circle distance (haversine, spherical Earth); good to a few tenths of a percent.
export function haversineKm(a: Coordinates, b: Coordinates): number {
  const dLat = toRad(b.lat - a.lat);
  const dLon = toRad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type AirportSize = 'large' | 'medium';
export type NearbyAirport<A> = { airport: A; size: AirportSize; servesCity: boolean; distanceKm: number };

export const AIRPORT_SEARCH_KM = 200;
export const OWN_AIRPORT_MAX_KM = 50;

// Which scheduled airport a flight from a city uses.
// 1. The nearest large airport whose municipality is the city, within 50 km: London → LHR (not the
//    nearer London City), Toronto → YYZ, Paris → ORY (14 km; CDG is 23 km), Montréal → YUL.
// 2. Else the smallest "effective" distance, where a large airport (a hub) and an airport whose
//    municipality is the city each count as half as far: Brussels → BRU (12 km, large: 6) rather than
//    Charleroi, which names Brussels but lies 46 km away (23); Villeneuve-d'Ascq → LIL (8 km) rather
//    than BRU (~95 km: 47); Nîmes → FNI; Alès → FNI (~50 km) over MPL (~62 km).
// Callers pass the scheduled airports within 200 km; beyond, the nearest one is taken.
export function chooseAirport<A>(nearby: readonly NearbyAirport<A>[]): NearbyAirport<A> | null {
  const ownLarge = nearby.filter((n) => n.servesCity && n.size === 'large' && n.distanceKm <= OWN_AIRPORT_MAX_KM);
  const pool = ownLarge.length > 0 ? ownLarge : nearby;
  let best: NearbyAirport<A> | null = null;
  let bestKm = Infinity;
  for (const n of pool) {
    const effectiveKm = n.distanceKm * (n.size === 'large' ? 0.5 : 1) * (n.servesCity ? 0.5 : 1);
    if (effectiveKm < bestKm) [best, bestKm] = [n, effectiveKm];
  }
  return best;
}

// Suggestion scores: an IATA code beats an exact name, which beats a prefix; inside a tier,
// larger places first. A city's weight is 100 × log10(population + 1) (Paris ≈ 633, Alès ≈ 463);
// a large airport weighs like a city of ~300 000 people, so "paris" lists Paris before CDG and ORY.
export const SCORE_IATA = 2000;
export const SCORE_EXACT = 1000;
export const AIRPORT_WEIGHT: Record<AirportSize, number> = { large: 550, medium: 400 };
export const UNSCHEDULED_AIRPORT_WEIGHT = 300;

export function cityWeight(population: number): number {
  return Math.min(999, Math.round(100 * Math.log10(Math.max(0, population) + 1)));
}

export function clampLimit(limit: number | undefined, fallback = 10, max = 25): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(max, Math.max(1, Math.trunc(limit)));
}
