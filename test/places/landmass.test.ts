import { describe, expect, it } from 'vitest';
import { ISLANDS, landmassOf } from '../../src/places/landmass.models.ts';
import { railReachable } from '../../src/quote/alternatives.models.ts';

// Each island's box holds the island's towns and none of the mainland's nearest coast: the towns
// below are the ones closest to each box (coordinates from GeoNames, rounded to 0.01°).
const at = (lat: number, lon: number, countryCode: string) => ({ lat, lon, countryCode });

const islandTowns: Array<[string, ReturnType<typeof at>]> = [
  ['corsica', at(41.92, 8.74, 'FR')], ['corsica', at(42.7, 9.45, 'FR')], ['corsica', at(41.39, 9.16, 'FR')], // Ajaccio, Bastia, Bonifacio
  ['sardinia', at(39.22, 9.11, 'IT')], ['sardinia', at(40.73, 8.56, 'IT')], ['sardinia', at(40.92, 9.5, 'IT')], // Cagliari, Sassari, Olbia
  ['mallorca', at(39.57, 2.65, 'ES')], ['mallorca', at(39.72, 2.91, 'ES')], ['ibiza-formentera', at(38.91, 1.43, 'ES')], ['menorca', at(39.89, 4.27, 'ES')], // Palma, Inca, Ibiza, Mahón
  ['canary-islands', at(28.47, -16.25, 'ES')], ['canary-islands', at(28.1, -15.41, 'ES')], ['canary-islands', at(28.96, -13.55, 'ES')], // Santa Cruz, Las Palmas, Arrecife
  ['madeira', at(32.65, -16.91, 'PT')], ['azores', at(37.74, -25.67, 'PT')],
  ['crete', at(35.34, 25.13, 'GR')], ['crete', at(35.51, 24.02, 'GR')], ['rhodes', at(36.43, 28.22, 'GR')],
  ['northern-ireland', at(54.6, -5.93, 'GB')], ['northern-ireland', at(55.0, -7.32, 'GB')], // Belfast, Derry
  ['orkney-shetland', at(58.98, -2.96, 'GB')], ['orkney-shetland', at(60.15, -1.15, 'GB')], ['outer-hebrides', at(58.21, -6.39, 'GB')],
  ['bornholm', at(55.1, 14.7, 'DK')], ['gotland', at(57.64, 18.29, 'SE')],
];

const mainlandTowns: Array<[string, ReturnType<typeof at>]> = [
  ['Nice', at(43.7, 7.27, 'FR')], ['Marseille', at(43.3, 5.38, 'FR')], ['Toulon', at(43.12, 5.93, 'FR')],
  ['Dénia', at(38.84, 0.11, 'ES')], ['Valencia', at(39.47, -0.38, 'ES')], ['Barcelona', at(41.39, 2.17, 'ES')], ['Peñíscola', at(40.36, 0.41, 'ES')],
  ['Reggio Calabria', at(38.11, 15.65, 'IT')], ['Rome', at(41.89, 12.48, 'IT')], ['Piombino', at(42.93, 10.52, 'IT')],
  ['Stranraer', at(54.9, -5.03, 'GB')], ['Campbeltown', at(55.42, -5.6, 'GB')], ['Kyle of Lochalsh', at(57.28, -5.71, 'GB')], ['Thurso', at(58.59, -3.52, 'GB')],
  ['Ystad', at(55.43, 13.82, 'SE')], ['Oskarshamn', at(57.26, 16.45, 'SE')], ['Copenhagen', at(55.68, 12.57, 'DK')],
  ['Athens', at(37.98, 23.73, 'GR')], ['Lisbon', at(38.72, -9.14, 'PT')],
];

describe('landmasses', () => {
  it('puts each island town on its island', () => {
    for (const [island, town] of islandTowns) expect(landmassOf(town), `${island} ${town.lat},${town.lon}`).toBe(island);
  });

  it('keeps the nearest mainland towns on the continent', () => {
    for (const [name, town] of mainlandTowns) expect(landmassOf(town), name).toBe('continent');
  });

  it('reads the country too: a box is its country’s island only', () => {
    // Inside Corsica's box but given as Italian (a mistyped country): not Corsica.
    expect(landmassOf(at(41.92, 8.74, 'IT'))).toBe('continent');
    expect(landmassOf({ lat: 41.92, lon: 8.74, countryCode: null })).toBe('continent');
  });

  it('offers a train between two towns of an island with its own lines, never between an island and the mainland or two islands', () => {
    const town = (name: string) => Object.fromEntries([['cagliari', at(39.22, 9.11, 'IT')], ['sassari', at(40.73, 8.56, 'IT')], ['palma', at(39.57, 2.65, 'ES')],
      ['inca', at(39.72, 2.91, 'ES')], ['ibiza', at(38.91, 1.43, 'ES')], ['santa-cruz', at(28.47, -16.25, 'ES')], ['las-palmas', at(28.1, -15.41, 'ES')]])[name]!;
    expect(railReachable(town('cagliari'), town('sassari'))).toBe(true);
    expect(railReachable(town('palma'), town('inca'))).toBe(true);
    expect(railReachable(town('cagliari'), at(41.89, 12.48, 'IT'))).toBe(false);
    expect(railReachable(town('palma'), at(41.39, 2.17, 'ES'))).toBe(false);
    expect(railReachable(town('palma'), town('ibiza'))).toBe(false);
    expect(railReachable(town('santa-cruz'), town('las-palmas'))).toBe(false); // one box, no railway
    expect(railReachable(at(55.0, -7.32, 'GB'), at(51.51, -0.13, 'GB'))).toBe(false); // Derry–London
    expect(ISLANDS.filter((i) => i.rail).map((i) => i.id)).toEqual(['corsica', 'sardinia', 'mallorca', 'northern-ireland']);
  });
});
