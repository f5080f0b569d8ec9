import { DateTime } from 'luxon';

// Rules never read the system time: they receive a clock, so tests can pin "now".
export interface Clock {
  now(): DateTime;
}

export const systemClock: Clock = { now: () => DateTime.utc() };

export function fixedClock(iso: string): Clock {
  const instant = DateTime.fromISO(iso, { setZone: true });
  if (!instant.isValid) throw new Error(`fixedClock: invalid ISO instant ${iso}`);
  return { now: () => instant };
}

export const PARIS_ZONE = 'Europe/Paris';
