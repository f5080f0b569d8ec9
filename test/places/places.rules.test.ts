import { describe, expect, it } from 'vitest';
import { AppError, describeError } from '../../src/shared/errors.ts';
import type { TransportMode } from '../../src/shared/modes.ts';
import { createPlaceResolver } from '../../src/places/places.usecases.ts';
import type { PlaceInput } from '../../src/places/places.types.ts';
import { thrownAppError } from '../helpers/errors.ts';
import { fixtureIndex } from './places.fixture.ts';

const places = createPlaceResolver(fixtureIndex());
const resolve = (input: PlaceInput, mode: TransportMode = 'train') => places.resolve(input, { mode, path: 'legs.1.to' });

const failure = (input: PlaceInput, mode: TransportMode = 'train'): Promise<AppError> => thrownAppError(() => resolve(input, mode));

describe('resolution rules (fixture data)', () => {
  it('resolves a city by accent- and case-insensitive name within its country', () => {
    expect(resolve('ales, fr')).toMatchObject({ kind: 'city', label: 'Alès, FR', countryCode: 'FR', city: 'Alès', population: 42_410 });
    expect(resolve('Alès, France').label).toBe('Alès, FR');
  });

  it('resolves a bare name when one place dwarfs the others (20×), else reports the candidates', async () => {
    // Alès 42 410 ≥ 20 × Ales (IT) 1 400 = 28 000
    expect(resolve('ales').label).toBe('Alès, FR');
    // 2 138 551 ≥ 20 × 24 782 = 495 640
    expect(resolve('Paris').countryCode).toBe('FR');
    const err = await failure('Paris, US');
    expect(err.code).toBe('place.ambiguous');
    expect(err.status).toBe(400);
    expect(err.details[0]?.path).toBe('legs.1.to');
    const candidates = err.details[0]?.candidates as Array<{ label: string }>;
    expect(candidates.map((c) => c.label)).toEqual(['Paris, TX, US', 'Paris, TN, US']);
  });

  it('lets an ambiguous candidate be typed back with its admin code', async () => {
    expect(resolve('Paris, TX, US')).toMatchObject({ label: 'Paris, US', population: 24_782 });
    expect(resolve('Paris, tn, us').population).toBe(10_150);
    expect((await failure('Paris, CA, US')).code).toBe('place.unknown');
  });

  it('reads an alias only where the real name is absent; both present make a bare name ambiguous', async () => {
    expect(resolve('Vienne, FR').label).toBe('Vienne, FR');
    expect(resolve('Vienne, AT').label).toBe('Vienna, AT');
    expect(resolve('Bruxelles, Belgique').label).toBe('Brussels, BE');
    const err = await failure('Vienne');
    expect(err.code).toBe('place.ambiguous');
    expect((err.details[0]?.candidates as Array<{ label: string }>).map((c) => c.label)).toEqual(['Vienna, 09, AT', 'Vienne, 84, FR']);
  });

  it('names the unknown place, or the unknown country, with the path', async () => {
    const err = await failure('Atlantis, FR');
    expect(err.code).toBe('place.unknown');
    const { message, details } = describeError(err, 'fr');
    expect(message).toContain('Lieu inconnu : « Atlantis, FR »');
    expect(details).toEqual([{ path: 'legs.1.to', message }]);
    expect(err.message).toContain('Unknown place: “Atlantis, FR”');
    expect(describeError(await failure('Alès, Narnia'), 'fr').message).toContain('pays inconnu « Narnia »');
    expect(describeError(await failure('ZZZ'), 'fr').message).toContain('aucun aéroport de code ZZZ');
  });

  it('reads three letters as an airport in upper or lower case, as a town when capitalised', () => {
    expect(resolve('DAX')).toMatchObject({ kind: 'airport', iata: 'DAX', countryCode: 'CN' });
    expect(resolve('dax').iata).toBe('DAX');
    expect(resolve('Dax')).toMatchObject({ kind: 'city', label: 'Dax, FR' });
  });

  it('flies from the airport a city uses; other modes keep the city', () => {
    // Alès (44.12, 4.08) → FNI ≈ 48 km, MPL ≈ 61 km, both medium: the nearer wins; XXU is unscheduled.
    expect(resolve('Alès, FR', 'plane')).toMatchObject({ kind: 'airport', iata: 'FNI', city: 'Nîmes', label: 'Nîmes-Arles-Camargue (FNI)' });
    // Paris: ORY ≈ 15 km and CDG ≈ 23 km, both large and both Paris's own: the nearer.
    expect(resolve('Paris, FR', 'plane').iata).toBe('ORY');
    expect(resolve('Paris, FR', 'car').kind).toBe('city');
    // An airport code stays the airport in every mode (a train to CDG).
    expect(resolve('CDG', 'train')).toMatchObject({ kind: 'airport', iata: 'CDG' });
  });

  it('finds the nearest airport across the antimeridian when nothing is within 200 km', () => {
    // Fidji Town (-17.7, 179.9) → SUV (-18.04, 178.56): 0.34° of latitude (38 km) and 1.34° of
    // longitude at cos 17.9° (142 km) ≈ 147 km, inside the 200 km search.
    expect(resolve('Fidji Town', 'plane').iata).toBe('SUV');
    // From longitude -179.99 the grid must wrap to the cells at +178; mid-Pacific falls back to a scan.
    expect(resolve({ lat: -17.7, lon: -179.99 }, 'plane').iata).toBe('SUV');
    expect(resolve({ lat: 0, lon: -150 }, 'plane').iata).toBe('SUV');
  });

  it('gives coordinates the country of the nearest city within 50 km, else none', () => {
    expect(resolve({ lat: 44.2, lon: 4.1 })).toEqual({ kind: 'coordinates', label: '44.2000, 4.1000', lat: 44.2, lon: 4.1, countryCode: 'FR' });
    expect(resolve({ lat: 0, lon: -30 }).countryCode).toBeNull();
  });

  it('hands out a remembered place frozen, so a caller cannot spoil the cache', () => {
    const first = resolve('Alès, FR');
    expect(() => {
      (first as { label: string }).label = 'changed';
    }).toThrow(TypeError);
    expect(resolve('Alès, FR').label).toBe('Alès, FR');
  });
});

