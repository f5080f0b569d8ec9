import { describe, it } from 'vitest';
import { pgUrl } from './database.ts';

// The mission use cases again, on PostgreSQL: drafts, quotes stored with their provenance, the
// workflow and its ledger calls, switching a flight to rail (test/helpers/app.ts engineApp).
process.env.EMPREINTE_TEST_ENGINE = 'postgres';
if (pgUrl) {
  await import('../missions/missions.usecases.test.ts');
} else {
  describe.skip('mission suites on PostgreSQL', () => it('needs the PostgreSQL server binaries', () => {}));
}
