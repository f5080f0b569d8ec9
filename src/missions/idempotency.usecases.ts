import { createHash } from 'node:crypto';
import type { Clock } from '../shared/clock.ts';
import type { Database } from '../shared/db.ts';
import { isAppError } from '../shared/errors.ts';
import { missionErrors } from './missions.errors.ts';
import { errorBody } from '../shared/http.ts';
import { deleteStoredAnswer, findStoredAnswer, purgeAnswersBefore, storeAnswer } from './idempotency.repository.ts';

export type Answer = { status: number; body: unknown; replayed?: boolean };
export type IdempotencyContext = { userId: string; key: string | undefined; route: string; body: unknown };

// Key order must not change the hash: {a,b} and {b,a} are the same request.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const requestHash = (route: string, body: unknown): string => createHash('sha256').update(`${route}\n${canonical(body)}`).digest('hex');

// Answers worth replaying: the action ran against the mission's state (success, or a 409 such as an
// invalid transition). Bad input, authentication and authorisation failures are not stored: the
// client fixes the request and retries with the same key.
const replayable = (status: number) => (status >= 200 && status < 300) || status === 409;

// A key protects against retries and double clicks, which come within minutes; kept for a day (as
// payment APIs do), after which it may serve again. Stored answers hold whole missions, so the table
// is purged of expired keys whenever an answer is stored, rather than growing for ever.
export const IDEMPOTENCY_KEY_RETENTION_HOURS = 24;

// Runs `action` at most once per (user, key) within the retention. The lookup, the action and the
// stored answer share one transaction, serialised per key (IMMEDIATE on SQLite, an advisory lock on
// PostgreSQL), so two processes retrying the same key cannot both act.
export async function runIdempotent(database: Database, clock: Clock, ctx: IdempotencyContext, action: () => Promise<Answer>): Promise<Answer> {
  if (ctx.key === undefined) return action();
  const key = ctx.key;
  const bodyHash = requestHash(ctx.route, ctx.body);
  const now = clock.now().toUTC();
  const expiredBefore = now.minus({ hours: IDEMPOTENCY_KEY_RETENTION_HOURS }).toISO()!;
  return await database.transaction(async (): Promise<Answer> => {
    const db = database.db;
    const stored = await findStoredAnswer(db, ctx.userId, key);
    if (stored && stored.createdAt < expiredBefore) {
      await deleteStoredAnswer(db, ctx.userId, key);
    } else if (stored) {
      if (stored.bodyHash !== bodyHash) {
        throw missionErrors.idempotencyKeyReused({}, [{ path: 'Idempotency-Key', message: `already used for ${stored.route}` }]);
      }
      return { status: stored.statusCode, body: JSON.parse(stored.responseJson), replayed: true };
    }
    const answer = await attempt(database, action);
    if (replayable(answer.status)) {
      await purgeAnswersBefore(db, expiredBefore);
      await storeAnswer(db, { key, userId: ctx.userId, route: ctx.route, bodyHash, statusCode: answer.status, responseJson: JSON.stringify(answer.body), createdAt: now.toISO()! });
    }
    if (answer.status >= 400 && !replayable(answer.status)) throw (answer as { error?: unknown }).error ?? new Error('unreachable');
    return answer;
  }, { lock: [`idempotency:${ctx.userId}:${key}`] });
}

// The action runs in a savepoint: a business refusal rolls back its own writes but still yields the
// answer to store.
async function attempt(database: Database, action: () => Promise<Answer>): Promise<Answer & { error?: unknown }> {
  try {
    return await database.transaction(action, { savepoint: true });
  } catch (err) {
    if (!isAppError(err)) throw err;
    return { status: err.status, body: errorBody(err), error: err };
  }
}
