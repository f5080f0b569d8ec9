import { and, asc, count, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { users } from '../auth/auth.table.ts';
import { missions } from '../missions/missions.table.ts';
import type { ClaimStatus } from './claims.models.ts';
import { claimAudit, claimExpenses, claimLegs, claimReceiptFiles, claimReceipts, claims } from './claims.table.ts';
import { first, insertionOrder, tablesByDialect } from '../shared/dialect.ts';
import * as pg from '../auth/auth.pg-table.ts';
import * as pg1 from '../missions/missions.pg-table.ts';
import * as pg2 from './claims.pg-table.ts';

const tables = tablesByDialect({ claimAudit, claimExpenses, claimLegs, claimReceiptFiles, claimReceipts, claims, missions, users }, { ...pg, ...pg1, ...pg2 });

export type ClaimRow = typeof claims.$inferSelect;
export type ClaimInsert = typeof claims.$inferInsert;
export type ClaimExpenseRow = typeof claimExpenses.$inferSelect;
export type ClaimLegRow = typeof claimLegs.$inferInsert;
export type ReceiptRow = typeof claimReceipts.$inferSelect;
export type ClaimAuditRow = typeof claimAudit.$inferSelect & { actorName: string | null };

export async function insertClaim(db: Db, row: ClaimInsert): Promise<void> {
  const { claims } = tables(db);
  await db.insert(claims).values(row);
}

export async function findClaimByMission(db: Db, missionId: string): Promise<ClaimRow | undefined> {
  const { claims } = tables(db);
  return first(await db.select().from(claims).where(eq(claims.missionId, missionId)).limit(1));
}

export async function findClaimById(db: Db, id: string): Promise<ClaimRow | undefined> {
  const { claims } = tables(db);
  return first(await db.select().from(claims).where(eq(claims.id, id)).limit(1));
}

// Conditional on the version the writer read: zero rows changed means someone else wrote in between.
export async function updateClaimIfVersion(db: Db, id: string, expectedVersion: number, patch: Partial<ClaimInsert>): Promise<boolean> {
  const { claims } = tables(db);
  const result = await db
    .update(claims)
    .set({ ...patch, version: expectedVersion + 1 })
    .where(and(eq(claims.id, id), eq(claims.version, expectedVersion)))
    .returning({ id: claims.id });
  return result.length === 1;
}

export async function replaceExpenses(db: Db, claimId: string, rows: Array<typeof claimExpenses.$inferInsert>): Promise<void> {
  const { claimExpenses } = tables(db);
  await db.delete(claimExpenses).where(eq(claimExpenses.claimId, claimId));
  if (rows.length > 0) await db.insert(claimExpenses).values(rows);
}

export async function listExpenses(db: Db, claimId: string): Promise<ClaimExpenseRow[]> {
  const { claimExpenses } = tables(db);
  return db.select().from(claimExpenses).where(eq(claimExpenses.claimId, claimId)).orderBy(asc(claimExpenses.lineIndex));
}

export async function replaceClaimLegs(db: Db, claimId: string, rows: ClaimLegRow[]): Promise<void> {
  const { claimLegs } = tables(db);
  await db.delete(claimLegs).where(eq(claimLegs.claimId, claimId));
  if (rows.length > 0) await db.insert(claimLegs).values(rows);
}

export async function insertReceipt(db: Db, row: typeof claimReceipts.$inferInsert, bytes: Buffer): Promise<void> {
  const { claimReceiptFiles, claimReceipts } = tables(db);
  await db.insert(claimReceipts).values(row);
  await db.insert(claimReceiptFiles).values({ receiptId: row.id, bytes });
}

// Oldest first; rowid breaks ties of one instant (a fixed clock, two uploads in one second).
export async function listReceipts(db: Db, claimId: string): Promise<ReceiptRow[]> {
  const { claimReceipts } = tables(db);
  return db.select().from(claimReceipts).where(eq(claimReceipts.claimId, claimId)).orderBy(asc(claimReceipts.uploadedAt), asc(insertionOrder(db, claimReceipts)));
}

export async function countReceipts(db: Db, claimId: string): Promise<number> {
  const { claimReceipts } = tables(db);
  return first(await db.select({ n: count() }).from(claimReceipts).where(eq(claimReceipts.claimId, claimId)).limit(1))?.n ?? 0;
}

export async function findReceipt(db: Db, claimId: string, receiptId: string): Promise<ReceiptRow | undefined> {
  const { claimReceipts } = tables(db);
  return first(await db.select().from(claimReceipts).where(and(eq(claimReceipts.claimId, claimId), eq(claimReceipts.id, receiptId))).limit(1));
}

export async function receiptBytes(db: Db, receiptId: string): Promise<Buffer | undefined> {
  const { claimReceiptFiles } = tables(db);
  return first(await db.select({ bytes: claimReceiptFiles.bytes }).from(claimReceiptFiles).where(eq(claimReceiptFiles.receiptId, receiptId)).limit(1))?.bytes;
}

// The file row goes with it (ON DELETE CASCADE); a trigger refuses once the claim is submitted.
export async function deleteReceipt(db: Db, receiptId: string): Promise<void> {
  const { claimReceipts } = tables(db);
  await db.delete(claimReceipts).where(eq(claimReceipts.id, receiptId));
}

export async function insertClaimAudit(db: Db, row: typeof claimAudit.$inferInsert): Promise<void> {
  const { claimAudit } = tables(db);
  await db.insert(claimAudit).values(row);
}

export async function listClaimAudit(db: Db, claimId: string): Promise<ClaimAuditRow[]> {
  const { claimAudit, users } = tables(db);
  return db
    .select({
      id: claimAudit.id,
      claimId: claimAudit.claimId,
      at: claimAudit.at,
      actorId: claimAudit.actorId,
      action: claimAudit.action,
      fromStatus: claimAudit.fromStatus,
      toStatus: claimAudit.toStatus,
      comment: claimAudit.comment,
      actorName: users.name,
    })
    .from(claimAudit)
    .leftJoin(users, eq(users.id, claimAudit.actorId))
    .where(eq(claimAudit.claimId, claimId))
    .orderBy(asc(claimAudit.at), asc(insertionOrder(db, claimAudit)));
}

export type ClaimListFilter = { statuses?: readonly ClaimStatus[]; travellerId?: string; budgetLineId?: string; limit: number; offset: number };

export type ClaimListRow = ClaimRow & {
  travellerName: string | null;
  entityId: string;
  budgetLineId: string | null;
  destinationCountry: string;
  destinationCity: string | null;
  missionCo2eGrams: number;
  missionCostCents: number;
};

function listConditions(filter: ClaimListFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.statuses && filter.statuses.length > 0) parts.push(inArray(claims.status, [...filter.statuses]));
  if (filter.travellerId) parts.push(eq(claims.travellerId, filter.travellerId));
  if (filter.budgetLineId) parts.push(eq(missions.budgetLineId, filter.budgetLineId));
  return parts.length > 0 ? and(...parts) : undefined;
}

