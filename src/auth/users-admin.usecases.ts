import { parseOrThrow } from '../shared/validation.ts';
import { recordAudit } from './audit.repository.ts';
import { hashPassword } from './auth.crypto.ts';
import { refuseDisable } from './users-admin.models.ts';
import { findEntityById } from '../org/org.repository.ts';
import { personCreateSchema, personUpdateSchema, type Person } from './users-admin.schemas.ts';
import { deleteSessionsOfUser } from './sessions.repository.ts';
import * as users from './users.repository.ts';
import { adminRuleInput, createUser, unknownEntity, userNotFound, type Actor, type AuthDeps } from './users.usecases.ts';

// Managing people from the API, the pages and the CLI: list, create, edit, disable, enable. Role changes
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
      if (refusal) throw refusal;
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

export type PersonUpdateResult = { user: Person; changed: boolean };

// Name, entity and category; an unknown id is a 404 before the body is looked at. Only the fields
// whose value really changes are written and audited (one user_updated row naming them).
export function updatePerson({ database, clock }: AuthDeps, userId: string, input: unknown, actor: Actor): PersonUpdateResult {
  if (!users.findUserById(database.db, userId)) throw userNotFound(userId);
  const wanted = parseOrThrow(personUpdateSchema, input, 'user');
  const changed = database.sqlite
    .transaction(() => {
      const row = users.findUserById(database.db, userId);
      if (!row) throw userNotFound(userId);
      if (wanted.entityId && !findEntityById(database.db, wanted.entityId)) throw unknownEntity(wanted.entityId);
      const patch = Object.fromEntries(Object.entries(wanted).filter(([key, value]) => value !== undefined && row[key as keyof users.UserDetails] !== value)) as Partial<users.UserDetails>;
      const fields = Object.keys(patch);
      if (!fields.length) return false;
      users.updateUserDetails(database.db, userId, patch);
      const detail: Record<string, string> = { fields: fields.join(',') };
      for (const [key, value] of Object.entries(patch)) detail[key] = value ?? '';
      recordAudit(database.db, clock, { event: 'user_updated', ...actor, subjectUserId: userId, detail });
      return true;
    })
    .immediate();
  return { user: personById({ database }, userId), changed };
}
