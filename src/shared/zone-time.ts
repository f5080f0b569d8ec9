import { IANAZone } from 'luxon';
import { PARIS_ZONE } from './clock.ts';

const QUARTER_HOUR_MS = 900_000;
const zones = new Map<string, { iana: IANAZone; offsets: Map<number, number> }>();
const MAX_OFFSETS_PER_ZONE = 200_000;

// Time zones change offset on quarter hours of UTC at worst (most on whole hours), so the offset of a
// quarter hour is the offset of every instant in it: memoising per quarter hour is exact and spares
// the Intl look-up (tens of µs) that luxon pays on each conversion. One map of numeric buckets per
// zone: a per-diem quote asks some fifty times, and a `zone|bucket` string key built and hashed on
// each call cost more than the rest of the slot arithmetic.
export function zoneOffsetMinutes(zone: string, epochMs: number): number {
  const bucket = Math.floor(epochMs / QUARTER_HOUR_MS);
  let known = zones.get(zone);
  if (!known) zones.set(zone, (known = { iana: IANAZone.create(zone), offsets: new Map() }));
  let offset = known.offsets.get(bucket);
  if (offset === undefined) {
    offset = known.iana.offset(bucket * QUARTER_HOUR_MS);
    if (known.offsets.size >= MAX_OFFSETS_PER_ZONE) known.offsets.clear();
    known.offsets.set(bucket, offset);
  }
  return offset;
}

const DAY_MS = 86_400_000;

// The UTC midnight that starts the calendar day of an instant on the wall clock of `zone`: the
// local day as a number, which slot arithmetic steps through a day at a time.
export function localDayStartMs(zone: string, epochMs: number): number {
  const localMs = epochMs + zoneOffsetMinutes(zone, epochMs) * 60_000;
  return localMs - (((localMs % DAY_MS) + DAY_MS) % DAY_MS);
}

// The calendar day of an instant on the wall clock of `zone`, as an ISO date and its year.
export function calendarDayIn(zone: string, epochMs: number): { isoDate: string; year: number } {
  return civilDayOf(localDayStartMs(zone, epochMs));
}

export function parisCalendarDay(epochMs: number): { isoDate: string; year: number } {
  return calendarDayIn(PARIS_ZONE, epochMs);
}

// ISO date and year of a UTC midnight by integer arithmetic (Hinnant's civil-from-days): a Date
// and its toISOString per call showed in the per-diem profile, where it runs for every mission day.
export function civilDayOf(dayUtcMs: number): { isoDate: string; year: number } {
  const days = Math.floor(dayUtcMs / DAY_MS) + 719_468;
  const era = Math.floor(days / 146_097);
  const dayOfEra = days - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { isoDate: `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`, year };
}

// When a Paris year begins, as the UTC instant missions store: on 1 January Paris is always at UTC+1
// (no summer time), so it is 31 December 23:00 UTC of the year before.
export const parisYearStartUtc = (year: number): string => `${year - 1}-12-31T23:00:00.000Z`;
