import { describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/auth/audit.repository.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { memoryDatabase } from '../helpers/db.ts';

describe('auth audit trail', () => {
  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    const database = memoryDatabase();
    await recordAudit(database.db, fixedClock('2026-11-27T10:00:00Z'), { event: 'sign_in', actorId: 'usr_a', subjectUserId: 'usr_a', ip: '127.0.0.1' });
    expect(() => database.sqlite.prepare("update auth_audit set event = 'sign_out'").run()).toThrow(/append-only/);
    expect(() => database.sqlite.prepare('delete from auth_audit').run()).toThrow(/append-only/);
    expect(database.sqlite.prepare('select event, at from auth_audit').all()).toEqual([{ event: 'sign_in', at: '2026-11-27T10:00:00.000Z' }]);
  });

  it('accepts only the known events', () => {
    const database = memoryDatabase();
    expect(() =>
      database.sqlite.prepare("insert into auth_audit (id, at, event) values ('aud_x', '2026-11-27T10:00:00.000Z', 'password_shown')").run(),
    ).toThrow(/CHECK/);
  });
});
