import { describe, expect, it } from 'vitest';
import { execute } from '../helpers/sql.ts';
import { pgUrl, rerunOnPostgres } from './database.ts';

// `empreinte check` again, on PostgreSQL: migrations, the guards PostgreSQL enforces, the ledger.
await rerunOnPostgres('database check on PostgreSQL', ['../ops/check.test.ts']);
const { bookedDatabase } = await import('../ops/check-support.ts');

describe.skipIf(!pgUrl)('empreinte check on PostgreSQL only', () => {
  it('names a guard a DBA disabled on PostgreSQL', async () => {
    const { database, run } = await bookedDatabase();
    await execute(database, 'alter table ledger_entries disable trigger ledger_entries_append_only');
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.err).toContain('  - trigger ledger_entries_append_only on ledger_entries is disabled');
    await database.close();
  });
});
