import { eq, sql } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { first, firstRow, tablesByDialect } from '../shared/dialect.ts';
import * as pgTables from './ledger.pg-table.ts';
import { ledgerHoldResolutions, ledgerHolds } from './ledger.table.ts';

const tables = tablesByDialect({ ledgerHoldResolutions, ledgerHolds }, pgTables);

export type Hold = typeof ledgerHolds.$inferSelect;
export type HoldResolution = typeof ledgerHoldResolutions.$inferSelect;
export type HoldWithOutcome = Hold & { outcome: HoldResolution['outcome'] | null };

export async function findHoldByKey(db: Db, key: string): Promise<HoldWithOutcome | undefined> {
  const { ledgerHolds, ledgerHoldResolutions } = tables(db);
  const row = first(
    await db
      .select({ hold: ledgerHolds, outcome: ledgerHoldResolutions.outcome })
      .from(ledgerHolds)
      .leftJoin(ledgerHoldResolutions, eq(ledgerHoldResolutions.holdId, ledgerHolds.id))
      .where(eq(ledgerHolds.key, key))
      .limit(1),
  );
  return row ? { ...row.hold, outcome: row.outcome } : undefined;
}

export async function insertHold(db: Db, hold: Hold): Promise<void> {
  await db.insert(tables(db).ledgerHolds).values(hold);
}

export async function insertResolution(db: Db, resolution: HoldResolution): Promise<void> {
  await db.insert(tables(db).ledgerHoldResolutions).values(resolution);
}

// Open holds are few (missions between approval and validation): summing them per account is cheap.
async function openHoldsSum(db: Db, column: 'debit_account_id' | 'credit_account_id', accountId: string): Promise<number> {
  const row = await firstRow<{ total: number | null }>(
    db,
    sql`select sum(h.amount_cents) as "total" from ledger_holds h
         where h.${sql.raw(column)} = ${accountId}
           and not exists (select 1 from ledger_hold_resolutions r where r.hold_id = h.id)`,
  );
  return row?.total ?? 0;
}

export const pendingDebitCents = (db: Db, accountId: string): Promise<number> => openHoldsSum(db, 'debit_account_id', accountId);
export const pendingCreditCents = (db: Db, accountId: string): Promise<number> => openHoldsSum(db, 'credit_account_id', accountId);