// The secretariat's and finance's queues: oldest change first, so the claim waiting longest comes first.
export async function listClaims(db: Db, filter: ClaimListFilter): Promise<{ rows: ClaimListRow[]; total: number }> {
  const { claims, missions, users } = tables(db);
  const where = listConditions(filter);
  const rows = (await db
    .select({
      claim: claims,
      travellerName: users.name,
      entityId: missions.entityId,
      budgetLineId: missions.budgetLineId,
      destinationCountry: missions.destinationCountry,
      destinationCity: missions.destinationCity,
      missionCo2eGrams: missions.co2eGrams,
      missionCostCents: missions.costCents,
    })
    .from(claims)
    .innerJoin(missions, eq(missions.id, claims.missionId))
    .leftJoin(users, eq(users.id, claims.travellerId))
    .where(where)
    .orderBy(asc(claims.updatedAt), asc(claims.id))
    .limit(filter.limit)
    .offset(filter.offset));
  const total = first(await db.select({ n: count() }).from(claims).innerJoin(missions, eq(missions.id, claims.missionId)).where(where).limit(1))?.n ?? 0;
  return { rows: rows.map(({ claim, ...rest }) => ({ ...claim, ...rest })), total };
}

// Payments export: certified (to pay) or paid claims whose certification (or payment) falls in
// [fromUtc, toUtc), with the mission's budget line and the expense sums per kind.
export type PaymentFilter = { status: 'certified' | 'paid'; fromUtc: string; toUtc: string; budgetLineId?: string };

export async function listPayable(db: Db, filter: PaymentFilter) {
  const { claims, missions, users } = tables(db);
  const at = filter.status === 'paid' ? claims.paidAt : claims.certifiedAt;
  const parts: SQL[] = [eq(claims.status, filter.status), gte(at, filter.fromUtc), lt(at, filter.toUtc)];
  if (filter.budgetLineId) parts.push(eq(missions.budgetLineId, filter.budgetLineId));
  return db
    .select({ claim: claims, travellerName: users.name, budgetLineId: missions.budgetLineId, entityId: missions.entityId, destinationCountry: missions.destinationCountry, destinationCity: missions.destinationCity })
    .from(claims)
    .innerJoin(missions, eq(missions.id, claims.missionId))
    .leftJoin(users, eq(users.id, claims.travellerId))
    .where(and(...parts))
    .orderBy(asc(missions.budgetLineId), asc(at), asc(claims.id));
}

export async function expensesOf(db: Db, claimIds: string[]): Promise<ClaimExpenseRow[]> {
  const { claimExpenses } = tables(db);
  if (claimIds.length === 0) return [];
  return db.select().from(claimExpenses).where(inArray(claimExpenses.claimId, claimIds)).orderBy(asc(claimExpenses.claimId), asc(claimExpenses.lineIndex));
}
