import { DateTime, type DurationLike } from 'luxon';
import type { Clock } from '../../src/shared/clock.ts';

// A clock the test moves by hand, to cross session expiry and rate-limit windows.
export function movableClock(iso: string): Clock & { advance(by: DurationLike): void } {
  let now = DateTime.fromISO(iso, { zone: 'utc' });
  return {
    now: () => now,
    nowMs: () => now.toMillis(),
    advance(by) {
      now = now.plus(by);
    },
  };
}

export function setCookies(res: { headers: Record<string, unknown> }): string[] {
  const raw = res.headers['set-cookie'];
  return Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
}

export function cookieNamed(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  return setCookies(res).find((c) => c.startsWith(`${name}=`));
}

export function cookieValue(res: { headers: Record<string, unknown> }, name: string): string | undefined {
  return cookieNamed(res, name)?.split(';')[0]?.slice(name.length + 1);
}

export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no _csrf field in the page');
  return match[1];
}
