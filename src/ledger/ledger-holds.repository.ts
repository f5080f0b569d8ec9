import { eq, sql } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { ledgerHoldResolutions, ledgerHolds } from './ledger.table.ts';

export type Hold = typeof ledgerHolds.$inferSelect;
export type HoldResolution = typeof ledgerHoldResolutions.$inferSelect;
export type HoldWithOutcome = Hold & { outcome: HoldResolution['outcome'] | null };

export function findHoldByKey(db: Db, key: string): HoldWithOutcome | undefined {
  const row = db
    .select({ hold: ledgerHolds, outcome: ledgerHoldResolutions.outcome })
    .from(ledgerHolds)
    .leftJoin(ledgerHoldResolutions, eq(ledgerHoldResolutions.holdId, ledgerHolds.id))
    .where(eq(ledgerHolds.key, key))
    .get();
  return row ? { ...row.hold, outcome: row.outcome } : undefined;
}

export function insertHold(db: Db, hold: Hold): void {
  db.insert(ledgerHolds).values(hold).run();
}

export function insertResolution(db: Db, resolution: HoldResolution): void {
  db.insert(ledgerHoldResolutions).values(resolution).run();
}

// Open holds are few (missions between approval and validation): summing them per account is cheap.
function openHoldsSum(db: Db, column: 'debit_account_id' | 'credit_account_id', accountId: string): number {
  const row = db.get<{ total: number | null }>(sql`
    select sum(h.amount_cents) as total from ledger_holds h
     where h.${sql.raw(column)} = ${accountId}
       and not exists (select 1 from ledger_hold_resolutions r where r.hold_id = h.id)`);
  return row?.total ?? 0;
}

export const pendingDebitCents = (db: Db, accountId: string): number => openHoldsSum(db, 'debit_account_id', accountId);
export const pendingCreditCents = (db: Db, accountId: string): number => openHoldsSum(db, 'credit_account_id', accountId);
