import { afterEach, expect } from 'vitest';
import type { DbHandle } from '../../src/shared/db.ts';
import { auditLedger } from '../../src/ledger/ledger.audit.ts';
import type { LedgerPolicy } from '../../src/ledger/ledger.models.ts';
import { memoryDatabase } from './db.ts';

// Every database a ledger test touches is registered here and audited after the test: the sum of all
// entries is zero, each balance equals the sum of its entries, each transfer has two matching entries.
const tracked: Array<{ database: DbHandle; policy: Pick<LedgerPolicy, 'allowNegativeEnvelope'> }> = [];

export function trackLedger(database: DbHandle, policy: Pick<LedgerPolicy, 'allowNegativeEnvelope'> = { allowNegativeEnvelope: false }): DbHandle {
  tracked.push({ database, policy });
  return database;
}

export function ledgerDatabase(policy?: Pick<LedgerPolicy, 'allowNegativeEnvelope'>): DbHandle {
  return trackLedger(memoryDatabase(), policy);
}

export function expectLedgerSound(database: DbHandle, policy?: Pick<LedgerPolicy, 'allowNegativeEnvelope'>): void {
  const result = auditLedger(database, policy);
  expect(result.problems).toEqual([]);
  expect(result.ok).toBe(true);
}

// Call once at the top of each ledger test file.
export function installLedgerAuditor(): void {
  afterEach(() => {
    for (const { database, policy } of tracked.splice(0)) {
      expectLedgerSound(database, policy);
      database.sqlite.close();
    }
  });
}
