import { IANAZone } from 'luxon';
import { PARIS_ZONE } from './clock.ts';

const paris = IANAZone.create(PARIS_ZONE);
const HOUR_MS = 3_600_000;
const offsetByUtcHour = new Map<number, number>();

// Europe/Paris changes offset only on whole UTC hours, so the offset of an hour is the offset of any
// instant in it: memoising per hour is exact and spares an Intl look-up per quote.
function parisOffsetMinutes(epochMs: number): number {
  const hour = Math.floor(epochMs / HOUR_MS);
  let offset = offsetByUtcHour.get(hour);
  if (offset === undefined) {
    offset = paris.offset(hour * HOUR_MS);
    if (offsetByUtcHour.size > 100_000) offsetByUtcHour.clear();
    offsetByUtcHour.set(hour, offset);
  }
  return offset;
}

// The calendar day in Paris of an instant, as an ISO date and its year.
export function parisCalendarDay(epochMs: number): { isoDate: string; year: number } {
  const local = new Date(epochMs + parisOffsetMinutes(epochMs) * 60_000);
  return { isoDate: local.toISOString().slice(0, 10), year: local.getUTCFullYear() };
}
