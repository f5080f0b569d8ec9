import { openMigratedDatabase, type Database } from '../../src/shared/db.ts';
import { openPgDatabase } from '../../src/shared/pg-database.ts';
import { freshPgUrl } from '../pg/database.ts';

// Each test gets its own in-memory database with the real migrations applied: no shared state.
export function memoryDatabase(): Database {
  return openMigratedDatabase(':memory:');
}

// The engine the suites written for both run on: SQLite unless the file asked for PostgreSQL
// (test/pg/*.pg.test.ts set EMPREINTE_TEST_ENGINE before importing the suites they run again).
export const testEngine = (): 'sqlite' | 'postgres' => (process.env.EMPREINTE_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite');

// A fresh database on the test's engine: in memory on SQLite; on PostgreSQL a new database of the
// throw-away cluster, copied from the migrated template test/pg/global-setup.ts prepared.
export async function engineDatabase(): Promise<Database> {
  return testEngine() === 'sqlite' ? memoryDatabase() : (await sharedEngineDatabase(':memory:')).database;
}

// A fresh database other processes can open too: the SQLite file given, or a new PostgreSQL
// database; `location` is what to hand them (the file, or the connection string).
export async function sharedEngineDatabase(sqliteFile: string): Promise<{ database: Database; location: string }> {
  if (testEngine() === 'sqlite') return { database: openMigratedDatabase(sqliteFile), location: sqliteFile };
  const location = await freshPgUrl();
  return { database: await openPgDatabase(location, { maxConnections: 4 }), location };
}