describe('suggestions (fixture data)', () => {
  it('ranks exact before prefix and large before small; filters by kind and country', () => {
    expect(places.suggest('ale').map((p) => p.label)).toEqual(['Alès, FR', 'Ales, IT']);
    const paris = places.suggest('paris').map((p) => p.label);
    // Paris FR 1000 + 633 > CDG, ORY 1000 + 550 (municipality) > Paris TX 1000 + 439 > Paris TN 1000 + 401
    expect(paris).toEqual(['Paris, FR', 'Charles de Gaulle International (CDG)', 'Paris-Orly (ORY)', 'Paris, US', 'Paris, US']);
    expect(places.suggest('paris', { kind: 'airport' }).map((p) => p.iata)).toEqual(['CDG', 'ORY']);
    expect(places.suggest('paris, us').map((p) => p.population)).toEqual([24_782, 10_150]);
    expect(places.suggest('paris', { limit: 1 })).toHaveLength(1);
  });

  it('finds an airport by IATA code first, and by the prefix of its name', () => {
    expect(places.suggest('mpl')[0]).toMatchObject({ iata: 'MPL', score: 2400 });
    expect(places.suggest('montp').map((p) => p.iata)).toEqual(['MPL']);
    expect(places.suggest('bruxelles').map((p) => p.label)).toEqual(['Brussels, BE']);
    expect(places.suggest('zzzz')).toEqual([]);
    expect(places.suggest(' - ')).toEqual([]);
  });
});
