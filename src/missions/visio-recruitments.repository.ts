import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { first, tablesByDialect } from '../shared/dialect.ts';
import { visioRecruitments, visioRecruitmentWithdrawals } from './missions.table.ts';
import * as pg from './missions.pg-table.ts';

const tables = tablesByDialect({ visioRecruitments, visioRecruitmentWithdrawals }, pg);

export type VisioRecruitmentRow = typeof visioRecruitments.$inferSelect;
export type VisioWithdrawalRow = typeof visioRecruitmentWithdrawals.$inferSelect;
export type VisioRecruitmentView = VisioRecruitmentRow & { withdrawnAt: string | null };

export async function insertVisioRecruitment(db: Db, row: VisioRecruitmentRow): Promise<void> {
  await db.insert(tables(db).visioRecruitments).values(row);
}

// A person's records, newest first, each with the day it was withdrawn (null while it counts).
export async function visioRecruitmentsBy(db: Db, userId: string, limit: number): Promise<VisioRecruitmentView[]> {
  const { visioRecruitments: v, visioRecruitmentWithdrawals: w } = tables(db);
  const found = await db
    .select({ record: v, withdrawnAt: w.withdrawnAt })
    .from(v)
    .leftJoin(w, eq(w.recruitmentId, v.id))
    .where(eq(v.recordedBy, userId))
    .orderBy(desc(v.heldOn), desc(v.createdAt))
    .limit(limit);
  return found.map(({ record, withdrawnAt }) => ({ ...record, withdrawnAt: withdrawnAt ?? null }));
}

export async function findVisioRecruitmentBy(db: Db, id: string, userId: string): Promise<VisioRecruitmentView | undefined> {
  const { visioRecruitments: v, visioRecruitmentWithdrawals: w } = tables(db);
  const row = first(await db.select({ record: v, withdrawnAt: w.withdrawnAt }).from(v).leftJoin(w, eq(w.recruitmentId, v.id)).where(and(eq(v.id, id), eq(v.recordedBy, userId))).limit(1));
  return row ? { ...row.record, withdrawnAt: row.withdrawnAt ?? null } : undefined;
}

// The unique recruitment_id makes a second withdrawal of one record fail, even when two race.
export async function insertWithdrawal(db: Db, row: VisioWithdrawalRow): Promise<void> {
  await db.insert(tables(db).visioRecruitmentWithdrawals).values(row);
}
