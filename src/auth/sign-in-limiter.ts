import type { Clock } from '../shared/clock.ts';
import { slidingWindow, type LimitRule } from '../shared/rate-limit.ts';

// Failed sign-ins are counted in sliding windows (src/shared/rate-limit.ts), in memory: one process
// serves the app, and a restart forgetting the counts is acceptable (an attacker gains one window, not
// a bypass).

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
