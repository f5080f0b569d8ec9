import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calendarDayIn, civilDayOf, parisCalendarDay, zoneOffsetMinutes } from '../../src/shared/zone-time.ts';

describe('zone time without luxon on the hot path', () => {
  it('knows the Paris day on both sides of the DST changes and of New Year', () => {
    // 2026-03-29 01:00Z: clocks go from 02:00 (+01) to 03:00 (+02).
    expect(zoneOffsetMinutes('Europe/Paris', Date.parse('2026-03-29T00:59:59Z'))).toBe(60);
    expect(zoneOffsetMinutes('Europe/Paris', Date.parse('2026-03-29T01:00:00Z'))).toBe(120);
    // 2026-12-31 23:30Z is already 2027-01-01 00:30 in Paris (+01).
    expect(parisCalendarDay(Date.parse('2026-12-31T23:30:00Z'))).toEqual({ isoDate: '2027-01-01', year: 2027 });
    expect(parisCalendarDay(Date.parse('2026-12-31T22:59:00Z'))).toEqual({ isoDate: '2026-12-31', year: 2026 });
  });

  it('agrees with luxon for any instant in zones with hour, half-hour and quarter-hour changes', () => {
    const zones = ['Europe/Paris', 'America/Toronto', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'America/St_Johns'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.parse('2019-01-01T00:00:00Z'), max: Date.parse('2030-12-31T00:00:00Z') }), (zone, epochMs) => {
        expect(calendarDayIn(zone, epochMs).isoDate).toBe(DateTime.fromMillis(epochMs, { zone }).toISODate());
      }),
      { seed: 20261127, numRuns: 5000 },
    );
  });

  it('names the ISO date and year of any UTC midnight from year 100 to 9999 as Date does', () => {
    const dayMs = 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: Math.ceil(Date.UTC(100, 0, 1) / dayMs), max: Math.floor(Date.UTC(9999, 11, 31) / dayMs) }), (day) => {
        const date = new Date(day * dayMs);
        expect(civilDayOf(day * dayMs)).toEqual({ isoDate: date.toISOString().slice(0, 10), year: date.getUTCFullYear() });
      }),
      { seed: 20261127, numRuns: 5000 },
    );
  });
});
