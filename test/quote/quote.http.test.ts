import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../src/config.ts';
import { testApp } from '../helpers/app.ts';
import { setCarbonPrice } from '../../src/carbon-prices/carbon-prices.repository.ts';

const { app, deps } = testApp();
const validLeg = { mode: 'train', distanceKm: 120 };
const huge = 'x'.repeat(300_000);

// Each payload is wrong in one way; the answer must be a 4xx naming the field, never a 5xx.
const malformed: Array<{ name: string; body: unknown; path?: string; status?: number }> = [
  { name: 'empty object', body: {}, path: 'legs' },
  { name: 'legs not an array', body: { legs: 'plane' }, path: 'legs' },
  { name: 'no legs', body: { legs: [] }, path: 'legs' },
  { name: '10 000 legs (over the body size limit)', body: { legs: Array.from({ length: 10_000 }, () => validLeg) }, status: 413 },
  { name: '51 legs (over the leg limit)', body: { legs: Array.from({ length: 51 }, () => validLeg) }, path: 'legs' },
  { name: 'unknown mode', body: { legs: [{ mode: 'rocket', distanceKm: 3 }] }, path: 'legs.0.mode' },
  { name: 'negative distance', body: { legs: [{ mode: 'train', distanceKm: -3 }] }, path: 'legs.0.distanceKm' },
  { name: 'zero distance', body: { legs: [{ mode: 'train', distanceKm: 0 }] }, path: 'legs.0.distanceKm' },
  { name: 'distance as a string', body: { legs: [{ mode: 'train', distanceKm: '120' }] }, path: 'legs.0.distanceKm' },
  { name: 'absurd distance', body: { legs: [{ mode: 'plane', distanceKm: 1e308 }] }, path: 'legs.0.distanceKm' },
  { name: 'travelers fractional', body: { legs: [{ ...validLeg, travelers: 1.5 }] }, path: 'legs.0.travelers' },
  { name: 'travelers zero', body: { legs: [{ ...validLeg, travelers: 0 }] }, path: 'legs.0.travelers' },
  { name: 'roundTrip as a string', body: { legs: [{ ...validLeg, roundTrip: 'yes' }] }, path: 'legs.0.roundTrip' },
  { name: 'no places and no distance', body: { legs: [{ mode: 'train' }] }, path: 'legs.0.from' },
  { name: 'visio without hours', body: { legs: [{ mode: 'visio' }] }, path: 'legs.0.hours' },
  { name: 'hybrid car', body: { legs: [{ mode: 'car', distanceKm: 10, fuel: 'hybrid' }] }, path: 'legs.0.fuel' },
  { name: 'unknown field', body: { legs: [{ ...validLeg, speed: 300 }] }, path: 'legs.0.speed' },
  { name: 'unknown top-level field', body: { legs: [validLeg], admin: true }, path: 'admin' },
  { name: 'negative fare', body: { legs: [{ ...validLeg, fareCents: -1 }] }, path: 'legs.0.fareCents' },
  { name: 'fractional fare', body: { legs: [{ ...validLeg, fareCents: 10.5 }] }, path: 'legs.0.fareCents' },
  { name: 'huge place string', body: { legs: [{ mode: 'train', from: 'x'.repeat(5000), to: 'Paris, FR' }] }, path: 'legs.0.from' },
  { name: 'latitude out of range', body: { legs: [{ mode: 'train', from: { lat: 95, lon: 0 }, to: 'Paris, FR' }] }, path: 'legs.0.from.lat' },
  { name: 'bad departAt', body: { departAt: 'tomorrow', returnAt: '2027-01-01T10:00:00+01:00', legs: [validLeg] }, path: 'departAt' },
  { name: 'return before departure', body: { departAt: '2027-01-02T10:00:00+01:00', returnAt: '2027-01-01T10:00:00+01:00', legs: [validLeg] }, path: 'returnAt' },
  { name: 'bad destination country', body: { destination: { country: 'France' }, legs: [validLeg] }, path: 'destination.country' },
  { name: 'horsepower on a train', body: { legs: [{ ...validLeg, fiscalHorsepower: 5 }] }, path: 'legs.0.mode' },
  { name: 'unknown place', body: { legs: [{ mode: 'train', from: 'Zzyzxqwv, FR', to: 'Paris, FR' }] }, path: 'legs.0.from' },
  { name: 'unknown factor set', body: { factorSet: 'nope', legs: [validLeg] }, status: 404 },
  { name: 'an array body', body: [validLeg], path: '(root)' },
  { name: 'prototype pollution keys', body: JSON.parse('{"legs":[{"mode":"train","distanceKm":5,"__proto__":{"admin":true}}]}'), path: 'legs.0.__proto__' },
];

