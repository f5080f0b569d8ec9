import { DateTime, IANAZone } from 'luxon';
import { invalid } from '../shared/errors.ts';
import { costTexts } from './costs.errors.ts';

// Instants must carry their offset: "10:30" alone would be read in the server's zone and shift
// every slot by an hour or more.
const OFFSET_SUFFIX = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

export type InstantInput = string | DateTime;

export function parseInstant(value: InstantInput, path: string): DateTime {
  if (DateTime.isDateTime(value)) {
    if (!value.isValid) throw invalid(path, costTexts.invalidInstant());
    return value;
  }
  if (typeof value !== 'string' || !OFFSET_SUFFIX.test(value) || !value.includes('T')) {
    throw invalid(path, costTexts.instantWithoutOffset());
  }
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (!parsed.isValid) throw invalid(path, costTexts.invalidIsoInstant({ reason: parsed.invalidExplanation ?? value }));
  return parsed;
}

// The common spelling (what the API schemas accept: seconds at most, an offset or Z) is read without
// luxon, whose fromISO costs several µs and allocates a DateTime on every quote. Anything else —
// fractions of a second, 24:00, basic format, a year before 1000 — goes through parseInstant, so
// the accepted inputs and the errors stay exactly luxon's.
const PLAIN_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:(Z)|([+-])(\d{2}):(\d{2}))$/i;

export function instantMillis(value: InstantInput, path: string): number {
  const m = typeof value === 'string' ? PLAIN_INSTANT.exec(value) : null;
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const hour = Number(m[4]);
    const minute = Number(m[5]);
    const second = m[6] === undefined ? 0 : Number(m[6]);
    const offsetHours = m[9] === undefined ? 0 : Number(m[9]);
    const offsetMinutes = m[10] === undefined ? 0 : Number(m[10]);
    if (year >= 1000 && hour < 24 && minute < 60 && second < 60 && offsetHours < 24 && offsetMinutes < 60 && isCalendarDay(year, month, day)) {
      const offsetMs = (m[8] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
      return Date.UTC(year, month - 1, day, hour, minute, second) - offsetMs;
    }
  }
  return parseInstant(value, path).toMillis();
}

// A calendar date: "2026-03-10" is that day in `zone`; a date-time is converted to `zone` first.
export function calendarDateIn(value: InstantInput, zone: string, path: string): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    if (!isCalendarDate(value)) throw invalid(path, costTexts.invalidDate({ value }));
    return value;
  }
  return parseInstant(value, path).setZone(zone).toISODate()!;
}

// luxon checks a zone by building an Intl formatter (tens of µs): remember the zones already seen.
const validZones = new Set<string>();

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// A real day of the proleptic Gregorian calendar ("2026-02-30" is not), without luxon's cost. Years
// before 100 are refused, as they were when this was checked with a Date (which reads them as 19xx).
function isCalendarDate(isoDate: string): boolean {
  return isCalendarDay(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)), Number(isoDate.slice(8, 10)));
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (year < 100 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

export function assertZone(zone: string, path: string): void {
  if (validZones.has(zone)) return;
  if (!IANAZone.isValidZone(zone)) throw invalid(path, costTexts.unknownZone({ zone }));
  if (validZones.size < 1000) validZones.add(zone);
}

export const MAX_MISSION_DAYS = 366;

export function assertMissionSpan(departAt: DateTime, returnAt: DateTime): void {
  assertMissionSpanMs(departAt.toMillis(), returnAt.toMillis());
}

export function assertMissionSpanMs(departAtMs: number, returnAtMs: number): void {
  if (returnAtMs <= departAtMs) {
    throw invalid('returnAt', costTexts.returnBeforeDeparture());
  }
  // Plain milliseconds: luxon's diff() costs ~100 µs and this runs on every quote.
  if (returnAtMs - departAtMs > MAX_MISSION_DAYS * 86_400_000) {
    throw invalid('returnAt', costTexts.missionTooLong({ days: MAX_MISSION_DAYS }));
  }
}

// Inclusive ISO date windows; ISO dates compare correctly as strings.
export function dateInWindow(date: string, from: string, to: string | null): boolean {
  return date >= from && (to === null || date <= to);
}
