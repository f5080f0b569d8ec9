// Child process of claims.faults.test.ts: certifies or returns one claim against a shared database file.
import { openDatabase } from '../../src/shared/db.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { testConfig } from '../../src/config.ts';
import { findUserById, toAuthenticatedUser } from '../../src/auth/users.repository.ts';
import { claimLedger } from '../../src/claims/claims.ledger.ts';
import { transitionClaim } from '../../src/claims/claims-workflow.usecases.ts';
import { isAppError } from '../../src/shared/errors.ts';

const [dbPath, missionId, actorId, action] = process.argv.slice(2) as [string, string, string, 'certify' | 'return'];
const database = openDatabase(dbPath);
const actor = await toAuthenticatedUser(database.db, (await findUserById(database.db, actorId))!, 'token');
// Certification settles on the quote stored with the claim: the quote engine is not needed here.
const deps = { database, clock: systemClock, quote: undefined as never, ledger: claimLedger(testConfig()) };
try {
  await transitionClaim(deps, actor, missionId, action, { comment: 'Billet de train manquant' });
  process.stdout.write(action);
} catch (err) {
  if (!isAppError(err)) throw err;
  process.stdout.write(err.code);
} finally {
  database.sqlite.close();
}
