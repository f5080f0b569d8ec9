import { and, asc, eq, gte, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { first, insertionOrder, tablesByDialect } from '../shared/dialect.ts';
import { missions } from '../missions/missions.table.ts';
import * as missionsPg from '../missions/missions.pg-table.ts';
import { carbonQuotas, missionQuotaChecks } from './quotas.table.ts';
import * as pg from './quotas.pg-table.ts';
import { quotaCountedStatuses } from './quotas.models.ts';

const tables = tablesByDialect({ carbonQuotas, missionQuotaChecks, missions }, { ...pg, missions: missionsPg.missions });

export type QuotaRow = typeof carbonQuotas.$inferSelect;
export type QuotaCheckRow = typeof missionQuotaChecks.$inferSelect;

export async function insertQuota(db: Db, row: QuotaRow): Promise<void> {
  await db.insert(tables(db).carbonQuotas).values(row);
}

// In insertion order: the latest row of an entity and year is the quota in force.
export async function quotaRows(db: Db, filter: { entityId?: string; year?: number } = {}): Promise<QuotaRow[]> {
  const { carbonQuotas } = tables(db);
  const parts: SQL[] = [];
  if (filter.entityId) parts.push(eq(carbonQuotas.entityId, filter.entityId));
  if (filter.year !== undefined) parts.push(eq(carbonQuotas.year, filter.year));
  return db.select().from(carbonQuotas).where(parts.length > 0 ? and(...parts) : undefined).orderBy(asc(insertionOrder(db, carbonQuotas)));
}

// The estimates of the entity's missions departing in [fromUtc, beforeUtc), submitted or validated.
export async function usedGrams(db: Db, filter: { entityId: string; fromUtc: string; beforeUtc: string; exceptMissionId?: string }): Promise<number> {
  const { missions } = tables(db);
  const parts = [eq(missions.entityId, filter.entityId), inArray(missions.status, [...quotaCountedStatuses]), gte(missions.departAt, filter.fromUtc), lt(missions.departAt, filter.beforeUtc)];
  if (filter.exceptMissionId) parts.push(ne(missions.id, filter.exceptMissionId));
  const row = first(await db.select({ grams: sql<number>`coalesce(sum(${missions.co2eGrams}), 0)` }).from(missions).where(and(...parts)).limit(1));
  return Number(row?.grams ?? 0);
}

export async function insertCheck(db: Db, row: QuotaCheckRow): Promise<void> {
  await db.insert(tables(db).missionQuotaChecks).values(row);
}

export async function latestCheck(db: Db, missionId: string): Promise<QuotaCheckRow | undefined> {
  const { missionQuotaChecks } = tables(db);
  const found = await db.select().from(missionQuotaChecks).where(eq(missionQuotaChecks.missionId, missionId)).orderBy(asc(insertionOrder(db, missionQuotaChecks)));
  return found.at(-1);
}
