import type { AppError } from '../shared/errors.ts';
import { ambiguousPlaceError, placeTexts, unknownPlaceError } from './places.errors.ts';
import type { TransportMode } from '../shared/modes.ts';
import { metropolitanCodes } from './places.aliases.ts';
import type { AirportRecord, CityRecord, PlaceIndex } from './places.index.ts';
import { airportNear, airportPlace, citiesNamed, cityPlace, coordinatesPlace } from './places.lookup.ts';
import {
  byPopulationDesc, DOMINANCE_WITH_COUNTRY, DOMINANCE_WITHOUT_COUNTRY, nameKey, parsePlaceInput, pickDominant, type ParsedPlace,
} from './places.models.ts';
import { suggestPlaces, type SuggestOptions } from './places.suggest.ts';
import type { Coordinates, Place, PlaceInput, PlaceSuggestion } from './places.types.ts';

export type { SuggestKind, SuggestOptions } from './places.suggest.ts';
export type ResolveOptions = { mode: TransportMode; path: string };

export interface PlaceResolver {
  // Throws AppError place.unknown / place.ambiguous (400, naming `path`) or validation.invalid.
  resolve(input: PlaceInput, opts: ResolveOptions): Place;
  suggest(q: string, opts?: SuggestOptions): PlaceSuggestion[];
}

export const MAX_AMBIGUOUS_CANDIDATES = 8;
const RESOLVED_CACHE_MAX = 20_000;

// `source` may be a loader: the index (~0.5 s to build) is then read on first use only, so that
// tests and commands that never touch a place do not pay for it.
export function createPlaceResolver(source: PlaceIndex | (() => PlaceIndex)): PlaceResolver {
  let index = typeof source === 'function' ? null : source;
  const getIndex = () => (index ??= (source as () => PlaceIndex)());
  // Quotes repeat the same few places: remember what a text resolved to (successes only, bounded).
  const resolved = new Map<string, Place>();
  const airportOfCity = new Map<number, AirportRecord | null>();

  const flightAirport = (city: CityRecord): AirportRecord | null => {
    if (!airportOfCity.has(city.ref)) airportOfCity.set(city.ref, airportNear(getIndex(), city, city.key));
    return airportOfCity.get(city.ref) ?? null;
  };

  // A remembered place is frozen and handed out as is: four copies per quote showed in the quote
  // route's profile, and freezing keeps a caller from changing what the next quote receives.
  function resolveText(text: string, opts: ResolveOptions): Place {
    const cacheKey = `${opts.mode === 'plane' ? 'p' : 'g'}\u0000${text}`;
    const hit = resolved.get(cacheKey);
    if (hit) return hit;
    const place = Object.freeze(resolveParsed(parse(text, opts.path), text, opts));
    if (resolved.size >= RESOLVED_CACHE_MAX) resolved.clear();
    resolved.set(cacheKey, place);
    return place;
  }

  function parse(input: PlaceInput, path: string): ParsedPlace {
    const countries = getIndex().countriesByKey;
    return parsePlaceInput(input, path, (text) => countries.get(nameKey(text)) ?? null);
  }

  function resolveParsed(parsed: ParsedPlace, text: string, opts: ResolveOptions): Place {
    const plane = opts.mode === 'plane';
    const idx = getIndex();
    if (parsed.kind === 'coordinates') return plane ? airportFrom(idx, parsed, null, text, opts.path) : coordinatesPlace(idx, parsed);
    const city = parsed.kind === 'city' ? findCity(idx, parsed, text, opts.path) : cityOfCode(idx, parsed, text, opts.path);
    if (!('key' in city)) return city; // an airport code: the airport, whatever the mode
    return plane ? airportFrom(idx, city, city, text, opts.path) : cityPlace(city);
  }

  function airportFrom(idx: PlaceIndex, point: Coordinates, city: CityRecord | null, text: string, path: string): Place {
    const airport = city ? flightAirport(city) : airportNear(idx, point, null);
    if (!airport) throw unknownPlaceError(text, path, placeTexts.noAirportNear());
    return airportPlace(airport);
  }

  return {
    resolve(input, opts) {
      if (typeof input === 'string') return resolveText(input, opts);
      return resolveParsed(parse(input, opts.path), `${input?.lat}, ${input?.lon}`, opts);
    },
    suggest(q, opts) {
      return suggestPlaces(getIndex(), q, opts);
    },
  };
}

// A three-letter word: an airport (CDG), a metropolitan code (PAR), or else a town ("Dax").
// A capitalised word tries the town first.
function cityOfCode(idx: PlaceIndex, parsed: Extract<ParsedPlace, { kind: 'iata' }>, text: string, path: string): CityRecord | Place {
  if (parsed.cityFirst && parsed.cityName) {
    const town = pickDominant(citiesNamed(idx, nameKey(parsed.cityName), null, null), DOMINANCE_WITHOUT_COUNTRY);
    if (town) return town;
  }
  const airport = idx.airportsByIata.get(parsed.code);
  if (airport) return airportPlace(airport);
  const metro = metropolitanCodes[parsed.code];
  if (metro) {
    const [name, country] = metro;
    const city = citiesNamed(idx, nameKey(name), country, null)[0];
    if (city) return city;
  }
  const key = parsed.cityName ? nameKey(parsed.cityName) : '';
  if (parsed.cityName && (idx.citiesByKey.has(key) || idx.aliasesByKey.has(key))) {
    return findCity(idx, { kind: 'city', name: parsed.cityName, key, country: null, countryText: null, admin: null }, text, path);
  }
  throw unknownPlaceError(text, path, placeTexts.noAirportCode({ code: parsed.code }));
}

// With a country, an alias is read only when no city bears the real name there ("Vienne, FR" is the
// town on the Rhône, "Vienne, AT" is Vienna). Without one, a real name and an alias that both match
// ("Vienne", "Londres") make the input ambiguous: an alias never silently beats a real name.
function findCity(idx: PlaceIndex, parsed: Extract<ParsedPlace, { kind: 'city' }>, text: string, path: string): CityRecord {
  if (parsed.countryText !== null && parsed.country === null) throw unknownPlaceError(text, path, placeTexts.unknownCountry({ country: parsed.countryText }));
  const real = citiesNamed(idx, parsed.key, parsed.country, parsed.admin);
  const aliased = citiesNamed(idx, parsed.key, parsed.country, parsed.admin, true).filter((c) => !real.includes(c));
  if (real.length > 0 && aliased.length > 0 && parsed.country === null) {
    throw ambiguousPlace(text, path, [...real, ...aliased].sort(byPopulationDesc));
  }
  const candidates = real.length > 0 ? real : aliased;
  if (candidates.length === 0) throw unknownPlaceError(text, path, null);
  const city = pickDominant(candidates, parsed.country ? DOMINANCE_WITH_COUNTRY : DOMINANCE_WITHOUT_COUNTRY);
  if (city) return city;
  throw ambiguousPlace(text, path, candidates);
}

function ambiguousPlace(text: string, path: string, cities: CityRecord[]): AppError {
  const candidates = cities.slice(0, MAX_AMBIGUOUS_CANDIDATES).map((c) => cityPlace(c, true));
  return ambiguousPlaceError(text, path, cities.length, candidates);
}
