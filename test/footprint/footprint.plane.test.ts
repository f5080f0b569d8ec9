import { describe, expect, it } from 'vitest';
import { loadFactorRegistry } from '../../src/footprint/factors.loader.ts';
import { computeLegFootprint, type FootprintLegInput } from '../../src/footprint/footprint.models.ts';

const registry = loadFactorRegistry();
const A = registry.get('ademe-base-carbone-series-a');
const B = registry.get('impact-co2-2025-series-b');
const plane = (over: Partial<FootprintLegInput>): FootprintLegInput => ({ mode: 'plane', roundTrip: false, travelers: 1, contrails: true, ...over });

describe('plane, series A (default)', () => {
  it.each([
    // GCD, band, one-way km = GCD + 95, grams = km × factor g/pkm, rounded half up
    [999, 'plane.short.contrails', 1094, 282_908], // 1094 × 258.6 = 282 908.4
    [1000, 'plane.medium.contrails', 1095, 205_422], // 1095 × 187.6 = 205 422
    [3500, 'plane.medium.contrails', 3595, 674_422], // 3595 × 187.6 = 674 422
    [3500.01, 'plane.long.contrails', 3595, 546_440], // 3595.01 → 3595.0; × 152 = 546 440
    [3501, 'plane.long.contrails', 3596, 546_592], // 3596 × 152 = 546 592
  ])('GCD %s km → %s, %s km, %s g', (gcd, factorId, km, grams) => {
    const leg = computeLegFootprint(plane({ greatCircleKm: gcd }), A);
    expect(leg.factor.id).toBe(factorId);
    expect(leg.distanceKm).toBe(km);
    expect(leg.distanceMethod).toBe('great-circle+95km');
    expect(leg.co2eGrams).toBe(grams);
    expect(leg.contrailsIncluded).toBe(true);
  });

  it('leaves contrails out on request', () => {
    // 1094 × 141.6 = 154 910.4 → 154 910
    const leg = computeLegFootprint(plane({ greatCircleKm: 999, contrails: false }), A);
    expect(leg).toMatchObject({ co2eGrams: 154_910, contrailsIncluded: false });
    expect(leg.factor).toMatchObject({ id: 'plane.short.no-contrails', value: 0.1416, unit: 'kgCO2e/pkm', setId: A.id });
  });

  it('doubles a round trip and multiplies by travellers', () => {
    // (500 + 95) × 258.6 = 153 867 g one way, one person; × 2 trips × 3 travellers = 923 202
    const leg = computeLegFootprint(plane({ greatCircleKm: 500, roundTrip: true, travelers: 3 }), A);
    expect(leg).toMatchObject({ distanceKm: 595, trips: 2, travelers: 3, co2eGrams: 923_202 });
  });

  it('prices Paris–Montréal return', () => {
    // GCD 5 505.1476 + 95 = 5 600.1476 → 5 600.1 km; long haul 152 g; 5 600.1 × 2 × 152 = 1 702 430.4 → 1 702 430
    const leg = computeLegFootprint(plane({ greatCircleKm: 5505.147614, roundTrip: true }), A);
    expect(leg).toMatchObject({ distanceKm: 5600.1, co2eGrams: 1_702_430, factor: { id: 'plane.long.contrails' } });
  });

  it('uses a given distance as is, and chooses the band on it when no GCD is known', () => {
    // 1200 km given → medium band; 1200 × 187.6 = 225 120
    const leg = computeLegFootprint(plane({ givenDistanceKm: 1200 }), A);
    expect(leg).toMatchObject({ distanceKm: 1200, distanceMethod: 'given', co2eGrams: 225_120, factor: { id: 'plane.medium.contrails' } });
  });

  it('chooses the band on the raw GCD when both are known', () => {
    // GCD 900 → short band even though 1200 km are flown; 1200 × 258.6 = 310 320
    const leg = computeLegFootprint(plane({ givenDistanceKm: 1200, greatCircleKm: 900 }), A);
    expect(leg).toMatchObject({ distanceKm: 1200, distanceMethod: 'given', co2eGrams: 310_320, factor: { id: 'plane.short.contrails' } });
  });

  it('chooses the band on the raw GCD, not on GCD + 95 km', () => {
    // GCD 950 (+95 = 1045, which would be medium) stays short haul: 1045 × 258.6 = 270 237
    const leg = computeLegFootprint(plane({ greatCircleKm: 950 }), A);
    expect(leg).toMatchObject({ co2eGrams: 270_237, factor: { id: 'plane.short.contrails' } });
  });

  it('includes contrails unless contrails is exactly false', () => {
    const leg = computeLegFootprint(plane({ greatCircleKm: 500, contrails: undefined as unknown as boolean }), A);
    expect(leg.factor.id).toBe('plane.short.contrails');
  });

  it('shares one frozen provenance object between results', () => {
    const a = computeLegFootprint(plane({ greatCircleKm: 500 }), A);
    const b = computeLegFootprint(plane({ greatCircleKm: 600 }), A);
    expect(a.factor).toBe(b.factor);
    expect(Object.isFrozen(a.factor)).toBe(true);
  });
});

describe('plane, series B (Impact CO2 2025)', () => {
  it.each([
    [1000, 'plane.short.contrails', 245_937], // ≤ 1000 is short: 1095 × 224.6 = 245 937
    [1000.5, 'plane.medium.contrails', 202_339], // 1095.5 × 184.7 = 202 338.85 → 202 339
    [2000, 'plane.medium.contrails', 386_947], // ≤ 2000 still medium: 2095 × 184.7 = 386 946.5 → 386 947 (half up)
    [5000, 'plane.medium-long.contrails', 849_846], // 5095 × 166.8 = 849 846
    [5001, 'plane.long.contrails', 906_578], // 5096 × 177.9 = 906 578.4 → 906 578
  ])('GCD %s km → %s, %s g', (gcd, factorId, grams) => {
    const leg = computeLegFootprint(plane({ greatCircleKm: gcd }), B);
    expect(leg.factor.id).toBe(factorId);
    expect(leg.co2eGrams).toBe(grams);
  });

  it('leaves contrails out on request', () => {
    // 5096 × 97.9 = 498 898.4 → 498 898
    expect(computeLegFootprint(plane({ greatCircleKm: 5001, contrails: false }), B).co2eGrams).toBe(498_898);
  });

  it('rounds an exact half up even where the float product falls just below it', () => {
    // 11 712.5 × 2 × 7 × 184.7 = 30 286 182.5 exactly, but the double product is 30 286 182.499999996;
    // half up gives 30 286 183 (a bare floor(x + 0.5 + 1e-9) would give 30 286 182).
    const leg = computeLegFootprint(plane({ givenDistanceKm: 11_712.5, greatCircleKm: 1500, roundTrip: true, travelers: 7 }), B);
    expect(11_712.5 * 2 * 7 * 184.7).toBeLessThan(30_286_182.5);
    expect(leg.co2eGrams).toBe(30_286_183);
  });
});
