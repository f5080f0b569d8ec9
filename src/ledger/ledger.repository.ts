import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db, DbHandle } from '../shared/db.ts';
import type { Account, Transfer } from './ledger.models.ts';
import { ledgerAccounts, ledgerEntries, ledgerTransfers } from './ledger.table.ts';

export function findAccountById(db: Db, id: string): Account | undefined {
  return db.select().from(ledgerAccounts).where(eq(ledgerAccounts.id, id)).get();
}

export function findAccountByRef(db: Db, ref: string): Account | undefined {
  return db.select().from(ledgerAccounts).where(eq(ledgerAccounts.ref, ref)).get();
}

// Two processes may create the same account at once: the unique ref makes the second insert a no-op.
export function insertAccountIfAbsent(db: Db, account: Account): Account {
  db.insert(ledgerAccounts).values(account).onConflictDoNothing({ target: ledgerAccounts.ref }).run();
  return findAccountByRef(db, account.ref)!;
}

export function listAccounts(db: Db): Account[] {
  return db.select().from(ledgerAccounts).orderBy(asc(ledgerAccounts.kind), asc(ledgerAccounts.name), asc(ledgerAccounts.id)).all();
}

export type EntryTip = { accountSeq: number; balanceAfterCents: number; effectiveAt: string };

// The last entry of an account: one seek on the unique (account_id, account_seq) index.
export function chainTip(db: Db, accountId: string): EntryTip | null {
  const row = db
    .select({ accountSeq: ledgerEntries.accountSeq, balanceAfterCents: ledgerEntries.balanceAfterCents, effectiveAt: ledgerEntries.effectiveAt })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId))
    .orderBy(desc(ledgerEntries.accountSeq))
    .limit(1)
    .get();
  return row ?? null;
}

// Balance of an account just before an instant: the running balance of its latest entry effective
// before the bound, one seek on (account_id, effective_at, account_seq, balance_after_cents).
// Prepared once per connection: balances and statements call it once per account.
function prepareBalanceBefore(db: Db) {
  return db
    .select({ balanceAfterCents: ledgerEntries.balanceAfterCents })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.accountId, sql.placeholder('accountId')), lt(ledgerEntries.effectiveAt, sql.placeholder('bound'))))
    .orderBy(desc(ledgerEntries.effectiveAt), desc(ledgerEntries.accountSeq))
    .limit(1)
    .prepare();
}
const balanceQueries = new WeakMap<Db, ReturnType<typeof prepareBalanceBefore>>();

export function balanceBefore(db: Db, accountId: string, exclusiveIso: string): number {
  let query = balanceQueries.get(db);
  if (!query) balanceQueries.set(db, (query = prepareBalanceBefore(db)));
  return query.get({ accountId, bound: exclusiveIso })?.balanceAfterCents ?? 0;
}

export function findTransferById(db: Db, id: string): Transfer | undefined {
  return db.select().from(ledgerTransfers).where(eq(ledgerTransfers.id, id)).get();
}

export function findTransferByKey(db: Db, key: string): Transfer | undefined {
  return db.select().from(ledgerTransfers).where(eq(ledgerTransfers.key, key)).get();
}

export function findReversalOf(db: Db, transferId: string): Transfer | undefined {
  return db.select().from(ledgerTransfers).where(eq(ledgerTransfers.reversesTransferId, transferId)).get();
}

export type EntryRow = { transferId: string; accountId: string; amountCents: number; accountSeq: number; balanceAfterCents: number; effectiveAt: string };

export function insertTransferWithEntries(db: Db, transfer: Transfer, entries: [EntryRow, EntryRow]): void {
  db.insert(ledgerTransfers).values(transfer).run();
  db.insert(ledgerEntries).values(entries).run();
}

export type StatementRow = {
  accountSeq: number;
  amountCents: number;
  balanceAfterCents: number;
  effectiveAt: string;
  transferId: string;
  key: string;
  causeKind: Transfer['causeKind'];
  causeRef: string | null;
  memo: string | null;
  co2eGrams: number;
  reversesTransferId: string | null;
  counterpartyId: string;
  counterpartyName: string;
};

// Entries of one account in [from, to), in chain order, with the other side of each transfer.
export function statementRows(database: DbHandle, accountId: string, fromInclusive: string, toExclusive: string, limit: number): StatementRow[] {
  return database.sqlite
    .prepare(
      `select e.account_seq as accountSeq, e.amount_cents as amountCents, e.balance_after_cents as balanceAfterCents,
              e.effective_at as effectiveAt, t.id as transferId, t.key as key, t.cause_kind as causeKind,
              t.cause_ref as causeRef, t.memo as memo, t.co2e_grams as co2eGrams,
              t.reverses_transfer_id as reversesTransferId, c.id as counterpartyId, c.name as counterpartyName
         from ledger_entries e
         join ledger_transfers t on t.id = e.transfer_id
         join ledger_accounts c on c.id = (case when t.debit_account_id = e.account_id then t.credit_account_id else t.debit_account_id end)
        where e.account_id = ? and e.effective_at >= ? and e.effective_at < ?
        order by e.effective_at, e.account_seq
        limit ?`,
    )
    .all(accountId, fromInclusive, toExclusive, limit) as StatementRow[];
}
