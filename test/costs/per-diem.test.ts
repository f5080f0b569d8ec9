import { describe, expect, it } from 'vitest';
import { perDiem, type PerDiemInput } from '../../src/costs/per-diem.models.ts';
import { slotProfileById } from '../../src/costs/slots.models.ts';

const base = (departAt: string, returnAt: string, extra: Partial<PerDiemInput> = {}) =>
  perDiem({ departAt, returnAt, lodgingTier: 'base', ...extra });
const noonToNight = slotProfileById('meals-12-14-19-21');

describe('perDiem: meal and night slots (default profile 11-14 / 18-21 / 0-5, whole slot)', () => {
  it('a 10:30-14:30 day trip earns one lunch', () => {
    // lunch 11:00-14:00 fully inside 10:30-14:30; dinner 18-21 not reached: 1 × 20,00 €
    const r = base('2026-05-04T10:30:00+02:00', '2026-05-04T14:30:00+02:00');
    expect(r).toMatchObject({ meals: 1, nights: 0, amountCents: 2000, profileId: 'decret-53-511' });
    expect(r.lines).toEqual([{ kind: 'meal', slot: 'lunch', date: '2026-05-04', rateCents: 2000, rateTableId: 'mission-fr-2023-09-22', staffRestaurant: false }]);
  });

  it('needs the whole slot under the default profile; the 12-14 profile starts later', () => {
    // leaving at 11:30 misses 11:00-14:00, but covers 12:00-14:00
    expect(base('2026-05-04T11:30:00+02:00', '2026-05-04T14:30:00+02:00').meals).toBe(0);
    expect(perDiem({ departAt: '2026-05-04T11:30:00+02:00', returnAt: '2026-05-04T14:30:00+02:00', lodgingTier: 'base' }, noonToNight).meals).toBe(1);
    // slot edges count as covered: 11:00-14:00 exactly
    expect(base('2026-05-04T11:00:00+02:00', '2026-05-04T14:00:00+02:00').meals).toBe(1);
  });

  it('crossing midnight: the night needs the whole 0-5 h, except under "tout ou partie"', () => {
    // 19:00 → 06:00: dinner 18-21 missed (left at 19:00), night 0-5 covered: 1 × 90,00 €
    expect(base('2026-05-04T19:00:00+02:00', '2026-05-05T06:00:00+02:00')).toMatchObject({ meals: 0, nights: 1, amountCents: 9000 });
    // 17:00 → 04:00: dinner covered; night 0-5 only partly (back at 04:00): 20,00 €
    expect(base('2026-05-04T17:00:00+02:00', '2026-05-05T04:00:00+02:00')).toMatchObject({ meals: 1, nights: 0, amountCents: 2000 });
    // same trip, 12-14/19-21 profile with night on any part of 0-5: 20,00 + 90,00 = 110,00 €
    const r = perDiem({ departAt: '2026-05-04T17:00:00+02:00', returnAt: '2026-05-05T04:00:00+02:00', lodgingTier: 'base' }, noonToNight);
    expect(r).toMatchObject({ meals: 1, nights: 1, amountCents: 11_000 });
    expect(r.lines.map((l) => [l.slot, l.date])).toEqual([['dinner', '2026-05-04'], ['night', '2026-05-05']]);
  });

  it('counts slots on the wall clock of the given zone', () => {
    // 08:30Z-12:30Z is 10:30-14:30 in Paris (one lunch) but misses 11:00-14:00 UTC
    expect(base('2026-05-04T08:30:00Z', '2026-05-04T12:30:00Z').meals).toBe(1);
    expect(base('2026-05-04T08:30:00Z', '2026-05-04T12:30:00Z', { zone: 'UTC' }).meals).toBe(0);
  });
});

