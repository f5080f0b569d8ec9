import { and, asc, eq, like } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { roles as allRoles, type AuthenticatedUser, type Role } from './auth.types.ts';
import { entities } from '../org/org.table.ts';
import { userRoles, users } from './auth.table.ts';
import { first, tablesByDialect } from '../shared/dialect.ts';
import * as pg from '../org/org.pg-table.ts';
import * as pg1 from './auth.pg-table.ts';

const tables = tablesByDialect({ entities, userRoles, users }, { ...pg, ...pg1 });

export type UserRow = typeof users.$inferSelect;

export async function insertUser(db: Db, row: UserRow): Promise<void> {
  const { users } = tables(db);
  await db.insert(users).values(row);
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const { users } = tables(db);
  return first(await db.select().from(users).where(eq(users.id, id)).limit(1));
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const { users } = tables(db);
  return first(await db.select().from(users).where(eq(users.email, email)).limit(1));
}

// Users whose email starts with `local@`: the trusted header may carry a bare uid (CAS) instead of an email.
export async function findUsersByEmailLocalPart(db: Db, localPart: string): Promise<UserRow[]> {
  const { users } = tables(db);
  const escaped = localPart.replace(/[\\%_]/g, (c) => `\\${c}`);
  return (await db
    .select()
    .from(users)
    .where(like(users.email, `${escaped}@%`))
    .limit(2))
    .filter((u) => u.email.slice(0, u.email.indexOf('@')) === localPart);
}

export async function rolesOf(db: Db, userId: string): Promise<Role[]> {
  const { userRoles } = tables(db);
  const held = new Set((await db.select({ role: userRoles.role }).from(userRoles).where(eq(userRoles.userId, userId))).map((r) => r.role));
  return allRoles.filter((r) => held.has(r));
}

// Returns whether the role was newly granted, so that callers audit real changes only.
export async function grantRole(db: Db, userId: string, role: Role): Promise<boolean> {
  const { userRoles } = tables(db);
  return (await db.insert(userRoles).values({ userId, role }).onConflictDoNothing().returning()).length > 0;
}

export async function revokeRole(db: Db, userId: string, role: Role): Promise<boolean> {
  const { userRoles } = tables(db);
  return (await db.delete(userRoles).where(and(eq(userRoles.userId, userId), eq(userRoles.role, role))).returning()).length > 0;
}

export async function setUserDisabled(db: Db, id: string, disabled: boolean): Promise<boolean> {
  const { users } = tables(db);
  return (await db.update(users).set({ disabled }).where(and(eq(users.id, id), eq(users.disabled, !disabled))).returning()).length > 0;
}

// With `expectedHash`, only when the stored hash is still the one just verified (no change in between).
export async function setPasswordHash(db: Db, id: string, passwordHash: string, expectedHash?: string): Promise<boolean> {
  const { users } = tables(db);
  const where = expectedHash === undefined ? eq(users.id, id) : and(eq(users.id, id), eq(users.passwordHash, expectedHash));
  return (await db.update(users).set({ passwordHash }).where(where).returning()).length > 0;
}

export type UserDetails = Pick<UserRow, 'name' | 'entityId' | 'category'>;

export async function updateUserDetails(db: Db, id: string, details: Partial<UserDetails>): Promise<void> {
  const { users } = tables(db);
  await db.update(users).set(details).where(eq(users.id, id));
}

export type UserListRow = Pick<UserRow, 'id' | 'email' | 'name' | 'category' | 'disabled'> & { entity: { id: string; name: string } | null; roles: Role[] };

// Two queries (people with their entity, then their roles) instead of one per person; `onlyId` for one.
export async function listUsersWithRoles(db: Db, onlyId?: string): Promise<UserListRow[]> {
  const { entities, userRoles, users } = tables(db);
  const query = db
    .select({ id: users.id, email: users.email, name: users.name, category: users.category, disabled: users.disabled, entityId: entities.id, entityName: entities.name })
    .from(users)
    .leftJoin(entities, eq(entities.id, users.entityId));
  const rows = (await (onlyId ? query.where(eq(users.id, onlyId)) : query).orderBy(asc(users.name), asc(users.email)));
  const roleRows = onlyId ? (await db.select().from(userRoles).where(eq(userRoles.userId, onlyId))) : (await db.select().from(userRoles));
  const held = new Map<string, Set<Role>>();
  for (const { userId, role } of roleRows) held.set(userId, (held.get(userId) ?? new Set<Role>()).add(role));
  return rows.map(({ entityId, entityName, ...row }) => ({
    ...row,
    entity: entityId && entityName !== null ? { id: entityId, name: entityName } : null,
    roles: allRoles.filter((r) => held.get(row.id)?.has(r)),
  }));
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const { userRoles, users } = tables(db);
  return (await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, 'admin'), eq(users.disabled, false)))).length;
}

export async function toAuthenticatedUser(db: Db, row: UserRow, via: AuthenticatedUser['via']): Promise<AuthenticatedUser> {
  return { id: row.id, email: row.email, name: row.name, roles: await rolesOf(db, row.id), entityId: row.entityId, category: row.category, via };
}

// Who holds a role and may act (not disabled), for notifications: their name and address.
export async function activeHoldersOf(db: Db, role: Role): Promise<Array<{ id: string; email: string; name: string }>> {
  const { userRoles, users } = tables(db);
  return db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, role), eq(users.disabled, false)))
    .orderBy(asc(users.email));
}
