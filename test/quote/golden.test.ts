import { describe, expect, it } from 'vitest';
import { computeQuote } from '../../src/quote/quote.usecases.ts';
import { quoteRequestSchema } from '../../src/quote/quote.schemas.ts';
import { testApp } from '../helpers/app.ts';

// Real trips priced by hand from the reference factors (ADEME series A, contrails included unless said).
// Great-circle distances are the haversine (R = 6371.0088 km) of the data sets' coordinates, worked
// out separately; corrected distances are rounded half up to 0.1 km before the factor is applied.
const { deps } = testApp();
const quote = (body: unknown) => computeQuote(quoteRequestSchema.parse(body), deps.quote);

type Golden = { name: string; body: unknown; distanceKm: number; co2eGrams: number; factorValue: number; unit: string };

const goldens: Golden[] = [
  // Alès (44.12489, 4.08082) – Paris (48.85341, 2.3488): GCD 542.21 km × 1.2 = 650.65 → 650.7 km,
  // ≥ 200 km inside France → TGV 2.93 g/pkm; round trip: 650.7 × 2 × 2.93 = 3 813.1 → 3 813 g.
  { name: 'Alès–Paris by TGV, round trip', body: { legs: [{ mode: 'train', from: 'Alès, FR', to: 'Paris, FR', roundTrip: true }] }, distanceKm: 650.7, co2eGrams: 3813, factorValue: 0.00293, unit: 'kgCO2e/pkm' },
  // MPL – YUL: GCD 5 910.95 km + 95 = 6 005.95 → 6 006.0 km, long haul > 3 500 km with contrails 152 g/pkm;
  // 6 006 × 2 × 152 = 1 825 824 g.
  { name: 'Montpellier–Montréal by plane, round trip', body: { legs: [{ mode: 'plane', from: 'MPL', to: 'YUL', roundTrip: true }] }, distanceKm: 6006, co2eGrams: 1_825_824, factorValue: 0.152, unit: 'kgCO2e/pkm' },
  // Nîmes – Lyon: GCD 216.34 km × 1.3 = 281.24 → 281.2 km; thermal car 217.6 g per vehicle-km, counted once
  // for the three people in it: 281.2 × 217.6 = 61 189.1 → 61 189 g.
  { name: 'Nîmes–Lyon by car, three in the car', body: { legs: [{ mode: 'car', from: 'Nîmes, FR', to: 'Lyon, FR', fuel: 'thermal', fiscalHorsepower: 6, passengers: 3 }] }, distanceKm: 281.2, co2eGrams: 61_189, factorValue: 0.2176, unit: 'kgCO2e/vkm' },
  // Paris – Brussels: GCD 264.31 km × 1.2 = 317.17 → 317.2 km; cross-border: mean of FR 4.81 and BE 3.13
  // = 3.97 g/pkm; 317.2 × 3.97 = 1 259.3 → 1 259 g.
  { name: 'Paris–Brussels by train', body: { legs: [{ mode: 'train', from: 'Paris, FR', to: 'Bruxelles, BE' }] }, distanceKm: 317.2, co2eGrams: 1259, factorValue: 3.97, unit: 'gCO2e/pkm' },
  // A 3 h visio with 4 participants: 3 × 4 × 57.1 g = 685.2 → 685 g.
  { name: 'A visio of 3 h for 4 people', body: { legs: [{ mode: 'visio', hours: 3, travelers: 4 }] }, distanceKm: 0, co2eGrams: 685, factorValue: 0.0571, unit: 'kgCO2e/h' },
  // Marseille – Ajaccio: GCD 314.55 km × 1 → 314.5 km (314.547 rounded); DESNZ foot passenger 18.71 + WTT 4.24
  // = 22.95 g/pkm; 314.5 × 22.95 = 7 217.8 → 7 218 g.
  { name: 'Marseille–Ajaccio by ferry', body: { legs: [{ mode: 'ferry', from: 'Marseille, FR', to: 'Ajaccio, FR' }] }, distanceKm: 314.5, co2eGrams: 7218, factorValue: 0.02295, unit: 'kgCO2e/pkm' },
  // CDG – BCN without contrails: GCD 858.74 km (< 1 000: short haul, band on the raw distance) + 95 = 953.7 km;
  // 141.6 g/pkm: 953.7 × 141.6 = 135 043.9 → 135 044 g.
  { name: 'Paris CDG–Barcelona without contrails', body: { legs: [{ mode: 'plane', from: 'CDG', to: 'BCN', contrails: false }] }, distanceKm: 953.7, co2eGrams: 135_044, factorValue: 0.1416, unit: 'kgCO2e/pkm' },
  // A 300 km coach trip (given distance used as is): 300 × 37.6 = 11 280 g.
  { name: 'Coach, 300 km given', body: { legs: [{ mode: 'bus', distanceKm: 300 }] }, distanceKm: 300, co2eGrams: 11_280, factorValue: 0.0376, unit: 'kgCO2e/pkm' },
  // 10 km of metro: 10 × 4.44 = 44.4 → 44 g.
  { name: 'Metro, 10 km', body: { legs: [{ mode: 'transit', transitKind: 'metro', distanceKm: 10 }] }, distanceKm: 10, co2eGrams: 44, factorValue: 0.00444, unit: 'kgCO2e/pkm' },
  // Electric car 100 km: 100 × 103.4 = 10 340 g.
  { name: 'Electric car, 100 km', body: { legs: [{ mode: 'car', fuel: 'electric', distanceKm: 100 }] }, distanceKm: 100, co2eGrams: 10_340, factorValue: 0.1034, unit: 'kgCO2e/vkm' },
  // TER 50 km, 3 travellers, round trip: 50 × 27.7 × 3 × 2 = 8 310 g.
  { name: 'TER 50 km, three travellers, round trip', body: { legs: [{ mode: 'train', trainType: 'regional', distanceKm: 50, travelers: 3, roundTrip: true }] }, distanceKm: 50, co2eGrams: 8310, factorValue: 0.0277, unit: 'kgCO2e/pkm' },
  // A bike ride emits nothing by convention (Impact CO2 lists it at 0).
  { name: 'Bike, 12 km', body: { legs: [{ mode: 'bike', distanceKm: 12 }] }, distanceKm: 12, co2eGrams: 0, factorValue: 0, unit: 'kgCO2e/pkm' },
  // Given 6 000 km flight (band read on the given distance: long haul), 3 travellers, round trip:
  // 6 000 × 152 × 3 × 2 = 5 472 000 g.
  { name: 'Long-haul flight given 6 000 km, three travellers, round trip', body: { legs: [{ mode: 'plane', distanceKm: 6000, travelers: 3, roundTrip: true }] }, distanceKm: 6000, co2eGrams: 5_472_000, factorValue: 0.152, unit: 'kgCO2e/pkm' },
  // Given 1 500 km flight without contrails: medium haul 102.8 g/pkm: 1 500 × 102.8 = 154 200 g.
  { name: 'Medium-haul flight given 1 500 km, no contrails', body: { legs: [{ mode: 'plane', distanceKm: 1500, contrails: false }] }, distanceKm: 1500, co2eGrams: 154_200, factorValue: 0.1028, unit: 'kgCO2e/pkm' },
];

