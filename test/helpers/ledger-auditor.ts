import { afterEach, expect } from 'vitest';
import type { Database } from '../../src/shared/db.ts';
import { auditLedger } from '../../src/ledger/ledger.audit.ts';
import type { LedgerPolicy } from '../../src/ledger/ledger.models.ts';
import { memoryDatabase } from './db.ts';

// Every database a ledger test touches is registered here and audited after the test: the sum of all
// entries is zero, each balance equals the sum of its entries, each transfer has two matching entries.
const tracked: Array<{ database: Database; policy: Pick<LedgerPolicy, 'allowNegativeEnvelope'> }> = [];

export function trackLedger(database: Database, policy: Pick<LedgerPolicy, 'allowNegativeEnvelope'> = { allowNegativeEnvelope: false }): Database {
  tracked.push({ database, policy });
  return database;
}

export function ledgerDatabase(policy?: Pick<LedgerPolicy, 'allowNegativeEnvelope'>): Database {
  return trackLedger(memoryDatabase(), policy);
}

export async function expectLedgerSound(database: Database, policy?: Pick<LedgerPolicy, 'allowNegativeEnvelope'>): Promise<void> {
  const result = await auditLedger(database, policy);
  expect(result.problems).toEqual([]);
  expect(result.ok).toBe(true);
}

// Call once at the top of each ledger test file.
export function installLedgerAuditor(): void {
  afterEach(async () => {
    for (const { database, policy } of tracked.splice(0)) {
      await expectLedgerSound(database, policy);
      database.sqlite.close();
    }
  });
}
