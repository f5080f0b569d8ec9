import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/shared/db.ts';
import { rows } from '../../src/shared/dialect.ts';
import { openPgDatabase } from '../../src/shared/pg-database.ts';
import { isAppError } from '../../src/shared/errors.ts';
import { bookMissionContribution, reverseMissionContribution } from '../../src/ledger/contributions.usecases.ts';
import { disburse } from '../../src/ledger/finance.usecases.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { defaultLedgerPolicy } from '../../src/ledger/ledger.models.ts';

// One of several processes racing on the same database file: validates, cancels and disburses the
// same missions as the others, each step inside an outer transaction of the port (IMMEDIATE on SQLite), as missions do.
const [file, workerArg, missionsArg, projectId] = process.argv.slice(2) as [string, string, string, string];
const worker = Number(workerArg);
const missions = Number(missionsArg);
// A SQLite file, or a PostgreSQL connection string when the suite runs on PostgreSQL.
const database = file.startsWith('postgres') ? await openPgDatabase(file, { maxConnections: 2 }) : openDatabase(file);
const deps = { database, clock: fixedClock('2026-11-27T10:00:00Z'), policy: defaultLedgerPolicy };

// Small deterministic generator per worker: different orders in each process, replayable.
let state = 0x9e3779b9 ^ (worker * 0x85ebca6b);
const random = (n: number): number => {
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) % n;
};

const tally = { calls: 0, refused: 0, errors: [] as string[] };

async function step(): Promise<void> {
  const m = random(missions);
  const at = '2026-11-27T10:00:00Z';
  const choice = random(10);
  const outer = () => database.transaction(async () => {
    await rows(database.db, sql`select count(*) as n from ledger_transfers`); // the mission read before the write
    if (choice < 5) await bookMissionContribution(database, { missionId: `msn_${m}`, budgetLineId: `bgl_${m % 3}`, entityId: null, amountCents: 1_000 + m, co2eGrams: 10_000, at, actorId: `usr_w${worker}` });
    else if (choice < 8) await reverseMissionContribution(database, { missionId: `msn_${m}`, at, actorId: `usr_w${worker}`, reason: 'annulée' });
    else await disburse(deps, { projectId, amountCents: 700 + random(900), co2eGrams: 0, memo: `w${worker}`, entityId: null, idempotencyKey: null }, `usr_w${worker}`);
  });
  tally.calls += 1;
  try {
    await outer();
  } catch (err) {
    if (isAppError(err) && err.code === 'ledger.insufficient_funds') tally.refused += 1;
    else tally.errors.push(String((err as Error).message ?? err));
  }
}

async function race(): Promise<void> {
  for (let i = 0; i < missions * 4; i += 1) await step();
  await database.close();
  process.send!(tally, () => process.exit(0));
}

process.on('message', (message) => {
  if (message === 'go') void race();
});
process.send!('ready');