describe('perDiem: DST-change nights in Europe/Paris', () => {
  it('spring forward 2026-03-29: the 0-5 h slot lasts 4 real hours', () => {
    // slot = 00:00+01:00 (23:00Z) → 05:00+02:00 (03:00Z). Back at 05:30+02:00 = 03:30Z: covered.
    // (midnight + 5 real hours would end at 04:00Z and miss it.) Dinner missed (left 20:00): 90,00 €
    const r = base('2026-03-28T20:00:00+01:00', '2026-03-29T05:30:00+02:00');
    expect(r).toMatchObject({ meals: 0, nights: 1, amountCents: 9000 });
    expect(r.lines[0]).toMatchObject({ kind: 'night', date: '2026-03-29' });
    // back at 04:30+02:00: before 05:00 local, no night
    expect(base('2026-03-28T20:00:00+01:00', '2026-03-29T04:30:00+02:00').nights).toBe(0);
  });

  it('fall back 2026-10-25: the 0-5 h slot lasts 6 real hours', () => {
    // slot = 00:00+02:00 (22:00Z) → 05:00+01:00 (04:00Z). Back at 04:30+01:00 = 03:30Z: not covered
    // (midnight + 5 real hours = 03:00Z would wrongly count it).
    expect(base('2026-10-24T23:00:00+02:00', '2026-10-25T04:30:00+01:00').nights).toBe(0);
    expect(base('2026-10-24T23:00:00+02:00', '2026-10-25T05:00:00+01:00')).toMatchObject({ nights: 1, amountCents: 9000 });
  });
});

describe('perDiem: lodging tiers and rates', () => {
  // Mon 8 June 07:00 → Wed 10 June 19:30: lunch+dinner on the 8th; night, lunch, dinner on the 9th;
  // night and lunch on the 10th (dinner 18-21 cut at 19:30) = 5 meals, 2 nights.
  const trip = ['2026-06-08T07:00:00+02:00', '2026-06-10T19:30:00+02:00'] as const;

  it('multi-day Paris mission: 5 × 20,00 + 2 × 140,00 = 380,00 €', () => {
    const r = perDiem({ departAt: trip[0], returnAt: trip[1], lodgingTier: 'paris' });
    expect(r).toMatchObject({ meals: 5, nights: 2, mealsDue: 5, nightsDue: 2, amountCents: 38_000 });
    expect(r.lines.map((l) => `${l.date} ${l.slot}`)).toEqual([
      '2026-06-08 lunch', '2026-06-08 dinner', '2026-06-09 night', '2026-06-09 lunch', '2026-06-09 dinner', '2026-06-10 night', '2026-06-10 lunch',
    ]);
  });

  it('large city 120 €, disabled agent 150 € whatever the tier', () => {
    // 100,00 + 2 × 120,00 = 340,00 €; 100,00 + 2 × 150,00 = 400,00 €
    expect(perDiem({ departAt: trip[0], returnAt: trip[1], lodgingTier: 'large_city' }).amountCents).toBe(34_000);
    expect(perDiem({ departAt: trip[0], returnAt: trip[1], lodgingTier: 'base', disabledAgent: true }).amountCents).toBe(40_000);
  });

  it('free meals and nights are taken off, the first ones first', () => {
    // 2 meals (the 8th) and 1 night (the 9th) provided: 3 × 20,00 + 1 × 140,00 = 200,00 €
    const r = perDiem({ departAt: trip[0], returnAt: trip[1], lodgingTier: 'paris', mealsProvided: 2, nightsProvided: 1 });
    expect(r).toMatchObject({ meals: 3, nights: 1, mealsDue: 5, nightsDue: 2, amountCents: 20_000 });
    expect(r.lines.map((l) => `${l.date} ${l.slot}`)).toEqual(['2026-06-09 lunch', '2026-06-09 dinner', '2026-06-10 night', '2026-06-10 lunch']);
    // more free meals than meals due: none paid, never negative
    expect(perDiem({ departAt: trip[0], returnAt: trip[1], lodgingTier: 'paris', mealsProvided: 9 })).toMatchObject({ meals: 0, amountCents: 28_000 });
  });

  it('staff restaurant meals are paid half', () => {
    // 2026: 20,00 / 2 = 10,00 €; 2022 rate: 17,50 / 2 = 8,75 €
    expect(base('2026-05-04T10:30:00+02:00', '2026-05-04T14:30:00+02:00', { staffRestaurantMeals: 1 }).amountCents).toBe(1000);
    expect(base('2022-05-04T10:30:00+02:00', '2022-05-04T14:30:00+02:00', { staffRestaurantMeals: 1 }).amountCents).toBe(875);
  });
});

