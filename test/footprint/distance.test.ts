import { describe, expect, it } from 'vitest';
import { correctedDistanceKm, distanceRuleFor, distanceRules, EARTH_RADIUS_KM, haversineKm, roundKm } from '../../src/footprint/distance.models.ts';

describe('haversineKm', () => {
  it('gives a quarter of the equator from (0, 0) to (0, 90)', () => {
    // π/2 × 6371.0088 = 1.5707963 × 6371.0088 = 10 007.557 km
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 90 })).toBeCloseTo(10_007.557, 2);
  });

  it('gives R × π / 180 for one degree of latitude', () => {
    // 6371.0088 × 0.01745329 = 111.195 km
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(111.195, 3);
  });

  it('gives half the circumference between antipodes (the guard keeps asin in range)', () => {
    // π × 6371.0088 = 20 015.114 km
    expect(haversineKm({ lat: 10, lon: 20 }, { lat: -10, lon: -160 })).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 3);
  });

  it('gives Paris–Montréal ≈ 5 505 km', () => {
    // Paris 48.8566 N 2.3522 E, Montréal 45.5017 N 73.5673 W.
    // Δφ = −3.3549° = −0.058554 rad, Δλ = −75.9195° = −1.325045 rad
    // sin²(Δφ/2) = 0.00085690; cos φ1 = 0.657946; cos φ2 = 0.700888; sin²(Δλ/2) = 0.378358
    // a = 0.00085690 + 0.657946 × 0.700888 × 0.378358 = 0.00085690 + 0.174478 = 0.175335
    // d = 2R asin(√a) = 2 × 6371.0088 × asin(0.418730) = 12 742.018 × 0.432047 = 5 505.15 km
    expect(haversineKm({ lat: 48.8566, lon: 2.3522 }, { lat: 45.5017, lon: -73.5673 })).toBeCloseTo(5505.15, 1);
  });

  it('is symmetric and zero for the same place', () => {
    const paris = { lat: 48.8566, lon: 2.3522 };
    const london = { lat: 51.5074, lon: -0.1278 };
    expect(haversineKm(paris, paris)).toBe(0);
    expect(haversineKm(paris, london)).toBeCloseTo(haversineKm(london, paris), 9);
    expect(haversineKm(paris, london)).toBeCloseTo(343.56, 1); // the well-known ≈ 344 km
  });
});

describe('distance corrections (GES 1point5)', () => {
  it('adds 95 km for a plane and multiplies the other modes', () => {
    expect(correctedDistanceKm(1000, distanceRules.plane)).toBe(1095);
    expect(correctedDistanceKm(100, distanceRules.train)).toBe(120);
    expect(correctedDistanceKm(100, distanceRules.car)).toBe(130);
    expect(correctedDistanceKm(100, distanceRules.bus)).toBe(150);
    expect(correctedDistanceKm(100, distanceRules.ferry)).toBe(100);
    expect(correctedDistanceKm(100, distanceRules.bike)).toBe(130);
    expect(correctedDistanceKm(100, distanceRules.walk)).toBe(130);
    expect(correctedDistanceKm(100, distanceRuleFor('transit', 'rer'))).toBe(120);
    expect(correctedDistanceKm(100, distanceRuleFor('transit', 'tram'))).toBe(150);
    expect(correctedDistanceKm(100, distanceRuleFor('transit', 'bus'))).toBe(150);
    expect(correctedDistanceKm(100, distanceRuleFor('transit', 'metro'))).toBe(170);
  });

  it('names each method with a stable string', () => {
    expect(distanceRules.plane.method).toBe('great-circle+95km');
    expect(distanceRules.train.method).toBe('great-circle×1.2');
    expect(distanceRules.car.method).toBe('great-circle×1.3');
    expect(distanceRules.bus.method).toBe('great-circle×1.5');
    expect(distanceRules.transit.metro.method).toBe('great-circle×1.7');
    expect(distanceRules.ferry.method).toBe('great-circle×1');
  });

  it('rounds half up to 0.1 km, immune to binary noise', () => {
    // 166.6 × 1.2 = 199.92 → 199.9; 0.05 → 0.1; 1.2 × 100 = 120.00000000000001 → 120
    expect(correctedDistanceKm(166.6, distanceRules.train)).toBe(199.9);
    expect(roundKm(0.05)).toBe(0.1);
    expect(roundKm(1.2 * 100)).toBe(120);
    expect(roundKm(5505.147614 + 95)).toBe(5600.1);
  });
});
