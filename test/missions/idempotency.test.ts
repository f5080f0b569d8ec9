import { describe, expect, it } from 'vitest';
import { IDEMPOTENCY_KEY_RETENTION_HOURS, runIdempotent, type Answer } from '../../src/missions/idempotency.usecases.ts';
import { engineDatabase } from '../helpers/db.ts';
import { count } from '../helpers/sql.ts';
import { movableClock } from '../auth/support.ts';

function counter() {
  let runs = 0;
  return { action: async (): Promise<Answer> => ({ status: 201, body: { run: ++runs } }), runs: () => runs };
}

describe('idempotency keys', () => {
  it('replays the stored answer within the retention and refuses the key for another body', async () => {
    const database = await engineDatabase();
    const clock = movableClock('2026-11-27T10:00:00Z');
    const { action, runs } = counter();
    const ctx = { userId: 'usr_a', key: 'k1', route: 'POST /api/missions', body: { purpose: 'conference' } };
    expect(await runIdempotent(database, clock, ctx, action)).toEqual({ status: 201, body: { run: 1 } });
    clock.advance({ hours: IDEMPOTENCY_KEY_RETENTION_HOURS - 1 });
    expect(await runIdempotent(database, clock, ctx, action)).toEqual({ status: 201, body: { run: 1 }, replayed: true });
    await expect(runIdempotent(database, clock, { ...ctx, body: { purpose: 'teaching' } }, action)).rejects.toThrowError(expect.objectContaining({ code: 'idempotency.conflict' }));
    expect(runs()).toBe(1);
  });

  it('lets a key serve again once expired, and purges expired keys when an answer is stored', async () => {
    const database = await engineDatabase();
    const clock = movableClock('2026-11-27T10:00:00Z');
    const { action, runs } = counter();
    const ctx = { userId: 'usr_a', key: 'k1', route: 'POST /api/missions', body: { purpose: 'conference' } };
    await runIdempotent(database, clock, ctx, action);
    await runIdempotent(database, clock, { ...ctx, userId: 'usr_b' }, action);
    clock.advance({ hours: IDEMPOTENCY_KEY_RETENTION_HOURS, seconds: 1 });
    // Another body under the expired key is a new request, not a conflict.
    expect(await runIdempotent(database, clock, { ...ctx, body: { purpose: 'teaching' } }, action)).toEqual({ status: 201, body: { run: 3 } });
    expect(runs()).toBe(3);
    // usr_b's expired key went with the purge: only the new answer is kept.
    expect(await count(database, 'idempotency_keys')).toBe(1);
  });
});
