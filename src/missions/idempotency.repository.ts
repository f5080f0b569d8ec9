import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { first, tablesByDialect } from '../shared/dialect.ts';
import * as sqliteTables from './missions.table.ts';
import * as pgTables from './missions.pg-table.ts';

const tables = tablesByDialect({ idempotencyKeys: sqliteTables.idempotencyKeys }, { idempotencyKeys: pgTables.idempotencyKeys });

export type StoredAnswer = typeof sqliteTables.idempotencyKeys.$inferSelect;

const sameKey = (db: Db, userId: string, key: string) => {
  const { idempotencyKeys } = tables(db);
  return and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key));
};

export async function findStoredAnswer(db: Db, userId: string, key: string): Promise<StoredAnswer | undefined> {
  return first(await db.select().from(tables(db).idempotencyKeys).where(sameKey(db, userId, key)).limit(1));
}

export async function deleteStoredAnswer(db: Db, userId: string, key: string): Promise<void> {
  await db.delete(tables(db).idempotencyKeys).where(sameKey(db, userId, key));
}

export async function purgeAnswersBefore(db: Db, expiredBeforeIso: string): Promise<void> {
  const { idempotencyKeys } = tables(db);
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, expiredBeforeIso));
}

export async function storeAnswer(db: Db, row: typeof sqliteTables.idempotencyKeys.$inferInsert): Promise<void> {
  await db.insert(tables(db).idempotencyKeys).values(row);
}
