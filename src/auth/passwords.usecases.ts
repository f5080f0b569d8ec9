import { userErrors } from './auth.errors.ts';
import { recordAudit } from './audit.repository.ts';
import { hashPassword, verifyPassword } from './auth.crypto.ts';
import type { PasswordChangeLimiter } from './password-change-limiter.ts';
import { deleteOtherSessionsOfUser, deleteSessionsOfUser } from './sessions.repository.ts';
import type { Person } from './users-admin.schemas.ts';
import { personById } from './users-admin.usecases.ts';
import * as users from './users.repository.ts';
import { userNotFound, type Actor, type AuthDeps } from './users.usecases.ts';

// Passwords after creation: the person changes their own (knowing the current one), or an admin (or
// the console) sets a new one. Hashing is slow and async: it happens before the synchronous
// transaction, which then checks that nothing changed in between.

export type OwnPasswordChange = { userId: string; currentPassword: string; newPassword: string; keepSessionId: string | null; ip: string };
export type OwnPasswordResult =
  | { kind: 'changed'; sessionsEnded: number }
  | { kind: 'wrong_password' }
  | { kind: 'same_password' }
  | { kind: 'no_password' }
  | { kind: 'rate_limited'; retryAfterSeconds: number };

// Every other session of the person ends (a thief's included); the one they changed it from stays.
export async function changeOwnPassword(deps: AuthDeps & { limiter: PasswordChangeLimiter }, input: OwnPasswordChange): Promise<OwnPasswordResult> {
  const { database, clock, limiter } = deps;
  const row = await users.findUserById(database.db, input.userId);
  if (!row) throw userNotFound(input.userId);
  if (!row.passwordHash) return { kind: 'no_password' };
  const retryAfterSeconds = limiter.retryAfterSeconds(row.id);
  if (retryAfterSeconds > 0) return { kind: 'rate_limited', retryAfterSeconds };
  if (!(await verifyPassword(input.currentPassword, row.passwordHash))) {
    limiter.recordFailure(row.id);
    await recordAudit(database.db, clock, { event: 'password_change_failed', actorId: row.id, subjectUserId: row.id, ip: input.ip });
    return { kind: 'wrong_password' };
  }
  if (input.newPassword.normalize('NFC') === input.currentPassword.normalize('NFC')) return { kind: 'same_password' };
  const newHash = await hashPassword(input.newPassword);
  return await database.transaction(async (): Promise<OwnPasswordResult> => {
      // Changed meanwhile (another tab, an admin): the current password just checked is no longer it.
      if (!await users.setPasswordHash(database.db, row.id, newHash, row.passwordHash!)) return { kind: 'wrong_password' };
      const ended = input.keepSessionId ? await deleteOtherSessionsOfUser(database.db, row.id, input.keepSessionId) : await deleteSessionsOfUser(database.db, row.id);
      await recordAudit(database.db, clock, { event: 'password_changed', actorId: row.id, subjectUserId: row.id, ip: input.ip, detail: { sessionsEnded: String(ended) } });
      return { kind: 'changed', sessionsEnded: ended };
    });
}

export type PasswordSet = { user: Person; sessionsEnded: number };

// An admin's own password goes through /account/password, which asks for the current one: a session
// left open must not be enough to take over an administrator's account. The console (actor null) may.
export async function setPasswordByAdmin(deps: AuthDeps, userId: string, password: string, actor: Actor): Promise<PasswordSet> {
  const { database, clock } = deps;
  if (!await users.findUserById(database.db, userId)) throw userNotFound(userId);
  if (actor.actorId !== null && actor.actorId === userId) {
    throw userErrors.selfPassword({}, [{ path: 'id', message: 'user.self_password' }]);
  }
  const passwordHash = await hashPassword(password);
  const sessionsEnded = await database.transaction(async () => {
      if (!await users.setPasswordHash(database.db, userId, passwordHash)) throw userNotFound(userId);
      const ended = await deleteSessionsOfUser(database.db, userId);
      await recordAudit(database.db, clock, { event: 'password_set', ...actor, subjectUserId: userId, detail: { sessionsEnded: String(ended) } });
      return ended;
    });
  return { user: await personById(deps, userId), sessionsEnded };
}
