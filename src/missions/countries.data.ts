import { createRequire } from 'node:module';
import type { Lang } from '../shared/i18n/index.ts';

// Country names for the destination field, in French and English (ISO 3166-1 alpha-2 codes).
const require = createRequire(import.meta.url);
type CountriesLib = { registerLocale(data: unknown): void; getNames(lang: string): Record<string, string> };

let names: Record<Lang, Record<string, string>> | null = null;
const lists = new Map<Lang, Array<{ code: string; name: string }>>();

function load(): Record<Lang, Record<string, string>> {
  if (!names) {
    const lib = require('i18n-iso-countries/index.js') as CountriesLib;
    for (const lang of ['fr', 'en']) lib.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
    names = { fr: lib.getNames('fr'), en: lib.getNames('en') };
  }
  return names;
}

export function countryName(lang: Lang, code: string): string {
  return load()[lang][code] ?? code;
}

export function countryOptions(lang: Lang): Array<{ code: string; name: string }> {
  let list = lists.get(lang);
  if (!list) {
    const collator = new Intl.Collator(lang === 'fr' ? 'fr' : 'en');
    list = Object.entries(load()[lang]).map(([code, name]) => ({ code, name })).sort((a, b) => collator.compare(a.name, b.name));
    lists.set(lang, list);
  }
  return list;
}
