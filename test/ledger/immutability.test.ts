import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/shared/db.ts';
import { bookMissionContribution, holdMissionContribution, reverseMissionContribution } from '../../src/ledger/contributions.usecases.ts';
import { auditLedger } from '../../src/ledger/ledger.audit.ts';
import { memoryDatabase } from '../helpers/db.ts';
import { installLedgerAuditor, ledgerDatabase } from '../helpers/ledger-auditor.ts';
import { createProject } from '../../src/ledger/finance.usecases.ts';
import { contribution, ledgerDeps } from './fixture.ts';

installLedgerAuditor();

async function bookedLedger(): Promise<Database> {
  const database = await ledgerDatabase();
  await bookMissionContribution(database, contribution('m1'));
  await reverseMissionContribution(database, { missionId: 'm1', at: '2026-11-28T10:00:00Z', actorId: 'usr_f', reason: 'annulée' });
  await holdMissionContribution(database, contribution('m2'), { envelopeScope: 'school', allowNegativeEnvelope: false, holds: true });
  await bookMissionContribution(database, contribution('m2'));
  await createProject(ledgerDeps(database), { name: 'Haies', scope: 'territory', description: null }, 'usr_f');
  return database;
}

describe('append-only triggers', () => {
  const statements = [
    'update ledger_transfers set amount_cents = amount_cents + 1',
    'update ledger_transfers set memo = null',
    'delete from ledger_transfers',
    'update ledger_entries set balance_after_cents = 0',
    'delete from ledger_entries',
    'update ledger_holds set amount_cents = 1',
    'delete from ledger_holds',
    'update ledger_hold_resolutions set outcome = \'voided\'',
    'delete from ledger_hold_resolutions',
    'delete from ledger_accounts',
    "update ledger_accounts set ref = 'envelope:other'",
    'delete from reinvestment_projects where 1 = 1',
  ];
  it.each(statements)('refuses: %s', async (statement) => {
    const database = await bookedLedger();
    expect(() => database.sqlite.prepare(statement).run()).toThrow(/append-only/);
  });

  it('still lets a display name be corrected', async () => {
    const database = await bookedLedger();
    expect(database.sqlite.prepare("update ledger_accounts set name = 'Ligne A (labo)' where kind = 'budget_line'").run().changes).toBe(1);
  });
});

describe('constraints the database enforces on its own', () => {
  const tip = (database: Database) =>
    database.sqlite.prepare("select t.id, t.debit_account_id as d, t.credit_account_id as c from ledger_transfers t where t.reverses_transfer_id is null limit 1").get() as { id: string; d: string; c: string };
  const insertTransfer = (database: Database, values: { id: string; d: string; c: string; amount: number; reverses?: string | null }) =>
    database.sqlite
      .prepare(
        `insert into ledger_transfers (id, key, debit_account_id, credit_account_id, amount_cents, co2e_grams, cause_kind, reverses_transfer_id, effective_at, created_at)
         values (?, ?, ?, ?, ?, 0, 'correction', ?, '2027-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z')`,
      )
      .run(values.id, `k:${values.id}`, values.d, values.c, values.amount, values.reverses ?? null);

  it('refuses an amount of zero and a transfer from an account to itself', async () => {
    const database = await bookedLedger();
    const t = tip(database);
    expect(() => insertTransfer(database, { id: 'txf_zero', d: t.d, c: t.c, amount: 0 })).toThrow(/CHECK constraint failed: ledger_transfers_amount_positive/);
    expect(() => insertTransfer(database, { id: 'txf_self', d: t.d, c: t.d, amount: 5 })).toThrow(/ledger_transfers_accounts_differ/);
  });

  it('refuses a second reversal of a transfer and a reversal that does not mirror it', async () => {
    const database = await bookedLedger();
    const reversed = database.sqlite.prepare('select reverses_transfer_id as id from ledger_transfers where reverses_transfer_id is not null').get() as { id: string };
    const original = database.sqlite.prepare('select * from ledger_transfers where id = ?').get(reversed.id) as { debit_account_id: string; credit_account_id: string; amount_cents: number };
    expect(() => insertTransfer(database, { id: 'txf_again', d: original.credit_account_id, c: original.debit_account_id, amount: original.amount_cents, reverses: reversed.id })).toThrow(/UNIQUE/);
    const other = tip(database);
    expect(() => insertTransfer(database, { id: 'txf_wrong', d: other.d, c: other.c, amount: 1, reverses: other.id })).toThrow(/mirror/);
  });

  it('refuses an entry that breaks its account chain or does not match its transfer', async () => {
    const database = await bookedLedger();
    const last = database.sqlite.prepare('select * from ledger_entries order by id desc limit 1').get() as { transfer_id: string; account_id: string; amount_cents: number; account_seq: number; balance_after_cents: number; effective_at: string };
    const insertEntry = (seq: number, balance: number, amount = last.amount_cents) =>
      database.sqlite
        .prepare('insert into ledger_entries (transfer_id, account_id, amount_cents, account_seq, balance_after_cents, effective_at) values (?, ?, ?, ?, ?, ?)')
        .run(last.transfer_id, last.account_id, amount, seq, balance, last.effective_at);
    // Unique (transfer, account): a transfer has one entry per side.
    expect(() => insertEntry(last.account_seq + 1, last.balance_after_cents + last.amount_cents)).toThrow(/UNIQUE|chain/);
    // Chain right (previous + 7), but 7 is not the transfer's amount.
    expect(() => insertEntry(last.account_seq + 1, last.balance_after_cents + 7, 7)).toThrow(/does not match its transfer/);
    expect(() => insertEntry(last.account_seq + 1, last.balance_after_cents + last.amount_cents + 1)).toThrow(/chain|UNIQUE/);
  });
});

describe('the auditor', () => {
  it('finds a tampered running balance and a one-sided transfer', async () => {
    // A database whose triggers were dropped by hand: the auditor is the second line of defence.
    const database = memoryDatabase();
    await bookMissionContribution(database, contribution('m1'));
    expect((await auditLedger(database)).ok).toBe(true);
    const triggers = database.sqlite.prepare("select name from sqlite_master where type = 'trigger'").all() as Array<{ name: string }>;
    for (const { name } of triggers) database.sqlite.exec(`drop trigger "${name}"`);
    database.sqlite.exec("update ledger_entries set balance_after_cents = balance_after_cents + 1, amount_cents = amount_cents + 1 where amount_cents > 0");
    const result = await auditLedger(database);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.check).sort()).toEqual(['entries_sum_to_zero', 'transfer_has_two_matching_entries']);
    database.sqlite.exec('delete from ledger_entries where amount_cents < 0');
    expect((await auditLedger(database)).problems.map((p) => p.check)).toContain('transfer_has_two_matching_entries');
    database.sqlite.close();
  });

  it('finds a broken chain and a forbidden negative balance', async () => {
    const database = memoryDatabase();
    await bookMissionContribution(database, contribution('m1'));
    for (const { name } of database.sqlite.prepare("select name from sqlite_master where type = 'trigger'").all() as Array<{ name: string }>) {
      database.sqlite.exec(`drop trigger "${name}"`);
    }
    // Both sides shifted by the same amount: the sum stays zero, but balances no longer follow entries.
    database.sqlite.exec('update ledger_entries set balance_after_cents = -1 where amount_cents > 0');
    const checks = (await auditLedger(database)).problems.map((p) => p.check);
    expect(checks).toEqual(expect.arrayContaining(['balance_equals_sum_of_entries', 'running_balance_chain', 'no_forbidden_negative_balance']));
    database.sqlite.close();
  });
});
