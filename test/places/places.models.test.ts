import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors.ts';
import { thrownAppError } from '../helpers/errors.ts';
import {
  chooseAirport, cityWeight, clampLimit, haversineKm, nameKey, nameWords, parsePlaceInput, pickDominant, type NearbyAirport,
} from '../../src/places/places.models.ts';

const countries: Record<string, string> = { fr: 'FR', france: 'FR', ca: 'CA', us: 'US' };
const countryOf = (text: string) => countries[nameKey(text)] ?? null;
const parse = (input: Parameters<typeof parsePlaceInput>[0]) => parsePlaceInput(input, 'legs.0.from', countryOf);



describe('name normalisation', () => {
  it('ignores case and accents', () => {
    expect(nameKey('ales')).toBe(nameKey('Alès'));
    expect(nameKey('montreal')).toBe(nameKey('Montréal'));
    expect(nameKey('NÎMES')).toBe('nimes');
  });

  it('ignores hyphens, apostrophes and spaces, and reads St/Ste as Saint/Sainte', () => {
    expect(nameKey("Villeneuve-d'Ascq")).toBe(nameKey('villeneuve d ascq'));
    expect(nameKey('Villeneuve-d’Ascq')).toBe('villeneuvedascq');
    expect(nameKey('St-Étienne')).toBe(nameKey('Saint Etienne'));
    expect(nameKey('Ste-Foy')).toBe(nameKey('Sainte Foy'));
  });

  it('folds letters that Unicode does not decompose', () => {
    expect(nameWords('Ålesund Straße Œuvre Łódź')).toEqual(['alesund', 'strasse', 'oeuvre', 'lodz']);
  });

  it('keeps different names apart', () => {
    expect(nameKey('Alès')).not.toBe(nameKey('Arles'));
    expect(nameKey('Saint-Denis')).not.toBe(nameKey('Denis'));
  });
});

describe('parsing a place input', () => {
  it('reads a three-letter code in either case as IATA; a capitalised word may be a town', () => {
    expect(parse('MPL')).toMatchObject({ kind: 'iata', code: 'MPL', cityFirst: false });
    expect(parse(' cdg ')).toMatchObject({ kind: 'iata', code: 'CDG', cityFirst: false });
    expect(parse('Dax')).toMatchObject({ kind: 'iata', code: 'DAX', cityName: 'Dax', cityFirst: true });
  });

  it('reads a suggestion label ending with the code in brackets', () => {
    expect(parse('Montpellier-Méditerranée (MPL)')).toMatchObject({ kind: 'iata', code: 'MPL', cityName: null });
  });

  it('reads "City, CC", "City, country name" and "City, admin, CC"', () => {
    expect(parse('Alès, FR')).toEqual({ kind: 'city', name: 'Alès', key: 'ales', country: 'FR', countryText: 'FR', admin: null });
    expect(parse('ales, fr')).toMatchObject({ key: 'ales', country: 'FR' });
    expect(parse('Alès, France')).toMatchObject({ key: 'ales', country: 'FR' });
    expect(parse('Paris, TX, US')).toMatchObject({ key: 'paris', country: 'US', admin: 'TX' });
    expect(parse('Paris')).toMatchObject({ key: 'paris', country: null, countryText: null });
  });

  it('keeps an unrecognised country as text so the resolver can name it', () => {
    expect(parse('Alès, Texas')).toMatchObject({ country: null, countryText: 'Texas' });
  });

  it('reads coordinates as an object or as "lat, lon" text', () => {
    expect(parse({ lat: 43.61, lon: 3.87 })).toEqual({ kind: 'coordinates', lat: 43.61, lon: 3.87 });
    expect(parse('43.61, 3.87')).toEqual({ kind: 'coordinates', lat: 43.61, lon: 3.87 });
    expect(parse({ lat: -90, lon: 180 })).toEqual({ kind: 'coordinates', lat: -90, lon: 180 });
  });

  it('refuses coordinates out of range or not numbers, naming the field', async () => {
    const lat = await thrownAppError(() => parse({ lat: 91, lon: 0 }));
    expect(lat.code).toBe('validation.invalid');
    expect(lat.status).toBe(400);
    expect(lat.details[0]?.path).toBe('legs.0.from.lat');
    expect((await thrownAppError(() => parse({ lat: 0, lon: -180.5 }))).details[0]?.path).toBe('legs.0.from.lon');
    expect((await thrownAppError(() => parse({ lat: Number.NaN, lon: 0 }))).details[0]?.path).toBe('legs.0.from.lat');
    expect((await thrownAppError(() => parse({ lat: '4' as unknown as number, lon: 0 }))).code).toBe('validation.invalid');
    expect((await thrownAppError(() => parse('95, 3'))).details[0]?.path).toBe('legs.0.from.lat');
  });

  it('refuses an empty or overlong text and anything else', async () => {
    expect((await thrownAppError(() => parse('   '))).details[0]?.path).toBe('legs.0.from');
    expect((await thrownAppError(() => parse('x'.repeat(201)))).code).toBe('validation.invalid');
    expect((await thrownAppError(() => parse(42 as unknown as string))).code).toBe('validation.invalid');
    expect((await thrownAppError(() => parse(null as unknown as string))).code).toBe('validation.invalid');
  });
});

