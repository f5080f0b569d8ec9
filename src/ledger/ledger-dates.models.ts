import { DateTime } from 'luxon';
import { PARIS_ZONE } from '../shared/clock.ts';
import { invalid } from '../shared/errors.ts';
import { ledgerTexts } from './ledger.errors.ts';

// Instants are stored as ISO UTC strings with milliseconds, so that text order is time order.
export function normaliseInstant(iso: string, path: string): string {
  const instant = DateTime.fromISO(iso, { setZone: true });
  if (!instant.isValid) throw invalid(path, ledgerTexts.instant({ field: path }));
  return instant.toUTC().toISO();
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

// Dates are Paris calendar days. Bounds are exclusive instants: "as of 2026-12-31" counts everything
// effective before midnight at the start of 1 January in Paris; an instant counts entries at or before it.
export function exclusiveBound(value: string, path: string): string {
  if (isoDate.test(value)) {
    const day = DateTime.fromISO(value, { zone: PARIS_ZONE });
    if (!day.isValid) throw invalid(path, ledgerTexts.calendarDate({ field: path }));
    return day.plus({ days: 1 }).startOf('day').toUTC().toISO()!;
  }
  return DateTime.fromISO(normaliseInstant(value, path)).toUTC().plus({ milliseconds: 1 }).toISO()!;
}

export function startOfParisDay(date: string, path: string): string {
  const day = DateTime.fromISO(date, { zone: PARIS_ZONE });
  if (!isoDate.test(date) || !day.isValid) throw invalid(path, ledgerTexts.isoDate({ field: path }));
  return day.startOf('day').toUTC().toISO()!;
}

export type Period = { from: string; to: string; fromInclusive: string; toExclusive: string };

export function period(from: string, to: string): Period {
  const fromInclusive = startOfParisDay(from, 'from');
  startOfParisDay(to, 'to');
  if (to < from) throw invalid('to', ledgerTexts.periodOrder());
  return { from, to, fromInclusive, toExclusive: exclusiveBound(to, 'to') };
}

export function parisDate(isoInstant: string): string {
  return DateTime.fromISO(isoInstant, { zone: 'utc' }).setZone(PARIS_ZONE).toISODate()!;
}
