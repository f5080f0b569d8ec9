import { suggestionKeys, type AirportRecord, type PlaceIndex } from './places.index.ts';
import { airportPlace, cityPlace } from './places.lookup.ts';
import { AIRPORT_WEIGHT, cityWeight, clampLimit, nameKey, SCORE_EXACT, SCORE_IATA, UNSCHEDULED_AIRPORT_WEIGHT } from './places.models.ts';
import type { PlaceSuggestion } from './places.types.ts';

export type SuggestKind = 'airport' | 'city' | 'any';
export type SuggestOptions = { limit?: number; kind?: SuggestKind };

const airportWeight = (a: AirportRecord) => (a.scheduled ? AIRPORT_WEIGHT[a.size] : UNSCHEDULED_AIRPORT_WEIGHT);

// Autocomplete: accent- and case-insensitive prefix search over city names, airport names, the
// municipalities airports serve, and IATA codes. "Alès, F" keeps the name part; a country after the
// comma, once recognisable ("FR", "France"), filters the results.
export function suggestPlaces(index: PlaceIndex, q: string, opts: SuggestOptions = {}): PlaceSuggestion[] {
  const limit = clampLimit(opts.limit);
  const kind = opts.kind ?? 'any';
  const [namePart = '', ...rest] = q.split(',');
  const country = rest.length > 0 ? (index.countriesByKey.get(nameKey(rest.join(' '))) ?? null) : null;
  const key = nameKey(namePart);
  if (key.length === 0) return [];

  // ref ≥ 0: a city; ref < 0: airport -1 - ref (the encoding of the sorted key list).
  const best = new Map<number, number>();
  const keep = (ref: number, score: number) => {
    if ((best.get(ref) ?? -1) < score) best.set(ref, score);
  };
  const byIata = /^[a-z]{3}$/i.test(namePart.trim()) ? index.airportsByIata.get(namePart.trim().toUpperCase()) : undefined;
  if (byIata && kind !== 'city' && (!country || byIata.country === country)) keep(-1 - byIata.ref, SCORE_IATA + airportWeight(byIata));

  const { keys, refs, exactOnly } = suggestionKeys(index);
  for (let i = lowerBound(keys, key); i < keys.length && (keys[i] as string).startsWith(key); i++) {
    const ref = refs[i] as number;
    const exact = keys[i] === key;
    if (!exact && exactOnly[i] === 1) continue;
    const tier = exact ? SCORE_EXACT : 0;
    if (ref >= 0) {
      const city = index.cities[ref];
      if (city && kind !== 'airport' && (!country || city.country === country)) keep(ref, tier + cityWeight(city.population));
    } else {
      const airport = index.airports[-1 - ref];
      if (airport && kind !== 'city' && (!country || airport.country === country)) keep(ref, tier + airportWeight(airport));
    }
  }
  // Places are built for the few kept, not for the thousands a one-letter prefix matches.
  const nameOf = (ref: number) => (ref >= 0 ? index.cities[ref]?.name : index.airports[-1 - ref]?.name) ?? '';
  return [...best]
    .sort((a, b) => b[1] - a[1] || byText(nameOf(a[0]), nameOf(b[0])) || a[0] - b[0])
    .slice(0, limit)
    .map(([ref, score]) => ({ ...toPlace(index, ref), score }));
}

function toPlace(index: PlaceIndex, ref: number) {
  return ref >= 0 ? cityPlace(index.cities[ref]!) : airportPlace(index.airports[-1 - ref]!);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
