import { asc, desc, sql } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { carbonPrices } from './carbon-prices.table.ts';
import type { CarbonPriceRow } from './carbon-prices.repository.ts';

// The admin history view of the price table of this folder: every row, newest first (rowid breaks
// ties between rows written in the same millisecond, as carbonPriceForYear does).
export function carbonPriceHistory(db: Db): CarbonPriceRow[] {
  return db
    .select()
    .from(carbonPrices)
    .orderBy(desc(carbonPrices.createdAt), desc(sql`rowid`))
    .all();
}

export function yearsWithPrice(db: Db): number[] {
  return db.selectDistinct({ year: carbonPrices.year }).from(carbonPrices).orderBy(asc(carbonPrices.year)).all().map((r) => r.year);
}
