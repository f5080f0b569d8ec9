import communesFile from './data/grand-paris-communes.json' with { type: 'json' };
import { invalid } from '../shared/errors.ts';
import { costTexts } from './costs.errors.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { cityKey } from './city-names.models.ts';
import { lodgingTierInputSchema, type LodgingTier, type LodgingTierInput } from './per-diem.schemas.ts';

// Threshold of the "large cities" lodging rate (reference A2: ≥ 200 000 inhabitants).
export const LARGE_CITY_MIN_POPULATION = 200_000;

const grandParisDepartments = new Set(communesFile.departmentRule.departments);

const grandParisByKey = new Map<string, string[]>();
for (const c of communesFile.communes as Array<{ name: string; department: string; aliases?: string[] }>) {
  for (const name of [c.name, ...(c.aliases ?? [])]) {
    const key = cityKey(name);
    grandParisByKey.set(key, [...(grandParisByKey.get(key) ?? []), c.department]);
  }
}

const isParis = (key: string) => key === 'paris' || /^paris \d{1,2}(e|er|eme)?( arrondissement)?$/.test(key);

export function isGrandParisCommune(city: string, departmentCode?: string): boolean {
  if (departmentCode && grandParisDepartments.has(departmentCode)) return true;
  const departments = grandParisByKey.get(cityKey(city));
  return departments !== undefined && (departmentCode === undefined || departments.includes(departmentCode));
}

// Paris → 'paris'; a Grand Paris commune or a city of at least 200 000 inhabitants → 'large_city';
// else 'base'. Without a department or postal code a name is taken at its word, so a homonym
// outside Île-de-France (a Fresnes or a Saint-Maurice elsewhere) would be misread: pass one when known.
export function lodgingTierFor(input: LodgingTierInput): LodgingTier {
  const { city, countryCode, population, departmentCode, postalCode } = parseOrThrow(lodgingTierInputSchema, input, 'lodging place');
  if (countryCode.toUpperCase() !== 'FR') {
    throw invalid('countryCode', costTexts.lodgingAbroad());
  }
  const department = departmentCode ?? postalCode?.slice(0, 2);
  if (isParis(cityKey(city)) && (department === undefined || department === '75')) return 'paris';
  if (isGrandParisCommune(city, department)) return 'large_city';
  return (population ?? 0) >= LARGE_CITY_MIN_POPULATION ? 'large_city' : 'base';
}
