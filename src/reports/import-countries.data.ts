import { createRequire } from 'node:module';

// Country names as GES 1point5 writes them ("France", "Belgique", "Royaume-Uni") to ISO 3166-1
// alpha-2, from i18n-iso-countries' French and English names (all variants), plus the short forms
// people type that the library spells in full.
const require = createRequire(import.meta.url);
type CountriesLib = { registerLocale(data: unknown): void; getNames(lang: string, options: { select: 'all' }): Record<string, string[]> };

export const countryKey = (name: string): string =>
  name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[-'’.]/g, ' ').replace(/\s+/g, ' ').trim();

const shortForms: Record<string, string> = {
  'etats unis': 'US', usa: 'US', 'u s a': 'US', angleterre: 'GB', ecosse: 'GB', 'pays de galles': 'GB', uk: 'GB',
  'coree': 'KR', tchequie: 'CZ', hollande: 'NL', 'la reunion': 'RE', russie: 'RU', chine: 'CN', vietnam: 'VN',
};

let index: Map<string, string> | null = null;

function load(): Map<string, string> {
  if (index) return index;
  const lib = require('i18n-iso-countries/index.js') as CountriesLib;
  const map = new Map<string, string>();
  for (const lang of ['en', 'fr']) {
    lib.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
    for (const [code, names] of Object.entries(lib.getNames(lang, { select: 'all' }))) {
      map.set(countryKey(code), code);
      for (const name of names) map.set(countryKey(name), code);
    }
  }
  for (const [name, code] of Object.entries(shortForms)) map.set(name, code);
  index = map;
  return map;
}

// An ISO code ("FR", "fr") or a name in French or English; null when unknown.
export function countryCode(name: string): string | null {
  return load().get(countryKey(name)) ?? null;
}
