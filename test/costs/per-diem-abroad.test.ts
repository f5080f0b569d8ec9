import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { perDiemAbroad, type PerDiemAbroadInput } from '../../src/costs/per-diem-abroad.models.ts';
import { minorUnitDigits, perDiemAbroadRows } from '../../src/costs/per-diem-abroad-rates.models.ts';
import { loadPerDiemAbroadRows, perDiemAbroadTable } from '../../src/costs/per-diem-abroad.loader.ts';

const ok = (input: PerDiemAbroadInput, rows = perDiemAbroadRows) => {
  const r = perDiemAbroad(input, { rows });
  if (r.status !== 'ok') throw new Error(`expected a rate, got ${r.reason}`);
  return r;
};

describe('perDiemAbroad: shipped rates (arrêté du 21 novembre 2025)', () => {
  it('Canada, two days in Montréal, in CAD with no euro amount', () => {
    // 319 CAD = 31 900 minor. Arrival 10 March 10:00, departure 11 March 20:00 (Montréal time):
    // 10th lunch + dinner, 11th night + lunch (dinner 18-21 cut at 20:00).
    // meal 17,5 % = 5 582,5; night 65 % = 20 735. Exact total 3 × 5 582,5 + 20 735 = 37 482,5 → 37 483.
    // Lines from rounded running sums: 5 583 (5 582,5), 5 582 (11 165), 20 735 (31 900), 5 583 (37 482,5 → 37 483).
    const r = ok({ countryCode: 'CA', city: 'Montréal', departAt: '2027-03-10T10:00:00-05:00', returnAt: '2027-03-11T20:00:00-05:00' });
    expect(r).toMatchObject({ currency: 'CAD', meals: 3, nights: 1, amountMinor: 37_483, amountCents: null, zone: 'America/Toronto', zoneApproximate: true });
    expect(r.lines.map((l) => [l.date, l.slot, l.sharePermille, l.amountMinor])).toEqual([
      ['2027-03-10', 'lunch', 175, 5583],
      ['2027-03-10', 'dinner', 175, 5582],
      ['2027-03-11', 'night', 650, 20_735],
      ['2027-03-11', 'lunch', 175, 5583],
    ]);
  });

  it('counts on the destination clock whatever offset the times are written in', () => {
    // 16:00+01:00 is 10:00 in Montréal: same slots as above; an explicit zone is not approximate
    const r = ok({ countryCode: 'ca', departAt: '2027-03-10T16:00:00+01:00', returnAt: '2027-03-12T02:00:00+01:00', zone: 'America/Toronto' });
    expect(r).toMatchObject({ amountMinor: 37_483, zoneApproximate: false });
  });

  it('New York: 360 USD until 31 August, 490 USD from 1 September', () => {
    // Arrival 10th 09:00, departure 11th 22:00: 4 meals + 1 night.
    // August: 4 × 6 300 (17,5 % of 36 000) + 23 400 (65 %) = 48 600 minor = 486,00 USD
    const august = ok({ countryCode: 'US', city: 'New York', departAt: '2026-08-10T09:00:00-04:00', returnAt: '2026-08-11T22:00:00-04:00' });
    expect(august).toMatchObject({ currency: 'USD', meals: 4, nights: 1, amountMinor: 48_600, amountCents: null, zoneApproximate: false });
    // September: 4 × 8 575 (17,5 % of 49 000) + 31 850 (65 %) = 66 150 minor = 661,50 USD
    const september = ok({ countryCode: 'US', city: 'New York City', departAt: '2026-09-10T09:00:00-04:00', returnAt: '2026-09-11T22:00:00-04:00' });
    expect(september.amountMinor).toBe(66_150);
    // Across 31 Aug → 1 Sep, each slot at its own date: 6 300 + 6 300 + 31 850 + 8 575 = 53 025
    const across = ok({ countryCode: 'US', city: 'Brooklyn', departAt: '2026-08-31T09:00:00-04:00', returnAt: '2026-09-01T15:00:00-04:00' });
    expect(across.lines.map((l) => [l.date, l.slot, l.dailyRateMinor, l.amountMinor])).toEqual([
      ['2026-08-31', 'lunch', 36_000, 6300],
      ['2026-08-31', 'dinner', 36_000, 6300],
      ['2026-09-01', 'night', 49_000, 31_850],
      ['2026-09-01', 'lunch', 49_000, 8575],
    ]);
    expect(across.amountMinor).toBe(53_025);
  });

  it('elsewhere in the USA: 360 USD all year', () => {
    // Chicago in September, same slots as New York: 48 600 minor
    expect(ok({ countryCode: 'US', city: 'Chicago', zone: 'America/Chicago', departAt: '2026-09-10T09:00:00-05:00', returnAt: '2026-09-11T22:00:00-05:00' }).amountMinor).toBe(48_600);
  });

  it('Germany is in euros: amountCents is given', () => {
    // 240 € = 24 000 ¢: lunch, dinner, night, lunch = 3 × 4 200 + 15 600 = 28 200 ¢
    const r = ok({ countryCode: 'DE', city: 'Berlin', departAt: '2026-05-04T10:00:00+02:00', returnAt: '2026-05-05T15:00:00+02:00' });
    expect(r).toMatchObject({ currency: 'EUR', amountMinor: 28_200, amountCents: 28_200, zone: 'Europe/Berlin' });
    // first meal and the night provided: dinner + lunch = 2 × 4 200 = 8 400 ¢
    const provided = ok({ countryCode: 'DE', departAt: '2026-05-04T10:00:00+02:00', returnAt: '2026-05-05T15:00:00+02:00', mealsProvided: 1, nightsProvided: 1 });
    expect(provided).toMatchObject({ meals: 2, nights: 0, mealsDue: 3, nightsDue: 1, amountCents: 8400 });
  });

  it('Australia in AUD', () => {
    // 380 AUD = 38 000: a 10:00-15:00 day in Sydney is one lunch: 17,5 % = 6 650
    expect(ok({ countryCode: 'AU', city: 'Sydney', departAt: '2026-05-04T10:00:00+10:00', returnAt: '2026-05-04T15:00:00+10:00' })).toMatchObject({ currency: 'AUD', amountMinor: 6650 });
  });
});

