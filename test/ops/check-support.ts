import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { testConfig } from '../../src/config.ts';
import { bookMissionContribution } from '../../src/ledger/contributions.usecases.ts';
import { check } from '../../src/ops/check.cli.ts';
import type { Database } from '../../src/shared/db.ts';
import { sharedEngineDatabase, testEngine } from '../helpers/db.ts';
import { execute } from '../helpers/sql.ts';

// A database of the test's engine with one contribution booked, and `empreinte check` run on it as
// the command would (the configuration naming it).
const dir = mkdtempSync(join(tmpdir(), 'empreinte-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

export async function bookedDatabase(): Promise<{ database: Database; run: (args?: string[]) => Promise<{ code: number; out: string[]; err: string[] }> }> {
  const { database, location } = await sharedEngineDatabase(join(dir, `check-${files++}.sqlite`));
  await bookMissionContribution(database, { missionId: 'msn_a', budgetLineId: 'bgl_a', entityId: null, amountCents: 12_345, co2eGrams: 1_000_000, at: '2026-06-01T10:00:00.000Z', actorId: null });
  const config = testEngine() === 'postgres' ? testConfig({ EMPREINTE_DATABASE_URL: location }) : testConfig({ EMPREINTE_DB: location });
  const run = async (args: string[] = []) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await check(args, { config, out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  };
  return { database, run };
}

// Past the database's own guards: on SQLite its triggers dropped, on PostgreSQL triggers off for the session.
export async function tamper(database: Database, statement: string): Promise<void> {
  if (database.engine === 'sqlite') {
    for (const { name } of database.sqlite.prepare("select name from sqlite_master where type = 'trigger' and tbl_name = 'ledger_entries'").all() as Array<{ name: string }>) {
      database.sqlite.exec(`drop trigger "${name}"`);
    }
    await execute(database, statement);
    return;
  }
  await database.transaction(async () => {
    await execute(database, 'set local session_replication_role = replica');
    await execute(database, statement);
  });
}

