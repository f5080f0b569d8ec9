import { IANAZone } from 'luxon';
import { PARIS_ZONE } from './clock.ts';

const QUARTER_HOUR_MS = 900_000;
const zones = new Map<string, IANAZone>();
const offsets = new Map<string, number>();

// Time zones change offset on quarter hours of UTC at worst (most on whole hours), so the offset of a
// quarter hour is the offset of every instant in it: memoising per quarter hour is exact and spares
// the Intl look-up (tens of µs) that luxon pays on each conversion.
export function zoneOffsetMinutes(zone: string, epochMs: number): number {
  const bucket = Math.floor(epochMs / QUARTER_HOUR_MS);
  const key = `${zone}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    let iana = zones.get(zone);
    if (!iana) zones.set(zone, (iana = IANAZone.create(zone)));
    offset = iana.offset(bucket * QUARTER_HOUR_MS);
    if (offsets.size > 200_000) offsets.clear();
    offsets.set(key, offset);
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
