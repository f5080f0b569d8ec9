import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import type { BudgetLine, Entity } from './org.models.ts';
import { budgetLines, entities } from './org.table.ts';
import { first, tablesByDialect } from '../shared/dialect.ts';
import * as pg from './org.pg-table.ts';

const tables = tablesByDialect({ budgetLines, entities }, pg);

export async function insertEntity(db: Db, entity: Entity): Promise<void> {
  const { entities } = tables(db);
  await db.insert(entities).values(entity);
}

export async function findEntityById(db: Db, id: string): Promise<Entity | undefined> {
  const { entities } = tables(db);
  return first(await db.select().from(entities).where(eq(entities.id, id)).limit(1));
}

export async function findEntityByName(db: Db, name: string): Promise<Entity | undefined> {
  const { entities } = tables(db);
  return first(await db.select().from(entities).where(eq(entities.name, name)).limit(1));
}

export async function listEntities(db: Db): Promise<Entity[]> {
  const { entities } = tables(db);
  return db.select().from(entities).orderBy(asc(entities.name));
}

export async function insertBudgetLine(db: Db, line: BudgetLine): Promise<void> {
  const { budgetLines } = tables(db);
  await db.insert(budgetLines).values(line);
}

export async function findBudgetLineById(db: Db, id: string): Promise<BudgetLine | undefined> {
  const { budgetLines } = tables(db);
  return first(await db.select().from(budgetLines).where(eq(budgetLines.id, id)).limit(1));
}

export async function findBudgetLineByCode(db: Db, entityId: string, code: string): Promise<BudgetLine | undefined> {
  const { budgetLines } = tables(db);
  return first(await db
    .select()
    .from(budgetLines)
    .where(and(eq(budgetLines.entityId, entityId), eq(budgetLines.code, code))).limit(1));
}

export async function listBudgetLines(db: Db, entityId?: string): Promise<BudgetLine[]> {
  const { budgetLines } = tables(db);
  const query = db.select().from(budgetLines);
  const filtered = entityId ? query.where(eq(budgetLines.entityId, entityId)) : query;
  return filtered.orderBy(asc(budgetLines.entityId), asc(budgetLines.code));
}

// Returns whether the line changed state: closing a closed line (or reopening an open one) writes nothing.
export async function setBudgetLineActive(db: Db, id: string, active: boolean): Promise<boolean> {
  const { budgetLines } = tables(db);
  return (await db.update(budgetLines).set({ active }).where(and(eq(budgetLines.id, id), eq(budgetLines.active, !active))).returning()).length > 0;
}
