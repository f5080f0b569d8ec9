import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors.ts';
import { loadFactorRegistry } from '../../src/footprint/factors.loader.ts';
import { computeLegFootprint, inferTrainType, type FootprintLegInput } from '../../src/footprint/footprint.models.ts';

const registry = loadFactorRegistry();
const A = registry.get('ademe-base-carbone-series-a');
const B = registry.get('impact-co2-2025-series-b');
const leg = (over: Partial<FootprintLegInput>): FootprintLegInput => ({ mode: 'train', roundTrip: false, travelers: 1, contrails: true, ...over });

describe('train type inference', () => {
  it.each([
    // GCD × 1.2, rounded to 0.1 km, decides (under 200 km inside France: regional)
    [150, 180, 'regional', 'train.regional', 4986], // 180 × 27.7 = 4 986
    [166.6, 199.9, 'regional', 'train.regional', 5537], // 199.92 → 199.9; × 27.7 = 5 537.23
    [166.7, 200, 'highspeed', 'train.highspeed', 586], // 200.04 → 200.0; × 2.93 = 586
    [500, 600, 'highspeed', 'train.highspeed', 1758], // 600 × 2.93 = 1 758
  ])('inside France, GCD %s km → %s km, %s', (gcd, km, type, factorId, grams) => {
    const out = computeLegFootprint(leg({ greatCircleKm: gcd, fromCountry: 'FR', toCountry: 'FR' }), A);
    expect(out).toMatchObject({ distanceKm: km, distanceMethod: 'great-circle×1.2', trainType: type, trainTypeInferred: true, co2eGrams: grams });
    expect(out.factor.id).toBe(factorId);
  });

  it('prices a cross-border trip with the mean of the two countries', () => {
    // FR 4.81, DE 17.21 → 11.01 g/pkm; 500 × 1.2 = 600 km; 600 × 11.01 = 6 606
    const out = computeLegFootprint(leg({ greatCircleKm: 500, fromCountry: 'FR', toCountry: 'DE' }), A);
    expect(out).toMatchObject({ trainType: 'international', trainTypeInferred: true, distanceKm: 600, co2eGrams: 6606 });
    expect(out.factor).toMatchObject({ id: 'train.international.FR-DE', value: 11.01, unit: 'gCO2e/pkm', verified: true });
  });

  it('prices a trip abroad with that country, even a short one', () => {
    // DE → DE 100 km GCD: international (outside France); 120 × 17.21 = 2 065.2 → 2 065
    const out = computeLegFootprint(leg({ greatCircleKm: 100, fromCountry: 'DE', toCountry: 'DE' }), A);
    expect(out).toMatchObject({ trainType: 'international', co2eGrams: 2065, factor: { id: 'train.international.DE' } });
  });

  it('falls back to the European mean for an unlisted country, flagged unverified', () => {
    // PL is not listed: mean(FR 4.81, other 6.6044) = 5.7072; 1 000 × 1.2 = 1 200 km; 1 200 × 5.7072 = 6 848.64 → 6 849
    const out = computeLegFootprint(leg({ greatCircleKm: 1000, fromCountry: 'FR', toCountry: 'PL' }), A);
    expect(out.co2eGrams).toBe(6849);
    expect(out.factor).toMatchObject({ id: 'train.international.FR-other', value: 5.7072, verified: false });
  });

  it('assumes France when no country is known, and the known end when one is missing', () => {
    // given 300 km, no countries: highspeed, 300 × 2.93 = 879
    expect(computeLegFootprint(leg({ givenDistanceKm: 300 }), A)).toMatchObject({ trainType: 'highspeed', distanceMethod: 'given', co2eGrams: 879 });
    // FR → unknown, 100 km GCD → 120 km: regional, 120 × 27.7 = 3 324
    expect(computeLegFootprint(leg({ greatCircleKm: 100, fromCountry: 'FR', toCountry: null }), A)).toMatchObject({ trainType: 'regional', co2eGrams: 3324 });
    expect(inferTrainType(100, null, 'BE')).toBe('international');
  });

  it('keeps a type the traveller set', () => {
    // Intercités, 100 km GCD → 120 km; 120 × 7.5 = 900
    const out = computeLegFootprint(leg({ greatCircleKm: 100, fromCountry: 'FR', toCountry: 'FR', trainType: 'intercity' }), A);
    expect(out).toMatchObject({ trainType: 'intercity', trainTypeInferred: false, co2eGrams: 900 });
    // international set by hand inside France: FR intensity, given 100 km × 4.81 = 481
    expect(computeLegFootprint(leg({ givenDistanceKm: 100, fromCountry: 'FR', toCountry: 'FR', trainType: 'international' }), A).co2eGrams).toBe(481);
  });

  it('doubles a round trip and multiplies by travellers', () => {
    // 600 km × 2.93 = 1 758 g; × 2 trips × 2 travellers = 7 032
    expect(computeLegFootprint(leg({ greatCircleKm: 500, fromCountry: 'FR', toCountry: 'FR', roundTrip: true, travelers: 2 }), A).co2eGrams).toBe(7032);
  });

  it('rounds an exact half gram up', () => {
    // 50 km TGV: 50 × 2.93 = 146.5 → 147 (banker's rounding would give 146)
    expect(computeLegFootprint(leg({ givenDistanceKm: 50, trainType: 'highspeed' }), A).co2eGrams).toBe(147);
  });
});

