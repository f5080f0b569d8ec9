import { asc, eq } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { reinvestmentProjects } from './ledger.table.ts';

export type Project = typeof reinvestmentProjects.$inferSelect;

export function insertProject(db: Db, project: Project): void {
  db.insert(reinvestmentProjects).values(project).run();
}

export function findProjectById(db: Db, id: string): Project | undefined {
  return db.select().from(reinvestmentProjects).where(eq(reinvestmentProjects.id, id)).get();
}

export function findProjectByName(db: Db, name: string): Project | undefined {
  return db.select().from(reinvestmentProjects).where(eq(reinvestmentProjects.name, name)).get();
}

export function listProjects(db: Db): Project[] {
  return db.select().from(reinvestmentProjects).orderBy(asc(reinvestmentProjects.createdAt), asc(reinvestmentProjects.name)).all();
}
