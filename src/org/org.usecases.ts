import type { AppError } from '../shared/errors.ts';
import { orgErrors } from './org.errors.ts';
import type { Clock } from '../shared/clock.ts';
import type { Database } from '../shared/db.ts';
import { newId } from '../shared/ids.ts';
import { looksLikeEntityId, type BudgetLine, type Entity } from './org.models.ts';
import { listRecentOrgAudit, recordOrgAudit } from './org-audit.repository.ts';
import * as repo from './org.repository.ts';
import type { BudgetLineCreate, EntityCreate } from './org.schemas.ts';

type OrgDeps = { database: Database; clock: Clock };
// Who makes a change, written to org_audit with it: a signed-in person's id, or null for the CLI
// (and fixtures), which has nobody signed in. Required, not defaulted: a caller that forgot it would
// silently log a person's change as the command line's.
export type OrgActorId = string | null;

export async function createEntity({ database, clock }: OrgDeps, input: EntityCreate, actorId: OrgActorId): Promise<Entity> {
  const entity: Entity = { id: newId('ent'), name: input.name, kind: input.kind, createdAt: clock.now().toUTC().toISO()! };
  return await database.transaction(async () => {
    if (await repo.findEntityByName(database.db, input.name)) {
      throw orgErrors.entityExists({ name: input.name }, [{ path: 'name', message: 'already exists' }]);
    }
    await repo.insertEntity(database.db, entity);
    await recordOrgAudit(database.db, clock, { actorId, action: 'entity_created', targetId: entity.id, detail: `${entity.name} (${entity.kind})` });
    return entity;
  });
}

export async function createBudgetLine({ database, clock }: OrgDeps, input: BudgetLineCreate, actorId: OrgActorId): Promise<BudgetLine> {
  const line: BudgetLine = { id: newId('bgl'), ...input };
  return await database.transaction(async () => {
    const entity = await repo.findEntityById(database.db, input.entityId);
    if (!entity) throw orgErrors.unknownEntityField({ ref: input.entityId }, [{ path: 'entityId', message: 'unknown entity' }]);
    if (await repo.findBudgetLineByCode(database.db, input.entityId, input.code)) {
      throw orgErrors.budgetLineExists({ code: input.code }, [{ path: 'code', message: 'already exists' }]);
    }
    await repo.insertBudgetLine(database.db, line);
    const detail = `${line.code} — ${line.label} (${entity.name})`;
    await recordOrgAudit(database.db, clock, { actorId, action: 'budget_line_created', targetId: line.id, detail });
    return line;
  });
}

// The CLI and imports designate an entity by id or by name.
export async function resolveEntity({ database }: Pick<OrgDeps, 'database'>, ref: string): Promise<Entity> {
  const entity = looksLikeEntityId(ref) ? await repo.findEntityById(database.db, ref) : await repo.findEntityByName(database.db, ref);
  if (!entity) throw orgErrors.entityNotFound({ ref }, [{ path: 'entity', message: 'unknown' }]);
  return entity;
}

export function recentOrgChanges({ database }: Pick<OrgDeps, 'database'>, limit: number) {
  return listRecentOrgAudit(database.db, limit);
}

export async function listEntities({ database }: Pick<OrgDeps, 'database'>): Promise<Entity[]> {
  return await repo.listEntities(database.db);
}

export async function findBudgetLine({ database }: Pick<OrgDeps, 'database'>, lineId: string): Promise<BudgetLine | undefined> {
  return await repo.findBudgetLineById(database.db, lineId);
}

export async function listBudgetLines({ database }: Pick<OrgDeps, 'database'>, entityId?: string): Promise<BudgetLine[]> {
  return await repo.listBudgetLines(database.db, entityId);
}

export type BudgetLineChange = { budgetLine: BudgetLine; changed: boolean };

// A closed line takes no new mission (missions.usecases.ts refuses it on create and on edit, and the
// mission form no longer offers it); missions and ledger accounts already on it keep pointing at it.
// Reopening gives it back. Only a real change is audited: closing a closed line writes nothing.
export async function setBudgetLineActive({ database, clock }: OrgDeps, lineId: string, active: boolean, actorId: OrgActorId): Promise<BudgetLineChange> {
  return await database.transaction(async () => {
    const line = await repo.findBudgetLineById(database.db, lineId);
    if (!line) throw budgetLineNotFound(lineId);
    const changed = await repo.setBudgetLineActive(database.db, lineId, active);
    if (changed) {
      const detail = `${line.code} (${(await repo.findEntityById(database.db, line.entityId))?.name ?? line.entityId})`;
      await recordOrgAudit(database.db, clock, { actorId, action: active ? 'budget_line_reopened' : 'budget_line_closed', targetId: lineId, detail });
    }
    return { budgetLine: { ...line, active }, changed };
  });
}

// The CLI designates a line by id, or by its code, which is unique only within an entity: a code shared
// by several entities needs --entity to say which.
export async function resolveBudgetLine({ database }: Pick<OrgDeps, 'database'>, ref: string, entityId?: string): Promise<BudgetLine> {
  const byId = await repo.findBudgetLineById(database.db, ref);
  if (byId && (!entityId || byId.entityId === entityId)) return byId;
  const byCode = (await repo.listBudgetLines(database.db, entityId)).filter((l) => l.code === ref);
  if (byCode.length > 1) {
    throw orgErrors.budgetLineAmbiguous({ code: ref }, [{ path: 'id', message: 'ambiguous code' }]);
  }
  if (!byCode[0]) throw budgetLineNotFound(ref);
  return byCode[0];
}

export function budgetLineNotFound(lineId: string): AppError {
  return orgErrors.budgetLineNotFound({ ref: lineId }, [{ path: 'id', message: 'unknown' }]);
}
