import { and, eq, gt, lte, ne } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { sessions } from './auth.table.ts';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  db.insert(sessions).values(row).run();
}

export async function findLiveSession(db: Db, id: string, nowIso: string): Promise<SessionRow | undefined> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, nowIso)))
    .get();
}

export async function touchSession(db: Db, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  db.update(sessions).set({ lastSeenAt, expiresAt }).where(eq(sessions.id, id)).run();
}

export async function deleteSession(db: Db, id: string): Promise<SessionRow | undefined> {
  return db.delete(sessions).where(eq(sessions.id, id)).returning().get();
}

// Every session of one person at once: disabling them signs them out everywhere.
export async function deleteSessionsOfUser(db: Db, userId: string): Promise<number> {
  return db.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
}

// A password change signs the person out everywhere but where they made it.
export async function deleteOtherSessionsOfUser(db: Db, userId: string, keepId: string): Promise<number> {
  return db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepId))).run().changes;
}

export async function deleteExpiredSessions(db: Db, nowIso: string): Promise<number> {
  return db.delete(sessions).where(lte(sessions.expiresAt, nowIso)).run().changes;
}
