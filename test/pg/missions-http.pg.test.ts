import { rerunOnPostgres } from './database.ts';

// The missions API again, on PostgreSQL: the workflow over HTTP with its ledger calls, who may do
// what, Idempotency-Key replays, switching a flight to rail and the avoided flights it records, and the
// approval chain before the secretariat (racing approvers included), the carbon quota per entity and
// the recruitment-abroad rule, and the action plan's switches set in the application.
await rerunOnPostgres('mission HTTP suites on PostgreSQL', [
  '../missions/missions.routes.test.ts',
  '../missions/missions.authz.test.ts',
  '../missions/idempotency.test.ts',
  '../missions/avoided-flights.test.ts',
  '../approvals/approvals.api.test.ts',
  '../quotas/quotas.api.test.ts',
  '../policies/policies.api.test.ts',
]);
