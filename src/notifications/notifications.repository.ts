import { and, asc, count, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { tablesByDialect } from '../shared/dialect.ts';
import * as sqliteTables from './notifications.table.ts';
import * as pgTables from './notifications.pg-table.ts';

const tables = tablesByDialect(sqliteTables, pgTables);

export type OutboxRow = typeof sqliteTables.notificationOutbox.$inferSelect;
export type NewOutboxRow = typeof sqliteTables.notificationOutbox.$inferInsert;

export async function enqueue(db: Db, rows: NewOutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(tables(db).notificationOutbox).values(rows);
}

export async function duePending(db: Db, nowIso: string, limit: number): Promise<OutboxRow[]> {
  const { notificationOutbox: o } = tables(db);
  return db.select().from(o).where(and(eq(o.status, 'pending'), lte(o.nextAttemptAt, nowIso))).orderBy(asc(o.nextAttemptAt), asc(o.id)).limit(limit);
}

// Takes a due message for one send: moves its next attempt past the lease, if nobody else did first
// (another instance's dispatcher on PostgreSQL). False: someone else has it.
export async function claim(db: Db, id: string, dueIso: string, leaseUntilIso: string): Promise<boolean> {
  const { notificationOutbox: o } = tables(db);
  const taken = await db.update(o).set({ nextAttemptAt: leaseUntilIso }).where(and(eq(o.id, id), eq(o.status, 'pending'), lte(o.nextAttemptAt, dueIso))).returning({ id: o.id });
  return taken.length === 1;
}

export type Outcome =
  | { status: 'sent' | 'logged'; at: string; attempts: number }
  | { status: 'pending'; attempts: number; nextAttemptAt: string; error: string }
  | { status: 'failed'; attempts: number; error: string };

export async function recordOutcome(db: Db, id: string, outcome: Outcome): Promise<void> {
  const { notificationOutbox: o } = tables(db);
  await db.update(o).set(columnsOf(outcome)).where(eq(o.id, id));
}

function columnsOf(outcome: Outcome): Partial<NewOutboxRow> {
  switch (outcome.status) {
    case 'sent':
    case 'logged':
      return { status: outcome.status, attempts: outcome.attempts, sentAt: outcome.at, lastError: null };
    case 'pending':
      return { status: 'pending', attempts: outcome.attempts, nextAttemptAt: outcome.nextAttemptAt, lastError: outcome.error };
    case 'failed':
      return { status: 'failed', attempts: outcome.attempts, lastError: outcome.error };
  }
}

export async function outboxOf(db: Db, missionId: string): Promise<OutboxRow[]> {
  const { notificationOutbox: o } = tables(db);
  return db.select().from(o).where(eq(o.missionId, missionId)).orderBy(asc(o.createdAt), asc(o.kind), asc(o.recipient));
}

// The admin's view of the outbox: the latest messages first, of one status or all.
export async function latestOutbox(db: Db, filter: { status?: string; limit: number }): Promise<OutboxRow[]> {
  const { notificationOutbox: o } = tables(db);
  return db.select().from(o).where(filter.status ? eq(o.status, filter.status) : undefined).orderBy(desc(o.createdAt), desc(o.id)).limit(filter.limit);
}

export async function countsByStatus(db: Db): Promise<Record<string, number>> {
  const { notificationOutbox: o } = tables(db);
  const found = await db.select({ status: o.status, n: count() }).from(o).groupBy(o.status);
  return Object.fromEntries(found.map((r) => [r.status, Number(r.n)]));
}

export async function findOutboxRow(db: Db, id: string): Promise<OutboxRow | undefined> {
  const { notificationOutbox: o } = tables(db);
  return (await db.select().from(o).where(eq(o.id, id)).limit(1))[0];
}

// A message given up (failed) or only logged (no SMTP server then) goes back to the queue, due now,
// with a fresh count of attempts; its last error stays until the next attempt. False: not in such a state.
export async function requeue(db: Db, id: string, nowIso: string): Promise<boolean> {
  const { notificationOutbox: o } = tables(db);
  const changed = await db.update(o).set({ status: 'pending', attempts: 0, nextAttemptAt: nowIso }).where(and(eq(o.id, id), inArray(o.status, ['failed', 'logged']))).returning({ id: o.id });
  return changed.length === 1;
}
