import { describe, it } from 'vitest';
import { pgUrl } from './database.ts';

// The ledger's suites again, on PostgreSQL: the same use cases, the same auditor after every test,
// through the port's PostgreSQL implementation (test/helpers/db.ts engineDatabase).
process.env.EMPREINTE_TEST_ENGINE = 'postgres';
if (pgUrl) {
  await import('../ledger/contributions.test.ts');
  await import('../ledger/scenarios.test.ts');
  await import('../ledger/ledger.property.test.ts');
  await import('../ledger/concurrency.test.ts');
} else {
  describe.skip('ledger suites on PostgreSQL', () => it('needs the PostgreSQL server binaries', () => {}));
}