describe('perDiemAbroad: unknown rates are reported, never guessed', () => {
  const trip = { departAt: '2026-05-04T10:00:00+09:00', returnAt: '2026-05-06T15:00:00+09:00' };
  it('an unknown country', () => {
    expect(perDiemAbroad({ countryCode: 'JP', city: 'Tokyo', ...trip })).toEqual({
      status: 'rate_unknown', countryCode: 'JP', city: 'Tokyo', reason: 'country_unknown', message: 'No per-diem rate is known for country JP',
    });
  });

  it('a city with its own rate that the reference does not give (Toronto, Vancouver)', () => {
    expect(perDiemAbroad({ countryCode: 'CA', city: 'Toronto', ...trip })).toMatchObject({ status: 'rate_unknown', reason: 'city_rate_unknown' });
    expect(perDiemAbroad({ countryCode: 'CA', city: 'vancouver', ...trip })).toMatchObject({ status: 'rate_unknown', reason: 'city_rate_unknown' });
  });

  it('a date before the shipped rates', () => {
    expect(perDiemAbroad({ countryCode: 'DE', departAt: '2024-05-04T10:00:00+02:00', returnAt: '2024-05-04T15:00:00+02:00' })).toMatchObject({ status: 'rate_unknown', reason: 'no_rate_for_date' });
  });
});

describe('perDiemAbroad: validation', () => {
  it.each([
    [{ countryCode: 'CAN' }, 'countryCode'],
    [{ returnAt: '2026-05-04T09:00:00+02:00' }, 'returnAt'],
    [{ departAt: '2026-05-04T10:00' }, 'departAt'],
    [{ zone: 'Nowhere/Land' }, 'zone'],
    [{ mealsProvided: 1.5 }, 'mealsProvided'],
  ])('rejects %o', (patch, path) => {
    const input = { countryCode: 'DE', departAt: '2026-05-04T10:00:00+02:00', returnAt: '2026-05-05T15:00:00+02:00', ...patch };
    expect(() => perDiemAbroad(input)).toThrowError(expect.objectContaining({ code: 'validation.invalid', details: [expect.objectContaining({ path })] }));
  });
});

describe('extra rows from a data file', () => {
  // Test data only, not a real rate: 30 000 JPY, a currency without minor units.
  const jp = { id: 'jp-test', countryCode: 'JP', city: null, currency: 'JPY', dailyRates: [{ from: '01-01', to: '12-31', dailyRate: 30_000 }], effectiveFrom: '2026-01-01', effectiveTo: null, defaultZone: null, sources: ['test fixture'] };
  const write = (content: unknown) => {
    const path = join(mkdtempSync(join(tmpdir(), 'empreinte-rates-')), 'rates.json');
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  it('adds a country, validated, with its currency minor units', () => {
    const rows = perDiemAbroadTable(write({ rows: [jp] }));
    expect(minorUnitDigits('JPY')).toBe(0);
    // one night in Tokyo 20:00 → 06:00: 65 % of 30 000 = 19 500 JPY
    const r = perDiemAbroad({ countryCode: 'JP', zone: 'Asia/Tokyo', departAt: '2026-05-04T20:00:00+09:00', returnAt: '2026-05-05T06:00:00+09:00' }, { rows });
    expect(r).toMatchObject({ status: 'ok', currency: 'JPY', nights: 1, amountMinor: 19_500, amountCents: null });
  });

  it('requires a zone when the row has no default', () => {
    const rows = perDiemAbroadTable(write({ rows: [jp] }));
    expect(() => perDiemAbroad({ countryCode: 'JP', departAt: '2026-05-04T20:00:00+09:00', returnAt: '2026-05-05T06:00:00+09:00' }, { rows })).toThrowError(
      expect.objectContaining({ code: 'validation.invalid', details: [expect.objectContaining({ path: 'zone' })] }),
    );
  });

  it('refuses a clash with a shipped rate, bad windows and bad JSON', () => {
    const germanyAgain = { ...jp, id: 'de-other', countryCode: 'DE', currency: 'EUR', effectiveFrom: '2026-01-01' };
    expect(() => perDiemAbroadTable(write({ rows: [germanyAgain] }))).toThrowError(/overlaps de-2025-11-21/);
    const gap = { ...jp, dailyRates: [{ from: '01-01', to: '08-30', dailyRate: 1 }, { from: '09-01', to: '12-31', dailyRate: 2 }] };
    expect(() => loadPerDiemAbroadRows(write({ rows: [gap] }))).toThrowError(expect.objectContaining({ code: 'validation.invalid' }));
    expect(() => loadPerDiemAbroadRows(write({ rows: [{ ...jp, currency: 'XXY' }] }))).toThrowError(expect.objectContaining({ code: 'validation.invalid' }));
    expect(() => loadPerDiemAbroadRows(write('{ not json'))).toThrowError(expect.objectContaining({ code: 'validation.invalid' }));
  });
});
