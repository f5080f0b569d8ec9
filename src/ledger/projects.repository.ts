import { asc, eq } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { first, tablesByDialect } from '../shared/dialect.ts';
import * as pgTables from './ledger.pg-table.ts';
import { reinvestmentProjects } from './ledger.table.ts';

const tables = tablesByDialect({ reinvestmentProjects }, pgTables);

export type Project = typeof reinvestmentProjects.$inferSelect;

export async function insertProject(db: Db, project: Project): Promise<void> {
  await db.insert(tables(db).reinvestmentProjects).values(project);
}

export async function findProjectById(db: Db, id: string): Promise<Project | undefined> {
  const { reinvestmentProjects } = tables(db);
  return first(await db.select().from(reinvestmentProjects).where(eq(reinvestmentProjects.id, id)).limit(1));
}

export async function findProjectByName(db: Db, name: string): Promise<Project | undefined> {
  const { reinvestmentProjects } = tables(db);
  return first(await db.select().from(reinvestmentProjects).where(eq(reinvestmentProjects.name, name)).limit(1));
}

export async function listProjects(db: Db): Promise<Project[]> {
  const { reinvestmentProjects } = tables(db);
  return db.select().from(reinvestmentProjects).orderBy(asc(reinvestmentProjects.createdAt), asc(reinvestmentProjects.name));
}
