import { AppError, invalid } from '../shared/errors.ts';
import type { Clock } from '../shared/clock.ts';
import type { DbHandle } from '../shared/db.ts';
import { newId } from '../shared/ids.ts';
import { looksLikeEntityId, type BudgetLine, type Entity } from './org.models.ts';
import * as repo from './org.repository.ts';
import type { BudgetLineCreate, EntityCreate } from './org.schemas.ts';

type OrgDeps = { database: DbHandle; clock: Clock };

export function createEntity({ database, clock }: OrgDeps, input: EntityCreate): Entity {
  const entity: Entity = { id: newId('ent'), name: input.name, kind: input.kind, createdAt: clock.now().toUTC().toISO()! };
  return database.sqlite.transaction(() => {
    if (repo.findEntityByName(database.db, input.name)) {
      throw new AppError('entity.conflict', `Une entité nommée « ${input.name} » existe déjà`, [{ path: 'name', message: 'already exists' }]);
    }
    repo.insertEntity(database.db, entity);
    return entity;
  })();
}

export function createBudgetLine({ database }: OrgDeps, input: BudgetLineCreate): BudgetLine {
  const line: BudgetLine = { id: newId('bgl'), ...input };
  return database.sqlite.transaction(() => {
    if (!repo.findEntityById(database.db, input.entityId)) throw invalid('entityId', `Entité inconnue : ${input.entityId}`);
    if (repo.findBudgetLineByCode(database.db, input.entityId, input.code)) {
      throw new AppError('budget_line.conflict', `La ligne budgétaire ${input.code} existe déjà pour cette entité`, [
        { path: 'code', message: 'already exists' },
      ]);
    }
    repo.insertBudgetLine(database.db, line);
    return line;
  })();
}

// The CLI and imports designate an entity by id or by name.
export function resolveEntity({ database }: Pick<OrgDeps, 'database'>, ref: string): Entity {
  const entity = looksLikeEntityId(ref) ? repo.findEntityById(database.db, ref) : repo.findEntityByName(database.db, ref);
  if (!entity) throw new AppError('entity.not_found', `Entité inconnue : ${ref}`, [{ path: 'entity', message: 'unknown' }]);
  return entity;
}

export function listEntities({ database }: Pick<OrgDeps, 'database'>): Entity[] {
  return repo.listEntities(database.db);
}

export function listBudgetLines({ database }: Pick<OrgDeps, 'database'>, entityId?: string): BudgetLine[] {
  return repo.listBudgetLines(database.db, entityId);
}

export type BudgetLineChange = { budgetLine: BudgetLine; changed: boolean };

// A closed line takes no new mission (missions.usecases.ts refuses it on create and on edit, and the
// mission form no longer offers it); missions and ledger accounts already on it keep pointing at it.
// Reopening gives it back. Not audited: the organisation has no trail of its own (auth_audit is about people).
export function setBudgetLineActive({ database }: Pick<OrgDeps, 'database'>, lineId: string, active: boolean): BudgetLineChange {
  return database.sqlite.transaction(() => {
    if (!repo.findBudgetLineById(database.db, lineId)) throw budgetLineNotFound(lineId);
    const changed = repo.setBudgetLineActive(database.db, lineId, active);
    return { budgetLine: repo.findBudgetLineById(database.db, lineId)!, changed };
  })();
}

export function budgetLineNotFound(lineId: string): AppError {
  return new AppError('budget_line.not_found', `Ligne budgétaire inconnue : ${lineId}`, [{ path: 'id', message: 'unknown' }]);
}