describe('POST /api/quote', () => {
  it('answers a valid quote in the contract shape', async () => {
    const res = await request(app).post('/api/quote').send({ legs: [{ mode: 'plane', from: 'CDG', to: 'YUL', roundTrip: true, fareCents: 90_000 }, validLeg] }).expect(200);
    expect(res.body.legs).toHaveLength(2);
    expect(res.body.totals.co2eGrams).toBe(res.body.legs[0].co2eGrams + res.body.legs[1].co2eGrams);
    const b = res.body.totals.breakdown;
    expect(res.body.totals.costCents).toBe(b.faresCents + b.mileageCents + b.perDiemCents + b.offsetCents);
    expect(res.body.offset.required).toBe(true);
    expect(res.body.alternatives.map((a: { mode: string }) => a.mode)).toEqual(['train', 'visio']);
  });

  it.each(malformed)('refuses $name with a structured 4xx', async ({ body, path, status }) => {
    const res = await request(app).post('/api/quote').send(body as object);
    expect(res.status).toBe(status ?? 400);
    expect(typeof res.body.error.code).toBe('string');
    expect(typeof res.body.error.message).toBe('string');
    expect(Array.isArray(res.body.error.details)).toBe(true);
    if (path) expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('refuses a body over the size limit with 413', async () => {
    const res = await request(app).post('/api/quote').set('content-type', 'application/json').send(JSON.stringify({ legs: [{ mode: 'train', from: huge, to: 'x' }] }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload.too_large');
  });

  it('lists the candidates of an ambiguous place', async () => {
    const res = await request(app).post('/api/quote').send({ legs: [{ mode: 'train', from: 'Saint-Denis', to: 'Paris, FR' }] }).expect(400);
    expect(res.body.error.code).toBe('place.ambiguous');
    expect(res.body.error.details[0].path).toBe('legs.0.from');
    expect(res.body.error.details[0].candidates.length).toBeGreaterThan(1);
  });

  it('rate-limits per client when configured', async () => {
    const limited = testApp({ config: testConfig({ EMPREINTE_RATE_LIMIT: 2 }), database: deps.database }).app;
    await request(limited).post('/api/quote').send({ legs: [validLeg] }).expect(200);
    await request(limited).post('/api/quote').send({ legs: [validLeg] }).expect(200);
    const res = await request(limited).post('/api/quote').send({ legs: [validLeg] }).expect(429);
    expect(res.body.error.code).toBe('rate_limit.exceeded');
    expect(res.headers['retry-after']).toBeDefined();
  });
});

describe('no train to an island', () => {
  type Answer = { alternatives: Array<{ mode: string; available: boolean; reasonCode?: string; travelMinutes?: number }>; policy: Array<{ code: string }> };
  const flight = async (from: string, to: string): Promise<Answer> =>
    (await request(app).post('/api/quote').send({ legs: [{ mode: 'plane', from, to, roundTrip: true }] }).expect(200)).body as Answer;

  it('Marseille–Ajaccio: no rail alternative and no rail-threshold flag, where Marseille–Paris has both', async () => {
    const corsica = await flight('MRS', 'AJA');
    expect(corsica.alternatives.find((a) => a.mode === 'train')).toMatchObject({ available: false, reasonCode: 'no_rail_link' });
    expect(corsica.policy.map((f) => f.code)).not.toContain('flight.rail_under_threshold');
    const paris = await flight('MRS', 'ORY');
    expect(paris.alternatives.find((a) => a.mode === 'train')).toMatchObject({ available: true, travelMinutes: expect.any(Number) });
    expect(paris.policy.map((f) => f.code)).toContain('flight.rail_under_threshold');
  });

  it('Ajaccio–Bastia keeps the island’s own line', async () => {
    const island = await flight('AJA', 'BIA');
    expect(island.alternatives.find((a) => a.mode === 'train')).toMatchObject({ available: true });
  });
});

describe('the domestic-flight trial (EMPREINTE_POLICY_DOMESTIC_FLIGHTS_JUSTIFIED)', () => {
  it('flags Marseille–Ajaccio and Montpellier–Orly as needing a justification when on, not Paris–Montréal; nothing when off', async () => {
    const trial = testApp({}, testConfig({ EMPREINTE_POLICY_DOMESTIC_FLIGHTS_JUSTIFIED: true }));
    const answer = async (target: typeof app, from: string, to: string) =>
      (await request(target).post('/api/quote').send({ legs: [{ mode: 'plane', from, to }] }).expect(200)).body as { policy: Array<{ code: string }>; justificationRequired: boolean };
    const corsica = await answer(trial.app, 'MRS', 'AJA');
    expect(corsica.policy.map((f) => f.code)).toContain('flight.domestic');
    expect(corsica.justificationRequired).toBe(true);
    expect((await answer(trial.app, 'MPL', 'ORY')).policy.map((f) => f.code)).toContain('flight.domestic');
    expect((await answer(trial.app, 'CDG', 'YUL')).policy.map((f) => f.code)).not.toContain('flight.domestic');
    const usual = await answer(app, 'MRS', 'AJA');
    expect(usual.policy.map((f) => f.code)).not.toContain('flight.domestic');
    expect(usual.justificationRequired).toBe(false);
  });
});

describe('quote answer cache', () => {
  it('serves a request asked again from the cache with the same answer', async () => {
    const { app: fresh } = testApp();
    const trip = { departAt: '2027-03-10T07:00:00+01:00', returnAt: '2027-03-10T20:00:00+01:00', legs: [{ mode: 'plane', from: 'MPL', to: 'ORY' }] };
    const first = await request(fresh).post('/api/quote').send(trip).expect(200);
    const second = await request(fresh).post('/api/quote').send(trip).expect(200);
    const third = await request(fresh).post('/api/quote').send(trip).expect(200);
    // Admitted to the cache the second time it is asked (src/quote/quote-cache.ts).
    expect([first, second, third].map((res) => res.headers['x-quote-cache'])).toEqual(['miss', 'miss', 'hit']);
    expect(third.body).toEqual(first.body);
    for (const res of [first, third]) {
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
      // A POST answer is never revalidated: no ETag is hashed for it.
      expect(res.headers).not.toHaveProperty('etag');
    }
  });

  it('recomputes once a new carbon price is set for the year', async () => {
    const { app: fresh, deps: freshDeps } = testApp();
    const trip = { departAt: '2027-03-10T07:00:00+01:00', returnAt: '2027-03-10T20:00:00+01:00', legs: [{ mode: 'plane', distanceKm: 1000 }] };
    // 1 000 km medium haul: 1 000 × 187.6 g = 187 600 g; at 100 €/t: 18.76 € → 1 876 c.
    expect((await request(fresh).post('/api/quote').send(trip)).body.offset.amountCents).toBe(1876);
    await request(fresh).post('/api/quote').send(trip).expect(200); // admitted to the cache
    const cached = await request(fresh).post('/api/quote').send(trip).expect(200);
    expect(cached.headers['x-quote-cache']).toBe('hit');
    await setCarbonPrice(freshDeps.database.db, { year: 2027, pricePerTonneCents: 25_000, note: 'test' }, freshDeps.clock);
    // At 250 €/t: 0.1876 t × 250 € = 46.90 € → 4 690 c.
    const after = await request(fresh).post('/api/quote').send(trip).expect(200);
    expect(after.headers['x-quote-cache']).toBe('miss');
    expect(after.body.offset).toMatchObject({ pricePerTonneCents: 25_000, priceSource: 'admin', amountCents: 4690 });
  });
});
