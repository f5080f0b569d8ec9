import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/shared/db.ts';
import { firstRow } from '../../src/shared/dialect.ts';
import { openPgDatabase } from '../../src/shared/pg-database.ts';
import { execute } from '../helpers/sql.ts';
import { freshPgUrl, pgUrl } from './database.ts';

// A snapshot (a report, an audit) is a REPEATABLE READ READ ONLY transaction whose aggregates get
// room to hash and no JIT, for that transaction only: the other transactions keep the server's settings.
describe.skipIf(!pgUrl)('snapshot transactions on PostgreSQL', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openPgDatabase(await freshPgUrl(), { maxConnections: 2 });
  });
  afterAll(() => database?.close());

  type Settings = { isolation: string; readOnly: string; workMem: string; jit: string };
  const settings = () =>
    firstRow<Settings>(database.db, sql`SELECT current_setting('transaction_isolation') AS "isolation", current_setting('transaction_read_only') AS "readOnly", current_setting('work_mem') AS "workMem", current_setting('jit') AS "jit"`);

  it('reads one state with the report settings, and leaves the next transaction on the defaults', async () => {
    const plain = await database.transaction(settings);
    expect(await database.transaction(settings, { snapshot: true })).toEqual({ isolation: 'repeatable read', readOnly: 'on', workMem: '64MB', jit: 'off' });
    // The pool's connections are reused: SET LOCAL ended with the snapshot.
    for (let i = 0; i < 3; i++) expect(await database.transaction(settings)).toEqual(plain);
    expect(plain?.workMem).not.toBe('64MB');
    await expect(database.transaction(() => execute(database, 'CREATE TABLE nope (id int)'), { snapshot: true })).rejects.toThrow(/read-only transaction/);
  });
});
