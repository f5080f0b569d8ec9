import { and, eq, gt, lte, ne } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { sessions } from './auth.table.ts';

export type SessionRow = typeof sessions.$inferSelect;

export function insertSession(db: Db, row: SessionRow): void {
  db.insert(sessions).values(row).run();
}

export function findLiveSession(db: Db, id: string, nowIso: string): SessionRow | undefined {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, nowIso)))
    .get();
}

export function touchSession(db: Db, id: string, lastSeenAt: string, expiresAt: string): void {
  db.update(sessions).set({ lastSeenAt, expiresAt }).where(eq(sessions.id, id)).run();
}

export function deleteSession(db: Db, id: string): SessionRow | undefined {
  return db.delete(sessions).where(eq(sessions.id, id)).returning().get();
}

// Every session of one person at once: disabling them signs them out everywhere.
export function deleteSessionsOfUser(db: Db, userId: string): number {
  return db.delete(sessions).where(eq(sessions.userId, userId)).run().changes;
}

// A password change signs the person out everywhere but where they made it.
export function deleteOtherSessionsOfUser(db: Db, userId: string, keepId: string): number {
  return db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepId))).run().changes;
}

export function deleteExpiredSessions(db: Db, nowIso: string): number {
  return db.delete(sessions).where(lte(sessions.expiresAt, nowIso)).run().changes;
}
