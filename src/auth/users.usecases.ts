import type { Clock } from '../shared/clock.ts';
import type { Db, Database } from '../shared/db.ts';
import type { AppError } from '../shared/errors.ts';
import { userErrors } from './auth.errors.ts';
import { newId } from '../shared/ids.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { findEntityById } from '../org/org.repository.ts';
import { toIso } from './auth.models.ts';
import { userCreateSchema, type UserCreate } from './auth.schemas.ts';
import type { Role } from './auth.types.ts';
import { recordAudit } from './audit.repository.ts';
import { newApiToken, sha256Hex } from './auth.crypto.ts';
import * as tokens from './tokens.repository.ts';
import * as users from './users.repository.ts';
import { refuseAdminRoleRemoval, type AdminRuleInput } from './users-admin.models.ts';

export type AuthDeps = { database: Database; clock: Clock };
// Who did it: a signed-in person, or null for the command line (the operator at the console).
export type Actor = { actorId: string | null; ip?: string | null };

// The password arrives already hashed: hashing is slow and async, this transaction must stay synchronous.
export async function createUser({ database, clock }: AuthDeps, input: UserCreate & { passwordHash?: string | null }, actor: Actor): Promise<users.UserRow> {
  const { passwordHash = null, ...fields } = input;
  const parsed = parseOrThrow(userCreateSchema, fields, 'user');
  const row: users.UserRow = {
    id: newId('usr'),
    email: parsed.email,
    name: parsed.name,
    category: parsed.category,
    entityId: parsed.entityId,
    passwordHash,
    createdAt: toIso(clock.now()),
    disabled: false,
  };
  await database.transaction(async () => {
    if (await users.findUserByEmail(database.db, row.email)) {
      throw userErrors.conflict({ email: row.email }, [{ path: 'email', message: 'already exists' }]);
    }
    if (row.entityId && !await findEntityById(database.db, row.entityId)) throw unknownEntity(row.entityId);
    await users.insertUser(database.db, row);
    for (const role of new Set(parsed.roles)) await users.grantRole(database.db, row.id, role);
    await recordAudit(database.db, clock, { event: 'user_created', ...actor, subjectUserId: row.id, detail: { roles: parsed.roles.join(',') } });
  });
  return row;
}

export async function findUserOrThrow({ database }: Pick<AuthDeps, 'database'>, email: string): Promise<users.UserRow> {
  const user = await users.findUserByEmail(database.db, email.trim().toLowerCase());
  if (!user) throw userErrors.notFoundByEmail({ email }, [{ path: 'email', message: 'unknown' }]);
  return user;
}

export function userNotFound(userId: string): AppError {
  return userErrors.notFound({ id: userId }, [{ path: 'id', message: 'unknown' }]);
}

// The facts the admin rules (users-admin.models.ts) need, read inside the caller's transaction.
export async function adminRuleInput(db: Db, row: users.UserRow, actor: Actor): Promise<AdminRuleInput> {
  return {
    actorId: actor.actorId,
    target: { id: row.id, name: row.name, disabled: row.disabled, isAdmin: (await users.rolesOf(db, row.id)).includes('admin') },
    enabledAdmins: await users.countActiveAdmins(db),
  };
}

export const unknownEntity = (entityId: string): AppError => userErrors.unknownEntity({ id: entityId }, [{ path: 'entityId', message: 'unknown entity' }]);

// Returns whether anything changed; only a real change is audited. IMMEDIATE: the count of enabled
// admins and the removal happen under one write lock, so two removals racing (a page and the CLI)
// cannot both see "another admin remains".
export async function changeRole({ database, clock }: AuthDeps, userId: string, role: Role, action: 'add' | 'remove', actor: Actor): Promise<boolean> {
  return await database.transaction(async () => {
      const row = await users.findUserById(database.db, userId);
      if (!row) throw userNotFound(userId);
      const refusal = action === 'remove' && role === 'admin' ? refuseAdminRoleRemoval(await adminRuleInput(database.db, row, actor)) : null;
      if (refusal) throw refusal;
      const changed = action === 'add' ? await users.grantRole(database.db, userId, role) : await users.revokeRole(database.db, userId, role);
      if (changed) {
        await recordAudit(database.db, clock, { event: action === 'add' ? 'role_added' : 'role_removed', ...actor, subjectUserId: userId, detail: { role } });
      }
      return changed;
    });
}

// The clear token is returned once and never stored: only its SHA-256 is kept.
export async function createApiToken({ database, clock }: AuthDeps, userId: string, label: string, actor: Actor): Promise<{ id: string; token: string }> {
  const token = newApiToken();
  const id = newId('tok');
  await database.transaction(async () => {
    await tokens.insertApiToken(database.db, { id, userId, tokenHash: sha256Hex(token), label, createdAt: toIso(clock.now()), lastUsedAt: null, revokedAt: null });
    await recordAudit(database.db, clock, { event: 'token_created', ...actor, subjectUserId: userId, detail: { tokenId: id, label } });
  });
  return { id, token };
}

export async function revokeApiToken({ database, clock }: AuthDeps, userId: string, tokenId: string, actor: Actor): Promise<boolean> {
  return await database.transaction(async () => {
    const revoked = await tokens.revokeApiToken(database.db, userId, tokenId, toIso(clock.now()));
    if (revoked) await recordAudit(database.db, clock, { event: 'token_revoked', ...actor, subjectUserId: userId, detail: { tokenId } });
    return revoked;
  });
}

export function listApiTokensOf({ database }: Pick<AuthDeps, 'database'>, userId: string) {
  return tokens.listApiTokens(database.db, userId);
}

export async function hasPassword({ database }: Pick<AuthDeps, 'database'>, userId: string): Promise<boolean> {
  return !!(await users.findUserById(database.db, userId))?.passwordHash;
}

export async function hasActiveAdmin({ database }: Pick<AuthDeps, 'database'>): Promise<boolean> {
  return await users.countActiveAdmins(database.db) > 0;
}
