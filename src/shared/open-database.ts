import { openMigratedDatabase, type Database } from './db.ts';
import { openPgDatabase, redactedUrl } from './pg-database.ts';

export type DatabaseConfig = { EMPREINTE_DB: string; EMPREINTE_DATABASE_URL?: string | undefined; EMPREINTE_PG_POOL_SIZE?: number };

// The switch (docs/postgresql.md): EMPREINTE_DATABASE_URL=postgres://… selects PostgreSQL; unset, the
// SQLite file EMPREINTE_DB. Migrations are applied on both before anything else runs.
export async function openConfiguredDatabase(config: DatabaseConfig): Promise<Database> {
  if (!config.EMPREINTE_DATABASE_URL) return openMigratedDatabase(config.EMPREINTE_DB);
  try {
    return await openPgDatabase(config.EMPREINTE_DATABASE_URL, { maxConnections: config.EMPREINTE_PG_POOL_SIZE });
  } catch (err) {
    // The driver's message names the host and the cause, never the password; the URL is redacted.
    const cause = (err as { code?: string; message?: string }) ?? {};
    throw new Error(`PostgreSQL ${redactedUrl(config.EMPREINTE_DATABASE_URL)} cannot be used: ${cause.code ? `${cause.code} ` : ''}${cause.message ?? String(err)}`, { cause: err });
  }
}

// Where the data lives, for logs: the file, or the server without its password.
export const databaseLabel = (config: DatabaseConfig): string => (config.EMPREINTE_DATABASE_URL ? redactedUrl(config.EMPREINTE_DATABASE_URL) : config.EMPREINTE_DB);
