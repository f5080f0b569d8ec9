import { beforeAll, describe, expect, it } from 'vitest';
import { AppError, describeError } from '../../src/shared/errors.ts';
import { thrownAppError } from '../helpers/errors.ts';
import type { TransportMode } from '../../src/shared/modes.ts';
import { loadPlaceIndex } from '../../src/places/places.data.ts';
import { createPlaceResolver, type PlaceResolver } from '../../src/places/places.usecases.ts';
import type { PlaceInput } from '../../src/places/places.types.ts';

// The shipped data sets (GeoNames cities1000, OurAirports medium + large airports).
let places: PlaceResolver;
beforeAll(() => {
  places = createPlaceResolver(loadPlaceIndex());
});

const resolve = (input: PlaceInput, mode: TransportMode = 'train') => places.resolve(input, { mode, path: 'legs.0.from' });

const failure = (input: PlaceInput, mode: TransportMode = 'train'): Promise<AppError> => thrownAppError(() => resolve(input, mode));

describe('places on the shipped data', () => {
  // How fast it loads and resolves is measured by `npm run bench`, not here.
  it('loads the index once', () => {
    expect(loadPlaceIndex()).toBe(loadPlaceIndex());
    expect(loadPlaceIndex().cities.length).toBeGreaterThan(130_000);
  });

  it('resolves IATA codes to airports in any mode', () => {
    expect(resolve('MPL')).toMatchObject({ kind: 'airport', iata: 'MPL', countryCode: 'FR', city: 'Montpellier', label: 'Montpellier-Méditerranée (MPL)' });
    expect(resolve('YUL', 'plane')).toMatchObject({ kind: 'airport', iata: 'YUL', countryCode: 'CA', city: 'Montréal' });
    expect(resolve('cdg', 'plane')).toMatchObject({ kind: 'airport', iata: 'CDG', countryCode: 'FR' });
    const cdg = resolve('CDG');
    expect(cdg.lat).toBeCloseTo(49.01, 1);
    expect(cdg.lon).toBeCloseTo(2.55, 1);
  });

  it('resolves "City, CC" whatever the accents and case', () => {
    for (const text of ['Alès, FR', 'ales, fr', 'ALES, France']) expect(resolve(text)).toMatchObject({ kind: 'city', label: 'Alès, FR', city: 'Alès', countryCode: 'FR' });
    for (const text of ['Montréal, CA', 'montreal, ca']) expect(resolve(text)).toMatchObject({ kind: 'city', label: 'Montréal, CA', countryCode: 'CA' });
    expect(resolve('Nîmes, FR').label).toBe('Nîmes, FR');
    expect(resolve('Lyon, FR').label).toBe('Lyon, FR');
    expect(resolve('Brussels, BE').label).toBe('Brussels, BE');
    expect(resolve('Bruxelles, BE').label).toBe('Brussels, BE');
    expect(resolve('St-Etienne, FR').label).toBe('Saint-Étienne, FR');
    const paris = resolve('Paris, FR');
    expect(paris).toMatchObject({ kind: 'city', label: 'Paris, FR', countryCode: 'FR' });
    expect(paris.population).toBeGreaterThan(2_000_000);
  });

  it('turns a city into the airport a flight from it uses', () => {
    expect(resolve('Montpellier, FR', 'plane').iata).toBe('MPL');
    expect(resolve('Montréal, CA', 'plane').iata).toBe('YUL');
    expect(resolve('Alès, FR', 'plane').iata).toBe('FNI'); // ≈ 48 km; MPL is ≈ 63 km
    expect(resolve('Nîmes, FR', 'plane').iata).toBe('FNI');
    expect(resolve('Lyon, FR', 'plane').iata).toBe('LYS');
    expect(resolve('Bruxelles, BE', 'plane').iata).toBe('BRU');
    expect(resolve('Paris, FR', 'plane')).toMatchObject({ kind: 'airport', iata: 'ORY', city: 'Paris' });
    expect(resolve('London, GB', 'plane').iata).toBe('LHR');
    expect(resolve('PAR', 'plane').iata).toBe('ORY');
    expect(resolve({ lat: 43.61, lon: 3.87 }, 'plane').iata).toBe('MPL');
  });

  it('gives coordinates a country from the nearest city', () => {
    expect(resolve({ lat: 44.13, lon: 4.08 })).toMatchObject({ kind: 'coordinates', countryCode: 'FR' });
    expect(resolve({ lat: 45.5, lon: -73.57 }).countryCode).toBe('CA');
    expect(resolve({ lat: 0, lon: -30 }).countryCode).toBeNull(); // mid-Atlantic
  });

  it('reports an unknown place with its path', async () => {
    const err = await failure('Qwxzkv, FR');
    expect(err.code).toBe('place.unknown');
    expect(err.status).toBe(400);
    expect(err.details[0]?.path).toBe('legs.0.from');
    expect(describeError(err, 'fr').message).toContain('« Qwxzkv, FR »');
  });

  it('reports an ambiguous place with at most 8 candidates that can be typed back', async () => {
    const err = await failure('Saint-Denis');
    expect(err.code).toBe('place.ambiguous');
    const candidates = err.details[0]?.candidates as Array<{ label: string; countryCode: string }>;
    expect(candidates.map((c) => c.countryCode).slice(0, 2).sort()).toEqual(['FR', 'RE']);
    const many = (await failure('Paris, US')).details[0]?.candidates as Array<{ label: string }>;
    expect(many).toHaveLength(8);
    expect(many[0]?.label).toBe('Paris, TX, US');
    expect(resolve('Paris, TX, US')).toMatchObject({ countryCode: 'US', city: 'Paris' });
  });

  it('refuses coordinates out of range with a 400', async () => {
    const err = await failure({ lat: 12, lon: 200 });
    expect(err.status).toBe(400);
    expect(err.details[0]?.path).toBe('legs.0.from.lon');
  });

  it('resolves a repeated place to the same answer', () => {
    const first = [resolve('Alès, FR', 'plane'), resolve('MPL', 'plane')];
    for (let i = 0; i < 1_000; i++) expect(resolve(i % 2 ? 'Alès, FR' : 'MPL', 'plane')).toEqual(first[i % 2 ? 0 : 1]);
  });

  it('suggests Alès first for "ales", and airports by code', () => {
    expect(places.suggest('ales')[0]?.label).toBe('Alès, FR');
    expect(places.suggest('yul')[0]?.iata).toBe('YUL');
    expect(places.suggest('montp', { kind: 'airport' })[0]?.iata).toBe('MPL');
    expect(places.suggest('a', { limit: 99 })).toHaveLength(25);
  });
});
