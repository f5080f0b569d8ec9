import type { RequestHandler } from 'express';
import type { Clock } from './clock.ts';
import { httpErrors } from './http.errors.ts';

// The two limiters of the app, both in memory (one process serves the app behind a proxy):
// - fixed one-minute windows, a counter per client: cheap enough for every quote request;
// - sliding windows keeping each hit's time: exact "n in the last m minutes" for rare events such as
//   failed sign-ins, where a burst at a window's edge must not double the allowance.

export function rateLimitPerMinute(limit: number, keyOf: (req: Parameters<RequestHandler>[0]) => string, clock: Pick<Clock, 'nowMs'>): RequestHandler {
  if (limit <= 0) return (_req, _res, next) => next();
  const windows = new Map<string, { startedAtMs: number; count: number }>();
  return (req, res, next) => {
    const nowMs = clock.nowMs();
    const key = keyOf(req);
    let window = windows.get(key);
    if (!window || nowMs - window.startedAtMs >= 60_000) {
      if (windows.size > 10_000) windows.clear();
      window = { startedAtMs: nowMs, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count > limit) {
      res.setHeader('Retry-After', String(Math.ceil((window.startedAtMs + 60_000 - nowMs) / 1000)));
      return next(httpErrors.rateLimited({ limit }));
    }
    next();
  };
}

export type LimitRule = { limit: number; windowMs: number };

export type SlidingWindow = {
  retryAfterMs(key: string): number; // 0 while the key is under its limit
  record(key: string): void;
};

export function slidingWindow(clock: Clock, rule: LimitRule, maxKeys = 10_000): SlidingWindow {
  const hitsByKey = new Map<string, number[]>();

  const recent = (key: string, nowMs: number): number[] => {
    const kept = (hitsByKey.get(key) ?? []).filter((atMs) => atMs > nowMs - rule.windowMs);
    if (kept.length) hitsByKey.set(key, kept);
    else hitsByKey.delete(key);
    return kept;
  };

  return {
    retryAfterMs(key) {
      const nowMs = clock.nowMs();
      const hits = recent(key, nowMs);
      if (hits.length < rule.limit) return 0;
      // Free again when the oldest hit that keeps the count at the limit leaves the window.
      return hits[hits.length - rule.limit]! + rule.windowMs - nowMs;
    },
    record(key) {
      const nowMs = clock.nowMs();
      // Bounded memory under a flood of distinct keys: drop the oldest key (a Map keeps insertion order).
      if (!hitsByKey.has(key) && hitsByKey.size >= maxKeys) hitsByKey.delete(hitsByKey.keys().next().value!);
      hitsByKey.set(key, [...recent(key, nowMs), nowMs].slice(-rule.limit));
    },
  };
}
