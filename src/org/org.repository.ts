import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import type { BudgetLine, Entity } from './org.models.ts';
import { budgetLines, entities } from './org.table.ts';

export async function insertEntity(db: Db, entity: Entity): Promise<void> {
  db.insert(entities).values(entity).run();
}

export async function findEntityById(db: Db, id: string): Promise<Entity | undefined> {
  return db.select().from(entities).where(eq(entities.id, id)).get();
}

export async function findEntityByName(db: Db, name: string): Promise<Entity | undefined> {
  return db.select().from(entities).where(eq(entities.name, name)).get();
}

export async function listEntities(db: Db): Promise<Entity[]> {
  return db.select().from(entities).orderBy(asc(entities.name)).all();
}

export async function insertBudgetLine(db: Db, line: BudgetLine): Promise<void> {
  db.insert(budgetLines).values(line).run();
}

export async function findBudgetLineById(db: Db, id: string): Promise<BudgetLine | undefined> {
  return db.select().from(budgetLines).where(eq(budgetLines.id, id)).get();
}

export async function findBudgetLineByCode(db: Db, entityId: string, code: string): Promise<BudgetLine | undefined> {
  return db
    .select()
    .from(budgetLines)
    .where(and(eq(budgetLines.entityId, entityId), eq(budgetLines.code, code)))
    .get();
}

export async function listBudgetLines(db: Db, entityId?: string): Promise<BudgetLine[]> {
  const query = db.select().from(budgetLines);
  const filtered = entityId ? query.where(eq(budgetLines.entityId, entityId)) : query;
  return filtered.orderBy(asc(budgetLines.entityId), asc(budgetLines.code)).all();
}

// Returns whether the line changed state: closing a closed line (or reopening an open one) writes nothing.
export async function setBudgetLineActive(db: Db, id: string, active: boolean): Promise<boolean> {
  return db.update(budgetLines).set({ active }).where(and(eq(budgetLines.id, id), eq(budgetLines.active, !active))).run().changes > 0;
}
