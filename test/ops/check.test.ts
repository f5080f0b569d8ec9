import { describe, expect, it } from 'vitest';
import { bookedDatabase, tamper } from './check-support.ts';

// `empreinte check` on the service's own database, on the test's engine (test/pg/ops.pg.test.ts runs
// it again on PostgreSQL): sound, then each kind of damage it must name.
describe('empreinte check', () => {
  it('says a sound database is sound, with its counts, and exits 0', async () => {
    const { database, run } = await bookedDatabase();
    const result = await run();
    expect(result).toMatchObject({ code: 0, err: [] });
    expect(result.out[0]).toMatch(/^Base vérifiée : .*grand livre équilibré.*ledger_transfers 1/);
    await database.close();
  });

  it('names a ledger entry changed behind the guards, and exits 1', async () => {
    const { database, run } = await bookedDatabase();
    await tamper(database, 'update ledger_entries set amount_cents = amount_cents + 1 where amount_cents > 0');
    const result = await run();
    expect(result.code).toBe(1);
    expect(result.err.join('\n')).toMatch(/ledger [a-z_]+:/);
    await database.close();
  });

  it('refuses arguments with its usage and exit 2', async () => {
    const { database, run } = await bookedDatabase();
    expect(await run(['extra'])).toMatchObject({ code: 2, err: [expect.stringContaining('Usage: empreinte check')] });
    await database.close();
  });
});
