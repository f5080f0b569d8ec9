import type { Clock } from '../shared/clock.ts';
import { parisCalendarDay, parisYearStartUtc } from '../shared/zone-time.ts';
import type { Database, Db } from '../shared/db.ts';
import { newId } from '../shared/ids.ts';
import { findEntityById, listEntities } from '../org/org.repository.ts';
import { quotaErrors } from './quotas.errors.ts';
import { latestQuotas, quotaUsage, type Quota, type QuotaSeverity, type QuotaUsage } from './quotas.models.ts';
import * as repo from './quotas.repository.ts';
import type { SetQuotaInput } from './quotas.schemas.ts';

export type QuotaDeps = { database: Database; clock: Clock };

const toQuota = (row: repo.QuotaRow): Quota => ({ entityId: row.entityId, year: row.year, quotaGrams: row.quotaGrams, severity: row.severity as QuotaSeverity, setAt: row.setAt, setBy: row.setBy, note: row.note });

const parisYearOf = (iso: string): number => parisCalendarDay(Date.parse(iso)).year;
const yearBounds = (year: number) => ({ fromUtc: parisYearStartUtc(year), beforeUtc: parisYearStartUtc(year + 1) });

// Appends: an entity's quota for a year is its latest row, and no mission is rewritten by a change.
export async function setQuota(deps: QuotaDeps, input: SetQuotaInput, actorId: string | null): Promise<Quota> {
  return deps.database.transaction(async () => {
    const db = deps.database.db;
    if (!(await findEntityById(db, input.entityId))) throw quotaErrors.unknownEntity({ ref: input.entityId }, [{ path: 'entityId', message: 'unknown entity' }]);
    const row: repo.QuotaRow = { id: newId('quo'), entityId: input.entityId, year: input.year, quotaGrams: Math.round(input.quotaKg * 1000), severity: input.severity, note: input.note || null, setBy: actorId, setAt: deps.clock.now().toUTC().toISO()! };
    await repo.insertQuota(db, row);
    return toQuota(row);
  });
}

export async function quotaOf(db: Db, entityId: string, year: number): Promise<Quota | null> {
  const rows = await repo.quotaRows(db, { entityId, year });
  return rows.length > 0 ? toQuota(rows.at(-1)!) : null;
}

// Where a mission departing then, weighing so much, would leave its entity's quota; null without one.
export async function usageFor(db: Db, mission: { entityId: string; departAt: string; co2eGrams: number; exceptMissionId?: string }): Promise<QuotaUsage | null> {
  return usageOfYear(db, mission.entityId, parisYearOf(mission.departAt), mission.co2eGrams, mission.exceptMissionId);
}

export async function usageOfYear(db: Db, entityId: string, year: number, co2eGrams: number, exceptMissionId?: string): Promise<QuotaUsage | null> {
  const quota = await quotaOf(db, entityId, year);
  if (!quota) return null;
  return quotaUsage(quota, await repo.usedGrams(db, { entityId, ...yearBounds(year), exceptMissionId }), co2eGrams);
}

// Called by the submission, inside its transaction: what the quota says now is kept with the mission.
export async function recordSubmissionCheck(db: Db, mission: { id: string; entityId: string; departAt: string; co2eGrams: number }, at: string): Promise<QuotaUsage | null> {
  const usage = await usageFor(db, { ...mission, exceptMissionId: mission.id });
  if (!usage) return null;
  await repo.insertCheck(db, { id: newId('quo'), missionId: mission.id, at, year: usage.year, quotaGrams: usage.quotaGrams, usedGrams: usage.usedGrams, missionGrams: usage.missionGrams, severity: usage.severity, exceeded: usage.exceeded });
  return usage;
}

// The quota a mission was submitted against, as it stood then.
export async function submittedCheck(db: Db, missionId: string): Promise<(QuotaUsage & { at: string }) | null> {
  const row = await repo.latestCheck(db, missionId);
  if (!row) return null;
  return { ...quotaUsage({ year: row.year, quotaGrams: row.quotaGrams, severity: row.severity as QuotaSeverity }, row.usedGrams, row.missionGrams), at: row.at };
}

// The admin page and GET /api/quotas: each entity's quota of the year with what is used, and the history.
export async function quotaOverview({ database }: Pick<QuotaDeps, 'database'>, year: number) {
  const db = database.db;
  const entities = await listEntities(db);
  const rows = await repo.quotaRows(db);
  const inForce = new Map(latestQuotas(rows).filter((r) => r.year === year).map((r) => [r.entityId, r]));
  const names = new Map(entities.map((e) => [e.id, e.name]));
  const current = [];
  for (const entity of entities) {
    const row = inForce.get(entity.id);
    const quota = row ? toQuota(row) : null;
    const used = quota ? await repo.usedGrams(db, { entityId: entity.id, ...yearBounds(year) }) : 0;
    current.push({ entity: { id: entity.id, name: entity.name }, quota, usage: quota ? quotaUsage(quota, used, 0) : null });
  }
  const history = rows.map((r) => ({ ...toQuota(r), entityName: names.get(r.entityId) ?? r.entityId })).reverse();
  return { year, current, history };
}

export function usageQuery({ database }: Pick<QuotaDeps, 'database'>, q: { entity: string; year: number; co2eGrams: number; mission?: string }): Promise<QuotaUsage | null> {
  return usageOfYear(database.db, q.entity, q.year, q.co2eGrams, q.mission);
}

// The quotas in force for a year, per entity (the copil's quota against actual).
export async function quotasOfYear({ database }: Pick<QuotaDeps, 'database'>, year: number): Promise<Quota[]> {
  return latestQuotas(await repo.quotaRows(database.db, { year })).map(toQuota);
}