describe('ranking rules', () => {
  it('picks a lone candidate, or one ten times larger than the next', () => {
    expect(pickDominant([{ population: 5 }], 10)).toEqual({ population: 5 });
    // 2 138 551 ≥ 10 × 24 782 = 247 820: Paris, France dominates.
    expect(pickDominant([{ population: 2_138_551 }, { population: 24_782 }], 10)?.population).toBe(2_138_551);
    // 10 × 10 150 = 101 500 > 24 782: Paris TX does not dominate Paris TN.
    expect(pickDominant([{ population: 24_782 }, { population: 10_150 }], 10)).toBeNull();
    // exactly 10 times: enough.
    expect(pickDominant([{ population: 1000 }, { population: 100 }], 10)?.population).toBe(1000);
    expect(pickDominant([{ population: 0 }, { population: 0 }], 10)).toBeNull();
    expect(pickDominant([], 10)).toBeNull();
  });

  it('prefers a large airport that is the city own, then the smallest effective distance', () => {
    const n = (id: string, size: 'large' | 'medium', servesCity: boolean, distanceKm: number): NearbyAirport<string> => ({ airport: id, size, servesCity, distanceKm });
    // London: LCY (own, medium, 10 km) loses to LHR (own, large, 23 km).
    expect(chooseAirport([n('LCY', 'medium', true, 10), n('LHR', 'large', true, 23)])?.airport).toBe('LHR');
    // Brussels: CRL names Brussels but 46 × 0.5 = 23 > BRU's 12 × 0.5 = 6.
    expect(chooseAirport([n('CRL', 'medium', true, 46), n('BRU', 'large', false, 12)])?.airport).toBe('BRU');
    // Lille area: LIL 8 km medium (8) beats BRU 95 km large (47.5).
    expect(chooseAirport([n('BRU', 'large', false, 95), n('LIL', 'medium', false, 8)])?.airport).toBe('LIL');
    // A large airport 90 km away (45) beats a medium one 50 km away (50).
    expect(chooseAirport([n('MED', 'medium', false, 50), n('BIG', 'large', false, 90)])?.airport).toBe('BIG');
    expect(chooseAirport([])).toBeNull();
  });

  it('weighs cities by the logarithm of their population and clamps limits', () => {
    // 100 × log10(42 411) = 462.75 → 463
    expect(cityWeight(42_410)).toBe(463);
    expect(cityWeight(0)).toBe(0);
    expect(clampLimit(undefined)).toBe(10);
    expect(clampLimit(99)).toBe(25);
    expect(clampLimit(0)).toBe(1);
  });

  it('measures great-circle distances', () => {
    // One degree of a great circle: 2π × 6371 / 360 = 111.195 km
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.195, 2);
    expect(haversineKm({ lat: 10, lon: 179.5 }, { lat: 10, lon: -179.5 })).toBeCloseTo(111.195 * Math.cos((10 * Math.PI) / 180), 0);
  });
});
