import { describe, expect, it } from 'vitest';
import { defaultPolicyProfile, flightFlags, isBannedRoute, isBlocked, needsJustification } from '../../src/quote/policy.models.ts';
import { estimateRailFareCents, estimateRailMinutes, railReachable, visioHoursFor } from '../../src/quote/alternatives.models.ts';
import { computeQuote } from '../../src/quote/quote.usecases.ts';
import { quoteRequestSchema } from '../../src/quote/quote.schemas.ts';
import { testApp } from '../helpers/app.ts';

const profile = defaultPolicyProfile(240);
const codes = (flags: { code: string }[]) => flags.map((f) => f.code);

describe('policy flags of a flight', () => {
  it('blocks the routes closed by décret 2023-385, in both directions', () => {
    expect(isBannedRoute(profile, 'ORY', 'BOD')).toBe(true);
    expect(isBannedRoute(profile, 'LYS', 'ORY')).toBe(true);
    expect(isBannedRoute(profile, 'CDG', 'LYS')).toBe(false);
    const flags = flightFlags(profile, { legIndex: 0, fromIata: 'ORY', toIata: 'NTE', railAvailable: true, railMinutes: 130 });
    expect(codes(flags)).toContain('flight.banned_route');
    expect(isBlocked(flags)).toBe(true);
  });

  it('asks for a justification under the rail threshold, not above it', () => {
    const under = flightFlags(profile, { legIndex: 1, railAvailable: true, railMinutes: 239 });
    expect(needsJustification(under)).toBe(true);
    expect(under.find((f) => f.code === 'flight.rail_under_threshold')).toMatchObject({ legIndex: 1, severity: 'justification_required' });
    const over = flightFlags(profile, { legIndex: 1, railAvailable: true, railMinutes: 240 });
    expect(needsJustification(over)).toBe(false);
    expect(needsJustification(flightFlags(profile, { legIndex: 1, railAvailable: false }))).toBe(false);
  });

  it('asks for a justification of any cabin but economy', () => {
    expect(needsJustification(flightFlags(profile, { legIndex: 0, cabin: 'business', railAvailable: false }))).toBe(true);
    expect(needsJustification(flightFlags(profile, { legIndex: 0, cabin: 'economy', railAvailable: false }))).toBe(false);
  });

  it('during the domestic-flight trial, asks a justification for every flight within France, Corsica included, and for no other', () => {
    const trial = defaultPolicyProfile(240, true);
    const within = { legIndex: 0, fromCountry: 'FR', toCountry: 'FR', railAvailable: false };
    expect(flightFlags(trial, within).find((f) => f.code === 'flight.domestic')).toMatchObject({ legIndex: 0, severity: 'justification_required' });
    expect(needsJustification(flightFlags(trial, within))).toBe(true);
    expect(needsJustification(flightFlags(trial, { ...within, toCountry: 'CA' }))).toBe(false);
    // Off (the default): the same flight without a slow train needs no justification.
    expect(codes(flightFlags(profile, within))).not.toContain('flight.domestic');
    expect(needsJustification(flightFlags(profile, within))).toBe(false);
  });

  it('follows a configured threshold', () => {
    const strict = defaultPolicyProfile(360);
    expect(needsJustification(flightFlags(strict, { legIndex: 0, railAvailable: true, railMinutes: 300 }))).toBe(true);
  });

  it('writes every message in French', () => {
    for (const f of flightFlags(profile, { legIndex: 0, fromIata: 'ORY', toIata: 'NTE', cabin: 'first', railAvailable: true, railMinutes: 100 })) {
      expect(f.message).toMatch(/[a-zà-ÿ]/);
      expect(f.message).not.toMatch(/\bthe\b|\brequired\b/);
    }
  });
});

describe('alternative estimates', () => {
  it('estimates rail time from the rail distance and the train type', () => {
    // 460 km at 230 km/h = 2 h = 120 min, plus 10 min boarding = 130 min.
    expect(estimateRailMinutes(460, 'highspeed')).toBe(130);
    // 75 km at 75 km/h = 60 min + 10 = 70 min.
    expect(estimateRailMinutes(75, 'regional')).toBe(70);
  });

  it('estimates a fare per km, trip and traveller', () => {
    // 500 km × 12 c = 60 € per trip; 2 trips × 3 travellers = 360 € = 36 000 c.
    expect(estimateRailFareCents(500, 2, 3)).toBe(36_000);
  });

  it('knows rail does not cross an ocean, nor the sea to an island', () => {
    const paris = { lat: 48.857, lon: 2.352, countryCode: 'FR' };
    const montreal = { lat: 45.509, lon: -73.588, countryCode: 'CA' };
    const toronto = { lat: 43.651, lon: -79.347, countryCode: 'CA' };
    const london = { lat: 51.507, lon: -0.128, countryCode: 'GB' };
    const marseille = { lat: 43.297, lon: 5.381, countryCode: 'FR' };
    const ajaccio = { lat: 41.919, lon: 8.739, countryCode: 'FR' };
    const bastia = { lat: 42.703, lon: 9.451, countryCode: 'FR' };
    expect(railReachable(paris, montreal)).toBe(false);
    expect(railReachable(paris, london)).toBe(true);
    expect(railReachable(montreal, toronto)).toBe(true);
    expect(railReachable(null, paris)).toBe(false);
    expect(railReachable({ ...paris, countryCode: null }, paris)).toBe(false);
    // Same country, another landmass: no train; the island's own line: a train.
    expect(railReachable(marseille, ajaccio)).toBe(false);
    expect(railReachable(ajaccio, marseille)).toBe(false);
    expect(railReachable(ajaccio, bastia)).toBe(true);
  });

  it('sizes a visio on mission days', () => {
    expect(visioHoursFor(undefined)).toBe(7);
    expect(visioHoursFor(2.5)).toBe(18); // 2.5 × 7 = 17.5 → 18
    expect(visioHoursFor(0.05)).toBe(1);
  });
});

describe('policy inside a quote', () => {
  const { deps } = testApp();
  const quote = (body: unknown) => computeQuote(quoteRequestSchema.parse(body), deps.quote);

  it('flags Orly–Bordeaux as banned and shows the train beside it', () => {
    const q = quote({ legs: [{ mode: 'plane', from: 'ORY', to: 'BOD' }] });
    expect(q.blocked).toBe(true);
    const rail = q.alternatives.find((a) => a.mode === 'train');
    expect(rail).toMatchObject({ available: true, trainType: 'highspeed' });
  });

  it('requires a justification for Montpellier–Paris (rail under 4 h) but not for Montpellier–Montréal', () => {
    expect(quote({ legs: [{ mode: 'plane', from: 'MPL', to: 'ORY' }] }).justificationRequired).toBe(true);
    const transatlantic = quote({ legs: [{ mode: 'plane', from: 'MPL', to: 'YUL' }] });
    expect(transatlantic.justificationRequired).toBe(false);
    expect(transatlantic.alternatives.find((a) => a.mode === 'train')).toMatchObject({ available: false });
  });

  it('saves the flight emissions minus the alternative', () => {
    const q = quote({ legs: [{ mode: 'plane', from: 'MPL', to: 'ORY', roundTrip: true }] });
    const rail = q.alternatives.find((a) => a.mode === 'train');
    if (!rail?.available) throw new Error('rail should be available');
    expect(rail.savedCo2eGrams).toBe(q.legs[0]!.co2eGrams - rail.co2eGrams);
    expect(rail.co2eGrams).toBeLessThan(q.legs[0]!.co2eGrams / 10);
  });
});