describe('golden trips', () => {
  it.each(goldens)('$name', ({ body, distanceKm, co2eGrams, factorValue, unit }) => {
    const q = quote(body);
    const [leg] = q.legs;
    expect(leg!.distanceKm).toBeCloseTo(distanceKm, 6);
    expect(leg!.co2eGrams).toBe(co2eGrams);
    expect(leg!.factor.value).toBeCloseTo(factorValue, 10);
    expect(leg!.factor.unit).toBe(unit);
    expect(leg!.factor.source.length).toBeGreaterThan(10);
    expect(q.totals.co2eGrams).toBe(co2eGrams);
  });

  it('prices the offset of Montpellier–Montréal at 100 €/t, rounded up to the cent', () => {
    // 1 825 824 g = 1.825824 t × 100 € = 182.5824 € → 182.59 € = 18 259 cents.
    const q = quote({ departAt: '2027-03-10T07:00:00+01:00', returnAt: '2027-03-12T21:00:00+01:00', legs: [{ mode: 'plane', from: 'MPL', to: 'YUL', roundTrip: true, fareCents: 95_000 }] });
    expect(q.offset).toMatchObject({ required: true, co2eGrams: 1_825_824, pricePerTonneCents: 10_000, year: 2027, amountCents: 18_259 });
    expect(q.totals.breakdown.faresCents).toBe(95_000);
    expect(q.totals.costCents).toBe(95_000 + 18_259 + q.totals.breakdown.perDiemCents + q.totals.breakdown.mileageCents);
  });

  it('pays the mileage allowance of Nîmes–Lyon once, at the 6–7 CV rate', () => {
    // 281.2 km × 0.41 €/km (arrêté of 14 March 2022, ≤ 2 000 km) = 115.292 € → 11 529 cents.
    const q = quote({ departAt: '2026-05-04T08:00:00+02:00', returnAt: '2026-05-04T19:00:00+02:00', legs: [{ mode: 'car', from: 'Nîmes, FR', to: 'Lyon, FR', fuel: 'thermal', fiscalHorsepower: 6, passengers: 3 }] });
    expect(q.legs[0]!.mileageCents).toBe(11_529);
    expect(q.totals.breakdown.mileageCents).toBe(11_529);
  });

  it('crosses the 2 000 km mileage band with kilometres already driven this year', () => {
    // 1 900 km already driven, 5 CV, 300 km given: 100 km × 0.32 + 200 km × 0.40 = 32 + 80 = 112 €.
    const q = quote({ departAt: '2026-05-04T08:00:00+02:00', returnAt: '2026-05-04T19:00:00+02:00', traveler: { kmDrivenThisYear: 1900 }, legs: [{ mode: 'car', distanceKm: 300, fiscalHorsepower: 5 }] });
    expect(q.totals.breakdown.mileageCents).toBe(11_200);
  });

  it('pays per diem in Paris: four meals and one night at the Paris rate', () => {
    // 10 March 07:00 → 11 March 21:00 (Europe/Paris): lunch and dinner on both days (whole 11–14 h and
    // 18–21 h slots) = 4 × 20 € = 80 €; the 0–5 h slot of the 11th = 1 night × 140 € (City of Paris).
    const q = quote({ departAt: '2027-03-10T07:00:00+01:00', returnAt: '2027-03-11T21:00:00+01:00', destination: { country: 'FR', city: 'Paris' }, legs: [{ mode: 'train', from: 'Alès, FR', to: 'Paris, FR', roundTrip: true }] });
    expect(q.perDiem).toMatchObject({ scope: 'metropolitan', lodgingTier: 'paris', amountCents: 22_000 });
    expect(q.totals.breakdown.perDiemCents).toBe(22_000);
  });

  it('keeps a given distance as is and names the method', () => {
    const q = quote({ legs: [{ mode: 'train', from: 'Alès, FR', to: 'Paris, FR', distanceKm: 720 }] });
    expect(q.legs[0]).toMatchObject({ distanceKm: 720, distanceMethod: 'given' });
  });
});

describe('configurable per-diem profile and abroad rates', () => {
  it('counts meals with the 12–14 h / 19–21 h profile when configured', async () => {
    const { testConfig } = await import('../../src/config.ts');
    const { deps: other } = testApp({}, testConfig({ EMPREINTE_PER_DIEM_PROFILE: 'meals-12-14-19-21' }));
    // 10 March 11:30 → 20:30 in Lyon: the default 11–14 h lunch is not wholly covered (starts 11:30), the
    // 12–14 h one is; neither dinner slot is wholly covered (18–21 h, 19–21 h end after 20:30): 1 meal = 20 €.
    const body = quoteRequestSchema.parse({ departAt: '2027-03-10T11:30:00+01:00', returnAt: '2027-03-10T20:30:00+01:00', destination: { country: 'FR', city: 'Lyon' }, legs: [{ mode: 'train', distanceKm: 450 }] });
    expect(computeQuote(body, deps.quote).totals.breakdown.perDiemCents).toBe(0);
    expect(computeQuote(body, other.quote).totals.breakdown.perDiemCents).toBe(2000);
  });
});
