import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import type { BudgetLine, Entity } from './org.models.ts';
import { budgetLines, entities } from './org.table.ts';

export function insertEntity(db: Db, entity: Entity): void {
  db.insert(entities).values(entity).run();
}

export function findEntityById(db: Db, id: string): Entity | undefined {
  return db.select().from(entities).where(eq(entities.id, id)).get();
}

export function findEntityByName(db: Db, name: string): Entity | undefined {
  return db.select().from(entities).where(eq(entities.name, name)).get();
}

export function listEntities(db: Db): Entity[] {
  return db.select().from(entities).orderBy(asc(entities.name)).all();
}

export function insertBudgetLine(db: Db, line: BudgetLine): void {
  db.insert(budgetLines).values(line).run();
}

export function findBudgetLineById(db: Db, id: string): BudgetLine | undefined {
  return db.select().from(budgetLines).where(eq(budgetLines.id, id)).get();
}

export function findBudgetLineByCode(db: Db, entityId: string, code: string): BudgetLine | undefined {
  return db
    .select()
    .from(budgetLines)
    .where(and(eq(budgetLines.entityId, entityId), eq(budgetLines.code, code)))
    .get();
}

export function listBudgetLines(db: Db, entityId?: string): BudgetLine[] {
  const query = db.select().from(budgetLines);
  const filtered = entityId ? query.where(eq(budgetLines.entityId, entityId)) : query;
  return filtered.orderBy(asc(budgetLines.entityId), asc(budgetLines.code)).all();
}

// Returns whether the line changed state: closing a closed line (or reopening an open one) writes nothing.
export function setBudgetLineActive(db: Db, id: string, active: boolean): boolean {
  return db.update(budgetLines).set({ active }).where(and(eq(budgetLines.id, id), eq(budgetLines.active, !active))).run().changes > 0;
}
