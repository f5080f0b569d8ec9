import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { apiTokens } from './auth.table.ts';
import { first, tablesByDialect } from '../shared/dialect.ts';
import * as pg from './auth.pg-table.ts';

const tables = tablesByDialect({ apiTokens }, pg);

export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type ApiTokenSummary = Omit<ApiTokenRow, 'tokenHash'>;

export async function insertApiToken(db: Db, row: ApiTokenRow): Promise<void> {
  const { apiTokens } = tables(db);
  await db.insert(apiTokens).values(row);
}

export async function findLiveTokenByHash(db: Db, tokenHash: string): Promise<ApiTokenRow | undefined> {
  const { apiTokens } = tables(db);
  return first(await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt))).limit(1));
}

export async function touchApiToken(db: Db, id: string, lastUsedAt: string): Promise<void> {
  const { apiTokens } = tables(db);
  await db.update(apiTokens).set({ lastUsedAt }).where(eq(apiTokens.id, id));
}

// Scoped to the owner: nobody revokes (or learns of) another person's token by guessing its id.
export async function revokeApiToken(db: Db, userId: string, id: string, revokedAt: string): Promise<boolean> {
  const { apiTokens } = tables(db);
  return (
    (await db
      .update(apiTokens)
      .set({ revokedAt })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt))).returning()).length > 0
  );
}

export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenSummary[]> {
  const { apiTokens } = tables(db);
  return db
    .select({
      id: apiTokens.id,
      userId: apiTokens.userId,
      label: apiTokens.label,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
}