describe('perDiem: the 22 September 2023 rate change, by date of each slot', () => {
  it('a mission 21 → 23 Sept 2023 mixes both tables', () => {
    // 21st: lunch + dinner at 17,50 = 35,00; 22nd: night 90,00 + 2 meals at 20,00 = 130,00;
    // 23rd: night 90,00 + lunch 20,00 = 110,00 (dinner cut at 18:00). Total 275,00 €
    const r = base('2023-09-21T08:00:00+02:00', '2023-09-23T18:00:00+02:00');
    expect(r).toMatchObject({ meals: 5, nights: 2, amountCents: 27_500 });
    expect(r.lines.map((l) => [l.date, l.slot, l.rateCents, l.rateTableId])).toEqual([
      ['2023-09-21', 'lunch', 1750, 'mission-fr-2020-01-01'],
      ['2023-09-21', 'dinner', 1750, 'mission-fr-2020-01-01'],
      ['2023-09-22', 'night', 9000, 'mission-fr-2023-09-22'],
      ['2023-09-22', 'lunch', 2000, 'mission-fr-2023-09-22'],
      ['2023-09-22', 'dinner', 2000, 'mission-fr-2023-09-22'],
      ['2023-09-23', 'night', 9000, 'mission-fr-2023-09-22'],
      ['2023-09-23', 'lunch', 2000, 'mission-fr-2023-09-22'],
    ]);
  });

  it('before the change: old rates (lodging 70 / 90 / 110 €, meal 17,50 €)', () => {
    // 20th lunch + dinner, 21st night + lunch: 3 × 17,50 + 110,00 = 162,50 €
    expect(perDiem({ departAt: '2023-09-20T08:00:00+02:00', returnAt: '2023-09-21T15:00:00+02:00', lodgingTier: 'paris' }).amountCents).toBe(16_250);
  });
});

describe('perDiem: validation', () => {
  const cases: Array<[string, Partial<PerDiemInput>, string]> = [
    ['return before departure', { returnAt: '2026-05-04T09:00:00+02:00' }, 'returnAt'],
    ['return equal to departure', { returnAt: '2026-05-04T10:30:00+02:00' }, 'returnAt'],
    ['mission over 366 days', { returnAt: '2027-05-06T10:00:00+02:00' }, 'returnAt'],
    ['no offset', { departAt: '2026-05-04T10:30:00' }, 'departAt'],
    ['a date only', { departAt: '2026-05-04' }, 'departAt'],
    ['unknown zone', { zone: 'Mars/Olympus' }, 'zone'],
    ['unknown tier', { lodgingTier: 'castle' as never }, 'lodgingTier'],
    ['negative free meals', { mealsProvided: -1 }, 'mealsProvided'],
  ];
  it.each(cases)('rejects %s', (_label, patch, path) => {
    const input = { departAt: '2026-05-04T10:30:00+02:00', returnAt: '2026-05-06T14:30:00+02:00', lodgingTier: 'base' as const, ...patch };
    expect(() => perDiem(input)).toThrowError(expect.objectContaining({ code: 'validation.invalid', details: [expect.objectContaining({ path })] }));
  });

  it('refuses slots before the first known rates (1 January 2020)', () => {
    expect(() => base('2019-12-31T10:00:00+01:00', '2019-12-31T15:00:00+01:00')).toThrowError(expect.objectContaining({ code: 'per_diem.date_unsupported', status: 400 }));
  });
});
