import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { apiTokens } from './auth.table.ts';

export type ApiTokenRow = typeof apiTokens.$inferSelect;
export type ApiTokenSummary = Omit<ApiTokenRow, 'tokenHash'>;

export async function insertApiToken(db: Db, row: ApiTokenRow): Promise<void> {
  db.insert(apiTokens).values(row).run();
}

export async function findLiveTokenByHash(db: Db, tokenHash: string): Promise<ApiTokenRow | undefined> {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .get();
}

export async function touchApiToken(db: Db, id: string, lastUsedAt: string): Promise<void> {
  db.update(apiTokens).set({ lastUsedAt }).where(eq(apiTokens.id, id)).run();
}

// Scoped to the owner: nobody revokes (or learns of) another person's token by guessing its id.
export async function revokeApiToken(db: Db, userId: string, id: string, revokedAt: string): Promise<boolean> {
  return (
    db
      .update(apiTokens)
      .set({ revokedAt })
      .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
      .run().changes > 0
  );
}

export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenSummary[]> {
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
    .orderBy(desc(apiTokens.createdAt))
    .all();
}
