import { rerunOnPostgres } from './database.ts';

// The ledger's suites again, on PostgreSQL: the same use cases, the same auditor after every test,
// the multi-process race on one database.
await rerunOnPostgres('ledger suites on PostgreSQL', ['../ledger/contributions.test.ts', '../ledger/scenarios.test.ts', '../ledger/ledger.property.test.ts', '../ledger/concurrency.test.ts']);
