import { DateTime } from 'luxon';

// Rules never read the system time: they receive a clock, so tests can pin "now".
export interface Clock {
  now(): DateTime;
  // The same instant in epoch ms, without building a DateTime: what the hot paths compare.
  nowMs(): number;
}

export const systemClock: Clock = { now: () => DateTime.utc(), nowMs: () => Date.now() };

export function fixedClock(iso: string): Clock {
  const instant = DateTime.fromISO(iso, { setZone: true });
  if (!instant.isValid) throw new Error(`fixedClock: invalid ISO instant ${iso}`);
  const instantMs = instant.toMillis();
  return { now: () => instant, nowMs: () => instantMs };
}

export const PARIS_ZONE = 'Europe/Paris';
