import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { horsepowerClass, mileageAllowance } from '../../src/costs/mileage.models.ts';
import { AppError } from '../../src/shared/errors.ts';

const ik = (fiscalHorsepower: number, kmAlreadyDrivenThisYear: number, distanceKm: number, date: string | DateTime = '2026-05-04') =>
  mileageAllowance({ fiscalHorsepower, distanceKm, kmAlreadyDrivenThisYear, date });

describe('mileageAllowance: calendar-year bands', () => {
  it('crosses 2 000 km: each km at the rate of its band', () => {
    // 5 CV, 1 900 km already, 300 km: 100 km × 0,32 + 200 km × 0,40 = 32,00 + 80,00 = 112,00 €
    const r = ik(5, 1900, 300);
    expect(r.rateTableId).toBe('ik-2022');
    expect(r.slices).toEqual([
      { fromKm: 1900, toKm: 2000, km: 100, rateCentsPerKm: 32, amountCents: 3200 },
      { fromKm: 2000, toKm: 2200, km: 200, rateCentsPerKm: 40, amountCents: 8000 },
    ]);
    expect(r.amountCents).toBe(11200);
  });

  it('crosses 10 000 km', () => {
    // 6 CV, 9 950 km already, 100 km: 50 × 0,51 + 50 × 0,30 = 25,50 + 15,00 = 40,50 €
    const r = ik(6, 9950, 100);
    expect(r.slices.map((s) => [s.fromKm, s.toKm, s.rateCentsPerKm, s.amountCents])).toEqual([
      [9950, 10000, 51, 2550],
      [10000, 10050, 30, 1500],
    ]);
    expect(r.amountCents).toBe(4050);
  });

  it('spans all three bands in one trip', () => {
    // 5 CV, 1 500 km already, 9 000 km: 500 × 0,32 + 8 000 × 0,40 + 500 × 0,23
    // = 160 + 3 200 + 115 = 3 475,00 €
    const r = ik(5, 1500, 9000);
    expect(r.slices.map((s) => s.km)).toEqual([500, 8000, 500]);
    expect(r.amountCents).toBe(347_500);
  });

  it('stays in the top band once past 10 000 km', () => {
    // 8 CV, 12 000 km already, 100 km: 100 × 0,32 = 32,00 €
    expect(ik(8, 12000, 100).amountCents).toBe(3200);
  });
});

describe('mileageAllowance: fiscal horsepower classes (100 km in band 1, 2022 rates)', () => {
  it.each([
    [1, 3200], // 5 CV and less: 100 × 0,32
    [5, 3200],
    [6, 4100], // 6 and 7 CV: 100 × 0,41
    [7, 4100],
    [8, 4500], // 8 CV and more: 100 × 0,45
    [50, 4500],
  ])('%i CV → %i cents', (cv, cents) => {
    expect(ik(cv, 0, 100).amountCents).toBe(cents);
  });

  it('classifies horsepower', () => {
    expect([5, 6, 7, 8].map(horsepowerClass)).toEqual(['5cv_or_less', '6_7cv', '6_7cv', '8cv_or_more']);
  });
});

describe('mileageAllowance: effective dates', () => {
  it('uses the 2019 rates until 31/12/2021 and the 2022 rates from 1/1/2022', () => {
    // 5 CV, 100 km in band 1: 100 × 0,29 = 29,00 € (2019) vs 100 × 0,32 = 32,00 € (2022)
    expect(ik(5, 0, 100, '2021-12-31')).toMatchObject({ amountCents: 2900, rateTableId: 'ik-2019' });
    expect(ik(5, 0, 100, '2022-01-01')).toMatchObject({ amountCents: 3200, rateTableId: 'ik-2022' });
    // 2019 bands: 6 CV 1 900 km already, 300 km: 100 × 0,37 + 200 × 0,46 = 37 + 92 = 129,00 €
    expect(ik(6, 1900, 300, '2020-06-15').amountCents).toBe(12_900);
    // 8 CV past 10 000 km in 2021: 100 × 0,29 = 29,00 €
    expect(ik(8, 10_000, 100, '2021-06-15').amountCents).toBe(2900);
  });

  it('reads a date-time as a Paris calendar day', () => {
    // 2021-12-31T23:30Z is 2022-01-01 00:30 in Paris: 2022 rates
    expect(ik(5, 0, 100, DateTime.fromISO('2021-12-31T23:30:00Z', { setZone: true })).rateTableId).toBe('ik-2022');
    expect(ik(5, 0, 100, '2021-12-31T22:30:00Z').rateTableId).toBe('ik-2019');
  });

  it('refuses dates before the 2019 rates took effect', () => {
    expect(ik(5, 0, 100, '2019-03-01').rateTableId).toBe('ik-2019');
    const err = (() => {
      try {
        ik(5, 0, 100, '2019-02-28');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'mileage.date_unsupported', status: 400 });
  });
});

describe('mileageAllowance: fractional distances and rounding', () => {
  it('rounds the total half up once', () => {
    // 7 CV, 12,5 km: 12,5 × 41 = 512,5 ¢ → 513 ¢
    expect(ik(7, 0, 12.5).amountCents).toBe(513);
    // 5 CV, 12,345 km: 12,345 × 32 = 395,04 ¢ → 395 ¢
    expect(ik(5, 0, 12.345).amountCents).toBe(395);
  });

  it('rounds once, not per slice, and the slices still add up', () => {
    // 5 CV, 1 999,99 km already, 0,02 km: 0,01 × 32 + 0,01 × 40 = 0,32 + 0,40 = 0,72 ¢ → 1 ¢
    // (rounding each slice would give 0 + 0 = 0 ¢). Slices: running sums 0,32 → 0 and 0,72 → 1.
    const r = ik(5, 1999.99, 0.02);
    expect(r.amountCents).toBe(1);
    expect(r.slices.map((s) => s.amountCents)).toEqual([0, 1]);
  });

  it('slices always sum to the total, within one cent of their exact value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0, max: 15_000, noNaN: true }),
        fc.double({ min: 0, max: 5_000, noNaN: true }),
        (cv, already, distance) => {
          const r = ik(cv, already, distance);
          expect(r.slices.reduce((s, x) => s + x.amountCents, 0)).toBe(r.amountCents);
          for (const s of r.slices) expect(Math.abs(s.amountCents - s.km * s.rateCentsPerKm)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('pays nothing for a zero distance', () => {
    expect(ik(5, 0, 0)).toEqual({ amountCents: 0, rateTableId: 'ik-2022', slices: [] });
  });
});

describe('mileageAllowance: validation', () => {
  it.each([
    [{ fiscalHorsepower: 0 }, 'fiscalHorsepower'],
    [{ fiscalHorsepower: 51 }, 'fiscalHorsepower'],
    [{ fiscalHorsepower: 5.5 }, 'fiscalHorsepower'],
    [{ distanceKm: -1 }, 'distanceKm'],
    [{ distanceKm: Number.NaN }, 'distanceKm'],
    [{ kmAlreadyDrivenThisYear: -0.5 }, 'kmAlreadyDrivenThisYear'],
    [{ date: '2026-13-01' }, 'date'],
    [{ date: 'yesterday' }, 'date'],
  ])('rejects %o', (patch, path) => {
    const input = { fiscalHorsepower: 5, distanceKm: 10, kmAlreadyDrivenThisYear: 0, date: '2026-05-04', ...patch };
    expect(() => mileageAllowance(input)).toThrowError(expect.objectContaining({ code: 'validation.invalid', details: [expect.objectContaining({ path })] }));
  });
});
