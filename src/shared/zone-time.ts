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

// The calendar day of an instant on the wall clock of `zone`, as an ISO date and its year.
export function calendarDayIn(zone: string, epochMs: number): { isoDate: string; year: number } {
  const local = new Date(epochMs + zoneOffsetMinutes(zone, epochMs) * 60_000);
  return { isoDate: local.toISOString().slice(0, 10), year: local.getUTCFullYear() };
}

export function parisCalendarDay(epochMs: number): { isoDate: string; year: number } {
  return calendarDayIn(PARIS_ZONE, epochMs);
}
