import type { Clock } from '../shared/clock.ts';

// Sliding-window counters of failed sign-ins, in memory: one process serves the app, and a restart
// forgetting the counts is acceptable (an attacker gains one window, not a bypass).
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

// 10 failures per IP and email within 15 minutes; the looser per-IP rule stops spraying many emails.
export const SIGN_IN_PER_ACCOUNT: LimitRule = { limit: 10, windowMs: 15 * 60_000 };
export const SIGN_IN_PER_IP: LimitRule = { limit: 100, windowMs: 15 * 60_000 };

export type SignInLimiter = {
  retryAfterSeconds(ip: string, email: string): number;
  recordFailure(ip: string, email: string): void;
};

export function signInLimiter(clock: Clock): SignInLimiter {
  const perAccount = slidingWindow(clock, SIGN_IN_PER_ACCOUNT);
  const perIp = slidingWindow(clock, SIGN_IN_PER_IP);
  return {
    retryAfterSeconds: (ip, email) => Math.ceil(Math.max(perAccount.retryAfterMs(`${ip}|${email}`), perIp.retryAfterMs(ip)) / 1000),
    recordFailure: (ip, email) => {
      perAccount.record(`${ip}|${email}`);
      perIp.record(ip);
    },
  };
}
