import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../src/shared/db.ts';
import { firstRow, rows } from '../../src/shared/dialect.ts';

// SQL both engines read, `?` standing for the parameters in order (quote camelCase aliases).
export function query(text: string, ...params: unknown[]): SQL {
  const [head, ...rest] = text.split('?');
  return rest.reduce((built, part, i) => sql`${built}${params[i]}${sql.raw(part)}`, sql.raw(head!));
}

export const select = <T = Record<string, unknown>>(database: Database, text: string, ...params: unknown[]): Promise<T[]> => rows<T>(database.db, query(text, ...params));

// Rows of a table matching a condition.
export async function count(database: Database, table: string, where = '1 = 1', ...params: unknown[]): Promise<number> {
  const row = await firstRow<{ n: number }>(database.db, query(`select count(*) as "n" from ${table} where ${where}`, ...params));
  return Number(row?.n ?? 0);
}

// A statement that returns no rows (a tampering UPDATE, a DELETE the database must refuse). A refusal
// is thrown as the database worded it, not as drizzle's "Failed to run the query" around it.
export async function execute(database: Database, text: string, ...params: unknown[]): Promise<void> {
  const db = database.db as unknown as { execute?: (q: SQL) => Promise<unknown>; run: (q: SQL) => unknown };
  try {
    if (database.engine === 'postgres') await db.execute!(query(text, ...params));
    else db.run(query(text, ...params));
  } catch (err) {
    throw err instanceof Error && err.cause instanceof Error ? err.cause : err;
  }
}
