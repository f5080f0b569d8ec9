import { DateTime, Duration } from 'luxon';
import { roles, type Role } from './auth.types.ts';

// Pure rules of sign-in: no Express, no database.
export const userCategories = ['staff', 'student'] as const;
export type UserCategory = (typeof userCategories)[number];

export const auditEvents = [
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'role_added',
  'role_removed',
  'token_created',
  'token_revoked',
  'user_created',
  'user_disabled',
  'user_enabled',
  'password_changed',
  'password_change_failed',
  'password_set',
  'user_updated',
] as const;
export type AuditEvent = (typeof auditEvents)[number];

// 12 h of inactivity ends a session; any request within that window pushes the end back.
export const SESSION_IDLE = Duration.fromObject({ hours: 12 });
// Refreshing on every request would turn every read into a write; a minute of slack is invisible.
export const SESSION_TOUCH_EVERY = Duration.fromObject({ minutes: 1 });

export function sessionExpiry(now: DateTime): string {
  return toIso(now.plus(SESSION_IDLE));
}

export function needsTouch(lastSeenAtIso: string, now: DateTime): boolean {
  return DateTime.fromISO(lastSeenAtIso).plus(SESSION_TOUCH_EVERY) <= now;
}

// One ISO format everywhere (UTC, milliseconds, Z) so that stored instants compare as strings.
export function toIso(instant: DateTime): string {
  return instant.toUTC().toISO({ suppressMilliseconds: false }) ?? '';
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

// A redirect target after sign-in must stay on this site: a path, never `//host` or a scheme.
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || /[\\\u0000-\u001f]/.test(next)) return '/';
  return next.length > 512 ? '/' : next;
}
