import { describe, expect, it } from 'vitest';
import { loadFactorRegistry } from '../../src/footprint/factors.loader.ts';

// The figures decided in the project's reference notes ("Decisions already taken") and the
// reference note; a change to a data file that drifts from them must be deliberate.
const registry = loadFactorRegistry();
const values = (setId: string) => Object.fromEntries(registry.get(setId).rows.map((r) => [r.id, `${r.value} ${r.unit}`]));

const groundA = {
  'train.highspeed': '0.00293 kgCO2e/pkm',
  'train.intercity': '0.0075 kgCO2e/pkm',
  'train.regional': '0.0277 kgCO2e/pkm',
  'transit.rer': '0.00978 kgCO2e/pkm',
  'transit.metro': '0.00444 kgCO2e/pkm',
  'transit.tram': '0.00428 kgCO2e/pkm',
  'transit.bus': '0.1224 kgCO2e/pkm',
  'bus.coach': '0.0376 kgCO2e/pkm',
  'ferry.foot-passenger': '0.02295 kgCO2e/pkm', // DESNZ 2025: 0.01871 + WTT 0.00424
  'visio.hour': '0.0571 kgCO2e/h',
  bike: '0 kgCO2e/pkm',
  walk: '0 kgCO2e/pkm',
  'train.international.FR': '4.81 gCO2e/pkm',
  'train.international.BE': '3.13 gCO2e/pkm',
  'train.international.NL': '1.36 gCO2e/pkm',
  'train.international.CH': '0.5 gCO2e/pkm',
  'train.international.DE': '17.21 gCO2e/pkm',
  'train.international.GB': '10.4 gCO2e/pkm',
  'train.international.IT': '5.43 gCO2e/pkm',
  'train.international.ES': '7.71 gCO2e/pkm',
  'train.international.AT': '8.89 gCO2e/pkm',
  'train.international.other': '6.6044 gCO2e/pkm',
};

describe('shipped factor files', () => {
  it('series A holds the decided figures', () => {
    expect(values('ademe-base-carbone-series-a')).toEqual({
      'plane.short.contrails': '0.2586 kgCO2e/pkm',
      'plane.medium.contrails': '0.1876 kgCO2e/pkm',
      'plane.long.contrails': '0.152 kgCO2e/pkm',
      'plane.short.no-contrails': '0.1416 kgCO2e/pkm',
      'plane.medium.no-contrails': '0.1028 kgCO2e/pkm',
      'plane.long.no-contrails': '0.0833 kgCO2e/pkm',
      'car.thermal': '0.2176 kgCO2e/vkm',
      'car.electric': '0.1034 kgCO2e/vkm',
      ...groundA,
    });
  });

  it('series B holds Impact CO2’s figures (its Intercités since 2026.2) and reuses series A elsewhere', () => {
    expect(values('impact-co2-2025-series-b')).toEqual({
      'plane.short.contrails': '0.2246 kgCO2e/pkm',
      'plane.medium.contrails': '0.1847 kgCO2e/pkm',
      'plane.medium-long.contrails': '0.1668 kgCO2e/pkm',
      'plane.long.contrails': '0.1779 kgCO2e/pkm',
      'plane.short.no-contrails': '0.1236 kgCO2e/pkm',
      'plane.medium.no-contrails': '0.1017 kgCO2e/pkm',
      'plane.medium-long.no-contrails': '0.0918 kgCO2e/pkm',
      'plane.long.no-contrails': '0.0979 kgCO2e/pkm',
      'car.thermal': '0.1423 kgCO2e/vkm',
      'car.electric': '0.0674 kgCO2e/vkm',
      ...groundA,
      // Impact CO2's Intercités: 0.0058 use + 0.00318 construction; series A keeps Base Empreinte's 0.0075.
      'train.intercity': '0.00898 kgCO2e/pkm',
    });
    expect(registry.get('impact-co2-2025-series-b').version).toBe('2026.2');
    const copied = registry.get('impact-co2-2025-series-b').rows.filter((r) => r.sameAsSet === 'ademe-base-carbone-series-a').map((r) => r.id);
    expect(copied.sort()).toEqual(Object.keys(groundA).filter((id) => id !== 'train.intercity').sort());
  });

  it('makes the unlisted-country fallback the mean of the listed countries', () => {
    // (4.81 + 3.13 + 1.36 + 0.5 + 17.21 + 10.4 + 5.43 + 7.71 + 8.89) / 9 = 59.44 / 9 = 6.60444…
    const countries = registry.defaultSet.rows.filter((r) => r.mode === 'train' && r.trainType === 'international' && r.country !== '*');
    const mean = countries.reduce((sum, r) => sum + r.value, 0) / countries.length;
    expect(countries).toHaveLength(9);
    expect(mean).toBeCloseTo(6.6044, 4);
  });

  it('flags every derived or NOT VERIFIED figure, and only those', () => {
    const unverified = (setId: string) => registry.get(setId).rows.filter((r) => !r.verified).map((r) => r.id);
    expect(unverified('ademe-base-carbone-series-a')).toEqual(['train.international.other']);
    expect(unverified('impact-co2-2025-series-b')).toEqual(['train.international.other', 'bike']);
    for (const set of registry.sets) {
      for (const r of set.rows.filter((x) => !x.verified)) expect(r.notes).toMatch(/NON VÉRIFIÉE/);
    }
  });

  it('cites a source for every row and Base Carbone ids for series A flights with contrails', () => {
    for (const set of registry.sets) for (const r of set.rows) expect(r.source.length).toBeGreaterThan(20);
    const refs = registry.defaultSet.rows.filter((r) => r.mode === 'plane' && r.contrails).map((r) => r.sourceRef);
    expect(refs).toEqual(['Base Carbone 28130', 'Base Carbone 28132', 'Base Carbone 28134']);
    const ferry = registry.defaultSet.rows.find((r) => r.mode === 'ferry')!;
    expect(ferry).toMatchObject({ licence: 'Open Government Licence v3.0' });
    expect(ferry.source).toMatch(/DESNZ/);
  });
});
