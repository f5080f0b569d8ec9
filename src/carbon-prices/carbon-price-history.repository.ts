import { asc, desc } from 'drizzle-orm';
import type { Db } from '../shared/db.ts';
import { insertionOrder, tablesByDialect } from '../shared/dialect.ts';
import * as pgTables from './carbon-prices.pg-table.ts';
import { carbonPrices } from './carbon-prices.table.ts';
import type { CarbonPriceRow } from './carbon-prices.repository.ts';

const tables = tablesByDialect({ carbonPrices }, pgTables);

// The admin history view of the price table of this folder: every row, newest first (insertion
// order breaks ties between rows written in the same millisecond, as carbonPriceForYear does).
export async function carbonPriceHistory(db: Db): Promise<CarbonPriceRow[]> {
  const { carbonPrices } = tables(db);
  return db.select().from(carbonPrices).orderBy(desc(carbonPrices.createdAt), desc(insertionOrder(db, carbonPrices)));
}

export async function yearsWithPrice(db: Db): Promise<number[]> {
  const { carbonPrices } = tables(db);
  return (await db.selectDistinct({ year: carbonPrices.year }).from(carbonPrices).orderBy(asc(carbonPrices.year))).map((r) => r.year);
}
