import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { migrationsFolder, openDatabase, type Database } from '../../src/shared/db.ts';
import { bookMissionContribution, reverseMissionContribution } from '../../src/ledger/contributions.usecases.ts';
import { postTransfer } from '../../src/ledger/ledger.usecases.ts';
import { defaultLedgerPolicy } from '../../src/ledger/ledger.models.ts';
import { auditLedger } from '../../src/ledger/ledger.audit.ts';
import { contribution, NOW } from './fixture.ts';

type Journal = { entries: Array<{ idx: number; tag: string }> };
const journal = JSON.parse(readFileSync(resolve(migrationsFolder, 'meta/_journal.json'), 'utf8')) as Journal & Record<string, unknown>;
const rebuild = journal.entries.findIndex((e) => e.tag === '0019_claims');
const dir = mkdtempSync(join(tmpdir(), 'empreinte-claims-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The migrations up to (not including) 0019, in a folder of their own, as a database of the previous release had them.
function previousRelease(): string {
  const folder = join(dir, 'previous');
  cpSync(migrationsFolder, folder, { recursive: true });
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, rebuild) }));
  return folder;
}

const rows = (database: Database, sql: string) => database.sqlite.prepare(sql).all();

// 0019 rebuilds ledger_transfers (to accept claim_adjustment) inside the migrator's transaction,
// while entries and hold resolutions point at it: every row, reference and trigger must survive.
describe('ledger_transfers rebuilt for claim adjustments', () => {
  it('keeps transfers, entries and reversals, passes the foreign-key check, and keeps the ledger append-only', async () => {
    expect(rebuild).toBeGreaterThan(0);
    const database = openDatabase(join(dir, 'ledger.sqlite'));
    migrate(database.db, { migrationsFolder: previousRelease() });
    await bookMissionContribution(database, contribution('msn_a'));
    await bookMissionContribution(database, contribution('msn_b', { amountCents: 4_321 }));
    await reverseMissionContribution(database, { missionId: 'msn_a', at: NOW, actorId: 'usr_sfi', reason: 'annulée' });
    const transfersBefore = rows(database, 'select * from ledger_transfers order by rowid');
    const entriesBefore = rows(database, 'select * from ledger_entries order by id');
    expect(transfersBefore).toHaveLength(3);

    migrate(database.db, { migrationsFolder });

    expect(rows(database, 'select * from ledger_transfers order by rowid')).toEqual(transfersBefore);
    expect(rows(database, 'select * from ledger_entries order by id')).toEqual(entriesBefore);
    expect(rows(database, 'pragma foreign_key_check')).toEqual([]);
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => database.sqlite.prepare('update ledger_transfers set memo = ?').run('x')).toThrow(/append-only/);
    expect(() => database.sqlite.prepare('delete from ledger_transfers').run()).toThrow(/append-only/);
    // The entry trigger dropped for the rebuild is back: an entry that does not match its transfer is refused.
    const [first] = transfersBefore as Array<{ id: string; debit_account_id: string }>;
    expect(() =>
      database.sqlite.prepare('insert into ledger_entries (transfer_id, account_id, amount_cents, account_seq, balance_after_cents, effective_at) values (?, ?, 1, 99, 1, ?)').run(first!.id, first!.debit_account_id, NOW),
    ).toThrow(/does not match|chain/);

    // The new kind is accepted, an unknown one still refused.
    const accounts = rows(database, 'select id from ledger_accounts order by rowid') as Array<{ id: string }>;
    const draft = { key: 'claim:clm_x:adjustment', debitAccountId: accounts[0]!.id, creditAccountId: accounts[1]!.id, amountCents: 50, co2eGrams: 0, causeRef: 'clm_x', reversesTransferId: null, memo: null, actorId: null, at: NOW };
    expect((await postTransfer(database, { ...draft, causeKind: 'claim_adjustment' }, { ...defaultLedgerPolicy, allowNegativeEnvelope: true })).created).toBe(true);
    await expect(postTransfer(database, { ...draft, key: 'other', causeKind: 'nonsense' as 'correction' }, defaultLedgerPolicy)).rejects.toThrow(/CHECK/);
    // The balance checks hold; the auditor only notes that no claim stands behind this hand-made adjustment.
    expect((await auditLedger(database, { allowNegativeEnvelope: true })).problems).toEqual([expect.objectContaining({ check: 'claim_adjustment_matches_claim' })]);
    database.sqlite.close();
  });
});
