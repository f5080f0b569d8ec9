import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calendarDateIn, instantMillis } from '../../src/costs/dates.models.ts';
import { isAppError } from '../../src/shared/errors.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

// luxon is the reference: the arithmetic fast path must accept, refuse and convert exactly as it does.
function viaLuxon(text: string): number | 'invalid' {
  const parsed = DateTime.fromISO(text, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : 'invalid';
}

function viaFastPath(text: string): number | 'invalid' {
  try {
    return instantMillis(text, 'departAt');
  } catch (err) {
    if (isAppError(err)) return 'invalid';
    throw err;
  }
}

describe('instants and calendar dates without luxon on the hot path', () => {
  it('reads any plain ISO instant (even impossible days such as 30 February) exactly as luxon does', () => {
    const instant = fc
      .record({
        year: fc.integer({ min: 1000, max: 2999 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 31 }),
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
        second: fc.option(fc.integer({ min: 0, max: 59 })),
        offset: fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 14 }), fc.constantFrom(0, 30, 45)).map(([sign, h, m]) => `${sign}${pad(h)}:${pad(m)}`)),
      })
      .map((t) => `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}${t.second === null ? '' : `:${pad(t.second)}`}${t.offset}`);
    fc.assert(
      fc.property(instant, (text) => {
        expect(viaFastPath(text)).toBe(viaLuxon(text));
      }),
      { seed: 20261127, numRuns: 5000 },
    );
  });

  it('knows leap years by the Gregorian rule', () => {
    expect(viaFastPath('2024-02-29T10:00:00Z')).toBe(Date.UTC(2024, 1, 29, 10));
    expect(viaFastPath('2000-02-29T10:00:00Z')).toBe(Date.UTC(2000, 1, 29, 10));
    expect(viaFastPath('1900-02-29T10:00:00Z')).toBe('invalid');
    expect(viaFastPath('2026-02-29T10:00:00Z')).toBe('invalid');
    expect(viaFastPath('2026-04-31T10:00:00+02:00')).toBe('invalid');
  });

  it('checks a calendar date given alone', () => {
    expect(calendarDateIn('2024-02-29', 'Europe/Paris', 'date')).toBe('2024-02-29');
    expect(() => calendarDateIn('2026-02-29', 'Europe/Paris', 'date')).toThrow(/invalid date/i);
    expect(() => calendarDateIn('0050-01-01', 'Europe/Paris', 'date')).toThrow(/invalid date/i);
    expect(calendarDateIn('2026-03-29T23:30:00Z', 'Europe/Paris', 'date')).toBe('2026-03-30');
  });
});
