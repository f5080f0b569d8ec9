import type { DbHandle } from '../shared/db.ts';
import type { CauseKind } from './ledger.models.ts';

// The finance page's list of latest transfers, with both accounts' names and whether each one has
// already been reversed. Newest booked first (rowid order: no scan, whatever the ledger's size).
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

export function latestTransfers(database: DbHandle, limit: number): TransferListRow[] {
  return database.sqlite
    .prepare(
      `select t.id as id, t.effective_at as effectiveAt, t.amount_cents as amountCents, t.co2e_grams as co2eGrams,
              t.cause_kind as causeKind, t.memo as memo, t.reverses_transfer_id as reversesTransferId,
              d.name as debitName, c.name as creditName, r.id as reversedById
         from ledger_transfers t
         join ledger_accounts d on d.id = t.debit_account_id
         join ledger_accounts c on c.id = t.credit_account_id
         left join ledger_transfers r on r.reverses_transfer_id = t.id
        order by t.rowid desc
        limit ?`,
    )
    .all(limit) as TransferListRow[];
}
