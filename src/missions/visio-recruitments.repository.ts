import { desc, eq } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { tablesByDialect } from '../shared/dialect.ts';
import { visioRecruitments } from './missions.table.ts';
import * as pg from './missions.pg-table.ts';

const tables = tablesByDialect({ visioRecruitments }, pg);

export type VisioRecruitmentRow = typeof visioRecruitments.$inferSelect;

export async function insertVisioRecruitment(db: Db, row: VisioRecruitmentRow): Promise<void> {
  await db.insert(tables(db).visioRecruitments).values(row);
}

export async function visioRecruitmentsBy(db: Db, userId: string, limit: number): Promise<VisioRecruitmentRow[]> {
  const { visioRecruitments } = tables(db);
  return db.select().from(visioRecruitments).where(eq(visioRecruitments.recordedBy, userId)).orderBy(desc(visioRecruitments.heldOn), desc(visioRecruitments.createdAt)).limit(limit);
}
