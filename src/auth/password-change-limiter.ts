import type { Clock } from '../shared/clock.ts';
import { slidingWindow, type LimitRule } from '../shared/rate-limit.ts';

// Wrong current passwords on /account/password, counted per person in a sliding window like failed
// sign-ins (sign-in-limiter.ts). Keyed by the person, not the IP: whoever holds a stolen session may
// change addresses, and the guesses all aim at one account. Five is enough for typing mistakes.
export const PASSWORD_CHANGE_PER_PERSON: LimitRule = { limit: 5, windowMs: 15 * 60_000 };

export type PasswordChangeLimiter = {
  retryAfterSeconds(userId: string): number;
  recordFailure(userId: string): void;
};

export function passwordChangeLimiter(clock: Clock): PasswordChangeLimiter {
  const perPerson = slidingWindow(clock, PASSWORD_CHANGE_PER_PERSON);
  return {
    retryAfterSeconds: (userId) => Math.ceil(perPerson.retryAfterMs(userId) / 1000),
    recordFailure: (userId) => perPerson.record(userId),
  };
}