describe('car', () => {
  const car = (over: Partial<FootprintLegInput>) => leg({ mode: 'car', ...over });

  it('counts a shared car once', () => {
    // 42 km × 217.6 g/vkm = 9 139.2 → 9 139, whether 1 or 4 people sit in it
    const alone = computeLegFootprint(car({ givenDistanceKm: 42, fuel: 'thermal' }), A);
    const shared = computeLegFootprint(car({ givenDistanceKm: 42, fuel: 'thermal', travelers: 4 }), A);
    expect(alone.co2eGrams).toBe(9139);
    expect(shared).toMatchObject({ co2eGrams: 9139, travelers: 4, factor: { id: 'car.thermal', unit: 'kgCO2e/vkm' } });
  });

  it('corrects a GCD by 1.3 and doubles a round trip', () => {
    // 100 × 1.3 = 130 km; electric 130 × 103.4 = 13 442; return 26 884
    expect(computeLegFootprint(car({ greatCircleKm: 100, fuel: 'electric', roundTrip: true }), A)).toMatchObject({ distanceKm: 130, distanceMethod: 'great-circle×1.3', co2eGrams: 26_884 });
  });

  it('defaults to thermal and uses the 2025 model in series B', () => {
    // A: 42 × 217.6 = 9 139.2 → 9 139; B: 42 × 142.3 = 5 976.6 → 5 977
    expect(computeLegFootprint(car({ givenDistanceKm: 42 }), A).factor.id).toBe('car.thermal');
    expect(computeLegFootprint(car({ givenDistanceKm: 42 }), B).co2eGrams).toBe(5977);
  });

  it('refuses a hybrid car, naming the field', () => {
    const input = car({ givenDistanceKm: 42, fuel: 'hybrid' as never });
    expect(() => computeLegFootprint(input, A, { path: 'legs.2' })).toThrow(AppError);
    try {
      computeLegFootprint(input, A, { path: 'legs.2' });
    } catch (err) {
      expect(err).toMatchObject({ code: 'validation.invalid', status: 400, details: [{ path: 'legs.2.fuel' }] });
      expect((err as AppError).message).toMatch(/hybrid/);
    }
  });
});

