import { rerunOnPostgres } from './database.ts';

// The mission use cases again, on PostgreSQL: drafts, quotes stored with their provenance, the
// workflow and its ledger calls, switching a flight to rail (test/helpers/app.ts engineApp).
await rerunOnPostgres('mission suites on PostgreSQL', ['../missions/missions.usecases.test.ts']);
