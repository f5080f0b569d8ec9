import { and, asc, eq, gt, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { insertionOrder, tablesByDialect } from '../shared/dialect.ts';
import { missions } from '../missions/missions.table.ts';
import * as missionsPg from '../missions/missions.pg-table.ts';
import { users } from '../auth/auth.table.ts';
import * as authPg from '../auth/auth.pg-table.ts';
import { approvalRounds, approvalSettings, approvers, missionApprovals } from './approvals.table.ts';
import * as pg from './approvals.pg-table.ts';
import type { ApproverScopes } from './approvals.models.ts';

const tables = tablesByDialect(
  { approvalRounds, approvalSettings, approvers, missionApprovals, missions, users },
  { ...pg, missions: missionsPg.missions, users: authPg.users },
);

export type SettingsRow = typeof approvalSettings.$inferSelect;
export type ApproverRow = typeof approvers.$inferSelect;
export type RoundRow = typeof approvalRounds.$inferSelect;
export type DecisionRow = typeof missionApprovals.$inferSelect;

export async function insertSettings(db: Db, row: SettingsRow): Promise<void> {
  await db.insert(tables(db).approvalSettings).values(row);
}

// Every entity's chain in force: the last row written for it.
export async function latestSettings(db: Db, entityId?: string): Promise<SettingsRow[]> {
  const { approvalSettings } = tables(db);
  const query = db.select().from(approvalSettings);
  const rows = await (entityId ? query.where(eq(approvalSettings.entityId, entityId)) : query).orderBy(asc(insertionOrder(db, approvalSettings)));
  const latest = new Map<string, SettingsRow>();
  for (const row of rows) latest.set(row.entityId, row);
  return [...latest.values()];
}

export async function insertApprover(db: Db, row: ApproverRow): Promise<void> {
  await db.insert(tables(db).approvers).values(row);
}

// In insertion order, so that the latest grant or withdrawal of a scope wins (approvals.models.ts).
export async function approverRecords(db: Db, filter: { userId?: string; kind?: string; scopeId?: string } = {}): Promise<ApproverRow[]> {
  const { approvers } = tables(db);
  const parts: SQL[] = [];
  if (filter.userId) parts.push(eq(approvers.userId, filter.userId));
  if (filter.kind) parts.push(eq(approvers.kind, filter.kind));
  if (filter.scopeId) parts.push(eq(approvers.scopeId, filter.scopeId));
  return db.select().from(approvers).where(parts.length > 0 ? and(...parts) : undefined).orderBy(asc(insertionOrder(db, approvers)));
}

export async function insertRound(db: Db, row: RoundRow): Promise<void> {
  await db.insert(tables(db).approvalRounds).values(row);
}

export async function roundsByIds(db: Db, ids: string[]): Promise<RoundRow[]> {
  if (ids.length === 0) return [];
  const { approvalRounds } = tables(db);
  return db.select().from(approvalRounds).where(inArray(approvalRounds.id, ids));
}

export async function insertDecision(db: Db, row: DecisionRow): Promise<void> {
  await db.insert(tables(db).missionApprovals).values(row);
}

export async function decisionsOfRounds(db: Db, roundIds: string[]): Promise<DecisionRow[]> {
  if (roundIds.length === 0) return [];
  const { missionApprovals } = tables(db);
  return db.select().from(missionApprovals).where(inArray(missionApprovals.roundId, roundIds)).orderBy(asc(insertionOrder(db, missionApprovals)));
}

export async function decisionsOfMission(db: Db, missionId: string): Promise<(DecisionRow & { actorName: string | null })[]> {
  const { missionApprovals, users } = tables(db);
  const rows = await db
    .select({ decision: missionApprovals, actorName: users.name })
    .from(missionApprovals)
    .leftJoin(users, eq(users.id, missionApprovals.actorId))
    .where(eq(missionApprovals.missionId, missionId))
    .orderBy(asc(insertionOrder(db, missionApprovals)));
  return rows.map((r) => ({ ...r.decision, actorName: r.actorName }));
}

// Submitted missions still awaiting a step, in the scopes given: the approver's queue before the
// four-eyes filter (approvals.models.ts mayApprove), which needs each round's decisions.
export async function awaitingInScopes(db: Db, scopes: ApproverScopes | 'all', limit: number) {
  const { missions, users } = tables(db);
  const inScope = scopes === 'all' ? undefined : scopeCondition(missions, scopes);
  if (inScope === null) return [];
  const rows = await db
    .select({ mission: missions, travellerName: users.name })
    .from(missions)
    .leftJoin(users, eq(users.id, missions.travellerId))
    .where(and(eq(missions.status, 'submitted'), gt(missions.approvalsPending, 0), inScope))
    .orderBy(asc(missions.departAt), asc(missions.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.mission, travellerName: r.travellerName }));
}

function scopeCondition(table: typeof missions, scopes: ApproverScopes): SQL | null {
  const parts: SQL[] = [];
  if (scopes.headOf.length > 0) parts.push(inArray(table.entityId, [...scopes.headOf]));
  if (scopes.holderOf.length > 0) parts.push(inArray(table.budgetLineId, [...scopes.holderOf]));
  return parts.length > 0 ? or(...parts)! : null;
}

