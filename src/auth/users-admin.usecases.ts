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

export async function listPeople({ database }: Pick<AuthDeps, 'database'>): Promise<Person[]> {
  return await users.listUsersWithRoles(database.db);
}

export async function personById({ database }: Pick<AuthDeps, 'database'>, userId: string): Promise<Person> {
  const [person] = await users.listUsersWithRoles(database.db, userId);
  if (!person) throw userNotFound(userId);
  return person;
}

// Same rules as `empreinte user add`. The password is hashed before the (synchronous) transaction.
export async function createPerson(deps: AuthDeps, input: unknown, actor: Actor): Promise<Person> {
  const { password, ...fields } = parseOrThrow(personCreateSchema, input, 'user');
  const passwordHash = password === undefined ? null : await hashPassword(password);
  return personById(deps, (await createUser(deps, { ...fields, passwordHash }, actor)).id);
}

// Disabling ends every session at once; API tokens are kept but refused while the flag is set
// (sessions.usecases.ts), so re-enabling restores the person's scripts without new tokens.
// IMMEDIATE: the count of enabled admins and the change happen under one write lock.
export async function disableUser({ database, clock }: AuthDeps, userId: string, actor: Actor): Promise<StatusChange> {
  const { changed, sessionsEnded } = await database.transaction(async () => {
      const row = await users.findUserById(database.db, userId);
      if (!row) throw userNotFound(userId);
      if (row.disabled) return { changed: false, sessionsEnded: 0 };
      const refusal = refuseDisable(await adminRuleInput(database.db, row, actor));
      if (refusal) throw refusal;
      await users.setUserDisabled(database.db, userId, true);
      const ended = await deleteSessionsOfUser(database.db, userId);
      await recordAudit(database.db, clock, { event: 'user_disabled', ...actor, subjectUserId: userId, detail: { sessionsEnded: String(ended) } });
      return { changed: true, sessionsEnded: ended };
    });
  return { user: await personById({ database }, userId), changed, sessionsEnded };
}

export async function enableUser({ database, clock }: AuthDeps, userId: string, actor: Actor): Promise<StatusChange> {
  const changed = await database.transaction(async () => {
      if (!await users.findUserById(database.db, userId)) throw userNotFound(userId);
      const enabled = await users.setUserDisabled(database.db, userId, false);
      if (enabled) await recordAudit(database.db, clock, { event: 'user_enabled', ...actor, subjectUserId: userId });
      return enabled;
    });
  return { user: await personById({ database }, userId), changed, sessionsEnded: 0 };
}

export type PersonUpdateResult = { user: Person; changed: boolean };

// Name, entity and category; an unknown id is a 404 before the body is looked at. Only the fields
// whose value really changes are written and audited (one user_updated row naming them).
export async function updatePerson({ database, clock }: AuthDeps, userId: string, input: unknown, actor: Actor): Promise<PersonUpdateResult> {
  if (!await users.findUserById(database.db, userId)) throw userNotFound(userId);
  const wanted = parseOrThrow(personUpdateSchema, input, 'user');
  const changed = await database.transaction(async () => {
      const row = await users.findUserById(database.db, userId);
      if (!row) throw userNotFound(userId);
      if (wanted.entityId && !await findEntityById(database.db, wanted.entityId)) throw unknownEntity(wanted.entityId);
      const patch = Object.fromEntries(Object.entries(wanted).filter(([key, value]) => value !== undefined && row[key as keyof users.UserDetails] !== value)) as Partial<users.UserDetails>;
      const fields = Object.keys(patch);
      if (!fields.length) return false;
      await users.updateUserDetails(database.db, userId, patch);
      const detail: Record<string, string> = { fields: fields.join(',') };
      for (const [key, value] of Object.entries(patch)) detail[key] = value ?? '';
      await recordAudit(database.db, clock, { event: 'user_updated', ...actor, subjectUserId: userId, detail });
      return true;
    });
  return { user: await personById({ database }, userId), changed };
}
