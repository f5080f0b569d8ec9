import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { first, isPostgres, rows, tablesByDialect } from '../shared/dialect.ts';
import type { Account, Transfer } from './ledger.models.ts';
import * as pgTables from './ledger.pg-table.ts';
import { ledgerAccounts, ledgerEntries, ledgerTransfers } from './ledger.table.ts';

const tables = tablesByDialect({ ledgerAccounts, ledgerEntries, ledgerTransfers }, pgTables);

export async function findAccountById(db: Db, id: string): Promise<Account | undefined> {
  const { ledgerAccounts } = tables(db);
  return first(await db.select().from(ledgerAccounts).where(eq(ledgerAccounts.id, id)).limit(1));
}

export async function findAccountByRef(db: Db, ref: string): Promise<Account | undefined> {
  const { ledgerAccounts } = tables(db);
  return first(await db.select().from(ledgerAccounts).where(eq(ledgerAccounts.ref, ref)).limit(1));
}

// Two processes may create the same account at once: the unique ref makes the second insert a no-op.
export async function insertAccountIfAbsent(db: Db, account: Account): Promise<Account> {
  const { ledgerAccounts } = tables(db);
  await db.insert(ledgerAccounts).values(account).onConflictDoNothing({ target: ledgerAccounts.ref });
  return (await findAccountByRef(db, account.ref))!;
}

export async function listAccounts(db: Db): Promise<Account[]> {
  const { ledgerAccounts } = tables(db);
  return db.select().from(ledgerAccounts).orderBy(asc(ledgerAccounts.kind), asc(ledgerAccounts.name), asc(ledgerAccounts.id));
}

export type EntryTip = { accountSeq: number; balanceAfterCents: number; effectiveAt: string };

// The last entry of an account: one seek on the unique (account_id, account_seq) index.
export async function chainTip(db: Db, accountId: string): Promise<EntryTip | null> {
  const { ledgerEntries } = tables(db);
  const found = await db
    .select({ accountSeq: ledgerEntries.accountSeq, balanceAfterCents: ledgerEntries.balanceAfterCents, effectiveAt: ledgerEntries.effectiveAt })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId))
    .orderBy(desc(ledgerEntries.accountSeq))
    .limit(1);
  return first(found) ?? null;
}

// Balance of an account just before an instant: the running balance of its latest entry effective
// before the bound, one seek on (account_id, effective_at, account_seq, balance_after_cents).
// Prepared once per SQLite connection: balances and statements call it once per account.
function balanceBeforeQuery(db: Db, accountId: unknown, bound: unknown) {
  const { ledgerEntries } = tables(db);
  return db
    .select({ balanceAfterCents: ledgerEntries.balanceAfterCents })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.accountId, accountId as string), lt(ledgerEntries.effectiveAt, bound as string)))
    .orderBy(desc(ledgerEntries.effectiveAt), desc(ledgerEntries.accountSeq))
    .limit(1);
}
const prepareBalanceBefore = (db: Db) => balanceBeforeQuery(db, sql.placeholder('accountId'), sql.placeholder('bound')).prepare();
const balanceQueries = new WeakMap<Db, ReturnType<typeof prepareBalanceBefore>>();

export async function balanceBefore(db: Db, accountId: string, exclusiveIso: string): Promise<number> {
  if (isPostgres(db)) return first(await balanceBeforeQuery(db, accountId, exclusiveIso))?.balanceAfterCents ?? 0;
  let query = balanceQueries.get(db);
  if (!query) balanceQueries.set(db, (query = prepareBalanceBefore(db)));
  return query.get({ accountId, bound: exclusiveIso })?.balanceAfterCents ?? 0;
}

export async function findTransferById(db: Db, id: string): Promise<Transfer | undefined> {
  const { ledgerTransfers } = tables(db);
  return first(await db.select().from(ledgerTransfers).where(eq(ledgerTransfers.id, id)).limit(1));
}

export async function findTransferByKey(db: Db, key: string): Promise<Transfer | undefined> {
  const { ledgerTransfers } = tables(db);
  return first(await db.select().from(ledgerTransfers).where(eq(ledgerTransfers.key, key)).limit(1));
}

export async function findReversalOf(db: Db, transferId: string): Promise<Transfer | undefined> {
  const { ledgerTransfers } = tables(db);
  return first(await db.select().from(ledgerTransfers).where(eq(ledgerTransfers.reversesTransferId, transferId)).limit(1));
}

export type EntryRow = { transferId: string; accountId: string; amountCents: number; accountSeq: number; balanceAfterCents: number; effectiveAt: string };

export async function insertTransferWithEntries(db: Db, transfer: Transfer, entries: [EntryRow, EntryRow]): Promise<void> {
  const { ledgerTransfers, ledgerEntries } = tables(db);
  await db.insert(ledgerTransfers).values(transfer);
  await db.insert(ledgerEntries).values(entries);
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
export async function statementRows(db: Db, accountId: string, fromInclusive: string, toExclusive: string, limit: number): Promise<StatementRow[]> {
  return rows<StatementRow>(
    db,
    sql`select e.account_seq as "accountSeq", e.amount_cents as "amountCents", e.balance_after_cents as "balanceAfterCents",
               e.effective_at as "effectiveAt", t.id as "transferId", t.key as "key", t.cause_kind as "causeKind",
               t.cause_ref as "causeRef", t.memo as "memo", t.co2e_grams as "co2eGrams",
               t.reverses_transfer_id as "reversesTransferId", c.id as "counterpartyId", c.name as "counterpartyName"
          from ledger_entries e
          join ledger_transfers t on t.id = e.transfer_id
          join ledger_accounts c on c.id = (case when t.debit_account_id = e.account_id then t.credit_account_id else t.debit_account_id end)
         where e.account_id = ${accountId} and e.effective_at >= ${fromInclusive} and e.effective_at < ${toExclusive}
         order by e.effective_at, e.account_seq
         limit ${limit}`,
  );
}
