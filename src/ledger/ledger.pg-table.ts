// PostgreSQL twin of ledger.table.ts: same tables, same row types (test/db/table-twins.test.ts).
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, pgTable, primaryKey, text, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { accountKinds, causeKinds, projectScopes } from './ledger.models.ts';

// Double-entry, append-only. Triggers (migration ledger_append_only) refuse UPDATE and DELETE on
// transfers, entries, holds and hold resolutions, and check each new entry against its account's chain.


export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: accountKinds }).notNull(),
    name: text('name').notNull(),
    entityId: text('entity_id'),
    // Natural key (`envelope:school`, `budget_line:bgl_…`, `project:prj_…`): accounts are created lazily by ref.
    ref: text('ref').notNull().unique(),
    allowNegative: boolean('allow_negative').notNull().default(false),
    createdAt: text('created_at').notNull(),
  },
  (t) => [check('ledger_accounts_kind', sql`${t.kind} in ('envelope', 'budget_line', 'project')`)],
);

export const ledgerTransfers = pgTable(
  'ledger_transfers',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull().unique(),
    debitAccountId: text('debit_account_id').notNull().references(() => ledgerAccounts.id),
    creditAccountId: text('credit_account_id').notNull().references(() => ledgerAccounts.id),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    co2eGrams: bigint('co2e_grams', { mode: 'number' }).notNull().default(0),
    causeKind: text('cause_kind', { enum: causeKinds }).notNull(),
    causeRef: text('cause_ref'),
    // UNIQUE: a transfer is reversed at most once.
    reversesTransferId: text('reverses_transfer_id').unique().references((): AnyPgColumn => ledgerTransfers.id),
    memo: text('memo'),
    actorId: text('actor_id'),
    effectiveAt: text('effective_at').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    check('ledger_transfers_amount_positive', sql`${t.amountCents} > 0`),
    check('ledger_transfers_accounts_differ', sql`${t.debitAccountId} <> ${t.creditAccountId}`),
    check('ledger_transfers_co2e_non_negative', sql`${t.co2eGrams} >= 0`),
    check('ledger_transfers_cause_kind', sql`${t.causeKind} in ('mission_contribution', 'mission_reversal', 'disbursement', 'correction', 'claim_adjustment')`),
    index('ledger_transfers_cause_idx').on(t.causeKind, t.causeRef),
    // The finance page's latest transfers: SQLite reads them in rowid order, PostgreSQL by this index.
    index('ledger_transfers_created_idx').on(t.createdAt.desc(), t.id.desc()),
  ],
);

// One row per side of a transfer. Sign convention: credit +, debit − (seen from the account).
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    transferId: text('transfer_id').notNull().references(() => ledgerTransfers.id),
    accountId: text('account_id').notNull().references(() => ledgerAccounts.id),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    accountSeq: bigint('account_seq', { mode: 'number' }).notNull(),
    balanceAfterCents: bigint('balance_after_cents', { mode: 'number' }).notNull(),
    effectiveAt: text('effective_at').notNull(),
  },
  (t) => [
    check('ledger_entries_amount_non_zero', sql`${t.amountCents} <> 0`),
    check('ledger_entries_seq_positive', sql`${t.accountSeq} >= 1`),
    uniqueIndex('ledger_entries_account_seq_uq').on(t.accountId, t.accountSeq),
    uniqueIndex('ledger_entries_transfer_account_uq').on(t.transferId, t.accountId),
    // "Balance as of" = the latest entry with effective_at before the bound: one seek, covering.
    index('ledger_entries_account_time_idx').on(t.accountId, t.effectiveAt, t.accountSeq, t.balanceAfterCents),
  ],
);

// Two-phase contributions (optional): a hold reserves an amount; a resolution posts or voids it once.
export const ledgerHolds = pgTable(
  'ledger_holds',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull().unique(),
    debitAccountId: text('debit_account_id').notNull().references(() => ledgerAccounts.id),
    creditAccountId: text('credit_account_id').notNull().references(() => ledgerAccounts.id),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    co2eGrams: bigint('co2e_grams', { mode: 'number' }).notNull().default(0),
    causeRef: text('cause_ref'),
    actorId: text('actor_id'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    check('ledger_holds_amount_positive', sql`${t.amountCents} > 0`),
    check('ledger_holds_accounts_differ', sql`${t.debitAccountId} <> ${t.creditAccountId}`),
    check('ledger_holds_co2e_non_negative', sql`${t.co2eGrams} >= 0`),
    index('ledger_holds_debit_idx').on(t.debitAccountId),
    index('ledger_holds_credit_idx').on(t.creditAccountId),
  ],
);

export const ledgerHoldResolutions = pgTable(
  'ledger_hold_resolutions',
  {
    // Primary key = the hold: a hold resolves at most once.
    holdId: text('hold_id').primaryKey().references(() => ledgerHolds.id),
    outcome: text('outcome', { enum: ['posted', 'voided'] }).notNull(),
    transferId: text('transfer_id').unique().references(() => ledgerTransfers.id),
    reason: text('reason'),
    actorId: text('actor_id'),
    resolvedAt: text('resolved_at').notNull(),
  },
  (t) => [
    check('ledger_hold_resolutions_outcome', sql`${t.outcome} in ('posted', 'voided')`),
    check('ledger_hold_resolutions_posted_has_transfer', sql`(${t.outcome} = 'posted') = (${t.transferId} is not null)`),
  ],
);

export const reinvestmentProjects = pgTable(
  'reinvestment_projects',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull().unique(),
    scope: text('scope', { enum: projectScopes }).notNull(),
    description: text('description'),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by'),
  },
  (t) => [check('reinvestment_projects_scope', sql`${t.scope} in ('internal', 'territory')`)],
);
