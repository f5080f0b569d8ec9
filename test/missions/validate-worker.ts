// Child process of missions.concurrency.test.ts: validates one mission against a shared database file.
import { openDatabase } from '../../src/shared/db.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { testConfig } from '../../src/config.ts';
import { findUserById, toAuthenticatedUser } from '../../src/auth/users.repository.ts';
import { missionLedger } from '../../src/missions/missions.ledger.ts';
import { transitionMission } from '../../src/missions/missions-workflow.usecases.ts';
import { isAppError } from '../../src/shared/errors.ts';

const [dbPath, missionId, actorId] = process.argv.slice(2) as [string, string, string];
const database = openDatabase(dbPath);
const actor = await toAuthenticatedUser(database.db, (await findUserById(database.db, actorId))!, 'token');
// Validation never re-quotes: the quote engine is not needed here.
const deps = { database, clock: systemClock, quote: undefined as never, ledger: missionLedger(testConfig()) };
try {
  await transitionMission(deps, actor, missionId, 'validate', {});
  process.stdout.write('validated');
} catch (err) {
  if (!isAppError(err)) throw err;
  process.stdout.write(err.code);
} finally {
  database.sqlite.close();
}
