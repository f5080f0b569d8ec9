import { and, asc, count, desc, eq, gt, gte, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { users } from '../auth/auth.table.ts';
import type { MissionStatus } from './missions.models.ts';
import { avoidedFlights, avoidedFlightWithdrawals, missionAudit, missionLegs, missions } from './missions.table.ts';
import { first, firstRow, insertionOrder, tablesByDialect } from '../shared/dialect.ts';
import * as pg from '../auth/auth.pg-table.ts';
import * as pg1 from './missions.pg-table.ts';

const tables = tablesByDialect({ avoidedFlightWithdrawals, avoidedFlights, missionAudit, missionLegs, missions, users }, { ...pg, ...pg1 });

export type MissionRow = typeof missions.$inferSelect;
export type MissionLegRow = typeof missionLegs.$inferInsert;
export type AuditRow = typeof missionAudit.$inferSelect;
export type AvoidedFlightRow = typeof avoidedFlights.$inferInsert;
export type MissionListRow = MissionRow & { travellerName: string | null };

export async function insertMission(db: Db, row: typeof missions.$inferInsert): Promise<void> {
  const { missions } = tables(db);
  await db.insert(missions).values(row);
}

export async function findMissionById(db: Db, id: string): Promise<MissionRow | undefined> {
  const { missions } = tables(db);
  return first(await db.select().from(missions).where(eq(missions.id, id)).limit(1));
}

// Conditional on the version the writer read: zero rows changed means someone else wrote in between.
export async function updateMissionIfVersion(db: Db, id: string, expectedVersion: number, patch: Partial<typeof missions.$inferInsert>): Promise<boolean> {
  const { missions } = tables(db);
  const result = await db
    .update(missions)
    .set({ ...patch, version: expectedVersion + 1 })
    .where(and(eq(missions.id, id), eq(missions.version, expectedVersion)))
    .returning({ id: missions.id });
  return result.length === 1;
}

export async function replaceMissionLegs(db: Db, missionId: string, legs: MissionLegRow[]): Promise<void> {
  const { missionLegs } = tables(db);
  await db.delete(missionLegs).where(eq(missionLegs.missionId, missionId));
  if (legs.length > 0) await db.insert(missionLegs).values(legs);
}

export async function insertAudit(db: Db, row: typeof missionAudit.$inferInsert): Promise<void> {
  const { missionAudit } = tables(db);
  await db.insert(missionAudit).values(row);
}

export async function listAudit(db: Db, missionId: string): Promise<Array<AuditRow & { actorName: string | null }>> {
  const { missionAudit, users } = tables(db);
  return db
    .select({
      id: missionAudit.id,
      missionId: missionAudit.missionId,
      at: missionAudit.at,
      actorId: missionAudit.actorId,
      action: missionAudit.action,
      fromStatus: missionAudit.fromStatus,
      toStatus: missionAudit.toStatus,
      comment: missionAudit.comment,
      actorName: users.name,
    })
    .from(missionAudit)
    .leftJoin(users, eq(users.id, missionAudit.actorId))
    .where(eq(missionAudit.missionId, missionId))
    // rowid breaks ties between two entries of the same instant (a fixed clock in tests, a fast double action).
    .orderBy(asc(missionAudit.at), asc(insertionOrder(db, missionAudit)));
}

export async function insertAvoidedFlight(db: Db, row: AvoidedFlightRow): Promise<void> {
  const { avoidedFlights } = tables(db);
  await db.insert(avoidedFlights).values(row);
}

export async function listAvoidedFlights(db: Db, missionId: string): Promise<Array<typeof avoidedFlights.$inferSelect>> {
  const { avoidedFlights } = tables(db);
  return db.select().from(avoidedFlights).where(eq(avoidedFlights.missionId, missionId)).orderBy(asc(avoidedFlights.at));
}

// The mission's avoided flights not withdrawn, oldest first (rowid breaks ties of one instant).
export async function listStandingAvoidedFlights(db: Db, missionId: string): Promise<Array<typeof avoidedFlights.$inferSelect>> {
  const { avoidedFlightWithdrawals, avoidedFlights } = tables(db);
  return (await db
    .select({ avoided: avoidedFlights })
    .from(avoidedFlights)
    .leftJoin(avoidedFlightWithdrawals, eq(avoidedFlightWithdrawals.avoidedFlightId, avoidedFlights.id))
    .where(and(eq(avoidedFlights.missionId, missionId), isNull(avoidedFlightWithdrawals.avoidedFlightId)))
    .orderBy(asc(avoidedFlights.at), asc(insertionOrder(db, avoidedFlights))))
    .map((r) => r.avoided);
}

export async function insertAvoidedFlightWithdrawal(db: Db, row: typeof avoidedFlightWithdrawals.$inferInsert): Promise<void> {
  const { avoidedFlightWithdrawals } = tables(db);
  await db.insert(avoidedFlightWithdrawals).values(row);
}

export type MissionFilter = {
  travellerId?: string; // set for travellers who see only their own missions
  status?: MissionStatus;
  entityId?: string;
  departFrom?: string; // ISO UTC instant, inclusive
  departBefore?: string; // ISO UTC instant, exclusive
  approval?: 'complete' | 'pending'; // complete: no step of the chain awaited (the secretariat's queue)
  limit: number;
  offset: number;
};

function conditions(filter: MissionFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.travellerId) parts.push(eq(missions.travellerId, filter.travellerId));
  if (filter.status) parts.push(eq(missions.status, filter.status));
  if (filter.entityId) parts.push(eq(missions.entityId, filter.entityId));
  if (filter.departFrom) parts.push(gte(missions.departAt, filter.departFrom));
  if (filter.departBefore) parts.push(lt(missions.departAt, filter.departBefore));
  if (filter.approval) parts.push(filter.approval === 'complete' ? eq(missions.approvalsPending, 0) : gt(missions.approvalsPending, 0));
  return parts.length > 0 ? and(...parts) : undefined;
}

export async function listMissions(db: Db, filter: MissionFilter): Promise<{ rows: MissionListRow[]; total: number }> {
  const { missions, users } = tables(db);
  const where = conditions(filter);
  const rows = (await db
    .select({ mission: missions, travellerName: users.name })
    .from(missions)
    .leftJoin(users, eq(users.id, missions.travellerId))
    .where(where)
    .orderBy(desc(missions.departAt), desc(missions.id))
    .limit(filter.limit)
    .offset(filter.offset));
  const total = first(await db.select({ n: count() }).from(missions).where(where).limit(1))?.n ?? 0;
  return { rows: rows.map((r) => ({ ...r.mission, travellerName: r.travellerName })), total };
}

export async function travellerName(db: Db, userId: string): Promise<string | null> {
  const { users } = tables(db);
  return first(await db.select({ name: users.name }).from(users).where(eq(users.id, userId)).limit(1))?.name ?? null;
}

// The status of the mission's claim (état de frais), if it has one: a mission whose claim is on its
// way to payment cannot be cancelled. Read by SQL rather than through the claims capability, which
// builds on missions.
export async function claimStatusOf(db: Db, missionId: string): Promise<string | null> {
  const row = await firstRow<{ status: string }>(db, sql`select status from claims where mission_id = ${missionId}`);
  return row?.status ?? null;
}
