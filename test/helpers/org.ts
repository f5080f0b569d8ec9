import type { Database } from '../../src/shared/db.ts';
import { newId } from '../../src/shared/ids.ts';
import type { BudgetLine, Entity, EntityKind } from '../../src/org/org.models.ts';
import { insertBudgetLine, insertEntity } from '../../src/org/org.repository.ts';

let counter = 0;

// Seeds an entity directly (no audit, no clock): tests that are not about the organisation need one.
export async function createEntity(database: Database, fields: { name?: string; kind?: EntityKind } = {}): Promise<Entity> {
  counter += 1;
  const entity: Entity = { id: newId('ent'), name: fields.name ?? `Laboratoire ${counter}`, kind: fields.kind ?? 'lab', createdAt: '2026-01-05T09:00:00.000Z' };
  await insertEntity(database.db, entity);
  return entity;
}

export async function createBudgetLine(database: Database, entityId: string, fields: { code?: string; label?: string; active?: boolean } = {}): Promise<BudgetLine> {
  counter += 1;
  const line: BudgetLine = { id: newId('bgl'), entityId, code: fields.code ?? `BL-${counter}`, label: fields.label ?? `Ligne ${counter}`, active: fields.active ?? true };
  await insertBudgetLine(database.db, line);
  return line;
}
