import { rerunOnPostgres } from './database.ts';

// The claim after the trip again, on PostgreSQL: bad input changing nothing, receipts, certification
// settling the contribution on the actual trip (and the auditor finding tampering), the copil report
// counting certified claims. claims.faults.test.ts stays on SQLite: its race is between processes on
// one SQLite file and its fault is a temporary SQLite trigger (the PostgreSQL race is the ledger's,
// test/pg/ledger.pg.test.ts, and the two-instance one, test/pg/instances.pg.test.ts).
await rerunOnPostgres('claim suites on PostgreSQL', [
  '../claims/claims.api.test.ts',
  '../claims/receipts.test.ts',
  '../claims/settlement.test.ts',
  '../reports/claims-actuals.test.ts',
]);
