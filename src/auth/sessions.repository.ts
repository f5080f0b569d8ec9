import { and, eq, gt, lte, ne } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { sessions } from './auth.table.ts';
import { first, tablesByDialect } from '../shared/dialect.ts';
import * as pg from './auth.pg-table.ts';

const tables = tablesByDialect({ sessions }, pg);

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  const { sessions } = tables(db);
  await db.insert(sessions).values(row);
}

export async function findLiveSession(db: Db, id: string, nowIso: string): Promise<SessionRow | undefined> {
  const { sessions } = tables(db);
  return first(await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, nowIso))).limit(1));
}

export async function touchSession(db: Db, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  const { sessions } = tables(db);
  await db.update(sessions).set({ lastSeenAt, expiresAt }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db, id: string): Promise<SessionRow | undefined> {
  const { sessions } = tables(db);
  return first(await db.delete(sessions).where(eq(sessions.id, id)).returning().limit(1));
}

// Every session of one person at once: disabling them signs them out everywhere.
export async function deleteSessionsOfUser(db: Db, userId: string): Promise<number> {
  const { sessions } = tables(db);
  return (await db.delete(sessions).where(eq(sessions.userId, userId)).returning()).length;
}

// A password change signs the person out everywhere but where they made it.
export async function deleteOtherSessionsOfUser(db: Db, userId: string, keepId: string): Promise<number> {
  const { sessions } = tables(db);
  return (await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepId))).returning()).length;
}

export async function deleteExpiredSessions(db: Db, nowIso: string): Promise<number> {
  const { sessions } = tables(db);
  return (await db.delete(sessions).where(lte(sessions.expiresAt, nowIso)).returning()).length;
}
