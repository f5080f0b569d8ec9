import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject, it } from 'vitest';
import { createDatabase, PG_TEMPLATE } from './cluster.ts';

export const pgUrl = inject('pgUrl');

// A fresh database of the test cluster, copied from the migrated template (test/pg/global-setup.ts).
export async function freshPgUrl(): Promise<string> {
  if (!pgUrl) throw new Error('a PostgreSQL database was asked for without a test cluster');
  return createDatabase(pgUrl, `t_${randomBytes(6).toString('hex')}`, PG_TEMPLATE);
}

// The same with a plain pool, for tests that speak SQL to PostgreSQL directly.
export async function freshPgDatabase(): Promise<{ pool: pg.Pool; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: await freshPgUrl(), max: 4 });
  return { pool, close: () => pool.end() };
}

// Suites written for both engines, run again on PostgreSQL (test/helpers/db.ts engineDatabase reads
// EMPREINTE_TEST_ENGINE). Without the server binaries the block is skipped, outside CI only: under
// CI=true test/pg/global-setup.ts fails the run instead.
export async function rerunOnPostgres(title: string, suites: readonly string[]): Promise<void> {
  process.env.EMPREINTE_TEST_ENGINE = 'postgres';
  if (pgUrl) {
    for (const suite of suites) await import(new URL(suite, import.meta.url).href);
    return;
  }
  describe.skipIf(!pgUrl)(title, () => it('needs the PostgreSQL server binaries (apt-get install postgresql)', () => {}));
}
