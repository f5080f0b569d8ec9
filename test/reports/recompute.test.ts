import { describe, expect, it } from 'vitest';
import { computeQuote } from '../../src/quote/quote.usecases.ts';
import { quoteRequestSchema } from '../../src/quote/quote.schemas.ts';
import { recomputeYear } from '../../src/reports/recompute.usecases.ts';
import { createUser } from '../helpers/auth.ts';
import { createEntity } from '../helpers/org.ts';
import { reportDeps, runImport } from './support.ts';
import { seedMission } from './seed.ts';
import { select } from '../helpers/sql.ts';

// A mission saved as the missions capability saves it (request, quote, legs), then recomputed under
// series B. Recorded with series A (see test/quote/golden.test.ts for the distances):
//   plane MPL–YUL round trip: 6 006.0 × 2 × 152 = 1 825 824 g  → series B (> 5 000 km on the raw GCD,
//     177.9 g): 6 006.0 × 2 × 177.9 = 2 136 934.8 → 2 136 935 g
//   car Nîmes–Lyon, 3 in a thermal car: 281.2 × 217.6 = 61 189.1 → 61 189 g → B 142.3 g: 40 014.8 → 40 015 g
//   train Alès–Paris round trip, TGV 2.93 g in both sets: 650.7 × 2 × 2.93 = 3 813.1 → 3 813 g
//   visio 3 h × 4 people × 57.1 g in both sets = 685.2 → 685 g
const trip = {
  departAt: '2026-04-01T07:00:00+02:00',
  returnAt: '2026-04-05T21:00:00+02:00',
  destination: { country: 'CA', city: 'Montréal' },
  legs: [
    { mode: 'plane', from: 'MPL', to: 'YUL', roundTrip: true },
    { mode: 'car', from: 'Nîmes, FR', to: 'Lyon, FR', fuel: 'thermal', passengers: 3 },
    { mode: 'train', from: 'Alès, FR', to: 'Paris, FR', roundTrip: true },
    { mode: 'visio', hours: 3, travelers: 4 },
  ],
};

describe('recompute a year under another factor set', () => {
  it('recomputes saved missions leg by leg from their quotes, and imported rows from their columns, storing nothing', async () => {
    const deps = await reportDeps();
    const entity = await createEntity(deps.database);
    const user = await createUser(deps.database, { entityId: entity.id });
    const request = quoteRequestSchema.parse(trip);
    const quote = computeQuote(request, deps.quote);
    expect(quote.legs.map((l) => l.co2eGrams)).toEqual([1_825_824, 61_189, 3813, 685]);
    await seedMission(deps, {
      travellerId: user.id, entityId: entity.id, purpose: 'conference', departAt: '2026-04-01T05:00:00.000Z', destinationCountry: 'CA',
      legs: quote.legs.map((l) => ({ mode: l.mode, trips: l.trips, travelers: l.travelers, co2eGrams: l.co2eGrams, fromCountry: l.from?.countryCode, toCountry: l.to?.countryCode })),
      requestJson: JSON.stringify(request), quoteJson: JSON.stringify(quote),
    });
    // A mission whose saved quote cannot be read again keeps its recorded 50 000 g (counted as skipped).
    await seedMission(deps, { travellerId: user.id, entityId: entity.id, purpose: 'meeting', departAt: '2026-05-01T05:00:00.000Z', destinationCountry: 'FR', legs: [{ mode: 'plane', trips: 1, travelers: 1, co2eGrams: 50_000 }], quoteJson: 'not json' });
    // An imported car row of 2026 shared by 2 (GES 1point5 style): A 100 × 217.6 / 2 = 10 880 g; B 100 × 142.3 / 2 = 7 115 g.
    await runImport(deps, 'date;mode;distance_km;car_people\n2026-06-01;voiture;100;2\n');

    const before = (await select(deps.database, 'SELECT (SELECT sum(co2e_grams) FROM mission_legs) AS legs, (SELECT sum(co2e_grams) FROM historical_trips) AS imported'))[0];
    const result = await recomputeYear(deps, 2026, 'impact-co2-2025-series-b');
    expect(result.rows).toEqual([
      // plane 1 825 824 + 50 000 = 1 875 824 recorded; 2 136 935 + 50 000 (skipped, kept) = 2 186 935.
      { mode: 'plane', recordedGrams: 1_875_824, recomputedGrams: 2_186_935, differenceGrams: 311_111 },
      { mode: 'train', recordedGrams: 3813, recomputedGrams: 3813, differenceGrams: 0 },
      // car 61 189 + 10 880 = 72 069 recorded; 40 015 + 7 115 = 47 130.
      { mode: 'car', recordedGrams: 72_069, recomputedGrams: 47_130, differenceGrams: -24_939 },
      { mode: 'visio', recordedGrams: 685, recomputedGrams: 685, differenceGrams: 0 },
    ]);
    expect(result).toMatchObject({ missions: 2, importedRows: 1, skippedLegs: 1, totals: { recordedGrams: 1_952_391, recomputedGrams: 2_238_563, differenceGrams: 286_172 } });
    expect(result.recordedSets).toEqual([{ id: 'ademe-base-carbone-series-a', version: '2026.2' }]);
    // Under the set it was recorded with, a year recomputes to itself (but the unreadable leg).
    const same = await recomputeYear(deps, 2026, 'ademe-base-carbone-series-a');
    expect(same.rows.every((r) => r.differenceGrams === 0)).toBe(true);
    expect((await select(deps.database, 'SELECT (SELECT sum(co2e_grams) FROM mission_legs) AS legs, (SELECT sum(co2e_grams) FROM historical_trips) AS imported'))[0]).toEqual(before);
  });

  it('refuses an unknown factor set', async () => {
    await expect(recomputeYear(await reportDeps(), 2026, 'nope')).rejects.toThrow(/Unknown factor set/);
  });
});
