import { sql } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { isPostgres, rows } from '../shared/dialect.ts';
import type { CauseKind } from './ledger.models.ts';

// The finance page's list of latest transfers, with both accounts' names and whether each one has
// already been reversed. Newest booked first, by an index on both engines: no scan, whatever the ledger's size.
export type TransferListRow = {
  id: string;
  effectiveAt: string;
  amountCents: number;
  co2eGrams: number;
  causeKind: CauseKind;
  memo: string | null;
  reversesTransferId: string | null;
  debitName: string;
  creditName: string;
  reversedById: string | null;
};

export async function latestTransfers(db: Db, limit: number): Promise<TransferListRow[]> {
  // SQLite's rowid is the booking order; PostgreSQL has none, and walks ledger_transfers_created_idx.
  const newestFirst = isPostgres(db) ? sql`t.created_at desc, t.id desc` : sql`t.rowid desc`;
  return rows<TransferListRow>(
    db,
    sql`select t.id as "id", t.effective_at as "effectiveAt", t.amount_cents as "amountCents", t.co2e_grams as "co2eGrams",
               t.cause_kind as "causeKind", t.memo as "memo", t.reverses_transfer_id as "reversesTransferId",
               d.name as "debitName", c.name as "creditName", r.id as "reversedById"
          from ledger_transfers t
          join ledger_accounts d on d.id = t.debit_account_id
          join ledger_accounts c on c.id = t.credit_account_id
          left join ledger_transfers r on r.reverses_transfer_id = t.id
         order by ${newestFirst}
         limit ${limit}`,
  );
}
