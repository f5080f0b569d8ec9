import { rerunOnPostgres } from './database.ts';

// The copil report, the historical import and the recomputation again, on PostgreSQL: the hand-built
// school's every figure, re-imports without duplicates, a crash leaving whole batches, the HTTP and
// page answers (test/helpers/app.ts engineApp).
await rerunOnPostgres('report suites on PostgreSQL', [
  '../reports/indicators.test.ts',
  '../reports/import.test.ts',
  '../reports/import-ges1point5.test.ts',
  '../reports/import.cli.test.ts',
  '../reports/recompute.test.ts',
  '../reports/reports.http.test.ts',
  '../reports/reports.pages.test.ts',
  '../reports/student-rail.test.ts',
]);