describe('other ground modes (series A)', () => {
  it.each([
    // mode, kind, GCD, one-way km, method, grams (km × g/pkm)
    ['transit', 'metro', 10, 17, 'great-circle×1.7', 75], // 17 × 4.44 = 75.48
    ['transit', 'tram', 10, 15, 'great-circle×1.5', 64], // 15 × 4.28 = 64.2
    ['transit', 'rer', 10, 12, 'great-circle×1.2', 117], // 12 × 9.78 = 117.36
    ['transit', undefined, 10, 15, 'great-circle×1.5', 1836], // default urban bus: 15 × 122.4 = 1 836
    ['bus', undefined, 100, 150, 'great-circle×1.5', 5640], // coach: 150 × 37.6 = 5 640
    ['ferry', undefined, 100, 100, 'great-circle×1', 2295], // 100 × 22.95 = 2 295
    ['bike', undefined, 10, 13, 'great-circle×1.3', 0],
    ['walk', undefined, 10, 13, 'great-circle×1.3', 0],
  ] as const)('%s %s, GCD %s km → %s km (%s), %s g', (mode, transitKind, gcd, km, method, grams) => {
    const out = computeLegFootprint(leg({ mode, transitKind, greatCircleKm: gcd }), A);
    expect(out).toMatchObject({ distanceKm: km, distanceMethod: method, co2eGrams: grams, trips: 1 });
    expect(out.trainType).toBeUndefined();
  });

  it('credits the ferry factor to DESNZ', () => {
    const out = computeLegFootprint(leg({ mode: 'ferry', givenDistanceKm: 10 }), A);
    expect(out.factor.source).toMatch(/DESNZ/);
    expect(out.factor.version).toMatch(/2025/);
  });
});

describe('visio', () => {
  const visio = (over: Partial<FootprintLegInput>) => leg({ mode: 'visio', ...over });

  it('multiplies hours by participants, with no distance and one trip', () => {
    // 2 h × 3 participants × 57.1 g/h = 342.6 → 343; roundTrip is ignored
    const out = computeLegFootprint(visio({ hours: 2, travelers: 3, roundTrip: true }), A);
    expect(out).toMatchObject({ distanceKm: 0, distanceMethod: 'none', trips: 1, travelers: 3, co2eGrams: 343, factor: { id: 'visio.hour', unit: 'kgCO2e/h' } });
  });

  it.each([undefined, 0, -1, Number.NaN])('refuses hours = %s', (hours) => {
    expect(() => computeLegFootprint(visio({ hours }), A, { path: 'legs.4' })).toThrow(
      expect.objectContaining({ code: 'validation.invalid', details: [expect.objectContaining({ path: 'legs.4.hours' })] }),
    );
  });
});

describe('invalid input', () => {
  const failure = (input: FootprintLegInput, path?: string) => {
    try {
      computeLegFootprint(input, A, path === undefined ? undefined : { path });
    } catch (err) {
      return err as AppError;
    }
    throw new Error('expected a failure');
  };

  it('needs a distance or two places, naming the field under the given prefix', () => {
    expect(failure(leg({ mode: 'plane' }), 'legs.2')).toMatchObject({ code: 'validation.invalid', status: 400, details: [{ path: 'legs.2.distanceKm' }] });
    expect(failure(leg({ mode: 'car' })).details[0]!.path).toBe('distanceKm');
  });

  it.each([
    [{ travelers: 0 }, 'travelers'],
    [{ travelers: 1.5 }, 'travelers'],
    [{ givenDistanceKm: -1 }, 'distanceKm'],
    [{ givenDistanceKm: Number.NaN }, 'distanceKm'],
    [{ greatCircleKm: 30_000 }, 'greatCircleKm'],
    [{ greatCircleKm: 10, trainType: 'maglev' as never }, 'trainType'],
    [{ mode: 'transit' as const, greatCircleKm: 10, transitKind: 'funicular' as never }, 'transitKind'],
    [{ mode: 'rocket' as never, greatCircleKm: 10 }, 'mode'],
  ])('refuses %o at %s', (over, field) => {
    expect(failure(leg({ greatCircleKm: 10, ...over }), 'legs.0').details[0]!.path).toBe(`legs.0.${field}`);
  });
});
