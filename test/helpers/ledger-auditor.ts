import { afterEach, expect } from 'vitest';
import type { Database } from '../../src/shared/db.ts';
import { auditLedger } from '../../src/ledger/ledger.audit.ts';
import type { LedgerPolicy } from '../../src/ledger/ledger.models.ts';
import { engineDatabase } from './db.ts';

// Every database a ledger test touches is registered here and audited after the test: the sum of all
// entries is zero, each balance equals the sum of its entries, each transfer has two matching entries.
const tracked: Array<{ database: Database; policy: Pick<LedgerPolicy, 'allowNegativeEnvelope'> }> = [];

export function trackLedger(database: Database, policy: Pick<LedgerPolicy, 'allowNegativeEnvelope'> = { allowNegativeEnvelope: false }): Database {
  tracked.push({ database, policy });
  return database;
}

// A fresh database on the test's engine (SQLite, or PostgreSQL when the suite runs again on it).
export async function ledgerDatabase(policy?: Pick<LedgerPolicy, 'allowNegativeEnvelope'>): Promise<Database> {
  return trackLedger(await engineDatabase(), policy);
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
      await database.close();
    }
  });
}
