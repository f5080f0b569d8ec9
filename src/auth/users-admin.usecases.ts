import { parseOrThrow } from '../shared/validation.ts';
import { recordAudit } from './audit.repository.ts';
import { hashPassword } from './auth.crypto.ts';
import { refuseDisable } from './users-admin.models.ts';
import { personCreateSchema, type Person } from './users-admin.schemas.ts';
import { deleteSessionsOfUser } from './sessions.repository.ts';
import * as users from './users.repository.ts';
import { adminRuleInput, createUser, refusalError, userNotFound, type Actor, type AuthDeps } from './users.usecases.ts';

// Managing people from the API, the pages and the CLI: list, create, disable, enable. Role changes
// go through changeRole (users.usecases.ts), which holds the last-admin rule for the CLI as well.

export type StatusChange = { user: Person; changed: boolean; sessionsEnded: number };

export function listPeople({ database }: Pick<AuthDeps, 'database'>): Person[] {
  return users.listUsersWithRoles(database.db);
}

export function personById({ database }: Pick<AuthDeps, 'database'>, userId: string): Person {
  const [person] = users.listUsersWithRoles(database.db, userId);
  if (!person) throw userNotFound(userId);
  return person;
}

// Same rules as `empreinte user add`. The password is hashed before the (synchronous) transaction.
export async function createPerson(deps: AuthDeps, input: unknown, actor: Actor): Promise<Person> {
  const { password, ...fields } = parseOrThrow(personCreateSchema, input, 'user');
  const passwordHash = password === undefined ? null : await hashPassword(password);
  return personById(deps, createUser(deps, { ...fields, passwordHash }, actor).id);
}

// Disabling ends every session at once; API tokens are kept but refused while the flag is set
// (sessions.usecases.ts), so re-enabling restores the person's scripts without new tokens.
// IMMEDIATE: the count of enabled admins and the change happen under one write lock.
export function disableUser({ database, clock }: AuthDeps, userId: string, actor: Actor): StatusChange {
  const { changed, sessionsEnded } = database.sqlite
    .transaction(() => {
      const row = users.findUserById(database.db, userId);
      if (!row) throw userNotFound(userId);
      if (row.disabled) return { changed: false, sessionsEnded: 0 };
      const refusal = refuseDisable(adminRuleInput(database.db, row, actor));
      if (refusal) throw refusalError(refusal);
      users.setUserDisabled(database.db, userId, true);
      const ended = deleteSessionsOfUser(database.db, userId);
      recordAudit(database.db, clock, { event: 'user_disabled', ...actor, subjectUserId: userId, detail: { sessionsEnded: String(ended) } });
      return { changed: true, sessionsEnded: ended };
    })
    .immediate();
  return { user: personById({ database }, userId), changed, sessionsEnded };
}

export function enableUser({ database, clock }: AuthDeps, userId: string, actor: Actor): StatusChange {
  const changed = database.sqlite
    .transaction(() => {
      if (!users.findUserById(database.db, userId)) throw userNotFound(userId);
      const enabled = users.setUserDisabled(database.db, userId, false);
      if (enabled) recordAudit(database.db, clock, { event: 'user_enabled', ...actor, subjectUserId: userId });
      return enabled;
    })
    .immediate();
  return { user: personById({ database }, userId), changed, sessionsEnded: 0 };
}
